/**
 * Temporal scenario data: warfare types (weight, hourly profile), intensity, tempo and environmental
 * conditions. Shapes follow the earlier Python service's; the hourly profiles are our own renderings of the
 * pattern descriptions. The events each warfare type produces are in battle-events.ts.
 */
import type { Intensity, Tempo } from './types.js';

const BASELINE = [
  0.3, 0.2, 0.2, 0.3, 0.5, 0.8, 1.2, 1.5, 1.3, 1, 0.9, 1, 1.1, 1, 0.9, 1, 1.3, 1.5, 1.2, 0.8, 0.6, 0.5, 0.4,
  0.3,
];

const profile = (factor: (hour: number) => number): number[] => BASELINE.map((b, h) => b * factor(h));
const within = (h: number, from: number, to: number): boolean => h >= from && h <= to;

export interface WarfareType {
  weight: number;
  hourly: number[];
}

export const WARFARE_TYPES: Readonly<Record<string, WarfareType>> = {
  conventional: {
    weight: 1,
    hourly: profile((h) => (within(h, 6, 9) || within(h, 16, 19) ? 2.5 : h <= 5 || h >= 22 ? 0.3 : 0.5)),
  },
  artillery: {
    weight: 1.2,
    hourly: profile((h) => ([5, 6, 11, 12, 17, 18, 22, 23].includes(h) ? 5 : 0.1)),
  },
  urban: {
    weight: 1.1,
    hourly: profile((h) => (within(h, 6, 10) ? 3 : within(h, 14, 17) ? 2.5 : 0.8)),
  },
  guerrilla: {
    weight: 0.8,
    hourly: profile((h) => (within(h, 5, 7) || within(h, 17, 19) ? 1.4 : h <= 4 || h >= 20 ? 0.7 : 1)),
  },
  drone: {
    weight: 0.6,
    hourly: profile((h) => (within(h, 6, 17) ? 1 : 0.4)),
  },
  naval: { weight: 0.9, hourly: profile(() => 1) },
  cbrn: { weight: 2, hourly: profile(() => 1) },
  peacekeeping: {
    weight: 0.4,
    hourly: profile((h) => (within(h, 8, 18) ? 1 : 0.3)),
  },
};

/** Preset `warfare_type` values that are not warfare types of their own. */
export const WARFARE_ALIASES: Readonly<Record<string, string>> = {
  amphibious: 'naval',
  mixed: 'conventional',
};

/** Intensity scales the size of battle events (after the earlier service's generator; the values are judgement). */
export const INTENSITY_CLUSTER_FACTOR: Record<Intensity, number> = {
  low: 0.5,
  medium: 1,
  high: 1.2,
  extreme: 1.5,
};

export const TEMPO_DAILY: Record<Tempo, number[]> = {
  sustained: [1, 1, 1, 1, 1, 1, 1, 1],
  escalating: [0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8],
  surge: [0.5, 1.5, 2, 1.5, 0.5, 0.8, 1.2, 0.6],
  declining: [1.8, 1.6, 1.4, 1.2, 1, 0.8, 0.6, 0.4],
  intermittent: [1, 0.3, 1.5, 0.4, 1.2, 0.2, 1, 0.5],
};

/** Evacuation delay (upper bound, minutes) per condition (after the earlier service's generator). */
export const ENVIRONMENT: Readonly<Record<string, { delayMin: number }>> = {
  rain: { delayMin: 15 },
  fog: { delayMin: 30 },
  storm: { delayMin: 90 },
  extreme_heat: { delayMin: 0 },
  extreme_cold: { delayMin: 10 },
  dust_storm: { delayMin: 45 },
  night_operations: { delayMin: 20 },
  mountainous_terrain: { delayMin: 60 },
  urban_debris: { delayMin: 40 },
};

/** The web UI's own names for two conditions. */
export const ENVIRONMENT_ALIASES: Readonly<Record<string, string>> = {
  extreme_weather: 'storm',
  urban_environment: 'urban_debris',
};

/** Darkness slows evacuation: night-vision flying and slower ground movement (judgement, minutes). */
export const NIGHT_DELAY_MIN = 30;
const isNight = (hour: number): boolean => hour >= 21 || hour < 5;

/**
 * Extra hours before a casualty leaves the point of injury: each weather or terrain condition adds up
 * to its delay, and darkness (21:00–05:00) adds up to NIGHT_DELAY_MIN. `night_operations` says the force
 * fights at night; darkness itself comes from the hour. `u` draws uniform numbers in [0, 1).
 */
export function evacuationDelayHours(conditions: readonly string[], hour: number, u: () => number): number {
  let minutes = 0;
  for (const c of conditions) {
    const env = ENVIRONMENT[c];
    if (env && c !== 'night_operations') minutes += env.delayMin * u();
  }
  if (isNight(hour)) minutes += NIGHT_DELAY_MIN * u();
  return minutes / 60;
}
