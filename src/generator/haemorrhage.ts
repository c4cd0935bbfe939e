/**
 * Blood loss over time and the death risks that follow from the injuries and the care received.
 * Bleeding runs at the injuries' untreated rates until it is controlled: a tourniquet stops limb
 * bleeding, a haemostatic dressing slows junctional bleeding, a pelvic binder slows pelvic bleeding,
 * only surgery stops torso bleeding;
 * TXA within 3 h slows what is left (CRASH-2). A casualty dies when the loss reaches the lethal
 * fraction (ATLS class IV, > 40 %); transfusion raises it. Pure functions, no randomness.
 */
import type { BleedSite } from './injury-catalog.js';
import type { ClinicalProfile } from './physiology.js';

/** When each kind of care happened, hours since injury (Infinity = never). */
export interface CareTimes {
  /** Limb bleeding stopped (tourniquet). */
  limbControl: number;
  /** Haemostatic dressing or packing on a junctional wound. */
  dressing: number;
  /** A pelvic binder closes an open pelvis. */
  pelvicBinder: number;
  /** Junctional bleeding stopped without an operation (pressure, packing at a facility). */
  junctionalControl: number;
  /** A large junctional bleed held at a facility: junctional tourniquet (groin, armpit) or balloon tamponade (neck). */
  junctionalTamponade: number;
  /** Surgical haemorrhage control (damage-control surgery starts). */
  surgery: number;
  /** Small torso bleeds (haemothorax, closed femur) that stop by themselves. */
  torsoSelfLimit: number;
  txa: number;
  blood: number;
}

/** ATLS class IV begins at 40 % loss; cardiac arrest follows at about 45 %. */
export const LETHAL_LOSS = 0.45;
/** Transfused blood keeps a bleeding casualty alive longer (Shackelford 2017: aHR 0.26). */
export const LETHAL_LOSS_TRANSFUSED = 0.6;
/** Packing a junctional wound leaves 30 % of the flow; TXA ≤ 3 h leaves 85 % (CRASH-2 RR 0.85). */
const DRESSING_FACTOR = 0.3;
/** What a junctional tourniquet or a balloon tamponade leaves of the flow until the surgeon ties the vessel (judgement). */
const TAMPONADE_FACTOR = 0.1;
/**
 * What a pelvic binder leaves of a pelvic fracture's bleeding: Croce 2007 (J Am Coll Surg 204:935) found
 * 4.9 units transfused in the first 24 h with a binder against 17.1 with external fixation alone.
 */
const PELVIC_BINDER_FACTOR = 0.3;
const TXA_FACTOR = 0.85;
const TXA_WINDOW_HOURS = 3;

interface Segment {
  from: number;
  rate: number;
}

/** Piecewise-constant total bleeding rate (fraction of blood volume per hour) from t = 0. */
function segments(bleed: Record<BleedSite, number>, care: CareTimes): Segment[] {
  const txaOn = care.txa <= TXA_WINDOW_HOURS ? care.txa : Number.POSITIVE_INFINITY;
  // A pelvis held in a binder bleeds mostly from veins and bone, which tamponade like a small torso bleed.
  const heldPelvis = bleed.pelvic * (Number.isFinite(care.pelvicBinder) ? PELVIC_BINDER_FACTOR : 1);
  const torsoStop =
    bleed.torso + heldPelvis < 0.25 ? Math.min(care.surgery, care.torsoSelfLimit) : care.surgery;
  const junctionStop = Math.min(care.surgery, care.junctionalControl);
  const points = [
    0,
    care.limbControl,
    care.dressing,
    care.pelvicBinder,
    care.junctionalTamponade,
    junctionStop,
    torsoStop,
    txaOn,
  ]
    .filter((t) => Number.isFinite(t) && t >= 0)
    .sort((a, b) => a - b);
  const out: Segment[] = [];
  for (const t of points) {
    if (out.length > 0 && out[out.length - 1]!.from === t) continue;
    const txa = t >= txaOn ? TXA_FACTOR : 1;
    let rate = 0;
    if (t < care.limbControl) rate += bleed.limb;
    if (t < junctionStop) {
      const held =
        t >= care.junctionalTamponade ? TAMPONADE_FACTOR : t >= care.dressing ? DRESSING_FACTOR : 1;
      rate += bleed.junctional * held * txa;
    }
    if (t < torsoStop) {
      const binder = t >= care.pelvicBinder ? PELVIC_BINDER_FACTOR : 1;
      rate += (bleed.torso + bleed.pelvic * binder) * txa;
    }
    out.push({ from: t, rate });
  }
  return out;
}

/** Blood volume lost by `hours` since injury (fraction, unreplaced). */
export function bloodLossAt(bleed: Record<BleedSite, number>, care: CareTimes, hours: number): number {
  if (bleed.limb + bleed.junctional + bleed.torso + bleed.pelvic === 0) return 0;
  const segs = segments(bleed, care);
  let loss = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.from >= hours) break;
    const end = Math.min(hours, segs[i + 1]?.from ?? Number.POSITIVE_INFINITY);
    loss += s.rate * (end - s.from);
  }
  return loss;
}

/** When the loss reaches the lethal fraction (hours), or undefined if bleeding is controlled first. */
export function exsanguinationTime(bleed: Record<BleedSite, number>, care: CareTimes): number | undefined {
  if (bleed.limb + bleed.junctional + bleed.torso + bleed.pelvic === 0) return undefined;
  const segs = segments(bleed, care);
  let loss = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const end = segs[i + 1]?.from ?? Number.POSITIVE_INFINITY;
    if (s.rate <= 0) continue;
    // The threshold rises once blood is running; check the part before and after it separately.
    const parts: [number, number][] =
      care.blood > s.from && care.blood < end
        ? [
            [s.from, care.blood],
            [care.blood, end],
          ]
        : [[s.from, end]];
    for (const [a, b] of parts) {
      const lethal = a >= care.blood ? LETHAL_LOSS_TRANSFUSED : LETHAL_LOSS;
      const lossAtA = loss + s.rate * (a - s.from);
      const crossing = a + (lethal - lossAtA) / s.rate;
      if (crossing <= a) return a;
      if (crossing < b) return crossing;
    }
    if (!Number.isFinite(end)) return undefined;
    loss += s.rate * (end - s.from);
  }
  return undefined;
}

/**
 * Probability of dying later in hospital (multiple organ failure, brain injury, burns), for a casualty
 * alive at the first medical facility. Logistic in ISS like TRISS (Boyd 1987), calibrated to military
 * survival (Kotwal 2018: deaths at Role 2 of critical 40 %, severe 11.2 %, moderate 0.8 %); shock on
 * arrival (Mutschler 2013), severe TBI (Eastridge 2011: 83 % of non-survivable DOW) and each hour of
 * delay to damage-control surgery beyond the first (Shackelford 2023: ≤ 1 h aHR 0.34) raise it.
 */
/**
 * The severe brain injury's weight in the late-death logit: about 20 % mortality for a severe TBI that
 * reaches a facility without shock (Mutschler, SJTREM 2016: 20 %, 53 % in the worst shock class), and the
 * brain injury the commonest cause of death of wounds after bleeding (Eastridge 2011: 83 % of the
 * non-survivable DOW, about 40 % of all; Keene 2016: a head injury in 65 % of UK DOW).
 */
const SEVERE_TBI_WEIGHT = 3;

export function lateDeathProbability(
  p: Pick<ClinicalProfile, 'iss' | 'tbi' | 'burnTbsa' | 'needsDcs'>,
  shockOnArrival: boolean,
  hoursToSurgery: number,
): number {
  // Minor injuries (ISS below 9) kill in hospital only through shock; civilian registries put their
  // mortality under 1 %, nearly all of it in the elderly.
  if (p.iss < 9 && !shockOnArrival) return 0;
  const delay =
    p.needsDcs && Number.isFinite(hoursToSurgery) ? Math.min(6, Math.max(0, hoursToSurgery - 1)) : 0;
  const b =
    -6.8 +
    0.085 * p.iss +
    (shockOnArrival ? 1.3 : 0) +
    (p.tbi === 3 ? SEVERE_TBI_WEIGHT : 0) +
    0.06 * Math.max(0, p.burnTbsa - 20) +
    0.6 * delay;
  return 1 / (1 + Math.exp(-b));
}
