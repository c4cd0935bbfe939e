/**
 * The kinds of casualty event and what each one does: its mechanism profile (explosive, gunshot, other),
 * how many it wounds, how long it lasts, and which warfare types produce it. A battle casualty's mechanism
 * is drawn from the event, never apart from it: an artillery barrage wounds with fragments, a firefight
 * mostly with bullets. Sources and judgements are in docs/casualty-model.md ("The battle has a shape").
 */
import type { Mechanism } from './types.js';

export type BattleEventKind =
  | 'contact'
  | 'ambush'
  | 'close_quarters'
  | 'indirect_fire'
  | 'ied'
  | 'drone_strike'
  | 'air_strike'
  | 'missile_strike'
  | 'chemical_release'
  | 'radiological_release'
  | 'mass_casualty';

/** Events of disease and non-battle injury: one sick-call presentation, or an outbreak cluster. */
export type DnbiEventKind = 'sick_call' | 'outbreak';
export type EventKind = BattleEventKind | DnbiEventKind;

export interface EventKindSpec {
  /** Mechanism weights: explosive, gunshot, other (blunt, crush, burns, immersion). */
  mechanism: readonly [number, number, number];
  /** Mean casualties per event (1 + geometric), before the intensity factor, and the cap. */
  meanSize: number;
  maxSize: number;
  /** Minutes over which the event's casualties are wounded. */
  windowMin: number;
  /**
   * The share of its casualties from the one unit it struck (a patrol, a position, a ship's crew); the
   * rest are attached or nearby (a medic, an engineer, a forward air controller, another unit's vehicle).
   */
  oneUnit: number;
}

export const EVENT_KINDS: Readonly<Record<BattleEventKind, EventKindSpec>> = {
  // Direct-fire engagement: mostly bullets, some grenades and RPGs.
  contact: { mechanism: [0.2, 0.75, 0.05], meanSize: 1.8, maxSize: 8, windowMin: 45, oneUnit: 0.85 },
  ambush: { mechanism: [0.5, 0.45, 0.05], meanSize: 6, maxSize: 15, windowMin: 20, oneUnit: 0.85 },
  // Room clearing and fighting in buildings: bullets, blast in a confined space, collapse (crush).
  close_quarters: { mechanism: [0.3, 0.5, 0.2], meanSize: 2, maxSize: 10, windowMin: 30, oneUnit: 0.85 },
  indirect_fire: { mechanism: [0.96, 0, 0.04], meanSize: 2.5, maxSize: 15, windowMin: 15, oneUnit: 0.6 },
  ied: { mechanism: [0.88, 0.02, 0.1], meanSize: 2, maxSize: 8, windowMin: 1, oneUnit: 0.9 },
  drone_strike: { mechanism: [0.97, 0, 0.03], meanSize: 1.4, maxSize: 4, windowMin: 5, oneUnit: 0.9 },
  air_strike: { mechanism: [0.93, 0, 0.07], meanSize: 5, maxSize: 25, windowMin: 5, oneUnit: 0.7 },
  // Anti-ship missile: blast and fragments, then fire, flooding and falls between decks.
  missile_strike: { mechanism: [0.75, 0, 0.25], meanSize: 6, maxSize: 30, windowMin: 10, oneUnit: 0.85 },
  chemical_release: { mechanism: [0.3, 0, 0.7], meanSize: 15, maxSize: 80, windowMin: 30, oneUnit: 0.4 },
  // A radiological dispersal device or a struck nuclear site: the blast wounds a few, the plume many.
  radiological_release: {
    mechanism: [0.85, 0, 0.15],
    meanSize: 12,
    maxSize: 60,
    windowMin: 60,
    oneUnit: 0.4,
  },
  mass_casualty: { mechanism: [0.9, 0.04, 0.06], meanSize: 30, maxSize: 100, windowMin: 10, oneUnit: 0.4 },
};

/** Which events each warfare type produces, with their shares of its casualties. */
export const WARFARE_EVENT_KINDS: Readonly<Record<string, readonly [BattleEventKind, number][]>> = {
  conventional: [
    ['contact', 0.55],
    ['indirect_fire', 0.3],
    ['ied', 0.15],
  ],
  artillery: [
    ['indirect_fire', 0.7],
    ['contact', 0.3],
  ],
  urban: [
    ['close_quarters', 0.55],
    ['ied', 0.2],
    ['indirect_fire', 0.25],
  ],
  guerrilla: [
    ['ied', 0.55],
    ['contact', 0.45],
  ],
  drone: [['drone_strike', 1]],
  naval: [
    ['missile_strike', 0.7],
    ['air_strike', 0.3],
  ],
  cbrn: [
    ['chemical_release', 0.6],
    ['radiological_release', 0.15],
    ['indirect_fire', 0.25],
  ],
  peacekeeping: [
    ['contact', 0.5],
    ['ied', 0.5],
  ],
};

/**
 * A casualty event of this size or more is flagged mass-casualty: it outnumbers what a Role 1 can treat
 * at once (AJP-4.10 defines a mass-casualty situation by capacity, not by a count; the 10 is judgement).
 */
export const MASS_CASUALTY_MIN = 10;

const MECHANISMS: readonly Mechanism[] = ['explosive', 'gunshot', 'other'];

/**
 * Mechanism weights of an event kind under a casualty profile. LSCO: artillery and drones dominate even
 * in contact (Ukraine series: explosive 85–90 %), so the explosive odds are multiplied by 4, which
 * brings the LSCO preset to ≈ 87 %.
 */
export function mechanismWeights(kind: BattleEventKind, lsco: boolean): readonly number[] {
  const [e, g, o] = EVENT_KINDS[kind].mechanism;
  return lsco ? [e * LSCO_EXPLOSIVE_ODDS, g, o] : [e, g, o];
}
const LSCO_EXPLOSIVE_ODDS = 4;

export const mechanismAt = (i: number): Mechanism => MECHANISMS[i] ?? 'explosive';
