import { allLocales } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients } from '../../../src/generator/index.js';
import { feminineSurname } from '../../../src/generator/names/feminine-surname.js';
import { COHORT_GIVEN_NAMES } from '../../../src/generator/names/cohort-names.js';
import { ALL_NATIONALITIES, namesFor, unfilteredNames } from '../../../src/generator/nations.js';
import { romaniseMacedonian } from '../../../scripts/romanise.js';
import { COHORT_CHECKS } from './cohort-checks.js';

/**
 * Where the only table by year of birth is too shallow for 150 names of the cohort, the cohort comes first
 * (docs/casualty-model.md, "Birth cohorts"): INE publishes Spain's national top 50 and each province's top
 * 20 per decade, and 133 men's names are all those carried by 1 in 10,000 of a cohort decade's men.
 */
const MEN_FROM_A_SHALLOW_TABLE: Readonly<Record<string, number>> = { ESP: 133 };

describe('name lists', () => {
  for (const { code } of ALL_NATIONALITIES) {
    it(`${code} has at least 150 men's (fewer only from a shallow cohort table), 150 women's given names and 150 surnames`, () => {
      const names = namesFor(code);
      expect(names.male.length).toBeGreaterThanOrEqual(MEN_FROM_A_SHALLOW_TABLE[code] ?? 150);
      expect(names.female.length).toBeGreaterThanOrEqual(150);
      expect(names.surnames.length).toBeGreaterThanOrEqual(150);
    });
  }

  it('holds single names only: no empty entries, no spaces', () => {
    for (const { code } of ALL_NATIONALITIES) {
      const { male, female, surnames } = namesFor(code);
      expect([...male, ...female, ...surnames].filter((n) => n.length < 2 || n.includes(' '))).toEqual([]);
    }
  });
});

describe('given names of the birth cohort (1975–2007)', () => {
  // Derived by scripts/extract-cohort-names.ts from each nation's table by year of birth.
  for (const { code, common, outliers } of COHORT_CHECKS) {
    it(`${code}: draws the cohort's commonest names, not names common only before 1975 or after 2007`, () => {
      const names = namesFor(code);
      const unfiltered = unfilteredNames(code);
      expect(outliers.m.older.length + outliers.m.newer.length + outliers.f.older.length).toBeGreaterThan(0);
      for (const [sex, list] of [
        ['m', 'male'],
        ['f', 'female'],
      ] as const) {
        expect(names[list]).toEqual(expect.arrayContaining([...common[sex]]));
        const removed = [...outliers[sex].older, ...outliers[sex].newer];
        // Without the filter the nation would carry them: faker's or the hand lists hold every one.
        expect(unfiltered[list]).toEqual(expect.arrayContaining(removed));
        expect(names[list].filter((n) => removed.includes(n))).toEqual([]);
      }
    });
  }

  it('filters the nations with a table and no others', () => {
    expect(COHORT_CHECKS.map((c) => c.code).sort()).toEqual(Object.keys(COHORT_GIVEN_NAMES).sort());
  });

  it('patients of the default scenario from those nations carry those names', () => {
    const patients = [...generatePatients(DEFAULT_SCENARIO, { seed: 'cohort', count: 2000 })].filter(
      (p) => COHORT_GIVEN_NAMES[p.nationality] !== undefined,
    );
    expect(patients.filter((p) => p.nationality === 'USA').length).toBeGreaterThan(50);
    for (const p of patients) {
      const { male, female } = namesFor(p.nationality);
      expect(p.gender === 'male' ? male : female).toContain(p.demographics.given_name);
    }
  });
});

describe('feminine surnames', () => {
  const cases: [string, string, string][] = [
    ['LVA', 'Balodis', 'Balode'],
    ['LVA', 'Bērziņš', 'Bērziņa'],
    ['LVA', 'Ozols', 'Ozola'],
    ['LVA', 'Andersons', 'Andersone'],
    ['LVA', 'Muižnieks', 'Muižniece'],
    ['LVA', 'Dombrovskis', 'Dombrovska'],
    ['GRC', 'Mavridis', 'Mavridou'],
    ['GRC', 'Papadopoulos', 'Papadopoulou'],
    ['GRC', 'Papadakis', 'Papadaki'],
    ['GRC', 'Vamvakas', 'Vamvaka'],
    ['SVK', 'Nagy', 'Nagyová'],
    ['SVK', 'Čierny', 'Čierna'],
    ['SVK', 'Kováč', 'Kováčová'],
    ['SVK', 'Hlaváček', 'Hlaváčková'],
    ['CZE', 'Novák', 'Nováková'],
    ['CZE', 'Svoboda', 'Svobodová'],
    ['CZE', 'Černý', 'Černá'],
    ['CZE', 'Havel', 'Havlová'],
    ['CZE', 'Němec', 'Němcová'],
    ['CZE', 'Daněk', 'Daňková'],
    ['POL', 'Kowalski', 'Kowalska'],
    ['POL', 'Zieliński', 'Zielińska'],
    ['POL', 'Nowak', 'Nowak'],
    ['POL', 'Czarny', 'Czarna'],
    ['LTU', 'Kazlauskas', 'Kazlauskienė'],
    ['LTU', 'Petraitis', 'Petraitienė'],
    ['LTU', 'Vaitkus', 'Vaitkuvienė'],
    ['LTU', 'Stankevičius', 'Stankevičienė'],
    ['ISL', 'Jónsson', 'Jónsdóttir'],
    ['BGR', 'Ivanov', 'Ivanova'],
    ['BGR', 'Georgiev', 'Georgieva'],
    ['MKD', 'Petrovski', 'Petrovska'],
    ['MKD', 'Nikolov', 'Nikolova'],
    ['HUN', 'Nagy', 'Nagy'],
    ['DEU', 'Müller', 'Müller'],
  ];
  for (const [nation, masculine, feminine] of cases) {
    it(`${nation}: ${masculine} becomes ${feminine}`, () => {
      expect(feminineSurname(nation, masculine)).toBe(feminine);
    });
  }

  /** faker keeps paired masculine and feminine surname lists for these locales, written by native speakers. */
  const paired: [string, string, (name: string) => string][] = [
    ['CZE', 'cs_CZ', (n) => n],
    ['LVA', 'lv', (n) => n],
    ['MKD', 'mk', romaniseMacedonian],
  ];
  for (const [nation, locale, roman] of paired) {
    it(`${nation}: at least 95 % of faker's masculine surnames map onto its feminine list`, () => {
      const lists = (
        allLocales as Record<string, { person?: { last_name?: { male?: string[]; female?: string[] } } }>
      )[locale]?.person?.last_name;
      const feminine = new Set((lists?.female ?? []).map(roman));
      const masculine = (lists?.male ?? []).map(roman);
      const hits = masculine.filter((m) => feminine.has(feminineSurname(nation, m))).length;
      expect(hits / masculine.length).toBeGreaterThanOrEqual(0.95);
    });
  }
});
