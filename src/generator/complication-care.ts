/**
 * The response to a complication that kills days after the injury (course.ts, complicationCause), so a
 * death on the ward is not a silence between the ward round and the last chart:
 * - wound sepsis is recognised hours before death by the ward's observations (NEWS2 7 or more: RCP 2017),
 *   and treated as sepsis: the Sepsis Six, a broader antibiotic, the wound back in theatre for its source,
 *   intensive care (Surviving Sepsis Campaign 2021: antibiotics within the hour, source control);
 * - a pulmonary embolism kills suddenly: the collapse is met with advanced life support and a thrombolytic
 *   for the suspected embolism (Resuscitation Council UK, Adult advanced life support, 2021);
 * - a pneumonia caught in hospital is recognised by the same observations, filmed, and treated as the
 *   sepsis it has become: intravenous piperacillin-tazobactam for a severe hospital-acquired pneumonia
 *   (NICE NG139, 2019), meropenem where the patient is allergic to penicillin, as for wound sepsis; then
 *   intensive care.
 * - organs failing days after a haemorrhage (multiple organ failure) are supported in intensive care until
 *   the shock no longer answers: lung-protective ventilation for the acute respiratory distress (ARDS Network,
 *   NEJM 2000: 6 ml/kg), noradrenaline to a mean arterial pressure of 65 mmHg, renal replacement therapy for
 *   the kidneys where a Role 3 holds it (KDIGO acute kidney injury guideline, 2012); then the intensivist and
 *   the surgeon judge further treatment futile, and resuscitation is not attempted (BMA, Resuscitation
 *   Council UK and RCN, Decisions relating to cardiopulmonary resuscitation, 2016).
 * The hours between recognition and death are judgement.
 */
import { PROCEDURES } from './conditions.js';
import type { Course } from './course.js';
import type { AddCare } from './field-care.js';

const MIN = 1 / 60;
/** Hours before a septic death that the ward's observations trigger the response (judgement). */
const SEPSIS_RECOGNISED_HOURS = 4;
/** Minutes from a pulmonary embolism's collapse to death, resuscitation failing (judgement). */
const EMBOLISM_COLLAPSE_MINUTES = 20;
/** Hours of full organ support before a death of organ failure, where the casualty is in care that long (judgement). */
const ORGAN_SUPPORT_HOURS = 12;
/** Minutes from the decision that further treatment is futile to the death (judgement). */
const FUTILITY_MINUTES = 30;

export const sepsisRecognised = (penicillinAllergy: boolean): string =>
  `NEWS2 7 or more on the ward: sepsis from the wound recognised; Sepsis Six (blood cultures, lactate, fluids, urine output, oxygen), antibiotic broadened to ${
    penicillinAllergy ? 'meropenem 1 g IV every 8 h' : 'piperacillin-tazobactam 4.5 g IV every 8 h'
  }, the critical care team called`;
/** The cause of death of a pneumonia caught in hospital (course.ts, complicationCause). */
export const HOSPITAL_PNEUMONIA = 'Hospital-acquired pneumonia';
export const hospitalPneumoniaRecognised = (penicillinAllergy: boolean): string =>
  `NEWS2 7 or more on the ward: a new fever, a cough and a falling saturation, hospital-acquired pneumonia recognised; Sepsis Six (blood and sputum cultures, lactate, fluids, urine output, oxygen), ${
    penicillinAllergy ? 'meropenem 1 g IV every 8 h' : 'piperacillin-tazobactam 4.5 g IV every 8 h'
  }, the critical care team called`;
/** The cause of death of organs failing days after the bleeding (course.ts, hospitalDeathCause). */
export const ORGAN_FAILURE_AFTER_HAEMORRHAGE = 'Multiple organ failure after haemorrhage';
export const organSupport = (renalReplacement: boolean): string =>
  `Multiple organ failure after haemorrhagic shock: ventilated with lung-protective settings for acute respiratory distress (6 ml/kg, PEEP), noradrenaline infusion to a mean arterial pressure of 65 mmHg, ${
    renalReplacement
      ? 'continuous renal replacement therapy for the failing kidneys'
      : 'the failing kidneys without renal replacement (none held here)'
  }, blood products for the coagulopathy`;
export const FUTILITY =
  'Shock no longer answering full organ support: the intensivist and the surgeon judge further treatment futile; cardiopulmonary resuscitation not attempted, comfort care';
export const SEPSIS_SOURCE_CONTROL =
  'Return to theatre for source control: the wound re-explored, infected and dead tissue excised';
export const EMBOLISM_COLLAPSE =
  'Sudden breathlessness and collapse, massive pulmonary embolism suspected: advanced life support with alteplase 50 mg IV; resuscitation unsuccessful';

/**
 * Minutes before a complication's death of the last chart: before the embolism's collapse and before the
 * decision to stop organ support, not in the middle of a resuscitation or of comfort care; otherwise 5.
 */
export function lastChartMinutesBefore(cause: string | undefined): number {
  if (cause === 'Pulmonary embolism') return EMBOLISM_COLLAPSE_MINUTES + 1;
  if (cause === ORGAN_FAILURE_AFTER_HAEMORRHAGE) return FUTILITY_MINUTES + 1;
  return 5;
}

/**
 * Adds the response to a septic, embolic or organ-failure death in hospital, where the casualty dies at a
 * facility.
 */
export function complicationCare(c: Course, penicillinAllergy: boolean, add: AddCare): void {
  const at = c.stays.find((s) => s.arrive < c.death && c.death <= s.leave);
  if (!at || at.facility === 'Role4' || !Number.isFinite(c.death)) return;
  if (c.causeOfDeath === 'Sepsis') {
    // Recognised, operated on and in intensive care, each in a third of the hours left (fewer when the
    // casualty dies soon after reaching this facility).
    const recognised = Math.max(at.arrive, c.death - SEPSIS_RECOGNISED_HOURS);
    const step = (c.death - recognised) / 3;
    add(at.facility, recognised, PROCEDURES.procedure, step * 60, sepsisRecognised(penicillinAllergy));
    add(at.facility, recognised + step, PROCEDURES.debridement, step * 60, SEPSIS_SOURCE_CONTROL);
    add(at.facility, recognised + 2 * step, PROCEDURES.icu, step * 60);
  }
  if (c.causeOfDeath === HOSPITAL_PNEUMONIA) {
    // Recognised, filmed and in intensive care: the chest has no wound to take back to theatre.
    const recognised = Math.max(at.arrive, c.death - SEPSIS_RECOGNISED_HOURS);
    const step = (c.death - recognised) / 3;
    add(
      at.facility,
      recognised,
      PROCEDURES.procedure,
      step * 60,
      hospitalPneumoniaRecognised(penicillinAllergy),
    );
    add(at.facility, recognised + step / 2, PROCEDURES.xray, 10, 'X-ray of the chest: new consolidation');
    add(at.facility, recognised + step, PROCEDURES.icu, 2 * step * 60);
  }
  if (c.causeOfDeath === ORGAN_FAILURE_AFTER_HAEMORRHAGE) {
    const supported = Math.max(at.arrive, c.death - ORGAN_SUPPORT_HOURS);
    const futile = Math.max(supported, c.death - FUTILITY_MINUTES * MIN);
    add(
      at.facility,
      supported,
      PROCEDURES.procedure,
      (futile - supported) * 60,
      organSupport(at.facility === 'Role3'),
    );
    add(at.facility, futile, PROCEDURES.procedure, (c.death - futile) * 60, FUTILITY);
  }
  if (c.causeOfDeath === 'Pulmonary embolism') {
    const collapse = Math.max(at.arrive, c.death - EMBOLISM_COLLAPSE_MINUTES * MIN);
    add(at.facility, collapse, PROCEDURES.procedure, (c.death - collapse) * 60, EMBOLISM_COLLAPSE);
  }
}
