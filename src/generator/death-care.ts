/**
 * The resuscitation that ends a death from blood loss or from the injuries themselves after the casualty has
 * reached care, so the card does not stop at a chart of falling pressure with nothing done. A traumatic
 * cardiac arrest is treated by its reversible causes, the HOTT of the European Resuscitation Council's
 * guideline (Lott et al., Resuscitation 2021;161:152): hypovolaemia (the bleeding controlled, blood or,
 * where none is held, fluids given fast), oxygenation (a secured airway), tension pneumothorax (both sides of
 * the chest decompressed) and tamponade (the heart checked by ultrasound). Chest compressions come after
 * them: they cannot fill an empty heart.
 *
 * A death on the way to the next facility is written at the facility left, as the timeline has no place
 * for "in transit" (transfer-care.ts), and says it was en route. The en-route team carries no ultrasound and
 * decompresses the chest with a needle.
 *
 * Two deaths end otherwise: one of haemorrhage hours after the damage-control operations is bleeding found
 * again, answered, then an in-hospital arrest (REBLEED, ARREST_AFTER_REBLEED); a burn's is the arrest of
 * burn shock, fought with fluids.
 *
 * Not here: a death of sepsis or an embolism on the ward (complication-care.ts), the brain herniating
 * (treatments.ts, HERNIATION_CARE), the expectant casualty given comfort care (field-care.ts), and a
 * death of the organs failing days after the bleeding (complication-care.ts: resuscitation is futile).
 */
import { enRoute } from './care-texts.js';
import { PROCEDURES } from './conditions.js';
import type { Course } from './course.js';
import type { Facility } from './types.js';

const MIN = 1 / 60;
/**
 * Minutes a traumatic cardiac arrest is resuscitated before the team stops, where the casualty was in care
 * that long (judgement: the reversible causes treated, then no return of circulation).
 */
const RESUSCITATION_MINUTES = 15;
/** The causes of death a resuscitation ends: the circulation fails, not the brain or an organ over days. */
const ARREST_CAUSES = new Set(['Haemorrhage', 'Multiple injuries', 'Burns']);

/** Whether a death ends in a resuscitation attempt: after reaching care, of a cause the team can fight. */
export const resuscitatedAtDeath = (
  cause: string | undefined,
  death: number,
  firstArrival: number,
  comfortOnly: boolean,
): boolean => cause !== undefined && ARREST_CAUSES.has(cause) && death > firstArrival && !comfortOnly;

export interface DeathCare {
  readonly facility: Facility;
  readonly hours: number;
  readonly minutes: number;
  readonly detail: string;
  readonly concept: readonly [string, string];
  /** The bleeding found again after the operations, before the arrest (REBLEED), where it was. */
  readonly rebleed?: { readonly hours: number; readonly minutes: number; readonly detail: string };
}

/**
 * Hours after damage-control surgery from which a death of haemorrhage in hospital is bleeding again, not
 * bleeding never stopped: the surgeon had controlled it (judgement).
 */
const REBLEED_AFTER_SURGERY = 2;
/** Hours before the arrest that the bleeding is found again and answered (judgement). */
const REBLEED_FOUND_HOURS = 1.5;
/**
 * Bleeding again after damage control, from a coagulopathy or a vessel the packs no longer hold: found by
 * the falling pressure and haemoglobin and the blood in the drains, answered by the massive transfusion
 * protocol guided by viscoelastic testing and a return to theatre (JTS CPG Damage Control Resuscitation,
 * 2019; Emergency War Surgery, 5th ed.: the unplanned return to theatre).
 */
const REBLEED =
  'Bleeding again after the operation: pressure and haemoglobin falling, blood in the drains; massive transfusion protocol guided by viscoelastic testing, calcium, back to theatre';
/**
 * An arrest in hospital after bleeding again, hours after the injury: advanced life support with its
 * reversible causes (Resuscitation Council UK, Adult advanced life support, 2021), blood the first of them.
 */
const ARREST_AFTER_REBLEED =
  'Cardiac arrest after bleeding again: advanced life support, blood through a rapid infuser, the reversible causes sought (the 4 Hs and 4 Ts); no return of circulation, resuscitation stopped';
/** The burn-shocked heart stops for want of volume: fluids, not blood, and no bleeding to control. */
const arrestInBurnShock = (enRoute: boolean): string =>
  `Cardiac arrest in burn shock: advanced life support, fluids given fast, oxygen through the secured airway, ${
    enRoute
      ? 'both sides of the chest decompressed with a needle'
      : 'the chest checked for a tension pneumothorax'
  }; no return of circulation, resuscitation stopped`;

/** Facilities that hold blood: the surgical roles (AJP-4.10); a Role 1 has none in this model. */
const holdsBlood = (f: Facility): boolean => f === 'Role2' || f === 'Role3' || f === 'Role4';

const arrestCare = (blood: boolean, enRoute: boolean): string =>
  `Traumatic cardiac arrest, treated by its reversible causes: the bleeding controlled where it can be reached and ${
    blood ? 'blood given through a rapid infuser' : 'fluids given fast (no blood held)'
  }, oxygen through a secured airway, ${
    enRoute
      ? 'both sides of the chest decompressed with a needle'
      : 'finger thoracostomies on both sides, the heart checked for tamponade by ultrasound'
  }, then chest compressions; no return of circulation, resuscitation stopped`;

/** The last arrival or departure before the death: the start of the stay or the move the casualty dies in. */
function lastMoveBefore(c: Pick<Course, 'stays'>, death: number): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const s of c.stays) {
    if (s.arrive < death) last = Math.max(last, s.arrive);
    if (s.leave < death) last = Math.max(last, s.leave);
  }
  return last;
}

/**
 * The peri-arrest chart's hour before a resuscitated death: RESUSCITATION_MINUTES and one before it, or two
 * thirds of the way into a stay or a move shorter than that, after the first minutes' care on arrival
 * (course.ts charts it; deathCare starts after it).
 */
export const periArrestChartAt = (c: Pick<Course, 'stays'>, death: number): number =>
  Math.max(death - (RESUSCITATION_MINUTES + 1) * MIN, (lastMoveBefore(c, death) + 2 * death) / 3);

/**
 * The resuscitation that ends the casualty's card, or undefined where the death is not of that kind. It
 * starts after the peri-arrest chart and runs to the death. `outOfTheatre`: when the damage-control
 * operations ended (Infinity without them); a death of haemorrhage hours after it is bleeding again.
 */
export function deathCare(c: Course, outOfTheatre: number): DeathCare | undefined {
  const first = c.stays[0];
  if (!first || !resuscitatedAtDeath(c.causeOfDeath, c.death, first.arrive, c.comfortOnly)) return undefined;
  const inStay = c.stays.find((s) => s.arrive < c.death && !(s.leave < c.death));
  const from = inStay ?? c.stays.filter((s) => s.leave < c.death).pop();
  if (!from) return undefined;
  const to = inStay ? undefined : c.stays[c.stays.indexOf(from) + 1]?.facility;
  // After the last chart and the last move; a minute after, or halfway to a death sooner than that.
  const after = Math.max(lastMoveBefore(c, c.death), c.vitals[c.vitals.length - 1]?.hours ?? 0);
  const start = Math.min(after + MIN, (after + c.death) / 2);
  // The en-route team from a surgical role carries blood; one leaving Role 1 has only what runs already.
  const blood = holdsBlood(from.facility) || c.care.blood < c.death;
  const rebled =
    c.causeOfDeath === 'Haemorrhage' &&
    inStay !== undefined &&
    outOfTheatre + REBLEED_AFTER_SURGERY < c.death;
  const detail = rebled
    ? ARREST_AFTER_REBLEED
    : c.causeOfDeath === 'Burns'
      ? arrestInBurnShock(to !== undefined)
      : arrestCare(blood, to !== undefined);
  const found = Math.max(
    outOfTheatre + REBLEED_AFTER_SURGERY,
    inStay?.arrive ?? 0,
    c.death - REBLEED_FOUND_HOURS,
  );
  return {
    facility: from.facility,
    hours: start,
    minutes: (c.death - start) * 60,
    detail: to ? `${detail}; ${enRoute(to)}` : detail,
    concept: PROCEDURES.procedure,
    ...(rebled && found < start
      ? { rebleed: { hours: found, minutes: (start - found) * 60, detail: REBLEED } }
      : {}),
  };
}
