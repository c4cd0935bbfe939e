import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  getPreset,
  type Patient,
  parseScenario,
} from '../../../src/generator/index.js';
import { rankFor } from '../../../src/generator/ranks.js';
import { Rng } from '../../../src/generator/rng.js';
import { drawBranch, drawUnit } from '../../../src/generator/units.js';
import { womanProbability } from '../../../src/generator/sex-ratio.js';

const share = (ps: readonly Patient[], test: (p: Patient) => boolean): number =>
  ps.length === 0 ? 0 : ps.filter(test).length / ps.length;

function presetScenario(id: string) {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const parsed = parseScenario(preset.generation_config);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('personnel', () => {
  const patients = [...generatePatients(DEFAULT_SCENARIO, { seed: 'personnel', count: 3000 })];

  it('makes women rarer among battle casualties than in the force, as in US OIF/OEF data', () => {
    const battle = patients.filter((p) => p.injury_type === 'BATTLE_TRAUMA');
    const disease = patients.filter((p) => p.injury_type === 'DISEASE');
    expect(share(battle, (p) => p.gender === 'female')).toBeLessThan(0.04);
    expect(share(disease, (p) => p.gender === 'female')).toBeGreaterThan(
      share(battle, (p) => p.gender === 'female'),
    );
  });

  it("follows each nation's share of women: Hungary's casualties are women far more often than Turkey's", () => {
    for (const type of ['BATTLE_TRAUMA', 'NON_BATTLE', 'DISEASE'] as const) {
      expect(womanProbability('HUN', type)).toBeGreaterThan(20 * womanProbability('TUR', type));
    }
    // US battle casualties: DoDTR's 1.8 % of battle injuries, scaled from a 15.5 % to a 16 % force share.
    expect(womanProbability('USA', 'BATTLE_TRAUMA')).toBeCloseTo(0.018 * (16 / 15.5), 3);
  });

  it('gives every casualty a NATO rank code beside a national title, mostly junior enlisted', () => {
    for (const p of patients)
      expect(p.rank).toBe(`${p.rank.slice(0, p.rank.lastIndexOf(' ('))} (${p.rank_code})`);
    // Nearly 60 % of US OIF deaths were below the rank of corporal (Pentagon statistics, October 2005).
    const junior = share(patients, (p) => ['OR-1', 'OR-2', 'OR-3', 'OR-4'].includes(p.rank_code));
    expect(junior).toBeGreaterThan(0.5);
    expect(junior).toBeLessThan(0.68);
    // Officers were 9 % of US OIF deaths (DoD counts tallied by AP, March 2008).
    const officers = share(patients, (p) => p.rank_code.startsWith('OF-'));
    expect(officers).toBeGreaterThan(0.06);
    expect(officers).toBeLessThan(0.12);
  });

  it("uses the nation's own rank titles", () => {
    expect(rankFor('POL', 'army', 2)).toEqual({ code: 'OR-3', title: 'Kapral' });
    expect(rankFor('POL', 'navy', 3)).toEqual({ code: 'OR-4', title: 'Bosmanmat' });
    expect(rankFor('DEU', 'army', 10)).toEqual({ code: 'OF-2', title: 'Hauptmann' });
    expect(rankFor('FRA', 'army', 11)).toEqual({ code: 'OF-3', title: 'Commandant' });
    // The British Army has no OR-5: a casualty drawn there is a corporal.
    expect(rankFor('GBR', 'army', 4)).toEqual({ code: 'OR-4', title: 'Corporal' });
    const polish = patients.filter((p) => p.nationality === 'POL');
    expect(polish.some((p) => /Corporal|Sergeant|Private/.test(p.rank))).toBe(false);
  });

  it('puts no casualty of a landlocked nation in a navy, nor of a nation without marines in a marine corps', () => {
    const rng = new Rng('branches', 'test', 0);
    for (let i = 0; i < 500; i++) {
      expect(drawBranch(rng, 'naval', 'CZE')).not.toBe('Navy');
      expect(drawBranch(rng, 'amphibious', 'NOR')).not.toBe('Marines');
    }
  });

  it('gives the Baltic states and Luxembourg no tanks or fighters, and Luxembourg no air force', () => {
    const rng = new Rng('units', 'nations', 0);
    for (const nation of ['EST', 'LVA', 'LTU', 'LUX']) {
      const army = Array.from({ length: 400 }, () => drawUnit(rng, 'Army', true, nation));
      expect(
        army.filter((u) => u.unit_type === 'Armoured battalion' || /Armoured/.test(u.formation)),
      ).toEqual([]);
      const air = Array.from({ length: 400 }, () => drawUnit(rng, 'Air Force', true, nation));
      expect(air.filter((u) => u.unit_type === 'Fighter squadron')).toEqual([]);
    }
    for (let i = 0; i < 500; i++) expect(drawBranch(rng, 'air', 'LUX')).not.toBe('Air Force');
    const polishArmy = Array.from({ length: 400 }, () => drawUnit(rng, 'Army', true, 'POL'));
    expect(polishArmy.some((u) => u.unit_type === 'Armoured battalion')).toBe(true);
  });

  it('puts every Icelandic casualty in the Coast Guard, since Iceland has no armed forces', () => {
    const rng = new Rng('units', 'iceland', 0);
    for (const domain of ['land', 'naval', 'amphibious', 'air', 'special_operations'] as const)
      for (let i = 0; i < 100; i++) expect(drawBranch(rng, domain, 'ISL')).toBe('Navy');
    const units = Array.from({ length: 300 }, () => drawUnit(rng, 'Navy', true, 'ISL'));
    expect(new Set(units.map((u) => u.formation))).toEqual(new Set(['Icelandic Coast Guard']));
    expect(new Set(units.map((u) => u.unit_type))).toEqual(
      new Set(['Coast guard patrol vessel', 'Coast guard aviation unit', 'Explosive ordnance disposal unit']),
    );
  });

  it('puts about one US land casualty in four in the Marine Corps, as among US OIF deaths', () => {
    const rng = new Rng('branches', 'usa', 0);
    const draws = Array.from({ length: 4000 }, () => drawBranch(rng, 'land', 'USA'));
    const marines = draws.filter((b) => b === 'Marines').length / draws.length;
    expect(marines).toBeGreaterThan(0.2);
    expect(marines).toBeLessThan(0.28);
    expect(draws.filter((b) => b === 'Army').length / draws.length).toBeGreaterThan(0.6);
  });

  it('gives every casualty a unit that fits the branch', () => {
    for (const p of patients) {
      expect(p.unit.formation.length).toBeGreaterThan(0);
      if (p.service_branch === 'Navy') expect(p.unit.formation).toMatch(/Group|Command/);
      if (p.service_branch === 'Air Force') expect(p.unit.unit_type).toMatch(/squadron/);
    }
  });

  it('makes most casualties on a land front Army', () => {
    expect(share(patients, (p) => p.service_branch === 'Army')).toBeGreaterThan(0.7);
  });

  it("makes most casualties on the maritime preset's naval front Navy or Marines", () => {
    const naval = [
      ...generatePatients(presetScenario('maritime_operation'), { seed: 'naval', count: 2000 }),
    ].filter((p) => p.front === 'Naval Task Force');
    expect(naval.length).toBeGreaterThan(100);
    expect(
      share(naval, (p) => p.service_branch === 'Navy' || p.service_branch === 'Marines'),
    ).toBeGreaterThan(0.75);
  });

  it("lands Navy and Marines on the maritime preset's beach, and keeps the Army on its inland front", () => {
    // The preset declares every front but the task force 'land'; the beach's name says it is amphibious.
    const maritime = [
      ...generatePatients(presetScenario('maritime_operation'), { seed: 'beach', count: 3000 }),
    ];
    const seaService = (p: Patient) => p.service_branch === 'Navy' || p.service_branch === 'Marines';
    for (const nation of ['USA', 'NLD']) {
      const beach = maritime.filter((p) => p.front === 'Beach Landing Zone' && p.nationality === nation);
      expect(beach.length).toBeGreaterThan(100);
      expect(share(beach, seaService)).toBeGreaterThan(0.5);
    }
    const inland = maritime.filter((p) => p.front === 'Inland Objective');
    expect(inland.length).toBeGreaterThan(100);
    expect(share(inland, (p) => p.service_branch === 'Army')).toBeGreaterThan(0.7);
  });

  it('prints the age the casualty had on the day of injury, birthdays and a leap day included', () => {
    // Forty days across 29 February 2028: many casualties have a birthday between day 1 and their injury.
    const parsed = parseScenario({ base_date: '2028-02-10', days_of_fighting: 40 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const cards = [...generatePatients(parsed.scenario, { seed: 'birthdays', count: 6000 })];
    const completedYears = (birth: string, on: string) =>
      Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5, 10) < birth.slice(5, 10) ? 1 : 0);
    const wrong = cards.filter(
      (p) => p.age !== completedYears(p.demographics.birthdate, p.injury_timestamp.slice(0, 10)),
    );
    expect(new Set(cards.map((p) => p.day_of_injury)).size).toBeGreaterThan(30);
    expect(wrong.slice(0, 3)).toEqual([]);
  });
});
