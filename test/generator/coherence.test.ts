import { describe, expect, it } from 'vitest';
import {
  bloodLossAt,
  type CareTimes,
  DEFAULT_SCENARIO,
  exsanguinationTime,
  generatePatients,
  injurySeverityScore,
  lateDeathProbability,
  newInjurySeverityScore,
  type Patient,
} from '../../src/generator/index.js';

const patients: Patient[] = [...generatePatients(DEFAULT_SCENARIO, { seed: 'coherence', count: 6000 })];
const battle = patients.filter((p) => p.injury_type === 'BATTLE_TRAUMA');
const dead = (p: Patient): boolean => p.final_status === 'KIA';
const deathHours = (p: Patient): number => p.outcome.hours_since_injury;
/** No care at all: every kind of care never happens. */
const NO_CARE: CareTimes = {
  limbControl: Number.POSITIVE_INFINITY,
  dressing: Number.POSITIVE_INFINITY,
  pelvicBinder: Number.POSITIVE_INFINITY,
  junctionalControl: Number.POSITIVE_INFINITY,
  junctionalTamponade: Number.POSITIVE_INFINITY,
  surgery: Number.POSITIVE_INFINITY,
  torsoSelfLimit: Number.POSITIVE_INFINITY,
  txa: Number.POSITIVE_INFINITY,
  blood: Number.POSITIVE_INFINITY,
};
const hasCode = (p: Patient, ...codes: string[]): boolean => p.conditions.some((c) => codes.includes(c.code));

describe('injury scores', () => {
  it('computes ISS from the three worst ISS regions (hand-checked examples)', () => {
    // TARN worked example: mandible 2 (face) + radius 2 (extremities) + flail chest 4 (chest) = 24.
    expect(
      injurySeverityScore([
        { iss: 'face', ais: 2 },
        { iss: 'extremities', ais: 2 },
        { iss: 'chest', ais: 4 },
      ]),
    ).toBe(24);
    // Two head injuries count once in ISS: 4² + 3² = 25; NISS counts both: 16 + 9 + 9 = 34.
    const headTwice = [
      { iss: 'head_neck', ais: 4 },
      { iss: 'head_neck', ais: 3 },
      { iss: 'extremities', ais: 3 },
    ] as const;
    expect(injurySeverityScore(headTwice)).toBe(25);
    expect(newInjurySeverityScore(headTwice)).toBe(34);
    // Only the three worst regions: 5² + 4² + 3² = 50, the AIS 2 region is ignored.
    expect(
      injurySeverityScore([
        { iss: 'head_neck', ais: 5 },
        { iss: 'abdomen', ais: 4 },
        { iss: 'chest', ais: 3 },
        { iss: 'external', ais: 2 },
      ]),
    ).toBe(50);
    // Any AIS 6 scores 75; a single minor wound scores 1.
    expect(
      injurySeverityScore([
        { iss: 'chest', ais: 6 },
        { iss: 'external', ais: 1 },
      ]),
    ).toBe(75);
    expect(newInjurySeverityScore([{ ais: 6 }])).toBe(75);
    expect(injurySeverityScore([{ iss: 'external', ais: 1 }])).toBe(1);
  });

  it('writes ISS, NISS and every injury AIS on each battle casualty, consistent with the conditions', () => {
    for (const p of battle) {
      const injuries = p.conditions.filter((c) => c.ais !== undefined);
      expect(injuries.length).toBeGreaterThan(0);
      for (const c of injuries) {
        expect(c.ais).toBeGreaterThanOrEqual(1);
        expect(c.ais).toBeLessThanOrEqual(6);
      }
      const scores = injuries.map((c) => ({ iss: c.iss_region!, ais: c.ais! }));
      expect(p.injury_severity_score).toBe(injurySeverityScore(scores));
      expect(p.new_injury_severity_score).toBe(newInjurySeverityScore(scores));
      expect(p.new_injury_severity_score).toBeGreaterThanOrEqual(p.injury_severity_score);
    }
  });

  it('never repeats a concept in the same body region', () => {
    for (const p of patients) {
      const keys = p.conditions.map((c) => `${c.body_region}|${c.code}`);
      expect(new Set(keys).size, `patient ${p.id}`).toBe(keys.length);
    }
  });

  it('gives most casualties one or two wounds and a few very many', () => {
    const counts = battle.map((p) => p.conditions.filter((c) => c.ais !== undefined).length);
    const share = (pred: (n: number) => boolean): number => counts.filter(pred).length / counts.length;
    expect(share((n) => n <= 2)).toBeGreaterThan(0.6);
    expect(share((n) => n >= 6)).toBeGreaterThan(0.01);
  });
});

describe('outcome follows severity and care', () => {
  it('raises the probability of death steeply with ISS', () => {
    const p = (iss: number) => lateDeathProbability({ iss, tbi: 0, burnTbsa: 0, needsDcs: false }, false, 1);
    expect(p(4)).toBeLessThan(0.01);
    expect(p(9)).toBeLessThan(p(16));
    expect(p(16)).toBeLessThan(p(25));
    expect(p(25)).toBeLessThan(p(50));
    expect(p(50) / p(9)).toBeGreaterThan(10);
    // And in generated casualties: case fatality rises band by band.
    const cfr = (lo: number, hi: number): number => {
      const band = battle.filter((x) => x.injury_severity_score >= lo && x.injury_severity_score <= hi);
      return band.filter(dead).length / band.length;
    };
    expect(cfr(1, 8)).toBeLessThan(cfr(9, 15));
    expect(cfr(9, 15)).toBeLessThan(cfr(16, 24));
    expect(cfr(16, 24)).toBeLessThan(cfr(25, 75));
  });

  it('raises mortality with delay to damage-control surgery', () => {
    const casualty = { iss: 25, tbi: 0 as const, burnTbsa: 0, needsDcs: true };
    const at = (h: number) => lateDeathProbability(casualty, true, h);
    expect(at(1)).toBeLessThan(at(2));
    expect(at(2)).toBeLessThan(at(4));
    // A torso bleed of 0.5 %/min (0.3 of blood volume per hour) is survived with surgery at 1 h, not at 3 h.
    const care = (surgery: number): CareTimes => ({ ...NO_CARE, surgery });
    const torso = { limb: 0, junctional: 0, torso: 0.3, pelvic: 0 };
    expect(exsanguinationTime(torso, care(1))).toBeUndefined();
    expect(exsanguinationTime(torso, care(3))).toBeCloseTo(1.5, 5);
  });

  it('saves a limb bleed with a tourniquet in time and not without', () => {
    const limb = { limb: 1.2, junctional: 0, torso: 0, pelvic: 0 }; // 2 % of blood volume a minute
    const base = NO_CARE;
    expect(exsanguinationTime(limb, { ...base, limbControl: 5 / 60 })).toBeUndefined();
    expect(exsanguinationTime(limb, { ...base, limbControl: 1 })).toBeCloseTo(0.375, 5);
  });

  it('keeps a packed junctional bleed alive until surgery once a tamponade holds it at the facility', () => {
    const groin = { limb: 0, junctional: 1.2, torso: 0, pelvic: 0 };
    const packed: CareTimes = { ...NO_CARE, dressing: 0.1, surgery: 2 };
    // Packing alone leaves 0.36 of blood volume an hour: 45 % is lost just after the first hour.
    expect(exsanguinationTime(groin, packed)).toBeCloseTo(0.1 + 0.33 / 0.36, 5);
    expect(exsanguinationTime(groin, { ...packed, junctionalTamponade: 0.5 })).toBeUndefined();
  });

  it('lets a pelvic binder hold a broken pelvis until its bleeding stops, where an unbound pelvis bleeds out', () => {
    const pelvis = { limb: 0, junctional: 0, torso: 0, pelvic: 0.3 }; // 0.5 % of blood volume a minute
    const unbound: CareTimes = { ...NO_CARE, surgery: 3, torsoSelfLimit: 2 };
    expect(exsanguinationTime(pelvis, unbound)).toBeCloseTo(1.5, 5);
    const bound = { ...unbound, pelvicBinder: 0.1 };
    expect(exsanguinationTime(pelvis, bound)).toBeUndefined();
    // 0.03 before the binder, then 0.09 an hour until the bleeding stops at 2 h.
    expect(bloodLossAt(pelvis, bound, 5)).toBeCloseTo(0.03 + 0.09 * 1.9, 5);
  });

  it('never returns to duty after a femur fracture, amputation, moderate or severe TBI or laparotomy', () => {
    for (const p of patients) {
      const femur = hasCode(p, '25415003', '46866001');
      const amputation = hasCode(p, '262595009');
      const tbi = p.conditions.some((c) => c.code === '127295002');
      const laparotomy = p.treatments.some((t) => t.code === '86481000');
      if (femur || amputation || tbi || laparotomy) expect(p.final_status, `patient ${p.id}`).not.toBe('RTD');
    }
  });

  it('keeps KIA and DOW apart while final_status still merges them for old clients', () => {
    for (const p of patients) {
      if (p.outcome.category === 'KIA') {
        expect(p.final_status_detail).toBe('KIA');
        expect(p.nato_triage).toBe('DEAD');
      }
      if (p.outcome.category === 'DOW') expect(p.final_status_detail).toBe('DOW');
      if (['KIA', 'DOW', 'NON_BATTLE_DEATH'].includes(p.final_status_detail))
        expect(p.final_status).toBe('KIA');
    }
    expect(patients.some((p) => p.final_status_detail === 'DOW')).toBe(true);
  });
});

describe('care and physiology', () => {
  it('records no treatment and no vital signs at or after death, and none at all for the dead at 0 min', () => {
    for (const p of patients.filter(dead)) {
      for (const t of p.treatments)
        expect(t.hours_since_injury!, `patient ${p.id}`).toBeLessThan(deathHours(p) + 0.01);
      for (const v of p.vital_signs) expect(v.hours_since_injury).toBeLessThan(deathHours(p) + 0.01);
      if (p.outcome.time_of_death_minutes === 0) {
        expect(p.treatments).toEqual([]);
        expect(p.vital_signs).toEqual([]);
      }
    }
  });

  it('times every treatment at or after arrival at the facility that gave it', () => {
    for (const p of patients) {
      for (const t of p.treatments) {
        const arrival = p.movement_timeline.find(
          (e) => e.event_type === 'arrival' && e.facility === t.location,
        );
        expect(arrival, `patient ${p.id} ${t.treatment}`).toBeDefined();
        expect(t.hours_since_injury!).toBeGreaterThanOrEqual(arrival!.hours_since_injury - 0.01);
      }
    }
  });

  it('gives antibiotics only for open wounds or infections', () => {
    const noAntibiotics = ['Insomnia', 'Posttraumatic stress disorder', 'Headache', 'Anxiety disorder'];
    for (const p of patients) {
      if (!p.treatments.some((t) => t.code === '281789004')) continue;
      expect(noAntibiotics).not.toContain(p.conditions[0]?.name);
    }
  });

  it('records vital signs consistent with the triage category', () => {
    const live = battle.filter((p) => p.nato_triage !== 'DEAD' && p.vital_signs.length > 0);
    for (const p of live.filter((x) => x.nato_triage === 'T3')) {
      const v = p.vital_signs[0]!;
      expect(v.systolic_bp, `patient ${p.id}`).toBeGreaterThanOrEqual(90);
      expect(v.heart_rate).toBeLessThanOrEqual(120);
      expect(v.gcs).toBeGreaterThanOrEqual(13);
      expect(v.respiratory_rate).toBeGreaterThanOrEqual(10);
      expect(v.respiratory_rate).toBeLessThanOrEqual(29);
    }
    const meanHr = (t: string): number => {
      const g = live.filter((p) => p.nato_triage === t);
      return g.reduce((a, p) => a + p.vital_signs[0]!.heart_rate, 0) / g.length;
    };
    expect(meanHr('T1')).toBeGreaterThan(meanHr('T2'));
    expect(meanHr('T2')).toBeGreaterThan(meanHr('T3'));
  });

  it('shows deterioration before a death and recovery after care', () => {
    const dow = battle.filter((p) => p.final_status_detail === 'DOW' && p.vital_signs.length >= 2);
    expect(dow.length).toBeGreaterThan(0);
    for (const p of dow) {
      const last = p.vital_signs[p.vital_signs.length - 1]!;
      expect(last.systolic_bp < 90 || last.gcs <= 8, `patient ${p.id}`).toBe(true);
    }
    const surgical = battle.filter(
      (p) =>
        p.final_status !== 'KIA' &&
        p.treatments.some((t) => t.code === '116859006') &&
        p.vital_signs.some((v) => v.facility === 'Role3'),
    );
    const recovered = surgical.filter((p) => {
      const worst = Math.min(...p.vital_signs.map((v) => v.systolic_bp));
      return p.vital_signs.find((v) => v.facility === 'Role3')!.systolic_bp > worst;
    });
    expect(recovered.length / surgical.length).toBeGreaterThan(0.8);
  });

  it('never triages a headache, insomnia or a cold T1, and lets DNBI die only of a condition that can kill', () => {
    const trivial = ['Headache', 'Insomnia', 'Upper respiratory infection', 'Sprain of ankle'];
    for (const p of patients.filter((x) => x.injury_type !== 'BATTLE_TRAUMA')) {
      if (trivial.includes(p.conditions[0]!.name)) {
        expect(p.nato_triage).not.toBe('T1');
        expect(p.final_status).not.toBe('KIA');
      }
      if (dead(p) && p.injury_type === 'DISEASE') expect(p.conditions[0]!.name).toBe('Pneumonia');
    }
  });
});
