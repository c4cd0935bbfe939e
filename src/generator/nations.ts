/** NATO nations (in the earlier service's order), partner nations, and per-nation name lists. */
import { NAMES_A, type NameLists } from './nation-names-a.js';
import { NAMES_B } from './nation-names-b.js';

export interface Nationality {
  code: string;
  name: string;
}

/** The 32 NATO member nations, in the order the reference endpoint has always listed them. */
export const NATIONALITIES: readonly Nationality[] = [
  ['ALB', 'Albania'],
  ['BEL', 'Belgium'],
  ['BGR', 'Bulgaria'],
  ['CAN', 'Canada'],
  ['HRV', 'Croatia'],
  ['CZE', 'Czech Republic'],
  ['DNK', 'Denmark'],
  ['EST', 'Estonia'],
  ['FIN', 'Finland'],
  ['FRA', 'France'],
  ['DEU', 'Germany'],
  ['GRC', 'Greece'],
  ['HUN', 'Hungary'],
  ['ISL', 'Iceland'],
  ['ITA', 'Italy'],
  ['LVA', 'Latvia'],
  ['LTU', 'Lithuania'],
  ['LUX', 'Luxembourg'],
  ['MNE', 'Montenegro'],
  ['NLD', 'Netherlands'],
  ['MKD', 'North Macedonia'],
  ['NOR', 'Norway'],
  ['POL', 'Poland'],
  ['PRT', 'Portugal'],
  ['ROU', 'Romania'],
  ['SVK', 'Slovakia'],
  ['SVN', 'Slovenia'],
  ['ESP', 'Spain'],
  ['SWE', 'Sweden'],
  ['TUR', 'Turkey'],
  ['GBR', 'United Kingdom'],
  ['USA', 'United States'],
].map(([code, name]) => ({ code: code as string, name: name as string }));

/**
 * Non-NATO partners accepted in configurations because two presets (urban_assault, maritime_operation)
 * use them. They get their own names and ID formats; serve `ALL_NATIONALITIES` from the reference route
 * so every generated code is listed there.
 */
export const PARTNER_NATIONALITIES: readonly Nationality[] = [
  { code: 'AUS', name: 'Australia' },
  { code: 'NZL', name: 'New Zealand' },
];

export const ALL_NATIONALITIES: readonly Nationality[] = [...NATIONALITIES, ...PARTNER_NATIONALITIES];

const ALLOWED = new Set(ALL_NATIONALITIES.map((n) => n.code));

export function isKnownNationality(code: string): boolean {
  return ALLOWED.has(code);
}

export interface SplitNames {
  male: string[];
  female: string[];
  surnames: string[];
}

const SPLIT = new Map<string, SplitNames>();
for (const [code, lists] of Object.entries({ ...NAMES_A, ...NAMES_B }) as [string, NameLists][]) {
  SPLIT.set(code, { male: lists.m.split(' '), female: lists.f.split(' '), surnames: lists.s.split(' ') });
}

export function namesFor(code: string): SplitNames {
  const names = SPLIT.get(code);
  if (!names) throw new Error(`no name data for ${code}`);
  return names;
}

/** Feminine surname forms for languages whose surnames inflect by gender. */
export function femaleSurname(code: string, surname: string): string {
  switch (code) {
    case 'POL':
    case 'MKD':
      if (/(ski|cki|dzki)$/.test(surname)) return `${surname.slice(0, -1)}a`;
      return code === 'MKD' && /(ov|ev)$/.test(surname) ? `${surname}a` : surname;
    case 'CZE':
    case 'SVK':
      if (surname.endsWith('ý')) return `${surname.slice(0, -1)}á`;
      if (surname.endsWith('a')) return `${surname.slice(0, -1)}ová`;
      if (surname.endsWith('ek')) return `${surname.slice(0, -2)}ková`;
      if (surname.endsWith('ko')) return `${surname.slice(0, -1)}ová`;
      if (surname.endsWith('ľ') || surname.endsWith('áč') || /[bcčdfghjklmnpřrsštvzž]$/.test(surname))
        return `${surname}ová`;
      return surname;
    case 'LTU':
      if (/(as|is|ys)$/.test(surname)) return `${surname.slice(0, -2)}ienė`;
      if (surname.endsWith('us')) return `${surname.slice(0, -2)}uvienė`;
      return surname;
    case 'LVA':
      if (surname.endsWith('ņš')) return `${surname.slice(0, -1)}a`;
      if (surname.endsWith('ons')) return `${surname.slice(0, -1)}e`;
      if (surname.endsWith('s') || surname.endsWith('š')) return `${surname.slice(0, -1)}a`;
      return surname;
    case 'BGR':
      return /(ov|ev)$/.test(surname) ? `${surname}a` : surname;
    case 'GRC':
      if (surname.endsWith('os')) return `${surname.slice(0, -2)}ou`;
      if (surname.endsWith('is')) return surname.slice(0, -1);
      if (surname.endsWith('as')) return surname.slice(0, -1);
      return surname;
    case 'ISL':
      return surname.endsWith('son') ? `${surname.slice(0, -3)}dóttir` : surname;
    default:
      return surname;
  }
}
