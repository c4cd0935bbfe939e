/** Builds one patient record from its own random stream and its casualty event. */
import type { CasualtyEvent } from './casualty-plan.js';
import { bodyPartFor, drawBattleWounds, drawDisease, drawNonBattle, PROCEDURES } from './conditions.js';
import { type Course, poiKiaProbability, simulateCourse } from './course.js';
import { nationalId } from './national-id.js';
import { femaleSurname, namesFor } from './nations.js';
import { MECHANISM_WEIGHTS, TRIAGE_WEIGHTS } from './outcome-tables.js';
import { drawService } from './personnel.js';
import { Rng } from './rng.js';
import type {
  Facility,
  FinalStatus,
  InjuryType,
  Mechanism,
  Patient,
  Scenario,
  TimelineEvent,
  Treatment,
  Triage,
} from './types.js';

const INJURY_TYPES: readonly InjuryType[] = ['DISEASE', 'NON_BATTLE', 'BATTLE_TRAUMA'];
const MECHANISMS: readonly Mechanism[] = ['explosive', 'gunshot', 'other'];
const TRIAGES: readonly Triage[] = ['T1', 'T2', 'T3'];

export interface PatientContext {
  seed: string;
  scenario: Scenario;
  baseMs: number;
  extraPoiDelayHours: number;
  frontWeights: number[];
  nationWeights: number[][];
  mixWeights: number[];
}

/** Whole seconds, ISO 8601 UTC with `Z`. */
export function isoSeconds(ms: number): string {
  return `${new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

const round2 = (h: number): number => Math.round(h * 100) / 100;

export function buildPatient(ctx: PatientContext, index: number, day: number, event: CasualtyEvent): Patient {
  const rng = new Rng(ctx.seed, 'patient', index);
  const { scenario } = ctx;
  const frontIdx = rng.weightedIndex(ctx.frontWeights);
  const front = scenario.fronts[frontIdx] ?? scenario.fronts[0]!;
  const nation = front.nations[rng.weightedIndex(ctx.nationWeights[frontIdx] ?? [1])]?.code ?? 'USA';
  const male = rng.chance(nation === 'USA' || nation === 'CAN' ? 0.84 : 0.88);
  const gender = male ? 'male' : 'female';
  const names = namesFor(nation);
  const surname = rng.pick(names.surnames);
  const service = drawService(rng, nation, male, ctx.baseMs);

  const injuryType = INJURY_TYPES[rng.weightedIndex(ctx.mixWeights)] ?? 'DISEASE';
  const killed = rng.chance(poiKiaProbability(scenario, injuryType, front.id));
  const triageWeights = scenario.triage_override[injuryType] ?? TRIAGE_WEIGHTS[injuryType];
  const triageIdx = killed ? 0 : (rng.weightedIndex(triageWeights) as 0 | 1 | 2);
  let mechanism: Mechanism | undefined;
  let conditions: Patient['conditions'];
  if (injuryType === 'BATTLE_TRAUMA') {
    mechanism = MECHANISMS[rng.weightedIndex(MECHANISM_WEIGHTS[scenario.casualty_profile])] ?? 'explosive';
    conditions = drawBattleWounds(rng, mechanism);
  } else {
    conditions = injuryType === 'NON_BATTLE' ? drawNonBattle(rng) : drawDisease(rng);
  }
  const primary = conditions[0]!;
  const course = simulateCourse(rng, {
    scenario,
    injuryType,
    triage: triageIdx,
    frontId: front.id,
    killedAtPoi: killed,
    extraPoiDelayHours: ctx.extraPoiDelayHours,
  });

  const injuryMs = ctx.baseMs + day * 86_400_000 + event.second * 1000;
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
  const finalStatus: FinalStatus =
    outcome.category === 'KIA' || outcome.category === 'DOW'
      ? 'KIA'
      : outcome.category === 'RTD'
        ? 'RTD'
        : 'Remains_Role4';
  const status = outcome.category === 'EVACUATED' ? 'Role4' : outcome.category;
  const dead = finalStatus === 'KIA';
  const severity = triageIdx === 0 ? 8 : triageIdx === 1 ? rng.pick([4, 6]) : 2;
  const health = dead
    ? 0
    : finalStatus === 'RTD'
      ? rng.int(85, 100)
      : rng.int(35 + triageIdx * 15, 70 + triageIdx * 10);
  const female = femaleSurname(nation, surname);

  return {
    id: index,
    nationality: nation,
    gender,
    injury_type: injuryType,
    triage_category: TRIAGES[triageIdx] ?? 'T3',
    status,
    front: front.name,
    final_status: finalStatus,
    last_facility: last.facility,
    demographics: {
      family_name: male ? surname : female,
      given_name: rng.pick(male ? names.male : names.female),
      gender,
      birthdate: service.birthdate,
      nationality: nation,
      ...(service.religion ? { religion: service.religion } : {}),
      weight: service.weight,
      blood_type: service.bloodType,
      id_number: nationalId(rng, nation, service.birthdate, male),
    },
    age: service.age,
    rank: service.rank,
    service_branch: service.branch,
    health,
    conditions,
    primary_condition: { code: primary.code, display: primary.name },
    ...(mechanism ? { mechanism } : {}),
    severity,
    treatments: treatmentsFor(course, injuryType, triageIdx, at),
    movement_timeline: timeline,
    injury_time: injuryIso,
    injury_timestamp: injuryIso,
    scenario: event.scenario,
    event_id: event.eventId,
    mass_casualty: event.massCasualty,
    day: `Day ${day + 1}`,
    day_of_injury: day + 1,
    body_part: bodyPartFor(rng, primary.body_region),
    outcome: {
      category: outcome.category,
      facility: outcome.facility,
      hours_since_injury: round2(outcome.hours_since_injury),
      ...(outcome.time_of_death_minutes !== undefined
        ? { time_of_death_minutes: Math.round(outcome.time_of_death_minutes * 10) / 10 }
        : {}),
    },
  };
}

function treatmentsFor(
  course: Course,
  injuryType: InjuryType,
  triage: number,
  at: (h: number) => string,
): Treatment[] {
  const out: Treatment[] = [];
  const add = (facility: Facility, hours: number, [code, name]: readonly [string, string]): void => {
    out.push({ treatment: name, code, timestamp: at(hours), location: facility });
  };
  const battle = injuryType === 'BATTLE_TRAUMA';
  for (const { facility, hours } of course.visits) {
    if (facility === 'POI') {
      add(facility, hours, PROCEDURES.triage);
      if (injuryType !== 'DISEASE') add(facility, hours, PROCEDURES.woundCare);
    } else if (facility === 'Role1') {
      add(facility, hours, PROCEDURES.evaluation);
      add(facility, hours, PROCEDURES.drug);
    } else if (facility === 'Role2') {
      if (battle && triage < 2) add(facility, hours, PROCEDURES.surgery);
      if (battle && triage === 0) add(facility, hours, PROCEDURES.transfusion);
      if (!battle) add(facility, hours, PROCEDURES.evaluation);
    } else if (facility === 'Role3') {
      if (battle) add(facility, hours, PROCEDURES.ct);
      if (battle) add(facility, hours, PROCEDURES.debridement);
      if (triage === 0) add(facility, hours, PROCEDURES.icu);
      if (injuryType === 'DISEASE') add(facility, hours, PROCEDURES.antibiotics);
    } else {
      add(facility, hours, PROCEDURES.rehab);
    }
  }
  return out;
}
