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

/**
 * Luxembourg's armed forces are an army alone, with no air force (globalsecurity.org, "Luxembourg -
 * Lëtzebuerger Arméi"): its air force's places go to the army.
 */
const NO_AIR_FORCE = new Set(['LUX']);

/**
 * Nations that field no tanks: Estonia borrowed a Latvian training T-55 for an exercise because it had
 * none (RT, 2013), Latvia's T-55s are for training, Lithuania's army has no main battle tanks (it plans
 * to buy its first: Defence Review, 2024), and Luxembourg's army is one reconnaissance battalion. Their
 * casualties are never in an armoured battalion or an armoured brigade.
 */
const NO_TANKS = new Set(['EST', 'LVA', 'LTU', 'LUX']);

/**
 * Nations without fighter aircraft: NATO's Baltic Air Policing guards the Baltic states because they lack
 * fighter jets of their own (Defense News, 16 June 2019); Luxembourg has no air force.
 */
const NO_FIGHTERS = new Set(['EST', 'LVA', 'LTU', 'LUX']);

/**
 * Iceland has no armed forces. Its uniformed service in NATO exercises is the Icelandic Coast Guard
 * (Landhelgisgæslan: patrol vessels, an aviation unit and an explosive ordnance disposal unit, as it
 * describes itself at lhg.is), so every Icelandic casualty serves there, on any front.
 */
const COAST_GUARD_ONLY = new Set(['ISL']);
const COAST_GUARD = 'Icelandic Coast Guard';
const COAST_GUARD_UNITS: readonly UnitKind[] = [
  ['Coast guard patrol vessel', 60, [COAST_GUARD], 'Ship'],
  ['Coast guard aviation unit', 25, [COAST_GUARD], 'Detachment'],
  ['Explosive ordnance disposal unit', 15, [COAST_GUARD], 'Team'],
];

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
 * naval when the scenario's only warfare type is naval, else land. A declared `land` is only the
 * default every front gets (presets and parseScenario always set one), so a name that says amphibious,
 * air or special operations ("Beach Landing Zone") refines it; a declared `naval` or `air` wins.
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
  if (declared === 'land') {
    const named = DOMAIN_WORDS.find(([pattern, d]) => d !== 'naval' && pattern.test(front.name));
    return named?.[1] ?? 'land';
  }
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
    if (NO_AIR_FORCE.has(nation)) {
      mix[0] = (mix[0] ?? 0) + (mix[2] ?? 0);
      mix[2] = 0;
    }
    if (COAST_GUARD_ONLY.has(nation)) mix.splice(0, mix.length, 0, 1, 0, 0, 0, 0);
    w = mix;
    branchWeights.set(key, w);
  }
  return w;
}

/** Whether the nation has a navy (landlocked nations without one do not). */
export const hasNavy = (nation: string): boolean => !NO_NAVY.has(nation);

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

/**
 * One APP-6 unit type: its weight within the branch, the formations that hold it (an airborne brigade
 * has no tanks, a helicopter wing no fighters, a mine countermeasures group no frigates) and what one
 * such unit is called ("3rd Battalion", "2nd Company", "Hull 214").
 */
type UnitKind = readonly [type: string, weight: number, formations: readonly string[], sub: string];

const ALL_ARMY = [
  'Mechanised Brigade',
  'Armoured Brigade',
  'Infantry Brigade',
  'Light Infantry Brigade',
  'Airborne Brigade',
];
const HEAVY = ['Mechanised Brigade', 'Armoured Brigade'];
const AIR_WINGS = ['Air Wing', 'Tactical Air Wing', 'Air Transport Wing', 'Helicopter Wing'];
const FLEET = ['Task Group', 'Surface Action Group'];
const MARINE = ['Marine Brigade', 'Commando Brigade', 'Marine Expeditionary Unit'];
const SOF = ['Special Operations Task Group', 'Special Forces Group', 'Special Operations Command'];
const MEDICAL = ['Medical Brigade', 'Medical Command', 'Joint Medical Group'];

const NAVAL_BASE: UnitKind = ['Naval base', 10, ['Naval Base Command'], 'Detachment'];

const UNITS: Record<Branch, readonly UnitKind[]> = {
  Army: [
    [
      'Infantry battalion',
      26,
      ['Infantry Brigade', 'Light Infantry Brigade', 'Airborne Brigade'],
      'Battalion',
    ],
    ['Mechanised infantry battalion', 24, HEAVY, 'Battalion'],
    ['Armoured battalion', 10, HEAVY, 'Battalion'],
    ['Reconnaissance battalion', 8, ALL_ARMY, 'Battalion'],
    ['Field artillery battalion', 9, ALL_ARMY, 'Battalion'],
    ['Combat engineer battalion', 8, ALL_ARMY, 'Battalion'],
    ['Air defence battalion', 3, [...HEAVY, 'Infantry Brigade'], 'Battalion'],
    ['Signals battalion', 4, ALL_ARMY, 'Battalion'],
    ['Combat service support battalion', 6, ALL_ARMY, 'Battalion'],
    ['Military police company', 2, ALL_ARMY, 'Company'],
  ],
  Navy: [
    ['Frigate', 30, FLEET, 'Ship'],
    ['Destroyer', 20, FLEET, 'Ship'],
    ['Amphibious assault ship', 20, ['Amphibious Task Group', 'Task Group'], 'Ship'],
    ['Mine countermeasures vessel', 10, ['Mine Countermeasures Group'], 'Ship'],
    ['Replenishment ship', 10, FLEET, 'Ship'],
    ['Corvette', 10, ['Surface Action Group', 'Patrol Group'], 'Ship'],
    ['Patrol vessel', 10, ['Patrol Group'], 'Ship'],
    NAVAL_BASE,
  ],
  'Air Force': [
    ['Fighter squadron', 15, ['Air Wing', 'Tactical Air Wing'], 'Squadron'],
    ['Air transport squadron', 15, ['Air Wing', 'Air Transport Wing'], 'Squadron'],
    ['Helicopter squadron', 20, ['Helicopter Wing'], 'Squadron'],
    ['Air base security squadron', 25, AIR_WINGS, 'Squadron'],
    ['Ground-based air defence squadron', 10, ['Air Wing', 'Tactical Air Wing'], 'Squadron'],
    ['Aircraft maintenance squadron', 15, AIR_WINGS, 'Squadron'],
  ],
  Marines: [
    ['Marine infantry battalion', 45, ['Marine Brigade', 'Marine Expeditionary Unit'], 'Battalion'],
    ['Commando unit', 20, ['Commando Brigade'], 'Commando'],
    ['Amphibious assault battalion', 15, ['Marine Brigade', 'Marine Expeditionary Unit'], 'Battalion'],
    ['Marine reconnaissance company', 10, MARINE, 'Company'],
    ['Marine artillery battery', 10, MARINE, 'Battery'],
  ],
  'Special Operations Forces': [
    ['Special forces company', 45, SOF, 'Company'],
    ['Special reconnaissance team', 25, SOF, 'Team'],
    ['Ranger company', 25, SOF, 'Company'],
    ['Special operations aviation detachment', 5, SOF, 'Detachment'],
  ],
  'Medical Service': [
    ['Role 1 medical treatment facility', 45, MEDICAL, 'Detachment'],
    ['Role 2 field hospital', 30, MEDICAL, 'Detachment'],
    ['Medical evacuation company', 15, MEDICAL, 'Company'],
    ['Role 3 field hospital', 10, MEDICAL, 'Detachment'],
  ],
};

/**
 * The ships each navy has, by the unit types above (a naval base every navy has). From the fleet lists
 * of the IISS Military Balance and the navies' own sites; docs/casualty-model.md ("Ships by nation")
 * gives each entry and marks the judgements. "Amphibious assault ship" is any large amphibious warship
 * that carries a landing force (LHD, LHA, LPD); a fast attack craft counts as a patrol vessel. A nation
 * missing here (none of the 34 is) keeps every type.
 */
const FLEETS: Readonly<Record<string, readonly string[]>> = {
  USA: ['Destroyer', 'Amphibious assault ship', 'Mine countermeasures vessel', 'Replenishment ship'],
  GBR: [
    'Destroyer',
    'Frigate',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  FRA: [
    'Frigate',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  ITA: [
    'Destroyer',
    'Frigate',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  ESP: [
    'Frigate',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  NLD: [
    'Frigate',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  TUR: [
    'Frigate',
    'Corvette',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  AUS: [
    'Destroyer',
    'Frigate',
    'Amphibious assault ship',
    'Mine countermeasures vessel',
    'Patrol vessel',
    'Replenishment ship',
  ],
  DEU: ['Frigate', 'Corvette', 'Mine countermeasures vessel', 'Replenishment ship'],
  NOR: ['Frigate', 'Corvette', 'Mine countermeasures vessel', 'Patrol vessel', 'Replenishment ship'],
  GRC: ['Frigate', 'Mine countermeasures vessel', 'Patrol vessel', 'Replenishment ship'],
  NZL: ['Frigate', 'Patrol vessel', 'Replenishment ship'],
  BEL: ['Frigate', 'Mine countermeasures vessel', 'Patrol vessel'],
  POL: ['Frigate', 'Mine countermeasures vessel', 'Patrol vessel'],
  ROU: ['Frigate', 'Corvette', 'Mine countermeasures vessel'],
  BGR: ['Frigate', 'Mine countermeasures vessel'],
  DNK: ['Frigate', 'Patrol vessel'],
  PRT: ['Frigate', 'Patrol vessel'],
  CAN: ['Frigate', 'Patrol vessel'],
  SWE: ['Corvette', 'Mine countermeasures vessel', 'Patrol vessel'],
  FIN: ['Mine countermeasures vessel', 'Patrol vessel'],
  EST: ['Mine countermeasures vessel', 'Patrol vessel'],
  LVA: ['Mine countermeasures vessel', 'Patrol vessel'],
  LTU: ['Mine countermeasures vessel', 'Patrol vessel'],
  HRV: ['Mine countermeasures vessel', 'Patrol vessel'],
  ALB: ['Patrol vessel'],
  MNE: ['Patrol vessel'],
  SVN: ['Patrol vessel'],
};

/** Whether a kind of unit is a ship (or boat): its sub-unit is a hull. */
const isShip = ([, , , sub]: UnitKind): boolean => sub === 'Ship';

/**
 * Where a battle casualty's unit was when the event struck it (event-unit.ts decides from the event):
 * - `anywhere`: at sea, or a casualty of disease or non-battle injury, drawn from the whole force;
 * - `ashore`: shelled, bombed or gassed on a land front: any unit ashore, a field hospital too (Role 2
 *   and Role 3 facilities were shelled: Camp Bastion and Balad took rockets and mortars);
 * - `patrol`: a firefight, an ambush, a fight in buildings or an IED on a land front: a unit that
 *   moves and fights ashore. A Role 2 or Role 3 field hospital is a fixed facility behind the fighting
 *   (AJP-4.10: Role 2 and 3 are the deployed hospitals, Role 1 is with the unit), so it is never the
 *   unit in such an event; a Role 1 (the battalion's aid post and its medics) and a medical evacuation
 *   company (ambulances on the road) can be (judgement); the airmen there are the base's security force
 *   or forward air controllers (`AIRMEN_ON_PATROL`).
 * Ashore no one serves in a ship: a Navy casualty serves in a shore unit (below).
 */
export type Place = 'anywhere' | 'ashore' | 'patrol';
const PLACES: readonly Place[] = ['anywhere', 'ashore', 'patrol'];
const FIXED_HOSPITALS = new Set(['Role 2 field hospital', 'Role 3 field hospital']);
/**
 * The airmen who go out on the ground: the air base's security force patrolling outside the wire (the RAF
 * Regiment, USAF Security Forces) and the forward air controllers attached to a ground unit (a tactical air
 * control party). A fighter, transport, helicopter, air defence or maintenance squadron works from its
 * base, so it is never the unit in a firefight or an IED (judgement).
 */
const AIRMEN_ON_PATROL: readonly UnitKind[] = [
  ['Air base security squadron', 25, AIR_WINGS, 'Squadron'],
  ['Air support operations squadron', 15, ['Air Support Operations Group'], 'Tactical Air Control Party'],
];

/**
 * Navy casualties ashore, the attachments of a land event: US OIF Navy deaths were chiefly hospital
 * corpsmen serving with Marine units, Seabees (naval construction battalions) and explosive ordnance
 * disposal technicians. A sailor ashore is placed with his nation's marines (its marine units at 30 %
 * of their weights, judgement: corpsmen and, in the Royal Navy, medical assistants with the Royal
 * Marines; their formation the amphibious task group), in a naval EOD team, in a naval construction
 * battalion (the US Navy's Seabees only) or, when fire falls on a position, at a naval base (a fixed
 * site: shelled, never on patrol). The Navy never provides the unit struck ashore (event-unit.ts,
 * `branchAshore`).
 */
const NAVY_ASHORE: readonly UnitKind[] = [
  NAVAL_BASE,
  ['Naval explosive ordnance disposal unit', 10, ['Explosive Ordnance Disposal Group'], 'Team'],
  ['Naval construction battalion', 10, ['Naval Construction Group'], 'Battalion'],
];
const SEABEES = new Set(['USA']);
/**
 * The formation of a sailor serving with marines: the amphibious task group that the landing force is
 * part of (ATP-8: the amphibious force is the naval force and the landing force together; judgement).
 */
const LANDING_FORCE = ['Amphibious Task Group'];
const WITH_MARINES = 0.3;

/** Unit kinds of a branch that a nation fields in a place, before the filters for tanks and fighters. */
function kindsIn(branch: Branch, nation: string, place: Place): readonly UnitKind[] {
  if (COAST_GUARD_ONLY.has(nation))
    return place === 'anywhere' ? COAST_GUARD_UNITS : COAST_GUARD_UNITS.filter((k) => !isShip(k));
  if (branch === 'Navy') {
    const fleet = FLEETS[nation];
    if (place === 'anywhere') return UNITS.Navy.filter((k) => !fleet || !isShip(k) || fleet.includes(k[0]));
    const shore = NAVY_ASHORE.filter(
      ([type]) =>
        (type !== 'Naval construction battalion' || SEABEES.has(nation)) &&
        (type !== 'Naval base' || place === 'ashore'),
    );
    if (!MARINE_NATIONS.has(nation)) return shore;
    return [
      ...shore,
      ...UNITS.Marines.map(([t, w, , sub]): UnitKind => [t, w * WITH_MARINES, LANDING_FORCE, sub]),
    ];
  }
  if (branch === 'Air Force' && place === 'patrol') return AIRMEN_ON_PATROL;
  const own = UNITS[branch];
  return place === 'patrol' ? own.filter(([type]) => !FIXED_HOSPITALS.has(type)) : own;
}

/**
 * The branch of the unit an event strikes ashore. A navy's own units ashore are few and small (bases,
 * EOD teams, construction battalions), so the unit struck on a land front is never the Navy's: where the
 * domain's mix draws the Navy, the unit struck is the landing force, the nation's marines, else its army
 * (judgement). Navy casualties ashore are those attached to it. Iceland's Coast Guard stays itself.
 */
export function branchAshore(branch: Branch, nation: string): Branch {
  if (branch !== 'Navy' || COAST_GUARD_ONLY.has(nation)) return branch;
  return MARINE_NATIONS.has(nation) ? 'Marines' : 'Army';
}

/**
 * Ground close-combat units. Women could not be assigned to them through the OIF/OEF years the sex
 * ratio is drawn from (the 1994 rule, lifted in 2015: CNAS, "Women in Combat: Five-Year Status Update",
 * 2020), and are still a small minority there, so a woman is placed in one a tenth as often as a man
 * (judgement). Her branch is unchanged; her unit is more often support, artillery or engineers.
 */
export const CLOSE_COMBAT: ReadonlySet<string> = new Set([
  'Infantry battalion',
  'Mechanised infantry battalion',
  'Armoured battalion',
  'Reconnaissance battalion',
  'Marine infantry battalion',
  'Commando unit',
  'Marine reconnaissance company',
  'Special forces company',
  'Special reconnaissance team',
  'Ranger company',
]);
export const WOMEN_IN_CLOSE_COMBAT = 0.1;

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
const FIRST_FIVE = ORDINALS.slice(0, 5);

/** Unit kinds a nation fields, with their weights for one sex: cached per place, branch, sex and nation. */
interface NationalUnits {
  kinds: readonly UnitKind[];
  weights: readonly number[];
}
/** Per nation, by place, branch and sex ((place × branches + branch) × 2, + 1 for a man): built on first use. */
const nationalUnits = new Map<string, (NationalUnits | undefined)[]>();

function unitsOf(branch: Branch, male: boolean, nation: string, place: Place): NationalUnits {
  let byBranch = nationalUnits.get(nation);
  if (!byBranch) {
    byBranch = [];
    nationalUnits.set(nation, byBranch);
  }
  const slot = (PLACES.indexOf(place) * BRANCHES.length + BRANCHES.indexOf(branch)) * 2 + (male ? 1 : 0);
  let units = byBranch[slot];
  if (!units) {
    const noTanks = NO_TANKS.has(nation);
    const fields = ([type]: UnitKind): boolean =>
      !(noTanks && type === 'Armoured battalion') &&
      !(NO_FIGHTERS.has(nation) && type === 'Fighter squadron');
    const own = kindsIn(branch, nation, place).filter(fields);
    const kinds = own.map(([type, weight, formations, sub]): UnitKind => {
      const held = noTanks ? formations.filter((f) => f !== 'Armoured Brigade') : formations;
      return [type, weight, held.length > 0 ? held : formations, sub];
    });
    const weights = kinds.map(([type, w]) =>
      !male && CLOSE_COMBAT.has(type) ? w * WOMEN_IN_CLOSE_COMBAT : w,
    );
    units = { kinds, weights };
    byBranch[slot] = units;
  }
  return units;
}

/**
 * A unit of the branch that the nation fields in the place (event-unit.ts, `placeOf`; anywhere by default):
 * type by weight (women rarely in close combat), then a formation that holds that type. Four draws,
 * always, so the rest of the person's stream does not move.
 */
export function drawUnit(
  rng: Rng,
  branch: Branch,
  male: boolean,
  nation: string,
  place: Place = 'anywhere',
): Unit {
  const { kinds, weights } = unitsOf(branch, male, nation, place);
  const [type, , formations, sub] = kinds[rng.weightedIndex(weights)] ?? kinds[0]!;
  const ordinal = rng.pick(ORDINALS);
  const held = rng.pick(formations);
  // The Coast Guard is one formation: no "3rd Icelandic Coast Guard" (the draws still happen).
  const formation = held === COAST_GUARD ? held : `${ordinal} ${held}`;
  const name = sub === 'Ship' ? `Hull ${rng.int(100, 399)}` : `${rng.pick(FIRST_FIVE)} ${sub}`;
  return { formation, unit_type: type, name };
}
