import { allLocales } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  type Patient,
  parseScenario,
} from '../../../src/generator/index.js';
import { feminineSurname } from '../../../src/generator/names/feminine-surname.js';
import { COHORT_GIVEN_NAMES } from '../../../src/generator/names/cohort-names.js';
import { ALL_NATIONALITIES, namesFor, unfilteredNames } from '../../../src/generator/nations.js';
import { patientEntries } from '../../../src/output/fhir.js';
import { romaniseMacedonian } from '../../../scripts/romanise.js';
import { COHORT_CHECKS } from './cohort-checks.js';

describe('name lists', () => {
  for (const { code } of ALL_NATIONALITIES) {
    it(`${code} has at least 150 men's, 150 women's given names and 150 surnames`, () => {
      const names = namesFor(code);
      expect(names.male.length).toBeGreaterThanOrEqual(150);
      expect(names.female.length).toBeGreaterThanOrEqual(150);
      expect(names.surnames.length).toBeGreaterThanOrEqual(150);
    });
  }

  /** A Spanish double given name: capitalised names, particles between them (María de los Ángeles). */
  const DOUBLE_NAME = /^\p{Lu}\p{L}+( (de|del|la|las|los))*( \p{Lu}\p{L}+)+$/u;

  it('holds single names only, but for the double given names of Spain: no empty entries, no stray spaces', () => {
    for (const { code } of ALL_NATIONALITIES) {
      const { male, female, surnames } = namesFor(code);
      const given = [...male, ...female];
      expect([...given, ...surnames].filter((n) => n.length < 2 || /^\s|\s$|\s\s|\u00a0/.test(n))).toEqual(
        [],
      );
      expect(surnames.filter((n) => n.includes(' '))).toEqual([]);
      const doubles = given.filter((n) => n.includes(' '));
      if (code === 'ESP') expect(doubles.filter((n) => !DOUBLE_NAME.test(n))).toEqual([]);
      else expect(doubles).toEqual([]);
    }
  });
});

describe('given names of the birth cohort (1975–2007)', () => {
  // Derived by scripts/extract-cohort-names.ts from each nation's table by year of birth.
  for (const { code, common, outliers } of COHORT_CHECKS) {
    it(`${code}: draws the cohort's commonest names, not names common only before 1975 or after 2007`, () => {
      const names = namesFor(code);
      const unfiltered = unfilteredNames(code);
      const removedAtAll = [outliers.m.older, outliers.m.newer, outliers.f.older, outliers.f.newer].flat();
      expect(removedAtAll.length).toBeGreaterThan(0);
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

describe('Spanish double given names', () => {
  // INE's table of 2012 prints them without particles and accents (MARIA CARMEN, MIGUEL ANGEL).
  const { male, female } = namesFor('ESP');

  it('are drawn with their accents and the Marian particles restored', () => {
    expect(male).toEqual(
      expect.arrayContaining([
        'José Antonio',
        'Francisco Javier',
        'Miguel Ángel',
        'Juan Carlos',
        'José Manuel',
      ]),
    );
    expect(female).toEqual(
      expect.arrayContaining([
        'María del Carmen',
        'María José',
        'María del Pilar',
        'María del Mar',
        'María de los Ángeles',
        'María del Rocío',
        'María Dolores',
      ]),
    );
    expect([...male, ...female].filter((n) => /^María (Carmen|Pilar|Mar|Ángeles|Rocío)$/.test(n))).toEqual(
      [],
    );
  });

  /** One given name per name, its particles kept with it: María de los Ángeles → María, de los Ángeles. */
  const fhirGiven = (name: string): string[] => name.split(/(?<!\b(?:de|del|la|los)) /);
  const fhirName = (p: Patient) =>
    (patientEntries(p, 'double-names')[0]!.resource as { name?: unknown }).name;

  const parsed = parseScenario({
    front_configs: [
      {
        name: 'Land',
        casualty_rate: 1,
        nationality_distribution: [{ nationality_code: 'ESP', percentage: 100 }],
      },
    ],
  });
  if (!parsed.ok) throw new Error('scenario rejected');
  const spaniards = [...generatePatients(parsed.scenario, { seed: 'double-names', count: 4000 })];

  it('are carried by Spanish patients of the oldest cohort, whose FHIR given names list them apart', () => {
    // Born 1975–89, when INE's tables rank them highest.
    const oldest = spaniards.filter((p) => p.demographics.birthdate < '1990');
    expect(oldest.length).toBeGreaterThan(200);
    const doubles = oldest.filter((p) => p.demographics.given_name.includes(' '));
    expect(doubles.length).toBeGreaterThan(oldest.length / 20);
    for (const p of doubles) {
      const { given_name: given, family_name: family } = p.demographics;
      expect(p.gender === 'male' ? male : female).toContain(given);
      expect(fhirName(p)).toEqual([{ use: 'official', family, given: fhirGiven(given) }]);
    }
  });

  it('each give FHIR their names apart, the particles kept with the name that follows them', () => {
    const p = spaniards.find((s) => s.gender === 'female')!;
    const given = (name: string) =>
      (fhirName({ ...p, demographics: { ...p.demographics, given_name: name } }) as { given: string[] }[])[0]
        ?.given;
    expect(given('María de los Ángeles')).toEqual(['María', 'de los Ángeles']);
    expect(given('María del Carmen')).toEqual(['María', 'del Carmen']);
    expect(given('José Antonio')).toEqual(['José', 'Antonio']);
    expect(given('Laura')).toEqual(['Laura']);
    for (const name of [...male, ...female].filter((n) => n.includes(' '))) {
      expect(given(name)).toEqual(fhirGiven(name));
      expect(given(name)!.length).toBeGreaterThanOrEqual(2);
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
