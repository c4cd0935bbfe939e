/** NATO nations (in the earlier service's order), partner nations, and per-nation name lists. */
import { NAMES_A } from './nation-names-a.js';
import { NAMES_B } from './nation-names-b.js';
import { COHORT_GIVEN_NAMES } from './names/cohort-names.js';
import { EXTRA_NAMES } from './names/extra-names.js';
import { FAKER_NAMES } from './names/faker-names.js';
import { feminineSurname } from './names/feminine-surname.js';

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

const words = (...lists: (string | undefined)[]): string[] => [
  ...new Set(lists.flatMap((l) => (l ? l.split(' ') : [])).filter((w) => w.length > 0)),
];

/**
 * faker's locale lists, our earlier short lists and the hand-written completions, without repeats: a
 * nation's names before any filtering by birth cohort (the extraction script and tests compare against it).
 */
export function unfilteredNames(code: string): SplitNames {
  const sources = [FAKER_NAMES[code], NAMES_A[code], NAMES_B[code], EXTRA_NAMES[code]];
  return {
    male: words(...sources.map((s) => s?.m)),
    female: words(...sources.map((s) => s?.f)),
    surnames: words(...sources.map((s) => s?.s)),
  };
}

/**
 * A cohort list's names. The lists are space-separated, so a double given name (Spanish José Antonio) joins
 * its parts there by a no-break space; it is given with an ordinary space, as it is written.
 */
export const cohortWords = (list: string): string[] =>
  words(list).map((name) => name.replace(/\u00a0/g, ' '));

/** Where a name table by year of birth exists (cohort-names.ts), the given names are that table's alone. */
const SPLIT = new Map<string, SplitNames>();
for (const { code } of ALL_NATIONALITIES) {
  const names = unfilteredNames(code);
  const cohort = COHORT_GIVEN_NAMES[code];
  // A table may cover one sex only (Denmark's women): the other keeps its unfiltered list.
  SPLIT.set(code, {
    ...names,
    male: cohort?.m === undefined ? names.male : cohortWords(cohort.m),
    female: cohort?.f === undefined ? names.female : cohortWords(cohort.f),
  });
}

/** The name lists of a nation in `ALL_NATIONALITIES`; throws for any other code. */
export function namesFor(code: string): SplitNames {
  const names = SPLIT.get(code);
  if (!names) throw new Error(`no name data for ${code}`);
  return names;
}

/** Feminine form of a (masculine) surname, for the languages that inflect surnames by sex. */
export const femaleSurname = feminineSurname;
