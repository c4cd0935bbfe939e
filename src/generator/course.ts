/**
 * One casualty's course from the point of injury to the end of the chain, in hours since injury. The
 * injuries decide the field triage (from the vital signs they cause), the evacuation priority and
 * destination, the care given and when, and therefore whether and when the casualty dies: bleeding
 * until it is controlled, an untreated tension pneumothorax or airway, or a later death in hospital
 * whose risk rises with ISS, shock and delay to surgery. A scenario that configures facility rates
 * replaces the death model with those rates (applied to casualties whose condition can kill).
 */
import { isNerveAgent, isRadiation, lateDeathHours, nerveAgentVitals, radiationVitals } from './cbrn.js';
import type { DnbiCase } from './conditions.js';
import { operatingHours } from './damage-control.js';
import { periArrestChartAt, resuscitatedAtDeath } from './death-care.js';
import {
  HOSPITAL_PNEUMONIA,
  lastChartMinutesBefore,
  ORGAN_FAILURE_AFTER_HAEMORRHAGE,
} from './complication-care.js';
import { CONCUSSION_REST_HOURS } from './dnbi-catalog.js';
import { bloodLossAt, type CareTimes, exsanguinationTime, lateDeathProbability } from './haemorrhage.js';
import { kiaMinutes, type Lognormal, TIMES } from './outcome-tables.js';
import {
  CONCUSSION_CLEARS_HOURS,
  canWalk,
  type ClinicalProfile,
  inShock,
  intubatedOnArrival,
  MAJOR_BURN_TBSA,
  MAJOR_LIMB_BLEED,
  type RtdLevel,
  SHOCK_LOSS,
  sieveImmediate,
  triageSort,
  type Vitals,
  vitalsAt,
} from './physiology.js';
import type { Rng } from './rng.js';
import type { Facility, FacilityRate, NatoTriage, Outcome, Scenario, TimelineEventType } from './types.js';

export interface CourseEvent {
  type: TimelineEventType;
  facility: Facility;
  hours: number;
  duration?: number;
  to?: Facility;
  timing?: string;
}

export interface Stay {
  facility: Facility;
  arrive: number;
  leave: number;
  end?: 'rtd' | 'remains';
}

export interface Course {
  events: CourseEvent[];
  outcome: Outcome;
  /** Arrival hour at each facility reached alive. */
  visits: { facility: Facility; hours: number }[];
  /** The card's category: the field triage, or DEAD for one killed before reaching care. */
  triage: NatoTriage;
  /** The category the first medic gave at contact, kept for one who then died in the field. */
  fieldTriage: NatoTriage;
  /**
   * The category the triage sieve gives the casualty's state at contact: what the first facility's
   * re-triage finds where the medic over- or under-triaged (fieldTriageError).
   */
  sortedTriage: NatoTriage;
  vitals: { facility: Facility; hours: number; v: Vitals }[];
  stays: Stay[];
  care: CareTimes;
  contact: number;
  /** When the casualty is carried away from the point of injury. */
  poiLeave: number;
  water: WaterExposure;
  death: number;
  causeOfDeath?: string;
  /** Hours from injury to the start of surgery, if the casualty had an operation. */
  surgery: number;
  /** Interventions done in the field (hours), Infinity when not done. */
  field: {
    tourniquet: number;
    dressing: number;
    needle: number;
    /** When the airway was opened: by the basic manoeuvres, else by a cricothyroidotomy that worked. */
    airway: number;
    /** When a surgical cricothyroidotomy was tried, after the basic manoeuvres failed. */
    cric: number;
    pelvicBinder: number;
    /** When the medic's hands leave the massive bleed, tied off, packed or pressed: the rest of MARCH follows. */
    handsFree: number;
  };
  maxLoss: number;
  /** An expectant casualty never upgraded at a re-triage: comfort care only, to the end. */
  comfortOnly: boolean;
  /** The surgeons ration their theatre time, and every laparotomy is damage control (rationsTheatre). */
  theatreRationed: boolean;
}

export interface CourseInput {
  scenario: Scenario;
  frontId: string;
  profile: ClinicalProfile;
  /** Disease or minor non-battle injury; undefined for trauma (battle or serious non-battle). */
  dnbi?: DnbiCase;
  lethalCapable: boolean;
  massCasualty: boolean;
  /** Hours added before leaving the point of injury: weather, terrain, darkness. */
  evacuationDelayHours: number;
  /**
   * 0 normally; up to 1 when a mass-casualty event swamps the evacuation assets and the surgeons: waits
   * and transits stretch, fewer T1 are flown forward, the operating theatre queues.
   */
  overload: number;
  /** In the water after a strike at sea: cold (immersion), and water inhaled too (submersion). */
  water?: WaterExposure;
}

export type WaterExposure = 'none' | 'immersion' | 'submersion';

const INF = Number.POSITIVE_INFINITY;
const MIN = 1 / 60;
const RTD_CUTOFF_HOURS = 71.5;
/** Hours from arrival at the first facility to the endotracheal tube (treatments.ts). */
export const INTUBATION_DELAY = 6 / 60;
/**
 * A surgical cricothyroidotomy in the field opens the airway two times in three: about a third of those
 * done by medics in Iraq and Afghanistan failed (Mabry, J Spec Oper Med 2012;12(1):17).
 */
const CRIC_SUCCESS = 2 / 3;
/** Hours from arrival at the first facility to the tube of a severe nerve-agent casualty, after the atropine. */
const NERVE_AGENT_TUBE_HOURS = 35 / 60;

/**
 * When a severe nerve-agent casualty is intubated: 35 min after reaching the first facility, or just before
 * leaving it if the stay is shorter. The chart (course.ts) and the card (treatments.ts) both read it.
 */
export function nerveAgentTubeAt(stays: readonly Stay[]): number {
  const first = stays[0];
  return first ? withinStay(first, first.arrive + NERVE_AGENT_TUBE_HOURS) : INF;
}

/**
 * The hour care planned for `hours` is given at a stay: a short stay (a T1 rushed on to surgery) fits it in
 * a minute before the casualty leaves. A stay without a finite departure keeps the plan.
 */
export function withinStay(stay: Stay, hours: number): number {
  return stay.leave > stay.arrive && Number.isFinite(stay.leave)
    ? Math.min(hours, Math.max(stay.arrive, stay.leave - MIN))
    : hours;
}
/** Hours from arrival at the first facility to a junctional tourniquet or balloon tamponade. */
export const JUNCTIONAL_TAMPONADE_DELAY = 5 / 60;
/**
 * A back, neck or joint, or a mind, that will not let the soldier serve is not flown home from its first
 * sick call: it is treated in theatre first, and referred on for the flight only when it has not settled.
 * - Musculoskeletal: light duties, analgesia, the physiotherapist's graded exercise for 7–14 days. Most
 *   acute back pain eases within weeks (NICE CKS, low back pain without radiculopathy).
 * - Psychiatric (anxiety, depression, an adjustment disorder, insomnia): restoration with the combat and
 *   operational stress control team close to the unit for 3–10 days, with the expectation of return to
 *   duty (FM 4-02.51, Combat and Operational Stress Control, 2006: restoration, then reconditioning, in
 *   theatre before evacuation). A risk to self, alcohol dependence or PTSD goes at once (catalogue RTD
 *   level `none`, not a drawn evacuation).
 * A patient not expected fit within the theatre's evacuation policy is then evacuated (AJP-4.10). The days
 * are judgement.
 */
export const triedInTheatre = (dnbi: DnbiCase): boolean =>
  dnbi.evacuatedByPolicy === true &&
  dnbi.triage === 'T3' &&
  (dnbi.category === 'musculoskeletal' || dnbi.category === 'psychiatric');
const TRIAL_OF_TREATMENT_DAYS = { musculoskeletal: [7, 14], psychiatric: [3, 10] } as const;
const trialOfTreatmentHours = (rng: Rng, dnbi: DnbiCase): number => {
  const [from, to] =
    TRIAL_OF_TREATMENT_DAYS[dnbi.category === 'psychiatric' ? 'psychiatric' : 'musculoskeletal'];
  return rng.uniform(from * 24, to * 24);
};
/**
 * The share of blood volume lost by Role 2 from which blood is given: a fifth, or 15 % (class II) after
 * an amputation or a cut artery, which go on to need a massive transfusion even with the tourniquet on,
 * or with bleeding inside the trunk or pelvis that no one can press on (JTS CPG Damage Control
 * Resuscitation: amputation, vascular injury and penetrating torso injury predict it). The thresholds
 * are judgement.
 */
const transfusedFrom = (p: ClinicalProfile): number =>
  p.amputation || p.vascular || p.bleed.torso + p.bleed.pelvic > 0 ? 0.15 : 0.2;
/** A casualty flown to Role 4 is followed for three days there; a death after that is not recorded. */
const ROLE4_RECORD_HOURS = 72;
/**
 * A brain injury that needs the neurosurgeon and the CT of Role 3 (AJP-4.10) is moved on from Role 2 by
 * its evacuation precedence (ATP 4-02.2, STANAG 3204): a severe one as urgent (within 1 h of the request),
 * a moderate one as priority (within 4 h), each after an hour to resuscitate and secure the airway
 * (judgement). Where evacuation assets are scarce (the LSCO profile) the drawn wait stands.
 */
function neurosurgicalTransferBy(p: ClinicalProfile): number {
  if (p.tbi === 3) return RESUSCITATION_BEFORE_TRANSFER + URGENT_PRECEDENCE_HOURS;
  if (p.tbi === 2) return RESUSCITATION_BEFORE_TRANSFER + PRIORITY_PRECEDENCE_HOURS;
  return Number.POSITIVE_INFINITY;
}
const RESUSCITATION_BEFORE_TRANSFER = 1;
const URGENT_PRECEDENCE_HOURS = 1;
const PRIORITY_PRECEDENCE_HOURS = 4;
/**
 * TCCC gives TXA as soon as possible and within 3 h: on arrival at the first facility when it is near, by
 * the medic in the field, after the bleeding and the airway, when the casualty will wait there more than an
 * hour (the hour and the 15 min are judgement).
 */
const FIELD_TXA_WAIT = 1;
const FIELD_TXA_DELAY = 15 * MIN;
/** TCCC: the pelvic binder goes on after the bleeding and the airway are seen to, minutes after contact. */
const PELVIC_BINDER_DELAY = 6 * MIN;
/** Tourniquet applied in the field to a life-threatening limb bleed (Kragh 2011: most prehospital). */
const TOURNIQUET_P = 0.9;
/** Field triage against the receiving surgeons: 17 % over-, 6 % under-triage (Plackett 2016). */
const OVER_TRIAGE = 0.17;
const UNDER_TRIAGE = 0.06;

const draw = (rng: Rng, [median, sigma]: Lognormal): number => rng.lognormal(median, sigma);

/** Complaints that neither rest nor watching helps: seen at sick call and back to work the same morning. */
const SAME_DAY_CATEGORIES: ReadonlySet<string> = new Set(['skin', 'dental', 'eye', 'medical', 'respiratory']);

/**
 * A minor complaint at sick call (athlete's foot, a toothache, a headache): triaged minimal, with no fever
 * or other change in the vital signs and no set rest or exclusion. It goes back to duty within hours, not
 * after the half day a patient who needs rest is held (judgement, on how sick call runs).
 */
const minorComplaint = (dnbi: DnbiCase | undefined): boolean =>
  dnbi !== undefined &&
  dnbi.triage === 'T3' &&
  dnbi.care === undefined &&
  !dnbi.effect.rtdAfter &&
  SAME_DAY_CATEGORIES.has(dnbi.category ?? '') &&
  [dnbi.effect.hr, dnbi.effect.temp, dnbi.effect.spo2, dnbi.effect.rr].every((x) => !x);

/** Hours from sick call back to duty: `drawn` (the half day a patient needing rest is held), or a minor complaint's few. */
const heldForDuty = (drawn: number, dnbi: DnbiCase | undefined): number =>
  minorComplaint(dnbi) ? Math.min(4, drawn / 8) : drawn;

/** A failed attempt on a massive bleed (direct pressure only, field-care.ts) starts this soon after contact. */
export const FAILED_BLEED_CONTROL = 0.5 * MIN;

/**
 * The minute after the medic has dealt with the massive bleed: a tourniquet, packing started, or direct
 * pressure where neither was done. The contact itself when nothing bleeds massively.
 */
function massiveBleedDone(
  p: ClinicalProfile,
  majorLimbBleed: boolean,
  contact: number,
  tourniquet: number,
  packing: number,
): number {
  const starts: number[] = [];
  if (majorLimbBleed) starts.push(Number.isFinite(tourniquet) ? tourniquet : contact + FAILED_BLEED_CONTROL);
  if (p.bleed.junctional > 0)
    starts.push(Number.isFinite(packing) ? packing : contact + FAILED_BLEED_CONTROL);
  return starts.length === 0 ? contact : Math.max(...starts) + MIN;
}

/** The configured rate for a role: the patient's front first, then a front-less entry, else the mean. */
export function configuredRate(
  rates: readonly FacilityRate[],
  role: Facility,
  frontId: string,
): FacilityRate | undefined {
  const forRole = rates.filter((r) => r.role === role);
  if (forRole.length === 0) return undefined;
  const exact = forRole.find((r) => r.front_id === frontId) ?? forRole.find((r) => r.front_id === null);
  if (exact) return exact;
  const n = forRole.length;
  return {
    role,
    front_id: null,
    kia_rate: forRole.reduce((a, r) => a + r.kia_rate, 0) / n,
    rtd_rate: forRole.reduce((a, r) => a + r.rtd_rate, 0) / n,
  };
}

/**
 * The medic's category against the one the receiving surgeons find. Under-triage is of injuries the sieve
 * cannot see: a casualty with the sieve's own signs of an immediate one stays immediate, and one who
 * cannot walk is never "walking wounded".
 */
function fieldTriageError(rng: Rng, t: NatoTriage, p: ClinicalProfile, v: Vitals): NatoTriage {
  const u = rng.next();
  if (t === 'T4' || t === 'DEAD') return t;
  if (u < OVER_TRIAGE) return t === 'T3' ? 'T2' : 'T1';
  if (u < OVER_TRIAGE + UNDER_TRIAGE) {
    if (t === 'T1' && sieveImmediate(v)) return t;
    const lower = t === 'T1' ? 'T2' : 'T3';
    return lower === 'T3' && !canWalk(p, v) ? t : lower;
  }
  return t;
}

/** The row of an outcome table's `ByTriage` (T1, then T2 and the expectant, then T3). */
const triageIndex = (t: NatoTriage): 0 | 1 | 2 => (t === 'T1' ? 0 : t === 'T3' ? 2 : 1);

const canRtdAt = (role: Facility, level: RtdLevel): boolean =>
  (level === 'role1' && (role === 'Role1' || role === 'Role2')) ||
  (level === 'role2' && role === 'Role2') ||
  (level === 'role3' && role === 'Role3');

/** Hours after damage-control surgery by which intensive care has replaced the blood lost (judgement). */
const RESTORED_AFTER_SURGERY = 12;
/** Hours in care after which a casualty's observations settle, and only measurement and day-to-day variation moves them. */
const SETTLED_IN_CARE = 6;

/**
 * Two charts of a settled casualty days apart are never the same five numbers: each measurement varies by a
 * few beats, millimetres and breaths (judgement, the size of repeat-measurement variation in a resting adult).
 * Drawn from a hash of the casualty's jitter and the minute of the chart, not from the generator's stream,
 * so no other draw moves.
 */
function wobble(v: Vitals, jitter: number, hours: number, ventilated: boolean): void {
  let h = Math.imul(Math.floor((jitter + 1) * 0x3fffffff) ^ Math.round(hours * 60), 0x9e3779b1);
  const next = (): number => {
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) / 0x100000000 - 0.5;
  };
  v.heart_rate = Math.round(v.heart_rate + next() * 8);
  v.systolic_bp = Math.round(v.systolic_bp + next() * 10);
  if (!ventilated) v.respiratory_rate = Math.max(8, Math.round(v.respiratory_rate + next() * 2));
  v.temperature = Math.round((v.temperature + next() * 0.3) * 10) / 10;
}

export function simulateCourse(rng: Rng, input: CourseInput): Course {
  const { scenario, profile: p, dnbi } = input;
  const times = TIMES[scenario.casualty_profile];
  const configured = scenario.facility_rates.length > 0;
  const trauma = dnbi === undefined;
  const jitter = rng.uniform(-1, 1);
  const contact = trauma ? rng.uniform(2, 12) * MIN : 0;

  const majorLimbBleed = p.bleed.limb >= MAJOR_LIMB_BLEED;
  // TCCC's MARCH: the massive bleed first, within a couple of minutes of reaching the casualty.
  const tourniquet = majorLimbBleed && rng.chance(TOURNIQUET_P) ? contact + rng.uniform(0, 2) * MIN : INF;
  const packing = p.bleed.junctional > 0 && rng.chance(0.8) ? contact + rng.uniform(0, 3) * MIN : INF;
  const handsFree = massiveBleedDone(p, majorLimbBleed, contact, tourniquet, packing);
  // MARCH: the airway straight after the massive bleed, before dressings and seals (field-care.ts). One
  // in five is not opened by the basic manoeuvres (Eastridge 2012: airway obstruction among the potentially
  // survivable deaths), and TCCC then calls for a surgical cricothyroidotomy.
  const basicAirway = p.airwayRisk && rng.chance(0.8) ? handsFree + rng.uniform(0.5, 1.5) * MIN : INF;
  const cric = p.airwayRisk && basicAirway === INF ? handsFree + rng.uniform(3, 6) * MIN : INF;
  const field = {
    tourniquet,
    dressing: packing,
    needle: p.tension && rng.chance(0.6) ? handsFree + rng.uniform(3, 12) * MIN : INF,
    airway: basicAirway,
    cric,
    pelvicBinder: p.pelvicFracture ? handsFree + PELVIC_BINDER_DELAY : INF,
    handsFree,
  };
  if (cric < INF && rng.chance(CRIC_SUCCESS)) field.airway = cric;
  const care: CareTimes = {
    // The field dressing every open wound gets (treatments.ts) stops a slow limb bleed.
    limbControl: majorLimbBleed || p.bleed.limb === 0 ? field.tourniquet : contact + 3 * MIN,
    dressing: field.dressing,
    pelvicBinder: field.pelvicBinder,
    junctionalControl: INF,
    junctionalTamponade: INF,
    surgery: INF,
    torsoSelfLimit: rng.uniform(0.5, 3),
    txa: INF,
    blood: INF,
  };

  // Deaths that no field care prevents (AIS 6, critical brain injury).
  let death = INF;
  let cause: string | undefined;
  const kill = (at: number, why: string): void => {
    if (at < death) {
      death = at;
      cause = why;
    }
  };
  if (trauma && !configured) {
    if (p.maxAis >= 6) kill(rng.chance(0.9) ? 0 : rng.uniform(1, 30) * MIN, 'Unsurvivable injury');
    else if (p.tbi === 3 && p.maxAis >= 5 && rng.chance(0.5))
      kill(rng.chance(0.6) ? 0 : rng.uniform(2, 60) * MIN, 'Traumatic brain injury');
  }
  const poiRate = configured ? configuredRate(scenario.facility_rates, 'POI', input.frontId) : undefined;
  if (poiRate && trauma && rng.chance(poiRate.kia_rate)) {
    kill(kiaMinutes(rng.next(), rng.next()) / 60, 'Killed in action');
  }

  // A severe nerve-agent casualty's tube, once the route is known (nerveAgentTubeAt).
  let tubeAt = INF;
  // Set once the death is known: an expectant casualty who is never upgraded (below).
  let comfortOnly = false;
  const vitalsNow = (hours: number, arrivedAt: number, agonal: boolean): Vitals => {
    if (dnbi)
      return dnbiVitals(dnbi, jitter, {
        atSickCall: hours <= 0,
        hoursInCare: Math.max(0, hours - arrivedAt),
        dying: Number.isFinite(death),
        agonal,
        // On the ventilator from the tube: for a day in one who recovers, to the end in one who does not.
        ventilated: hours > tubeAt && (Number.isFinite(death) || hours < tubeAt + 24),
      });
    const loss = bloodLossAt(p.bleed, care, hours);
    const herniation = herniating(cause, loss);
    // Once the surgeon has stopped the bleeding, intensive care transfuses to normal within half a day.
    const restored = hours > care.surgery + RESTORED_AFTER_SURGERY;
    const replaced = restored
      ? loss
      : (hours > care.blood ? Math.min(0.3, 0.2 * (hours - care.blood)) : 0) +
        (hours > arrivedAt ? Math.min(0.1, 0.05 * (hours - arrivedAt)) : 0);
    const v = vitalsAt(p, {
      loss: agonal && !herniation ? Math.max(loss, 0.42) : Math.max(0, loss - replaced),
      tension: p.tension && Math.min(field.needle, arrivedAt + 3 * MIN) > hours,
      // Still blocked on arrival, where the field could not open it: the first facility intubates.
      airwayObstructed: p.airwayRisk && field.airway > hours && hours <= arrivedAt,
      fieldHours: Math.min(hours, arrivedAt),
      drained: hours > drainedAt,
      // Measured on arrival, before the oxygen mask goes on: the next facility sees its effect.
      onOxygen: hours > arrivedAt,
      hoursInCare: Math.max(0, hours - arrivedAt),
      water: input.water ?? 'none',
      jitter,
    });
    // Intubated minutes after reaching the first facility (treatments.ts) and ventilated onwards: sedated,
    // so the chart's GCS is 3 (the "3T" of an intensive care chart), the ventilator sets the breathing,
    // also as the casualty dies (only the pulse, pressure and saturation show it then).
    const ventilated = !comfortOnly && intubatedOnArrival(p) && hours > arrivedAt + INTUBATION_DELAY;
    if (ventilated) {
      v.gcs = 3;
      v.respiratory_rate = Math.round(14 + jitter);
      if (!agonal) v.spo2 = Math.max(v.spo2, Math.round(96 + jitter));
    }
    // The complications that end a moderate injury show their own signs: the embolus starves the blood
    // of oxygen, sepsis runs a fever.
    if (agonal && cause === 'Pulmonary embolism') {
      // The clot, not blood loss: short of oxygen, not cold.
      v.spo2 = Math.min(v.spo2, Math.round(82 + jitter * 3));
      v.temperature = Math.round((36.9 + jitter * 0.3) * 10) / 10;
    }
    if (agonal && (cause === 'Sepsis' || cause === HOSPITAL_PNEUMONIA))
      v.temperature = Math.round((39.2 + jitter * 0.4) * 10) / 10;
    if (agonal && cause === HOSPITAL_PNEUMONIA) v.spo2 = Math.min(v.spo2, Math.round(86 + jitter * 3));
    if (agonal && cause === ORGAN_FAILURE_AFTER_HAEMORRHAGE) organsFailing(v, jitter);
    if (!agonal && hours - arrivedAt >= SETTLED_IN_CARE) wobble(v, jitter, hours, ventilated);
    if (agonal && (cause === 'Traumatic brain injury' || p.tbi === 3)) {
      // Herniation, not blood loss: Cushing's triad, bradycardia with hypertension and slow breathing.
      v.gcs = 3;
      if (herniation) {
        v.heart_rate = Math.round(48 + jitter * 6);
        v.systolic_bp = Math.round(180 + jitter * 10);
        if (!ventilated) v.respiratory_rate = Math.round(7 + jitter * 2);
      }
    }
    return v;
  };

  const vitals: Course['vitals'] = [];
  /** When a chest drain went in (treatments.ts: at Role 2, 10 min after arrival). */
  let drainedAt = INF;
  if (death <= contact || (configured && Number.isFinite(death))) {
    return finish({
      death,
      cause,
      contact,
      triage: 'DEAD',
      sortedTriage: 'DEAD',
      stays: [],
      poiLeave: INF,
      vitals,
      care,
      field,
      maxLoss: 0,
      comfortOnly: false,
      theatreRationed: rationsTheatre(input),
      water: input.water ?? 'none',
    });
  }

  const contactVitals = vitalsNow(contact, INF, false);
  vitals.push({ facility: 'POI', hours: contact, v: contactVitals });
  const sortedTriage: NatoTriage = trauma
    ? triageSort(p, contactVitals, input.massCasualty, input.water)
    : (dnbi?.triage ?? 'T3');
  const triage = trauma ? fieldTriageError(rng, sortedTriage, p, contactVitals) : sortedTriage;
  // The medic's category sets the evacuation from the point of injury; from the first facility on, the
  // category its primary survey finds (AJP-4.10: triage is repeated at every stage) sets the pace of care.
  const idx = triageIndex(triage);
  const careIdx = triageIndex(sortedTriage);
  // The expectant casualty has only comfort care from the medic (field-care.ts): no needle, no binder.
  if (triage === 'T4') {
    if (field.airway === field.cric) field.airway = INF;
    field.cric = INF;
    field.needle = INF;
    field.pelvicBinder = INF;
    care.pelvicBinder = INF;
  }

  // Evacuation: priority from triage; urgent surgical cases straight to Role 2 when air assets allow.
  const load = input.overload;
  // A soldier who falls ill and can walk or sit reaches sick call on the unit's own transport, whatever the
  // battle's casualty extraction: only the gravely ill (T1) wait for an evacuation like the wounded.
  const wait = trauma || idx === 0 ? times.poiWait[idx] : TIMES.oif_oef.poiWait[idx];
  const poiLeave = Math.max(contact + MIN, draw(rng, wait) * (1 + load)) + input.evacuationDelayHours;
  const bypass = trauma && idx === 0 && rng.chance(times.t1Bypass * (1 - load / 2));
  let facility: Facility = bypass ? 'Role2' : 'Role1';
  let arrive = poiLeave + draw(rng, bypass ? times.poiToRole2 : times.poiToRole1) * (1 + load / 2);
  const firstArrival = arrive;
  if (!Number.isFinite(care.limbControl) && p.bleed.limb > 0) care.limbControl = firstArrival + 3 * MIN;
  // Small junctional bleeds stop under a pressure dressing; large ones need the surgeon.
  if (p.bleed.junctional < 0.3) care.junctionalControl = Math.min(field.dressing, firstArrival + 10 * MIN);
  else if (p.bleed.junctional > 0) care.junctionalTamponade = firstArrival + JUNCTIONAL_TAMPONADE_DELAY;

  const stays: Stay[] = [];
  const surgical = trauma && (p.needsDcs || p.femur || (p.limbFracture && p.maxAis >= 3) || p.maxAis >= 3);
  let configuredDeath = INF;
  for (;;) {
    if (facility === 'Role4') {
      stays.push({ facility, arrive, leave: arrive, end: 'remains' });
      break;
    }
    const drawn =
      facility === 'Role1'
        ? draw(rng, times.role1Stay[careIdx])
        : facility === 'Role2'
          ? draw(rng, times.role2Stay[careIdx])
          : draw(rng, times.role3Stay[careIdx]);
    const stay =
      facility === 'Role2' && trauma && scenario.casualty_profile === 'oif_oef'
        ? Math.min(drawn, neurosurgicalTransferBy(p))
        : drawn;
    const rate = configured ? configuredRate(scenario.facility_rates, facility, input.frontId) : undefined;
    let rtdHere = canRtdAt(facility, p.rtd);
    if (rate) {
      const u = rng.next();
      if (input.lethalCapable && u < rate.kia_rate) {
        configuredDeath =
          arrive + (facility === 'Role3' ? rng.uniform(2, 72) : rng.uniform(0.1, Math.max(0.2, stay)));
        stays.push({ facility, arrive, leave: INF });
        break;
      }
      rtdHere = u >= rate.kia_rate && u < rate.kia_rate + rate.rtd_rate && p.rtd !== 'none';
    }
    if (facility === 'Role2' && surgical && !Number.isFinite(care.surgery)) {
      const queue = load > 0 ? rng.uniform(0, 3 * load) : 0;
      care.surgery = arrive + queue + (careIdx === 0 ? rng.uniform(0.2, 0.7) : rng.uniform(1, 4));
    }
    if (rtdHere) {
      const restBeforeDuty = dnbi ? dnbi.effect.rtdAfter : p.tbi === 1 ? CONCUSSION_REST_HOURS : undefined;
      // Role 1: clean and close, back within 72 h. Role 2: washout, delayed primary closure at day 4–5
      // (Emergency War Surgery). Role 3: days of convalescence.
      // An illness whose cause the treatment corrects (rewarming, cooling) goes back a day or two after it
      // has settled, not after the days of convalescence a wound needs (WMS hypothermia guideline, 2019).
      const leave =
        facility === 'Role3' && dnbi?.effect.settlesIn
          ? arrive + dnbi.effect.settlesIn + rng.uniform(24, 48)
          : facility === 'Role3'
            ? Math.max(arrive, 72.5) + rng.uniform(24, 264)
            : facility === 'Role2' && p.rtd === 'role2' && trauma
              ? arrive + rng.uniform(72, 120)
              : // Back within 72 h where possible; one held in the field for days still gets an hour's care,
                // one whose exposure shows late is watched until it would have shown, and one with a
                // guideline's earliest return (a concussion's rest, in battle or not; an infection's
                // exclusion) waits for it and the next review, within half a day (judgement).
                Math.max(
                  arrive + 1,
                  dnbi?.observeHours ?? 0,
                  Math.min(RTD_CUTOFF_HOURS, arrive + heldForDuty(rng.lognormal(12, 0.5), dnbi)),
                  restBeforeDuty ? firstArrival + restBeforeDuty + rng.uniform(1, 12) : 0,
                );
      stays.push({ facility, arrive, leave, end: 'rtd' });
      break;
    }
    // A surgical casualty leaves Role 2 an hour after the last operation, 2 h after the first at the least;
    // one with nothing to operate on (a brain injury for Role 3's neurosurgeon) waits for no theatre.
    const hours = operatingHours(p);
    const theatre = Math.max(2, hours + 1);
    const operated = facility === 'Role2' && surgical && hours > 0;
    const trial = facility === 'Role1' && dnbi && triedInTheatre(dnbi) ? trialOfTreatmentHours(rng, dnbi) : 0;
    const leave = arrive + Math.max(stay, trial, operated ? care.surgery - arrive + theatre : 0);
    stays.push({ facility, arrive, leave });
    const next: Facility = facility === 'Role1' ? 'Role2' : facility === 'Role2' ? 'Role3' : 'Role4';
    const transit = draw(
      rng,
      facility === 'Role1'
        ? times.role1ToRole2
        : facility === 'Role2'
          ? times.role2ToRole3
          : times.role3ToRole4,
    );
    arrive = leave + transit;
    facility = next;
  }

  const chestDrainAt = stays.find((s) => s.facility === 'Role2');
  if (trauma && needsChestDrain(p) && chestDrainAt) drainedAt = chestDrainAt.arrive + CHEST_DRAIN_DELAY;

  // Care that depends on the route: TXA for bleeding casualties and for a moderate or severe brain injury
  // (in the field when the facility is far), blood at Role 2 (or in a forward air evacuation), then the
  // deaths the model decides.
  const arrivalLoss = bloodLossAt(p.bleed, care, firstArrival);
  const bleeding = p.bleed.limb + p.bleed.junctional + p.bleed.torso + p.bleed.pelvic > 0;
  // TCCC 2020 gives TXA to a casualty expected to need a significant transfusion (shock, an amputation, a
  // penetrating torso injury, severe bleeding), not to every wound a surgeon will wash out: an open
  // fracture that has not bled much gets none.
  const majorBleed =
    p.amputation ||
    p.vascular ||
    p.penetratingTorso ||
    p.laparotomy ||
    p.thoracotomy ||
    p.bleed.torso + p.bleed.pelvic >= 0.25;
  if (trauma && ((bleeding && (arrivalLoss >= 0.15 || majorBleed)) || p.tbi >= 2))
    care.txa =
      firstArrival - contact > FIELD_TXA_WAIT && triage !== 'T4'
        ? contact + FIELD_TXA_DELAY
        : firstArrival + 5 * MIN;
  const role2 = stays.find((s) => s.facility === 'Role2');
  if (trauma && bleeding) {
    const inFlight = bypass && scenario.casualty_profile === 'oif_oef' && rng.chance(0.5);
    if (inFlight && bloodLossAt(p.bleed, care, poiLeave) >= 0.15) care.blood = poiLeave + 0.1;
    else if (role2 && bloodLossAt(p.bleed, care, role2.arrive) >= transfusedFrom(p))
      care.blood = role2.arrive + 10 * MIN;
  }

  if (configured) {
    kill(configuredDeath, 'Died of wounds');
  } else if (trauma) {
    const bled = exsanguinationTime(p.bleed, care);
    if (bled !== undefined) kill(bled, 'Haemorrhage');
    if (p.tension) {
      const untreated = rng.uniform(0.3, 1.5);
      if (Math.min(field.needle, firstArrival + 3 * MIN) > untreated) kill(untreated, 'Tension pneumothorax');
    }
    if (p.airwayRisk && !Number.isFinite(field.airway) && rng.chance(0.4)) {
      const obstructed = rng.uniform(0.15, 0.7);
      if (obstructed < firstArrival) kill(obstructed, 'Airway obstruction');
    }
    const shock = bloodLossAt(p.bleed, care, firstArrival) >= 0.3;
    if (firstArrival < death && rng.chance(lateDeathProbability(p, shock, care.surgery))) {
      const wait = rng.lognormal(10, 1.1);
      const bled = arrivalLoss >= 0.15;
      if (diesOfComplication(p, bled))
        kill(firstArrival + COMPLICATION_DELAY_HOURS + wait, complicationCause(p));
      else kill(firstArrival + wait, hospitalDeathCause(p, wait, bled));
    }
  } else if (dnbi?.effect.lethal && rng.chance(dnbi.effect.lethal)) {
    kill(dnbiDeath(rng, dnbi, firstArrival, stays), dnbi.effect.cause ?? dnbi.condition.name);
  }

  // A death after the record ends (back to duty, or past the first three days at Role 4: see walk) is
  // not this card's: it keeps neither the cause nor a last set of vital signs.
  const lastStay = stays[stays.length - 1];
  const recordEnds =
    lastStay?.end === 'rtd'
      ? lastStay.leave
      : lastStay?.end === 'remains'
        ? lastStay.arrive + ROLE4_RECORD_HOURS
        : INF;
  if (death >= recordEnds) {
    death = INF;
    cause = undefined;
  }

  if (dnbi?.care?.intensiveCare) tubeAt = nerveAgentTubeAt(stays);
  // An expectant casualty who dies within the day of reaching care was never upgraded at a re-triage:
  // comfort care to the end, no tube, no TXA (treatments.ts).
  comfortOnly = triage === 'T4' && death < firstArrival + EXPECTANT_TO_THE_END_HOURS;
  if (comfortOnly) care.txa = INF;
  // A fast bleed can kill before the medic arrives: then nobody measured anything.
  if (vitals[0] && vitals[0].hours >= death) vitals.pop();
  let maxLoss = 0;
  for (const s of stays) {
    if (s.arrive >= death) break;
    const v = vitalsNow(s.arrive, firstArrival, false);
    vitals.push({ facility: s.facility, hours: s.arrive, v });
    if (trauma) maxLoss = Math.max(maxLoss, bloodLossAt(p.bleed, care, s.arrive));
  }
  maxLoss = Math.max(maxLoss, trauma ? bloodLossAt(p.bleed, care, Math.min(death, contact)) : 0);
  if (trauma && p.tbi === 1)
    concussionCleared(vitals, stays, death, (hours) => vitalsNow(hours, firstArrival, false));
  if (lastStay?.end === 'rtd' && death >= lastStay.leave)
    reviewedBeforeDuty(vitals, lastStay, (hours) => vitalsNow(hours, firstArrival, false));
  if (Number.isFinite(death)) {
    const last = vitals[vitals.length - 1];
    // A death the team resuscitates is charted peri-arrest before the resuscitation (death-care.ts).
    const resuscitated = resuscitatedAtDeath(cause, death, firstArrival, comfortOnly);
    const before = resuscitated
      ? periArrestChartAt({ stays }, death)
      : death - lastChartMinutesBefore(cause) * MIN;
    // A casualty who arrests within minutes of a chart has that chart as its last.
    if (last && before > last.hours + (resuscitated ? MIN : 0)) {
      const where = stays.filter((s) => s.arrive <= before).pop()?.facility ?? 'POI';
      vitals.push({ facility: where, hours: before, v: vitalsNow(before, firstArrival, true) });
    }
    if (trauma) maxLoss = Math.max(maxLoss, bloodLossAt(p.bleed, care, death));
  }
  return finish({
    death,
    cause,
    contact,
    triage,
    sortedTriage,
    stays,
    poiLeave,
    vitals,
    care,
    field,
    maxLoss,
    water: input.water ?? 'none',
    comfortOnly,
    theatreRationed: rationsTheatre(input),
  });
}

/**
 * Hours after reaching care within which an expectant casualty's death means the re-triage never upgraded
 * them (judgement: the immediate casualties of a mass-casualty event are treated over the first day).
 */
const EXPECTANT_TO_THE_END_HOURS = 24;

interface Resolved {
  death: number;
  cause: string | undefined;
  contact: number;
  triage: NatoTriage;
  sortedTriage: NatoTriage;
  stays: Stay[];
  poiLeave: number;
  water: WaterExposure;
  vitals: Course['vitals'];
  care: CareTimes;
  field: Course['field'];
  maxLoss: number;
  comfortOnly: boolean;
  theatreRationed: boolean;
}

/**
 * Whether the surgeons ration their theatre time, abbreviating every laparotomy to damage control
 * (treatments.ts): in a mass-casualty event, to reach the next casualty sooner (Emergency War Surgery,
 * 5th ed.); and in large-scale combat, where the forward surgical detachment at Role 2 does damage control
 * and sends the casualty on to Role 3 for the definitive repair (ATP 4-02.25, The Medical Detachment,
 * Forward Resuscitative and Surgical, 2020), its few tables needed for the next casualty.
 */
const rationsTheatre = (input: CourseInput): boolean =>
  input.massCasualty || input.scenario.casualty_profile === 'lsco';

/**
 * A concussion still confused on arrival is watched until its GCS is back to 15 (NICE NG232: half-hourly
 * observations until then), which it is 2 h after the blow (CONCUSSION_CLEARS_HOURS, physiology.ts). The
 * card shows that set, taken where the casualty is: the one that spares the CT a GCS under 15 at 2 h
 * would call for.
 */
function concussionCleared(
  vitals: Course['vitals'],
  stays: readonly Stay[],
  death: number,
  vitalsThen: (hours: number) => Vitals,
): void {
  const i = vitals.findIndex((x) => x.facility !== 'POI' && x.v.gcs < 15);
  const confused = vitals[i];
  if (!confused) return;
  const at = Math.max(confused.hours + 0.5, CONCUSSION_CLEARS_HOURS);
  const stay = stays.find((s) => s.facility === confused.facility && s.arrive === confused.hours);
  const next = vitals[i + 1];
  if (!stay || at >= stay.leave || at >= death - 5 * MIN || (next && next.hours <= at)) return;
  const v = vitalsThen(at);
  if (v.gcs === 15) vitals.splice(i + 1, 0, { facility: confused.facility, hours: at, v });
}

/**
 * A patient whose last chart is not normal (a fever at sick call, a pneumonia hypoxic on arrival at Role 3)
 * is not sent back to duty on it: the review before the return is charted, 15 min before leaving, with the
 * observations that let the patient go. Normal here is the adult range a medic reads at a glance: a pulse
 * up to 100, systolic 100 mmHg or more, SpO2 94 % or more, breathing up to 20 a minute, under 38 °C, GCS 15
 * (judgement, within the ranges NEWS2 scores low: RCP 2017).
 */
function reviewedBeforeDuty(
  vitals: Course['vitals'],
  stay: Stay,
  vitalsThen: (hours: number) => Vitals,
): void {
  const latest = vitals.at(-1);
  const at = stay.leave - REVIEW_BEFORE_DUTY_HOURS;
  if (!latest || settled(latest.v) || at <= latest.hours) return;
  vitals.push({ facility: stay.facility, hours: at, v: vitalsThen(at) });
}
const REVIEW_BEFORE_DUTY_HOURS = 0.25;
const settled = (v: Vitals): boolean =>
  v.heart_rate <= 100 &&
  v.systolic_bp >= 100 &&
  v.spo2 >= 94 &&
  v.respiratory_rate <= 20 &&
  v.temperature < 38 &&
  v.gcs === 15;

/** Writes the timeline up to the end (death, RTD or Role 4) and the outcome. */
function finish(r: Resolved): Course {
  const { death, stays } = r;
  const events: CourseEvent[] = [{ type: 'arrival', facility: 'POI', hours: 0 }];
  const visits: Course['visits'] = [{ facility: 'POI', hours: 0 }];
  const outcome = walk(r, events, visits);
  const course: Course = {
    events,
    outcome,
    visits,
    triage: outcome.category === 'KIA' ? 'DEAD' : r.triage,
    fieldTriage: r.triage,
    sortedTriage: r.sortedTriage,
    vitals: r.vitals,
    stays,
    care: r.care,
    contact: r.contact,
    poiLeave: r.poiLeave,
    water: r.water,
    death,
    surgery: r.care.surgery,
    field: r.field,
    maxLoss: r.maxLoss,
    comfortOnly: r.comfortOnly,
    theatreRationed: r.theatreRationed,
  };
  if (Number.isFinite(death) && r.cause) course.causeOfDeath = r.cause;
  return course;
}

/** Appends the events of the route to `events` and returns how the course ends. */
function walk(r: Resolved, events: CourseEvent[], visits: Course['visits']): Outcome {
  const { death, stays } = r;
  const died = (facility: Facility, timing: string, mtf: boolean): Outcome => {
    events.push({ type: 'kia', facility, hours: death, timing });
    return {
      category: mtf ? 'DOW' : 'KIA',
      facility,
      hours_since_injury: death,
      time_of_death_minutes: death * 60,
    };
  };
  if (stays.length === 0 || death < r.poiLeave) return died('POI', 'at_point_of_injury', false);
  events.push({ type: 'evacuation_start', facility: 'POI', hours: 0, duration: r.poiLeave });
  let here: Facility = 'POI';
  let leftAt = r.poiLeave;
  for (const s of stays) {
    events.push({
      type: 'transit_start',
      facility: here,
      hours: leftAt,
      to: s.facility,
      duration: s.arrive - leftAt,
    });
    if (death < s.arrive) return died(here, 'during_transit', here !== 'POI');
    events.push({ type: 'arrival', facility: s.facility, hours: s.arrive });
    visits.push({ facility: s.facility, hours: s.arrive });
    here = s.facility;
    if (s.end === 'remains') {
      if (death < s.arrive + ROLE4_RECORD_HOURS) return died(here, 'died_of_wounds', true);
      events.push({ type: 'remains_role4', facility: here, hours: s.arrive });
      return { category: 'EVACUATED', facility: here, hours_since_injury: s.arrive };
    }
    if (s.end === 'rtd') {
      if (death < s.leave) return died(here, 'died_of_wounds', true);
      events.push({ type: 'rtd', facility: here, hours: s.leave, timing: 'after_treatment' });
      return { category: 'RTD', facility: here, hours_since_injury: s.leave };
    }
    events.push({
      type: 'evacuation_start',
      facility: here,
      hours: s.arrive,
      duration: Number.isFinite(s.leave) ? s.leave - s.arrive : 0,
    });
    if (death < s.leave) return died(here, 'died_of_wounds', true);
    leftAt = s.leave;
  }
  throw new Error('course without an end');
}

export interface DnbiMoment {
  /** The first set, taken when the patient presents. */
  atSickCall: boolean;
  hoursInCare: number;
  /** The illness will kill: it does not ease with care. */
  dying: boolean;
  /** The last set, minutes before death. */
  agonal: boolean;
  /** Intubated and ventilated (a severe nerve-agent casualty, from its tube on). */
  ventilated?: boolean;
}

/**
 * When an illness that kills does: about a day after reaching care (lognormal, judgement), or, for a
 * radiation syndrome or a mustard burn, when that kills after exposure (lateDeathHours, cbrn.ts), and never
 * before the first facility. The expectant of a radiation dose above 10 Gy, dying within three days, is not
 * moved on to die: one who would outlive the last facility before Role 4 dies there, not flown home.
 */
function dnbiDeath(rng: Rng, c: DnbiCase, firstArrival: number, stays: readonly Stay[]): number {
  const late = lateDeathHours(c, rng);
  if (late === undefined) return firstArrival + rng.lognormal(24, 0.8);
  const held = stays.filter((s) => s.facility !== 'Role4').at(-1);
  const lastHeld =
    c.triage === 'T4' && isRadiation(c) && held && Number.isFinite(held.leave) ? held.leave - 0.25 : INF;
  return Math.max(firstArrival + 1, Math.min(late, lastHeld));
}

/**
 * An illness's vital signs. All of its effect shows when the patient presents and 60 % once treated; a
 * patient who recovers improves over two days in care (the immediate case's shock and confusion within
 * one); a dying patient does not improve, and the last set before death is worse than the first
 * (judgement).
 */
export function dnbiVitals(c: DnbiCase, jitter: number, at: DnbiMoment): Vitals {
  // A nerve agent's signs follow the antidotes given, stage by stage; a radiation dose's, its syndrome (cbrn.ts).
  if (isNerveAgent(c)) return nerveAgentVitals(c, jitter, at);
  if (isRadiation(c)) return radiationVitals(c, jitter, at);
  const e = c.effect;
  const recovering = !at.dying && !at.atSickCall;
  // One who will die does not hold steady either: worse at each facility over two days in care (judgement).
  const decline = at.dying && !at.atSickCall && !at.agonal ? Math.min(1, at.hoursInCare / 48) : 0;
  const treated = at.atSickCall
    ? 1
    : 0.6 *
      (recovering && e.settlesIn
        ? Math.max(0, 1 - at.hoursInCare / e.settlesIn)
        : recovering
          ? Math.max(0.3, 1 - at.hoursInCare / 48)
          : 1);
  const scale = at.agonal ? 1.6 : treated + 0.5 * decline;
  const severity =
    c.triage !== 'T1'
      ? 0
      : at.agonal
        ? 1.5
        : recovering
          ? Math.max(0, 1 - at.hoursInCare / 24)
          : 1 + 0.3 * decline;
  // Actively rewarmed, a severe hypothermia's extra cold goes as fast as a milder one's (1–2 °C an hour).
  const rewarmedBy = (cold: number): number =>
    recovering && e.settlesIn ? Math.min(cold, Math.max(0, 1 - at.hoursInCare / e.settlesIn)) : cold;
  // The ventilator sets the breathing rate and keeps the saturation up.
  const ventilated = at.ventilated === true;
  const spo2 = 98 + jitter - (e.spo2 ?? 0) * scale - 6 * severity;
  // The graver illness quickens the pulse and the breathing; the deeper cold slows both (moderate
  // hypothermia, Swiss stage II: Brown et al., NEJM 2012; Wilderness Medical Society, 2019).
  const cold = (e.temp ?? 0) < 0;
  return {
    heart_rate: Math.round(76 + jitter * 8 + (e.hr ?? 0) * scale + (cold ? -24 : 20) * severity),
    systolic_bp: Math.round(124 + jitter * 8 - 28 * severity),
    respiratory_rate: Math.round(
      ventilated ? 14 + jitter : 16 + jitter * 2 + (e.rr ?? 0) * scale + (cold ? -6 : 8) * severity,
    ),
    spo2: Math.round(Math.min(100, ventilated && !at.agonal ? Math.max(spo2, 94 + jitter) : spo2)),
    // Sedated on the ventilator: charted GCS 3, as a ventilated trauma casualty is.
    gcs: ventilated ? 3 : at.agonal && c.triage === 'T1' ? 8 : severity >= 0.5 ? 13 : 15,
    // A fever treated for an hour or more (cooled heat stroke, an infection on antipyretics) does not
    // climb again at the end: the patient dies of the organ failure, not the heat.
    temperature:
      Math.round(
        (36.9 +
          jitter * 0.2 +
          (e.temp ?? 0) *
            (at.agonal && at.hoursInCare > 1 && (e.temp ?? 0) > 0 ? 0.6 : at.agonal ? scale : treated) -
          ((e.temp ?? 0) < 0 ? 2 * rewarmedBy(severity) : 0)) *
          10,
      ) / 10,
  };
}

export { inShock };

/**
 * A moderate injury (ISS under 16) that arrives without having bled, with no severe brain injury or major
 * burn, kills only through a complication of the following days: a pulmonary embolism after a broken femur or pelvis,
 * sepsis from a wound, a pneumonia caught in hospital otherwise. Nothing about such an injury kills within hours.
 */
const diesOfComplication = (p: ClinicalProfile, bled: boolean): boolean =>
  p.iss < 16 && !bled && p.tbi < 3 && p.burnTbsa < MAJOR_BURN_TBSA;
/** The earliest such a complication kills, hours after arrival (judgement: venous thromboembolism and wound sepsis are complications of the days after injury). */
const COMPLICATION_DELAY_HOURS = 48;

/**
 * The broken femur or pelvis carries the thromboembolic risk; other wounds kill through infection; without a
 * wound, the infection is the commonest a trauma patient catches in hospital, a pneumonia (a brain injury's
 * aspiration, a bed-bound chest: NICE NG139). Before, this was an unexplained "multiple organ failure" on
 * the ward.
 */
function complicationCause(p: ClinicalProfile): string {
  if (p.femur || p.pelvicFracture) return 'Pulmonary embolism';
  if (p.openWounds || p.openFracture) return 'Sepsis';
  return HOSPITAL_PNEUMONIA;
}

/**
 * What kills a casualty in hospital, by when (Eastridge 2012; Keene 2016): in the first day the brain
 * injury, the burn shock or the haemorrhage itself; organ failure after a haemorrhage takes days.
 */
function hospitalDeathCause(p: ClinicalProfile, hoursInCare: number, bled: boolean): string {
  if (p.tbi === 3) return 'Traumatic brain injury';
  if (p.burnTbsa >= MAJOR_BURN_TBSA) return 'Burns';
  if (bled) return hoursInCare < 24 ? 'Haemorrhage' : ORGAN_FAILURE_AFTER_HAEMORRHAGE;
  return 'Multiple injuries';
}

/**
 * The last chart of organs failing days after the bleeding was stopped: not the cold, bleeding casualty's
 * chart but a ventilated, sedated one (GCS 3) in vasoplegic shock on noradrenaline, febrile with the
 * inflammation, short of oxygen with the lungs' acute respiratory distress (Sauaia et al., J Trauma 1994 and
 * 1998: post-injury multiple organ failure; ARDS Network, NEJM 2000).
 */
function organsFailing(v: Vitals, jitter: number): void {
  v.gcs = 3;
  v.respiratory_rate = Math.round(24 + jitter * 2);
  v.spo2 = Math.min(v.spo2, Math.round(86 + jitter * 3));
  v.temperature = Math.round((38.4 + jitter * 0.4) * 10) / 10;
  v.heart_rate = Math.max(v.heart_rate, Math.round(132 + jitter * 8));
  v.systolic_bp = Math.min(v.systolic_bp, Math.round(72 + jitter * 6));
}

/** The vital signs taken on arrival at a stay (the first facility by default), if the casualty got there alive. */
export function arrivalVitals(c: Course, stay: Stay | undefined = c.stays[0]): Vitals | undefined {
  return stay && c.vitals.find((x) => x.facility === stay.facility && x.hours === stay.arrive)?.v;
}

/**
 * A casualty dying of the brain injury, not bleeding out, dies of herniation: the last chart shows
 * Cushing's triad (course.ts), and the card its treatment (treatments.ts).
 */
export const herniating = (cause: string | undefined, loss: number): boolean =>
  cause === 'Traumatic brain injury' && loss < SHOCK_LOSS;

/** Air or blood in the pleural space, or a tension pneumothorax: a chest drain at Role 2. */
export const needsChestDrain = (p: ClinicalProfile): boolean => p.pleuralHypoxia > 0 || p.tension;
/** Hours from arrival at Role 2 to the chest drain. */
export const CHEST_DRAIN_DELAY = 10 / 60;
