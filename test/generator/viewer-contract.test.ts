import { describe, expect, it } from 'vitest';
import {
  generatePatients,
  getPreset,
  type Patient,
  PRESET_IDS,
  parseScenario,
} from '../../src/generator/index.js';

const EVENT_TYPES = new Set(['arrival', 'evacuation_start', 'transit_start', 'kia', 'rtd', 'remains_role4']);
const TERMINAL = new Set(['kia', 'rtd', 'remains_role4']);
const FACILITIES = new Set(['POI', 'Role1', 'Role2', 'Role3', 'Role4']);

/** The timeline viewer's expectations of the earlier service, plus monotonic time. */
function contractViolations(p: Patient): string[] {
  const bad: string[] = [];
  if (typeof p.id !== 'number' && typeof p.id !== 'string') bad.push('id');
  if (typeof p.nationality !== 'string') bad.push('nationality');
  if (!['T1', 'T2', 'T3'].includes(p.triage_category)) bad.push('triage');
  if (!['KIA', 'RTD', 'Remains_Role4'].includes(p.final_status)) bad.push('final_status');
  if (Number.isNaN(Date.parse(p.injury_timestamp)) || p.injury_time !== p.injury_timestamp)
    bad.push('injury_timestamp');
  const tl = p.movement_timeline;
  if (!Array.isArray(tl) || tl.length === 0) return [...bad, 'timeline empty'];
  let prev = 0;
  tl.forEach((e, i) => {
    if (!EVENT_TYPES.has(e.event_type)) bad.push(`event_type ${e.event_type}`);
    if (typeof e.hours_since_injury !== 'number' || e.hours_since_injury < 0 || e.hours_since_injury < prev)
      bad.push(`hours at ${i}`);
    prev = e.hours_since_injury;
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(e.timestamp)) bad.push(`timestamp at ${i}`);
    if (!FACILITIES.has(e.facility)) bad.push(`facility at ${i}`);
    if (
      e.event_type === 'transit_start' &&
      (!e.to_facility || !FACILITIES.has(e.to_facility) || typeof e.transit_duration_hours !== 'number')
    )
      bad.push(`transit at ${i}`);
    if (TERMINAL.has(e.event_type) && i !== tl.length - 1) bad.push('terminal not last');
  });
  if (tl.filter((e) => TERMINAL.has(e.event_type)).length > 1) bad.push('two terminals');
  if (p.last_facility !== tl[tl.length - 1]?.facility) bad.push('last_facility');
  const terminal = tl[tl.length - 1]?.event_type;
  const expected = p.final_status === 'KIA' ? 'kia' : p.final_status === 'RTD' ? 'rtd' : 'remains_role4';
  if (terminal !== expected) bad.push('terminal does not match final_status');
  return bad;
}

describe('timeline viewer contract', () => {
  it('holds for every patient of the default scenario', () => {
    const scenario = parseScenario({});
    if (!scenario.ok) throw new Error('default rejected');
    for (const p of generatePatients(scenario.scenario, { seed: 'viewer', count: 3000 })) {
      expect(contractViolations(p), `patient ${p.id}`).toEqual([]);
    }
  });

  it('holds for every preset', () => {
    for (const id of PRESET_IDS) {
      const parsed = parseScenario(getPreset(id)?.generation_config);
      if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
      for (const p of generatePatients(parsed.scenario, { seed: id, count: 400 })) {
        expect(contractViolations(p), `${id} patient ${p.id}`).toEqual([]);
      }
    }
  });

  it('gives names, ids and blood groups with Rh in every record', () => {
    const parsed = parseScenario({});
    if (!parsed.ok) throw new Error('default rejected');
    for (const p of generatePatients(parsed.scenario, { seed: 'names', count: 300 })) {
      expect(p.demographics.given_name.length).toBeGreaterThan(1);
      expect(p.demographics.family_name.length).toBeGreaterThan(1);
      expect(p.demographics.id_number.length).toBeGreaterThan(5);
      expect(p.demographics.blood_type).toMatch(/^(A|B|AB|O)[+-]$/);
      expect(p.conditions.every((c) => /^\d{6,18}$/.test(c.code) && c.body_region.length > 0)).toBe(true);
    }
  });
});
