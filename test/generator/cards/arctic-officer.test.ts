import { describe, expect, it } from 'vitest';
import { run, has, given } from './read-cards.js';

describe('a cold-weather casualty’s card, read by an arctic medical officer', () => {
  const cold = run('arctic_operation', 8_000, 'arctic officer').filter(
    (p) => p.injury_type !== 'BATTLE_TRAUMA',
  );

  it('rewarms frostbite fast in warm water with ibuprofen, and a non-freezing cold injury slowly', () => {
    const frostbite = cold.filter(
      (p) => p.primary_condition.code === '370977006' && p.vital_signs.length > 1,
    );
    expect(frostbite.length).toBeGreaterThan(20);
    for (const p of frostbite) {
      expect(given(p, /Rapid rewarming in water at 37-39/)).toHaveLength(1);
      expect(given(p, /ibuprofen|NSAID withheld/i).length).toBeGreaterThan(0);
    }
    const nfci = cold.filter((p) => has(p, /non-freezing cold injury/) && p.vital_signs.length > 1);
    expect(nfci.length).toBeGreaterThan(10);
    expect(nfci.filter((p) => given(p, /Rapid rewarming/).length > 0).map((p) => p.id)).toEqual([]);
  });

  it('wraps a hypothermic soldier in the field before the carry, then rewarms actively on arrival', () => {
    const hypothermic = cold.filter(
      (p) => p.primary_condition.code === '386689009' && p.vital_signs.length > 1,
    );
    expect(hypothermic.length).toBeGreaterThan(5);
    for (const p of hypothermic) {
      const wrap = given(p, /Hypothermia wrap/);
      expect(wrap).toHaveLength(1);
      expect(wrap[0]!.location).toBe('POI');
      expect(given(p, /Active external rewarming/)).toHaveLength(1);
    }
  });

  it('charts a hypothermic soldier warm again once rewarmed: normal at the next facility, three hours on', () => {
    const rewarmed = cold.filter(
      (p) =>
        p.primary_condition.code === '386689009' &&
        p.final_status !== 'KIA' &&
        p.vital_signs.some((v) => v.facility !== 'POI'),
    );
    const later = rewarmed.flatMap((p) => {
      const first = p.vital_signs.find((v) => v.facility !== 'POI')!;
      return p.vital_signs
        .filter((v) => v.hours_since_injury >= first.hours_since_injury + 3)
        .map((v) => ({ p, v }));
    });
    expect(later.length).toBeGreaterThan(5);
    expect(later.filter(({ v }) => v.temperature < 36).map(({ p }) => p.id)).toEqual([]);
    // Cold when found: the wrap is for a real hypothermia.
    expect(rewarmed.filter((p) => p.vital_signs[0]!.temperature >= 35).map((p) => p.id)).toEqual([]);
  });
});
