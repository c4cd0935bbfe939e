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
  CLOSE_COMBAT,
  type Domain,
  drawBranch,
  drawUnit,
  hasNavy,
  WOMEN_IN_CLOSE_COMBAT,
} from './units.js';

export interface StruckUnit {
  nation: string;
  branch: Branch;
  unit: Unit;
}

/**
 * The unit struck by a battle event, or undefined for an event of disease and non-battle injury, which
 * comes one patient at a time from the whole force.
 */
export function struckUnit(
  seed: string,
  event: CasualtyEvent,
  domain: Domain,
  nations: readonly { code: string }[],
  nationWeights: readonly number[],
): StruckUnit | undefined {
  if (!(event.kind in EVENT_KINDS)) return undefined;
  const rng = new Rng(seed, 'event unit', event.key);
  const nation = nations[rng.weightedIndex(nationWeights)]?.code ?? 'USA';
  const drawn = drawBranch(rng, domain, nation);
  // At sea the unit struck is a ship: its crew are sailors, whoever else is embarked.
  const branch = domain === 'naval' && hasNavy(nation) ? 'Navy' : drawn;
  return { nation, branch, unit: drawUnit(rng, branch, true, nation) };
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
