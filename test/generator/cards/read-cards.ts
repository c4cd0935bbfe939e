/** What a clinician reading the cards needs: patients of a preset, and questions about one card. */
import {
  DEFAULT_SCENARIO,
  generatePatients,
  type Patient,
  parseScenario,
} from '../../../src/generator/index.js';

/** Patients of a preset, or of the default scenario. */
export function run(preset: string | undefined, count: number, seed: string): Patient[] {
  if (!preset) return [...generatePatients(DEFAULT_SCENARIO, { seed, count })];
  const r = parseScenario({ preset_id: preset });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return [...generatePatients(r.scenario, { seed, count })];
}

export type Treatment = Patient['treatments'][number];
export const has = (p: Patient, pattern: RegExp): boolean =>
  p.conditions.some((c) => pattern.test(`${c.name} ${c.qualifier ?? ''}`));
export const given = (p: Patient, pattern: RegExp): Treatment[] =>
  p.treatments.filter((t) => pattern.test(`${t.treatment} ${t.detail ?? ''}`));
export const inShock = (p: Patient): boolean =>
  p.vital_signs.some((v) => v.systolic_bp < 90 || v.heart_rate > 120);
export const died = (p: Patient): boolean => p.final_status === 'KIA';
export const endOf = (t: Treatment): number => (t.hours_since_injury ?? 0) + (t.duration_minutes ?? 0) / 60;

/** Hours of arrival at and departure from each facility the casualty stayed at, from the timeline. */
export function staysOf(p: Patient): { facility: string; arrive: number; leave: number }[] {
  const stays: { facility: string; arrive: number; leave: number }[] = [];
  for (const e of p.movement_timeline) {
    if (e.event_type === 'arrival' && e.facility !== 'POI')
      stays.push({ facility: e.facility, arrive: e.hours_since_injury, leave: Number.POSITIVE_INFINITY });
    const open = stays.find((s) => s.facility === e.facility && !Number.isFinite(s.leave));
    if (open && (e.event_type === 'transit_start' || e.event_type === 'rtd' || e.event_type === 'kia'))
      open.leave = e.hours_since_injury;
  }
  return stays;
}
