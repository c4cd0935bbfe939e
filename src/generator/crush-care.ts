/**
 * The care of a crushed limb against the crush syndrome it threatens: muscle released from the load
 * floods the blood with potassium and myoglobin, which stop the heart and block the kidneys. Fluids start
 * in the field, before or at the release; the first facility measures the urine and watches the potassium
 * and the heart; the first hospital with a laboratory follows the muscle enzymes and the kidneys (Sever
 * and Vanholder, Nephrol Dial Transplant 2012, recommendations for crush-related acute kidney injury; JTS
 * CPG "Crush Syndrome in Prolonged Field Care"). No NSAID: field-care.ts keeps meloxicam from it.
 */
import { PROCEDURES } from './conditions.js';
import type { Course } from './course.js';
import type { AddCare } from './field-care.js';
import type { ClinicalProfile } from './physiology.js';

const MIN = 1 / 60;

/** Sever 2012: isotonic saline at about 1 l/h from the release, before the casualty is moved if possible. */
export const CRUSH_FIELD_FLUIDS =
  'Crushed limb: IV/IO access and sodium chloride 0.9 % 1 l/h from release of the load, against crush syndrome';
/** Sever 2012: urine output kept at about 300 ml/h; hyperkalaemia is the early killer. */
export const CRUSH_SYNDROME_CARE =
  'Crush syndrome prevention: sodium chloride 0.9 % IV titrated to a urine output of 200–300 ml/h by urinary catheter; potassium checked, cardiac monitor for hyperkalaemia (calcium and insulin with glucose if it rises); compartments checked';
export const CRUSH_LABORATORY =
  'Creatine kinase, potassium, creatinine and urine myoglobin every 6 h; fluids continued until the urine clears, dialysis if the kidneys fail';

/**
 * A crushed arm alone has too little muscle to threaten the kidneys and the heart: it is watched for the
 * compartment syndrome it can still cause (BOAST, Diagnosis and Management of Compartment Syndrome of the
 * Limbs, 2014), without the crush syndrome's fluids.
 */
export const CRUSHED_ARM_CARE =
  'Crushed arm elevated; compartments checked hourly (pain on passive stretch, tense forearm), analgesia';

/** Adds the crush care of a casualty alive at first contact. */
export function crushCare(p: ClinicalProfile, c: Course, add: AddCare): void {
  if (!p.crush) return;
  if (!p.legCrush) {
    const first = c.stays[0];
    if (first) add(first.facility, first.arrive + 7 * MIN, PROCEDURES.procedure, 10, CRUSHED_ARM_CARE);
    return;
  }
  add('POI', c.field.handsFree + 6 * MIN, PROCEDURES.procedure, 5, CRUSH_FIELD_FLUIDS);
  const first = c.stays[0];
  if (!first) return;
  add(first.facility, first.arrive + 7 * MIN, PROCEDURES.procedure, 30, CRUSH_SYNDROME_CARE);
  const laboratory = c.stays.find((s) => s.facility === 'Role2' || s.facility === 'Role3');
  if (laboratory)
    add(laboratory.facility, laboratory.arrive + 20 * MIN, PROCEDURES.procedure, 10, CRUSH_LABORATORY);
}
