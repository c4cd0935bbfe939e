/**
 * The care a casualty received, derived from the injuries and the course: what was done, where, when
 * (always at or after arrival at that facility) and for how long. Nothing is recorded at or after the
 * time of death; a casualty dead at 0 minutes has no treatment at all.
 */
import type { DnbiCase } from './conditions.js';
import { PROCEDURES } from './conditions.js';
import {
  arrivalVitals,
  CHEST_DRAIN_DELAY,
  type Course,
  herniating,
  INTUBATION_DELAY,
  needsChestDrain,
  withinStay,
} from './course.js';
import { CONCUSSION_SCREEN } from './dnbi-catalog.js';
import { complicationCare } from './complication-care.js';
import { deathCare } from './death-care.js';
import { crushCare } from './crush-care.js';
import { damageControlOperations, definitiveOperations, operatingHours } from './damage-control.js';
import { bloodLossAt } from './haemorrhage.js';
import { oxygenFor } from './oxygen.js';
import {
  MAJOR_BURN_TBSA,
  type ClinicalProfile,
  inShock,
  intubatedOnArrival,
  MAJOR_LIMB_BLEED,
  SHOCK_LOSS,
  type Vitals,
} from './physiology.js';
import {
  burnFluidsInField,
  fieldAntibioticCover,
  fieldCare,
  tourniquetDetail,
  withheldFromTheExpectant,
} from './field-care.js';
import { heldBeforeDuty, illnessCare } from './illness-care.js';
import { type Mover, transferCare } from './transfer-care.js';
import { betaLactamAllergic, latexAllergic, type MedicalHistory } from './medical-history.js';
import {
  WOUND_PROPHYLAXIS,
  ORAL_WOUND_PROPHYLAXIS,
  WOUND_PROPHYLAXIS_PENICILLIN_ALLERGY,
  ABDOMINAL_PROPHYLAXIS,
  ABDOMINAL_PROPHYLAXIS_PENICILLIN_ALLERGY,
  SEVERE_TBI_CARE,
  BRAIN_INJURY_WATCH,
  MODERATE_TBI_CARE,
  SEIZURE_PROPHYLAXIS,
  BURN_DRESSING,
  escharotomy,
  URINARY_CATHETER,
  BURN_RESUSCITATION_CONTINUED,
  BURN_EXCISION,
  burnResuscitation,
  CRIC_TUBE_KEPT,
  CRYSTALLOID_RESUSCITATION,
  CRYSTALLOID_RESUSCITATION_BRAIN,
  GLOBE_REPAIR,
  HERNIATION_CARE,
  RELOOK_LAPAROTOMY,
  TXA_DOSE,
  RETRIAGED,
  retriaged,
  enRoute,
  STILL_EXPECTANT,
  TIBIA_BACKSLAB,
  HELD_FOR_THE_MOVE,
  POST_OPERATIVE_RECOVERY,
  EXPECTANT_CARE_CONTINUED,
  ROLE1_HOLDING,
  SICK_IN_QUARTERS,
  wardCare,
  VTE_PROPHYLAXIS,
  VTE_PROPHYLAXIS_BRAIN,
  NEUROGENIC_SHOCK_CARE,
  CERVICAL_CORD_CARE,
  SPINAL_CORD_CARE,
  SERIAL_DEBRIDEMENT,
  BURN_INTUBATION,
  INTUBATION,
  HEAD_CT,
  WHOLE_BODY_CT,
  surgeonsAssessment,
  JUNCTIONAL_TOURNIQUET,
  NECK_TAMPONADE,
  ACTIVE_REWARMING,
  AFTER_SUBMERSION,
} from './care-texts.js';
import type { Facility } from './types.js';

export interface CareItem {
  facility: Facility;
  hours: number;
  concept: readonly [string, string];
  minutes?: number;
  detail?: string;
}

const MIN = 1 / 60;
/** Hours from damage-control laparotomy to the relook (Emergency War Surgery, 5th ed.: 24-48 h). */
const RELOOK_AFTER_HOURS = 24;
/** JTS CPG "Burn Care": the first 24-48 h are resuscitation, recorded hourly on the burn flow sheet. */
const BURN_RESUSCITATION_HOURS = 48;
/** Class II haemorrhage begins at 15 % of blood volume (ATLS): below it, no fluid is needed. */
const BLEEDING_LOSS = 0.15;
/** TCCC's lowest systolic pressure for a casualty with a brain injury. */
const BRAIN_INJURY_SYSTOLIC = 110;

/**
 * A fragment or stab wound of the abdominal wall: did it breach the peritoneum? FAST and local exploration
 * of the wound under local anaesthetic at Role 2 (ATLS 10th ed., abdominal trauma; Emergency War Surgery,
 * 5th ed.: a wound that breaches it goes to laparotomy; here none does, the injury list has none).
 */
const ABDOMINAL_WALL_ASSESSMENT =
  'FAST ultrasound and local exploration of the abdominal wall wound: peritoneum intact, no free fluid';
/** The minor wound a Role 1 doctor explores under local anaesthetic, and finds superficial. */
const ABDOMINAL_WALL_EXPLORED =
  'Abdominal wall wound explored to its base under local anaesthetic: superficial, the fascia intact; abdomen soft';

/**
 * Emergency War Surgery, 5th ed. (soft-tissue wounds): war wounds are left open, except the face and scalp,
 * whose rich blood supply lets them be closed primarily once debrided.
 */
const FACE_WOUND_CLOSED =
  'Wound washout and debridement; face and scalp closed primarily (rich blood supply)';

/**
 * A laceration from a fall or a crash, clean and fresh: cleaned, explored, closed where first seen, and the
 * tetanus immunisation checked (NICE CKS Lacerations; UKHSA Green Book, tetanus: a booster for a
 * tetanus-prone wound when not in date); no antibiotic prophylaxis for a clean wound.
 */
const LACERATION_CLOSED =
  'Laceration cleaned, explored and closed (sutures or adhesive strips); tetanus immunisation checked, a booster if not in date';

/**
 * Every open war wound is tetanus-prone: the immunisation is checked where the casualty is first treated,
 * toxoid given if not in date, immunoglobulin too for the unimmunised (JTS CPG "Infection Prevention in
 * Combat-Related Injuries"; UKHSA Green Book, chapter 30).
 */
const WAR_WOUND_TETANUS =
  'Tetanus immunisation checked: toxoid if not in date, immunoglobulin too if never immunised (tetanus-prone wound)';

/** Hours at Role 2 or 3 from which the wait for the next move is written (judgement). */
const WAIT_WRITTEN_HOURS = 6;

/** Field procedures this short end at the first facility's door; a tourniquet, blood or a long hold runs on. */
const BRIEF_FIELD_MINUTES = 15;

/** Whole minutes, rounded down so that care running to a departure or a death never outlasts it. */
const wholeMinutes = (minutes: number): number => Math.max(1, Math.floor(minutes + 1e-9));

export function careItems(
  p: ClinicalProfile,
  c: Course,
  dnbi: DnbiCase | undefined,
  history: MedicalHistory,
  /** The patient's weight, for the weight-based rates (the burn fluids' rule of ten). */
  weightKg: number,
  /** A woman's courses and tests differ for some illnesses (a urinary infection's three days). */
  female: boolean,
): CareItem[] {
  const out: CareItem[] = [];
  // A resuscitation that ends the card: nothing else is started once the heart has stopped, nor once the
  // bleeding is found again (no clot prevention, no planned operation).
  const lastAttempt = deathCare(c, c.care.surgery + operatingHours(p));
  const stopped = lastAttempt?.rebleed?.hours ?? lastAttempt?.hours ?? c.death;
  const add = (
    facility: Facility,
    hours: number,
    concept: readonly [string, string],
    minutes?: number,
    detail?: string,
  ): void => {
    if (!Number.isFinite(hours) || hours >= stopped) return;
    if (facility === 'POI' && c.stays[0]) {
      // The medic's care goes on in the vehicle once the casualty has left the point of injury (TCCC
      // tactical evacuation care) and ends at the first facility, which takes over: an item planned for
      // later is given before the handover, and one given on the move says so.
      const handover = c.stays[0].arrive;
      hours = Math.min(hours, Math.max(c.contact, handover - MIN));
      if (minutes !== undefined && minutes <= BRIEF_FIELD_MINUTES)
        minutes = Math.max(1, Math.min(minutes, (handover - hours) * 60));
      if (hours > c.poiLeave) detail = `${detail ?? concept[1]}; ${enRoute(c.stays[0].facility)}`;
    }
    // Care fits in before the casualty leaves (withinStay), and ends when they do.
    const here = c.stays.find((s) => s.facility === facility);
    if (here) {
      hours = withinStay(here, hours);
      if (minutes !== undefined && Number.isFinite(here.leave) && here.leave > here.arrive)
        minutes = Math.min(minutes, (here.leave - hours) * 60);
    }
    // Care under way when the casualty dies stops there.
    if (minutes !== undefined) minutes = Math.min(minutes, (c.death - hours) * 60);
    const item: CareItem = { facility, hours, concept };
    if (minutes !== undefined && Number.isFinite(minutes)) item.minutes = wholeMinutes(minutes);
    if (detail) item.detail = detail;
    out.push(item);
  };
  const stay = (f: Facility) => c.stays.find((s) => s.facility === f);
  const first = c.stays[0];
  const trauma = dnbi === undefined;

  transferCare(c, add, moverOf(dnbi));
  if (!trauma) {
    illnessCare(dnbi, c, history, add, female);
    return sorted(out);
  }

  // Point of injury: buddy aid and the medic (TCCC), from first contact.
  if (c.contact < c.death) {
    fieldCare(p, c, history, weightKg, add);
    // The expectant casualty's crushed limb is left to comfort care (field-care.ts); rarely upgraded later.
    if (c.triage !== 'T4') crushCare(p, c, add);
    complicationCare(c, betaLactamAllergic(history.allergies), add);
  }
  if (!first) return sorted(out);
  if (lastAttempt) {
    const { facility, hours, minutes, concept, detail, rebleed } = lastAttempt;
    // Pushed as it is: on the way to the next facility it is given after the departure add() would keep to.
    out.push({ facility, hours, concept, minutes: wholeMinutes(minutes), detail });
    if (rebleed)
      out.push({
        facility,
        hours: rebleed.hours,
        concept: PROCEDURES.procedure,
        minutes: wholeMinutes(rebleed.minutes),
        detail: rebleed.detail,
      });
  }

  // First medical facility: resuscitation (damage-control resuscitation within 1 h, NATO 10-1-2).
  const a = first.arrive;
  if (c.comfortOnly) {
    for (const s of c.stays) {
      const minutes = (Math.min(s.leave, c.death) - s.arrive) * 60;
      const care = s === first ? STILL_EXPECTANT : EXPECTANT_CARE_CONTINUED;
      add(s.facility, s.arrive + 2 * MIN, PROCEDURES.procedure, minutes, care);
    }
    return sorted(out);
  }
  // The operations at Role 2, drawn once: they decide the wounds checked and the debridement.
  const damageControl = needsDamageControl(p, c);
  const plannedOperations = damageControlOperations(p, damageControl);
  // What the surgeon and the ward check: wounds where there are any (an open wound, a burn, an operation).
  const hasWounds = p.openWounds || p.burnTbsa > 0 || plannedOperations.length > 0;
  const found = retriaged(c.fieldTriage, c.sortedTriage);
  let survey = found ? `Primary survey; ${found}` : 'Primary survey';
  if (latexAllergic(history.allergies)) survey += '; latex-free gloves and equipment (latex allergy)';
  add(
    first.facility,
    a + 2 * MIN,
    PROCEDURES.evaluation,
    10,
    c.triage === 'T4' ? `${RETRIAGED}; ${survey.toLowerCase()}` : survey,
  );
  if (c.triage === 'T4') withheldFromTheExpectant(p, first.facility, a + 4 * MIN, add);
  const onArrival = arrivalVitals(c);
  const oxygen = oxygenFor(p, onArrival);
  if (oxygen) add(first.facility, a + 3 * MIN, PROCEDURES.oxygen, undefined, oxygen);
  if (p.bleed.limb >= MAJOR_LIMB_BLEED && !Number.isFinite(c.field.tourniquet))
    add(first.facility, c.care.limbControl, PROCEDURES.tourniquet, 30, tourniquetDetail(p));
  if (c.water !== 'none') add(first.facility, a + 5 * MIN, PROCEDURES.procedure, 60, ACTIVE_REWARMING);
  if (c.water === 'submersion') add(first.facility, a + 10 * MIN, PROCEDURES.procedure, 5, AFTER_SUBMERSION);
  if (Number.isFinite(c.care.junctionalTamponade))
    add(
      first.facility,
      c.care.junctionalTamponade,
      PROCEDURES.procedure,
      5,
      p.neckArteryBleed ? NECK_TAMPONADE : JUNCTIONAL_TOURNIQUET,
    );
  if (p.tension && !Number.isFinite(c.field.needle))
    add(first.facility, a + 3 * MIN, PROCEDURES.procedure, 2, 'Needle decompression of the chest');
  if (intubatedOnArrival(p)) {
    const cricKept = Number.isFinite(c.field.cric) && c.field.cric === c.field.airway;
    add(
      first.facility,
      a + INTUBATION_DELAY,
      cricKept ? PROCEDURES.procedure : PROCEDURES.intubation,
      10,
      cricKept ? CRIC_TUBE_KEPT : p.airwayRisk || p.tbi === 3 ? INTUBATION : BURN_INTUBATION,
    );
  }
  if (p.neurogenicShock) add(first.facility, a + 8 * MIN, PROCEDURES.procedure, 30, NEUROGENIC_SHOCK_CARE);
  if (p.tbi >= 2) add(first.facility, a + 6 * MIN, PROCEDURES.evaluation, undefined, BRAIN_INJURY_WATCH);
  else if (p.tbi === 1 && !p.needsDcs && p.iss < 16)
    add(first.facility, a + 30 * MIN, PROCEDURES.evaluation, 20, CONCUSSION_SCREEN);
  if (Number.isFinite(c.care.txa) && c.care.txa <= 3)
    add(c.care.txa < a ? 'POI' : first.facility, c.care.txa, PROCEDURES.drug, 2, TXA_DOSE);
  const analgesia = facilityAnalgesia(p, onArrival);
  if (analgesia) add(first.facility, a + 10 * MIN, PROCEDURES.drug, 2, analgesia);
  if (p.cleanLacerations) add(first.facility, a + 20 * MIN, PROCEDURES.woundCare, 20, LACERATION_CLOSED);
  else if (p.openWounds || p.laparotomy) {
    if (p.openWounds) add(first.facility, a + 16 * MIN, PROCEDURES.drug, 2, WAR_WOUND_TETANUS);
    const allergic = betaLactamAllergic(history.allergies);
    const drug = p.laparotomy
      ? allergic
        ? ABDOMINAL_PROPHYLAXIS_PENICILLIN_ALLERGY
        : ABDOMINAL_PROPHYLAXIS
      : allergic
        ? WOUND_PROPHYLAXIS_PENICILLIN_ALLERGY
        : WOUND_PROPHYLAXIS;
    const field = out.find((i) => i.facility === 'POI' && i.concept === PROCEDURES.antibiotics);
    const cover = field && fieldAntibioticCover(field.detail, field.hours);
    // Back to duty from Role 1: a course by mouth that goes on in quarters, not an 8-hourly drip.
    if (first.facility === 'Role1' && first.end === 'rtd' && !p.laparotomy)
      add(first.facility, a + 15 * MIN, PROCEDURES.antibiotics, 5, ORAL_WOUND_PROPHYLAXIS);
    else if (!cover || cover.until <= a + 15 * MIN)
      add(first.facility, a + 15 * MIN, PROCEDURES.antibiotics, 5, drug);
    else {
      const at = c.stays.find((s) => s.leave > cover.until);
      if (at)
        add(
          at.facility,
          Math.max(at.arrive + 15 * MIN, cover.until),
          PROCEDURES.antibiotics,
          5,
          `${drug}, from the end of the field ${cover.drug}'s cover`,
        );
    }
  }
  if (Number.isFinite(c.care.blood)) {
    const where =
      c.care.blood < a ? 'POI' : (c.stays.filter((s) => s.arrive <= c.care.blood).pop()?.facility ?? 'Role2');
    add(
      where,
      c.care.blood,
      PROCEDURES.transfusion,
      60,
      where === 'POI' ? PREHOSPITAL_BLOOD : BLOOD_AT_FACILITY,
    );
  }
  const fluids = resuscitationWithoutBlood(p, c, onArrival);
  if (fluids) {
    const until = Math.min(first.leave, c.death, c.care.blood);
    add(first.facility, a + 5 * MIN, PROCEDURES.procedure, Math.max(1, (until - a - 5 * MIN) * 60), fluids);
  }
  // The brain herniating at a facility: its chart, minutes before death, shows it; the team treats it
  // (not on the way to the next one, where the chart keeps the last facility's name).
  const lastChart = c.vitals[c.vitals.length - 1];
  const there = lastChart && c.stays.find((s) => s.facility === lastChart.facility);
  // A stay that ends the route (remaining at Role 4) is open-ended.
  const leaves = there?.end === 'remains' ? Number.POSITIVE_INFINITY : there?.leave;
  if (
    lastChart &&
    leaves !== undefined &&
    lastChart.hours < Math.min(c.death, leaves) &&
    c.causeOfDeath !== undefined &&
    herniating(c.causeOfDeath, bloodLossAt(p.bleed, c.care, lastChart.hours))
  )
    add(lastChart.facility, lastChart.hours + MIN, PROCEDURES.drug, 10, HERNIATION_CARE);
  if (p.burnTbsa > 0) add(first.facility, a + 12 * MIN, PROCEDURES.dressing, 20, BURN_DRESSING);
  // The eschar round a limb or the chest is cut at the first surgical facility (JTS CPG Burn Care).
  const surgical = c.stays.find((s) => s.facility !== 'Role1');
  if (p.circumferentialBurns.length > 0 && surgical)
    add(
      surgical.facility,
      surgical.arrive + 40 * MIN,
      PROCEDURES.surgery,
      45,
      escharotomy(p.circumferentialBurns),
    );
  // A major burn's fluids run from the first facility through the first two days, at every facility on
  // the way, guided by the hourly urine output through a catheter.
  if (p.burnTbsa >= MAJOR_BURN_TBSA)
    c.stays.forEach((s, i) => {
      const from = i === 0 ? a + 8 * MIN : s.arrive + 5 * MIN;
      const until = Math.min(s.leave, c.death, BURN_RESUSCITATION_HOURS);
      // A short first stay still starts them (the casualty leaves with the drip running).
      if (s.facility === 'Role4' || (i > 0 && from >= until)) return;
      if (i === 0) add(s.facility, a + 6 * MIN, PROCEDURES.procedure, 5, URINARY_CATHETER);
      const started = i > 0 || burnFluidsInField(p, c);
      const fluids = started ? BURN_RESUSCITATION_CONTINUED : burnResuscitation(p.burnTbsa, weightKg);
      add(s.facility, from, PROCEDURES.procedure, Math.max(1, (until - from) * 60), fluids);
    });
  // Cleaned where first seen unless a surgeon will debride it: at Role 1 before damage control, or at any
  // first facility for a skin-deep wound that goes to no theatre.
  const debrided = plannedOperations.some((op) => op.concept === PROCEDURES.debridement);
  if (p.openWounds && !p.cleanLacerations && (first.facility === 'Role1' ? !p.needsDcs : !debrided))
    add(first.facility, a + 20 * MIN, PROCEDURES.woundCare, 20, 'Wound irrigation and dressing');
  // A minor abdominal wall wound going back to duty from Role 1 is explored there to its base first.
  if (p.abdominalWallWound && !p.laparotomy && first.facility === 'Role1' && first.end === 'rtd')
    add('Role1', a + 18 * MIN, PROCEDURES.evaluation, 15, ABDOMINAL_WALL_EXPLORED);

  // Role 2: chest drain and damage-control surgery (NATO 10-1-2: within 1 h, 2 h at the latest).
  const r2 = stay('Role2');
  let outOfTheatre = Number.NEGATIVE_INFINITY;
  if (r2) {
    if (needsChestDrain(p)) add('Role2', r2.arrive + CHEST_DRAIN_DELAY, PROCEDURES.chestTube, 15);
    const films = radiographs(p, c);
    if (films) add('Role2', r2.arrive + 8 * MIN, PROCEDURES.xray, 10, films);
    if (p.abdominalWallWound && !p.laparotomy)
      add('Role2', r2.arrive + 12 * MIN, PROCEDURES.evaluation, 20, ABDOMINAL_WALL_ASSESSMENT);
    for (const cast of p.casts) add('Role2', r2.arrive + 20 * MIN, PROCEDURES.splint, 15, cast);
    let t = c.surgery;
    const operations = Number.isFinite(t) ? plannedOperations : [];
    for (const op of operations) {
      add('Role2', t, op.concept, op.minutes, op.detail);
      t += op.minutes * MIN;
    }
    if (operations.length > 0) outOfTheatre = t;
    // A stay with no operation still has a surgeon's assessment.
    if (operations.length === 0)
      add('Role2', r2.arrive + 15 * MIN, PROCEDURES.evaluation, 15, surgeonsAssessment(hasWounds));
    // A minor wound kept to return to duty from Role 2: washed out, left open, closed at day 3 to 5
    // (Emergency War Surgery: delayed primary closure).
    if (r2.end === 'rtd' && p.openWounds && !p.cleanLacerations && operations.length === 0) {
      if (p.openWoundsHeadOnly) add('Role2', r2.arrive + 1, PROCEDURES.debridement, 30, FACE_WOUND_CLOSED);
      else {
        add('Role2', r2.arrive + 1, PROCEDURES.debridement, 30, 'Wound washout and debridement, left open');
        add('Role2', r2.leave - 12, PROCEDURES.surgery, 20, 'Delayed primary closure of the wound');
      }
    }
  }

  // Role 3: imaging, intensive care, second-look surgery.
  const r3 = stay('Role3');
  // The abdomen left open by damage control at Role 2 is closed at the relook, 24-48 h after it, where
  // the casualty is then: still at Role 2 (a long hold), at Role 3, or else at Role 4.
  const openAbdomen = p.laparotomy && damageControl && r2 !== undefined && Number.isFinite(c.surgery);
  let abdomenClosed = false;
  let relook = Number.POSITIVE_INFINITY;
  for (const s of [r2, r3]) {
    if (!openAbdomen || abdomenClosed || !s) continue;
    const at = Math.max(c.surgery + RELOOK_AFTER_HOURS, s.arrive + 2);
    if (at >= Math.min(s.leave, c.death) - 2) continue;
    add(s.facility, at, PROCEDURES.laparotomy, 120, RELOOK_LAPAROTOMY);
    abdomenClosed = true;
    relook = at;
  }
  if (r3) {
    const before = out.length;
    if (p.tbi > 0 || p.iss >= 9)
      add('Role3', r3.arrive + 0.5, PROCEDURES.ct, 15, p.iss >= 9 ? WHOLE_BODY_CT : HEAD_CT);
    const stillOpen = openAbdomen && relook >= r3.arrive;
    if (intensiveCare(p) || stillOpen)
      add('Role3', r3.arrive + 1, PROCEDURES.icu, (Math.min(r3.leave, c.death) - r3.arrive - 1) * 60);
    // The brain after its CT: the pressure monitor goes in, or the neurosurgeon reviews a moderate injury.
    if (p.tbi === 3) add('Role3', r3.arrive + 0.75, PROCEDURES.procedure, 30, SEVERE_TBI_CARE);
    else if (p.tbi === 2) add('Role3', r3.arrive + 0.75, PROCEDURES.evaluation, 20, MODERATE_TBI_CARE);
    if (p.tbi >= 2) add('Role3', r3.arrive + 0.8, PROCEDURES.drug, 15, SEIZURE_PROPHYLAXIS);
    if (p.eye) add('Role3', r3.arrive + 1.5, PROCEDURES.surgery, 90, GLOBE_REPAIR);
    if (p.spinal)
      add(
        'Role3',
        r3.arrive + 2,
        PROCEDURES.procedure,
        30,
        p.cervicalCord ? CERVICAL_CORD_CARE : SPINAL_CORD_CARE,
      );
    if (debrided && p.maxAis >= 3 && r3.leave - r3.arrive > 24) {
      // In the same trip to theatre as the relook, where there is one.
      const secondLook = abdomenClosed && relook >= r3.arrive ? relook + 2 : r3.arrive + 24;
      add('Role3', secondLook, PROCEDURES.debridement, 45, 'Second-look debridement');
      // Held for days (a long wait for the flight home): back to theatre every 48 h until the wound is
      // clean (JTS CPG "Initial Management of War Wounds": serial debridement every 24-72 h).
      const until = Math.min(r3.leave, c.death) - 2;
      for (let n = 1; n <= SERIAL_DEBRIDEMENTS; n++) {
        const t = r3.arrive + 24 + n * SERIAL_DEBRIDEMENT_HOURS;
        if (t >= until) break;
        add('Role3', t, PROCEDURES.debridement, 45, SERIAL_DEBRIDEMENT);
      }
    }
    // A stay with nothing else to do still has a surgeon's assessment before the flight home.
    if (out.length === before)
      add('Role3', r3.arrive + 15 * MIN, PROCEDURES.evaluation, 15, surgeonsAssessment(hasWounds));
  }
  heldBeforeDuty(c, add, c.triage === 'T3' ? SICK_IN_QUARTERS : ROLE1_HOLDING);
  // A day or more at Role 2 or 3: the ward's care over the stay, and clots prevented in the major injury.
  let clotsPrevented = false;
  for (const s of [r2, r3]) {
    if (!s) continue;
    const until = Math.min(s.leave, c.death);
    const intensive = s.facility === 'Role3' && (intensiveCare(p) || (openAbdomen && relook >= s.arrive));
    // On the ward from 2 h after arrival, or once out of theatre after damage control.
    const onWard = Math.max(s.arrive + 2, s.facility === 'Role2' ? outOfTheatre : 0);
    // A ventilated casualty held at Role 2 is in its intensive care beds (AJP-4.10: Role 2 enhanced), not on
    // the ward; so is a brain injury with a GCS of 12 or less, watched hourly (Brain Trauma Foundation, 4th
    // ed.), and a major burn whose fluids are titrated hourly (JTS CPG Burn Care).
    const criticalAtRole2 =
      s.facility === 'Role2' && (intubatedOnArrival(p) || p.tbi >= 2 || p.burnTbsa >= MAJOR_BURN_TBSA);
    const inIcu = Math.max(s.arrive + 0.5, outOfTheatre);
    if (criticalAtRole2) {
      if (until - inIcu >= 1) add(s.facility, inIcu, PROCEDURES.icu, (until - inIcu) * 60);
    } else if (!intensive && until - s.arrive >= 24)
      add(
        s.facility,
        onWard,
        PROCEDURES.procedure,
        (until - onWard) * 60,
        wardCare({
          wounds: hasWounds,
          splinted: p.limbFracture || p.casts.length > 0,
        }),
      );
    // Hours that end in a move (or a death), from the end of the operations or 2 h after arrival: written,
    // not blank. A stay that ends in duty has its own (heldBeforeDuty).
    else if (!intensive && s.end !== 'rtd' && until - s.arrive >= WAIT_WRITTEN_HOURS && until > onWard) {
      const operated = s.facility === 'Role2' && Number.isFinite(outOfTheatre);
      const wait = operated ? POST_OPERATIVE_RECOVERY : HELD_FOR_THE_MOVE;
      add(s.facility, onWard, PROCEDURES.procedure, (until - onWard) * 60, wait);
    }
    const from = Math.max(s.arrive + 1, VTE_PROPHYLAXIS_FROM);
    if (!clotsPrevented && clotRisk(p) && from < until) {
      add(s.facility, from, PROCEDURES.drug, 5, p.tbi >= 2 ? VTE_PROPHYLAXIS_BRAIN : VTE_PROPHYLAXIS);
      clotsPrevented = true;
    }
  }

  // Role 4: the critically injured, and anyone who will die there, go to intensive care, not rehabilitation.
  // Role 4 finishes what damage control began at Role 2, a day after arrival (two for intensive care).
  const r4 = stay('Role4');
  if (r4) {
    const critical = intensiveCare(p);
    const dies = Number.isFinite(c.death);
    if (critical || dies) {
      const minutes = dies ? (c.death - r4.arrive - 1) * 60 : undefined;
      add('Role4', r4.arrive + 1, PROCEDURES.icu, minutes);
    }
    let t = r4.arrive + (critical ? 48 : 24);
    if (!dies && openAbdomen && !abdomenClosed) {
      add('Role4', r4.arrive + 24, PROCEDURES.laparotomy, 120, RELOOK_LAPAROTOMY);
      t = Math.max(t, r4.arrive + 48);
    }
    if (!dies)
      for (const op of definitiveOperations(p, r2 !== undefined && Number.isFinite(c.surgery))) {
        add('Role4', t, op.concept, op.minutes, op.detail);
        t += 24;
      }
    if (!dies && p.burnFull) {
      add('Role4', t, PROCEDURES.surgery, 180, BURN_EXCISION);
      t += 24;
    }
    if (!critical && !dies) add('Role4', t === r4.arrive + 24 ? r4.arrive + 2 : t, PROCEDURES.rehab);
  }
  return sorted(out);
}

const sorted = (items: CareItem[]): CareItem[] => items.sort((x, y) => x.hours - y.hours);

/**
 * Whether the laparotomy at Role 2 is damage control (DAMAGE_CONTROL_LAPAROTOMY, damage-control.ts): for the
 * physiology, or where the surgeons ration their theatre time (a mass-casualty event, large-scale combat:
 * rationsTheatre in course.ts).
 */
function needsDamageControl(p: ClinicalProfile, c: Course): boolean {
  const atSurgeon = c.vitals.find((x) => x.facility === 'Role2');
  return (
    c.theatreRationed ||
    p.thoracotomy ||
    c.maxLoss >= SHOCK_LOSS ||
    (atSurgeon !== undefined && inShock(atSurgeon.v))
  );
}

/** How the patient makes a long move (transfer-care.ts): a sick-call case triaged T3 walks. */
const moverOf = (dnbi: DnbiCase | undefined): Mover =>
  dnbi?.triage !== 'T3' || dnbi.care ? 'casualty' : dnbi.category === 'psychiatric' ? 'escorted' : 'walking';

/** Nursed in intensive care at Role 3 (and at Role 4): a major injury, a severe brain injury, a major burn. */
const intensiveCare = (p: ClinicalProfile): boolean =>
  p.iss >= 16 || p.tbi >= 2 || p.burnTbsa >= MAJOR_BURN_TBSA || intubatedOnArrival(p);

/**
 * Venous thromboembolism, the complication that kills a casualty with a broken femur or pelvis days later
 * (see course.ts), is prevented from the first day once the bleeding is controlled (JTS CPG "Prevention of
 * Deep Venous Thrombosis", 2016: enoxaparin 30 mg twice a day; a brain injury starts with compression
 * devices and takes enoxaparin once the head CT is stable, Brain Trauma Foundation 4th edition).
 */
const clotRisk = (p: ClinicalProfile): boolean =>
  p.iss >= 9 ||
  p.femur ||
  p.pelvicFracture ||
  p.spinal ||
  p.amputation ||
  // NICE NG89: a leg immobilised in a cast or backslab.
  p.casts.includes(TIBIA_BACKSLAB);
/** Hours after injury: once the damage-control surgery is over and the bleeding controlled (judgement). */
const VTE_PROPHYLAXIS_FROM = 24;

/**
 * Blood as the JTS CPG Damage Control Resuscitation (2019) gives it: whole blood, or its components in a
 * balanced ratio, and calcium after the first unit (TCCC Guidelines 2021: 1 g, as 30 ml of 10 % calcium
 * gluconate or 10 ml of 10 % calcium chloride), as both citrate and shock lower the ionised calcium. A
 * forward air evacuation carries whole blood or red cells and plasma, no platelets.
 */
const PREHOSPITAL_BLOOD =
  'Damage-control resuscitation in flight: low-titre group O whole blood, or red cells and plasma; calcium chloride 10 % 10 ml IV after the first unit';
const BLOOD_AT_FACILITY =
  'Damage-control resuscitation: red cells, plasma and platelets 1:1:1, or low-titre group O whole blood; calcium chloride 10 % 10 ml IV after the first unit, then by the ionised calcium';

/**
 * TCCC's haemorrhagic shock, the sign for fluids (Fluid Resuscitation guideline): a weak or absent radial
 * pulse, a systolic under 90 mmHg here, or a mental status altered without a brain injury. A quick pulse
 * with a strong radial one is not: the fluid would only raise the pressure that pushes out the clot.
 */
const needsFluids = (p: ClinicalProfile, v: Vitals): boolean =>
  v.systolic_bp < SHOCK_SYSTOLIC || (p.tbi === 0 && v.gcs < ALTERED_GCS);
const SHOCK_SYSTOLIC = 90;
const ALTERED_GCS = 14;

/**
 * Crystalloid at the first facility for a casualty who arrives bleeding (≥ 15 % of blood volume lost) and
 * in shock by TCCC's signs, or under 110 mmHg with a brain injury, where blood will not run within 10 min
 * of arrival: the fluid the vitals model's replacement from arrival stands for (course.ts). A neurogenic
 * shock has its own bolus and vasopressor.
 */
function resuscitationWithoutBlood(p: ClinicalProfile, c: Course, onArrival: Vitals | undefined) {
  const first = c.stays[0];
  if (!first || !onArrival || p.neurogenicShock || c.care.blood <= first.arrive + 10 * MIN) return undefined;
  if (bloodLossAt(p.bleed, c.care, first.arrive) < BLEEDING_LOSS) return undefined;
  if (p.tbi >= 2 && onArrival.systolic_bp < BRAIN_INJURY_SYSTOLIC) return CRYSTALLOID_RESUSCITATION_BRAIN;
  return needsFluids(p, onArrival) ? CRYSTALLOID_RESUSCITATION : undefined;
}

/**
 * Plain films at Role 2, the first facility with imaging (AJP-4.10): the chest of a chest injury or of one
 * who inhaled water (aspiration, the oedema that may follow), the pelvis, and each broken limb, before
 * the surgeon operates.
 */
function radiographs(p: ClinicalProfile, c: Course): string | undefined {
  const parts = [
    // ATLS: the chest film of the primary survey's adjuncts, for any chest injury (a sealed wound, a rib).
    p.hypoxia > 0 || p.tension || p.chestInjury || c.water === 'submersion' ? 'the chest' : '',
    p.pelvicFracture ? 'the pelvis' : '',
    p.longBoneFracture ? 'the fractured limb' : '',
  ].filter((x) => x !== '');
  return parts.length > 0 ? `X-ray of ${parts.join(', ')}` : undefined;
}

/**
 * Pain relief on arrival at the first facility, for a casualty awake enough to report pain from an
 * injury of AIS 2 or more (JTS CPG "Pain, Anxiety and Delirium"): intravenous fentanyl titrated to the
 * pain, ketamine instead in shock, none for the unconscious or a casualty about to be intubated, and
 * none for a brain injury alone (see `maxAisOutsideBrain`).
 */
function facilityAnalgesia(p: ClinicalProfile, v: Vitals | undefined): string | undefined {
  if (!v || p.maxAisOutsideBrain < 2 || intubatedOnArrival(p) || v.gcs < 13) return undefined;
  return inShock(v)
    ? 'Ketamine 0.3 mg/kg IV for pain, repeated as needed (shock: no opioid)'
    : 'Fentanyl 50 micrograms IV, repeated every 10 min to a pain score of 4 or less';
}

const SERIAL_DEBRIDEMENT_HOURS = 48;
/** Most war wounds are clean by the third or fourth visit to theatre (judgement). */
const SERIAL_DEBRIDEMENTS = 3;
