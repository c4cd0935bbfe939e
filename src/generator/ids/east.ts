/**
 * Identity numbers of the central, eastern and south-eastern nations. Returns undefined for a nation it
 * does not know. The rules are listed in docs/casualty-model.md.
 */
import type { Rng } from '../rng.js';
import { iso7064Mod11_10, luhnDigit, digitValues, weightedSum } from './check-digits.js';
import { digits, pad, type Person, sexedSerial, until } from './holder.js';

/** JMBG political-region digits: Montenegro 21–29, Macedonia 41–49, Slovenia 50. */
const JMBG_REGIONS: Readonly<Record<string, readonly number[]>> = {
  MNE: [21, 22, 23, 24, 25, 26, 27, 28, 29],
  MKD: [41, 42, 43, 44, 45, 46, 47, 48, 49],
  SVN: [50],
};

export function nationalIdEast(rng: Rng, code: string, p: Person): string | undefined {
  switch (code) {
    case 'POL': {
      const body = `${p.yy}${pad(p.y2k ? p.month + 20 : p.month, 2)}${p.dd}${digits(rng, 3)}${sexedSerial(rng, 1, p.male)}`;
      return `${body}${(10 - (weightedSum(body, [1, 3, 7, 9]) % 10)) % 10}`;
    }
    case 'CZE':
    case 'SVK':
      return until(() => {
        const body = `${p.yy}${pad(p.male ? p.month : p.month + 50, 2)}${p.dd}${digits(rng, 3)}`;
        const check = Number(body) % 11;
        return check === 10 ? undefined : `${body.slice(0, 6)}/${body.slice(6)}${check}`;
      });
    case 'EST':
    case 'LTU': {
      const first = (p.y2k ? 5 : 3) + (p.male ? 0 : 1);
      const body = `${first}${p.yy}${p.mm}${p.dd}${digits(rng, 3)}`;
      let check = weightedSum(body, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
      if (check === 10) check = (weightedSum(body, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11) % 10;
      return `${body}${check}`;
    }
    case 'LVA':
      return until(() => {
        const body = `${p.dd}${p.mm}${p.yy}${p.y2k ? 2 : 1}${digits(rng, 3)}`;
        const check = (1101 - weightedSum(body, [1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11;
        return check === 10 ? undefined : `${body.slice(0, 6)}-${body.slice(6)}${check}`;
      });
    case 'ROU': {
      const sex = (p.y2k ? 5 : 1) + (p.male ? 0 : 1);
      const body = `${sex}${p.yy}${p.mm}${p.dd}${pad(rng.int(1, 46), 2)}${pad(rng.int(1, 999), 3)}`;
      const check = weightedSum(body, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
      return `${body}${check === 10 ? 1 : check}`;
    }
    case 'BGR': {
      // The ninth digit is even for men, odd for women.
      const month = pad(p.y2k ? p.month + 40 : p.month, 2);
      const body = `${p.yy}${month}${p.dd}${digits(rng, 2)}${sexedSerial(rng, 1, !p.male)}`;
      const check = weightedSum(body, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
      return `${body}${check === 10 ? 0 : check}`;
    }
    case 'HRV': {
      const body = `${rng.int(1, 9)}${digits(rng, 9)}`;
      return `${body}${iso7064Mod11_10(body)}`;
    }
    case 'SVN':
    case 'MNE':
    case 'MKD':
      return until(() => {
        const serial = pad(p.male ? rng.int(0, 499) : rng.int(500, 999), 3);
        const body = `${p.dd}${p.mm}${String(p.year).slice(1)}${rng.pick(JMBG_REGIONS[code]!)}${serial}`;
        const check = 11 - (weightedSum(body, [7, 6, 5, 4, 3, 2]) % 11);
        return check === 10 ? undefined : `${body}${check % 11}`;
      });
    case 'HUN':
      return until(() => {
        const sex = (p.year >= 2000 ? 3 : 1) + (p.male ? 0 : 1);
        const body = `${sex}${p.yy}${p.mm}${p.dd}${digits(rng, 3)}`;
        // Weights 1…10 for those born before 1997, 10…1 after.
        const weights = p.year < 1997 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
        const check = weightedSum(body, weights) % 11;
        return check === 10 ? undefined : `${body}${check}`;
      });
    case 'GRC': {
      // AMKA: birth date, three digits, a sex digit (odd for men), Luhn check.
      const body = `${p.dd}${p.mm}${p.yy}${digits(rng, 3)}${sexedSerial(rng, 1, p.male)}`;
      return `${body}${luhnDigit(digitValues(body))}`;
    }
    case 'ALB': {
      // Letter for the decade (J = 1990s, K = 2000s), year digit, month (+50 for women), day, serial.
      const decade = String.fromCharCode(65 + Math.floor((p.year - 1900) / 10));
      const month = pad(p.male ? p.month : p.month + 50, 2);
      return `${decade}${p.year % 10}${month}${p.dd}${digits(rng, 3)}${String.fromCharCode(65 + rng.int(0, 25))}`;
    }
    case 'TUR': {
      const body = `${rng.int(1, 9)}${digits(rng, 8)}`;
      const odd = weightedSum(body, [1, 0]);
      const even = weightedSum(body, [0, 1]);
      const d10 = (((odd * 7 - even) % 10) + 10) % 10;
      const d11 = (odd + even + d10) % 10;
      return `${body}${d10}${d11}`;
    }
    default:
      return undefined;
  }
}
