/**
 * Care at the point of injury, by buddy aid and the medic, in the order of the TCCC Guidelines: bleeding,
 * airway, breathing, then pain, antibiotics, splints and warmth, and prolonged casualty care when
 * evacuation is delayed. Sources for each step are in docs/casualty-model.md ("Evacuation and care").
 */
import { PROCEDURES } from './conditions.js';
import { type Course, FAILED_BLEED_CONTROL } from './course.js';
import { betaLactamAllergic, type MedicalHistory, nsaidCaution } from './medical-history.js';
import { ruleOfTen, TRIAGE_CATEGORY_NAMES } from './care-texts.js';
import {
  type ClinicalProfile,
  inShock,
  MAJOR_BURN_TBSA,
  MAJOR_LIMB_BLEED,
  SHOCK_LOSS,
} from './physiology.js';
import type { Facility, NatoTriage } from './types.js';

const MIN = 1 / 60;

/**
 * Records one item of care (treatments.ts: it clips the item to the stay and to the casualty's life, and
 * field care to the handover at the first facility).
 */
export type AddCare = (
  facility: Facility,
  hours: number,
  concept: readonly [string, string],
  minutes?: number,
  detail?: string,
) => void;

/**
 * The category the first medic gives, written where the triage is recorded: the NATO categories of the
 * triage sieve (AJP-4.10; UK triage sieve and MPTT, physiology.ts). T4 writes its own reason (EXPECTANT).
 */
function fieldTriage(t: NatoTriage): string | undefined {
  const name = TRIAGE_CATEGORY_NAMES[t];
  return name && `Triage sieve: ${t}, ${name}${t === 'T3' ? ' (walking wounded)' : ''}`;
}

/** Everything done at the point of injury for a casualty alive at first contact. */
export function fieldCare(
  p: ClinicalProfile,
  c: Course,
  history: MedicalHistory,
  weightKg: number,
  add: AddCare,
): void {
  // The medic's category, also for one who dies before reaching care (whose card then says DEAD).
  const triage = c.fieldTriage;
  add('POI', c.contact, PROCEDURES.triage, 1, triage === 'T4' ? EXPECTANT : fieldTriage(triage));
  if (Number.isFinite(c.field.tourniquet)) fieldTourniquet(p, c, add);
  else if (p.bleed.limb >= MAJOR_LIMB_BLEED)
    add('POI', c.contact + FAILED_BLEED_CONTROL, PROCEDURES.dressing, 5, UNCONTROLLED_LIMB_BLEED);
  // The rest of MARCH once the massive bleed is dealt with.
  const then = c.field.handsFree;
  if (Number.isFinite(c.field.dressing))
    add('POI', c.field.dressing, PROCEDURES.dressing, 5, HAEMOSTATIC_PACKING);
  // A trickle from a face or scalp wound is no massive bleed: the field dressing holds it.
  else if (p.bleed.junctional >= MAJOR_LIMB_BLEED)
    add('POI', c.contact + FAILED_BLEED_CONTROL, PROCEDURES.dressing, 5, UNCONTROLLED_JUNCTIONAL_BLEED);
  if (triage === 'T4') {
    expectantCare(p, c, then, add);
    return;
  }
  if (Number.isFinite(c.field.needle))
    add('POI', c.field.needle, PROCEDURES.procedure, 2, 'Needle decompression of the chest');
  else if (p.tension) add('POI', then + 10 * MIN, PROCEDURES.evaluation, 1, TENSION_MISSED);
  if (Number.isFinite(c.field.cric)) {
    add('POI', then + MIN, PROCEDURES.procedure, 2, AIRWAY_NOT_OPENED);
    add('POI', c.field.cric, PROCEDURES.procedure, 5, c.field.airway === c.field.cric ? CRIC : CRIC_FAILED);
  } else if (Number.isFinite(c.field.airway))
    add('POI', c.field.airway, PROCEDURES.procedure, 2, airwayPosition(p, c));
  else if (p.airwayRisk) add('POI', then + MIN, PROCEDURES.procedure, 2, AIRWAY_NOT_OPENED);
  // TCCC: any unconscious casualty gets a nasopharyngeal airway and the recovery position, obstructed or not.
  else if ((c.vitals[0]?.v.gcs ?? 15) <= 8)
    add('POI', then + MIN, PROCEDURES.procedure, 2, airwayPosition(p, c));
  if (p.spinalMotionRestriction)
    add('POI', then + 5 * MIN, PROCEDURES.procedure, 5, p.cervicalCord ? CERVICAL_SMR : SPINAL_SMR);
  if (p.openWounds) add('POI', then + 3 * MIN, PROCEDURES.woundCare, 5, 'Field dressing');
  if (p.openChest) add('POI', then + 2 * MIN, PROCEDURES.dressing, 2, VENTED_CHEST_SEAL);
  if (p.burnTbsa > 0) add('POI', then + 4 * MIN, PROCEDURES.dressing, 3, FIELD_BURN_DRESSING);
  if (burnFluidsInField(p, c)) {
    const from = then + 6 * MIN;
    const until = Math.min(c.stays[0]?.arrive ?? c.death, c.death);
    add(
      'POI',
      from,
      PROCEDURES.procedure,
      Math.max(1, (until - from) * 60),
      fieldBurnFluids(p.burnTbsa, weightKg),
    );
  }
  // TCCC: a pelvic binder with the circulation checks, splints once the bleeding is controlled.
  if (Number.isFinite(c.field.pelvicBinder))
    add('POI', c.field.pelvicBinder, PROCEDURES.procedure, 3, 'Pelvic binder');
  if (p.longBoneFracture)
    add('POI', then + 12 * MIN, PROCEDURES.splint, 5, p.femur ? FEMUR_SPLINT : LIMB_SPLINT);
  const analgesia = fieldAnalgesia(p, c, history);
  if (analgesia) add('POI', then + 8 * MIN, PROCEDURES.drug, 2, analgesia);
  if (p.eye) add('POI', then + 9 * MIN, PROCEDURES.procedure, 2, EYE_SHIELD);
  if (c.water === 'submersion') add('POI', then + 2 * MIN, PROCEDURES.oxygen, undefined, RESCUE_OXYGEN);
  // Everyone who cannot walk out is wrapped against the cold, which worsens bleeding (the lethal triad).
  if (triage !== 'T3' || c.water !== 'none')
    add('POI', then + 14 * MIN, PROCEDURES.procedure, 3, HYPOTHERMIA_PREVENTION);
  // Held in the field for hours (contested airspace, a long carry): prolonged casualty care until moved.
  const held = Math.min(c.poiLeave, c.death) - c.contact;
  if (held > PROLONGED_FIELD_CARE_HOURS)
    add(
      'POI',
      c.contact + 1,
      PROCEDURES.procedure,
      (held - 1) * 60,
      prolongedFieldCare(p.openWounds || p.burnTbsa > 0 || p.bleed.junctional > 0),
    );
  // TCCC's antibiotic is for open combat wounds, not a graze from a fall or a crash.
  if ((p.openWounds && !p.cleanLacerations) || p.eye)
    add('POI', then + 10 * MIN, PROCEDURES.antibiotics, 2, fieldAntibiotic(p, c, history));
}

/**
 * One who inhaled water gets high-flow oxygen as soon as it is at hand (ERC Guidelines 2021, drowning):
 * at sea from the rescue boat's or the ship's first-aid kit, before any facility.
 */
const RESCUE_OXYGEN = "Oxygen 15 L/min by non-rebreather mask from the rescuers' kit (water inhaled)";

/**
 * TCCC Guidelines (burns): cover the burn with dry sterile dressings and, for an extensive burn, wrap the
 * casualty against the cold. No cooling of a large burn in the field, which chills the casualty.
 */
const FIELD_BURN_DRESSING = 'Burns covered with dry sterile dressings';

/**
 * TCCC Guidelines (burns): from 20 % TBSA, fluid resuscitation by the USAISR rule of ten as soon as IV or
 * IO access is in; haemorrhagic shock's resuscitation comes first where the casualty is in it. The first
 * facility carries on with it (treatments.ts).
 */
export const burnFluidsInField = (p: ClinicalProfile, c: Course): boolean =>
  p.burnTbsa >= MAJOR_BURN_TBSA && c.maxLoss < SHOCK_LOSS && c.fieldTriage !== 'T4';
const fieldBurnFluids = (tbsa: number, weightKg: number): string =>
  `IV/IO access; burn fluids: ${ruleOfTen(tbsa, weightKg)}`;

/**
 * Mass-casualty triage: the expectant casualty, unlikely to survive with the resources at hand, is made
 * comfortable and triaged again as the immediate casualties are treated and resources free (Emergency War
 * Surgery, 5th ed., triage; NATO mass-casualty doctrine: re-triage at every step). The first facility
 * records the re-triage (care-texts.ts, `RETRIAGED`).
 */
const EXPECTANT =
  'Mass-casualty triage: expectant (T4); made comfortable, triaged again as the immediate casualties are treated';

/**
 * The expectant casualty's care beyond the buddy's tourniquet: positioned to breathe, burns covered and
 * kept warm, no intervention the immediate casualties need more (Emergency War Surgery, 5th ed., triage).
 */
function expectantCare(p: ClinicalProfile, c: Course, then: number, add: AddCare): void {
  if ((c.vitals[0]?.v.gcs ?? 15) <= 8) add('POI', then + MIN, PROCEDURES.procedure, 2, airwayPosition(p, c));
  if (p.burnTbsa > 0) add('POI', then + 2 * MIN, PROCEDURES.dressing, 3, FIELD_BURN_DRESSING);
  add('POI', then + 3 * MIN, PROCEDURES.procedure, 3, HYPOTHERMIA_PREVENTION);
}

/**
 * What the medic withheld from the expectant casualty, done by the first facility that upgrades them at its
 * re-triage (treatments.ts): the open chest sealed, a broken pelvis bound, broken limbs splinted, wounds
 * dressed and an injured eye shielded, as the field would have for an immediate casualty.
 */
export function withheldFromTheExpectant(
  p: ClinicalProfile,
  facility: Facility,
  at: number,
  add: AddCare,
): void {
  if (p.openChest) add(facility, at, PROCEDURES.dressing, 2, VENTED_CHEST_SEAL);
  if (p.pelvicFracture) add(facility, at + MIN, PROCEDURES.procedure, 3, 'Pelvic binder');
  if (p.openWounds) add(facility, at + 2 * MIN, PROCEDURES.woundCare, 5, 'Field dressing');
  if (p.longBoneFracture)
    add(facility, at + 4 * MIN, PROCEDURES.splint, 5, p.femur ? FEMUR_SPLINT : LIMB_SPLINT);
  if (p.eye) add(facility, at + 6 * MIN, PROCEDURES.procedure, 2, EYE_SHIELD);
}

/**
 * The tension pneumothorax the medic did not decompress (course.ts draws the miss): its signs were taken for
 * the wounds' distress, as a missed tension is among the potentially survivable deaths (Eastridge 2012).
 */
const TENSION_MISSED =
  'Breathing reassessed: worsening breathlessness and falling saturation put down to the wounds; tension pneumothorax not recognised, the chest not decompressed';

/** TCCC (massive haemorrhage, respiration): every open or sucking chest wound is sealed, vented by preference. */
const VENTED_CHEST_SEAL =
  'Vented chest seal over the open chest wound; watched for tension pneumothorax, the seal burped or decompressed if it develops';

/**
 * Analgesia in tactical field care, the three options of the TCCC Guidelines (pain management): the
 * combat wound medication pack for pain that still lets the casualty fight, oral transmucosal fentanyl
 * for moderate to severe pain, and ketamine for moderate to severe pain in shock or respiratory distress.
 */
const COMBAT_WOUND_PACK = 'Combat wound medication pack: paracetamol 1300 mg PO and meloxicam 15 mg PO';
const OTFC = 'Fentanyl 800 micrograms oral transmucosal (OTFC)';
const KETAMINE = 'Ketamine 50 mg IM or 20 mg IV/IO slow push, repeated every 20 min as needed';
/**
 * Crushed muscle releases myoglobin that injures the kidneys; an NSAID adds to the harm (Sever and
 * Vanholder, Nephrol Dial Transplant 2012, crush-related acute kidney injury; JTS CPG "Crush Syndrome in
 * Prolonged Field Care").
 */
const CRUSH_NSAID_CAUTION = 'crush injury, kidneys at risk';
/**
 * A head injury's headache is treated with paracetamol, no NSAID, until a bleed inside the skull is
 * excluded: NSAIDs impair platelet function (NICE CKS Head injury; DHA concussion management: acetaminophen
 * for the headache).
 */
const HEAD_INJURY_NSAID_CAUTION = 'head injury, no NSAID until a bleed is excluded';

/** TCCC: a haemostatic dressing for compressible bleeding where no tourniquet fits (groin, armpit, neck, face). */
const HAEMOSTATIC_PACKING =
  'Haemostatic gauze packing and direct pressure (compressible bleeding where no tourniquet fits)';

/**
 * The massive bleed the medic did not control: MARCH puts it first, so the card shows the attempt, and that
 * it failed. Eastridge 2012 (J Trauma Acute Care Surg 73:S431) counted such failures: extremity and
 * junctional haemorrhage were among the leading potentially survivable causes of death on the battlefield.
 * The first facility's tourniquet or packing follows (treatments.ts).
 */
const UNCONTROLLED_LIMB_BLEED =
  'Direct pressure and a pressure dressing on the limb wound; no tourniquet applied, the bleeding not controlled';
const UNCONTROLLED_JUNCTIONAL_BLEED =
  'Direct pressure on the junctional wound; not packed, the bleeding not controlled';

const LIMB_SPLINT = 'Fracture splinted, pulses checked before and after';
const FEMUR_SPLINT = 'Femur splinted (traction splint where there is no pelvic fracture), pulses checked';

export const tourniquetDetail = (p: ClinicalProfile): string =>
  p.bothLegsAmputated ? 'Tourniquets on both legs, high and tight' : 'Limb tourniquet';

/** TCCC: a tourniquet on for more than 2 h risks the limb; convert it by then where that is safe. */
const CONVERSION_LIMIT_HOURS = 2;

/**
 * The field tourniquet and what became of it. TCCC converts a tourniquet to a pressure dressing within
 * 2 h, or at the first facility, but leaves it on a traumatic amputation and on a casualty in shock,
 * who keep it until surgery. It is never recorded as on after death.
 */
function fieldTourniquet(p: ClinicalProfile, c: Course, add: AddCare): void {
  const applied = c.field.tourniquet;
  const first = c.stays[0];
  const keep = p.amputation || c.maxLoss >= SHOCK_LOSS;
  const converted = keep
    ? Number.POSITIVE_INFINITY
    : Math.min(
        c.surgery,
        applied + CONVERSION_LIMIT_HOURS,
        (first?.arrive ?? Number.POSITIVE_INFINITY) + 0.5,
      );
  const removed = Math.min(converted, c.surgery, c.death);
  const minutes = Number.isFinite(removed) ? (removed - applied) * 60 : undefined;
  add('POI', applied, PROCEDURES.tourniquet, minutes, tourniquetDetail(p));
  if (!Number.isFinite(converted) || converted >= c.surgery) return;
  const where = !first || converted < first.arrive ? 'POI' : first.facility;
  add(
    where,
    converted,
    PROCEDURES.dressing,
    5,
    `Tourniquet converted to a pressure dressing after ${Math.round((converted - applied) * 60)} min`,
  );
}

/**
 * TCCC field antibiotics for an open combat wound: the moxifloxacin tablet of the combat wound medication
 * pack, or ertapenem for a casualty who cannot swallow (shock, lowered consciousness).
 */
const MOXIFLOXACIN = 'Moxifloxacin 400 mg PO (combat wound medication pack)';
const ERTAPENEM = 'Ertapenem 1 g IV/IM (unable to take by mouth)';
/**
 * Ertapenem is a beta-lactam, barred by a penicillin allergy (TCCC: the medical officer's substitute). The
 * substitute is the non-beta-lactam the first facility will carry on with, clindamycin (JTS CPG "Infection
 * Prevention in Combat-Related Injuries"), so the card does not switch drugs an hour later.
 */
const CLINDAMYCIN_IV =
  'Clindamycin 900 mg IV/IO (unable to take by mouth; penicillin allergy: no ertapenem, a beta-lactam)';

/**
 * Hours one field dose covers (TCCC: ertapenem 1 g once a day; clindamycin every 8 h): the facility's
 * own regimen starts when it runs out, not minutes after it (JTS CPG "Infection Prevention in
 * Combat-Related Injuries": one agent at its dosing interval). The moxifloxacin tablet is switched to the
 * facility's IV drug on arrival.
 */
const FIELD_DOSE_HOURS: readonly (readonly [string, number])[] = [
  [ERTAPENEM, 24],
  [CLINDAMYCIN_IV, 8],
];

/** When a field antibiotic recorded as `detail` runs out, and its name, or undefined if it needs no wait. */
export function fieldAntibioticCover(
  detail: string | undefined,
  givenAt: number,
): { until: number; drug: string } | undefined {
  const dose = FIELD_DOSE_HOURS.find(([text]) => detail?.startsWith(text));
  return dose && { until: givenAt + dose[1], drug: dose[0].split(' ')[0]!.toLowerCase() };
}

/** The TCCC field antibiotic this casualty can take: by mouth if able, otherwise one the allergy allows. */
function fieldAntibiotic(p: ClinicalProfile, c: Course, history: MedicalHistory): string {
  if (takesByMouth(p, c)) return MOXIFLOXACIN;
  return betaLactamAllergic(history.allergies) ? CLINDAMYCIN_IV : ERTAPENEM;
}
/**
 * JTS CPG "Prolonged Casualty Care Guidelines": when evacuation is delayed, the medic keeps reassessing,
 * re-dosing and feeding the casualty. From 2 h in the field (judgement), over the whole wait.
 */
const PROLONGED_FIELD_CARE_HOURS = 2;
const prolongedFieldCare = (dressed: boolean): string =>
  `Prolonged casualty care: hourly reassessment and vital signs, analgesia repeated, oral fluids if able, pressure areas${dressed ? ' and dressings' : ''} checked`;

/** TCCC airway management: an unconscious casualty without a neck injury lies in the recovery position. */
const AIRWAY = 'Nasopharyngeal airway, recovery position';
/** TCCC: a conscious casualty with a neck or face wound takes whatever position keeps the airway open. */
const AIRWAY_SITTING_UP =
  'Nasopharyngeal airway; allowed to sit up and lean forward to keep the airway clear of blood';
/** With a broken neck the head and neck stay in line: a jaw thrust, never the recovery position. */
const AIRWAY_IN_LINE =
  'Jaw thrust and nasopharyngeal airway, head and neck kept in line (no recovery position)';
/**
 * TCCC spinal motion restriction (2020 change): for blunt trauma with a suspected spine injury, not for
 * penetrating trauma alone.
 */
const CERVICAL_SMR =
  'Spinal motion restriction: cervical collar, head blocks and vacuum mattress; log-rolled';
const SPINAL_SMR = 'Spinal motion restriction: vacuum mattress; log-rolled';

/** TCCC hypothermia prevention, in tactical field care. */
const HYPOTHERMIA_PREVENTION = 'Hypothermia prevention: wet clothing off, active heating blanket and wrap';
/** TCCC: a penetrating eye injury is covered with a rigid shield, never a pressure patch. */
const EYE_SHIELD = 'Rigid eye shield over the injured eye (no pressure patch); visual acuity checked';

/**
 * The airway the medic could not open in time (course.ts draws the miss): the attempt is on the card, as a
 * failed tourniquet is (Eastridge 2012: airway obstruction among the potentially survivable deaths).
 */
const AIRWAY_NOT_OPENED =
  'Airway opening attempted (jaw thrust, nasopharyngeal airway not passed); still obstructed by blood and secretions';
/** TCCC (airway): where the basic manoeuvres fail, a surgical cricothyroidotomy, lidocaine if conscious. */
const CRIC =
  'Surgical cricothyroidotomy (basic manoeuvres failed): tube through the cricothyroid membrane, secured, breaths assisted by bag-valve';
/** About a third fail in a medic's hands (course.ts, CRIC_SUCCESS). */
const CRIC_FAILED =
  'Surgical cricothyroidotomy attempted (basic manoeuvres failed): tube not placed; airway still obstructed';
/**
 * TCCC (respiration): breathing too slow to oxygenate, fewer than 10 breaths a minute, is assisted with a
 * bag-valve-mask once the airway is open.
 */
const BAG_MASK_BELOW_RATE = 10;
const BAG_MASK = 'breaths assisted with a bag-valve-mask';

/** How the airway is kept open: the neck in line after a cord injury, sitting up while awake with a neck wound. */
function airwayPosition(p: ClinicalProfile, c: Course): string {
  const first = c.vitals[0]?.v;
  const airway = p.cervicalCord
    ? AIRWAY_IN_LINE
    : (first?.gcs ?? 15) >= 13 && p.tbi < 3
      ? AIRWAY_SITTING_UP
      : AIRWAY;
  return first && first.respiratory_rate < BAG_MASK_BELOW_RATE ? `${airway}; ${BAG_MASK}` : airway;
}

/** Whether the casualty can swallow a tablet at first contact: awake, and not in shock. */
function takesByMouth(p: ClinicalProfile, c: Course): boolean {
  const first = c.vitals[0]?.v;
  return !p.airwayRisk && p.tbi < 3 && (first?.gcs ?? 15) >= 13 && !(first && inShock(first));
}

/**
 * TCCC (pain management): the fentanyl lozenge only for a casualty neither in shock nor at significant risk
 * of it. An injury that bleeds inside the trunk or pelvis, a cut artery, a junctional bleed, an amputation
 * or a broken femur (up to 1.5 l lost into the thigh: ATLS, 10th ed.) is that risk, however the first
 * observations look.
 */
const atRiskOfShock = (p: ClinicalProfile): boolean =>
  p.penetratingTorso ||
  p.laparotomy ||
  p.vascular ||
  p.amputation ||
  p.pelvicFracture ||
  p.femur ||
  p.bleed.junctional + p.bleed.torso + p.bleed.pelvic >= TRUNK_BLEED_AT_RISK;
/**
 * Untreated junctional and trunk bleeding, fraction of blood volume per hour, that reaches class II within
 * the hour (judgement); a trickle from a face wound is no such risk.
 */
const TRUNK_BLEED_AT_RISK = 0.15;

/**
 * The TCCC analgesia option for this casualty, or undefined for one who cannot take it by mouth or report
 * pain (unconscious: severe brain injury; an airway at risk is intubated and sedated at the facility).
 * An NSAID caution (medical-history.ts) leaves meloxicam out of the pack, and so does a crush injury.
 */
function fieldAnalgesia(p: ClinicalProfile, c: Course, history: MedicalHistory): string | undefined {
  if (p.tbi === 3 || p.airwayRisk) return undefined;
  // A lozenge needs a casualty awake enough to hold it in the cheek: with a lowered consciousness
  // (GCS below 13) TCCC's choice is ketamine.
  const gcs = c.vitals[0]?.v.gcs ?? 15;
  if (gcs <= 8) return undefined;
  // A moderate brain injury with nothing else that hurts: no ketamine or fentanyl to cloud the
  // consciousness it is watched by (a concussion's headache still gets the pack's paracetamol).
  if (p.tbi === 2 && p.maxAisOutsideBrain < 2) return undefined;
  // Inhaled water is a respiratory distress too (TCCC: ketamine, not the lozenge).
  const breathless = p.tension || p.hypoxia > 0 || c.water === 'submersion';
  if (c.maxLoss >= SHOCK_LOSS || atRiskOfShock(p) || breathless || gcs < 13) return KETAMINE;
  if (p.maxAisOutsideBrain >= 3) return OTFC;
  const caution =
    (p.crush ? CRUSH_NSAID_CAUTION : undefined) ??
    (p.tbi >= 1 ? HEAD_INJURY_NSAID_CAUTION : undefined) ??
    nsaidCaution(history);
  return caution ? `Paracetamol 1300 mg PO (meloxicam withheld: ${caution})` : COMBAT_WOUND_PACK;
}
