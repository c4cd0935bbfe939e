/**
 * Identity numbers of the western and northern nations, North America and Oceania. Returns undefined for a
 * nation it does not know. The rules and the never-issued ranges are listed in docs/casualty-model.md.
 */
import type { Rng } from '../rng.js';
import { digitValues, luhnDigit, verhoeffDigit, weightedSum } from './check-digits.js';
import { codiceFiscale } from './codice-fiscale.js';
import { digits, pad, type Person, plainLetters, sexedSerial, until } from './holder.js';

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_UNUSED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
/** National Insurance prefixes HMRC allocates: no D F I Q U V, no O second, none of the reserved pairs. */
const NINO_PREFIXES = [...NINO_FIRST]
  .flatMap((a) => [...NINO_SECOND].map((b) => a + b))
  .filter((p) => !NINO_UNUSED.has(p));

const NHI_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const NHI_LETTER_LIST = [...NHI_LETTERS];

export function nationalIdWest(rng: Rng, code: string, p: Person): string | undefined {
  switch (code) {
    case 'USA':
      return `${pad(rng.int(1, 665), 3)}-${pad(rng.int(1, 99), 2)}-${pad(rng.int(1, 9999), 4)}`;
    case 'GBR':
      return `${rng.pick(NINO_PREFIXES)}${digits(rng, 6)}${'ABCD'[rng.int(0, 3)]}`;
    case 'DEU':
      return rentenversicherungsnummer(rng, p);
    case 'FRA': {
      const dept = pad(rng.pick(FRENCH_DEPARTMENTS), 2);
      const body = `${p.male ? 1 : 2}${p.yy}${p.mm}${dept}${pad(rng.int(1, 990), 3)}${pad(rng.int(1, 999), 3)}`;
      const key = pad(97 - (Number(body) % 97), 2);
      return `${body[0]} ${p.yy} ${p.mm} ${dept} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
    }
    case 'NLD':
      // 11-test: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). The 9… series, where test numbers live by
      // convention (RvIG's fictitious persons are 99999…): ≈ 9.1 million valid numbers, so a run's Dutch
      // casualties do not share one (the 9999… block held ≈ 9,100).
      return until(() => {
        const body = `9${digits(rng, 7)}`;
        const check = weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
        return check === 10 ? undefined : `${body}${check}`;
      });
    case 'BEL': {
      const body = `${p.yy}${p.mm}${p.dd}${sexedSerial(rng, 3, p.male, 1, 997)}`;
      const key = pad(97 - (Number(`${p.y2k ? '2' : ''}${body}`) % 97), 2);
      return `${p.yy}.${p.mm}.${p.dd}-${body.slice(6)}.${key}`;
    }
    case 'LUX': {
      const body = `${p.year}${p.mm}${p.dd}${digits(rng, 3)}`;
      return `${body}${luhnDigit(digitValues(body))}${verhoeffDigit(body)}`;
    }
    case 'ESP': {
      const n = rng.int(0, 99_999_999);
      return `${pad(n, 8)}${'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}`;
    }
    case 'PRT':
      return cartaoDeCidadao(rng);
    case 'ITA':
      return codiceFiscale(rng, p);
    case 'CAN': {
      // First digit 0 is never assigned to a person (ESDC's province digits run 1–7, 9 is temporary).
      const body = `0${digits(rng, 7)}`;
      const check = luhnDigit(digitValues(body));
      return `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6)}${check}`;
    }
    case 'NOR':
      return fodselsnummer(rng, p);
    case 'DNK': {
      const centuryDigit = p.y2k ? '4' : String(rng.int(0, 3));
      return `${p.dd}${p.mm}${p.yy}-${centuryDigit}${digits(rng, 2)}${sexedSerial(rng, 1, p.male)}`;
    }
    case 'SWE': {
      const body = `${p.yy}${p.mm}${p.dd}${digits(rng, 2)}${sexedSerial(rng, 1, p.male)}`;
      return `${body.slice(0, 6)}-${body.slice(6)}${luhnDigit(digitValues(body))}`;
    }
    case 'FIN': {
      // Individual numbers 900–999 are temporary ones, never a permanent HETU.
      const individual = sexedSerial(rng, 3, p.male, 900, 999);
      const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${p.dd}${p.mm}${p.yy}${individual}`) % 31];
      return `${p.dd}${p.mm}${p.yy}${p.y2k ? 'A' : '-'}${individual}${check}`;
    }
    case 'ISL':
      return until(() => {
        const body = `${p.dd}${p.mm}${p.yy}${rng.int(20, 99)}`;
        const check = (11 - (weightedSum(body, [3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
        return check === 10 ? undefined : `${body.slice(0, 6)}-${body.slice(6)}${check}${p.y2k ? 0 : 9}`;
      });
    case 'AUS':
      return until(() => {
        const body = digits(rng, 8);
        const check = weightedSum(body, [1, 4, 3, 7, 5, 8, 6, 9]) % 11;
        return check === 10 ? undefined : `${body.slice(0, 3)} ${body.slice(3, 6)} ${body.slice(6)}${check}`;
      });
    case 'NZL':
      return nhiNumber(rng);
    default:
      return undefined;
  }
}

const FRENCH_DEPARTMENTS = Array.from({ length: 95 }, (_, i) => i + 1).filter((d) => d !== 20);

/** Norwegian fødselsnummer: individual numbers 000–499 for the 1900s, 500–999 for 2000–2039. */
function fodselsnummer(rng: Rng, p: Person): string {
  return until(() => {
    const individual = p.y2k ? sexedSerial(rng, 3, p.male, 500, 999) : sexedSerial(rng, 3, p.male, 0, 499);
    const body = `${p.dd}${p.mm}${p.yy}${individual}`;
    const k1 = (11 - (weightedSum(body, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11)) % 11;
    if (k1 === 10) return undefined;
    const k2 = (11 - (weightedSum(`${body}${k1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
    return k2 === 10 ? undefined : `${body}${k1}${k2}`;
  });
}

/** German pension-insurance number: area, birth date, birth-surname initial, serial (00–49 men), check. */
function rentenversicherungsnummer(rng: Rng, p: Person): string {
  const area = pad(rng.int(42, 79), 2);
  const initial = plainLetters(p.surname)[0] ?? 'X';
  const serial = pad(p.male ? rng.int(0, 49) : rng.int(50, 99), 2);
  const body = `${area}${p.dd}${p.mm}${p.yy}${pad(initial.charCodeAt(0) - 64, 2)}${serial}`;
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const product = (body.charCodeAt(i) - 48) * (weights[i] ?? 0);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return `${area} ${p.dd}${p.mm}${p.yy} ${initial}${serial}${sum % 10}`;
}

/** Portuguese citizen card: civil number with its mod-11 digit, card version, Luhn over both. */
function cartaoDeCidadao(rng: Rng): string {
  const civil = `${rng.int(1, 3)}${digits(rng, 7)}`;
  const r = weightedSum(civil, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  const civilCheck = r < 2 ? 0 : 11 - r;
  const version = rng.pick(['ZZ', 'ZY', 'ZX']);
  const body = `${civil}${civilCheck}${version}`;
  return `${civil} ${civilCheck} ${version}${luhnDigit(digitValues(body))}`;
}

/** New Zealand NHI (AAANNNC); the Ministry of Health keeps numbers starting with Z for testing. */
function nhiNumber(rng: Rng): string {
  return until(() => {
    const letters = `Z${rng.pick(NHI_LETTER_LIST)}${rng.pick(NHI_LETTER_LIST)}`;
    const body = `${letters}${digits(rng, 3)}`;
    let sum = 0;
    for (let i = 0; i < 6; i++) {
      const c = body[i]!;
      const value = i < 3 ? NHI_LETTERS.indexOf(c) + 1 : Number(c);
      sum += value * (7 - i);
    }
    const r = sum % 11;
    if (r === 0) return undefined;
    return `${body}${(11 - r) % 10}`;
  });
}
