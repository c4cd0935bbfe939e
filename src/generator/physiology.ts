/**
 * What the injuries do to the body, and the triage that follows from it. A casualty's clinical
 * profile sums the injuries (bleeding by site, brain injury, chest, burns, surgical needs); vital
 * signs at any moment follow from the blood lost by then (ATLS shock classes), the brain injury
 * (GCS by VA/DoD severity), the chest injury and time in the cold; the triage sort reads the vital
 * signs and the injuries.
 */
import type { BleedSite } from './injury-catalog.js';
import type { Injury } from './injuries.js';
import { injurySeverityScore, newInjurySeverityScore } from './injuries.js';
import type { Mechanism, NatoTriage } from './types.js';

/** Where a casualty can return to duty from, if at all ("none" = evacuated out of theatre). */
export type RtdLevel = 'role1' | 'role2' | 'role3' | 'none';

export interface ClinicalProfile {
  iss: number;
  niss: number;
  maxAis: number;
  /**
   * The worst injury other than the brain's: what hurts. A brain injury alone is not given an opioid or
   * ketamine, which would cloud the neurological examination it is watched by.
   */
  maxAisOutsideBrain: number;
  /** Untreated blood loss, fraction of blood volume per hour, by where it can be controlled. */
  bleed: Record<BleedSite, number>;
  tbi: 0 | 1 | 2 | 3;
  tension: boolean;
  hypoxia: number;
  /** The part of `hypoxia` a chest drain relieves (pneumothorax, haemothorax). */
  pleuralHypoxia: number;
  airwayRisk: boolean;
  /** A burn that swells the airway shut within hours: intubated early on arrival, not in the field. */
  burnAirway: boolean;
  burnTbsa: number;
  burnFull: boolean;
  /**
   * Where a full-thickness burn covers a whole limb or the chest, and so goes round it: an escharotomy
   * (treatments.ts). Empty for none.
   */
  circumferentialBurns: readonly string[];
  amputation: boolean;
  /** Both legs gone above the knee: a tourniquet on each. */
  bothLegsAmputated: boolean;
  /** A junctional artery bleeds in the neck (carotid), not the groin or armpit: tamponade, not a tourniquet. */
  neckArteryBleed: boolean;
  femur: boolean;
  openFracture: boolean;
  limbFracture: boolean;
  /** A fracture of the humerus, forearm, femur or tibia: splinted in the field. */
  longBoneFracture: boolean;
  /** Held in a pelvic binder from the point of injury (TCCC). */
  pelvicFracture: boolean;
  /** How each closed fracture that needs no fixator is held once X-rayed (the catalog's `cast`). */
  casts: readonly string[];
  laparotomy: boolean;
  thoracotomy: boolean;
  eye: boolean;
  spinal: boolean;
  /** A cervical spinal cord injury: the airway is managed with the neck in line, never in the recovery position. */
  cervicalCord: boolean;
  /** A spinal injury from blunt or blast trauma: its motion restricted in the field (not after a gunshot alone). */
  spinalMotionRestriction: boolean;
  /** A cord injury that cut the sympathetic outflow: low pressure with a slow pulse until vasopressors work. */
  neurogenicShock: boolean;
  vascular: boolean;
  /** An artery of the leg (groin, femoral, popliteal) repaired or shunted: the calf's compartments are at risk. */
  legArtery: boolean;
  crush: boolean;
  /** A crushed leg: muscle enough to cause the crush syndrome (Sever and Vanholder 2012). */
  legCrush: boolean;
  /** A broken femur or tibia: the casualty cannot walk. */
  legFracture: boolean;
  /** Penetrating wound of chest or abdomen below the skin (Ten Second Triage: P1 when talking). */
  penetratingTorso: boolean;
  openWounds: boolean;
  /** An open wound of the chest wall: a vented chest seal in the field (TCCC). */
  openChest: boolean;
  /** Every open wound is of the face, scalp or neck, whose blood supply lets it be closed at once. */
  openWoundsHeadOnly: boolean;
  /**
   * The open wounds are skin lacerations from a fall or a crash, not a blast or a bullet: cleaned and
   * closed where first seen, no war-wound antibiotic (treatments.ts).
   */
  cleanLacerations: boolean;
  /** Any injury of the chest, down to a broken rib or a wound of its wall: a chest film where there is X-ray. */
  chestInjury: boolean;
  /**
   * A wound of the abdominal wall with no laparotomy planned: whether it went deeper is decided before the
   * casualty goes back or on (treatments.ts).
   */
  abdominalWallWound: boolean;
  /** Needs damage-control surgery (haemorrhage control, laparotomy, thoracotomy, amputation). */
  needsDcs: boolean;
  /** Needs a Role 3 (CT and neurosurgery, ophthalmology, burns, spinal care, ICU). */
  needsRole3: boolean;
  rtd: RtdLevel;
}

const BLEED_SCALE = 60 / 100; // %BV per minute → fraction per hour
const NO_CASTS: readonly string[] = [];

/** What the injuries alone do not say: how they were caused, and a cord injury's neurogenic shock (drawn by the caller). */
export interface InjuryContext {
  mechanism?: Mechanism | 'nbi';
  neurogenicShock?: boolean;
}

export function clinicalProfile(
  injuries: readonly Injury[],
  bleedFactor: number,
  context: InjuryContext = {},
): ClinicalProfile {
  const scores = injuries.map((i) => ({ iss: i.concept.iss, ais: i.concept.ais }));
  const bleed: Record<BleedSite, number> = { limb: 0, junctional: 0, torso: 0, pelvic: 0 };
  let tbi: 0 | 1 | 2 | 3 = 0;
  let hypoxia = 0;
  let pleuralHypoxia = 0;
  let burnTbsa = 0;
  let burnFull = false;
  const circumferentialBurns: string[] = [];
  let casts: readonly string[] = NO_CASTS;
  const p = {
    tension: false,
    airwayRisk: false,
    amputation: false,
    bothLegsAmputated: false,
    neckArteryBleed: false,
    femur: false,
    openFracture: false,
    limbFracture: false,
    longBoneFracture: false,
    pelvicFracture: false,
    laparotomy: false,
    thoracotomy: false,
    eye: false,
    spinal: false,
    cervicalCord: false,
    vascular: false,
    legArtery: false,
    crush: false,
    legCrush: false,
    legFracture: false,
    penetratingTorso: false,
    burnAirway: false,
    openWounds: false,
    openChest: false,
    chestInjury: false,
    abdominalWallWound: false,
  };
  let maxAis = 0;
  let maxAisOutsideBrain = 0;
  let openOutsideHead = false;
  let deeperThanSkin = false;
  // A bullet or a fragment that cuts an artery, opens the abdomen or lets blood or air into the chest
  // went through the skin: a wound to dress and cover with an antibiotic, whatever else is listed.
  const penetrating = context.mechanism === 'gunshot' || context.mechanism === 'explosive';
  for (const { concept: c, tbsa } of injuries) {
    maxAis = Math.max(maxAis, c.ais);
    if (!c.tbi) maxAisOutsideBrain = Math.max(maxAisOutsideBrain, c.ais);
    if (c.bleed) bleed[c.bleed[0]] += c.bleed[1] * BLEED_SCALE * bleedFactor;
    if (c.tbi && c.tbi > tbi) tbi = c.tbi;
    if (c.hypoxia) hypoxia += c.hypoxia;
    if (c.hypoxia && c.pleural) pleuralHypoxia += c.hypoxia;
    if (tbsa !== undefined) {
      burnTbsa += tbsa;
      burnFull ||= c.code === FULL_THICKNESS_BURN;
      p.burnAirway ||=
        c.code === FULL_THICKNESS_BURN && c.region === 'Head/Neck' && tbsa >= DEEP_FACE_BURN_TBSA;
      const around = CIRCUMFERENTIAL[c.region];
      if (c.code === FULL_THICKNESS_BURN && around && tbsa >= around.tbsa)
        circumferentialBurns.push(around.part);
    }
    p.tension ||= c.tension === true;
    p.amputation ||= c.amputation === true;
    p.bothLegsAmputated ||= c.amputation === true && c.qualifier === 'bilateral above knee';
    p.femur ||= c.femur === true;
    p.openFracture ||= c.fracture === 'open';
    p.limbFracture ||= c.fracture !== undefined || c.code === PELVIC_FRACTURE;
    p.longBoneFracture ||= c.fracture !== undefined;
    p.pelvicFracture ||= c.code === PELVIC_FRACTURE;
    if (c.cast && !casts.includes(c.cast)) casts = [...casts, c.cast];
    p.laparotomy ||= c.laparotomy === true;
    p.thoracotomy ||= c.thoracotomy === true;
    p.eye ||= c.eye === true;
    p.spinal ||= c.spinal === true;
    p.cervicalCord ||= c.spinal === true && c.region === 'Head/Neck';
    p.vascular ||= c.vascular === true;
    p.legArtery ||= c.vascular === true && c.region === 'Lower extremity';
    p.neckArteryBleed ||= c.vascular === true && c.region === 'Head/Neck' && c.bleed?.[0] === 'junctional';
    p.crush ||= c.crush === true;
    p.legCrush ||= c.crush === true && c.region === 'Lower extremity';
    p.legFracture ||= c.fracture !== undefined && c.region === 'Lower extremity';
    p.airwayRisk ||=
      (c.spinal === true && c.region === 'Head/Neck') || (c.vascular === true && c.region === 'Head/Neck');
    p.penetratingTorso ||=
      (c.region === 'Thorax' || c.region === 'Abdomen') && c.iss !== 'external' && c.ais >= 3;
    // A burn is not an open wound: burn care has no systemic antibiotic prophylaxis (JTS CPG Burn Care).
    const open =
      (c.iss === 'external' && tbsa === undefined) ||
      c.fracture === 'open' ||
      c.amputation === true ||
      c.code === '283545005' ||
      (penetrating && (c.vascular === true || c.laparotomy === true || c.pleural === true));
    p.openWounds ||= open;
    p.openChest ||= open && c.region === 'Thorax';
    if (open) openOutsideHead ||= c.region !== 'Head/Neck';
    if (open) deeperThanSkin ||= !(c.iss === 'external' && tbsa === undefined);
    p.chestInjury ||= c.region === 'Thorax';
    p.abdominalWallWound ||= c.region === 'Abdomen' && c.iss === 'external';
  }
  if (tbi === 3) p.airwayRisk = true;
  if (burnTbsa >= EXTENSIVE_BURN_TBSA) p.burnAirway = true;
  const iss = injurySeverityScore(scores);
  const needsDcs =
    p.laparotomy ||
    p.thoracotomy ||
    p.amputation ||
    p.vascular ||
    bleed.torso + bleed.pelvic >= 0.25 ||
    p.openFracture;
  const needsRole3 =
    tbi >= 2 ||
    p.eye ||
    p.spinal ||
    burnTbsa >= MAJOR_BURN_TBSA ||
    iss >= 16 ||
    p.laparotomy ||
    p.thoracotomy;
  const noRtd =
    p.femur ||
    p.amputation ||
    tbi >= 2 ||
    p.laparotomy ||
    p.thoracotomy ||
    p.spinal ||
    p.eye ||
    p.vascular ||
    p.limbFracture ||
    p.tension ||
    burnFull ||
    burnTbsa >= 10 ||
    iss >= 9;
  // Minor fragment wounds are cleaned and closed at Role 1; a second-degree wound (AIS 2) or several
  // wounds need a Role 2 washout first; anything more takes days at Role 3 before duty. A concussion is
  // managed under the concussion protocol where the casualty is, a screen and rest with no hospital bed
  // (DHA Progressive Return to Activity, 2021), so only the other injuries set the level; its rest is
  // kept in course.ts (CONCUSSION_REST_HOURS).
  const beside = tbi === 1 ? injuries.filter((i) => i.concept.tbi !== 1) : injuries;
  const issBeside = beside === injuries ? iss : injurySeverityScore(beside.map((i) => i.concept));
  const rtd: RtdLevel = noRtd
    ? 'none'
    : // A chest injury goes back only after its film at Role 2: a pneumothorax is excluded first (ATLS).
      issBeside <= 2 && beside.length <= 2 && burnTbsa < 5 && !p.chestInjury
      ? 'role1'
      : issBeside <= 4 && !p.crush && hypoxia === 0 && burnTbsa < 5
        ? 'role2'
        : 'role3';
  return {
    iss,
    niss: newInjurySeverityScore(scores),
    maxAis,
    maxAisOutsideBrain,
    bleed,
    tbi,
    hypoxia,
    pleuralHypoxia,
    burnTbsa,
    burnFull,
    circumferentialBurns,
    casts,
    openWoundsHeadOnly: p.openWounds && !openOutsideHead,
    cleanLacerations: context.mechanism === 'nbi' && p.openWounds && !deeperThanSkin,
    ...p,
    needsDcs,
    needsRole3,
    rtd,
    // TCCC (spinal motion restriction, 2020): for blunt trauma, not for penetrating trauma alone.
    spinalMotionRestriction: p.spinal && context.mechanism !== 'gunshot',
    neurogenicShock: p.cervicalCord && context.neurogenicShock === true,
  };
}

/** Vital signs without timestamp; GCS 3–15, SpO2 in %, temperature in °C. */
export interface Vitals {
  heart_rate: number;
  systolic_bp: number;
  respiratory_rate: number;
  spo2: number;
  gcs: number;
  temperature: number;
}

export interface VitalsInput {
  /** Blood volume lost and not yet replaced, fraction (0–1). */
  loss: number;
  /** Unrelieved tension pneumothorax, uncontrolled airway. */
  tension: boolean;
  airwayObstructed: boolean;
  /** Hours spent in the field before reaching shelter (hypothermia). */
  fieldHours: number;
  /** A chest drain is in: the pleural part of the hypoxia is relieved. */
  drained: boolean;
  /** At a facility, on oxygen: what hypoxia is left is halved. */
  onOxygen: boolean;
  /** Hours since arrival at the first facility (0 before it): the time care has had to work. */
  hoursInCare: number;
  /** Pulled from the sea: cold until rewarmed, and short of oxygen if water was inhaled. */
  water: 'none' | 'immersion' | 'submersion';
  /** Personal baseline in [-1, 1] so two casualties differ. */
  jitter: number;
}

/**
 * The share of cervical cord injuries in neurogenic shock: 19.3 % in Guly 2008 (Injury 39:1203, systolic
 * under 100 mmHg with a pulse under 80).
 */
export const NEUROGENIC_SHOCK_P = 0.193;

/** The share of blood volume lost at which the vital signs, and the card, show haemorrhagic shock (ATLS class III). */
export const SHOCK_LOSS = 0.3;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

const PELVIC_FRACTURE = '77493009';
/** Degrees lost in cold water before rescue: into mild hypothermia (32-35 °C, Swiss staging). Judgement. */
const IMMERSION_COOLING = 2.2;
/** Saturation points lost to inhaled water (judgement). */
const ASPIRATION_HYPOXIA = 8;

/** A major burn: fluid resuscitation, intensive care, a death of its own (JTS CPG Burn Care: 20 % TBSA). */
export const MAJOR_BURN_TBSA = 20;

const FULL_THICKNESS_BURN = '403192003';
/**
 * A full-thickness burn as large as a whole leg (18 % by the rule of nines), a whole arm (9 %) or the front
 * of the chest (18 %) is read as going round it, so that its eschar strangles the limb or stiffens the chest
 * (judgement: the card records a burn's extent by region, not its shape).
 */
const CIRCUMFERENTIAL: Readonly<Record<string, { tbsa: number; part: string }>> = {
  'Lower extremity': { tbsa: 18, part: 'leg' },
  'Upper extremity': { tbsa: 9, part: 'arm' },
  Thorax: { tbsa: 18, part: 'chest' },
};
/**
 * ABLS (American Burn Association, Advanced Burn Life Support 2018) lists among the indications for early
 * intubation full-thickness burns of the face and extensive burns (40–50 % TBSA or more), whose airway
 * swells shut during resuscitation. The face is about 3.5 % of the body surface (Lund and Browder), so a
 * deep head-and-neck burn of 3 % or more is read as the face's (judgement).
 */
const EXTENSIVE_BURN_TBSA = 40;
const DEEP_FACE_BURN_TBSA = 3;

/** Intubated minutes after reaching the first facility and ventilated onwards (treatments.ts, course.ts). */
export const intubatedOnArrival = (p: Pick<ClinicalProfile, 'airwayRisk' | 'tbi' | 'burnAirway'>): boolean =>
  p.airwayRisk || p.tbi === 3 || p.burnAirway;

/** Hours after the blow by which a concussed casualty's GCS is back to 15. */
export const CONCUSSION_CLEARS_HOURS = 2;

/** GCS for a TBI severity: mild 13–15, moderate 9–12, severe 3–8 (VA/DoD). */
function baseGcs(tbi: number, jitter: number): number {
  if (tbi === 3) return Math.round(5.5 + jitter * 2.5);
  if (tbi === 2) return Math.round(10.5 + jitter * 1.5);
  if (tbi === 1) return jitter > 0 ? 15 : 14;
  return 15;
}

/**
 * ATLS classes: loss < 15 % HR < 100; 15–30 % HR 100–120; 30–40 % HR 120–140 and SBP falling; > 40 %
 * HR > 140, SBP low, confused. Pain adds a little tachycardia; tension pneumothorax obstructs.
 */
export function vitalsAt(p: ClinicalProfile, s: VitalsInput): Vitals {
  const f = clamp(s.loss, 0, 0.6);
  const care = s.hoursInCare;
  // Pain and the stress response: a few beats per AIS level before any blood is lost, half once an hour
  // of analgesia, splinting or surgery has worked.
  const pain = Math.min(p.maxAis, 4) * 5 * (care >= 1 ? 0.5 : 1);
  // A large burn turns hypermetabolic once resuscitated: tachycardia and fever from the second day
  // (judgement, on the hypermetabolic response described in the JTS Burn Care CPG).
  const hypermetabolic = p.burnTbsa >= MAJOR_BURN_TBSA && care >= 24;
  let hr =
    76 +
    pain +
    (hypermetabolic ? 15 : 0) +
    s.jitter * 8 +
    (f < 0.15 ? f * 120 : f < 0.3 ? 18 + (f - 0.15) * 150 : 40 + (f - 0.3) * 220);
  let sbp = 124 + s.jitter * 8 - (f < 0.3 ? f * 30 : 9 + (f - 0.3) * 330);
  // Inhaled seawater: hypoxia that oxygen halves and a day in care clears (judgement).
  const aspirated = s.water === 'submersion' ? ASPIRATION_HYPOXIA * clamp(1 - care / 24, 0, 1) : 0;
  const hypoxia = (p.hypoxia - (s.drained ? p.pleuralHypoxia : 0) + aspirated) * (s.onOxygen ? 0.5 : 1);
  let rr = 16 + s.jitter * 2 + (f > 0.15 ? (f - 0.15) * 60 : 0) + Math.min(hypoxia, 15) * 0.6;
  let spo2 = 98 + s.jitter - Math.min(hypoxia, 20) - (f > 0.3 ? (f - 0.3) * 40 : 0);
  let gcs = baseGcs(p.tbi, s.jitter);
  // A moderate brain injury usually recovers over days: a point of GCS a day in care (judgement).
  if (p.tbi === 2) gcs += Math.floor(care / 24);
  // A concussion's confusion clears within 2 h of the blow (judgement): one still below 15 then would need
  // the head CT that NICE NG232 orders within the hour, and Role 1 has none.
  if (p.tbi === 1 && s.fieldHours + care >= CONCUSSION_CLEARS_HOURS) gcs = 15;
  if (f > 0.3) gcs -= Math.round((f - 0.3) * 30);
  if (p.neurogenicShock) {
    // Guly 2008: neurogenic shock is a systolic pressure under 100 with a pulse under 80. Fluids and a
    // vasopressor at the first facility (treatments.ts) bring the pressure back within hours in care.
    const untreated = care < 1 ? 1 : care < 6 ? 0.4 : 0;
    hr -= 24 * (untreated > 0 ? 1 : 0.5);
    sbp -= 34 * untreated;
  }
  if (s.tension) {
    hr += 25;
    sbp -= 30;
    rr += 10;
    spo2 -= 10;
  }
  if (s.airwayObstructed) {
    // An awake casualty fights a blocked airway, fast and noisy; only a lowered consciousness lets the
    // breathing slow (ATLS, airway: tachypnoea and stridor are the signs of partial obstruction).
    spo2 -= 12;
    rr = gcs <= 8 ? Math.max(6, rr - 8) : rr + 8;
  }
  // Cooling in the field fades over six hours of warmed care; a large burn loses heat until it is
  // resuscitated, then runs a fever.
  const rewarmed = clamp(care / 6, 0, 1);
  const burn = p.burnTbsa >= MAJOR_BURN_TBSA ? (hypermetabolic ? 0.8 : -0.5) : 0;
  // Out of cold water: mild hypothermia (32-35 °C) until actively rewarmed over three hours in care.
  const immersed = s.water === 'none' ? 0 : IMMERSION_COOLING * (1 - clamp(care / 3, 0, 1));
  const temperature =
    36.9 + s.jitter * 0.2 - f * 3 - Math.min(s.fieldHours, 6) * 0.12 * (1 - rewarmed) + burn - immersed;
  return {
    heart_rate: Math.round(clamp(hr, 40, 180)),
    systolic_bp: Math.round(clamp(sbp, 40, 160)),
    respiratory_rate: Math.round(clamp(rr, 6, 45)),
    spo2: Math.round(clamp(spo2, 60, 100)),
    gcs: clamp(Math.round(gcs), 3, 15),
    temperature: Math.round(clamp(temperature, 32, 38.5) * 10) / 10,
  };
}

/** Shock by the Shackelford 2017 definition used for prehospital blood: SBP < 90 or HR > 120. */
export const inShock = (v: Vitals): boolean => v.systolic_bp < 90 || v.heart_rate > 120;

/**
 * NATO triage sort (after the UK triage sieve and MPTT, with the Ten Second Triage rule for
 * penetrating torso wounds): T1 for any threat to airway, breathing or circulation or a life- or
 * limb-saving operation; T2 for surgery that can wait after stabilisation or a casualty who cannot
 * walk; T3 for the walking wounded; T4 only in a mass-casualty event for a casualty unlikely to
 * survive with the resources at hand.
 */
/**
 * Limb bleeding a tourniquet is for, in blood volume per hour: TCCC keeps tourniquets for
 * life-threatening extremity haemorrhage (an artery, an amputation, an open femur). Slower limb bleeding
 * (a gunshot wound through muscle, an open tibia) stops under a pressure dressing.
 */
export const MAJOR_LIMB_BLEED = 0.15;

/**
 * The triage sieve's own signs of an immediate casualty, which no medic misses: breathing under 10 or over
 * 29 a minute, or the pulse over 120 or the pressure too low for a radial pulse (NATO AJP-4.10 and the UK
 * triage sieve, MIMMS).
 */
export const sieveImmediate = (v: Vitals): boolean =>
  v.respiratory_rate < 10 || v.respiratory_rate > 29 || inShock(v);

/**
 * Whether the casualty can walk, the sieve's first question ("walking wounded" is T3): not on a broken or
 * lost leg, a broken pelvis or spine, a crushed leg, a limb bleed that needs a tourniquet, a major burn, or
 * a mind more than a little confused (GCS under 14).
 */
export const canWalk = (p: ClinicalProfile, v: Vitals): boolean =>
  !(
    p.legFracture ||
    p.pelvicFracture ||
    p.amputation ||
    p.spinal ||
    p.legCrush ||
    p.bleed.limb >= MAJOR_LIMB_BLEED ||
    p.burnTbsa >= 20 ||
    v.gcs < 14
  );

export function triageSort(
  p: ClinicalProfile,
  v: Vitals,
  massCasualty: boolean,
  water: VitalsInput['water'] = 'none',
): NatoTriage {
  if (massCasualty && ((p.tbi === 3 && v.gcs <= 4 && p.maxAis >= 5) || p.burnTbsa >= 70 || p.iss >= 66))
    return 'T4';
  if (
    sieveImmediate(v) ||
    v.gcs <= 12 ||
    v.spo2 < 90 ||
    p.tension ||
    p.amputation ||
    p.vascular ||
    p.penetratingTorso ||
    p.bleed.torso + p.bleed.pelvic >= 0.25 ||
    p.burnTbsa >= 40 ||
    // An airway that must be secured on arrival (a burned airway, a broken neck's) is immediate.
    intubatedOnArrival(p)
  )
    return 'T1';
  if (
    p.maxAis >= 3 ||
    p.limbFracture ||
    p.eye ||
    p.spinal ||
    p.tbi >= 2 ||
    p.burnTbsa >= 10 ||
    p.hypoxia > 0 ||
    // ERC 2021 (drowning): anyone who inhaled water goes to hospital, watched for the lung injury to come.
    water === 'submersion' ||
    p.iss >= 9
  )
    return 'T2';
  return 'T3';
}
