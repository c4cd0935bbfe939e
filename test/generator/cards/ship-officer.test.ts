import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/generator/index.js';
import { run, has, given } from './read-cards.js';

describe('a sailor pulled from the sea, read by a ship’s medical officer', () => {
  const atSea = run('maritime_operation', 8_000, 'ship officer').filter(
    (p) => has(p, /immersion in cold water/) && p.vital_signs.some((v) => v.facility !== 'POI'),
  );
  const idsOf = (ps: Patient[]) => ps.map((p) => p.id);
  const facility = (p: Patient) => p.vital_signs.filter((v) => v.facility !== 'POI');

  it('arrives cold, is rewarmed actively, and is warm again three hours into care', () => {
    expect(atSea.length).toBeGreaterThan(30);
    expect(idsOf(atSea.filter((p) => p.vital_signs[0]!.temperature >= 35.5))).toEqual([]);
    const survivors = atSea.filter((p) => p.final_status !== 'KIA');
    expect(idsOf(survivors.filter((p) => given(p, /active rewarming/).length !== 1))).toEqual([]);
    // Sets taken three hours or more after reaching the first facility.
    const rewarmed = (p: Patient) =>
      facility(p).filter((v) => v.hours_since_injury >= facility(p)[0]!.hours_since_injury + 3);
    const later = atSea.filter((p) => rewarmed(p).length > 0);
    expect(later.length).toBeGreaterThan(10);
    expect(idsOf(later.filter((p) => rewarmed(p).some((v) => v.temperature < 36)))).toEqual([]);
  });

  it('gives one who inhaled water oxygen and watches for pulmonary oedema', () => {
    const drowned = atSea.filter((p) => has(p, /Drowning/));
    expect(drowned.length).toBeGreaterThan(5);
    const watched = drowned.filter((p) => p.final_status !== 'KIA');
    expect(idsOf(watched.filter((p) => given(p, /delayed pulmonary oedema/).length !== 1))).toEqual([]);
    // Plain films need Role 2's X-ray (AJP-4.10): the chest is filmed there, not at Role 1.
    const chestFilms = watched.flatMap((p) => given(p, /X-ray/).filter((t) => /chest/.test(t.detail ?? '')));
    expect(chestFilms.length).toBeGreaterThan(3);
    expect(chestFilms.filter((t) => t.location !== 'Role2' && t.location !== 'Role3')).toEqual([]);
    const reachedRole2 = watched.filter((p) => p.movement_timeline.some((e) => e.facility === 'Role2'));
    expect(idsOf(reachedRole2.filter((p) => !given(p, /X-ray of the chest/).length))).toEqual([]);
    const dry = atSea.filter((p) => !has(p, /Drowning/));
    const meanFirstSpo2 = (ps: Patient[]) => ps.reduce((a, p) => a + p.vital_signs[0]!.spo2, 0) / ps.length;
    expect(meanFirstSpo2(drowned)).toBeLessThan(meanFirstSpo2(dry) - 3);
  });
});
