import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/generator/index.js';
import { run } from './read-cards.js';

describe('an ill patient’s vital signs over the days', () => {
  const everyone = run(undefined, 40_000, 'ward round');
  const ill = everyone.filter((p) => p.injury_type === 'DISEASE');

  it('writes no cause of death, and no vital signs after the end, on a patient who returned to duty or was flown home', () => {
    const survivors = everyone.filter((p) => p.final_status === 'RTD' || p.final_status === 'Remains_Role4');
    expect(survivors.length).toBeGreaterThan(30_000);
    expect(survivors.filter((p) => p.cause_of_death !== undefined).map((p) => p.id)).toEqual([]);
    const afterTheEnd = survivors.filter((p) =>
      p.vital_signs.some((v) => v.hours_since_injury > p.outcome.hours_since_injury),
    );
    expect(afterTheEnd.map((p) => p.id)).toEqual([]);
  });

  it('shows a recovering pneumonia breathing better than on arrival', () => {
    const pneumonia = ill.filter(
      (p) =>
        p.primary_condition.code === '233604007' && p.final_status !== 'KIA' && p.vital_signs.length >= 3,
    );
    expect(pneumonia.length).toBeGreaterThan(10);
    const arrival = (p: Patient) => p.vital_signs[1]!;
    const last = (p: Patient) => p.vital_signs.at(-1)!;
    expect(pneumonia.filter((p) => last(p).spo2 < arrival(p).spo2).map((p) => p.id)).toEqual([]);
    const aDayLater = pneumonia.filter(
      (p) => last(p).hours_since_injury - arrival(p).hours_since_injury >= 24,
    );
    expect(aDayLater.length).toBeGreaterThan(3);
    expect(aDayLater.filter((p) => last(p).spo2 <= arrival(p).spo2).map((p) => p.id)).toEqual([]);
  });
});
