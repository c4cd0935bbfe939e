/**
 * A long move between facilities (a contested sky keeping the aircraft away, a medical train or a road
 * convoy to the next role) is prepared and handed over to an en-route care team, so the card does not
 * fall silent for the hours on the way (JTS CPG "Interfacility Transport of Patients between Theater
 * Medical Treatment Facilities": a written handover, a team matched to the patient, the care continued
 * on the way). Written at the facility left, as the timeline has no place for "in transit".
 */
import { PROCEDURES } from './conditions.js';
import type { Course } from './course.js';
import type { AddCare } from './field-care.js';

/** Hours on the way from which the move is prepared as a long one (judgement). */
const LONG_MOVE_HOURS = 6;
const MIN = 1 / 60;

const ROLE_NAMES: Readonly<Record<string, string>> = {
  Role1: 'Role 1',
  Role2: 'Role 2',
  Role3: 'Role 3',
  Role4: 'the home-nation hospital (Role 4)',
};

/**
 * Who makes the move: a casualty on a stretcher, with analgesia and fluids running; a walking patient
 * with nothing running; a psychiatric patient, escorted as the review arranged (judgement).
 */
export type Mover = 'casualty' | 'walking' | 'escorted';

const ON_THE_WAY: Readonly<Record<Mover, string>> = {
  casualty: 'observations, analgesia, fluids and the care under way continued on the way',
  walking: 'the treatment under way continued on the way',
  escorted: 'escorted throughout, the treatment under way continued on the way',
};

export const longMoveHandover = (hours: number, to: string, mover: Mover = 'casualty'): string =>
  `Prepared for the ${Math.round(hours)} h move to ${ROLE_NAMES[to] ?? to}: handed over in writing to an en-route care team; ${ON_THE_WAY[mover]}`;

/** Adds the handover before each long move between two facilities the casualty is alive to make. */
export function transferCare(c: Course, add: AddCare, mover: Mover = 'casualty'): void {
  c.stays.forEach((stay, i) => {
    const next = c.stays[i + 1];
    if (!next || !Number.isFinite(stay.leave) || stay.leave >= c.death) return;
    const hours = next.arrive - stay.leave;
    if (hours < LONG_MOVE_HOURS) return;
    add(
      stay.facility,
      stay.leave - 10 * MIN,
      PROCEDURES.procedure,
      10,
      longMoveHandover(hours, next.facility, mover),
    );
  });
}
