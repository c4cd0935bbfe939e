/**
 * Chance that a casualty is a woman: the nation's share of women in its active forces, scaled by how
 * exposed women were to each injury type in US OIF/OEF data (docs/casualty-model.md, "Personnel").
 */
import type { InjuryType } from './types.js';

/**
 * Women in each nation's active forces, percent, around 2019–20 where a figure of those years was
 * published, else the nearest one (each source in docs/casualty-model.md, "Personnel"). Iceland has no
 * armed forces and takes NATO's average. DNK, FIN, ROU and NZL are estimates: no published figure of
 * those years was found.
 */
export const WOMEN_IN_FORCES_PERCENT: Readonly<Record<string, number>> = {
  ALB: 14,
  BEL: 8,
  BGR: 15,
  CAN: 15,
  HRV: 13.5,
  CZE: 13,
  DNK: 7,
  EST: 9,
  FIN: 3,
  FRA: 15.5,
  DEU: 12,
  GRC: 11.5,
  HUN: 20,
  ISL: 11,
  ITA: 6,
  LVA: 16,
  LTU: 12,
  LUX: 10,
  MNE: 6,
  NLD: 11,
  MKD: 10,
  NOR: 15,
  POL: 8,
  PRT: 10,
  ROU: 11,
  SVK: 12,
  SVN: 16,
  ESP: 13,
  SWE: 13,
  TUR: 0.3,
  GBR: 11,
  USA: 16,
  AUS: 18,
  NZL: 19,
};

/**
 * Women's share of each injury type relative to their share of the force, from US data: 1.8 % of
 * battle-injured and 5.9 % of non-battle-injured DoD Trauma Registry casualties (955 women of 29,958,
 * 604 of them NBI) against ≈ 15.5 % of the force; ≈ 10 % of troops in the combat zones (CRS) for
 * disease, which follows presence in theatre.
 */
const RELATIVE_EXPOSURE: Readonly<Record<InjuryType, number>> = {
  BATTLE_TRAUMA: 1.8 / 15.5,
  NON_BATTLE: 5.9 / 15.5,
  DISEASE: 10 / 15.5,
};

/** Probability that a casualty of `nation` with `injuryType` is a woman. Unknown nations: NATO's 11 %. */
export function womanProbability(nation: string, injuryType: InjuryType): number {
  return ((WOMEN_IN_FORCES_PERCENT[nation] ?? 11) / 100) * RELATIVE_EXPOSURE[injuryType];
}
