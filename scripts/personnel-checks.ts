/**
 * Population section of the realism report: who the casualties are. Sex ratio by injury type, branch by
 * front, rank mix, name uniqueness within a nation and national-ID validity by an independent validator.
 * Sources are named per row (docs/casualty-model.md, "Personnel", "Names", "National IDs").
 */
import type { Patient } from '../src/generator/index.js';
import { nationalId } from '../src/generator/national-id.js';
import { ALL_NATIONALITIES, femaleSurname, namesFor } from '../src/generator/nations.js';
import { Rng } from '../src/generator/rng.js';
import type { CoherenceRow } from './coherence-checks.js';
import { ID_VALIDATORS } from './id-validators.js';

const pct = (hits: number, n: number): string => (n === 0 ? '–' : `${((hits / n) * 100).toFixed(1)}%`);

/** A row judged on this run's own count, not on a sampling interval: a limit the issue sets outright. */
function exact(
  id: string,
  metric: string,
  hits: number,
  n: number,
  limit: [number, number],
  source: string,
): CoherenceRow {
  const value = n === 0 ? 0 : hits / n;
  return {
    id,
    metric,
    band: null,
    hits,
    n,
    ordered: {
      pass: n > 0 && value >= limit[0] && value <= limit[1],
      shown: pct(hits, n),
      expected: limit[0] === limit[1] ? pct(limit[0], 1) : `${pct(limit[0], 1)}–${pct(limit[1], 1)}`,
    },
    source,
  };
}

function sexRows(patients: readonly Patient[]): CoherenceRow[] {
  const women = { BATTLE_TRAUMA: [0, 0], NON_BATTLE: [0, 0], DISEASE: [0, 0] } as Record<
    string,
    [number, number]
  >;
  let dead = 0;
  let deadWomen = 0;
  for (const p of patients) {
    const cell = women[p.injury_type]!;
    cell[1]++;
    if (p.gender === 'female') cell[0]++;
    if (p.final_status === 'KIA') {
      dead++;
      if (p.gender === 'female') deadWomen++;
    }
  }
  const [bw, bn] = women.BATTLE_TRAUMA!;
  const [nw, nn] = women.NON_BATTLE!;
  const [dw, dn] = women.DISEASE!;
  const rising = bw / bn < nw / nn && nw / nn < dw / dn;
  return [
    {
      id: 'P1',
      metric: 'Women among battle casualties',
      band: [0.005, 0.03],
      hits: bw,
      n: bn,
      source: 'DoDTR 2003–14: 1.8 % of battle-injured (Le 2019); Belmont 2012: 1.2 %',
    },
    {
      id: 'P2',
      metric: 'Women among the dead',
      band: [0.003, 0.04],
      hits: deadWomen,
      n: dead,
      source: 'US OIF/OEF: 139 of 6,740 deaths ≈ 2 % (CRS)',
    },
    {
      id: 'P3',
      metric: 'Women: battle < non-battle < disease share',
      band: null,
      hits: 0,
      n: bn + nn + dn,
      ordered: {
        pass: rising,
        shown: `${pct(bw, bn)} < ${pct(nw, nn)} < ${pct(dw, dn)}`,
        expected: 'rising',
      },
      source: "DoDTR: NBI 63.2 % of women's vs 33.1 % of men's injuries (Le 2019)",
    },
  ];
}

function branchRows(defaultRun: readonly Patient[], maritime: readonly Patient[]): CoherenceRow[] {
  const land = defaultRun.filter((p) => p.injury_type === 'BATTLE_TRAUMA');
  const naval = maritime.filter((p) => p.front === 'Naval Task Force');
  const junior = defaultRun.filter((p) => ['OR-1', 'OR-2', 'OR-3', 'OR-4'].includes(p.rank_code)).length;
  const officers = defaultRun.filter((p) => p.rank_code.startsWith('OF-')).length;
  // Branch does not depend on the injury, so every US patient counts: 66 battle casualties are too few.
  const usLand = defaultRun.filter((p) => p.nationality === 'USA');
  return [
    {
      id: 'P4',
      metric: 'Army among battle casualties on land fronts',
      band: [0.7, 0.95],
      hits: land.filter((p) => p.service_branch === 'Army').length,
      n: land.length,
      source: 'US OIF deaths: Army 72 % (DoD counts via AP, Mar 2008); other nations: planning assumption',
    },
    {
      id: 'P4b',
      metric: 'Marines among US casualties on land fronts',
      band: [0.18, 0.3],
      hits: usLand.filter((p) => p.service_branch === 'Marines').length,
      n: usLand.length,
      source: 'US OIF deaths: Marines 24 % (DoD counts via AP, Mar 2008)',
    },
    {
      id: 'P5',
      metric: "Navy or Marines on the maritime preset's naval front",
      band: [0.75, 1],
      hits: naval.filter((p) => p.service_branch === 'Navy' || p.service_branch === 'Marines').length,
      n: naval.length,
      source: 'Issue #13: the naval front must be Navy-majority (planning assumption)',
    },
    {
      id: 'P6',
      metric: 'Junior enlisted (OR-1–OR-4) among casualties',
      band: [0.5, 0.7],
      hits: junior,
      n: defaultRun.length,
      source: 'US OIF deaths: nearly 60 % below corporal (Pentagon statistics via Village Voice, Oct 2005)',
    },
    {
      id: 'P6b',
      metric: 'Officers (OF-1–OF-5) among casualties',
      band: [0.06, 0.12],
      hits: officers,
      n: defaultRun.length,
      source: 'US OIF deaths: officers 9 % (DoD counts via AP and USA Today, Mar 2008), 10 % (Oct 2005)',
    },
  ];
}

/** Patients whose full name another patient of the same nation also has; the worst nation is reported too. */
function nameRows(patients: readonly Patient[]): CoherenceRow[] {
  const counts = new Map<string, number>();
  const key = (p: Patient): string =>
    `${p.nationality}|${p.demographics.given_name}|${p.demographics.family_name}`;
  for (const p of patients) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  const byNation = new Map<string, [number, number]>();
  for (const p of patients) {
    const cell = byNation.get(p.nationality) ?? [0, 0];
    cell[1]++;
    if ((counts.get(key(p)) ?? 0) > 1) cell[0]++;
    byNation.set(p.nationality, cell);
  }
  let shared = 0;
  let worst: [string, number, number] = ['', 0, 1];
  for (const [nation, [hits, n]] of byNation) {
    shared += hits;
    if (hits / n > worst[1] / worst[2]) worst = [nation, hits, n];
  }
  return [
    exact(
      'P7',
      'Patients sharing a full name within their nation',
      shared,
      patients.length,
      [0, 0.05],
      'Issue #13: at most 5 % of 10,000 patients',
    ),
    exact(
      'P8',
      `… in the worst nation (${worst[0]})`,
      worst[1],
      worst[2],
      [0, 0.05],
      'Issue #13: at most 5 % within one nation',
    ),
  ];
}

const VALIDATOR_SOURCE = 'stdnum (python-stdnum port), or the published rule where stdnum has none';

/** Every generated ID checked by stdnum (or the written-out rule); then 200 holders of every nation. */
function idRows(patients: readonly Patient[]): CoherenceRow[] {
  const byNation = new Map<string, [number, number]>();
  for (const p of patients) {
    const cell = byNation.get(p.nationality) ?? [0, 0];
    cell[1]++;
    if (ID_VALIDATORS[p.nationality]?.(p.demographics.id_number)) cell[0]++;
    byNation.set(p.nationality, cell);
  }
  const rows = [...byNation].map(([nation, [hits, n]]) =>
    exact(`P9-${nation}`, `Valid national IDs, ${nation}`, hits, n, [1, 1], VALIDATOR_SOURCE),
  );
  let valid = 0;
  let total = 0;
  for (const { code } of ALL_NATIONALITIES) {
    const rng = new Rng('report-ids', code, 0);
    const names = namesFor(code);
    for (let i = 0; i < 200; i++) {
      const male = i % 2 === 0;
      const birthdate = new Date(Date.UTC(1975, 0, 1) + rng.int(0, 33 * 365) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const surname = rng.pick(names.surnames);
      const holder = {
        birthdate,
        male,
        surname: male ? surname : femaleSurname(code, surname),
        given: rng.pick(male ? names.male : names.female),
      };
      total++;
      if (ID_VALIDATORS[code]?.(nationalId(rng, code, holder))) valid++;
    }
  }
  rows.push(
    exact(
      'P10',
      `Valid national IDs, all ${ALL_NATIONALITIES.length} nations (200 holders each)`,
      valid,
      total,
      [1, 1],
      VALIDATOR_SOURCE,
    ),
  );
  return rows;
}

export function populationChecks(
  defaultRun: Iterable<Patient>,
  maritimeRun: Iterable<Patient>,
): CoherenceRow[] {
  const patients = [...defaultRun];
  const maritime = [...maritimeRun];
  return [
    ...sexRows(patients),
    ...branchRows(patients, maritime),
    ...nameRows(patients),
    ...idRows(patients),
  ];
}
