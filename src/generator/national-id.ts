/**
 * Synthetic national identity numbers in each nation's published layout, with its check digits and, where
 * the number encodes them, the holder's birth date and sex. Where a nation reserves numbers that are never
 * issued (test or temporary series) we draw from those; docs/casualty-model.md lists each rule and range.
 */
import { nationalIdEast } from './ids/east.js';
import { digits, type IdHolder, parseHolder } from './ids/holder.js';
import { nationalIdWest } from './ids/west.js';
import type { Rng } from './rng.js';

export type { IdHolder } from './ids/holder.js';

/**
 * An identity number for a holder of nation `code`. Every nation in `ALL_NATIONALITIES` has its own
 * format; an unknown code gets a plain 9-digit number.
 */
export function nationalId(rng: Rng, code: string, holder: IdHolder): string {
  const person = parseHolder(holder);
  return nationalIdWest(rng, code, person) ?? nationalIdEast(rng, code, person) ?? digits(rng, 9);
}
