/**
 * Service details for a casualty: national rank title with its NATO STANAG 2116 code, age consistent
 * with the grade, blood group with Rh factor, weight and religion. Branch and unit come from units.ts.
 */
import { type Rank, rankFor } from './ranks.js';
import type { Rng } from './rng.js';
import { type Branch, serviceOf } from './units.js';

interface GradeBand {
  weight: number;
  minAge: number;
  maxAge: number;
}

/**
 * Grades OR-1…OR-9 then OF-1…OF-5 (RANK_CODES order), weighted as US OIF deaths: officers 9 % (DoD counts
 * tallied by AP and USA Today, March 2008), and nearly 60 % below the rank of corporal, read as OR-1–OR-4
 * (Pentagon statistics at 1,970 deaths, Village Voice, October 2005). The split within the bands is an
 * assumption.
 */
const GRADES: readonly GradeBand[] = [
  { weight: 8, minAge: 18, maxAge: 22 },
  { weight: 15, minAge: 18, maxAge: 24 },
  { weight: 18, minAge: 19, maxAge: 27 },
  { weight: 16, minAge: 20, maxAge: 30 },
  { weight: 14, minAge: 22, maxAge: 34 },
  { weight: 8, minAge: 25, maxAge: 38 },
  { weight: 4, minAge: 28, maxAge: 42 },
  { weight: 2, minAge: 32, maxAge: 46 },
  { weight: 0.7, minAge: 36, maxAge: 52 },
  { weight: 4.2, minAge: 22, maxAge: 28 },
  { weight: 2.8, minAge: 25, maxAge: 34 },
  { weight: 1.3, minAge: 31, maxAge: 42 },
  { weight: 0.55, minAge: 37, maxAge: 48 },
  { weight: 0.25, minAge: 42, maxAge: 55 },
];
const GRADE_WEIGHTS = GRADES.map((g) => g.weight);

/** Approximate European/North American ABO-Rh frequencies (blood-service public figures). */
const BLOOD = ['O+', 'A+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-'];
const BLOOD_WEIGHTS = [36, 34, 9, 3, 7, 7, 2, 1];

/**
 * HL7 v3 ReligiousAffiliation codes: 1041 Roman Catholic Church, 1028 Lutheran, 1005 Anglican,
 * 1068 Eastern Orthodox, 1077 Protestant, 1023 Islam, 1013 Christian (non-Catholic, non-specific).
 * First entry is the nation's largest affiliation.
 */
/** Display names of the HL7 v3 ReligiousAffiliation codes used below (CodeSystem v3-ReligiousAffiliation). */
export const RELIGION_DISPLAY: Readonly<Record<string, string>> = {
  '1005': 'Anglican',
  '1013': 'Christian (non-Catholic, non-specific)',
  '1023': 'Islam',
  '1028': 'Lutheran',
  '1041': 'Roman Catholic Church',
  '1068': 'Eastern Orthodox',
  '1077': 'Protestant',
};

const RELIGION: Readonly<Record<string, readonly string[]>> = {
  ALB: ['1023', '1041', '1068'],
  BEL: ['1041', '1077'],
  BGR: ['1068', '1023'],
  CAN: ['1041', '1077', '1013'],
  HRV: ['1041', '1068'],
  CZE: ['1041'],
  DNK: ['1028'],
  EST: ['1028', '1068'],
  FIN: ['1028', '1068'],
  FRA: ['1041', '1023'],
  DEU: ['1041', '1028'],
  GRC: ['1068'],
  HUN: ['1041', '1077'],
  ISL: ['1028'],
  ITA: ['1041'],
  LVA: ['1028', '1041', '1068'],
  LTU: ['1041', '1068'],
  LUX: ['1041'],
  MNE: ['1068', '1023'],
  NLD: ['1041', '1077'],
  MKD: ['1068', '1023'],
  NOR: ['1028'],
  POL: ['1041'],
  PRT: ['1041'],
  ROU: ['1068'],
  SVK: ['1041', '1077'],
  SVN: ['1041'],
  ESP: ['1041'],
  SWE: ['1028'],
  TUR: ['1023'],
  GBR: ['1005', '1041'],
  USA: ['1077', '1041', '1013'],
  AUS: ['1041', '1005'],
  NZL: ['1005', '1041'],
};

export interface ServiceDetails {
  rank: Rank;
  age: number;
  birthdate: string;
  bloodType: string;
  weight: number;
  religion: string | undefined;
}

const DAY_MS = 86_400_000;
/** Caches start over past this size, so a long-lived server stays small; a run never comes near it. */
const CACHE_MAX = 1 << 16;

/** Epoch day of the latest birthday that makes `age` on `day` (an epoch day), per day and age. */
const lastBirthdays = new Map<number, number>();
/** `YYYY-MM-DD` per epoch day: birthdates span a few decades, some 20,000 days. */
const isoDays = new Map<number, string>();

/**
 * `YYYY-MM-DD` of someone `age` on the day that starts at `dayMs` (00:00Z), whose last birthday was
 * `sinceBirthday` days before it. Date setters and toISOString cost more than the rest of drawing a
 * service member, so both steps are cached by small keys: (day, age) and the birth's epoch day.
 */
function birthdateOf(dayMs: number, age: number, sinceBirthday: number): string {
  const day = Math.floor(dayMs / DAY_MS);
  const key = day * 128 + age;
  let lastBirthday = lastBirthdays.get(key);
  if (lastBirthday === undefined) {
    // The latest birthday that makes `age` that day: 28 February for a 29 February in a common year.
    const birth = new Date(day * DAY_MS);
    const month = birth.getUTCMonth();
    birth.setUTCFullYear(birth.getUTCFullYear() - age);
    if (birth.getUTCMonth() !== month) birth.setUTCDate(0);
    lastBirthday = Math.floor(birth.getTime() / DAY_MS);
    if (lastBirthdays.size >= CACHE_MAX) lastBirthdays.clear();
    lastBirthdays.set(key, lastBirthday);
  }
  const born = lastBirthday - sinceBirthday;
  let iso = isoDays.get(born);
  if (iso === undefined) {
    iso = new Date(born * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size >= CACHE_MAX) isoDays.clear();
    isoDays.set(born, iso);
  }
  return iso;
}

/**
 * `injuryDayMs` is 00:00Z of the day the casualty is wounded or falls ill: `age` is the age that day
 * (the card's age agrees with its birthdate and injury date), counted from the scenario, never the clock.
 */
export function drawService(
  rng: Rng,
  nation: string,
  male: boolean,
  injuryDayMs: number,
  branch: Branch,
): ServiceDetails {
  const grade = rng.weightedIndex(GRADE_WEIGHTS);
  const band = GRADES[grade] ?? GRADES[0]!;
  const age = rng.int(band.minAge, band.maxAge);
  const sinceBirthday = rng.int(0, 364);
  const weight = male ? rng.normal(82, 11) : rng.normal(66, 9);
  const religions = RELIGION[nation] ?? [];
  const r = rng.next();
  const religion = r < 0.55 ? religions[0] : r < 0.7 ? religions[religions.length - 1] : undefined;
  return {
    rank: rankFor(nation, serviceOf(branch), grade),
    age,
    birthdate: birthdateOf(injuryDayMs, age, sinceBirthday),
    bloodType: BLOOD[rng.weightedIndex(BLOOD_WEIGHTS)] ?? 'O+',
    weight: Math.round(Math.min(140, Math.max(45, weight)) * 10) / 10,
    religion,
  };
}
