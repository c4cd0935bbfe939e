/**
 * The unit an event strikes. A patrol hit by an IED, a platoon in a firefight, a ship's crew: most of one
 * event's casualties belong to the same nation's unit, and the rest are attached to it or nearby (a
 * medic, an engineer, a forward air controller, a partner nation's mentor). The unit is drawn from the
 * event's own stream, so every casualty of the event sees the same one whichever worker builds it.
 */
import { type BattleEventKind, EVENT_KINDS } from './battle-events.js';
import type { CasualtyEvent } from './day-plan.js';
import { Rng } from './rng.js';
import type { Unit } from './types.js';
import {
  type Branch,
  branchAshore,
  CLOSE_COMBAT,
  type Domain,
  drawBranch,
  drawUnit,
  hasNavy,
  type Place,
  WOMEN_IN_CLOSE_COMBAT,
} from './units.js';

export interface StruckUnit {
  nation: string;
  branch: Branch;
  unit: Unit;
}

/** Events in which a unit moves and fights ashore: its patrol, convoy or assault is hit. */
const GROUND_FIGHTS: ReadonlySet<string> = new Set(['contact', 'ambush', 'close_quarters', 'ied']);

/**
 * Where an event finds the units it strikes (units.ts, `Place`). At sea (a naval front) anywhere: ships'
 * crews and whoever is embarked. On any other front a firefight, ambush, fight in buildings or IED finds
 * a unit on the move ashore, and fire from afar (artillery, drones, a chemical or radiological release, a
 * mass-casualty strike) a unit or facility ashore; only an air or missile strike on an amphibious front
 * can find the ships lying off the beach (San Carlos Water, 1982). Disease and non-battle injury: the
 * whole force.
 */
export function placeOf(kind: string, domain: Domain): Place {
  if (!(kind in EVENT_KINDS) || domain === 'naval') return 'anywhere';
  if (GROUND_FIGHTS.has(kind)) return 'patrol';
  return domain === 'amphibious' && (kind === 'air_strike' || kind === 'missile_strike')
    ? 'anywhere'
    : 'ashore';
}

/**
 * The unit struck by a battle event, or undefined for an event of disease and non-battle injury, which
 * comes one patient at a time from the whole force. patient.ts draws an attached casualty's own unit in
 * the same place (`placeOf`): one attached to a firefight ashore is ashore too.
 */
export function struckUnit(
  seed: string,
  event: CasualtyEvent,
  domain: Domain,
  nations: readonly { code: string }[],
  nationWeights: readonly number[],
): StruckUnit | undefined {
  if (!(event.kind in EVENT_KINDS)) return undefined;
  const place = placeOf(event.kind, domain);
  const rng = new Rng(seed, 'event unit', event.key);
  const nation = nations[rng.weightedIndex(nationWeights)]?.code ?? 'USA';
  const drawn = drawBranch(rng, domain, nation);
  // At sea the unit struck is a ship: its crew are sailors, whoever else is embarked. Ashore it is
  // never the Navy's (units.ts, `branchAshore`).
  const branch =
    domain === 'naval' && hasNavy(nation)
      ? 'Navy'
      : place === 'anywhere'
        ? drawn
        : branchAshore(drawn, nation);
  return { nation, branch, unit: drawUnit(rng, branch, true, nation, place) };
}

const shareOf = (event: CasualtyEvent): number => EVENT_KINDS[event.kind as BattleEventKind].oneUnit;

/**
 * Whether a casualty of the event, with `draw` uniform in [0, 1) from its own stream, is of the struck
 * unit's nation: the unit's own people and those attached to it from the same contingent.
 */
export const ofStruckNation = (event: CasualtyEvent, draw: number): boolean => draw < shareOf(event);

/**
 * Whether the casualty serves in the struck unit itself: by the event kind's share, and for a woman in a
 * close-combat unit as rarely as women serve in one (units.ts), so such a unit's women are mostly its
 * attachments. The same `draw` as `ofStruckNation`, so a member is always of the unit's nation.
 */
export function inStruckUnit(event: CasualtyEvent, struck: StruckUnit, male: boolean, draw: number): boolean {
  const womanShare = !male && CLOSE_COMBAT.has(struck.unit.unit_type) ? WOMEN_IN_CLOSE_COMBAT : 1;
  return draw < shareOf(event) * womanShare;
}
