import { describe, expect, it } from 'vitest';
import { clientSubject } from '../../src/ratelimit/index.js';

describe('the subject a client IP is counted under', () => {
  it('is the IPv4 address itself', () => {
    expect(clientSubject('203.0.113.9', 64)).toBe('203.0.113.9');
  });

  it('is the IPv4 address for an IPv4-mapped IPv6 address, in either spelling', () => {
    expect(clientSubject('::ffff:203.0.113.9', 64)).toBe('203.0.113.9');
    expect(clientSubject('::FFFF:cb00:7109', 64)).toBe('203.0.113.9');
    expect(clientSubject('0:0:0:0:0:ffff:203.0.113.9', 128)).toBe('203.0.113.9');
  });

  it('puts every address of one /64 under the same subject', () => {
    const a = clientSubject('2001:db8:1:2:aaaa:bbbb:cccc:dddd', 64);
    const b = clientSubject('2001:db8:1:2::1', 64);
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
  });

  it('keeps neighbouring /64s apart', () => {
    expect(clientSubject('2001:db8:1:3::1', 64)).not.toBe(clientSubject('2001:db8:1:2::1', 64));
  });

  it('writes one network one way, whatever the spelling of the address', () => {
    const spellings = ['2001:DB8:0001:0002::9', '2001:db8:1:2:0:0:0:9', '2001:0db8:0001:0002:ffff::'];
    for (const ip of spellings) expect(clientSubject(ip, 64)).toBe('2001:db8:1:2::/64');
  });

  it('honours other prefix lengths, including ones inside a group', () => {
    expect(clientSubject('2001:db8:abcd:12ff::1', 48)).toBe('2001:db8:abcd::/48');
    expect(clientSubject('2001:db8:abcd:12ff::1', 56)).toBe('2001:db8:abcd:1200::/56');
    expect(clientSubject('2001:db8:abcd:12ff::1', 1)).toBe('::/1');
    expect(clientSubject('ffff:db8::1', 1)).toBe('8000::/1');
  });

  it('is the canonical address itself with a prefix of 128', () => {
    expect(clientSubject('2001:DB8:0:0:1:0:0:1', 128)).toBe('2001:db8::1:0:0:1');
    expect(clientSubject('::1', 128)).toBe('::1');
  });

  it('compresses only the first of two equally long zero runs (RFC 5952)', () => {
    expect(clientSubject('2001:0:0:1:0:0:1:1', 128)).toBe('2001::1:0:0:1:1');
  });

  it('drops a zone index', () => {
    expect(clientSubject('fe80::1:2%eth0', 64)).toBe('fe80::/64');
  });

  it('returns anything that is not an IP unchanged', () => {
    expect(clientSubject('unknown', 64)).toBe('unknown');
    expect(clientSubject('', 64)).toBe('');
  });
});
