import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

/** The lines of the start-up error, without its heading. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.message
        .split('\n')
        .slice(1)
        .map((line) => line.trim());
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('object storage configuration (S3_*)', () => {
  it('keeps job files on the disk when S3_BUCKET is unset', () => {
    expect(loadConfig({}).s3).toBeUndefined();
  });

  it('reads a full S3 configuration', () => {
    const config = loadConfig({
      S3_BUCKET: 'milmed-jobs',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'eu-west-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'milmed/prod/',
      S3_ACCESS_KEY_ID: ' AKIAEXAMPLE ',
      S3_SECRET_ACCESS_KEY: 'secret-example',
    });
    expect(config.s3).toEqual({
      bucket: 'milmed-jobs',
      prefix: 'milmed/prod/',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' },
    });
    expect(Object.isFrozen(config.s3)).toBe(true);
  });

  it('leaves region and credentials to the SDK chain when unset', () => {
    expect(loadConfig({ S3_BUCKET: 'milmed-jobs' }).s3).toMatchObject({
      region: undefined,
      credentials: undefined,
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('refuses each bad value with one line naming it', () => {
    expect(
      problems({
        S3_BUCKET: 'Bad_Bucket',
        S3_ENDPOINT: 'ftp://x',
        S3_FORCE_PATH_STYLE: 'maybe',
        S3_PREFIX: 'no-slash',
      }),
    ).toEqual([
      'S3_BUCKET must be a string matching ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ (got "Bad_Bucket")',
      'S3_ENDPOINT must be a string matching ^https?://[^/?#]+/?$ (got "ftp://x")',
      'S3_FORCE_PATH_STYLE must be true or false (got "maybe")',
      'S3_PREFIX must be a string matching ^([A-Za-z0-9_.-]+/)+$ (got "no-slash")',
    ]);
  });

  it('refuses S3 settings without a bucket', () => {
    expect(problems({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_REGION: 'us-east-1' })).toEqual([
      'S3_ENDPOINT, S3_REGION set without S3_BUCKET (set S3_BUCKET to store job files in S3)',
    ]);
  });

  it('refuses half a key pair, without echoing the secret', () => {
    const lines = problems({ S3_BUCKET: 'milmed-jobs', S3_SECRET_ACCESS_KEY: 'very-secret-value' });
    expect(lines).toEqual([
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither, for the SDK credential chain)',
    ]);
    expect(lines.join('\n')).not.toContain('very-secret-value');
  });
});
