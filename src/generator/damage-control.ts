/**
 * The damage-control operations at Role 2, in the order a surgeon does them (Emergency War Surgery,
 * 5th ed.: stop the bleeding and the contamination first, repair and fix later). The course needs
 * their length to keep the casualty at Role 2 until they are done; the card lists them.
 */
import { PROCEDURES } from './conditions.js';
import type { ClinicalProfile } from './physiology.js';

export interface Operation {
  concept: readonly [string, string];
  minutes: number;
  detail?: string;
}

export function damageControlOperations(p: ClinicalProfile): Operation[] {
  const ops: Operation[] = [];
  if (p.laparotomy)
    ops.push({ concept: PROCEDURES.laparotomy, minutes: 90, detail: 'Damage-control laparotomy' });
  if (p.thoracotomy)
    ops.push({ concept: PROCEDURES.surgery, minutes: 90, detail: 'Damage-control thoracotomy' });
  if (p.vascular)
    ops.push({ concept: PROCEDURES.surgery, minutes: 60, detail: 'Vascular repair or temporary shunt' });
  if (p.amputation)
    ops.push({
      concept: PROCEDURES.amputation,
      minutes: 60,
      detail: 'Formalisation of traumatic amputation',
    });
  if (p.openFracture || p.femur || (p.limbFracture && p.maxAis >= 3))
    ops.push({ concept: PROCEDURES.surgery, minutes: 60, detail: 'External fixation of fracture' });
  if (p.openWounds) ops.push({ concept: PROCEDURES.debridement, minutes: 45, detail: 'Wound debridement' });
  return ops;
}

/** Hours in theatre for all of them, one after another. */
export const operatingHours = (p: ClinicalProfile): number =>
  damageControlOperations(p).reduce((h, op) => h + op.minutes / 60, 0);
