/**
 * Check-digit arithmetic shared by the national identity numbers. Each function takes the digits the
 * check covers and returns the check; `undefined` means the rule has no valid check for that body, and
 * the caller draws another serial.
 */

/** Σ digit × weight, for weights cycling over the digits. */
export function weightedSum(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(i) - 48) * (weights[i % weights.length] ?? 0);
  return sum;
}

/**
 * Luhn check digit over `values` (digits, or letters as 10–35 for the Portuguese citizen card), doubling
 * every second value counted from the check digit's left neighbour.
 */
export function luhnDigit(values: readonly number[]): number {
  let sum = 0;
  for (let i = values.length - 1, double = true; i >= 0; i--, double = !double) {
    let v = values[i] ?? 0;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

export const digitValues = (body: string): number[] => Array.from(body, (c) => Number.parseInt(c, 36));

/** ISO 7064 MOD 11,10 (Croatian OIB). */
export function iso7064Mod11_10(body: string): number {
  let product = 10;
  for (const c of body) {
    const sum = ((c.charCodeAt(0) - 48 + product) % 10 || 10) * 2;
    product = sum % 11;
  }
  return (11 - product) % 10;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** Verhoeff check digit (Luxembourg's matricule carries one after its Luhn digit). */
export function verhoeffDigit(body: string): number {
  let c = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    c = VERHOEFF_D[c]![VERHOEFF_P[(i + 1) % 8]![digit]!]!;
  }
  return VERHOEFF_INV[c]!;
}
