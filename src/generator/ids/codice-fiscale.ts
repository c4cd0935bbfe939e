/**
 * Italian codice fiscale (DM 23/12/1976): three letters of the surname, three of the given name, birth
 * year, month letter, day (+40 for women), birthplace code, check letter.
 */
import type { Rng } from '../rng.js';
import { pad, type Person, plainLetters } from './holder.js';

const MONTHS = 'ABCDEHLMPRST';
/** Cadastral codes of large comuni: Rome, Milan, Naples, Turin, Palermo, Genoa, Bologna, Florence, Bari, Catania. */
const BIRTHPLACES = ['H501', 'F205', 'F839', 'L219', 'G273', 'D969', 'A944', 'D612', 'A662', 'C351'];
/** Values of 0–9 then A–Z in odd positions (1st, 3rd, …); even positions count 0–9 and A=0…Z=25. */
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTERS = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

const isVowel = (c: string): boolean => 'AEIOU'.includes(c);

function nameCode(name: string, given: boolean): string {
  const letters = plainLetters(name);
  const consonants = [...letters].filter((c) => !isVowel(c));
  const vowels = [...letters].filter(isVowel);
  if (given && consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

function checkLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const digit = c <= 57;
    const v = digit ? c - 48 : c - 65;
    sum += i % 2 === 0 ? (digit ? ODD[v]! : ODD_LETTERS[v]!) : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function codiceFiscale(rng: Rng, p: Person): string {
  const body =
    nameCode(p.surname, false) +
    nameCode(p.given, true) +
    p.yy +
    MONTHS[p.month - 1] +
    pad(p.male ? p.day : p.day + 40, 2) +
    rng.pick(BIRTHPLACES);
  return body + checkLetter(body);
}
