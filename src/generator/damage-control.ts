/**
 * The damage-control operations at Role 2, in the order a surgeon does them (Emergency War Surgery,
 * 5th ed.: stop the bleeding and the contamination first, repair and fix later). The course needs
 * their length to keep the casualty at Role 2 until they are done; the card lists them.
 */
import { FOREARM_BACKSLAB, FOREARM_FIXATION, TIBIA_BACKSLAB, TIBIA_NAILING } from './care-texts.js';
import { PROCEDURES } from './conditions.js';
import type { ClinicalProfile } from './physiology.js';

export interface Operation {
  concept: readonly [string, string];
  minutes: number;
  detail?: string;
}

/**
 * A laparotomy at Role 2 is damage control, abbreviated, packed and left open for the relook, only for a
 * casualty who cannot take more: in shock when the surgeon sees them, having lost a third of the blood
 * (ATLS class III, the transfusion threshold), or with the chest opened too. A stable casualty with a
 * limited injury has it repaired and the abdomen closed at the one operation (Emergency War Surgery, 5th
 * ed., damage control surgery: indications; Rotondo 1993). Both take the theatre 90 min here.
 */
const DAMAGE_CONTROL_LAPAROTOMY =
  'Damage-control laparotomy: bleeding packed, bowel stapled off, abdomen left open under a temporary closure';
const DEFINITIVE_LAPAROTOMY =
  'Exploratory laparotomy: bleeding controlled, injuries repaired, abdomen closed (stable: no damage control needed)';

/**
 * The operations at Role 2, where `damageControl` says whether the laparotomy is abbreviated (the
 * course decides it once the casualty's physiology on arrival is known; treatments.ts).
 */
export function damageControlOperations(p: ClinicalProfile, damageControl = true): Operation[] {
  const ops: Operation[] = [];
  if (p.laparotomy)
    ops.push({
      concept: PROCEDURES.laparotomy,
      minutes: 90,
      detail: damageControl ? DAMAGE_CONTROL_LAPAROTOMY : DEFINITIVE_LAPAROTOMY,
    });
  if (p.thoracotomy)
    ops.push({ concept: PROCEDURES.surgery, minutes: 90, detail: 'Damage-control thoracotomy' });
  if (p.vascular)
    ops.push({ concept: PROCEDURES.surgery, minutes: 60, detail: 'Vascular repair or temporary shunt' });
  if (p.legArtery) ops.push({ concept: PROCEDURES.surgery, minutes: 30, detail: LOWER_LEG_FASCIOTOMY });
  if (p.amputation)
    ops.push({
      concept: PROCEDURES.amputation,
      minutes: 60,
      detail: 'Formalisation of traumatic amputation',
    });
  // The wound is cleaned before the fixator's pins go in (JTS CPG "Orthopaedic Trauma: Extremity
  // Fractures": irrigation and debridement, then temporary stabilisation).
  // A skin-deep wound (AIS 1) beside a brain injury is no reason for theatre: it is irrigated and dressed
  // (treatments.ts) while the brain goes on to the neurosurgeon.
  if (p.openWounds && !p.cleanLacerations && (p.needsDcs || p.maxAisOutsideBrain >= 2))
    ops.push({ concept: PROCEDURES.debridement, minutes: 45, detail: 'Wound debridement' });
  if (externallyFixed(p))
    ops.push({ concept: PROCEDURES.surgery, minutes: 60, detail: 'External fixation of fracture' });
  return ops;
}

/**
 * JTS CPG "Compartment Syndrome and the Role of Fasciotomy in Extremity War Wounds" and "Vascular Injury":
 * after a leg artery is repaired or shunted, the calf is opened prophylactically, since the reperfused
 * muscle swells and the compartments cannot be examined during the evacuation that follows.
 */
const LOWER_LEG_FASCIOTOMY =
  'Prophylactic four-compartment fasciotomy of the lower leg (reperfused after arterial repair; no compartment checks possible in flight)';

/**
 * The fractures an external fixator holds for the flight: an open fracture, a femur, a pelvis. A closed
 * fracture of the forearm, humerus or tibia stays in its splint, whatever else the casualty has.
 */
const longBoneFixed = (p: ClinicalProfile): boolean => p.openFracture || p.femur;
const externallyFixed = (p: ClinicalProfile): boolean => longBoneFixed(p) || p.pelvicFracture;

/**
 * What damage control left for the home-nation hospital (Role 4), one operation a day (Emergency War
 * Surgery, 5th ed.: the external fixator holds the fracture for the flight, internal fixation follows out
 * of theatre once the wound is clean; an amputation stump is left open and closed after evacuation).
 */
export function definitiveOperations(p: ClinicalProfile, afterDamageControl: boolean): Operation[] {
  const ops: Operation[] = [];
  if (afterDamageControl && p.amputation)
    ops.push({
      concept: PROCEDURES.amputation,
      minutes: 90,
      detail: 'Revision and closure of the amputation stump',
    });
  // A closed shaft fracture held in a backslab for the flight is fixed at home (care-texts.ts).
  if (p.casts.includes(FOREARM_BACKSLAB))
    ops.push({ concept: PROCEDURES.surgery, minutes: 120, detail: FOREARM_FIXATION });
  if (p.casts.includes(TIBIA_BACKSLAB))
    ops.push({ concept: PROCEDURES.surgery, minutes: 120, detail: TIBIA_NAILING });
  if (!afterDamageControl || !externallyFixed(p)) return ops;
  if (p.pelvicFracture)
    ops.push({
      concept: PROCEDURES.surgery,
      minutes: 180,
      detail:
        'Definitive fixation of the pelvis (open reduction, plates and screws); external fixator removed',
    });
  if (longBoneFixed(p))
    ops.push({
      concept: PROCEDURES.surgery,
      minutes: 120,
      detail:
        'Definitive fixation of the long-bone fracture (intramedullary nail or plate); external fixator removed',
    });
  return ops;
}

/** Hours in theatre for all of them, one after another. */
export const operatingHours = (p: ClinicalProfile): number =>
  damageControlOperations(p).reduce((h, op) => h + op.minutes / 60, 0);
