/**
 * Builds one patient record from its own random stream and its casualty event. Battle casualties (and
 * the serious non-battle injuries: vehicle crashes, falls) get injuries from the mechanism; everything
 * else on the card follows from them (see course.ts).
 */
import { type BattleEventKind, MASS_CASUALTY_MIN, mechanismAt, mechanismWeights } from './battle-events.js';
import type { Slot } from './day-plan.js';
import {
  bodyPartFor,
  type DnbiCase,
  type DnbiTables,
  drawDnbi,
  drawOutbreak,
  SHOCK_CONCEPTS,
} from './conditions.js';
import { type Course, simulateCourse, type WaterExposure } from './course.js';
import { drawInjuries, type Injury, TIER_WEIGHTS, toCondition } from './injuries.js';
import { drawMedicalHistory, historyWithPresentation } from './medical-history.js';
import { nationalId } from './national-id.js';
import { femaleSurname, namesFor } from './nations.js';
import { drawService, RELIGION_DISPLAY } from './personnel.js';
import { womanProbability } from './sex-ratio.js';
import { type ClinicalProfile, clinicalProfile, NEUROGENIC_SHOCK_P, SHOCK_LOSS } from './physiology.js';
import { Rng } from './rng.js';
import { drawChemical, drawRadiation } from './cbrn.js';
import { type CareItem, careItems } from './treatments.js';
import { evacuationDelayHours } from './warfare.js';
import { drawBranch, drawUnit, frontDomain } from './units.js';
import { inStruckUnit, ofStruckNation, placeOf, struckUnit } from './event-unit.js';
import type {
  Condition,
  FinalStatus,
  FinalStatusDetail,
  InjuryType,
  Mechanism,
  NatoTriage,
  Outcome,
  Patient,
  Scenario,
  TimelineEvent,
  Treatment,
  Triage,
  VitalSigns,
} from './types.js';

/** Casualties of a chemical release who are poisoned or blistered rather than hit by the munition. */
const CHEMICAL_EXPOSED_P = 0.85;
/** Casualties of a radiological release who are irradiated or contaminated rather than hit by the blast. */
const RADIATION_EXPOSED_P = 0.8;
const IMMERSION_P = 1 / 3;
const IMMERSION: Condition = {
  code: '386689009',
  name: 'Hypothermia',
  body_region: 'Systemic',
  qualifier: 'immersion in cold water',
};
/** Of those pulled from the water, the share who inhaled it (judgement; sources in the docs). */
const SUBMERSION_P = 0.25;
const SUBMERSION: Condition = {
  code: '40947009',
  name: 'Drowning',
  body_region: 'Thorax',
  qualifier: 'non-fatal submersion: water aspirated before rescue',
};
const drawWater = (rng: Rng): WaterExposure =>
  rng.chance(IMMERSION_P) ? (rng.chance(SUBMERSION_P) ? 'submersion' : 'immersion') : 'none';

/** Share of non-battle injuries that are real trauma (vehicle crashes, falls; Hauret 2010). */
const NBI_TRAUMA_P = 0.08;
/** Vehicle crashes among that trauma: vehicles 12–16 % against falls 18 % of evacuated NBI (Hauret 2010). */
const ROAD_TRAFFIC_P = 0.44;
const LSCO_TIER_FACTOR = [1, 1, 1.2, 1.4, 1.5];

export interface PatientContext {
  seed: string;
  scenario: Scenario;
  baseMs: number;
  nationWeights: number[][];
  /** DNBI weights for the scenario's environment and season. */
  dnbiTables: DnbiTables;
  /** Exposure-tier weights per mechanism, after any battle-injury triage override. */
  tierWeights: Record<Mechanism | 'nbi', readonly number[]>;
}

/**
 * A preset's battle-injury triage override (T1/T2/T3 weights) scales the exposure tiers against the
 * default 20/25/55 mix: more T1 means more serious and critical injuries, not relabelled ones.
 */
/**
 * ATLS classes of haemorrhage by the share of blood volume lost. Only from class III, where blood is
 * needed, is it called major: a class II bleed of 15–30 % is not (JTS CPG Damage Control Resuscitation).
 */
function haemorrhageClass(loss: number): string {
  if (loss >= 0.4) return 'major haemorrhage, class IV: over 40 % of blood volume lost';
  if (loss >= 0.3) return 'major haemorrhage, class III: 30–40 % of blood volume lost';
  return 'class II haemorrhage: 15–30 % of blood volume lost';
}

export function tierWeightsFor(scenario: Scenario): PatientContext['tierWeights'] {
  const o = scenario.triage_override.BATTLE_TRAUMA;
  // LSCO: artillery, drones and thermobaric weapons wound more severely (assumption; WWII/Vietnam CFR
  // of 15–20 % as the analogue, Holcomb 2006).
  const k = scenario.casualty_profile === 'lsco' ? LSCO_TIER_FACTOR : [1, 1, 1, 1, 1];
  const f = o ? [o[2] / 0.55, o[1] / 0.25, o[0] / 0.2, o[0] / 0.2, 1] : [1, 1, 1, 1, 1];
  const scale = (w: readonly number[]): number[] => w.map((x, i) => x * (f[i] ?? 1) * (k[i] ?? 1));
  return {
    explosive: scale(TIER_WEIGHTS.explosive),
    gunshot: scale(TIER_WEIGHTS.gunshot),
    other: scale(TIER_WEIGHTS.other),
    nbi: TIER_WEIGHTS.nbi,
  };
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/** `YYYY-MM-DDT` for a day number since 1970-01-01 (cached: a scenario spans few days). */
function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `${new Date(day * 86_400_000).toISOString().slice(0, 10)}T`;
    if (dayPrefixes.size > 4096) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

/**
 * Whole seconds, ISO 8601 UTC with `Z`. Same result as `new Date(ms).toISOString()` rounded to the
 * second, without building a Date per timestamp (a patient has dozens of timestamps).
 */
export function isoSeconds(ms: number): string {
  const secs = Math.round(ms / 1000);
  const day = Math.floor(secs / 86_400);
  const rem = secs - day * 86_400;
  const h = Math.floor(rem / 3600);
  const m = Math.floor((rem % 3600) / 60);
  return `${dayPrefix(day)}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[rem % 60]}Z`;
}

const round2 = (h: number): number => Math.round(h * 100) / 100;

/** The viewer's T1–T3 field: expectant and dead are shown in the most urgent colour (see docs). */
const VIEWER_TRIAGE: Record<NatoTriage, Triage> = { T1: 'T1', T2: 'T2', T3: 'T3', T4: 'T1', DEAD: 'T1' };

/** Severity on the original 1–9 scale, from ISS (injuries) or triage (illness). */
function severityOf(iss: number, triage: NatoTriage, trauma: boolean): number {
  if (!trauma) return triage === 'T1' ? 8 : triage === 'T2' ? 4 : iss > 0 ? 2 : 1;
  if (iss >= 50) return 9;
  if (iss >= 25) return 8;
  if (iss >= 16) return 6;
  if (iss >= 9) return 4;
  if (iss >= 4) return 2;
  return 1;
}

function treatmentsOf(items: readonly CareItem[], at: (hours: number) => string): Treatment[] {
  const out: Treatment[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    const t: Treatment = {
      treatment: c.concept[1],
      code: c.concept[0],
      timestamp: at(c.hours),
      location: c.facility,
      hours_since_injury: round2(c.hours),
    };
    if (c.minutes !== undefined) t.duration_minutes = c.minutes;
    if (c.detail) t.detail = c.detail;
    out[i] = t;
  }
  return out;
}

function vitalSignsOf(records: Course['vitals'], at: (hours: number) => string): VitalSigns[] {
  const out: VitalSigns[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const { facility, hours, v } = records[i]!;
    out[i] = {
      timestamp: at(hours),
      facility,
      hours_since_injury: round2(hours),
      heart_rate: v.heart_rate,
      systolic_bp: v.systolic_bp,
      respiratory_rate: v.respiratory_rate,
      spo2: v.spo2,
      gcs: v.gcs,
      temperature: v.temperature,
    };
  }
  return out;
}

/** The profile of no injury, the base of every illness's profile: computed once, never mutated. */
const NO_INJURY_PROFILE = clinicalProfile([], 1);

function dnbiProfile(c: DnbiCase): ClinicalProfile {
  const ais = c.ais;
  return {
    ...NO_INJURY_PROFILE,
    iss: ais * ais,
    niss: ais * ais,
    maxAis: ais,
    maxAisOutsideBrain: ais,
    limbFracture: c.rtd === 'none' && ais >= 2,
    rtd: c.rtd,
  };
}

/** KIA and DOW are deaths from hostile action; a death from disease or non-battle injury is neither. */
function outcomeCategory(category: Outcome['category'], injuryType: InjuryType): Outcome['category'] {
  const dead = category === 'KIA' || category === 'DOW';
  return dead && injuryType !== 'BATTLE_TRAUMA' ? 'NON_BATTLE_DEATH' : category;
}

/** Mass-casualty overload, 0 to 1: a strike of 50 or more swamps the chain (judgement). */
const overloadOf = (size: number): number => (size < MASS_CASUALTY_MIN ? 0 : Math.min(1, size / 50));

export function buildPatient(ctx: PatientContext, index: number, day: number, slot: Slot): Patient {
  const rng = new Rng(ctx.seed, 'patient', index);
  const { scenario } = ctx;
  const { event } = slot;
  const frontIdx = event.front;
  const front = scenario.fronts[frontIdx] ?? scenario.fronts[0]!;
  const nationWeights = ctx.nationWeights[frontIdx] ?? [1];
  const drawnNation = front.nations[rng.weightedIndex(nationWeights)]?.code ?? 'USA';
  const injuryType = event.injuryType;
  const domain = frontDomain(front, scenario);
  // Most of a battle event's casualties come from the unit it struck (event-unit.ts), from streams of
  // their own so that neither the clinical nor the personal draws move.
  const struck = struckUnit(ctx.seed, event, domain, front.nations, nationWeights);
  const membership = struck ? new Rng(ctx.seed, 'unit member', index).next() : 1;
  const nation = struck && ofStruckNation(event, membership) ? struck.nation : drawnNation;
  // Who the casualty is comes from a stream of its own, so the clinical draws never depend on it.
  const person = new Rng(ctx.seed, 'person', index);
  const male = !person.chance(womanProbability(nation, injuryType));
  const gender = male ? 'male' : 'female';
  const names = namesFor(nation);
  const surname = person.pick(names.surnames);
  const member = struck !== undefined && inStruckUnit(event, struck, male, membership);
  const drawnBranch = drawBranch(person, domain, nation);
  const branch = member ? struck.branch : drawnBranch;
  const service = drawService(person, nation, male, ctx.baseMs + day * 86_400_000, branch);
  const drawnUnit = drawUnit(person, branch, male, nation, placeOf(event.kind, domain));
  const unit = member ? struck.unit : drawnUnit;
  const drawnHistory = drawMedicalHistory(new Rng(ctx.seed, 'history', index), service.age);

  let mechanism: Mechanism | undefined;
  let injuries: Injury[] | undefined;
  let dnbi: DnbiCase | undefined;
  let eventType: string = event.kind;
  if (event.kind === 'chemical_release' && rng.chance(CHEMICAL_EXPOSED_P)) {
    dnbi = drawChemical(rng);
  } else if (event.kind === 'radiological_release' && rng.chance(RADIATION_EXPOSED_P)) {
    dnbi = drawRadiation(rng);
  } else if (injuryType === 'BATTLE_TRAUMA') {
    const lsco = scenario.casualty_profile === 'lsco';
    mechanism = mechanismAt(rng.weightedIndex(mechanismWeights(event.kind as BattleEventKind, lsco)));
    injuries = drawInjuries(rng, mechanism, rng.weightedIndex(ctx.tierWeights[mechanism]));
  } else if (injuryType === 'NON_BATTLE' && rng.chance(NBI_TRAUMA_P)) {
    injuries = drawInjuries(rng, 'nbi', rng.weightedIndex(ctx.tierWeights.nbi));
    // Its own stream, so that naming the cause moves no other draw. The rest of this trauma is falls
    // (Hauret 2010), brought in when they happen rather than seen at sick call.
    eventType = new Rng(ctx.seed, 'cause', index).chance(ROAD_TRAFFIC_P) ? 'road_traffic_accident' : 'fall';
  } else if (event.kind === 'outbreak') {
    dnbi = drawOutbreak(rng, ctx.dnbiTables);
  } else {
    dnbi = drawDnbi(rng, ctx.dnbiTables, injuryType === 'DISEASE', day);
  }
  const history = dnbi
    ? historyWithPresentation(
        () => new Rng(ctx.seed, 'presentation', index),
        drawnHistory,
        dnbi.condition.code,
      )
    : drawnHistory;
  const profile = injuries
    ? clinicalProfile(injuries, rng.lognormal(1, 0.35), {
        mechanism: mechanism ?? 'nbi',
        // Its own stream, so that the cord's shock moves no other draw.
        neurogenicShock:
          injuries.some((i) => i.concept.spinal && i.concept.region === 'Head/Neck') &&
          new Rng(ctx.seed, 'neurogenic', index).chance(NEUROGENIC_SHOCK_P),
      })
    : dnbiProfile(dnbi!);
  // Blast and fire at sea put sailors in the water (judgement: a third of the blunt and burn casualties),
  // and some of them inhale it. Its own stream, so that the water moves no other draw.
  const water: WaterExposure =
    front.domain === 'naval' && mechanism === 'other' ? drawWater(new Rng(ctx.seed, 'water', index)) : 'none';
  const course = simulateCourse(rng, {
    scenario,
    frontId: front.id,
    profile,
    dnbi,
    lethalCapable: injuries !== undefined || (dnbi?.effect.lethal ?? 0) > 0,
    massCasualty: event.massCasualty,
    evacuationDelayHours:
      dnbi && !dnbi.care
        ? 0
        : evacuationDelayHours(scenario.environmental_conditions, Math.floor(slot.second / 3600), () =>
            rng.next(),
          ),
    overload: overloadOf(event.size),
    water,
  });

  const conditions: Condition[] = injuries
    ? injuries.map(toCondition)
    : [dnbi!.condition, ...(dnbi!.findings ?? [])];
  if (water !== 'none') conditions.push({ ...IMMERSION });
  if (water === 'submersion') conditions.push({ ...SUBMERSION });
  if (course.maxLoss >= 0.15)
    conditions.push({ ...SHOCK_CONCEPTS.bleeding, qualifier: haemorrhageClass(course.maxLoss) });
  const bled = course.maxLoss >= SHOCK_LOSS;
  if (bled || profile.neurogenicShock)
    conditions.push({
      ...(profile.neurogenicShock
        ? bled
          ? SHOCK_CONCEPTS.bothShocks
          : SHOCK_CONCEPTS.neurogenicShock
        : SHOCK_CONCEPTS.shock),
    });
  const primary = conditions[0]!;

  const injuryMs = ctx.baseMs + day * 86_400_000 + slot.second * 1000;
  const injuryIso = isoSeconds(injuryMs);
  const at = (hours: number): string => isoSeconds(injuryMs + hours * 3_600_000);
  const timeline = course.events.map((e): TimelineEvent => {
    const out: TimelineEvent = {
      event_type: e.type,
      facility: e.facility,
      timestamp: at(e.hours),
      hours_since_injury: round2(e.hours),
    };
    if (e.type === 'evacuation_start') out.evacuation_duration_hours = round2(e.duration ?? 0);
    if (e.type === 'transit_start') {
      out.to_facility = e.to;
      out.transit_duration_hours = round2(e.duration ?? 0);
    }
    if (e.type === 'kia') out.kia_timing = e.timing;
    if (e.type === 'rtd') out.rtd_timing = e.timing;
    return out;
  });
  const last = course.events[course.events.length - 1]!;
  const outcome = course.outcome;
  const category = outcomeCategory(outcome.category, injuryType);
  const detail: FinalStatusDetail = category === 'EVACUATED' ? 'Remains_Role4' : category;
  const dead = detail === 'KIA' || detail === 'DOW' || detail === 'NON_BATTLE_DEATH';
  // The viewer knows one death value, KIA; `status` keeps the original service's values (KIA, DOW), so
  // only the fields of our own (final_status_detail, outcome.category) can name a non-battle death.
  const finalStatus: FinalStatus = dead ? 'KIA' : detail === 'RTD' ? 'RTD' : 'Remains_Role4';
  const status = outcome.category === 'EVACUATED' ? 'Role4' : outcome.category;
  const health = dead
    ? 0
    : finalStatus === 'RTD'
      ? rng.int(85, 100)
      : Math.max(10, Math.min(95, 90 - profile.iss * 1.5 - rng.int(0, 10)));
  const familyName = male ? surname : femaleSurname(nation, surname);
  const givenName = person.pick(male ? names.male : names.female);
  const idNumber = nationalId(person, nation, {
    birthdate: service.birthdate,
    male,
    surname: familyName,
    given: givenName,
  });

  return {
    id: index,
    nationality: nation,
    gender,
    injury_type: injuryType,
    triage_category: VIEWER_TRIAGE[course.triage],
    nato_triage: course.triage,
    status,
    front: front.name,
    final_status: finalStatus,
    final_status_detail: detail,
    last_facility: last.facility,
    demographics: {
      family_name: familyName,
      given_name: givenName,
      gender,
      birthdate: service.birthdate,
      nationality: nation,
      religion: service.religion || undefined,
      religion_display: service.religion
        ? (RELIGION_DISPLAY[service.religion] ?? service.religion)
        : undefined,
      weight: service.weight,
      blood_type: service.bloodType,
      id_number: idNumber,
    },
    age: service.age,
    rank: `${service.rank.title} (${service.rank.code})`,
    rank_code: service.rank.code,
    service_branch: branch,
    unit,
    health,
    conditions,
    allergies: history.allergies,
    comorbidities: history.comorbidities,
    medications: history.medications,
    primary_condition: { code: primary.code, display: primary.name },
    mechanism,
    severity: severityOf(profile.iss, course.triage, injuries !== undefined),
    injury_severity_score: profile.iss,
    new_injury_severity_score: profile.niss,
    treatments: treatmentsOf(careItems(profile, course, dnbi, history, service.weight, !male), at),
    vital_signs: vitalSignsOf(course.vitals, at),
    cause_of_death: course.causeOfDeath || undefined,
    movement_timeline: timeline,
    injury_time: injuryIso,
    injury_timestamp: injuryIso,
    scenario: event.scenario,
    event_id: event.eventId,
    event_type: eventType,
    event_size: event.size,
    mass_casualty: event.massCasualty,
    day: `Day ${day + 1}`,
    day_of_injury: day + 1,
    body_part: bodyPartFor(rng, primary.body_region),
    outcome: {
      category,
      facility: outcome.facility,
      hours_since_injury: round2(outcome.hours_since_injury),
      time_of_death_minutes:
        outcome.time_of_death_minutes === undefined
          ? undefined
          : Math.round(outcome.time_of_death_minutes * 10) / 10,
    },
  };
}
