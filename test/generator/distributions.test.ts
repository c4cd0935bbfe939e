import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  type Patient,
  parseScenario,
  type Scenario,
} from '../../src/generator/index.js';

const N = 10_000;
const share = (patients: Patient[], pred: (p: Patient) => boolean): number =>
  patients.filter(pred).length / patients.length;
const run = (scenario: Scenario, seed = 'dist'): Patient[] => [
  ...generatePatients(scenario, { seed, count: N }),
];
const parse = (raw: unknown): Scenario => {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};

describe('default scenario distributions (10,000 patients)', () => {
  const patients = run(DEFAULT_SCENARIO);
  // Battle statistics from a battle-heavy run of the same scenario (7,400 battle casualties).
  const battleHeavy = parse({
    injury_mix: { Disease: 0.38, 'Non-Battle Injury': 0.25, 'Battle Injury': 0.37 },
  });
  const battle = [...generatePatients(battleHeavy, { seed: 'dist', count: 2 * N })].filter(
    (p) => p.injury_type === 'BATTLE_TRAUMA',
  );
  const liveBattle = battle.filter((p) => p.outcome.category !== 'KIA');

  it('makes DNBI outnumber battle injuries about 5 : 1 among all patients at high intensity', () => {
    expect(share(patients, (p) => p.injury_type === 'BATTLE_TRAUMA')).toBeCloseTo(0.14, 3);
    expect(Math.abs(share(patients, (p) => p.injury_type === 'DISEASE') - 0.516)).toBeLessThan(0.005);
    expect(Math.abs(share(patients, (p) => p.injury_type === 'NON_BATTLE') - 0.344)).toBeLessThan(0.005);
  });

  it('triages live battle casualties within the published bands (T1 15-25, T2 20-30, T3 50-60 %)', () => {
    const t = (c: string) => share(liveBattle, (p) => p.triage_category === c);
    expect(t('T1')).toBeGreaterThan(0.15);
    expect(t('T1')).toBeLessThan(0.25);
    expect(t('T2')).toBeGreaterThan(0.2);
    expect(t('T2')).toBeLessThan(0.3);
    expect(t('T3')).toBeGreaterThan(0.5);
    expect(t('T3')).toBeLessThan(0.6);
  });

  it('kills about 10 % of battle casualties, four in five before any facility', () => {
    const dead = share(battle, (p) => p.final_status === 'KIA');
    expect(dead).toBeGreaterThan(0.08);
    expect(dead).toBeLessThan(0.12);
    const kia = battle.filter((p) => p.outcome.category === 'KIA').length;
    const dow = battle.filter((p) => p.outcome.category === 'DOW').length;
    expect(kia / (kia + dow)).toBeGreaterThan(0.7);
    expect(kia / (kia + dow)).toBeLessThan(0.9);
  });

  it('returns about 90 % of disease cases to duty', () => {
    const disease = patients.filter((p) => p.injury_type === 'DISEASE');
    expect(share(disease, (p) => p.final_status === 'RTD')).toBeGreaterThan(0.85);
  });

  it('spreads casualties over the configured fronts by casualty rate', () => {
    expect(Math.abs(share(patients, (p) => p.front === 'Poland') - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(share(patients, (p) => p.front === 'Finland') - 0.1)).toBeLessThan(0.015);
  });
});

describe('custom configuration', () => {
  it('follows an injury mix given in percentages, exactly', () => {
    const patients = run(
      parse({ injury_distribution: { 'Battle Injury': 60, 'Non-Battle Injury': 25, Disease: 15 } }),
      'mix',
    );
    expect(Math.abs(share(patients, (p) => p.injury_type === 'BATTLE_TRAUMA') - 0.6)).toBeLessThan(0.015);
    expect(Math.abs(share(patients, (p) => p.injury_type === 'DISEASE') - 0.15)).toBeLessThan(0.015);
  });

  it('applies configured facility kia/rtd rates to every arrival whose injuries allow the outcome', () => {
    const scenario = parse({
      facility_configs: [
        { id: 'poi', name: 'Point of injury', kia_rate: 0.05 },
        { id: 'r1', name: 'Role 1 aid station', kia_rate: 0.1, rtd_rate: 0.5 },
        { id: 'r2', name: 'Role 2 hospital', died_rate: 0.02, rtd_rate: 0.3 },
      ],
    });
    const patients = run(scenario, 'rates');
    // Only a condition that can kill leads to death: every battle injury, never a headache.
    const battle = patients.filter((p) => p.injury_type === 'BATTLE_TRAUMA');
    expect(Math.abs(share(battle, (p) => p.outcome.category === 'KIA') - 0.05)).toBeLessThan(0.012);
    const diseaseDeaths = patients.filter((p) => p.injury_type === 'DISEASE' && p.final_status === 'KIA');
    const lethal = new Set(['Pneumonia', 'Malaria']);
    expect(
      diseaseDeaths.every(
        (p) => p.outcome.category === 'NON_BATTLE_DEATH' && lethal.has(p.conditions[0]?.name ?? ''),
      ),
    ).toBe(true);
    const arrived = (role: string) => (p: Patient) =>
      p.movement_timeline.some((e) => e.event_type === 'arrival' && e.facility === role);
    const battleAtRole1 = battle.filter(arrived('Role1'));
    expect(
      Math.abs(
        share(battleAtRole1, (p) => p.outcome.facility === 'Role1' && p.outcome.category === 'DOW') - 0.1,
      ),
    ).toBeLessThan(0.02);
    // Only injuries that allow duty return to it: minor wounds (all AIS 1) always do.
    const minor = (p: Patient) =>
      p.injury_type === 'BATTLE_TRAUMA' && p.conditions.every((c) => c.ais === undefined || c.ais <= 1);
    const minorAtRole1 = patients.filter((p) => minor(p) && arrived('Role1')(p));
    expect(
      Math.abs(
        share(minorAtRole1, (p) => p.outcome.facility === 'Role1' && p.outcome.category === 'RTD') - 0.5,
      ),
    ).toBeLessThan(0.04);
    const femurs = patients.filter((p) =>
      p.conditions.some((c) => c.code === '25415003' || c.code === '46866001'),
    );
    expect(femurs.filter((p) => p.final_status === 'RTD')).toEqual([]);
  });

  it('slows evacuation under the LSCO profile', () => {
    const median = (s: Scenario): number => {
      const hours = run(s, 'lsco')
        .filter(
          (p) =>
            p.triage_category === 'T1' && p.injury_type === 'BATTLE_TRAUMA' && p.outcome.category !== 'KIA',
        )
        .map(
          (p) =>
            p.movement_timeline.find(
              (e) => e.event_type === 'arrival' && e.facility !== 'POI' && e.facility !== 'Role1',
            )?.hours_since_injury,
        )
        .filter((h): h is number => h !== undefined)
        .sort((a, b) => a - b);
      return hours[Math.floor(hours.length / 2)] ?? 0;
    };
    expect(median(parse({ casualty_profile: 'lsco' }))).toBeGreaterThan(3);
    expect(median(DEFAULT_SCENARIO)).toBeLessThan(1.5);
  });
});
