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
    // High-flow oxygen from the rescuers, before any facility (ERC 2021, drowning), unless the mass-casualty
    // triage made the casualty expectant: comfort care only in the field.
    const rescued = (p: Patient) =>
      given(p, /Oxygen 15 L\/min by non-rebreather mask from the rescuers/).some((t) => t.location === 'POI');
    const expectant = (p: Patient) => given(p, /expectant \(T4\)/).some((t) => t.location === 'POI');
    expect(idsOf(watched.filter((p) => !expectant(p) && !rescued(p)))).toEqual([]);
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

  it('sends one who inhaled water to hospital as delayed at least, and eases the pain with ketamine, never a lozenge or an NSAID', () => {
    const drowned = atSea.filter((p) => has(p, /Drowning/));
    // The field triage errs for a few, as it does for every casualty (course.ts): most are T1 or T2.
    const minimal = drowned.filter((p) => p.nato_triage === 'T3');
    expect(minimal.length).toBeLessThan(drowned.length * 0.15);
    const fieldDrugs = drowned.flatMap((p) =>
      given(p, /oral transmucosal|meloxicam/).filter((t) => t.location === 'POI'),
    );
    expect(fieldDrugs).toEqual([]);
    expect(drowned.filter((p) => given(p, /Ketamine/).length > 0).length).toBeGreaterThan(3);
  });
});

describe('a sailor burnt in a ship fire, read by a ship’s medical officer', () => {
  const burnt = run('maritime_operation', 12_000, 'ship fire').filter(
    (p) => p.injury_type === 'BATTLE_TRAUMA' && p.conditions.some((c) => c.tbsa_percent !== undefined),
  );
  const idsOf = (ps: Patient[]) => ps.map((p) => p.id);
  const tbsa = (p: Patient) => p.conditions.reduce((sum, c) => sum + (c.tbsa_percent ?? 0), 0);
  const deepFace = (p: Patient) =>
    p.conditions.some(
      (c) => c.name === 'Full thickness burn' && c.body_region === 'Head/Neck' && (c.tbsa_percent ?? 0) >= 3,
    );
  const firstFacility = (p: Patient) => p.treatments.find((t) => t.location !== 'POI')?.location;
  const reachedCare = burnt.filter(
    (p) =>
      firstFacility(p) !== undefined &&
      p.outcome.hours_since_injury > p.vital_signs[1]!.hours_since_injury + 0.25,
  );

  it('covers every burn with a dry dressing where the sailor fell, before anyone else sees it', () => {
    // Alive for the few minutes the medic needs once the bleeding and the airway are seen to.
    const treatedThere = burnt.filter((p) => {
      const triage = p.treatments.find((t) => t.location === 'POI');
      return triage !== undefined && p.outcome.hours_since_injury > (triage.hours_since_injury ?? 0) + 0.2;
    });
    expect(treatedThere.length).toBeGreaterThan(100);
    expect(
      idsOf(treatedThere.filter((p) => given(p, /Burns covered with dry sterile dressings/).length !== 1)),
    ).toEqual([]);
  });

  it('intubates early the sailor whose face is burnt deep or whose burn covers 40 % of the body, before the airway swells', () => {
    const threatened = reachedCare.filter((p) => tbsa(p) >= 40 || deepFace(p));
    expect(threatened.length).toBeGreaterThan(15);
    const tubed = (p: Patient) => given(p, /intubation/).some((t) => t.location === firstFacility(p));
    expect(idsOf(threatened.filter((p) => !tubed(p)))).toEqual([]);
    // And not the sailor with a small, shallow burn and nothing else threatening the airway.
    const small = reachedCare.filter(
      (p) => tbsa(p) < 20 && !deepFace(p) && !has(p, /brain|Injury of artery|spinal cord/i),
    );
    expect(small.length).toBeGreaterThan(50);
    expect(idsOf(small.filter((p) => given(p, /intubation/).length > 0))).toEqual([]);
  });

  it('triages the sailor whose airway must be secured as immediate, and nurses the ventilated in intensive care, never on a ward', () => {
    const tubed = reachedCare.filter((p) => given(p, /intubation/).some((t) => t.location !== 'POI'));
    expect(tubed.length).toBeGreaterThan(15);
    expect(idsOf(tubed.filter((p) => p.nato_triage === 'T3'))).toEqual([]);
    expect(idsOf(tubed.filter((p) => given(p, /Ward care|physiotherapist/).length > 0))).toEqual([]);
    const heldAtRole3 = tubed.filter((p) =>
      p.movement_timeline.some((e) => e.facility === 'Role3' && e.event_type === 'arrival'),
    );
    expect(heldAtRole3.length).toBeGreaterThan(5);
    expect(
      idsOf(heldAtRole3.filter((p) => given(p, /Admission to intensive care unit/).length === 0)),
    ).toEqual([]);
  });
});
