import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Starts the built server with `env` and returns how it ended; a bad configuration never listens. */
function startWith(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['dist/main.js'], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: '/nonexistent/never-used', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('a bad configuration stops the server with one line per bad variable', () => {
  it('names LOG_LEVEL once, with the allowed values, and exits 1', () => {
    const { status, stderr } = startWith({ LOG_LEVEL: 'verbose' });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'Invalid configuration:\n' +
        '  LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")\n',
    );
  });

  it('explains TRUST_PROXY=maybe without a stack trace', () => {
    const { status, stderr } = startWith({ TRUST_PROXY: 'maybe' });
    expect(status).toBe(1);
    expect(stderr).toContain('TRUST_PROXY must be false, a hop count, or a comma list');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every bad variable together, each with what it accepts', () => {
    const { status, stderr } = startWith({ PORT: 'abc', JOB_RETENTION_HOURS: '-1', LOG_LEVEL: 'loud' });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'Invalid configuration:',
      '  PORT must be an integer from 0 to 65535 (got "abc")',
      '  LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      '  JOB_RETENTION_HOURS must be a number above 0 (got "-1")',
    ]);
  });

  it('never repeats a database URL, which may hold a password', () => {
    const { stderr } = startWith({ DATABASE_URL: 'mysql://user:s3cret@db/x' });
    expect(stderr).toContain('DATABASE_URL must be a string matching ^postgres(ql)?://');
    expect(stderr).not.toContain('s3cret');
  });
});
