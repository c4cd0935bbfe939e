import { describe, expect, it } from 'vitest';
import { maskedNetwork } from '../../src/usage/index.js';

describe('the client network kept in usage counts', () => {
  it.each([
    ['an IPv4 address, to its /24', '203.0.113.77', '203.0.113.0/24'],
    ['an IPv4-mapped IPv6 address, as IPv4', '::ffff:198.51.100.9', '198.51.100.0/24'],
    ['an IPv6 address, to its /48', '2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['something that is not an address, to nothing', 'unix-socket', ''],
  ])('masks %s', (_, ip, network) => {
    expect(maskedNetwork(ip)).toBe(network);
  });
});
