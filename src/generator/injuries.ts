/**
 * Draws a battle casualty's injuries from the mechanism, and scores them (ISS, NISS). A casualty's
 * exposure (how close to the blast, where the round struck) sets the severity of the principal injury;
 * the other wounds are no worse than it, cluster in the same region (fragments strike one side of the
 * body) and are never the same concept twice in one region.
 */
import {
  burnAis,
  FULL_THICKNESS_BURN,
  INJURY_CATALOG,
  type InjuryConcept,
  PARTIAL_THICKNESS_BURN,
  type WoundRegion,
} from './injury-catalog.js';
import type { Rng } from './rng.js';
import type { Condition, IssRegion, Mechanism } from './types.js';

/** One drawn injury: its concept plus, for burns, the %TBSA. */
export interface Injury {
  concept: InjuryConcept;
  tbsa?: number;
}

/** Belmont 2012 (29,624 wounds): extremities 51.9, head/neck 28.1, thorax 9.9, abdomen 10.1 %. */
export const WOUND_REGIONS: readonly WoundRegion[] = [
  'Upper extremity',
  'Lower extremity',
  'Head/Neck',
  'Thorax',
  'Abdomen',
];
export const WOUND_REGION_WEIGHTS = [21, 31, 28, 10, 10];

/**
 * Exposure tiers: the AIS range of the principal injury and the cap on every other wound. Shares per
 * mechanism are calibrated so 10,000 default patients meet the CFR, KIA/DOW and triage bands of
 * the published figures named in docs/casualty-model.md.
 */
interface Tier {
  principal: readonly number[];
  cap: number;
  /** Mean wounds per casualty (explosive, gunshot, other). */
  wounds: readonly [number, number, number];
}
export const TIERS: readonly Tier[] = [
  { principal: [1, 2], cap: 1, wounds: [1.5, 1.05, 1.3] },
  { principal: [2, 3], cap: 2, wounds: [2, 1.2, 1.5] },
  { principal: [3, 4], cap: 3, wounds: [3, 1.4, 2] },
  { principal: [4, 5], cap: 4, wounds: [4.5, 1.7, 2.5] },
  { principal: [5, 6], cap: 5, wounds: [6, 2, 3] },
];
export const TIER_WEIGHTS: Record<Mechanism | 'nbi', readonly number[]> = {
  explosive: [0.61, 0.155, 0.1, 0.055, 0.085],
  gunshot: [0.53, 0.19, 0.13, 0.06, 0.095],
  other: [0.62, 0.22, 0.1, 0.04, 0.02],
  nbi: [0.55, 0.3, 0.12, 0.025, 0.005],
};

/** Burns per casualty: ≈5 % of battle casualties, 52 % of them from explosions (Kauvar 2006). */
const BURN_P: Record<Mechanism | 'nbi', number> = {
  explosive: 0.045,
  gunshot: 0.005,
  other: 0.25,
  nbi: 0.05,
};
/** Consecutive fragment wounds land in the previous wound's region this often (clustering). */
const CLUSTER_P = 0.35;
const MAX_WOUNDS = 14;
const MECH_INDEX: Record<Mechanism | 'nbi', 0 | 1 | 2> = { explosive: 0, gunshot: 1, other: 2, nbi: 2 };

const byRegion = new Map<WoundRegion, InjuryConcept[]>(
  WOUND_REGIONS.map((r) => [r, INJURY_CATALOG.filter((i) => i.region === r)]),
);

function pickConcept(
  rng: Rng,
  region: WoundRegion,
  mech: 0 | 1 | 2,
  minAis: number,
  maxAis: number,
): InjuryConcept | undefined {
  const pool = byRegion.get(region) ?? [];
  let total = 0;
  for (const i of pool) if (i.ais >= minAis && i.ais <= maxAis) total += i.weight[mech];
  if (total <= 0) return undefined;
  let u = rng.next() * total;
  for (const i of pool) {
    if (i.ais < minAis || i.ais > maxAis) continue;
    u -= i.weight[mech];
    if (u < 0) return i;
  }
  return undefined;
}

/**
 * Whether injury `a` leaves nothing for `b` to injure: after a bilateral above-knee amputation there is
 * no femur, tibia, lower-leg artery or other leg left to break, cut or amputate. A brain injury is one
 * diagnosis graded by its severity, so a card never holds a concussion beside a severe brain injury.
 */
function excludes(a: InjuryConcept, b: InjuryConcept): boolean {
  if (a.tbi !== undefined && b.tbi !== undefined && b !== a) return true;
  return (
    a.qualifier === 'bilateral above knee' &&
    b !== a &&
    b.region === 'Lower extremity' &&
    (b.fracture !== undefined || b.amputation === true || b.vascular === true)
  );
}

/** Wounds drawn for one casualty, principal injury first. Never empty. */
export function drawInjuries(rng: Rng, mechanism: Mechanism | 'nbi', tierIndex: number): Injury[] {
  const tier = TIERS[tierIndex] ?? TIERS[0]!;
  const mech = MECH_INDEX[mechanism];
  const out: Injury[] = [];
  const taken = (region: WoundRegion, code: string): boolean =>
    out.some((i) => i.concept.region === region && i.concept.code === code);
  const add = (concept: InjuryConcept): boolean => {
    if (taken(concept.region, concept.code)) return false;
    if (out.some((i) => excludes(i.concept, concept) || excludes(concept, i.concept))) return false;
    out.push({ concept });
    return true;
  };

  // Principal injury: a region that has a concept in the tier's AIS range for this mechanism.
  const lo = tier.principal[0] ?? 1;
  const hi = tier.principal[tier.principal.length - 1] ?? lo;
  let region: WoundRegion = 'Lower extremity';
  for (let attempt = 0; attempt < 8; attempt++) {
    region = WOUND_REGIONS[rng.weightedIndex(WOUND_REGION_WEIGHTS)] ?? 'Lower extremity';
    const concept = pickConcept(rng, region, mech, lo, hi);
    if (concept && add(concept)) break;
  }
  if (out.length === 0) add(pickConcept(rng, 'Lower extremity', 0, 1, 1)!);

  const mean = tier.wounds[mech];
  const extra = Math.min(MAX_WOUNDS - 1, rng.geometric(1 / mean));
  for (let k = 0; k < extra; k++) {
    if (!(mechanism === 'explosive' && rng.chance(CLUSTER_P))) {
      region = WOUND_REGIONS[rng.weightedIndex(WOUND_REGION_WEIGHTS)] ?? region;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const concept = pickConcept(rng, region, mech, 1, tier.cap);
      if (concept && add(concept)) break;
    }
  }

  if (rng.chance(BURN_P[mechanism])) {
    // Kauvar 2006: mean TBSA 15–21 %, most small; full thickness in about a third.
    const tbsa = Math.min(95, Math.max(1, Math.round(rng.lognormal(8, 0.9))));
    const [code, name] = rng.chance(0.33) ? FULL_THICKNESS_BURN : PARTIAL_THICKNESS_BURN;
    const burnRegion = WOUND_REGIONS[rng.weightedIndex([35, 20, 30, 15, 0])] ?? 'Upper extremity';
    // One region holds no more than its rule-of-nines share; a larger burn spreads to the next regions.
    // Each part carries the AIS of the whole burn, which the AIS burn scale grades by total TBSA.
    let left = tbsa;
    for (const region of [burnRegion, ...BURN_SPREAD.filter((r) => r !== burnRegion)]) {
      if (left <= 0) break;
      const part = Math.min(left, BURN_CAPACITY[region]);
      left -= part;
      const concept: InjuryConcept = {
        code,
        name,
        region,
        iss: 'external',
        ais: burnAis(tbsa),
        weight: [0, 0, 0],
      };
      if (!taken(region, code)) out.push({ concept, tbsa: part });
    }
  }
  return out;
}

/** The most %TBSA a region can hold, by the rule of nines (ATLS): both arms, both legs, trunk halves. */
const BURN_CAPACITY: Readonly<Record<WoundRegion, number>> = {
  'Head/Neck': 9,
  'Upper extremity': 18,
  Thorax: 18,
  Abdomen: 18,
  'Lower extremity': 36,
};
/** Where a large burn spreads next: the largest regions first. */
const BURN_SPREAD: readonly WoundRegion[] = [
  'Lower extremity',
  'Thorax',
  'Abdomen',
  'Upper extremity',
  'Head/Neck',
];

/** ISS: squares of the highest AIS in the three most severely injured ISS regions; any AIS 6 → 75. */
export function injurySeverityScore(scores: readonly { iss: IssRegion; ais: number }[]): number {
  const worst = new Map<IssRegion, number>();
  for (const s of scores) {
    if (s.ais >= 6) return 75;
    worst.set(s.iss, Math.max(worst.get(s.iss) ?? 0, s.ais));
  }
  return [...worst.values()]
    .sort((a, b) => b - a)
    .slice(0, 3)
    .reduce((sum, a) => sum + a * a, 0);
}

/** NISS: squares of the three highest AIS whatever their region (Osler 1997); any AIS 6 → 75. */
export function newInjurySeverityScore(scores: readonly { ais: number }[]): number {
  const top = scores.map((s) => s.ais).sort((a, b) => b - a);
  if ((top[0] ?? 0) >= 6) return 75;
  return top.slice(0, 3).reduce((sum, a) => sum + a * a, 0);
}

export function toCondition(i: Injury): Condition {
  const c = i.concept;
  return {
    code: c.code,
    name: c.name,
    body_region: c.region,
    ais: c.ais,
    iss_region: c.iss,
    // Keys that do not apply hold undefined, which JSON leaves out: one shape keeps this fast (types.ts).
    qualifier: c.qualifier || undefined,
    tbsa_percent: i.tbsa,
  };
}
