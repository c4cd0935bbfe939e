/**
 * One casualty's course through the evacuation chain, in hours since injury. Decisions at each node use
 * the configured facility rates when the scenario has them, else the evidence-based tables.
 */
import { CHAIN, DOW_MULTIPLIER, kiaMinutes, type Lognormal, POI_KIA, TIMES } from './outcome-tables.js';
import type { Rng } from './rng.js';
import type { Facility, FacilityRate, InjuryType, Outcome, Scenario, TimelineEventType } from './types.js';

export interface CourseEvent {
  type: TimelineEventType;
  facility: Facility;
  hours: number;
  duration?: number;
  to?: Facility;
  timing?: string;
}

export interface Course {
  events: CourseEvent[];
  outcome: Outcome;
  /** Arrival hour at each facility visited (for treatments and FHIR encounters). */
  visits: { facility: Facility; hours: number }[];
}

export interface CourseInput {
  scenario: Scenario;
  injuryType: InjuryType;
  /** 0 = T1, 1 = T2, 2 = T3. */
  triage: 0 | 1 | 2;
  frontId: string;
  /** Killed at the point of injury (decided before triage so KIA never skews live triage shares). */
  killedAtPoi: boolean;
  extraPoiDelayHours: number;
}

const draw = (rng: Rng, [median, sigma]: Lognormal): number => rng.lognormal(median, sigma);
const RTD_CUTOFF_HOURS = 71.5;

/** The configured rate for a role: the patient's front first, then a front-less entry, else the mean. */
export function configuredRate(
  rates: readonly FacilityRate[],
  role: Facility,
  frontId: string,
): FacilityRate | undefined {
  const forRole = rates.filter((r) => r.role === role);
  if (forRole.length === 0) return undefined;
  const exact = forRole.find((r) => r.front_id === frontId) ?? forRole.find((r) => r.front_id === null);
  if (exact) return exact;
  const n = forRole.length;
  return {
    role,
    front_id: null,
    kia_rate: forRole.reduce((a, r) => a + r.kia_rate, 0) / n,
    rtd_rate: forRole.reduce((a, r) => a + r.rtd_rate, 0) / n,
  };
}

export function poiKiaProbability(scenario: Scenario, injuryType: InjuryType, frontId: string): number {
  return (
    configuredRate(scenario.facility_rates, 'POI', frontId)?.kia_rate ??
    POI_KIA[scenario.casualty_profile][injuryType]
  );
}

export function simulateCourse(rng: Rng, input: CourseInput): Course {
  const { scenario, injuryType, triage, frontId } = input;
  const times = TIMES[scenario.casualty_profile];
  const events: CourseEvent[] = [{ type: 'arrival', facility: 'POI', hours: 0 }];
  const visits: Course['visits'] = [{ facility: 'POI', hours: 0 }];

  if (input.killedAtPoi) {
    const minutes = kiaMinutes(rng.next(), rng.next());
    const hours = minutes / 60;
    events.push({ type: 'kia', facility: 'POI', hours, timing: 'at_point_of_injury' });
    return {
      events,
      visits,
      outcome: {
        category: 'KIA',
        facility: 'POI',
        hours_since_injury: hours,
        time_of_death_minutes: minutes,
      },
    };
  }

  let t =
    draw(rng, times.poiWait[triage]) +
    (input.extraPoiDelayHours > 0 ? rng.uniform(0, input.extraPoiDelayHours) : 0);
  const bypass = injuryType === 'BATTLE_TRAUMA' && triage === 0 && rng.chance(times.t1Bypass);
  let here: Facility = 'POI';
  let next: Facility = bypass ? 'Role2' : 'Role1';
  events.push({ type: 'evacuation_start', facility: 'POI', hours: 0, duration: t });
  const leave = (transit: number): void => {
    events.push({ type: 'transit_start', facility: here, hours: t, to: next, duration: transit });
    t += transit;
    here = next;
    events.push({ type: 'arrival', facility: here, hours: t });
    visits.push({ facility: here, hours: t });
  };
  leave(draw(rng, bypass ? times.poiToRole2 : times.poiToRole1));

  const dowScale = DOW_MULTIPLIER[scenario.casualty_profile];
  for (;;) {
    const role = here as 'Role1' | 'Role2' | 'Role3' | 'Role4';
    const configured = configuredRate(scenario.facility_rates, role, frontId);
    let die = 0;
    let rtd = 0;
    if (configured) {
      die = configured.kia_rate;
      rtd = configured.rtd_rate;
    } else if (role !== 'Role4') {
      const rate = CHAIN[injuryType][role][triage];
      die = Math.min(1, rate.die * dowScale);
      rtd = Math.min(1 - die, rate.rtd);
    }
    const stay =
      role === 'Role1'
        ? draw(rng, times.role1Stay[triage])
        : role === 'Role2'
          ? draw(rng, times.role2Stay[triage])
          : draw(rng, times.role3Stay[triage]);
    const u = rng.next();
    if (u < die) {
      const hours = t + (role === 'Role3' ? rng.uniform(2, 72) : rng.uniform(0.1, Math.max(0.2, stay)));
      events.push({ type: 'kia', facility: role, hours, timing: 'died_of_wounds' });
      return {
        events,
        visits,
        outcome: {
          category: 'DOW',
          facility: role,
          hours_since_injury: hours,
          time_of_death_minutes: hours * 60,
        },
      };
    }
    if (u < die + rtd) {
      // Role 1/2 treat-and-return happens within 72 h; Role 3 convalescence takes longer (4–14 days).
      const hours =
        role === 'Role3' || role === 'Role4'
          ? Math.max(t, 72.5) + rng.uniform(24, 264)
          : Math.max(t, Math.min(RTD_CUTOFF_HOURS, t + rng.lognormal(role === 'Role1' ? 12 : 36, 0.5)));
      events.push({ type: 'rtd', facility: role, hours, timing: 'after_treatment' });
      return { events, visits, outcome: { category: 'RTD', facility: role, hours_since_injury: hours } };
    }
    if (role === 'Role4') {
      events.push({ type: 'remains_role4', facility: 'Role4', hours: t });
      return { events, visits, outcome: { category: 'EVACUATED', facility: 'Role4', hours_since_injury: t } };
    }
    events.push({ type: 'evacuation_start', facility: role, hours: t, duration: stay });
    t += stay;
    next = role === 'Role1' ? 'Role2' : role === 'Role2' ? 'Role3' : 'Role4';
    leave(
      draw(
        rng,
        role === 'Role1' ? times.role1ToRole2 : role === 'Role2' ? times.role2ToRole3 : times.role3ToRole4,
      ),
    );
  }
}
