/**
 * The care of an illness, a minor non-battle injury or a chemical exposure (DnbiCase): assessed at every
 * facility, treated by its diagnosis at the first, nursed on the ward or in intensive care where it is
 * held, and followed up at home. Battle and non-battle trauma have their own care (treatments.ts).
 */
import {
  followUpMinutes,
  followUpStart,
  LYMPHOCYTE_COUNT_REPEATED,
  nerveAgentIntensiveCare,
  needsSerialCounts,
  SERIAL_COUNT_HOURS,
} from './cbrn.js';
import { type DnbiCase, PROCEDURES } from './conditions.js';
import { arrivalVitals, type Course, nerveAgentTubeAt, triedInTheatre } from './course.js';
import {
  BACK_PAIN_ANALGESIA,
  DEEP_FROSTBITE,
  FROSTBITE,
  HEAT_STROKE_QUALIFIER,
  NFCI_QUALIFIER,
} from './dnbi-catalog.js';
import {
  antibioticFor,
  backPainWithoutNsaid,
  DENGUE_NOT_EXCLUDED,
  MALARIA_RAPID_TEST,
  MALARIA_TEST,
  MALARIA_TEST_MINUTES,
  PREGNANCY_TEST,
  pneumoniaSeverity,
  pregnancyTestFor,
  SEVERE_MALARIA,
  septic,
  sparingDecongestant,
  sparingNsaid,
  sparingTricyclic,
  URINARY_INFECTION,
  urinaryInfectionCourse,
  urineTests,
} from './dnbi-care.js';
import type { AddCare } from './field-care.js';
import {
  ACE_INHIBITOR_SICK_DAY,
  betaLactamAllergic,
  decongestantCaution,
  type MedicalHistory,
  nsaidCaution,
  takesAceInhibitor,
  tricyclicCaution,
} from './medical-history.js';
import { lowSaturation } from './oxygen.js';
import type { Facility } from './types.js';
import {
  CHEMICAL_OBSERVATION,
  CLINICAL_ASSESSMENT,
  EXPECTANT_CARE_CONTINUED,
  FROSTBITE_CARE,
  HEAT_STROKE_CARE,
  HEAT_STROKE_COOLED_TO,
  HEAT_STROKE_FIELD_COOLING,
  heatStrokeCooled,
  HYPOTHERMIA_REWARMING,
  ILOPROST,
  ILOPROST_TOO_LATE,
  HYPOTHERMIA_WRAP,
  ISOLATED_SICK_IN_QUARTERS,
  ISOLATED_WARD_CARE,
  MEDICAL_WARD_CARE,
  NFCI_CARE,
  awaitingMove,
  HELD_FOR_THE_MOVE,
  POST_OPERATIVE_RECOVERY,
  ROLE1_HOLDING,
  SEPSIS_NSAID_CAUTION,
  SICK_IN_QUARTERS,
  SEPSIS_SIX,
  SPECIALIST_REVIEW,
  WARD_CARE,
  wardCare,
  notRestored,
  RESTORATION_IN_THEATRE,
  TRIAL_OF_TREATMENT,
  trialNotSettled,
} from './care-texts.js';

const MIN = 1 / 60;
/**
 * The minutes a drip's text gives for its first bag ("1 L IV over 30 min", "over 1 h"): the card's item runs
 * that long, where the patient stays (add() ends it at a departure), not the five minutes of a tablet.
 */
function infusionMinutes(regimen: string): number | undefined {
  const over = /\bIV over (\d+) (min|h)\b/.exec(regimen);
  if (!over) return undefined;
  return Number(over[1]) * (over[2] === 'h' ? 60 : 1);
}
/** Hours a severe nerve-agent casualty who recovers stays on the ventilator (as its chart shows, course.ts). */
const NERVE_AGENT_VENTILATED_HOURS = 24;
/** Hypothermia's SNOMED CT code: wrapped in the field and rewarmed at the facility (care-texts.ts). */
const HYPOTHERMIA = '386689009';
const MALARIA = '61462000';

/**
 * Where the casualty is `hours` after the start, and when care can begin there: in a stay, at that hour;
 * in transit, on arrival at the next facility; Role 4, the last, keeps the casualty. Undefined once the
 * card has ended (back to duty, or dead).
 */
function stayAt(c: Course, hours: number): { facility: Facility; hours: number } | undefined {
  // A stay the casualty leaves within the hour leaves the care to the next facility.
  const stay = c.stays.find((s) => s.facility === 'Role4' || s.leave - 1 > hours);
  if (!stay) return undefined;
  const at = Math.max(hours, stay.arrive + 5 * MIN);
  return at < c.death ? { facility: stay.facility, hours: at } : undefined;
}

/** An illness flown home goes to a specialist; rehabilitation is for the injured body. */
const rehabilitates = (dnbi: DnbiCase): boolean =>
  dnbi.category === 'injury' || dnbi.category === 'musculoskeletal' || dnbi.category === 'cold';

/**
 * A disease's operation, at the first surgical facility (Role 2, else Role 3) where the patient stays
 * long enough for it: an hour to prepare, the operation, and time to recover before moving on. Returns
 * the stay it was done in.
 */
function operate(
  [code, display, detail]: readonly [string, string, string],
  c: Course,
  add: AddCare,
): Course['stays'][number] | undefined {
  const surgical = c.stays.filter((s) => s.facility === 'Role2' || s.facility === 'Role3');
  const stay = surgical.find((s) => s.leave - s.arrive >= 3) ?? surgical.at(-1);
  if (stay) add(stay.facility, stay.arrive + 1, [code, display], 60, detail);
  return stay;
}

/** The categories of illness (not injury, heat or cold) whose fever is an infection's. */
const FEBRILE_ILLNESS: ReadonlySet<string> = new Set([
  'respiratory',
  'gastrointestinal',
  'skin',
  'dental',
  'eye',
  'psychiatric',
  'medical',
]);

/**
 * An illness with a fever: one whose diagnosis brings a temperature of 38 °C or more, or that has a
 * temperature of 38 °C or more on its chart (NICE CKS: fever is 38 °C and above).
 */
const febrile = (dnbi: DnbiCase, c: Course): boolean =>
  FEBRILE_ILLNESS.has(dnbi.category ?? '') &&
  ((dnbi.effect.temp ?? 0) >= 1 || c.vitals.some((x) => x.v.temperature >= 38));

/**
 * A patient neither ill nor badly hurt (triaged T3), or with a mental illness, who will not be fit for duty
 * within the theatre's evacuation policy (AJP-4.10: a patient not expected back within the policy's days is
 * evacuated home): the back that does not settle, the mental health that needs treatment at home (Cohen
 * 2010: these lead the out-of-theatre evacuations). Seen by the specialist at Role 3 and held for the
 * flight, not nursed on a medical ward.
 */
const flownHome = (dnbi: DnbiCase): boolean =>
  dnbi.rtd === 'none' && (dnbi.triage === 'T3' || dnbi.category === 'psychiatric');
/**
 * Suicidal thoughts: observed continuously until evacuated, not on a ward's 12-hourly round (VA/DoD
 * clinical practice guideline, assessment and management of patients at risk for suicide, 2019).
 */
const SUICIDAL = '6471006';

function evacuationReview(dnbi: DnbiCase): string {
  const who =
    dnbi.category === 'musculoskeletal' || dnbi.category === 'injury'
      ? 'Orthopaedic review with imaging (MRI where nerve signs or red flags call for it)'
      : dnbi.category === 'psychiatric'
        ? 'Psychiatric review; risk assessed, escort arranged'
        : 'Physician’s review';
  return `${who}: not expected fit for duty within the theatre evacuation policy; flown home`;
}

/**
 * Deep frostbite: iloprost at the first hospital, if it is reached within 48 h of the rewarming (Wilderness
 * Medical Society frostbite guideline, 2019: it saves digits when started within 48 h; 2 ng/kg/min over
 * 6 h a day for up to 5 days). Later than that, the card says why it was not given.
 */
function iloprostAtHospital(first: Course['stays'][number], c: Course, add: AddCare): void {
  const hospital = c.stays.find((s) => s.facility === 'Role2' || s.facility === 'Role3');
  if (!hospital || hospital.arrive >= c.death) return;
  const inTime = hospital.arrive - first.arrive <= ILOPROST_WITHIN_HOURS;
  add(
    hospital.facility,
    hospital.arrive + 30 * MIN,
    PROCEDURES.drug,
    inTime ? 360 : 5,
    inTime ? ILOPROST : ILOPROST_TOO_LATE,
  );
}
const ILOPROST_WITHIN_HOURS = 48;

const careWhileWaiting = (dnbi: DnbiCase): Parameters<typeof awaitingMove>[1] =>
  dnbi.condition.code === SUICIDAL
    ? 'suicide risk'
    : dnbi.category === 'psychiatric'
      ? 'mental health'
      : dnbi.category === 'musculoskeletal' || dnbi.category === 'injury'
        ? 'physiotherapy'
        : 'medical';

/** The days of treatment at Role 1 before the referral on, and the review that ends them (course.ts). */
function trialOfTreatment(stay: Course['stays'][number], c: Course, dnbi: DnbiCase, add: AddCare): void {
  const until = Math.min(stay.leave, c.death) - 1;
  const from = stay.arrive + 1;
  if (until - from < 24) return;
  const days = Math.round((until - stay.arrive) / 24);
  const psychiatric = dnbi.category === 'psychiatric';
  add(
    stay.facility,
    from,
    psychiatric ? PROCEDURES.procedure : PROCEDURES.rehab,
    (until - from) * 60,
    psychiatric ? RESTORATION_IN_THEATRE : TRIAL_OF_TREATMENT,
  );
  add(
    stay.facility,
    until,
    PROCEDURES.evaluation,
    20,
    psychiatric ? notRestored(days) : trialNotSettled(days),
  );
}

/** Hours at a sick call after which the patient is held there, not simply sent back (judgement). */
const HELD_AT_SICK_CALL = 6;

/**
 * The hours between sick call and duty: a patient back from Role 1, or from a short Role 2 stay the ward
 * does not cover, is held in the holding beds or sent sick to quarters, so the card does not fall silent
 * for a day or three. Trauma (treatments.ts) chooses its text by triage.
 */
export function heldBeforeDuty(c: Course, add: AddCare, text: string): void {
  const last = c.stays.at(-1);
  if (last?.end !== 'rtd' || (last.facility !== 'Role1' && last.facility !== 'Role2')) return;
  const hours = Math.min(last.leave, c.death) - last.arrive;
  if (hours < HELD_AT_SICK_CALL || (last.facility === 'Role2' && hours >= 24)) return;
  add(last.facility, last.arrive + 1, PROCEDURES.procedure, (hours - 1) * 60, text);
}

/**
 * Where an illness waits for duty: the infectious rest in quarters apart from the unit; an illness triaged
 * for delayed care with no set rest (dehydration on a drip, a fever) is watched in the holding beds; the
 * rest (a concussion's rest, a sprain, a sore throat) rest in quarters.
 */
function illnessHold(dnbi: DnbiCase): string {
  const watched = dnbi.triage !== 'T3' && !dnbi.effect.rtdAfter;
  return dnbi.effect.isolate ? ISOLATED_SICK_IN_QUARTERS : watched ? ROLE1_HOLDING : SICK_IN_QUARTERS;
}

/**
 * A severe nerve-agent casualty's antidotes in intensive care (nerveAgentIntensiveCare, cbrn.ts): the
 * pralidoxime loading dose at the first Role 2 or 3, then atropine, pralidoxime and midazolam infusions
 * running while the casualty is ventilated (a day in one who recovers, course.ts; to the end in one who dies).
 */
function antidotesInIntensiveCare(
  dnbi: DnbiCase,
  c: Course,
  stay: Course['stays'][number],
  until: number,
  add: AddCare,
): void {
  const icu = nerveAgentIntensiveCare(dnbi);
  if (!icu) return;
  const firstHospital = c.stays.find((s) => s.facility === 'Role2' || s.facility === 'Role3');
  const start = stay.arrive + 0.5 + 5 * MIN;
  const loading = stay === firstHospital;
  if (loading) add(stay.facility, start, PROCEDURES.drug, icu.loadingMinutes, icu.loading);
  const from = start + (loading ? icu.loadingMinutes * MIN : 0);
  const ventilatedUntil = Number.isFinite(c.death)
    ? c.death
    : nerveAgentTubeAt(c.stays) + NERVE_AGENT_VENTILATED_HOURS;
  const to = Math.min(until, ventilatedUntil);
  if (to - from < 10 * MIN) return;
  for (const infusion of icu.infusions) add(stay.facility, from, PROCEDURES.drug, (to - from) * 60, infusion);
}

/** Adds the care of a non-trauma case to a card through `add` (treatments.ts keeps its rules). */
export function illnessCare(
  dnbi: DnbiCase,
  c: Course,
  history: MedicalHistory,
  add: AddCare,
  female: boolean,
): void {
  const first = c.stays[0];
  for (const s of c.stays) {
    if (s.facility !== 'Role4')
      add(s.facility, s.arrive + 5 * MIN, PROCEDURES.evaluation, undefined, CLINICAL_ASSESSMENT);
    else if (Number.isFinite(c.death))
      add('Role4', s.arrive + 1, PROCEDURES.icu, (c.death - s.arrive - 1) * 60);
    else if (dnbi.effect.fixedAtHome) {
      add('Role4', s.arrive + 24, PROCEDURES.surgery, 120, dnbi.effect.fixedAtHome);
      add('Role4', s.arrive + 48, PROCEDURES.rehab);
    } else if (rehabilitates(dnbi)) add('Role4', s.arrive + 2, PROCEDURES.rehab);
    else add('Role4', s.arrive + 2, PROCEDURES.evaluation, 30, SPECIALIST_REVIEW);
  }
  const chem = dnbi.care;
  if (chem) {
    if (chem.immediate && first) add('POI', 0.03, PROCEDURES.procedure, 2, chem.immediate);
    if (chem.drug && first) add('POI', 0.05, PROCEDURES.drug, 1, chem.drug);
    if (chem.seizure && first) add('POI', 0.07, PROCEDURES.drug, 1, chem.seizure);
    if (first) add(first.facility, first.arrive + 2 * MIN, PROCEDURES.procedure, 20, chem.decontamination);
    const hospital = c.stays.find((s) => s.facility === 'Role2' || s.facility === 'Role3');
    chem.followUp?.forEach((step, i) => {
      const at = step.hospital ? hospital : first;
      if (!at) return;
      const start =
        step.concept === PROCEDURES.intubation
          ? nerveAgentTubeAt(c.stays)
          : at.arrive + followUpStart(step, i) * MIN;
      const minutes = followUpMinutes(step);
      // A titration the casualty leaves before its end point goes on in the ambulance.
      const next = c.stays[c.stays.indexOf(at) + 1];
      const onTheMove = next && at.leave < start + minutes * MIN;
      add(
        at.facility,
        start,
        step.concept ?? (step.drug ? PROCEDURES.drug : PROCEDURES.procedure),
        minutes,
        onTheMove && minutes > 5
          ? `${step.detail}; continued en route to ${next.facility.replace('Role', 'Role ')}`
          : step.detail,
      );
    });
    // The lymphocyte count again at 24 and 48 h where there is a laboratory, wherever the casualty is then.
    if (needsSerialCounts(dnbi))
      for (const hours of SERIAL_COUNT_HOURS) {
        const at = stayAt(c, hours);
        if (at && at.facility !== 'Role1')
          add(at.facility, at.hours, PROCEDURES.procedure, 10, LYMPHOCYTE_COUNT_REPEATED);
      }
    const late = chem.delayed && stayAt(c, chem.delayed.afterHours);
    if (late && chem.delayed) add(late.facility, late.hours, PROCEDURES.procedure, 30, chem.delayed.detail);
    // Ventilated, so in intensive care at every Role 2 and 3 on the way; anyone else held there for a day
    // or more is nursed on the ward (a blister agent's burns as wounds).
    for (const s of c.stays.filter((x) => x.facility === 'Role2' || x.facility === 'Role3')) {
      const until = Math.min(s.leave, c.death);
      if (chem.intensiveCare) {
        add(s.facility, s.arrive + 0.5, PROCEDURES.icu, (until - s.arrive - 0.5) * 60);
        antidotesInIntensiveCare(dnbi, c, s, until, add);
      } else if (until - s.arrive >= 24)
        add(
          s.facility,
          s.arrive + 2,
          PROCEDURES.procedure,
          (until - s.arrive - 2) * 60,
          // The expectant are made comfortable there, not nursed towards a move or duty.
          dnbi.triage === 'T4' ? EXPECTANT_CARE_CONTINUED : chem.delayed ? WARD_CARE : MEDICAL_WARD_CARE,
        );
    }
    heldBeforeDuty(c, add, CHEMICAL_OBSERVATION);
    return;
  }
  if (first) {
    const onArrival = arrivalVitals(c);
    // Oxygen wherever the patient arrives short of it, not only at the first facility: the chart on
    // arrival is taken before the mask goes back on.
    for (const s of c.stays) {
      const low = lowSaturation(arrivalVitals(c, s));
      if (low) add(s.facility, s.arrive + 3 * MIN, PROCEDURES.oxygen, undefined, low);
    }
    const sepsis = dnbi.effect.antibiotics === true && septic(onArrival);
    if (sepsis) add(first.facility, first.arrive + 10 * MIN, PROCEDURES.procedure, 60, SEPSIS_SIX);
    // A fever where mosquitoes carry malaria and dengue: tested for malaria at first contact, and no NSAID
    // until dengue is excluded (MALARIA_TEST, DENGUE_NOT_EXCLUDED).
    const tropicalFever = dnbi.tropics === true && febrile(dnbi, c);
    if (pregnancyTestFor(dnbi.condition.code, female))
      add(first.facility, first.arrive + 7 * MIN, PROCEDURES.procedure, 5, PREGNANCY_TEST);
    if (tropicalFever)
      add(
        first.facility,
        first.arrive + 8 * MIN,
        PROCEDURES.procedure,
        MALARIA_TEST_MINUTES,
        first.facility === 'Role1' ? MALARIA_RAPID_TEST : MALARIA_TEST,
      );
    if (dnbi.effect.bedside)
      add(first.facility, first.arrive + 6 * MIN, PROCEDURES.procedure, 10, dnbi.effect.bedside);
    const laboratory = c.stays.find((s) => s.facility === 'Role2' || s.facility === 'Role3');
    if (dnbi.effect.laboratory && laboratory)
      add(
        laboratory.facility,
        laboratory.arrive + 15 * MIN,
        PROCEDURES.procedure,
        30,
        dnbi.effect.laboratory,
      );
    // A serial test repeated 3 h on, wherever the patient is by then.
    const repeat = laboratory && dnbi.effect.laboratoryRepeat && stayAt(c, laboratory.arrive + 3 + 15 * MIN);
    if (repeat && dnbi.effect.laboratoryRepeat)
      add(repeat.facility, repeat.hours, PROCEDURES.procedure, 30, dnbi.effect.laboratoryRepeat);
    if (dnbi.effect.ct && laboratory)
      add(laboratory.facility, laboratory.arrive + 30 * MIN, PROCEDURES.ct, 15, dnbi.effect.ct);
    if (dnbi.effect.drug) {
      const caution =
        nsaidCaution(history) ??
        (sepsis ? SEPSIS_NSAID_CAUTION : tropicalFever ? DENGUE_NOT_EXCLUDED : undefined);
      const regimen =
        dnbi.condition.code === MALARIA && dnbi.triage === 'T1'
          ? SEVERE_MALARIA
          : sparingDecongestant(
              sparingTricyclic(
                (dnbi.effect.drug === BACK_PAIN_ANALGESIA ? backPainWithoutNsaid : sparingNsaid)(
                  dnbi.regimen ?? dnbi.effect.drug,
                  caution,
                ),
                tricyclicCaution(history),
              ),
              decongestantCaution(history),
            );
      // Malaria is treated once its test has been read, not on suspicion alone.
      const given =
        dnbi.condition.code === MALARIA && tropicalFever ? (9 + MALARIA_TEST_MINUTES) * MIN : 15 * MIN;
      add(first.facility, first.arrive + given, PROCEDURES.drug, infusionMinutes(regimen) ?? 5, regimen);
      const dehydrated = /rehydration/i.test(dnbi.effect.drug) || dnbi.condition.name === 'Dehydration';
      if (dehydrated && takesAceInhibitor(history))
        add(first.facility, first.arrive + given + 5 * MIN, PROCEDURES.drug, 2, ACE_INHIBITOR_SICK_DAY);
    }
    if (dnbi.effect.antibiotics) {
      const severity = pneumoniaSeverity(onArrival, dnbi.triage === 'T1');
      const regimen = antibioticFor(
        dnbi.condition.code,
        betaLactamAllergic(history.allergies),
        severity,
        dnbi.triage !== 'T3',
      );
      const uti = dnbi.condition.code === URINARY_INFECTION;
      if (uti) add(first.facility, first.arrive + 6 * MIN, PROCEDURES.procedure, 10, urineTests(female));
      add(
        first.facility,
        first.arrive + 20 * MIN,
        PROCEDURES.antibiotics,
        5,
        uti && regimen ? urinaryInfectionCourse(female, regimen) : regimen,
      );
    }
    const operatedAt = dnbi.effect.operation ? operate(dnbi.effect.operation, c, add) : undefined;
    const treatment = dnbi.effect.treatment;
    if (treatment) {
      const [kind, detail] = treatment;
      add(first.facility, first.arrive + 12 * MIN, PROCEDURES[kind], kind === 'procedure' ? 30 : 20, detail);
    }
    if (triedInTheatre(dnbi) && first.facility === 'Role1') trialOfTreatment(first, c, dnbi, add);
    const imaging = c.stays.find((s) => s.facility === 'Role2' || s.facility === 'Role3');
    if (dnbi.effect.films && imaging)
      add(imaging.facility, imaging.arrive + 10 * MIN, PROCEDURES.xray, 10, dnbi.effect.films);
    if (dnbi.condition.code === HYPOTHERMIA) {
      add('POI', 5 * MIN, PROCEDURES.procedure, 5, HYPOTHERMIA_WRAP);
      add(first.facility, first.arrive + 10 * MIN, PROCEDURES.procedure, 120, HYPOTHERMIA_REWARMING);
    }
    if (dnbi.condition.code === FROSTBITE)
      add(first.facility, first.arrive + 10 * MIN, PROCEDURES.procedure, 30, FROSTBITE_CARE);
    if (dnbi.condition.qualifier === DEEP_FROSTBITE) iloprostAtHospital(first, c, add);
    // Non-freezing cold injury: slow rewarming only; rapid rewarming worsens the pain and the damage.
    if (dnbi.condition.qualifier === NFCI_QUALIFIER)
      add(first.facility, first.arrive + 10 * MIN, PROCEDURES.procedure, 60, NFCI_CARE);
    if (dnbi.condition.qualifier === HEAT_STROKE_QUALIFIER) {
      add('POI', 3 * MIN, PROCEDURES.procedure, 10, HEAT_STROKE_FIELD_COOLING);
      const core = onArrival?.temperature ?? HEAT_STROKE_COOLED_TO;
      if (core >= HEAT_STROKE_COOLED_TO)
        add(first.facility, first.arrive + 2 * MIN, PROCEDURES.procedure, 30, HEAT_STROKE_CARE);
      else add(first.facility, first.arrive + 2 * MIN, PROCEDURES.procedure, 5, heatStrokeCooled(core));
    }
    // An illness triaged for immediate care is nursed in intensive care at every Role 2 and 3 it reaches,
    // any other on the ward there once it stays a day. One going back to duty from a stay steps down to
    // the ward first: two days at most in intensive care, half the stay at least on the ward (its shock
    // and confusion settle within a day: judgement).
    const held = dnbi.effect.treatment?.[0];
    const ward =
      dnbi.effect.operation || dnbi.category === 'injury'
        ? wardCare({
            wounds: dnbi.effect.operation !== undefined || held === 'woundCare',
            splinted: held === 'splint' || dnbi.effect.films !== undefined,
          })
        : dnbi.effect.isolate
          ? ISOLATED_WARD_CARE
          : MEDICAL_WARD_CARE;
    for (const s of c.stays) {
      if (s.facility !== 'Role2' && s.facility !== 'Role3') continue;
      const until = Math.min(s.leave, c.death);
      if (dnbi.triage === 'T1') {
        const stepDown =
          s.end === 'rtd' ? Math.min(until, s.arrive + 0.5 + Math.min(48, (until - s.arrive) / 2)) : until;
        add(s.facility, s.arrive + 0.5, PROCEDURES.icu, (stepDown - s.arrive - 0.5) * 60);
        if (stepDown < until) add(s.facility, stepDown, PROCEDURES.procedure, (until - stepDown) * 60, ward);
        continue;
      }
      if (flownHome(dnbi) && s.facility === 'Role3')
        add(s.facility, s.arrive + 1, PROCEDURES.evaluation, 30, evacuationReview(dnbi));
      if (flownHome(dnbi) && until - s.arrive >= 12)
        add(
          s.facility,
          s.arrive + 2,
          PROCEDURES.procedure,
          (until - s.arrive - 2) * 60,
          awaitingMove(s.facility, careWhileWaiting(dnbi)),
        );
      else if (!flownHome(dnbi) && until - s.arrive >= 24)
        add(s.facility, s.arrive + 2, PROCEDURES.procedure, (until - s.arrive - 2) * 60, ward);
      else if (s.end !== 'rtd' && until === s.leave && until - s.arrive >= HELD_AT_SICK_CALL) {
        // Moving on after 6 h or more: the hours before the move are not left blank.
        const operated = s === operatedAt;
        const from = s.arrive + (operated ? 2 : 1);
        add(
          s.facility,
          from,
          PROCEDURES.procedure,
          (until - from) * 60,
          operated ? POST_OPERATIVE_RECOVERY : HELD_FOR_THE_MOVE,
        );
      }
    }
    heldBeforeDuty(c, add, illnessHold(dnbi));
  }
}
