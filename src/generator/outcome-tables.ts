/**
 * Times for the POI → Role 1 → Role 2 → Role 3 → Role 4 chain; times are lognormal
 * (median hours, sigma of log). Who dies, returns to duty or is evacuated follows from the injuries
 * (course.ts); these tables only say how long each step takes under each casualty profile.
 */
import type { CasualtyProfile } from './types.js';

export type Lognormal = readonly [median: number, sigma: number];
type ByTriage = readonly [Lognormal, Lognormal, Lognormal];

export interface TimeTable {
  /** Care and holding at the POI before the evacuation leaves. */
  poiWait: ByTriage;
  poiToRole1: Lognormal;
  /** Direct forward air evacuation to surgical care. */
  poiToRole2: Lognormal;
  /** Share of BI T1 flown straight from the POI to Role 2. */
  t1Bypass: number;
  role1Stay: ByTriage;
  role1ToRole2: Lognormal;
  role2Stay: ByTriage;
  role2ToRole3: Lognormal;
  role3Stay: ByTriage;
  role3ToRole4: Lognormal;
}

/**
 * OIF/OEF: golden-hour era, median POI → surgical care ≈45 min for T1 (Kotwal 2016, NATO 10-1-2).
 * LSCO: no air superiority; extraction 6–24 h reported from Ukraine, T1 median ≈4.5 h (Stevens 2024,
 * Epstein 2023); strategic evacuation by rail/road instead of aeromedical flights.
 */
export const TIMES: Record<CasualtyProfile, TimeTable> = {
  oif_oef: {
    poiWait: [
      [0.17, 0.6],
      [0.5, 0.6],
      [1, 0.6],
    ],
    poiToRole1: [0.4, 0.5],
    poiToRole2: [0.45, 0.45],
    t1Bypass: 0.6,
    role1Stay: [
      [0.25, 0.4],
      [2, 0.5],
      [3, 0.5],
    ],
    role1ToRole2: [0.4, 0.4],
    role2Stay: [
      [6, 0.5],
      [8, 0.5],
      [12, 0.5],
    ],
    role2ToRole3: [1, 0.4],
    role3Stay: [
      [48, 0.4],
      [72, 0.4],
      [72, 0.4],
    ],
    role3ToRole4: [8, 0.3],
  },
  lsco: {
    poiWait: [
      [2.5, 0.7],
      [5, 0.7],
      [8, 0.7],
    ],
    poiToRole1: [1, 0.5],
    poiToRole2: [1.5, 0.5],
    t1Bypass: 0.3,
    role1Stay: [
      [0.75, 0.5],
      [4, 0.5],
      [6, 0.5],
    ],
    role1ToRole2: [1.5, 0.5],
    role2Stay: [
      [12, 0.5],
      [16, 0.5],
      [24, 0.5],
    ],
    role2ToRole3: [3, 0.4],
    role3Stay: [
      [72, 0.4],
      [96, 0.4],
      [96, 0.4],
    ],
    role3ToRole4: [24, 0.4],
  },
};

/** Webster 2021 (UK KIA, n=303): 57 % at 0 min, 68 % ≤10, 91 % ≤60, 99 % ≤120. Returns minutes. */
export function kiaMinutes(u: number, v: number): number {
  if (u < 0.57) return 0;
  if (u < 0.68) return 1 + v * 9;
  if (u < 0.91) return 10 + v * 50;
  if (u < 0.99) return 60 + v * 60;
  return 120 + v * 120;
}
