/**
 * Temporal scenario data: warfare types (weight, hourly profile, mass-casualty clustering), intensity,
 * tempo and environmental conditions. Shapes follow the earlier Python service's; the hourly profiles are
 * our own renderings of the pattern descriptions.
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
  massCasualtyP: number;
  clusterSize: readonly [number, number];
}

export const WARFARE_TYPES: Readonly<Record<string, WarfareType>> = {
  conventional: {
    weight: 1,
    hourly: profile((h) => (within(h, 6, 9) || within(h, 16, 19) ? 2.5 : h <= 5 || h >= 22 ? 0.3 : 0.5)),
    massCasualtyP: 0.3,
    clusterSize: [10, 30],
  },
  artillery: {
    weight: 1.2,
    hourly: profile((h) => ([5, 6, 11, 12, 17, 18, 22, 23].includes(h) ? 5 : 0.1)),
    massCasualtyP: 0.8,
    clusterSize: [15, 50],
  },
  urban: {
    weight: 1.1,
    hourly: profile((h) => (within(h, 6, 10) ? 3 : within(h, 14, 17) ? 2.5 : 0.8)),
    massCasualtyP: 0.4,
    clusterSize: [5, 20],
  },
  guerrilla: {
    weight: 0.8,
    hourly: profile((h) => (within(h, 5, 7) || within(h, 17, 19) ? 1.4 : h <= 4 || h >= 20 ? 0.7 : 1)),
    massCasualtyP: 0.15,
    clusterSize: [2, 8],
  },
  drone: {
    weight: 0.6,
    hourly: profile((h) => (within(h, 6, 17) ? 1 : 0.4)),
    massCasualtyP: 0.1,
    clusterSize: [1, 5],
  },
  naval: { weight: 0.9, hourly: profile(() => 1), massCasualtyP: 0.4, clusterSize: [10, 25] },
  cbrn: { weight: 2, hourly: profile(() => 1), massCasualtyP: 0.95, clusterSize: [50, 200] },
  peacekeeping: {
    weight: 0.4,
    hourly: profile((h) => (within(h, 8, 18) ? 1 : 0.3)),
    massCasualtyP: 0.05,
    clusterSize: [1, 5],
  },
};

/** Preset `warfare_type` values that are not warfare types of their own. */
export const WARFARE_ALIASES: Readonly<Record<string, string>> = {
  amphibious: 'naval',
  mixed: 'conventional',
};

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

/** Visibility and evacuation delay (minutes) per condition. */
export const ENVIRONMENT: Readonly<Record<string, { visibility: number; delayMin: number }>> = {
  rain: { visibility: 0.8, delayMin: 15 },
  fog: { visibility: 0.5, delayMin: 30 },
  storm: { visibility: 0.3, delayMin: 90 },
  extreme_heat: { visibility: 1, delayMin: 0 },
  extreme_cold: { visibility: 0.9, delayMin: 10 },
  dust_storm: { visibility: 0.4, delayMin: 45 },
  night_operations: { visibility: 0.6, delayMin: 20 },
  mountainous_terrain: { visibility: 0.9, delayMin: 60 },
  urban_debris: { visibility: 0.8, delayMin: 40 },
};

/** The web UI's own names for two conditions. */
export const ENVIRONMENT_ALIASES: Readonly<Record<string, string>> = {
  extreme_weather: 'storm',
  urban_environment: 'urban_debris',
};

/**
 * Extra POI delay in hours (upper bound of a uniform draw): when the combined visibility drops below
 * 0.5, casualties are found later, as in the original model.
 */
export function environmentDelayHours(conditions: readonly string[]): number {
  let visibility = 1;
  let delay = 0;
  for (const c of conditions) {
    const env = ENVIRONMENT[c];
    if (!env) continue;
    visibility *= env.visibility;
    delay += env.delayMin;
  }
  return visibility < 0.5 ? delay / 60 : 0;
}
