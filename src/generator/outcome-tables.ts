/**
 * Rates and times for the POI → Role 1 → Role 2 → Role 3 → Role 4 chain. Each rate is a probability
 * per arrival at that node; times are lognormal (median hours, sigma of log). The battle-injury numbers
 * are tuned so 10,000 default patients land inside the bands of shared/reference/casualty-figures.md:
 * KIA 8 % and DOW ≈2 % of BI (CFR 10 %, KIA/(KIA+DOW) 0.8; Holcomb 2006, Eastridge 2012, Webster 2021),
 * RTD ≤72 h ≈35 % of BI (Owens 2008, Ritenour 2010), DNBI ≈90 % RTD at Role 1/2 (Sanders 2005).
 */
import type { CasualtyProfile, InjuryType, Triage } from './types.js';

export interface NodeRate {
  die: number;
  rtd: number;
}

/** Role1..Role3 rates per triage T1/T2/T3; Role 4 keeps everyone who reaches it (Remains_Role4). */
export type ChainTable = Record<'Role1' | 'Role2' | 'Role3', [NodeRate, NodeRate, NodeRate]>;

const r = (die: number, rtd: number): NodeRate => ({ die, rtd });

const BATTLE: ChainTable = {
  Role1: [r(0.02, 0), r(0.001, 0.05), r(0, 0.4)],
  Role2: [r(0.06, 0), r(0.004, 0.16), r(0, 0.35)],
  Role3: [r(0.025, 0.1), r(0.002, 0.4), r(0, 0.5)],
};
const NON_BATTLE: ChainTable = {
  Role1: [r(0.005, 0.1), r(0, 0.45), r(0, 0.8)],
  Role2: [r(0.01, 0.3), r(0, 0.5), r(0, 0.6)],
  Role3: [r(0.005, 0.4), r(0, 0.4), r(0, 0.5)],
};
const DISEASE: ChainTable = {
  Role1: [r(0, 0.2), r(0, 0.55), r(0, 0.85)],
  Role2: [r(0.005, 0.3), r(0, 0.6), r(0, 0.7)],
  Role3: [r(0.005, 0.4), r(0, 0.4), r(0, 0.4)],
};

export const CHAIN: Record<InjuryType, ChainTable> = { BATTLE_TRAUMA: BATTLE, NON_BATTLE, DISEASE };

/** Death before reaching any MTF. BI: 8 % OIF/OEF, 13 % LSCO (WWII/Vietnam %KIA ≈20 as the ceiling). */
export const POI_KIA: Record<CasualtyProfile, Record<InjuryType, number>> = {
  oif_oef: { BATTLE_TRAUMA: 0.08, NON_BATTLE: 0.002, DISEASE: 0 },
  lsco: { BATTLE_TRAUMA: 0.13, NON_BATTLE: 0.003, DISEASE: 0 },
};

/** Slower evacuation raises died-of-wounds; ×2 gives LSCO CFR ≈17 % (band 15–20). */
export const DOW_MULTIPLIER: Record<CasualtyProfile, number> = { oif_oef: 1, lsco: 2 };

/** Triage of live casualties at the first MTF. BI: Kotwal 2018 CMI-PH, Duncan 2014. DNBI: assumption. */
export const TRIAGE_WEIGHTS: Record<InjuryType, [number, number, number]> = {
  BATTLE_TRAUMA: [0.2, 0.25, 0.55],
  NON_BATTLE: [0.1, 0.3, 0.6],
  DISEASE: [0.05, 0.25, 0.7],
};

/** BI mechanism explosive/gunshot/other. OIF/OEF: Belmont 2012, Owens 2008. LSCO: Ukraine series. */
export const MECHANISM_WEIGHTS: Record<CasualtyProfile, [number, number, number]> = {
  oif_oef: [0.75, 0.2, 0.05],
  lsco: [0.87, 0.1, 0.03],
};

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

export const TRIAGE_INDEX: Record<Triage, 0 | 1 | 2> = { T1: 0, T2: 1, T3: 2 };
