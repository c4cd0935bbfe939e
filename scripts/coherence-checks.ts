/**
 * Coherence section of the realism report: does each casualty's card hold together? Bands come from the
 * published figures named in docs/casualty-model.md; where no published figure exists
 * the band is a stated judgement. Ordering checks (a rate that must rise) pass or fail outright.
 */
import type { Patient } from '../src/generator/index.js';

export interface CoherenceRow {
  id: string;
  metric: string;
  /** Band for a proportion, or null for an ordering check. */
  band: [number, number] | null;
  hits: number;
  n: number;
  /** Ordering checks: the verdict and the values compared. */
  ordered?: { pass: boolean; shown: string; expected?: string };
  source: string;
}

const ISS_BANDS: [string, number, number, [number, number], string][] = [
  ['1-8', 1, 8, [0, 0.02], 'civilian < 1 % [r]; judgement'],
  ['9-15', 9, 15, [0, 0.06], 'civilian 2–4 % [r]'],
  [
    '16-24',
    16,
    24,
    [0.05, 0.35],
    'civilian 7–10 % in hospital [r] + 87 % of deaths pre-hospital (Eastridge 2012); judgement',
  ],
  ['25-75', 25, 75, [0.6, 0.98], 'Howard 2019: survival 2.2–39.9 %'],
];

/** Hours from injury to the first arrival at Role 2 or Role 3. */
const toSurgicalCare = (p: Patient): number | undefined =>
  p.movement_timeline.find(
    (e) => e.event_type === 'arrival' && (e.facility === 'Role2' || e.facility === 'Role3'),
  )?.hours_since_injury;

const NO_RTD_CODES = new Set(['25415003', '46866001', '262595009']);
const noRtdClass = (p: Patient): boolean =>
  p.conditions.some((c) => NO_RTD_CODES.has(c.code) || c.code === '127295002') ||
  p.treatments.some((t) => t.code === '86481000');
const TRIVIAL_DNBI = new Set(['Headache', 'Insomnia', 'Upper respiratory infection', 'Sprain of ankle']);

export function coherenceChecks(defaultRun: Iterable<Patient>, lscoRun: Iterable<Patient>): CoherenceRow[] {
  const iss = ISS_BANDS.map(() => ({ dead: 0, n: 0 }));
  const live = { mild: 0, moderate: 0, severe: 0, n: 0 };
  const byTriage: Record<
    string,
    { n: number; iss16: number; hr: number; sbp: number; gcs: number; shock: number }
  > = {};
  let noRtd = 0;
  let noRtdBack = 0;
  let minor = 0;
  let minorBack = 0;
  let bi = 0;
  let burns = 0;
  let amputations = 0;
  let trivial = 0;
  let trivialT1OrDead = 0;
  const diedOfWounds = { tbi: 0, bled: 0, n: 0 };
  const delay = [
    { dow: 0, n: 0 },
    { dow: 0, n: 0 },
    { dow: 0, n: 0 },
  ];

  const add = (p: Patient, counts: boolean): void => {
    if (p.injury_type !== 'BATTLE_TRAUMA') {
      if (counts && TRIVIAL_DNBI.has(p.conditions[0]?.name ?? '')) {
        trivial++;
        if (p.nato_triage === 'T1' || p.final_status === 'KIA') trivialT1OrDead++;
      }
      return;
    }
    const dead = p.final_status === 'KIA';
    const h = toSurgicalCare(p);
    if (p.outcome.category !== 'KIA' && p.injury_severity_score >= 16 && h !== undefined) {
      const slot = delay[h <= 1 ? 0 : h <= 2 ? 1 : 2]!;
      slot.n++;
      if (p.outcome.category === 'DOW') slot.dow++;
    }
    if (p.outcome.category === 'DOW') {
      diedOfWounds.n++;
      if (p.cause_of_death === 'Traumatic brain injury') diedOfWounds.tbi++;
      if (p.cause_of_death === 'Haemorrhage') diedOfWounds.bled++;
    }
    if (!counts) return;
    bi++;
    if (p.conditions.some((c) => c.tbsa_percent !== undefined)) burns++;
    if (p.conditions.some((c) => c.code === '262595009')) amputations++;
    ISS_BANDS.forEach(([, lo, hi], i) => {
      if (p.injury_severity_score >= lo && p.injury_severity_score <= hi) {
        iss[i]!.n++;
        if (dead) iss[i]!.dead++;
      }
    });
    if (noRtdClass(p)) {
      noRtd++;
      if (p.final_status === 'RTD') noRtdBack++;
    }
    if (p.injury_severity_score <= 4 && !noRtdClass(p)) {
      minor++;
      if (p.final_status === 'RTD') minorBack++;
    }
    if (p.outcome.category === 'KIA') return;
    live.n++;
    if (p.injury_severity_score <= 8) live.mild++;
    else if (p.injury_severity_score <= 15) live.moderate++;
    else live.severe++;
    const t = byTriage[p.nato_triage] ?? { n: 0, iss16: 0, hr: 0, sbp: 0, gcs: 0, shock: 0 };
    byTriage[p.nato_triage] = t;
    t.n++;
    if (p.injury_severity_score >= 16) t.iss16++;
    const v = p.vital_signs[0];
    if (v) {
      t.hr += v.heart_rate;
      t.sbp += v.systolic_bp;
      t.gcs += v.gcs;
      if (v.systolic_bp < 90 || v.heart_rate > 120) t.shock++;
    }
  };
  for (const p of defaultRun) add(p, true);
  for (const p of lscoRun) add(p, false);

  const cfr = iss.map((b) => b.dead / Math.max(1, b.n));
  const mean = (t: string, k: 'hr' | 'sbp' | 'gcs'): number =>
    (byTriage[t]?.[k] ?? 0) / Math.max(1, byTriage[t]?.n ?? 0);
  const t1 = byTriage.T1 ?? { n: 0, iss16: 0, shock: 0 };
  const t2 = byTriage.T2 ?? { n: 0, iss16: 0, shock: 0 };
  const t3 = byTriage.T3 ?? { n: 0, iss16: 0, shock: 0 };
  const dowRate = delay.map((d) => d.dow / Math.max(1, d.n));
  const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
  const rate = (t: { shock: number; n: number }): number => t.shock / Math.max(1, t.n);
  return [
    ...ISS_BANDS.map(
      ([label, , , band, source], i): CoherenceRow => ({
        id: `C1.${i + 1}`,
        metric: `CFR, ISS ${label}`,
        band,
        hits: iss[i]!.dead,
        n: iss[i]!.n,
        source,
      }),
    ),
    {
      id: 'C1.5',
      metric: 'CFR rises with every ISS band',
      band: null,
      hits: 0,
      n: bi,
      ordered: { pass: cfr.every((v, i) => i === 0 || v > cfr[i - 1]!), shown: cfr.map(pct).join(' < ') },
      source: 'TRISS (Boyd 1987)',
    },
    {
      id: 'C2.1',
      metric: 'Live BI: ISS 1-8 (mild)',
      band: [0.5, 0.75],
      hits: live.mild,
      n: live.n,
      source: 'Kotwal 2018: mild 56.9 %; judgement',
    },
    {
      id: 'C2.2',
      metric: 'Live BI: ISS 9-15 (moderate)',
      band: [0.12, 0.32],
      hits: live.moderate,
      n: live.n,
      source: 'Kotwal 2018: moderate 25.4 %',
    },
    {
      id: 'C2.3',
      metric: 'Live BI: ISS >=16 (severe)',
      band: [0.08, 0.25],
      hits: live.severe,
      n: live.n,
      source: 'Kotwal 2018: severe+critical 17.7 %',
    },
    {
      id: 'C2.4',
      metric: 'ISS >=16 share rises T3 < T2 < T1',
      band: null,
      hits: 0,
      n: live.n,
      ordered: {
        pass:
          t3.iss16 / Math.max(1, t3.n) < t2.iss16 / Math.max(1, t2.n) &&
          t2.iss16 / Math.max(1, t2.n) < t1.iss16 / Math.max(1, t1.n),
        shown: [t3, t2, t1].map((t) => pct(t.iss16 / Math.max(1, t.n))).join(' < '),
      },
      source: 'NATO triage categories (AJP-4.10)',
    },
    {
      id: 'C3',
      metric: 'T3 with ISS >=16',
      band: [0, 0.02],
      hits: t3.iss16,
      n: t3.n,
      source: 'T3 = minimal (NATO); Plackett 2016 under-triage 6 %; judgement',
    },
    {
      id: 'C4.1',
      metric: 'RTD: femur, amputation, TBI, laparotomy',
      band: [0, 0],
      hits: noRtdBack,
      n: noRtd,
      source: 'theatre holding policy; Emergency War Surgery',
    },
    {
      id: 'C4.2',
      metric: 'RTD: minor wounds (ISS <=4)',
      band: [0.6, 1],
      hits: minorBack,
      n: minor,
      source: 'Owens 2008, Ritenour 2010; judgement',
    },
    {
      id: 'C5.1',
      metric: 'Burns among BI',
      band: [0.03, 0.07],
      hits: burns,
      n: bi,
      source: 'Kauvar 2006: 5 %',
    },
    {
      id: 'C5.2',
      metric: 'Amputation among BI',
      band: [0.015, 0.052],
      hits: amputations,
      n: bi,
      source: 'Goldberg 2014: 2.6 % of WIA; Stansbury 2008: 5.2 %',
    },
    {
      id: 'C6',
      metric: 'DOW (ISS >=16) by time to surgical care <=1 / 1-2 / >2 h',
      band: null,
      hits: 0,
      n: delay.reduce((a, d) => a + d.n, 0),
      // Only the ends are compared: the 1-2 h group is small and noisy, so the middle may dip.
      ordered: {
        pass: dowRate[2]! > dowRate[0]!,
        shown: dowRate.map(pct).join(' / '),
        expected: '>2 h > <=1 h',
      },
      source: 'Shackelford 2023: <=1 h aHR 0.34 (default + LSCO runs)',
    },
    {
      id: 'C6.1',
      metric: 'DOW whose cause is the brain injury',
      band: [0.25, 0.65],
      hits: diedOfWounds.tbi,
      n: diedOfWounds.n,
      source:
        'Eastridge 2011: 83 % of non-survivable DOW, about 40 % of all; Keene 2016: head 65 % (default + LSCO runs)',
    },
    {
      id: 'C6.2',
      metric: 'DOW whose cause is bleeding',
      band: [0.3, 0.65],
      hits: diedOfWounds.bled,
      n: diedOfWounds.n,
      source: 'Eastridge 2011: potentially survivable haemorrhage about 41 % of DOW (default + LSCO runs)',
    },
    {
      id: 'C7.1',
      metric: 'First vital signs, mean HR T1 > T2 > T3',
      band: null,
      hits: 0,
      n: live.n,
      ordered: {
        pass: mean('T1', 'hr') > mean('T2', 'hr') && mean('T2', 'hr') > mean('T3', 'hr'),
        shown:
          ['T1', 'T2', 'T3']
            .map(
              (t) =>
                `${t} ${mean(t, 'hr').toFixed(0)}/${mean(t, 'sbp').toFixed(0)}/${mean(t, 'gcs').toFixed(1)}`,
            )
            .join(', ') + ' (HR/SBP/GCS)',
      },
      source: 'ATLS shock classes; MPTT (Vassallo 2017)',
    },
    {
      id: 'C7.2',
      metric: 'T3 in shock (SBP<90 or HR>120)',
      band: [0, 0],
      hits: t3.shock,
      n: t3.n,
      source: 'triage sieve: shock is T1',
    },
    {
      id: 'C7.3',
      metric: 'Shock at first vital signs: T1 > T2 >= T3',
      band: null,
      hits: 0,
      n: live.n,
      ordered: {
        pass: rate(t1) > rate(t2) && rate(t2) >= rate(t3),
        shown: [t1, t2, t3].map((t) => pct(rate(t))).join(' > '),
      },
      source: 'Shackelford 2017 shock definition (SBP < 90 or HR > 120)',
    },
    {
      id: 'C8',
      metric: 'DNBI headache/insomnia/cold/sprain T1 or dead',
      band: [0, 0],
      hits: trivialT1OrDead,
      n: trivial,
      source: 'issue 12 review',
    },
  ];
}
