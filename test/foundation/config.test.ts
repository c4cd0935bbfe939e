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

describe('configuration at start-up', () => {
  describe('refuses a bad value with a message naming the variable', () => {
    it.each([
      ['PORT', 'abc'],
      ['API_KEY', 'short-key'],
      ['LOG_LEVEL', 'loud'],
      ['DATABASE_URL', 'mysql://x'],
      ['JOB_TIMEOUT_SECONDS', '0'],
    ])('%s=%s', (variable, value) => {
      const error = startupError({ [variable]: value });
      expect(error.message).toContain(variable);
    });

    it('names every bad variable at once', () => {
      const error = startupError({ PORT: 'abc', LOG_LEVEL: 'loud' });
      expect(error.message).toContain('PORT');
      expect(error.message).toContain('LOG_LEVEL');
    });
  });

  it('listens on port 8000 and keeps data in ./data by default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8000);
    expect(config.dataDir).toBe('./data');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('treats an empty API_KEY as unset, so there is no legacy key', () => {
    expect(loadConfig({ API_KEY: '' }).legacyApiKey).toBeUndefined();
  });

  it('accepts a legacy key of 16 characters or more', () => {
    expect(loadConfig({ API_KEY: 'a-long-enough-key' }).legacyApiKey).toBe('a-long-enough-key');
  });

  it('refuses JOB_WORKERS=0 on the embedded store, where only the server process can run jobs', () => {
    expect(startupError({ JOB_WORKERS: '0' }).message).toContain('JOB_WORKERS=0 needs DATABASE_URL');
    const apiOnly = loadConfig({ JOB_WORKERS: '0', DATABASE_URL: 'postgres://db/milmed' });
    expect(apiOnly.jobQueue.workers).toBe(false);
    expect(loadConfig({}).jobQueue).toMatchObject({ workers: true, timeoutSeconds: 900, retryLimit: 2 });
  });

  it('hands out a frozen config', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
