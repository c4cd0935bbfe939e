import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

function startupError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('TRUST_PROXY at start-up', () => {
  it.each(['true', 'TRUE', ' true '])('refuses %j, naming the variable and the safe settings', (value) => {
    const error = startupError({ TRUST_PROXY: value });
    expect(error.message).toContain('TRUST_PROXY=true is refused');
    expect(error.message).toContain('X-Forwarded-For');
    expect(error.message).toContain('TRUST_PROXY=1');
    expect(error.message).toContain('addresses/CIDRs');
  });

  it('reports a refused TRUST_PROXY together with the other bad variables', () => {
    const error = startupError({ TRUST_PROXY: 'true', PORT: 'abc' });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('TRUST_PROXY');
  });

  it.each(['yes', '10.0.0.0/33', 'fd00::/129', 'proxy.internal', '10.0.0.1,,nope'])(
    'refuses %j, which is neither a hop count nor a list of addresses',
    (value) => {
      expect(startupError({ TRUST_PROXY: value }).message).toContain('TRUST_PROXY must be');
    },
  );

  it.each([
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['fd00::/8,loopback', ['fd00::/8', 'loopback']],
    ['192.168.0.0/255.255.0.0', ['192.168.0.0/255.255.0.0']],
  ])('accepts %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});

describe('API_KEY at start-up', () => {
  it('trims surrounding whitespace, so a key pasted with a newline can be used', () => {
    expect(loadConfig({ API_KEY: '  a-long-enough-key\n' }).legacyApiKey).toBe('a-long-enough-key');
  });

  it('refuses a key shorter than 16 characters once trimmed', () => {
    expect(startupError({ API_KEY: '   short-key-123     ' }).message).toContain('API_KEY');
  });

  it('treats a key of only whitespace as unset', () => {
    expect(loadConfig({ API_KEY: ' \t\n' }).legacyApiKey).toBeUndefined();
  });
});

describe('IPV6_SUBNET_PREFIX and METRICS_TOKEN at start-up', () => {
  it('counts IPv6 clients per /64 by default', () => {
    expect(loadConfig({}).ipv6SubnetPrefix).toBe(64);
  });

  it.each(['0', '129', 'abc'])('refuses IPV6_SUBNET_PREFIX=%s', (value) => {
    expect(startupError({ IPV6_SUBNET_PREFIX: value }).message).toContain('IPV6_SUBNET_PREFIX');
  });

  it('accepts IPV6_SUBNET_PREFIX from 1 to 128', () => {
    expect(loadConfig({ IPV6_SUBNET_PREFIX: '48' }).ipv6SubnetPrefix).toBe(48);
    expect(loadConfig({ IPV6_SUBNET_PREFIX: '128' }).ipv6SubnetPrefix).toBe(128);
  });

  it('trims METRICS_TOKEN and refuses one shorter than 16 characters', () => {
    expect(loadConfig({ METRICS_TOKEN: ' scrape-token-0123456789 ' }).metricsToken).toBe(
      'scrape-token-0123456789',
    );
    expect(startupError({ METRICS_TOKEN: 'short' }).message).toContain('METRICS_TOKEN');
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });
});
