/**
 * Writes src/generator/names/cohort-names.ts: given names of the birth years of a deployed force
 * (1975–2007), from national name-frequency tables by year of birth; and
 * test/generator/population/cohort-checks.ts: for each nation, its commonest cohort names and the names
 * the same table shows common only outside the cohort, for the tests.
 *
 * A name is kept when it ranked among the TOP names of its sex in at least one sample (year, or part of the
 * nation) of the cohort; the list is ordered by its total count over the cohort, or by its best rank where
 * the table gives ranks only. The tables (public repositories; git show <commit>:<path> to get them):
 *
 * - USA, --usa <dir>: Social Security Administration, national baby-name files (public domain),
 *   `yobYYYY.txt`; copy in aramshiva/babies `names/` at 5cbb539a286b8c1e40cb1400bf7c43b5e5b31b25.
 * - AUS, --aus <dir>: South Australia, Births, Deaths and Marriages, all given names registered per year
 *   1944–2013, `male_cyYYYY_top.csv` / `female_cyYYYY_top.csv`; copy in robjhyndman/ozbabynames
 *   `data-raw/sa/` at dad7314f1f774b3e8cfd57df0be9f40ade4639ce.
 * - NZL, --nzl <file>: Department of Internal Affairs, top 100 names per sex and year 1954–2016; copy in
 *   timhillnz/NZbabynames `NZnamedata.csv` at 253bbbe77d4055f4649c6caebc63a2f00b0cb7c8.
 * - GBR, --gbr <dir>: Office for National Statistics, England and Wales top 100 of every tenth year
 *   1904–1994 and of 1997–1998 by country; copy in lvalnegri/data-uk_babynames `data-raw/ew_hist.csv`
 *   and `data-raw/ew_countries.csv` at e76127d6e26be3ffde1d6c9a1fe9026f73f82046.
 * - NOR, --nor <file>: Statistics Norway, table 10467, names given at least 4 times a year 1880–2017
 *   (counts from 1945); R data file in ekothe/norwaynames `data/all.rda` at
 *   84da5df8be2bb6054286fd9a71ce64d3e2485595, decompressed with `xz -dc`.
 * - FRA, --fra <file>: INSEE, Fichier des prénoms (nat2018: births in France 1900–2018); R data file in
 *   Douxvalkyn/prenomfrance `data/nat2018_fichier_initial.rda` at
 *   ff44e0b4ea389d78015f9b24ca22955f46cf9026, decompressed with `bzip2 -dc`.
 * - CAN, --can-ontario <dir>: Ontario, Office of the Registrar General, names given at least 5 times a year
 *   1917–2019; chris31415926535/ontario.baby.names `data-raw/ontario_top_baby_names_{male,female}_1917-2019_en_fr.csv`
 *   at 6de90cb1ba298057e5635df6d58c50e798891e37. --can-quebec <file>: Retraite Québec, banque de prénoms
 *   1980–2020; R data file in desautm/prenoms `data/prenoms.rda` at 8efa85f401cd8b5b98fd03564c8548ef9cf1830d,
 *   decompressed with `bzip2 -dc`. Each province is its own sample.
 * - NLD, --nld <file>: Meertens Institute, Nederlandse Voornamenbank, top names per sex and year 1880–2014;
 *   Josha91/DutchFirstNames `name_popularity_netherlands_1880-2014.csv` at
 *   100d16d2d2e10658caebb102171e201559aac7d9.
 *
 * - POL, --pol <file>: PESEL register (Ministry of Digital Affairs, dane.gov.pl dataset 219), first names
 *   given to children 2000–2019, at least 5 times a year up to 2012; abador/WD2020
 *   `Imiona_nadane_wPolsce_w_latach_2000-2019.csv` at 59936d88dabfb6e03e810a708045a920ee819077. Births
 *   before 2000 have no table by year (see the note).
 * - ESP, --esp <dir>: Instituto Nacional de Estadística, *Nombres más frecuentes por fecha de nacimiento*
 *   (municipal register of 1 January 2012, names by decade of birth, the nation and each province of birth);
 *   jabadia/namesmap `data/nombres_por_fecha.xls` at 4193503d8c430dab5a20495e797fab83fe0c6f68, its sheets
 *   written to <dir> by `scripts/xls-to-csv.py`. Its double names (JOSE ANTONIO, MARIA CARMEN) are kept,
 *   spelled part by part, the particles INE strips from the Marian names restored (SPANISH_PARTICLES).
 * - CZE, --cze <dir>: Ministry of the Interior, *Přehled jmen a roků narození* (September 2017, every first
 *   name of the residents with its count per year of birth); michalbcz/cetnost-jmen-a-prijmeni
 *   `cetnost-jmena-dnar.zip` at b58a244a4c690b518268ec96c668a97f3b1eb940, unzipped, its .xls written to <dir>
 *   by `scripts/xls-to-csv.py`.
 * - DEU, --deu <file>: Knud Bielefeld's yearly lists of the commonest names (beliebte-vornamen.de), Germany
 *   having no official statistics; R data file in ampaho/givennames `data/givennames.de.rdata` at
 *   183624008e7e8c4561e309655cde81a7d620a058, decompressed with `xz -dc`.
 * - BEL, --bel <file>: Statbel, *Voornamen van de pasgeborenen* 1995–2016, every name given at least 5
 *   times a year, Belgium as a whole; suzanbaert/2017_First-names-in-Belgium
 *   `Cleaned file - First names in Belgium born 1995-2016.csv` at fe86f0a49d79af234d6dd14ce31a4f6cfc4de64a
 *   (the author's tidy copy of Statbel's two workbooks, whose regional columns it leaves out). Births
 *   before 1995 have no table by year.
 * - ITA, --ita <dir>: ISTAT, *Conta nomi*, the names of the children registered at birth 1999–2021, each
 *   year's commonest names (377 in 1999, 1,000–5,600 in 2000–2015); scraped from ISTAT's service into
 *   matteraggi/HDS_evolution_of_naming `dataset/istat/contanomi_raw/list_YYYY.json` at
 *   9f4ffedb75f9b76f22939ba5be7276046c83d3ce. Births before 1999 have no table by year.
 * - SWE, --swe <dir>: Statistics Sweden (SCB), the given names (tilltalsnamn) of the newborn 1998–2020, every
 *   name given to at least 10 children in a year; evoling/barnnamn `data-raw/be0001namntab11-2020.xlsx`
 *   (girls) and `be0001namntab12-2020.xlsx` (boys) at 234ca79d925bf21348bc685509208e0c7a20e623, each
 *   written to <dir> by `scripts/xls-to-csv.py`. Births before 1998 have no table by year.
 * - LVA, --lva <file>: the 100 commonest names of each sex among people born in each five-year period
 *   1920–2020, as ranks; laimabusaite/latvian-names `docs/name_days_processed.json` at
 *   978d8767d970a343011005c707dcbde2fce92753, which joins them onto the name-day calendar. The repository does
 *   not name the ranks' source (its raw export is not stored), only that its bearer counts are the Office of
 *   Citizenship and Migration Affairs' (PMLP).
 * - DNK, --dnk-women <file>: Statistics Denmark's NavneBarometer, the number of people of each year of birth
 *   1985–2024 given a name (among their given names, fornavne), per sex, for the women's names its copy
 *   looked up; LassePSH/entropy_of_names `danish_female_names_data_big.csv` at
 *   344ecec010cefa88be5418fdbdc4254040291469. The men's names were not looked up, so Denmark's men keep
 *   their unfiltered list.
 * - TUR, --tur <file>: TÜİK (Turkish Statistical Institute), the 100 commonest names of each sex by year of
 *   birth (1950, 1960, 1970 and each year 1980–2015), as ranks; TÜİK's two workbooks (tables 1331 and 1332)
 *   tidied into eliffgoktas/Common-Turkish-Names `namesData.csv` at 7569de6ba2101fce49b5eb518cf85bea36398cfb.
 * - ISL, --isl <file>: the Icelandic population register's first names with their count per year of birth
 *   1895–2001 (2001 part-named), no sex column; tungufoss/iskisur-rek-data-beers `data/first_names_freq.csv` at
 *   6ef4996341a9a81200cc36429adc0cc29850cc11, which its author says Utopia Arctica supplied from the register.
 *
 * Run with the tables of the nations to filter afresh; the others keep their committed lists and checks:
 *   npx tsx scripts/extract-cohort-names.ts --usa <dir> --aus <dir> --nzl <file> --gbr <dir> --nor <file>
 *     --fra <file> --can-ontario <dir> --can-quebec <file> --nld <file> --pol <file>
 *     --esp <dir> --cze <dir> --deu <file> --bel <file> --ita <dir> --swe <dir> --lva <file>
 *     --dnk-women <file> --tur <file> --isl <file>
 *   && npx biome format --write src/generator/names/cohort-names.ts test/generator/population/cohort-checks.ts
 * (Canada's Quebec spellings need --fra as well.)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COHORT_GIVEN_NAMES } from '../src/generator/names/cohort-names.js';
import { cohortWords, unfilteredNames } from '../src/generator/nations.js';
import { COHORT_CHECKS, type CohortCheck } from '../test/generator/population/cohort-checks.js';
import {
  readEnglandWales,
  readInsee,
  readMeertens,
  readNewZealand,
  readNorway,
  readOntario,
  readPesel,
  readQuebec,
  readSouthAustralia,
  readBielefeld,
  readCzechInterior,
  readIne,
  readSsa,
  readStatbel,
  readIstat,
  readScb,
  readLatvianRanks,
  readTuik,
  readNavneBarometer,
  readIcelandRegister,
  spellingsOf,
  type Sample,
  type Sex,
} from './cohort-tables.js';

const FIRST_YEAR = 1975;
const LAST_YEAR = 2007;

interface Nation {
  readonly code: string;
  readonly publisher: string;
  /** Names ranked this high in at least one cohort sample: wide enough for ≥ 150 per sex, narrow enough to be common. */
  readonly top: number;
  /** The table option(s) the nation is read from; a run without them keeps the nation's committed list. */
  readonly tables: readonly TableOption[];
  /** Reads the nation's samples from its tables: called only when they were given. */
  readonly read: () => readonly Sample[];
  /** The sexes the table covers (both where not given); the other keeps its unfiltered list. */
  readonly sexes?: readonly Sex[];
  /** Why the cohort samples stand for 1975–2007 where the table has gaps. */
  readonly note?: string;
  /** Cut each sample at rank `top` rather than after `top` names: for a table whose spellings share ranks. */
  readonly cutByRank?: boolean;
  /** The first sample year counted as the cohort's, where the table has no sample for 1975. */
  readonly firstYear?: number;
  /**
   * Keep the table's double given names (José Antonio, María del Carmen), which Spanish parents gave as one
   * name; other tables' names of two words are left out. In the generated list a double name's parts are
   * joined by a no-break space, since the list is space-separated.
   */
  readonly doubleNames?: boolean;
}

const { values: args } = parseArgs({
  options: {
    usa: { type: 'string' },
    aus: { type: 'string' },
    nzl: { type: 'string' },
    gbr: { type: 'string' },
    nor: { type: 'string' },
    fra: { type: 'string' },
    'can-ontario': { type: 'string' },
    'can-quebec': { type: 'string' },
    nld: { type: 'string' },
    pol: { type: 'string' },
    esp: { type: 'string' },
    cze: { type: 'string' },
    deu: { type: 'string' },
    bel: { type: 'string' },
    ita: { type: 'string' },
    swe: { type: 'string' },
    lva: { type: 'string' },
    'dnk-women': { type: 'string' },
    tur: { type: 'string' },
    isl: { type: 'string' },
  },
});
type TableOption = keyof typeof args;
/** The path given for one table (the nation's `read` is only called when its tables were given). */
function table(option: TableOption): string {
  const path = args[option];
  if (typeof path !== 'string') throw new Error(`missing --${option}`);
  return path;
}

/** INSEE's table, read once: France's samples, and the accents of Quebec's names. */
let france: Sample[] | undefined;
const readFrance = (): Sample[] => {
  france ??= readInsee(table('fra'));
  return france;
};

/** The spelling, accents and all, that a nation's unfiltered lists give a name a table prints without them. */
const spellingsIn = (code: string) => {
  const { male, female } = unfilteredNames(code);
  return spellingsOf([
    { year: 0, sex: 'M', names: [...male, ...female].map((name) => ({ name, count: 1 })) },
  ]);
};

/** Names the INE prints without their accent and neither Spanish list spells (RAE, Catalan and Galician spelling). */
const SPANISH_ACCENTS: Readonly<Record<string, string>> = {
  Aaron: 'Aarón',
  Adria: 'Adrià',
  Marti: 'Martí',
  Bartolome: 'Bartolomé',
  Nestor: 'Néstor',
  Belen: 'Belén',
  Uxia: 'Uxía',
  Antia: 'Antía',
};

const spanishSpelling = spellingsIn('ESP');

/**
 * INE prints a double name without its particles (MARIA CARMEN). The Marian names named after an advocation
 * of the Virgin by its place or title are written with them in Spanish (María del Carmen, after the Virgen
 * del Carmen; María del Pino, Gran Canaria; María de los Llanos, Albacete; María del Prado, Ciudad Real;
 * María de la Cinta, Tortosa; María del Cristo, the Canaries). Only those: the names usually written without
 * a particle (María Dolores, María Candelaria, María Amparo) stay as INE prints them. María del Rosario has
 * no cohort decade's list but is kept for a rerun on another table.
 */
const SPANISH_PARTICLES: Readonly<Record<string, string>> = {
  'María Carmen': 'María del Carmen',
  'María Pilar': 'María del Pilar',
  'María Rosario': 'María del Rosario',
  'María Mar': 'María del Mar',
  'María Ángeles': 'María de los Ángeles',
  'María Rocío': 'María del Rocío',
  'María Pino': 'María del Pino',
  'María Llanos': 'María de los Llanos',
  'María Prado': 'María del Prado',
  'María Cinta': 'María de la Cinta',
  'María Cristo': 'María del Cristo',
};

/** A Spanish name spelled word by word, and a double name's particles restored. */
const spanish = (name: string): string => {
  const spelled = name
    .split(' ')
    .map((part) => SPANISH_ACCENTS[part] ?? spanishSpelling(part))
    .join(' ');
  return SPANISH_PARTICLES[spelled] ?? spelled;
};

/** Names ISTAT prints without their final accent and the Italian lists do not spell. */
const ITALIAN_ACCENTS: Readonly<Record<string, string>> = { Niccolo: 'Niccolò' };
const italianSpelling = spellingsIn('ITA');

/**
 * The sex of a name in a table without a sex column: the sex the nation's unfiltered lists give it, unless
 * `hand` sexes it (names the lists lack or give both sexes), or marks it foreign: left out.
 */
function sexFrom(code: string, hand: Readonly<Record<string, Sex | 'foreign'>>) {
  const lists = unfilteredNames(code);
  return (name: string): Sex | undefined => {
    const sexed = hand[name];
    if (sexed) return sexed === 'foreign' ? undefined : sexed;
    if (lists.male.includes(name)) return 'M';
    return lists.female.includes(name) ? 'F' : undefined;
  };
}

/** A hand table of sexes: space-separated women's, men's and foreign names. */
const handSexes = (women: string, men: string, foreign = ''): Record<string, Sex | 'foreign'> => ({
  ...Object.fromEntries(women.split(/\s+/).map((n) => [n, 'F'])),
  ...Object.fromEntries(men.split(/\s+/).map((n) => [n, 'M'])),
  ...Object.fromEntries(
    foreign
      .split(/\s+/)
      .filter(Boolean)
      .map((n) => [n, 'foreign']),
  ),
});

/**
 * The Czech table has no sex column. These are the names Czech parents gave in 1975–2007 that the Czech lists
 * (faker's calendar names) lack or give both sexes, sexed by hand, and the Slovak spellings (residents born
 * in Slovakia), left out.
 */
const CZECH_SEX = handSexes(
  'Bára Nicol Nicole Nicola Nikola Vanessa Emma Elen Ellen Ella Nella Nelly Jessica Sarah Stella Johanka Tina Mia Anna-Marie Sofia Natali Natalia Samanta Jennifer Jenifer Elizabeth Victoria Katka Michelle',
  'René Alex Nicolas Vítek Tobias Kevin Otto Alexander Matyas Kristian Vojta Patrick Marco Dennis',
  'Peter Ján Lucia Mária Katarína Kristína Juraj Beata',
);

/**
 * Iceland's register has no sex column either. These are the names of the cohort's commonest that the
 * Icelandic lists lack, sexed by hand (the names the Naming Committee registers by sex), and the Polish and
 * Lithuanian spellings of residents born abroad, left out.
 */
const ICELANDIC_SEX = handSexes(
  `Sandra Telma Júlía Sigurbjörg Birgitta Elísa Elsa Halldóra Aldís Ása Kristrún Bríet Sonja Pálína Vala Saga
  Sigurlaug Áslaug Nína Eygló Svava Fjóla Maria Hólmfríður Hrönn Signý Þórey Jónína Sunneva Emma Sólrún Írena
  Alma Stella Ester Þórhildur Kolfinna Árný Bára Soffía Þorbjörg Ellen Melkorka Lena Olga Marín Camilla
  Magdalena Monika Karítas Vilborg Gerður Jenný Heiður Díana Karitas Aðalbjörg Guðríður Perla Sif Ísabella Elma
  Arnheiður Gabríela Dagmar Anne Þuríður Karin Heiðdís Rúna Bergdís Anita Svandís Drífa Sesselja Gígja Hafrún
  Hrund Kamilla Maríanna Lea Bylgja Kara Hera Sædís Aþena Jasmín Særós Sigurrós Vera Petra Aleksandra Barbara
  Sæunn Dröfn Tara Anja Elínborg Freydís Bergrún Henný Snæfríður Guðmunda Bergrós Maren Marie Fanndís Gróa Ylfa
  Særún Kristina Sigurborg Heba Solveig Mette Júlíana Natalía Elisabeth Theódóra Regína Karólína Christina
  Arnhildur Geirþrúður Dagrún Salvör Salóme Yrsa Elizabeth Silvía Lóa Sjöfn Ida Hallfríður Jenny Esther Helen
  Agla Ingigerður Hlíf Jennifer Irma Louise Hilda Erika Anika Indíana Pia Svanhvít Sarah Sigurveig Johanna
  Bergljót Amanda Svana Sigurdís Ína Irena Máney Glódís Fanný Auðbjörg Sóldís Emelía Árdís`,
  `Anton Þröstur Mikael Hafsteinn Grétar Adam Alex Andrés Júlíus Þórarinn Jens Þórir Hjálmar Örvar Oddur Arnþór
  Baldvin Geir Ármann Pálmi Freyr Patrekur Benjamín Valgeir Elmar Heimir Sveinbjörn Lárus Hinrik Oliver
  Sigurbjörn Albert Hans Daniel Hrafnkell Óðinn Styrmir Grímur Sigurgeir Nökkvi Bergþór Þorgeir Marinó
  Steingrímur Smári Ernir Eggert Vigfús Konráð Víðir Auðunn Hrannar Alfreð Almar Elís Óttar Þórhallur Hallur
  Brynjólfur Hreinn Gauti Erik Ingimar Georg Guðbjartur Ýmir Svanur Sæmundur Þorbjörn Héðinn Samúel Michael
  Steindór Símon Þorkell Friðjón Ásmundur Ástþór Sigþór Markús Sigmundur Níels Sebastian Victor Úlfur Leó
  Finnbogi David Gústaf Jóel Patrik Borgar Hrólfur Teitur Sæþór Erlendur Steinn Tristan Darri Guðbjörn Robert
  Lars Ingvi Huginn Stefan Magni Enok Böðvar Torfi Bjartmar Lúðvík Matthew Natan Pálmar Thomas Vilhelm
  Eysteinn Hafliði Ásgrímur Elfar Hreiðar Magnus Erling Þorleifur Freysteinn Bogi Hjörvar Bergsveinn Loftur
  Óliver Patrick Þorri Eðvarð Víkingur Valtýr Friðbjörn Martin Ingimundur Jan Sigurpáll Þorvarður
  Skarphéðinn Lýður Arnaldur Hjörleifur Bergsteinn Guðbrandur Bjarmi Runólfur Jason Rögnvaldur Sigursteinn
  Hugi Guðfinnur Snæbjörn James Richard Adrian Andreas Högni Guðmar Sighvatur Viggó Guttormur Veigar Kormákur
  Ísar`,
  'Katarzyna Malgorzata Agnieszka Krzysztof Marcin Tomasz Piotr Mariusz Ewa Iwona Joanna Elzbieta Dawid Jurgita Aneta Beata',
);

/** The tables without a sex column: how each is read with a given sexing, and its sexes. */
const UNSEXED: Readonly<
  Record<
    string,
    { read: (sexOf: (name: string) => Sex | undefined) => Sample[]; hand: Record<string, Sex | 'foreign'> }
  >
> = {
  CZE: { read: (sexOf) => readCzechInterior(table('cze'), sexOf), hand: CZECH_SEX },
  ISL: { read: (sexOf) => readIcelandRegister(table('isl'), sexOf), hand: ICELANDIC_SEX },
};
const readSexed = (code: string): Sample[] => UNSEXED[code]!.read(sexFrom(code, UNSEXED[code]!.hand));

const NATIONS: Nation[] = [
  {
    code: 'USA',
    publisher: 'Social Security Administration, national baby-name files',
    top: 200,
    tables: ['usa'],
    read: () => readSsa(table('usa')),
  },
  {
    code: 'AUS',
    publisher: 'South Australia, Births, Deaths and Marriages, given names registered per year',
    top: 120,
    tables: ['aus'],
    read: () => readSouthAustralia(table('aus')),
  },
  {
    code: 'NZL',
    publisher: 'New Zealand Department of Internal Affairs, top 100 names per year',
    top: 100,
    tables: ['nzl'],
    read: () => readNewZealand(table('nzl')),
  },
  {
    code: 'GBR',
    publisher: 'Office for National Statistics, England and Wales top 100 names',
    top: 100,
    tables: ['gbr'],
    read: () => readEnglandWales(table('gbr')),
    note: 'samples 1974, 1984, 1994, 1997, 1998; 1974 stands for the first cohort years',
    firstYear: 1974,
  },
  {
    code: 'NOR',
    publisher: 'Statistics Norway, table 10467, names of the born per year',
    top: 100,
    tables: ['nor'],
    read: () => readNorway(table('nor')),
  },
  {
    code: 'FRA',
    publisher: 'INSEE, Fichier des prénoms, births in France per year',
    top: 150,
    tables: ['fra'],
    read: () => readFrance(),
  },
  {
    code: 'CAN',
    publisher:
      'Ontario (Registrar General) and Quebec (Retraite Québec) names of the born per year, each province',
    top: 100,
    tables: ['can-ontario', 'can-quebec'],
    read: () => [
      ...readOntario(table('can-ontario')),
      ...readQuebec(table('can-quebec'), spellingsOf(readFrance())),
    ],
    note: 'Quebec from 1980, accents as in the commonest French spelling',
  },
  {
    code: 'NLD',
    publisher: 'Meertens Institute, Nederlandse Voornamenbank, top names per year',
    top: 100,
    tables: ['nld'],
    read: () => readMeertens(table('nld')),
  },
  {
    code: 'POL',
    publisher: 'PESEL register, first names given to children per year from 2000',
    top: 150,
    tables: ['pol'],
    read: () => readPesel(table('pol')),
    note: 'samples 2000–2007 only: the published table starts in 2000',
  },
  {
    code: 'ESP',
    publisher:
      'INE, names of the residents of 2012 by decade of birth, the nation and each province of birth apart',
    top: 150,
    tables: ['esp'],
    read: () => readIne(table('esp'), spanish),
    note: 'decades 1970s–2000s, the 1970s with 1970–74; the national top 50, and the sum of the provinces’ top 20s; double names kept',
    firstYear: 1970,
    doubleNames: true,
  },
  {
    code: 'CZE',
    publisher: 'Ministry of the Interior, first names of the residents of 2017 by year of birth',
    top: 100,
    tables: ['cze'],
    read: () => readSexed('CZE'),
    note: 'sex from the Czech name lists; the names of residents born in Slovakia left out',
  },
  {
    code: 'DEU',
    publisher:
      'Knud Bielefeld, beliebte-vornamen.de, yearly lists from birth announcements (no official table)',
    top: 70,
    tables: ['deu'],
    read: () => readBielefeld(table('deu')),
    cutByRank: true,
    note: 'ranks only: 35 deep in 1975–2000, 50–250 deep from 2001; spellings sharing a rank both kept',
  },
  {
    code: 'BEL',
    publisher: 'Statbel, first names of the newborn per year from 1995',
    top: 100,
    tables: ['bel'],
    read: () => readStatbel(table('bel')),
    note: 'samples 1995–2007 only: the published table starts in 1995',
  },
  {
    code: 'ITA',
    publisher: 'ISTAT, Conta nomi, names of the children registered at birth per year from 1999',
    top: 150,
    tables: ['ita'],
    read: () => readIstat(table('ita'), (name) => ITALIAN_ACCENTS[name] ?? italianSpelling(name)),
    note: 'samples 1999–2007 only: the published table starts in 1999; accents from the Italian lists',
  },
  {
    code: 'SWE',
    publisher: 'Statistics Sweden, given names of the newborn per year from 1998',
    top: 150,
    tables: ['swe'],
    read: () => readScb(table('swe')),
    note: 'samples 1998–2007 only: the published table starts in 1998',
  },
  {
    code: 'LVA',
    publisher: 'the 100 commonest names per five-year period of birth (source not named by its copy)',
    top: 100,
    tables: ['lva'],
    read: () => readLatvianRanks(table('lva')),
    note: 'ranks only; periods 1975–79 to 2005–09, each sampled as its first year',
  },
  {
    code: 'DNK',
    publisher: 'Statistics Denmark, NavneBarometer, women’s given names per year of birth from 1985',
    top: 100,
    tables: ['dnk-women'],
    read: () => readNavneBarometer(table('dnk-women')),
    sexes: ['F'],
    note: 'women only, samples 1985–2007: the table starts in 1985, and its copy looked up women’s names alone',
  },
  {
    code: 'TUR',
    publisher: 'TÜİK (Turkish Statistical Institute), the 100 commonest names per sex by year of birth',
    top: 100,
    tables: ['tur'],
    read: () => readTuik(table('tur')),
    note: 'ranks only; samples 1980–2007: the table has no year between 1970 and 1980',
    firstYear: 1980,
  },
  {
    code: 'ISL',
    publisher:
      'the Icelandic population register (Þjóðskrá), first names per year of birth, copy by Utopia Arctica',
    top: 100,
    tables: ['isl'],
    read: () => readSexed('ISL'),
    note: 'samples 1975–2001: the copy ends with births of 2001; sex from the Icelandic lists and by hand',
  },
];

/** One given name, not a double name with a space ("Jan Erik"): kept only where `doubleNames` says so. */
const ONE_NAME = /^\p{L}[\p{L}'-]+$/u;
/** A double name: given names and particles (José Antonio, María de los Ángeles). */
const DOUBLE_NAME = /^\p{L}[\p{L}'-]+( \p{L}[\p{L}'-]+)+$/u;

const cohortStart = (nation: Nation): number => nation.firstYear ?? FIRST_YEAR;

/**
 * Stops the run if a name of a table without a sex column is common enough to make a cohort year's list and
 * has no sex in the hand table or the nation's lists: it would be missing without a word. Prints such names.
 */
function checkSexes(nation: ReadNation): void {
  const { read, hand } = UNSEXED[nation.code]!;
  const sexOf = sexFrom(nation.code, hand);
  const unsexed = read((name) => (sexOf(name) || hand[name] === 'foreign' ? undefined : 'M'));
  const missing = new Set<string>();
  for (const s of unsexed.filter((s) => inCohort(nation, s))) {
    const cut = Math.min(
      ...nation.samples.filter((c) => c.year === s.year).map((c) => c.names[nation.top - 1]?.count ?? 0),
    );
    for (const n of s.names) if ((n.count ?? 0) >= cut && ONE_NAME.test(n.name)) missing.add(n.name);
  }
  if (missing.size > 0) throw new Error(`${nation.code}: sex these names by hand: ${[...missing].join(' ')}`);
}

const inCohort = (nation: Nation, s: Sample): boolean => s.year >= cohortStart(nation) && s.year <= LAST_YEAR;

/** The names ranked within `top` in at least one sample that `include` picks. */
function ranked(nation: ReadNation, sex: Sex, include: (s: Sample) => boolean): Set<string> {
  return new Set(
    nation.samples
      .filter((s) => s.sex === sex && include(s))
      .flatMap((s) =>
        s.names
          .filter((n, i) => (nation.cutByRank ? n.rank! <= nation.top : i < nation.top))
          .map((n) => n.name),
      ),
  );
}

/** The cohort list of one sex, commonest first. */
function cohortList(nation: ReadNation, sex: Sex): string[] {
  const samples = nation.samples.filter((s) => s.sex === sex && inCohort(nation, s));
  const total = new Map<string, number>();
  const best = new Map<string, number>();
  for (const s of samples) {
    s.names.forEach((n, rank) => {
      total.set(n.name, (total.get(n.name) ?? 0) + (n.count ?? 0));
      best.set(n.name, Math.min(best.get(n.name) ?? rank, rank));
    });
  }
  const counted = samples.every((s) => s.names.every((n) => n.count !== undefined));
  return [...ranked(nation, sex, (s) => inCohort(nation, s))]
    .filter((name) => ONE_NAME.test(name) || (nation.doubleNames === true && DOUBLE_NAME.test(name)))
    .sort((a, b) =>
      counted ? total.get(b)! - total.get(a)! : best.get(a)! - best.get(b)! || total.get(b)! - total.get(a)!,
    );
}

/**
 * Names the table ranks within `top` only before the cohort (old) or only after it (new), never in it,
 * that the unfiltered lists carry: what the filter removes, at most 5 of each, in the table's order.
 */
function outliers(nation: ReadNation, sex: Sex): { older: string[]; newer: string[] } {
  const cohort = ranked(nation, sex, (s) => inCohort(nation, s));
  const unfiltered = new Set(
    sex === 'M' ? unfilteredNames(nation.code).male : unfilteredNames(nation.code).female,
  );
  const outside = (include: (s: Sample) => boolean): string[] =>
    [...ranked(nation, sex, include)].filter((name) => !cohort.has(name) && unfiltered.has(name)).slice(0, 5);
  return { older: outside((s) => s.year < cohortStart(nation)), newer: outside((s) => s.year > LAST_YEAR) };
}

/** A nation whose tables were given, with its samples read. */
interface ReadNation extends Nation {
  readonly samples: readonly Sample[];
}

/**
 * The nations whose tables were given are filtered afresh; the others keep their committed lists and checks,
 * so that adding or correcting one nation needs only that nation's table.
 */
const given = NATIONS.filter((n) => n.tables.some((option) => args[option] !== undefined)).map(
  (n): ReadNation => ({ ...n, samples: n.read() }),
);
if (given.length === 0) throw new Error('give at least one nation’s table (see the header)');
for (const nation of given) if (UNSEXED[nation.code]) checkSexes(nation);

const covers = (nation: Nation, sex: Sex): boolean => nation.sexes?.includes(sex) ?? true;

/** Each nation's lists; undefined for a sex its table does not cover. */
const lists = NATIONS.map((nation) => {
  const read = given.find((n) => n.code === nation.code);
  if (read)
    return {
      nation,
      m: covers(read, 'M') ? cohortList(read, 'M') : undefined,
      f: covers(read, 'F') ? cohortList(read, 'F') : undefined,
    };
  const kept = COHORT_GIVEN_NAMES[nation.code];
  if (!kept) throw new Error(`${nation.code}: no committed list; give its table`);
  return {
    nation,
    m: kept.m === undefined ? undefined : cohortWords(kept.m),
    f: kept.f === undefined ? undefined : cohortWords(kept.f),
  };
});

/**
 * The list as one space-separated string; a double name's parts are joined by a no-break space, written as
 * the escape \u00a0 so that it shows in the source (nations.ts turns it back into a space).
 */
const quote = (names: readonly string[]): string =>
  `'${names
    .map((name) => name.replace(/ /g, '\\u00a0'))
    .join(' ')
    .replace(/'/g, "\\'")}'`;

writeFileSync(
  'src/generator/names/cohort-names.ts',
  `/**
 * GENERATED by scripts/extract-cohort-names.ts; do not edit. Given names of people born ${FIRST_YEAR}–${LAST_YEAR}:
 * those among the commonest of their sex in at least one year of those years, commonest first.
${lists.map(({ nation }) => ` * ${nation.code}: ${nation.publisher}, the ${nation.top} commonest${nation.note ? ` (${nation.note})` : ''}.`).join('\n')}
 */

/** Given names per sex, space-separated, for the nations with a name table by year of birth. */
export const COHORT_GIVEN_NAMES: Readonly<Record<string, { readonly m?: string; readonly f?: string }>> = {
${lists
  .map(({ nation, m, f }) =>
    [`  ${nation.code}: {`, m && `    m: ${quote(m)},`, f && `    f: ${quote(f)},`, '  },']
      .filter(Boolean)
      .join('\n'),
  )
  .join('\n')}
};
`,
);

const checks = NATIONS.map((nation): CohortCheck => {
  const read = given.find((n) => n.code === nation.code);
  const list = lists.find((l) => l.nation === nation)!;
  if (!read) return COHORT_CHECKS.find((c) => c.code === nation.code)!;
  const none = { older: [], newer: [] };
  return {
    code: nation.code,
    common: { m: list.m?.slice(0, 5) ?? [], f: list.f?.slice(0, 5) ?? [] },
    outliers: {
      m: covers(read, 'M') ? outliers(read, 'M') : none,
      f: covers(read, 'F') ? outliers(read, 'F') : none,
    },
  };
});
writeFileSync(
  'test/generator/population/cohort-checks.ts',
  `/**
 * GENERATED by scripts/extract-cohort-names.ts from the same tables as cohort-names.ts; do not edit.
 * common: the five commonest names of the cohort. outliers: names the table ranks among the commonest only
 * before ${FIRST_YEAR} or after ${LAST_YEAR}, which the unfiltered (faker and hand) lists carry.
 */
export interface CohortCheck {
  readonly code: string;
  readonly common: { readonly m: readonly string[]; readonly f: readonly string[] };
  readonly outliers: Record<'m' | 'f', { readonly older: readonly string[]; readonly newer: readonly string[] }>;
}

export const COHORT_CHECKS: readonly CohortCheck[] = ${JSON.stringify(checks)};
`,
);

for (const { nation, m, f } of lists)
  if (given.some((n) => n.code === nation.code))
    console.log(`${nation.code}: ${m?.length ?? 'unfiltered'} men's, ${f?.length ?? 'unfiltered'} women's given names`);
for (const c of checks)
  if (given.some((n) => n.code === c.code)) console.log(`${c.code} outliers:`, JSON.stringify(c.outliers));
