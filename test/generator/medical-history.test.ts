import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients } from '../../src/generator/index.js';
import { drawMedicalHistory, NO_KNOWN_ALLERGY } from '../../src/generator/medical-history.js';
import { Rng } from '../../src/generator/rng.js';

const histories = (age: number, n = 20_000) =>
  Array.from({ length: n }, (_, i) => drawMedicalHistory(new Rng('history-test', `age-${age}`, i), age));
const share = <T>(xs: readonly T[], pred: (x: T) => boolean) => xs.filter(pred).length / xs.length;
const hasCode = (entries: readonly { code: string }[], code: string) => entries.some((e) => e.code === code);

const PENICILLIN = '91936005';
const HYPERTENSION = '59621000';
const MEDICATION_FOR: Record<string, string> = {
  '372523007': '61582004',
  '372897005': '195967001',
  '387207008': '278860009',
  '386873009': HYPERTENSION,
  '395892000': '37796009',
  '372594008': '35489007',
  '387137007': '235595009',
};

describe('allergies, comorbidities and current medications', () => {
  it('labels about one young soldier in twelve allergic to penicillin, and most with no known allergy', () => {
    const young = histories(24);
    expect(share(young, (h) => hasCode(h.allergies, PENICILLIN))).toBeGreaterThan(0.06);
    expect(share(young, (h) => hasCode(h.allergies, PENICILLIN))).toBeLessThan(0.1);
    expect(share(young, (h) => hasCode(h.allergies, NO_KNOWN_ALLERGY.code))).toBeGreaterThan(0.85);
  });

  it('records "No known allergy" only alone', () => {
    for (const h of histories(30, 5000)) {
      if (hasCode(h.allergies, NO_KNOWN_ALLERGY.code)) expect(h.allergies).toHaveLength(1);
      expect(h.allergies.length).toBeGreaterThan(0);
    }
  });

  it('makes hypertension commoner with age', () => {
    const under30 = share(histories(24), (h) => hasCode(h.comorbidities, HYPERTENSION));
    const over40 = share(histories(44), (h) => hasCode(h.comorbidities, HYPERTENSION));
    expect(under30).toBeLessThan(0.03);
    expect(over40).toBeGreaterThan(3 * under30);
  });

  it('gives a medicine only for a condition the casualty has', () => {
    for (const h of histories(35, 5000)) {
      for (const m of h.medications)
        expect(hasCode(h.comorbidities, MEDICATION_FOR[m.code] ?? '')).toBe(true);
    }
  });

  it('lists no standing ibuprofen beside a reason to withhold an NSAID: sertraline, lisinopril, reflux or asthma', () => {
    const IBUPROFEN = '387207008';
    const cautioned = (h: ReturnType<typeof drawMedicalHistory>) =>
      hasCode(h.medications, '372594008') ||
      hasCode(h.medications, '386873009') ||
      hasCode(h.comorbidities, '235595009') ||
      hasCode(h.comorbidities, '195967001');
    const older = histories(44);
    const onIbuprofen = older.filter((h) => hasCode(h.medications, IBUPROFEN));
    // Back pain is still treated with ibuprofen where nothing forbids it.
    expect(onIbuprofen.length).toBeGreaterThan(500);
    expect(onIbuprofen.filter(cautioned)).toEqual([]);
  });

  it('puts the same history on the same patient for the same seed', () => {
    const run = () =>
      [...generatePatients(DEFAULT_SCENARIO, { seed: 'history', count: 200 })].map((p) =>
        JSON.stringify([p.allergies, p.comorbidities, p.medications]),
      );
    const a = run();
    expect(run()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(5);
  });
});
