/**
 * Synthetic national identity numbers in each nation's published layout. Where the layout encodes the
 * birth date or sex (PESEL, Estonian/Lithuanian isikukood, Finnish HETU, CPR, personnummer, rodné číslo,
 * Belgian NN, Latvian personas kods, Romanian CNP, Bulgarian EGN) those parts are real; check digits are
 * computed for PESEL and HETU, and random elsewhere. The numbers are fake by construction.
 */
import type { Rng } from './rng.js';

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const letters = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(65 + rng.int(0, 25));
  return s;
};

function pesel(rng: Rng, y: number, m: number, d: number, male: boolean): string {
  const monthCode = y >= 2000 ? m + 20 : m;
  const serial = digits(rng, 3) + String(male ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2);
  const body = `${String(y % 100).padStart(2, '0')}${String(monthCode).padStart(2, '0')}${String(d).padStart(2, '0')}${serial}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  return body + String((10 - (sum % 10)) % 10);
}

function hetu(rng: Rng, y: number, dmy: string, male: boolean): string {
  const individual = rng.int(1, 449) * 2 + (male ? 1 : 0);
  const ind = String(Math.min(individual, 899)).padStart(3, '0');
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(dmy + ind) % 31];
  return `${dmy}${y >= 2000 ? 'A' : '-'}${ind}${check}`;
}

/** Returns an identifier string for the nation; unknown codes get a generic 9-digit number. */
export function nationalId(rng: Rng, code: string, birthdate: string, male: boolean): string {
  const y = Number(birthdate.slice(0, 4));
  const m = Number(birthdate.slice(5, 7));
  const d = Number(birthdate.slice(8, 10));
  const yy = birthdate.slice(2, 4);
  const mm = birthdate.slice(5, 7);
  const dd = birthdate.slice(8, 10);
  const century = y >= 2000 ? (male ? '5' : '6') : male ? '3' : '4';
  switch (code) {
    case 'USA':
      return `${rng.int(100, 665)}-${digits(rng, 2)}-${digits(rng, 4)}`;
    case 'GBR':
      return `${letters(rng, 2)}${digits(rng, 6)}${'ABCD'[rng.int(0, 3)]}`;
    case 'DEU':
      return `${letters(rng, 1)}${digits(rng, 8)}`;
    case 'FRA':
      return `${male ? 1 : 2} ${yy} ${mm} ${digits(rng, 2)} ${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 2)}`;
    case 'POL':
      return pesel(rng, y, m, d, male);
    case 'EST':
    case 'LTU':
      return `${century}${yy}${mm}${dd}${digits(rng, 4)}`;
    case 'NOR':
      return `${dd}${mm}${yy}${digits(rng, 5)}`;
    case 'TUR':
    case 'HRV':
      return `${rng.int(1, 9)}${digits(rng, 10)}`;
    case 'NLD':
      return digits(rng, 9);
    case 'CAN':
      return `${rng.int(1, 7)}${digits(rng, 2)}-${digits(rng, 3)}-${digits(rng, 3)}`;
    case 'ESP':
      return `${digits(rng, 8)}${'TRWAGMYFPDXBNJZSQVHLCKE'[rng.int(0, 22)]}`;
    case 'DNK':
    case 'ISL':
      return `${dd}${mm}${yy}-${digits(rng, 4)}`;
    case 'SWE':
      return `${yy}${mm}${dd}-${digits(rng, 4)}`;
    case 'CZE':
    case 'SVK':
      return `${yy}${String(male ? m : m + 50).padStart(2, '0')}${dd}/${digits(rng, 4)}`;
    case 'FIN':
      return hetu(rng, y, `${dd}${mm}${yy}`, male);
    case 'ITA':
      return `${letters(rng, 6)}${yy}${'ABCDEHLMPRST'[m - 1]}${String(male ? d : d + 40).padStart(2, '0')}${letters(rng, 1)}${digits(rng, 3)}${letters(rng, 1)}`;
    case 'BEL':
      return `${yy}.${mm}.${dd}-${digits(rng, 3)}.${digits(rng, 2)}`;
    case 'LVA':
      return `${dd}${mm}${yy}-${y >= 2000 ? 2 : 1}${digits(rng, 4)}`;
    case 'PRT':
      return `${digits(rng, 8)}-${digits(rng, 1)}`;
    case 'ROU':
      return `${y >= 2000 ? (male ? 5 : 6) : male ? 1 : 2}${yy}${mm}${dd}${digits(rng, 6)}`;
    case 'BGR':
      return `${yy}${String(y >= 2000 ? m + 40 : m).padStart(2, '0')}${dd}${digits(rng, 4)}`;
    case 'SVN':
    case 'MNE':
    case 'MKD':
      return `${dd}${mm}${String(y).slice(1)}${digits(rng, 6)}`;
    case 'HUN':
      return `${male ? 1 : 2}${yy}${mm}${dd}${digits(rng, 4)}`;
    case 'GRC':
      return `${letters(rng, 2)} ${digits(rng, 6)}`;
    case 'ALB':
      return `${letters(rng, 1)}${digits(rng, 8)}${letters(rng, 1)}`;
    case 'LUX':
      return `${y}${mm}${dd}${digits(rng, 5)}`;
    case 'AUS':
      return `${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`;
    case 'NZL':
      return `${letters(rng, 3)}${digits(rng, 4)}`;
    default:
      return digits(rng, 9);
  }
}
