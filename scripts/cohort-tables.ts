/**
 * Readers for the national given-name tables that scripts/extract-cohort-names.ts filters by birth year.
 * Each turns one published table into ranked samples: one list per year of birth and sex (and, where the
 * publisher splits the nation, per part), commonest first. The tables are read from local copies of the
 * public repositories named in extract-cohort-names.ts; none is stored in this repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFrameColumns, readRData } from './read-rdata.js';

export type Sex = 'M' | 'F';

/**
 * One ranked list: the names of one sex born in one year, commonest first, with counts and ranks where
 * published (names sharing a count may share a rank).
 */
export interface Sample {
  readonly year: number;
  readonly sex: Sex;
  readonly names: readonly { readonly name: string; readonly count?: number; readonly rank?: number }[];
}

/** "JEAN-PAUL" → "Jean-Paul": the tables that print names in capitals, written as the names are written. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[-' ])(\p{L})/gu, (_m, sep: string, first: string) => sep + first.toUpperCase());
}

const lines = (path: string, encoding = 'utf-8'): string[] =>
  new TextDecoder(encoding)
    .decode(readFileSync(path))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');

/** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
function cells(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') field += line[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** Groups rows into samples, each ordered by the published rank (or by count, then row order). */
function samplesOf(
  rows: { year: number; sex: Sex; name: string; count?: number; rank?: number }[],
): Sample[] {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.year}${row.sex}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => ({
    year: group[0]!.year,
    sex: group[0]!.sex,
    names: group
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.rank ?? 0) - (b.r.rank ?? 0) || (b.r.count ?? 0) - (a.r.count ?? 0) || a.i - b.i)
      .map(({ r }) => ({ name: r.name, count: r.count, rank: r.rank })),
  }));
}

/**
 * USA: Social Security Administration national files `yobYYYY.txt`, lines `Name,F|M,count`, each sex in
 * descending count.
 */
export function readSsa(dir: string): Sample[] {
  const rows = readdirSync(dir)
    .filter((f) => /^yob\d{4}\.txt$/.test(f))
    .flatMap((f) =>
      lines(join(dir, f)).map((l) => {
        const [name, sex, count] = cells(l);
        return { year: Number(f.slice(3, 7)), sex: sex as Sex, name: name!, count: Number(count) };
      }),
    );
  return samplesOf(rows.filter((r) => r.sex === 'M' || r.sex === 'F'));
}

/**
 * AUS: South Australia, Consumer and Business Services (Births, Deaths and Marriages), every given name
 * registered per year: `male_cyYYYY_top.csv` / `female_cyYYYY_top.csv`, columns `Given Name,Amount,Position`.
 */
export function readSouthAustralia(dir: string): Sample[] {
  const rows = readdirSync(dir).flatMap((f) => {
    const match = /^(male|female)_cy(\d{4})_top\.csv$/.exec(f);
    if (!match) return [];
    const sex: Sex = match[1] === 'male' ? 'M' : 'F';
    return lines(join(dir, f))
      .slice(1)
      .map((l) => {
        const [name, amount, position] = cells(l);
        return {
          year: Number(match[2]),
          sex,
          name: titleCase(name!),
          count: Number(amount),
          rank: Number(position),
        };
      });
  });
  return samplesOf(rows);
}

/**
 * NZL: Department of Internal Affairs, top 100 boys' and girls' names per year since 1954, as tidied to
 * CSV: `"Year","Name","No.","Sex","Rank"` with Sex `Boy` / `Girl`.
 */
export function readNewZealand(path: string): Sample[] {
  const rows = lines(path)
    .slice(1)
    .map((l) => {
      const [year, name, count, sex, rank] = cells(l);
      return {
        year: Number(year),
        sex: (sex === 'Boy' ? 'M' : 'F') as Sex,
        name: name!,
        count: Number(count),
        rank: Number(rank),
      };
    });
  return samplesOf(rows);
}

/**
 * GBR: Office for National Statistics, England and Wales. `ew_hist.csv` (`year,sex,name,ranking`) is the
 * top 100 of every tenth year 1904–1994; `ew_countries.csv` (`year,country,sex,name,count,…,ranking`) the
 * top 100 of England and of Wales for 1997 and 1998, each country one sample.
 */
export function readEnglandWales(dir: string): Sample[] {
  const hist = lines(join(dir, 'ew_hist.csv'))
    .slice(1)
    .map((l) => {
      const [year, sex, name, rank] = cells(l);
      return { year: Number(year), sex: sex as Sex, name: titleCase(name!), rank: Number(rank) };
    });
  const countries = lines(join(dir, 'ew_countries.csv'))
    .slice(1)
    .map((l) => {
      const [year, country, sex, name, count, , rank] = cells(l);
      return {
        year: Number(year),
        country,
        sex: sex as Sex,
        name: titleCase(name!),
        count: Number(count),
        rank: Number(rank),
      };
    });
  const byCountry = ['E', 'W'].flatMap((c) => samplesOf(countries.filter((r) => r.country === c)));
  return [...samplesOf(hist), ...byCountry];
}

/** Rows of a data frame saved in an R data file: the four named columns, rows without a count left out. */
function frameRows(
  frame: Map<string, unknown[]>,
  columns: { year: string; sex: string; name: string; count: string },
  sexOf: (value: unknown) => Sex | undefined,
): { year: number; sex: Sex; name: string; count: number }[] {
  const column = (name: string): unknown[] => {
    const values = frame.get(name);
    if (!values) throw new Error(`no column ${name} among ${[...frame.keys()].join(', ')}`);
    return values;
  };
  const [years, sexes, names, counts] = [columns.year, columns.sex, columns.name, columns.count].map(column);
  return names!.flatMap((name, i) => {
    const count = counts![i];
    const sex = sexOf(sexes![i]);
    const year = Number(years![i]);
    if (typeof count !== 'number' || !sex || !Number.isInteger(year)) return [];
    return [{ year, sex, name: String(name), count }];
  });
}

/**
 * NOR: Statistics Norway, table 10467 (girls' and boys' names of the born, every name given at least 4 times
 * a year; counts from 1945), saved as the data frame `all` (first_name, year, Percent, Count, sex
 * `Female` / `Male`). The R data file must be decompressed first (`xz -dc all.rda`).
 */
export function readNorway(path: string): Sample[] {
  const columns = { year: 'year', sex: 'sex', name: 'first_name', count: 'Count' };
  const frame = dataFrameColumns(readRData(path), 'all');
  return samplesOf(frameRows(frame, columns, (v) => (v === 'Male' ? 'M' : v === 'Female' ? 'F' : undefined)));
}

/**
 * FRA: INSEE, Fichier des prénoms (2019 edition, births 1900–2018 in France), the national file `nat2018`
 * (sexe 1/2, preusuel in capitals, annais, nombre), saved as the data frame `nat2018_fichier_initial`.
 * The aggregates `_PRENOMS_RARES` and year `XXXX` are left out. Decompress first (`bzip2 -dc`).
 */
export function readInsee(path: string): Sample[] {
  const frame = dataFrameColumns(readRData(path), 'nat2018_fichier_initial');
  // The package kept the file's byte-order mark in the first column's name.
  const sex = [...frame.keys()].find((k) => k.endsWith('sexe')) ?? 'sexe';
  const columns = { year: 'annais', sex, name: 'preusuel', count: 'nombre' };
  const rows = frameRows(frame, columns, (v) => (v === 1 ? 'M' : v === 2 ? 'F' : undefined));
  return samplesOf(
    rows.filter((r) => !r.name.startsWith('_')).map((r) => ({ ...r, name: titleCase(r.name) })),
  );
}

const unaccented = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The commonest spelling of each name in a table, keyed by the name without accents: for a table printed
 * without accents, the spelling the same names take where accents are kept.
 */
export function spellingsOf(samples: readonly Sample[]): (name: string) => string {
  const totals = new Map<string, number>();
  for (const s of samples)
    for (const n of s.names) totals.set(n.name, (totals.get(n.name) ?? 0) + (n.count ?? 0));
  const best = new Map<string, string>();
  for (const [name, total] of totals) {
    const key = unaccented(name);
    const current = best.get(key);
    if (current === undefined || total > totals.get(current)!) best.set(key, name);
  }
  return (name) => best.get(name) ?? name;
}

/**
 * CAN, Quebec: Retraite Québec, banque de prénoms, births 1980–2020, saved as the data frame `prenoms`
 * (year, sex F/M, name, n). The bank prints names without accents; `spell` restores them. Decompress
 * first (`bzip2 -dc`).
 */
export function readQuebec(path: string, spell: (name: string) => string): Sample[] {
  const columns = { year: 'year', sex: 'sex', name: 'name', count: 'n' };
  const frame = dataFrameColumns(readRData(path), 'prenoms');
  const rows = frameRows(frame, columns, (v) => (v === 'M' || v === 'F' ? v : undefined));
  return samplesOf(rows.map((r) => ({ ...r, name: spell(r.name) })));
}

/**
 * CAN, Ontario: Office of the Registrar General, names given at least 5 times a year 1917–2019, one file
 * per sex (`ontario_top_baby_names_{male,female}_1917-2019_en_fr.csv`: a title line, then
 * `Year/Année,Name/Nom,Frequency/Fréquence`).
 */
export function readOntario(dir: string): Sample[] {
  const file = (sex: string) => join(dir, `ontario_top_baby_names_${sex}_1917-2019_en_fr.csv`);
  const rows = (path: string, sex: Sex) =>
    lines(path)
      .slice(2)
      .map((l) => {
        const [year, name, count] = cells(l);
        return { year: Number(year), sex, name: titleCase(name!), count: Number(count) };
      });
  return samplesOf([...rows(file('male'), 'M'), ...rows(file('female'), 'F')]);
}

/**
 * NLD: Meertens Institute, Nederlandse Voornamenbank, top names of boys and girls per year 1880–2014, as
 * scraped to `name_popularity_netherlands_1880-2014.csv` (`,rank,naam,aantal,tag`, tag M/F). The file has
 * no year column: the scraper wrote one block of boys then one of girls per year from 1880 in order, so a
 * block's year is 1880 plus half its index. Throws unless there are exactly 2 × 135 blocks.
 */
export function readMeertens(path: string): Sample[] {
  const rows: { year: number; sex: Sex; name: string; count: number; rank: number }[] = [];
  let block = -1;
  let previous = '';
  for (const line of lines(path).slice(1)) {
    const [, rank, name, count, tag] = cells(line);
    if (tag !== previous) block++;
    previous = tag!;
    rows.push({
      year: 1880 + Math.floor(block / 2),
      sex: tag as Sex,
      name: name!,
      count: Number(count),
      rank: Number(rank),
    });
  }
  if (block + 1 !== 2 * (2014 - 1880 + 1))
    throw new Error(`${path}: ${block + 1} blocks, expected one per sex and year`);
  return samplesOf(rows);
}

/**
 * POL: Ministry of Digital Affairs, PESEL register, first names given to children in Poland 2000–2019
 * (dane.gov.pl dataset 219), `Rok,Imię,Liczba,Płeć` with names in capitals and Płeć `M` / `K`; for
 * 2000–2007 every name given at least 5 times a year.
 */
export function readPesel(path: string): Sample[] {
  const rows = lines(path)
    .slice(1)
    .map((l) => {
      const [year, name, count, sex] = cells(l);
      return {
        year: Number(year),
        sex: (sex === 'K' ? 'F' : 'M') as Sex,
        name: titleCase(name!),
        count: Number(count),
      };
    });
  return samplesOf(rows);
}

/** The province sheets' last block: residents born abroad, whose names are their countries'. */
const BORN_ABROAD = /EXTRANJERO/;

/** INE's label of a decade of birth ("NACIDOS EN AÑOS 70", "… AÑOS 2000 a 2009", "NACIDOS ANTES DE 1930") → its first year. */
function ineDecade(label: string): number {
  if (/ANTES DE 1930/.test(label)) return 1920;
  const match = /AÑOS (\d{2,4})/.exec(label);
  if (!match) throw new Error(`not a decade of birth: ${label}`);
  const digits = match[1]!;
  return digits.length === 2 ? 1900 + Number(digits) : Number(digits);
}

/**
 * The ranked blocks of one INE sheet: a row `NOMBRE,FRECUENCIA,Por 1.000` heads each block of three columns,
 * then one row per rank. `sexAt` names the sex of the rows that follow a line (the province sheets hold
 * men's then women's blocks); `yearOf` dates the block that starts in a column.
 */
function ineBlocks(
  path: string,
  sexAt: (first: string) => Sex | undefined,
  yearOf: (column: number) => number,
) {
  const rows: { year: number; sex: Sex; name: string; count: number; perThousand: number; rank: number }[] =
    [];
  let sex: Sex | undefined;
  let columns: number[] = [];
  let labels: string[] = [];
  for (const line of lines(path)) {
    const row = cells(line);
    sex = sexAt(row[0]!) ?? sex;
    // The row above each `NOMBRE` row labels the blocks (decades, or provinces of birth).
    if (row.includes('NOMBRE'))
      columns = row.flatMap((c, i) => (c === 'NOMBRE' && !BORN_ABROAD.test(labels[i] ?? '') ? [i] : []));
    else if (/^\d+$/.test(row[0]!) && sex)
      for (const c of columns)
        if (row[c])
          rows.push({
            year: yearOf(c),
            sex,
            name: row[c]!,
            count: Number(row[c + 1]),
            perThousand: Number(row[c + 2]),
            rank: Number(row[0]),
          });
    labels = row;
  }
  return rows;
}

/**
 * ESP: Instituto Nacional de Estadística, *Nombres más frecuentes por fecha de nacimiento*, the municipal
 * register (Padrón continuo) of 1 January 2012: the residents' names by decade of birth, the national
 * top 50 per sex (sheets `ESPAÑA_hombres`, `ESPAÑA_mujeres`) and the top 20 per sex of each province of
 * birth (sheets `NACIDOS …`). Two samples per decade and sex, dated by the decade's first year: the
 * national top 50; and the names of the provinces' lists whose counts there sum to at least 1 in 10,000
 * of the decade's residents of that sex (a few hundred people), ordered by that sum, a lower bound of the
 * name's national count. This keeps the regional names many carry (Jordi, Iker, Brais) and leaves out
 * those of a few dozen people in one province. The residents born abroad are left out. The workbook is .xls: `scripts/xls-to-csv.py` writes its sheets to
 * `dir`. Names are printed in capitals without accents (Ñ kept); `spell` restores them.
 */
export function readIne(dir: string, spell: (name: string) => string): Sample[] {
  const national = (['M', 'F'] as const).flatMap((sex) => {
    const path = join(dir, `ESPAÑA_${sex === 'M' ? 'hombres' : 'mujeres'}.csv`);
    const labels = cells(lines(path).find((l) => l.includes('NACIDOS'))!);
    return ineBlocks(
      path,
      () => sex,
      (c) => ineDecade(labels[c]!),
    );
  });
  const sexAt = (first: string): Sex | undefined =>
    first === 'Hombres' ? 'M' : first === 'Mujeres' ? 'F' : undefined;
  const summed = new Map<string, { year: number; sex: Sex; name: string; count: number }>();
  for (const file of readdirSync(dir).filter((f) => f.startsWith('NACIDOS'))) {
    const year = ineDecade(file);
    for (const row of ineBlocks(join(dir, file), sexAt, () => year)) {
      const key = `${year}${row.sex}${row.name}`;
      const entry = summed.get(key);
      if (entry) entry.count += row.count;
      else summed.set(key, { year, sex: row.sex, name: row.name, count: row.count });
    }
  }
  // The national rows give each decade's residents of each sex: a count over its share per 1,000.
  const residents = new Map(
    national.filter((r) => r.rank === 1).map((r) => [`${r.year}${r.sex}`, (r.count * 1000) / r.perThousand]),
  );
  const common = [...summed.values()].filter((r) => r.count * 10_000 >= residents.get(`${r.year}${r.sex}`)!);
  const named = <T extends { name: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, name: spell(titleCase(r.name)) }));
  return [...samplesOf(named(national)), ...samplesOf(named(common))];
}

/**
 * CZE: Ministry of the Interior, *Přehled jmen a roků narození* (September 2017): every first name of the
 * living residents with its count per year of birth 1899–2017, in capitals, in two sheets (`c_jd_1-JMÉNO`,
 * `c_jd_2_VASIL`: the workbook's row limit) written to CSV by `scripts/xls-to-csv.py`. The table has no
 * sex: `sexOf` gives it, and names it cannot sex (`undefined`) are left out. Residents include foreigners,
 * so `sexOf` also leaves out the spellings of other nations.
 */
export function readCzechInterior(dir: string, sexOf: (name: string) => Sex | undefined): Sample[] {
  const sheets = readdirSync(dir).filter((f) => f.startsWith('c_jd_') && f.endsWith('.csv'));
  if (sheets.length !== 2) throw new Error(`${dir}: expected the workbook's two sheets, found ${sheets}`);
  const rows: { year: number; sex: Sex; name: string; count: number }[] = [];
  for (const sheet of sheets) {
    const [header, ...body] = lines(join(dir, sheet));
    const years = cells(header!).map(Number);
    for (const line of body) {
      const row = cells(line);
      // The last row, SOUČET, is the total of every name.
      if (row[0] === 'SOUČET') continue;
      const name = titleCase(row[0]!);
      const sex = sexOf(name);
      if (!sex) continue;
      years.forEach((year, i) => {
        const count = Number(row[i]);
        // Column 0 is an unknown year of birth and 3000 the total: neither is a year.
        if (i > 0 && year >= 1899 && year <= 2017 && count > 0) rows.push({ year, sex, name, count });
      });
    }
  }
  return samplesOf(rows);
}

/**
 * DEU: Germany publishes no official name statistics. Knud Bielefeld's yearly lists (beliebte-vornamen.de,
 * from birth announcements in newspapers and registry offices), 1891–2014, ranks only, spelling variants
 * sharing a rank; saved as the data frame `givennames.de` (name, rank, sex F/M, year). Decompress first
 * (`xz -dc`).
 */
export function readBielefeld(path: string): Sample[] {
  const frame = dataFrameColumns(readRData(path), 'givennames.de');
  const [names, ranks, sexes, years] = ['name', 'rank', 'sex', 'year'].map((c) => frame.get(c)!);
  const rows = names!.map((name, i) => ({
    year: Number(years![i]),
    sex: sexes![i] as Sex,
    name: String(name),
    rank: Number(ranks![i]),
  }));
  return samplesOf(rows);
}

/**
 * BEL: Statbel, *Voornamen van de pasgeborenen*, every name given at least 5 times a year 1995–2016, the
 * whole of Belgium; as tidied by R's write.csv (`"",Region,Year,Gender,Name,Count`, Gender `Boys` /
 * `Girls`), in Windows-1252.
 */
export function readStatbel(path: string): Sample[] {
  const rows = lines(path, 'windows-1252')
    .slice(1)
    .map((l) => {
      const [, , year, gender, name, count] = cells(l);
      return {
        year: Number(year),
        sex: (gender === 'Boys' ? 'M' : 'F') as Sex,
        name: name!,
        count: Number(count),
      };
    });
  return samplesOf(rows);
}

/**
 * ITA: ISTAT's *Conta nomi* (names given to the children registered at birth), as scraped year by year into
 * `list_YYYY.json`: `{"0": [...], "1": [...]}` of `{year, name, count, gender: "m" | "f"}`, names in capitals
 * without accents, each year's commonest names down to a count that varies by year (29 in 1999, 1–10 after).
 */
export function readIstat(dir: string, spell: (name: string) => string): Sample[] {
  const rows = readdirSync(dir)
    .filter((f) => /^list_\d{4}\.json$/.test(f))
    .flatMap((f) => {
      const lists = JSON.parse(readFileSync(join(dir, f), 'utf-8')) as Record<string, unknown>;
      return Object.entries(lists)
        .filter(([key]) => key !== 'years')
        .flatMap(([, list]) => list as { year: number; name: string; count: number; gender: string }[])
        .map((r) => ({
          year: r.year,
          sex: (r.gender === 'm' ? 'M' : 'F') as Sex,
          name: spell(titleCase(r.name)),
          count: r.count,
        }));
    });
  return samplesOf(rows);
}

/**
 * SWE: Statistics Sweden, the given names (tilltalsnamn) of the newborn 1998–2020, one workbook per sex,
 * written to CSV by scripts/xls-to-csv.py: `Pojkar - Boys.csv` and `Flickor - Girls.csv`, a header row
 * `Namn / Name,1998,…,2020` under the title, then one row per name with its count per year, `-` for fewer
 * than 10.
 */
export function readScb(dir: string): Sample[] {
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .flatMap((f) => {
      const sex: Sex = f.startsWith('Pojkar') ? 'M' : 'F';
      const all = lines(join(dir, f)).map(cells);
      const header = all.findIndex((r) => r[0] === 'Namn / Name');
      const years = all[header]!.slice(1).map(Number);
      return all
        .slice(header + 1)
        .flatMap(([name, ...counts]) =>
          counts
            .map((count, i) => ({ year: years[i]!, sex, name: name!, count: Number(count) }))
            .filter((r) => r.count > 0),
        );
    });
  return samplesOf(rows);
}

/**
 * LVA: the 100 commonest names of each sex among people born in each five-year period 1920–2020, as ranks
 * (`popularity: {"1975": rank, …}`, 0 when not ranked), joined onto the Latvian name-day calendar in
 * `name_days_processed.json` (`gender` `Vīrietis` / `Sieviete`). A period is sampled as its first year.
 */
export function readLatvianRanks(path: string): Sample[] {
  const names = JSON.parse(readFileSync(path, 'utf-8')) as {
    name: string;
    gender: string;
    popularity: Record<string, number>;
  }[];
  const rows = names
    .filter((n) => n.gender === 'Vīrietis' || n.gender === 'Sieviete')
    .flatMap((n) =>
      Object.entries(n.popularity)
        .filter(([, rank]) => rank > 0)
        .map(([period, rank]) => ({
          year: Number(period),
          sex: (n.gender === 'Vīrietis' ? 'M' : 'F') as Sex,
          name: n.name,
          rank,
        })),
    );
  return samplesOf(rows);
}

/**
 * TUR: TÜİK's 100 commonest names of each sex by year of birth (1950, 1960, 1970 and each year from 1980),
 * as ranks, tidied into `namesData.csv` (`"", "name", "year", "rank", "sex"`, sex M or F).
 */
export function readTuik(path: string): Sample[] {
  const rows = lines(path)
    .slice(1)
    .map(cells)
    .map(([, name, year, rank, sex]) => ({
      year: Number(year),
      sex: (sex === 'M' ? 'M' : 'F') as Sex,
      name: name!,
      rank: Number(rank),
    }));
  return samplesOf(rows);
}

/**
 * ISL: every first name of the Icelandic population register with its count per year of birth
 * (`name,year,count`), no sex column: a name takes the sex `sexOf` gives it, and one without is left out.
 * The register's placeholders for the not yet named (drengur, stúlka) and entries not written as a name
 * (AAsa) are left out.
 */
export function readIcelandRegister(path: string, sexOf: (name: string) => Sex | undefined): Sample[] {
  const rows = lines(path)
    .slice(1)
    .map(cells)
    .filter(([name]) => /^\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?$/u.test(name!))
    .flatMap(([name, year, count]) => {
      const sex = sexOf(name!);
      return sex ? [{ year: Number(year), sex, name: name!, count: Number(count) }] : [];
    });
  return samplesOf(rows);
}

/**
 * DNK: Statistics Denmark's NavneBarometer, the number of people born in each year from 1985 given a name,
 * one row per name and sex (`name,gender,1985,…`; gender K for women, M for men; counts under 3 written 0).
 */
export function readNavneBarometer(path: string): Sample[] {
  const [header, ...rows] = lines(path).map(cells);
  const years = header!.slice(2).map(Number);
  return samplesOf(
    rows.flatMap(([name, gender, ...counts]) =>
      counts
        .map((count, i) => ({
          year: years[i]!,
          sex: (gender === 'M' ? 'M' : 'F') as Sex,
          name: name!,
          count: Number(count),
        }))
        .filter((r) => r.count > 0),
    ),
  );
}
