import type { Rng } from '../rng.js';

/** The parts of a person that identity numbers encode, split once per number. */
export interface IdHolder {
  /** `YYYY-MM-DD`. */
  birthdate: string;
  male: boolean;
  /** As printed on the record (feminine form where the language inflects it). */
  surname: string;
  given: string;
}

export interface Person extends IdHolder {
  year: number;
  month: number;
  day: number;
  yy: string;
  mm: string;
  dd: string;
  /** Born in 2000 or later. */
  y2k: boolean;
}

export function parseHolder(holder: IdHolder): Person {
  const { birthdate, male, surname, given } = holder;
  const year = Number(birthdate.slice(0, 4));
  const mm = birthdate.slice(5, 7);
  const dd = birthdate.slice(8, 10);
  // Listed field by field (no spread): one object shape, built once per number.
  return {
    birthdate,
    male,
    surname,
    given,
    year,
    month: Number(mm),
    day: Number(dd),
    yy: birthdate.slice(2, 4),
    mm,
    dd,
    y2k: year >= 2000,
  };
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A serial of `width` digits whose last digit is odd for men and even for women. */
export function sexedSerial(rng: Rng, width: number, male: boolean, min = 0, max = 10 ** width - 1): string {
  const low = Math.ceil((min - (male ? 1 : 0)) / 2);
  const high = Math.floor((max - (male ? 1 : 0)) / 2);
  return pad(rng.int(low, high) * 2 + (male ? 1 : 0), width);
}

/** Upper-case A–Z only: accents dropped, other characters removed (for letter codes built from names). */
export function plainLetters(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
}

/** Redraws `draw` until it returns a number (rules whose check can come out as "no valid digit"). */
export function until(draw: () => string | undefined): string {
  for (;;) {
    const id = draw();
    if (id !== undefined) return id;
  }
}
