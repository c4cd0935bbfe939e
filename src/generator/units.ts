/**
 * Front domains, the service branch a casualty on them belongs to, and a unit that fits the branch.
 * The branch mix of each domain is a planning assumption; US casualties on land follow US OIF deaths by
 * service (docs/casualty-model.md, "Personnel"). Unit types use APP-6 names.
 */
import type { Rng } from './rng.js';
import type { Service } from './ranks.js';
import type { FrontConfig, Scenario, Unit } from './types.js';

export type Domain = 'land' | 'naval' | 'amphibious' | 'air' | 'special_operations';
export type Branch =
  | 'Army'
  | 'Navy'
  | 'Air Force'
  | 'Marines'
  | 'Special Operations Forces'
  | 'Medical Service';

const BRANCHES: readonly Branch[] = [
  'Army',
  'Navy',
  'Air Force',
  'Marines',
  'Special Operations Forces',
  'Medical Service',
];

/** Weights in BRANCHES order. */
const BRANCH_MIX: Record<Domain, readonly number[]> = {
  land: [82, 1, 3, 8, 3, 3],
  naval: [4, 78, 3, 10, 2, 3],
  amphibious: [15, 25, 2, 50, 5, 3],
  air: [12, 2, 78, 1, 4, 3],
  special_operations: [20, 3, 7, 5, 62, 3],
};

/**
 * US casualties on a land front: US OIF deaths by service were Army 72, Marines 24, Navy 2, Air Force 1 %
 * (DoD counts tallied by the Associated Press, March 2008). Army special operations and medical units
 * take 3 points each of the Army's share (judgement: the tally counts them in their service).
 */
const US_LAND_MIX: readonly number[] = [66, 2, 1, 24, 3, 3];

/** Landlocked nations without a navy: their navy's places go to the army. */
const NO_NAVY = new Set(['CZE', 'SVK', 'HUN', 'LUX', 'MKD']);

/** Nations with a marine corps or naval infantry of their own; elsewhere marines' places go to the army. */
const MARINE_NATIONS = new Set(['USA', 'GBR', 'NLD', 'ESP', 'ITA', 'PRT', 'TUR', 'FRA', 'ROU', 'BGR']);

const DOMAIN_WORDS: [RegExp, Domain][] = [
  [/\b(naval|navy|maritime|fleet|sea|task force|carrier|harbou?r approach)\b/i, 'naval'],
  [/\b(beach|landing|amphibious|littoral|shore)\b/i, 'amphibious'],
  [/\b(air ?base|air ?field|airspace|air wing|air component)\b/i, 'air'],
  [/\b(special|sof|raid)\b/i, 'special_operations'],
];

/**
 * The domain of a front: its own `domain` when the scenario gives one, else read from its name, else
 * naval when the scenario's only warfare type is naval, else land.
 */
export function frontDomain(front: FrontConfig, scenario: Scenario): Domain {
  let domain = domains.get(front);
  if (domain === undefined) {
    domain = readDomain(front, scenario);
    domains.set(front, domain);
  }
  return domain;
}

/** Per front object: a scenario's fronts live as long as its generation run. */
const domains = new WeakMap<FrontConfig, Domain>();

function readDomain(front: FrontConfig, scenario: Scenario): Domain {
  const declared = (front as FrontConfig & { domain?: string }).domain;
  if (declared && declared in BRANCH_MIX) return declared as Domain;
  for (const [pattern, domain] of DOMAIN_WORDS) if (pattern.test(front.name)) return domain;
  const types = scenario.warfare_types;
  if (types.length > 0 && types.every((t) => t === 'naval' || t === 'amphibious')) return 'naval';
  return 'land';
}

const branchWeights = new Map<string, readonly number[]>();

/** Branch weights for a nation on a domain (cached: 5 domains × ~34 nations). */
function weightsFor(domain: Domain, nation: string): readonly number[] {
  const key = `${domain}|${nation}`;
  let w = branchWeights.get(key);
  if (!w) {
    const mix = [...(domain === 'land' && nation === 'USA' ? US_LAND_MIX : BRANCH_MIX[domain])];
    if (!MARINE_NATIONS.has(nation)) {
      const target = domain === 'naval' ? 1 : 0;
      mix[target] = (mix[target] ?? 0) + (mix[3] ?? 0);
      mix[3] = 0;
    }
    if (NO_NAVY.has(nation)) {
      mix[0] = (mix[0] ?? 0) + (mix[1] ?? 0);
      mix[1] = 0;
    }
    w = mix;
    branchWeights.set(key, w);
  }
  return w;
}

export function drawBranch(rng: Rng, domain: Domain, nation: string): Branch {
  return BRANCHES[rng.weightedIndex(weightsFor(domain, nation))] ?? 'Army';
}

/** Which rank table a branch uses. */
export function serviceOf(branch: Branch): Service {
  return branch === 'Navy'
    ? 'navy'
    : branch === 'Air Force'
      ? 'air'
      : branch === 'Marines'
        ? 'marines'
        : 'army';
}

interface UnitTable {
  formations: readonly string[];
  types: readonly string[];
  weights: readonly number[];
  sub: string;
}

const UNITS: Record<Branch, UnitTable> = {
  Army: {
    formations: [
      'Mechanised Brigade',
      'Armoured Brigade',
      'Infantry Brigade',
      'Light Infantry Brigade',
      'Airborne Brigade',
    ],
    types: [
      'Infantry battalion',
      'Mechanised infantry battalion',
      'Armoured battalion',
      'Reconnaissance battalion',
      'Field artillery battalion',
      'Combat engineer battalion',
      'Air defence battalion',
      'Signals battalion',
      'Combat service support battalion',
      'Military police company',
    ],
    weights: [26, 24, 10, 8, 9, 8, 3, 4, 6, 2],
    sub: 'Battalion',
  },
  Navy: {
    formations: ['Task Group', 'Surface Action Group', 'Mine Countermeasures Group', 'Naval Base Command'],
    types: [
      'Frigate',
      'Destroyer',
      'Amphibious assault ship',
      'Mine countermeasures vessel',
      'Replenishment ship',
      'Naval base',
    ],
    weights: [30, 20, 20, 10, 10, 10],
    sub: 'Ship',
  },
  'Air Force': {
    formations: ['Air Wing', 'Tactical Air Wing', 'Air Transport Wing', 'Helicopter Wing'],
    types: [
      'Fighter squadron',
      'Air transport squadron',
      'Helicopter squadron',
      'Air base security squadron',
      'Ground-based air defence squadron',
      'Aircraft maintenance squadron',
    ],
    weights: [15, 15, 20, 25, 10, 15],
    sub: 'Squadron',
  },
  Marines: {
    formations: ['Marine Brigade', 'Commando Brigade', 'Marine Expeditionary Unit'],
    types: [
      'Marine infantry battalion',
      'Commando unit',
      'Amphibious assault battalion',
      'Marine reconnaissance company',
      'Marine artillery battery',
    ],
    weights: [45, 20, 15, 10, 10],
    sub: 'Battalion',
  },
  'Special Operations Forces': {
    formations: ['Special Operations Task Group', 'Special Forces Group', 'Special Operations Command'],
    types: [
      'Special forces company',
      'Special reconnaissance team',
      'Ranger company',
      'Special operations aviation detachment',
    ],
    weights: [45, 25, 25, 5],
    sub: 'Company',
  },
  'Medical Service': {
    formations: ['Medical Brigade', 'Medical Command', 'Joint Medical Group'],
    types: [
      'Role 1 medical treatment facility',
      'Role 2 field hospital',
      'Medical evacuation company',
      'Role 3 field hospital',
    ],
    weights: [45, 30, 15, 10],
    sub: 'Detachment',
  },
};

const ORDINALS = [
  '1st',
  '2nd',
  '3rd',
  '4th',
  '5th',
  '6th',
  '7th',
  '8th',
  '9th',
  '10th',
  '11th',
  '12th',
  '13th',
  '14th',
  '15th',
  '16th',
  '17th',
  '18th',
  '19th',
  '20th',
];

export function drawUnit(rng: Rng, branch: Branch): Unit {
  const table = UNITS[branch];
  const type = table.types[rng.weightedIndex(table.weights)] ?? table.types[0]!;
  const formation = `${rng.pick(ORDINALS)} ${rng.pick(table.formations)}`;
  const name =
    table.sub === 'Ship' ? `Hull ${rng.int(100, 399)}` : `${rng.pick(ORDINALS.slice(0, 5))} ${table.sub}`;
  return { formation, unit_type: type, name };
}
