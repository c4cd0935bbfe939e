/**
 * Population section of the realism report: the battle/DNBI ratio where it is measured (all patients,
 * admissions, evacuations out of theatre), the coherence of casualty events, the breadth of DNBI and
 * each preset's signature casualties. Rows have the shape of the coherence rows (coherence-checks.ts):
 * a band for a proportion, or an outright verdict. Sources: docs/casualty-model.md.
 */
import { DISEASE_CATALOG, NON_BATTLE_CATALOG, type Patient } from '../src/generator/index.js';
import type { CoherenceRow } from './coherence-checks.js';

const arrived = (p: Patient, ...roles: string[]): boolean =>
  p.movement_timeline.some((e) => e.event_type === 'arrival' && roles.includes(e.facility));
const isBattle = (p: Patient): boolean => p.injury_type === 'BATTLE_TRAUMA';
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

interface Share {
  hits: number;
  n: number;
}
const share = (
  patients: readonly Patient[],
  where: (p: Patient) => boolean,
  what: (p: Patient) => boolean,
) => {
  const s: Share = { hits: 0, n: 0 };
  for (const p of patients) {
    if (!where(p)) continue;
    s.n++;
    if (what(p)) s.hits++;
  }
  return s;
};
const row = (id: string, metric: string, band: [number, number], s: Share, source: string): CoherenceRow => ({
  id,
  metric,
  band,
  hits: s.hits,
  n: s.n,
  source,
});
const verdict = (
  id: string,
  metric: string,
  pass: boolean,
  shown: string,
  expected: string,
  n: number,
  source: string,
) => ({
  id,
  metric,
  band: null,
  hits: 0,
  n,
  ordered: { pass, shown, expected },
  source,
});

/** Battle share among all patients, admissions and evacuations: default (high) and stability runs. */
export function denominatorChecks(high: readonly Patient[], stability: readonly Patient[]): CoherenceRow[] {
  const all = () => true;
  return [
    row(
      'P1.1',
      'BI share of all patients (high intensity)',
      [0.12, 0.22],
      share(high, all, isBattle),
      'MSMR 2012: DNBI ≈ 5 : 1',
    ),
    row(
      'P1.2',
      'BI share of Role 3 admissions (high)',
      [0.23, 0.4],
      share(high, (p) => arrived(p, 'Role3'), isBattle),
      'UK field hospitals: DNBI 60–77 % (Hansard 2009)',
    ),
    row(
      'P1.3',
      'BI share of evacuations out of theatre (high)',
      [0.14, 0.4],
      share(high, (p) => arrived(p, 'Role4'), isBattle),
      'AFHSC 19 %, Cohen 14 % (2001–09); up to the hospital share in major combat (judgement)',
    ),
    row(
      'P1.4',
      'BI share of Role 2/3 admissions (medium: stability)',
      [0.18, 0.3],
      share(stability, (p) => arrived(p, 'Role2', 'Role3'), isBattle),
      'Zouris 2008: 23.6 % in the stability phase',
    ),
    row(
      'P1.5',
      'BI share of evacuations out of theatre (medium)',
      [0.14, 0.24],
      share(stability, (p) => arrived(p, 'Role4'), isBattle),
      'AFHSC 19 % (Stars and Stripes 2010); Cohen 2010: 14 %',
    ),
  ];
}

const CONTACT_FREE = new Set(['indirect_fire', 'drone_strike', 'air_strike', 'missile_strike']);

/** Events hold together; DNBI is a background; mass-casualty events strain the chain. */
export function eventChecks(patients: readonly Patient[]): CoherenceRow[] {
  const fronts = new Map<string, Set<string>>();
  const spans = new Map<string, [number, number]>();
  const daily = new Map<number, number>();
  for (const p of patients) {
    daily.set(p.day_of_injury, (daily.get(p.day_of_injury) ?? 0) + 1);
    if (!isBattle(p)) continue;
    const f = fronts.get(p.event_id) ?? new Set<string>();
    f.add(p.front);
    fronts.set(p.event_id, f);
    const t = Date.parse(p.injury_timestamp);
    const [lo, hi] = spans.get(p.event_id) ?? [t, t];
    spans.set(p.event_id, [Math.min(lo, t), Math.max(hi, t)]);
  }
  const counts = [...daily.values()];
  const mean = counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
  const cv = Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / Math.max(1, counts.length)) / mean;
  const spread = [...fronts.values()].filter((f) => f.size > 1).length;
  const cohesion = unitCohesion(patients);
  const wide = [...spans.values()].filter(([lo, hi]) => hi - lo > 60 * 60_000).length;
  return [
    row(
      'E1',
      'Mass-casualty patients who are DNBI',
      [0, 0],
      share(
        patients,
        (p) => p.mass_casualty,
        (p) => !isBattle(p),
      ),
      'issue 13 review',
    ),
    verdict(
      'E2',
      'Battle events spanning more than one front',
      spread === 0,
      String(spread),
      '0',
      fronts.size,
      'issue 13 review',
    ),
    verdict(
      'E3',
      'Battle events wounding over more than an hour',
      wide === 0,
      String(wide),
      '0',
      spans.size,
      'event windows ≤ 45 min',
    ),
    row(
      'E4',
      'Gunshot wounds from barrages, drones, air or missile strikes',
      [0, 0],
      share(
        patients,
        (p) => CONTACT_FREE.has(p.event_type),
        (p) => p.mechanism === 'gunshot',
      ),
      'mechanism follows the event',
    ),
    row(
      'E5',
      'DNBI presenting 06:00–17:59 (sick call)',
      [0.6, 1],
      share(
        patients,
        (p) => !isBattle(p),
        (p) => {
          const h = Number(p.injury_timestamp.slice(11, 13));
          return h >= 6 && h < 18;
        },
      ),
      'sick call by day; judgement',
    ),
    verdict(
      'E6',
      'Daily counts vary (coefficient of variation)',
      cv > 0.05,
      cv.toFixed(3),
      '> 0.05',
      counts.length,
      'tempo and events',
    ),
    row(
      'E8',
      'PTSD diagnosed before day 31',
      [0, 0],
      share(
        patients,
        (p) => p.day_of_injury < 31,
        (p) => p.conditions.some((c) => c.code === '47505003'),
      ),
      'DSM-5: symptoms > 1 month',
    ),
    row(
      'E10',
      'Small-unit fights (contact, ambush, close quarters, IED; 2+ hit): casualties in the struck unit',
      [0.7, 1],
      cohesion,
      'one patrol or platoon struck, with attachments (medic, engineer, JTAC); judgement',
    ),
  ];
}

const SMALL_UNIT_FIGHTS = new Set(['contact', 'ambush', 'close_quarters', 'ied']);

/**
 * Casualties of small-unit fights who serve in their event's commonest unit (nation, formation, unit),
 * over all casualties of those events with two or more casualties.
 */
function unitCohesion(patients: readonly Patient[]): Share {
  const events = new Map<string, Map<string, number>>();
  for (const p of patients) {
    if (!isBattle(p) || !SMALL_UNIT_FIGHTS.has(p.event_type)) continue;
    const units = events.get(p.event_id) ?? new Map<string, number>();
    const key = `${p.nationality}|${p.unit.formation}|${p.unit.unit_type}|${p.unit.name}`;
    units.set(key, (units.get(key) ?? 0) + 1);
    events.set(p.event_id, units);
  }
  const s: Share = { hits: 0, n: 0 };
  for (const units of events.values()) {
    const counts = [...units.values()];
    const size = counts.reduce((a, b) => a + b, 0);
    if (size < 2) continue;
    s.n += size;
    s.hits += Math.max(...counts);
  }
  return s;
}

const firstMtf = (p: Patient) =>
  p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI')?.hours_since_injury;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const daylight = (p: Patient) => {
  const h = Number(p.injury_timestamp.slice(11, 13));
  return h >= 6 && h < 18;
};

/**
 * A MASCAL-heavy run: daylight T1 reach their first facility later in a mass-casualty event, and more
 * of the seriously injured who reach care die of wounds.
 */
export function overloadChecks(patients: readonly Patient[]): CoherenceRow[] {
  const waits = (mc: boolean) =>
    median(
      patients
        .filter((p) => isBattle(p) && p.mass_casualty === mc && p.nato_triage === 'T1' && daylight(p))
        .map(firstMtf)
        .filter((h): h is number => h !== undefined),
    );
  const [mcWait, otherWait] = [waits(true), waits(false)];
  return [
    verdict(
      'E7',
      'Daylight T1 hours to first facility: mass-casualty > other',
      mcWait > otherWait,
      `${mcWait.toFixed(2)} > ${otherWait.toFixed(2)} h`,
      'slower',
      patients.length,
      'Hirshberg 2005: casualty load slows care',
    ),
    deathsUnderLoad(patients),
  ];
}

/** Deaths per battle casualty reaching care with ISS ≥ 9, inside and outside mass-casualty events. */
function deathsUnderLoad(patients: readonly Patient[]): CoherenceRow {
  const rate = (mc: boolean) => {
    const s = share(
      patients,
      (p) =>
        isBattle(p) && p.mass_casualty === mc && p.outcome.category !== 'KIA' && p.injury_severity_score >= 9,
      (p) => p.outcome.category === 'DOW',
    );
    return { value: s.hits / Math.max(1, s.n), n: s.n };
  };
  const [mc, other] = [rate(true), rate(false)];
  return verdict(
    'E9',
    'DOW (ISS >= 9): mass-casualty > other (MASCAL-heavy run)',
    mc.value > other.value,
    `${pct(mc.value)} > ${pct(other.value)}`,
    'higher',
    mc.n + other.n,
    'Hirshberg 2005; delay to surgery (Shackelford 2023)',
  );
}

/** Enough distinct DNBI concepts, and DNBI deaths only from conditions that can kill. */
export function dnbiChecks(patients: readonly Patient[]): CoherenceRow[] {
  const dnbi = patients.filter((p) => !isBattle(p));
  const catalog = new Set([...DISEASE_CATALOG, ...NON_BATTLE_CATALOG].map((c) => c.code));
  const concepts = new Set(dnbi.map((p) => p.conditions[0]?.code).filter((c) => c && catalog.has(c)));
  const trivialDead = share(
    dnbi,
    (p) => p.final_status === 'KIA',
    (p) => /sprain|pain|headache|insomnia|caries|dermatitis|cold|tinea/i.test(p.conditions[0]?.name ?? ''),
  );
  // Cards alike in everything but names and times: diagnosis, findings, triage, route and care.
  const groups = new Map<string, number>();
  const keyOf = (p: Patient) =>
    JSON.stringify([
      p.conditions,
      p.nato_triage,
      p.final_status_detail,
      p.treatments.map((t) => [t.code, t.detail, t.location]),
      p.movement_timeline.map((e) => [e.event_type, e.facility]),
    ]);
  for (const p of dnbi) groups.set(keyOf(p), (groups.get(keyOf(p)) ?? 0) + 1);
  const alike = share(
    dnbi,
    () => true,
    (p) => (groups.get(keyOf(p)) ?? 0) >= 50,
  );
  return [
    row(
      'B4',
      'DNBI cards shared with 49+ others (names, times aside)',
      [0, 0.5],
      alike,
      'issue 13: was 57 %; judgement',
    ),
    verdict(
      'B1',
      'Distinct DNBI catalogue concepts seen (SNOMED CT)',
      concepts.size >= 80,
      `${concepts.size} of ${catalog.size}`,
      '>= 80',
      dnbi.length,
      'issue 13',
    ),
    row(
      'B2',
      'DNBI dead',
      [0, 0.003],
      share(
        dnbi,
        () => true,
        (p) => p.final_status === 'KIA',
      ),
      'Hauret 2011: NBI deaths 68.8 per 100,000 p-y',
    ),
    row('B3', 'DNBI deaths from trivial conditions', [0, 0], trivialDead, 'issue 13 review'),
  ];
}

/** Each preset's signature, measured on its own run. */
export function presetChecks(
  runs: Readonly<Record<string, readonly Patient[]>>,
  base: readonly Patient[],
): CoherenceRow[] {
  const of = (id: string) => runs[id] ?? [];
  const codes = (p: Patient) => p.conditions.map((c) => c.code);
  const gunshot = (ps: readonly Patient[]) => share(ps, isBattle, (p) => p.mechanism === 'gunshot');
  const g = [gunshot(of('urban_assault')), gunshot(base)].map((s) => s.hits / Math.max(1, s.n));
  const mcPatients = of('mass_casualty').filter((p) => p.mass_casualty);
  const mcMean = mcPatients.length / Math.max(1, new Set(mcPatients.map((p) => p.event_id)).size);
  return [
    row(
      'S1',
      'cbrn_incident: chemical exposures (nerve, blister agent)',
      [0.4, 1],
      share(
        of('cbrn_incident'),
        () => true,
        (p) => p.conditions.some((c) => /nerve agent|mustard/.test(c.qualifier ?? '')),
      ),
      'preset: chemical attacks',
    ),
    row(
      'S2',
      'cbrn_incident: nerve-agent T1/T2 given atropine + pralidoxime',
      [0.95, 1],
      share(
        of('cbrn_incident'),
        (p) =>
          /nerve agent/.test(p.conditions[0]?.qualifier ?? '') &&
          (p.nato_triage === 'T1' || p.nato_triage === 'T2'),
        (p) => p.treatments.some((t) => /Atropine/.test(t.detail ?? '')),
      ),
      'Mark I / ATNAA (webwiser)',
    ),
    row(
      'S3',
      'arctic_operation: cold injuries among NBI',
      [0.1, 0.6],
      share(of('arctic_operation'), (p) => p.injury_type === 'NON_BATTLE', isColdInjury),
      'MSMR cold injury; extreme cold',
    ),
    row(
      'S4',
      'peacekeeping: DNBI share of all patients',
      [0.9, 1],
      share(
        of('peacekeeping'),
        () => true,
        (p) => !isBattle(p),
      ),
      'preset: mostly DNBI',
    ),
    row(
      'S5',
      'peacekeeping (hot): heat illness among NBI',
      [0.05, 0.5],
      share(
        of('peacekeeping'),
        (p) => p.injury_type === 'NON_BATTLE',
        (p) => p.conditions[0]?.code === '34095006',
      ),
      'MSMR heat illness; extreme heat',
    ),
    verdict(
      'S6',
      'urban_assault: gunshot share of BI above the default',
      g[0]! > g[1]!,
      `${pct(g[0]!)} > ${pct(g[1]!)}`,
      'higher',
      0,
      'close-quarters fighting',
    ),
    row(
      'S7',
      'maritime_operation: burns or immersion on the naval front',
      [0.05, 1],
      share(
        of('maritime_operation'),
        (p) => isBattle(p) && p.front === 'Naval Task Force',
        (p) => p.conditions.some((c) => c.tbsa_percent !== undefined || /immersion/.test(c.qualifier ?? '')),
      ),
      'ship strikes: fire and water',
    ),
    row(
      'S8',
      'mass_casualty: patients in mass-casualty events',
      [0.6, 1],
      share(
        of('mass_casualty'),
        () => true,
        (p) => p.mass_casualty,
      ),
      'preset: most patients in a few large events',
    ),
    verdict(
      'S9',
      'mass_casualty: mean casualties per mass-casualty event',
      mcMean >= 20,
      mcMean.toFixed(1),
      '>= 20',
      mcPatients.length,
      'preset: a few large events',
    ),
    row(
      'S10',
      'lsco: explosive share of BI',
      [0.8, 0.95],
      share(of('lsco'), isBattle, (p) => p.mechanism === 'explosive'),
      'Ukraine series: 85–90 %',
    ),
    row(
      'S11',
      'peacekeeping (hot): heat stroke among heat stroke + heat exhaustion',
      [0.08, 0.35],
      share(
        of('peacekeeping'),
        (p) => /heat stroke|heat exhaustion/.test(p.conditions[0]?.qualifier ?? ''),
        (p) => /heat stroke/.test(p.conditions[0]?.qualifier ?? ''),
      ),
      'MSMR 2018: 0.45 vs 1.71 per 1,000 p-y (21 %); Iraq/Afghanistan 8.6 %',
    ),
    row(
      'S12',
      'peacekeeping: road traffic accidents among NBI',
      [0.02, 0.06],
      share(
        of('peacekeeping'),
        (p) => p.injury_type === 'NON_BATTLE',
        (p) => p.event_type === 'road_traffic_accident',
      ),
      'Hauret 2010: serious trauma 8 % of NBI, vehicles 12–16 % vs falls 18 %',
    ),
    row(
      'S13',
      'arctic_operation: non-freezing cold injury among cold injuries',
      [0.2, 0.4],
      share(of('arctic_operation'), isColdInjury, isNfci),
      'MSMR 2023: immersion and non-freezing 30 % of cold injuries',
    ),
    row(
      'S14',
      'cbrn_incident: radiation exposures (contamination or acute radiation syndrome)',
      [0.03, 0.3],
      share(of('cbrn_incident'), () => true, isRadiation),
      'preset: radiological releases, 15 % of its battle events',
    ),
    row(
      'S15',
      'cbrn_incident: radiation exposures triaged by dose band',
      [1, 1],
      share(of('cbrn_incident'), isRadiation, (p) =>
        BAND_TRIAGE.some(([re, t]) => re.test(qualifierOf(p)) && t === p.nato_triage),
      ),
      'REMM / Waselenko 2004 survival by dose; triage per band: judgement',
    ),
    row(
      'S16',
      'maritime_operation: drowning (non-fatal submersion) among those in the water',
      [0.1, 0.45],
      share(
        of('maritime_operation'),
        (p) => p.conditions.some((c) => c.qualifier === 'immersion in cold water'),
        (p) => codes(p).includes('40947009'),
      ),
      'judgement; USS Fitzgerald and McCain 2017: 17 of 85 casualties drowned',
    ),
  ];
}

const qualifierOf = (p: Patient): string => p.conditions[0]?.qualifier ?? '';
const isNfci = (p: Patient): boolean => /non-freezing cold injury/.test(qualifierOf(p));
const isColdInjury = (p: Patient): boolean =>
  isNfci(p) || p.conditions.some((c) => c.code === '370977006' || c.code === '386689009');
const isRadiation = (p: Patient): boolean =>
  p.mechanism === undefined && p.event_type === 'radiological_release';
/** The triage each dose band must carry (cbrn.ts: judgement on the REMM survival figures). */
const BAND_TRIAGE: readonly [RegExp, string][] = [
  [/below 1 Gy|1-2 Gy/, 'T3'],
  [/2-6 Gy/, 'T2'],
  [/6-10 Gy/, 'T1'],
  [/above 10 Gy/, 'T4'],
];

/** Allergies and long-term conditions brought to the deployment (medical-history.ts). */
export function historyChecks(patients: readonly Patient[]): CoherenceRow[] {
  const all = () => true;
  return [
    row(
      'H1',
      'Allergy to penicillin',
      [0.05, 0.11],
      share(patients, all, (p) => p.allergies.some((a) => a.code === '91936005')),
      'Shenoy 2019: about 10 % carry the label; fewer among young adults',
    ),
    row(
      'H2',
      'Medicine taken for a long-term condition',
      [0.05, 0.3],
      share(patients, all, (p) => p.medications.length > 0),
      'judgement: a young force screened at enlistment (DoDI 6130.03)',
    ),
  ];
}
