import { describe, expect, it } from 'vitest';
import { GenerationSpeed } from '../../src/jobs/generation-speed.js';

describe('the estimated duration of a job', () => {
  it('grows with the patients and the formats asked for, from one second up', () => {
    const speed = new GenerationSpeed();
    expect(speed.estimateSeconds(5, 1, false, false)).toBe(1);
    const one = speed.estimateSeconds(300_000, 1, false, false);
    expect(one).toBeGreaterThan(1);
    expect(speed.estimateSeconds(300_000, 3, false, false)).toBe(one * 3);
    expect(speed.estimateSeconds(300_000, 1, true, true)).toBeGreaterThan(one);
  });

  it('follows the speed measured on completed jobs', () => {
    const speed = new GenerationSpeed();
    const before = speed.estimateSeconds(100_000, 1, false, false);
    for (let i = 0; i < 10; i++) speed.record(10_000, 1, 10); // this machine: 1,000 patients/s
    const after = speed.estimateSeconds(100_000, 1, false, false);
    expect(after).toBeGreaterThan(before * 5);
    expect(after).toBeLessThanOrEqual(101);
  });

  it('ignores tiny jobs, whose time is the fixed cost of a job rather than speed', () => {
    const speed = new GenerationSpeed();
    const before = speed.estimateSeconds(100_000, 1, false, false);
    speed.record(5, 1, 2);
    expect(speed.estimateSeconds(100_000, 1, false, false)).toBe(before);
  });
});
