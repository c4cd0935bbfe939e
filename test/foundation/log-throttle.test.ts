import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, databaseUnavailableReason } from '../../src/db/index.js';
import { LogThrottle } from '../../src/logging/index.js';

describe('LogThrottle', () => {
  it('writes the first occurrence, then one line per interval carrying the count left out', () => {
    let now = 0;
    const throttle = new LogThrottle(10_000, () => now);
    expect(throttle.admit('db')).toEqual({ write: true, suppressed: 0 });
    for (let i = 0; i < 999; i++) expect(throttle.admit('db').write).toBe(false);
    now += 9_999;
    expect(throttle.admit('db').write).toBe(false);
    now += 1;
    expect(throttle.admit('db')).toEqual({ write: true, suppressed: 1000 });
    expect(throttle.admit('db')).toEqual({ write: false, suppressed: 1 });
  });

  it('throttles each kind on its own', () => {
    const throttle = new LogThrottle(10_000, () => 0);
    expect(throttle.admit('db:ECONNREFUSED').write).toBe(true);
    expect(throttle.admit('500:/api/v1/jobs/:TypeError').write).toBe(true);
    expect(throttle.admit('db:ECONNREFUSED').write).toBe(false);
  });
});

describe('databaseUnavailableReason', () => {
  const wrapped = (cause: Error) =>
    Object.assign(new Error('Failed query: select 1\nparams: secret'), { cause });
  const pgError = (code: string) => Object.assign(new Error('server says no'), { code, severity: 'FATAL' });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'ECONNREFUSED',
    ],
    ['a server shutting down', pgError('57P01'), '57P01'],
    ['a statement timeout', pgError('57014'), '57014'],
    ['a connection exception', pgError('08006'), '08006'],
    [
      'a lost connection',
      new Error('Connection terminated unexpectedly'),
      'Connection terminated unexpectedly',
    ],
    [
      'a pool acquire timeout',
      new Error('timeout exceeded when trying to connect'),
      'timeout exceeded when trying to connect',
    ],
    ['a hung query', new Error('Query read timeout'), 'Query read timeout'],
    ['our own error', new DatabaseUnavailableError('socket gone'), 'socket gone'],
  ])('recognises %s, also inside a Drizzle error, without its SQL', (_name, error, reason) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
    expect(databaseUnavailableReason(wrapped(error))).toBe(reason);
  });

  it('leaves every other error alone', () => {
    expect(databaseUnavailableReason(pgError('23505'))).toBeUndefined(); // unique violation: a bug, not an outage
    expect(databaseUnavailableReason(pgError('22P02'))).toBeUndefined();
    expect(databaseUnavailableReason(new TypeError('x is undefined'))).toBeUndefined();
    expect(
      databaseUnavailableReason(Object.assign(new Error('no file'), { code: 'ENOENT', syscall: 'open' })),
    ).toBeUndefined();
    expect(databaseUnavailableReason('ECONNREFUSED')).toBeUndefined();
  });
});
