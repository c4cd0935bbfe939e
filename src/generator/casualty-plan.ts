/**
 * The scenario-level plan: how many casualties fall on each day, and the casualty events (individual
 * incidents, mass-casualty clusters, special events) that group them in time. Everything is a pure
 * function of (seed, scenario, total): day quotas are computed arithmetically and each day's events come
 * from a stream keyed by (seed, day), so any index range can be planned without planning what precedes it.
 */
import { Rng } from './rng.js';
import type { Scenario } from './types.js';
import { INTENSITY_CLUSTER_FACTOR, TEMPO_DAILY, WARFARE_TYPES } from './warfare.js';

export interface CasualtyEvent {
  /** Seconds after 00:00Z of the event's day. */
  second: number;
  size: number;
  scenario: string;
  eventId: string;
  massCasualty: boolean;
}

export interface DayPlan {
  day: number;
  firstIndex: number;
  events: CasualtyEvent[];
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

export function dayQuotas(scenario: Scenario, total: number): number[] {
  const tempo = TEMPO_DAILY[scenario.tempo];
  const weights = Array.from(
    { length: scenario.days_of_fighting },
    (_, d) => tempo[Math.min(d, tempo.length - 1)] ?? 1,
  );
  return apportion(total, weights);
}

const pad = (n: number): string => String(n);

/** Builds one day's events, sorted by time; their sizes add up to `quota`. */
export function planDay(seed: string, scenario: Scenario, day: number, quota: number): CasualtyEvent[] {
  const rng = new Rng(seed, 'day', day);
  const events: (CasualtyEvent & { seq: number })[] = [];
  let seq = 0;
  const push = (
    hour: number,
    size: number,
    scenarioName: string,
    prefix: string,
    massCasualty: boolean,
  ): void => {
    const second = hour * 3600 + rng.int(0, 3599);
    const minute = Math.floor((second % 3600) / 60);
    // join builds one flat string; a template literal leaves a tree of string pieces, and a day's
    // plan holds tens of thousands of these ids for a large job (about 400 bytes each instead of 150).
    const eventId =
      prefix === 'SE'
        ? ['SE', scenarioName, day + 1, hour, rng.hex8()].join('_')
        : [prefix, scenarioName, day, hour, pad(minute), rng.hex8()].join('_');
    events.push({
      second,
      size,
      scenario: prefix === 'SE' ? 'mixed' : scenarioName,
      eventId,
      massCasualty,
      seq: seq++,
    });
  };

  let left = quota;
  const special = (name: string, hour: number, share: number, cap: number): void => {
    const size = Math.min(left, cap, Math.max(1, Math.round(quota * share)));
    if (size > 0 && quota >= 10) {
      push(hour, size, name, 'SE', true);
      left -= size;
    }
  };
  const se = scenario.special_events;
  if (se.major_offensive && day === 1)
    special('major_offensive', rng.pick([5, 6, 7]), 0.25, Number.MAX_SAFE_INTEGER);
  if (se.ambush && (day === 0 || day === 3 || day === 5))
    special('ambush', rng.pick([6, 7, 17, 18, 19]), 0.1, 200);
  if (se.mass_casualty && rng.chance(0.2))
    special('mass_casualty', rng.int(6, 18), rng.uniform(0.05, 0.15), 100);

  const types = scenario.warfare_types;
  const perType = apportion(
    left,
    types.map((t) => WARFARE_TYPES[t]?.weight ?? 1),
  );
  const clusterFactor = INTENSITY_CLUSTER_FACTOR[scenario.intensity];
  types.forEach((name, ti) => {
    const type = WARFARE_TYPES[name] ?? WARFARE_TYPES.conventional!;
    const perHour = apportion(perType[ti] ?? 0, type.hourly);
    perHour.forEach((count, hour) => {
      let remaining = count;
      if (remaining > 5 && rng.chance(Math.min(0.95, type.massCasualtyP * clusterFactor))) {
        const size = Math.min(remaining, rng.int(type.clusterSize[0], type.clusterSize[1]));
        push(hour, size, name, 'MC', true);
        remaining -= size;
      }
      while (remaining > 0) {
        const size = Math.min(remaining, rng.int(1, 3));
        push(hour, size, name, 'IND', false);
        remaining -= size;
      }
    });
  });
  events.sort((a, b) => a.second - b.second || a.seq - b.seq);
  return events.map(({ seq: _seq, ...e }) => e);
}

/** Yields the day plans that overlap [start, end), in order. */
export function* planRange(
  seed: string,
  scenario: Scenario,
  total: number,
  start: number,
  end: number,
): Generator<DayPlan> {
  const quotas = dayQuotas(scenario, total);
  let first = 0;
  for (let day = 0; day < quotas.length; day++) {
    const quota = quotas[day] ?? 0;
    if (first + quota > start && first < end && quota > 0) {
      yield { day, firstIndex: first, events: planDay(seed, scenario, day, quota) };
    }
    first += quota;
    if (first >= end) return;
  }
}
