import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  type Patient,
  parseScenario,
} from '../../src/generator/index.js';

const bytes = (patients: Iterable<Patient>): string => {
  const h = createHash('sha256');
  for (const p of patients) h.update(`${JSON.stringify(p)}\n`);
  return h.digest('hex');
};

describe('determinism', () => {
  it('gives the same bytes for the same seed', () => {
    const a = bytes(generatePatients(DEFAULT_SCENARIO, { seed: 's1', count: 500 }));
    const b = bytes(generatePatients(DEFAULT_SCENARIO, { seed: 's1', count: 500 }));
    expect(a).toBe(b);
  });

  it('gives different patients for different seeds', () => {
    const a = [...generatePatients(DEFAULT_SCENARIO, { seed: 's1', count: 50 })];
    const b = [...generatePatients(DEFAULT_SCENARIO, { seed: 's2', count: 50 })];
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('gives the same patients whatever the chunking or worker split', () => {
    const n = 1200;
    const whole = [...generatePatients(DEFAULT_SCENARIO, { seed: 'chunk', count: n })].map((p) =>
      JSON.stringify(p),
    );
    for (const k of [1, 137, 600, 1199]) {
      const first = [...generatePatients(DEFAULT_SCENARIO, { seed: 'chunk', count: n, start: 0, end: k })];
      const second = [...generatePatients(DEFAULT_SCENARIO, { seed: 'chunk', count: n, start: k, end: n })];
      expect([...first, ...second].map((p) => JSON.stringify(p))).toEqual(whole);
    }
    const workers = [0, 1, 2, 3].flatMap((w) => [
      ...generatePatients(DEFAULT_SCENARIO, { seed: 'chunk', count: n, start: w * 300, end: (w + 1) * 300 }),
    ]);
    expect(workers.map((p) => JSON.stringify(p))).toEqual(whole);
  });

  it('numbers patients 0..N-1 in injury-time order', () => {
    const patients = [...generatePatients(DEFAULT_SCENARIO, { seed: 'order', count: 800 })];
    expect(patients.map((p) => p.id)).toEqual([...Array(800).keys()]);
    const times = patients.map((p) => Date.parse(p.injury_timestamp));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
  });

  it('dates everything from base_date, not from the clock', () => {
    const parsed = parseScenario({ base_date: '2031-02-03', days_of_fighting: 2, total_patients: 50 });
    if (!parsed.ok) throw new Error('scenario rejected');
    const patients = [...generatePatients(parsed.scenario, { seed: 'date', count: 50 })];
    for (const p of patients) {
      expect(
        p.injury_timestamp >= '2031-02-03T00:00:00Z' && p.injury_timestamp < '2031-02-05T00:00:00Z',
      ).toBe(true);
      expect(p.injury_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const ageAtBase =
        (Date.parse('2031-02-03') - Date.parse(p.demographics.birthdate)) / (365.25 * 86_400_000);
      expect(Math.floor(ageAtBase)).toBeGreaterThanOrEqual(p.age - 1);
      expect(Math.floor(ageAtBase)).toBeLessThanOrEqual(p.age);
    }
  });

  it('gives the same bytes under another machine time zone', () => {
    const script = fileURLToPath(new URL('./fixtures/hash-run.ts', import.meta.url));
    const run = (tz: string): string =>
      execFileSync(process.execPath, ['--import', 'tsx', script], {
        encoding: 'utf8',
        env: { ...process.env, TZ: tz },
      }).trim();
    const utc = run('UTC');
    expect(utc).toMatch(/^[0-9a-f]{64}$/);
    expect(run('Pacific/Auckland')).toBe(utc);
  });
});
