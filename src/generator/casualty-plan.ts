/**
 * The scenario-level plan: how many battle and DNBI casualties fall on each day, and the casualty events
 * that group them. Battle casualties come in events (a contact, a barrage, an IED, a mass-casualty
 * strike), each with one front, one start and one time window. Disease and non-battle injury is a
 * background of single presentations at sick call, with an occasional outbreak. Everything is a pure
 * function of (seed, scenario, total): the day counts come from one short stream keyed by the seed, and
 * each day's events from a stream keyed by (seed, day), so any index range can be planned alone.
 */
import {
  type BattleEventKind,
  EVENT_KINDS,
  type EventKind,
  MASS_CASUALTY_MIN,
  WARFARE_EVENT_KINDS,
} from './battle-events.js';
import { DayPlan, type IdStyle } from './day-plan.js';
import { Rng } from './rng.js';
import type { InjuryType, Scenario } from './types.js';
import { INTENSITY_CLUSTER_FACTOR, TEMPO_DAILY, WARFARE_TYPES } from './warfare.js';

/** Battle, disease and non-battle-injury casualties per day, and the days with an outbreak. */
export interface DayCounts {
  battle: number[];
  disease: number[];
  nonBattle: number[];
  outbreak: boolean[];
}

/** Splits `total` by weights with the largest-remainder method; ties go to the lower index. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || weights.length === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rem: e - Math.floor(e) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/** Day-to-day spread of battle casualties around the tempo curve (sigma of log; judgement). */
const BATTLE_DAY_SIGMA = 0.35;
const DNBI_DAY_SIGMA = 0.1;
/** Chance a day starts a gastroenteritis outbreak (judgement; MMWR 2002;51:477 describes one). */
const OUTBREAK_P = 1 / 12;
/** Share of an outbreak day's DNBI presentations that belong to the outbreak. */
const OUTBREAK_SHARE = 0.45;
const MAJOR_OFFENSIVE_FACTOR = 2.5;
/** Days with a 20 % chance of a mass-casualty strike when the special event is on (original service). */
const MASCAL_DAY_P = 0.2;
/** Sick call is held in the morning; injuries off duty follow the working day. */
const SICK_CALL_HOURS = [
  0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 4, 4, 3, 2, 1.5, 1.2, 1.5, 1.5, 1.2, 1, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2,
];

/**
 * Battle casualties follow the tempo curve with a day-to-day spread (a major offensive multiplies its
 * day); DNBI is a steady background with a small spread and outbreak days. The battle total is the
 * scenario's battle share of all patients, exactly.
 */
export function dayCounts(seed: string, scenario: Scenario, total: number): DayCounts {
  const rng = new Rng(seed, 'days', 0);
  const days = scenario.days_of_fighting;
  const tempo = TEMPO_DAILY[scenario.tempo];
  const battleWeights: number[] = [];
  const dnbiWeights: number[] = [];
  const outbreak: boolean[] = [];
  for (let d = 0; d < days; d++) {
    const t = tempo[Math.min(d, tempo.length - 1)] ?? 1;
    const offensive = scenario.special_events.major_offensive && d === 1 ? MAJOR_OFFENSIVE_FACTOR : 1;
    battleWeights.push(t * offensive * rng.lognormal(1, BATTLE_DAY_SIGMA));
    const sick = d >= 1 && rng.chance(OUTBREAK_P);
    outbreak.push(sick);
    dnbiWeights.push(rng.lognormal(1, DNBI_DAY_SIGMA) * (sick ? 1 / (1 - OUTBREAK_SHARE) : 1));
  }
  const mix = scenario.injury_mix;
  const battleTotal = Math.round(total * mix.BATTLE_TRAUMA);
  const dnbi = apportion(total - battleTotal, dnbiWeights);
  const split = dnbi.map((n) => apportion(n, [mix.DISEASE, mix.NON_BATTLE]));
  return {
    battle: apportion(battleTotal, battleWeights),
    disease: split.map((s) => s[0] ?? 0),
    nonBattle: split.map((s) => s[1] ?? 0),
    outbreak,
  };
}

const eventKindsFor = (type: string) => WARFARE_EVENT_KINDS[type] ?? WARFARE_EVENT_KINDS.conventional!;

/**
 * An event's size: 1 plus a geometric count, mean `mean * factor`, capped at `max`. Intensity scales
 * the mean, not the drawn size, so every size from 1 up stays possible at any intensity.
 */
export const sizeOf = (rng: Rng, mean: number, max: number, factor: number): number =>
  Math.max(1, Math.min(max, 1 + rng.geometric(1 / Math.max(1, mean * factor))));

/** Builds one day's events and slots; their sizes add up to the day's battle and DNBI counts. */
export function planDay(
  seed: string,
  scenario: Scenario,
  day: number,
  counts: { battle: number; disease: number; nonBattle: number; outbreak: boolean },
): DayPlan {
  const rng = new Rng(seed, 'day', day);
  const plan = new DayPlan(day, counts.battle + counts.disease + counts.nonBattle);
  const frontWeights = scenario.fronts.map((f) => f.casualty_rate);
  // The draws keep their order (front, start, id), so a seed plans the same day as it always did.
  const push = (
    hour: number,
    size: number,
    scenarioName: string,
    kind: EventKind,
    windowMin: number,
    style: IdStyle,
    injuryType: InjuryType = 'BATTLE_TRAUMA',
    front = rng.weightedIndex(frontWeights),
  ): void => {
    const second = hour * 3600 + rng.int(0, 3599);
    plan.add({
      second,
      windowSec: windowMin * 60,
      size,
      scenario: scenarioName,
      kind,
      style,
      front,
      injuryType,
      hex: rng.nextU32(),
    });
  };
  const battleEvent = (
    hour: number,
    size: number,
    type: string,
    kind: BattleEventKind,
    special = false,
    front?: number,
  ) =>
    push(
      hour,
      size,
      special ? kind : type,
      kind,
      EVENT_KINDS[kind].windowMin,
      special ? 'special' : 'battle',
      'BATTLE_TRAUMA',
      front,
    );

  let left = counts.battle;
  const se = scenario.special_events;
  const intensity = INTENSITY_CLUSTER_FACTOR[scenario.intensity];
  if (se.ambush && (day === 0 || day === 3 || day === 5) && left >= 4) {
    const size = Math.min(left, sizeOf(rng, EVENT_KINDS.ambush.meanSize, EVENT_KINDS.ambush.maxSize, 1));
    battleEvent(rng.pick([5, 6, 7, 17, 18, 19]), size, 'ambush', 'ambush', true);
    left -= size;
  }
  // Mass-casualty strikes: a share of the day's battle casualties when the scenario sets one (the mass
  // casualty preset), else one strike on a fifth of the days.
  const share = scenario.mass_casualty_share ?? 0;
  let mascal = se.mass_casualty ? (share > 0 ? Math.round(left * share) : 0) : 0;
  if (se.mass_casualty && share === 0 && left >= 2 * MASS_CASUALTY_MIN && rng.chance(MASCAL_DAY_P)) {
    mascal = Math.min(Math.round(left / 2), sizeOf(rng, 25, 60, 1));
  }
  while (mascal >= MASS_CASUALTY_MIN && left >= MASS_CASUALTY_MIN) {
    const spec = EVENT_KINDS.mass_casualty;
    const size = Math.min(
      mascal,
      left,
      Math.max(MASS_CASUALTY_MIN, sizeOf(rng, spec.meanSize, spec.maxSize, 1)),
    );
    battleEvent(rng.int(6, 18), size, 'mass_casualty', 'mass_casualty', true);
    left -= size;
    mascal -= size;
  }

  const types = scenario.warfare_types;
  const perType = apportion(
    left,
    types.map((t) => WARFARE_TYPES[t]?.weight ?? 1),
  );
  types.forEach((name, ti) => {
    const hourly = (WARFARE_TYPES[name] ?? WARFARE_TYPES.conventional!).hourly;
    let remaining = perType[ti] ?? 0;
    while (remaining > 0) {
      // A naval front fights a naval battle whatever the scenario's types; a land front never does.
      const front = rng.weightedIndex(frontWeights);
      const naval = scenario.fronts[front]?.domain === 'naval';
      const kinds = eventKindsFor(naval ? 'naval' : name === 'naval' ? 'conventional' : name);
      const kind = kinds[rng.weightedIndex(kinds.map(([, w]) => w))]?.[0] ?? 'contact';
      const spec = EVENT_KINDS[kind];
      const size = Math.min(remaining, sizeOf(rng, spec.meanSize, spec.maxSize, intensity));
      battleEvent(rng.weightedIndex(hourly), size, name, kind, false, front);
      remaining -= size;
    }
  });

  let disease = counts.disease;
  const dnbi = counts.disease + counts.nonBattle;
  if (counts.outbreak && dnbi >= 5) {
    const size = Math.min(disease, Math.round(dnbi * OUTBREAK_SHARE));
    if (size > 0) push(rng.int(0, 6), size, 'dnbi', 'outbreak', 18 * 60, 'outbreak', 'DISEASE');
    disease -= size;
  }
  for (let k = 0; k < disease + counts.nonBattle; k++) {
    const hour = rng.weightedIndex(SICK_CALL_HOURS);
    push(hour, 1, 'dnbi', 'sick_call', 0, 'sick_call', k < disease ? 'DISEASE' : 'NON_BATTLE');
  }

  plan.schedule((windowSec) => rng.int(0, windowSec));
  return plan;
}

/** A day's plan and the index of its first patient in the run. */
export interface PlannedDay {
  firstIndex: number;
  plan: DayPlan;
}

/** Yields the day plans that overlap [start, end), in order. */
export function* planRange(
  seed: string,
  scenario: Scenario,
  total: number,
  start: number,
  end: number,
): Generator<PlannedDay> {
  const counts = dayCounts(seed, scenario, total);
  let first = 0;
  for (let day = 0; day < scenario.days_of_fighting; day++) {
    const today = {
      battle: counts.battle[day] ?? 0,
      disease: counts.disease[day] ?? 0,
      nonBattle: counts.nonBattle[day] ?? 0,
      outbreak: counts.outbreak[day] ?? false,
    };
    const quota = today.battle + today.disease + today.nonBattle;
    if (first + quota > start && first < end && quota > 0) {
      yield { firstIndex: first, plan: planDay(seed, scenario, day, today) };
    }
    first += quota;
    if (first >= end) return;
  }
}
