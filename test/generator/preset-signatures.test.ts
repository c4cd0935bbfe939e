import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  getPreset,
  type Patient,
  parseScenario,
} from '../../src/generator/index.js';

const presetRun = (id: string, count = 1500): Patient[] => {
  const r = parseScenario(getPreset(id)?.generation_config);
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors)}`);
  return [...generatePatients(r.scenario, { seed: `signature-${id}`, count })];
};
const share = (ps: readonly Patient[], pred: (p: Patient) => boolean) => ps.filter(pred).length / ps.length;
const battle = (ps: readonly Patient[]) => ps.filter((p) => p.injury_type === 'BATTLE_TRAUMA');
const has = (p: Patient, code: string) => p.conditions.some((c) => c.code === code);

describe('each preset makes its signature casualties', () => {
  it('cbrn_incident: nerve and blister agent exposures, decontaminated, nerve agent treated with antidotes', () => {
    const ps = presetRun('cbrn_incident');
    const nerve = ps.filter((p) => /nerve agent/.test(p.conditions[0]?.qualifier ?? ''));
    const mustard = ps.filter((p) => /sulfur mustard/.test(p.conditions[0]?.qualifier ?? ''));
    expect(nerve.length / ps.length).toBeGreaterThan(0.3);
    expect(mustard.length).toBeGreaterThan(50);
    for (const p of [...nerve, ...mustard].filter((q) => q.final_status !== 'KIA')) {
      expect(p.treatments.some((t) => /Decontamination/.test(t.detail ?? ''))).toBe(true);
    }
    const urgent = nerve.filter((p) => p.nato_triage === 'T1' || p.nato_triage === 'T2');
    expect(
      urgent.every((p) => p.treatments.some((t) => /Atropine .* pralidoxime/.test(t.detail ?? ''))),
    ).toBe(true);
    expect(
      nerve
        .filter((p) => p.nato_triage === 'T1')
        .every((p) => p.treatments.some((t) => /Diazepam/.test(t.detail ?? ''))),
    ).toBe(true);
    expect(ps.filter((p) => p.nato_triage === 'T1' && has(p, '80967001'))).toEqual([]);
  });

  it('cbrn_incident: radiation exposures triaged by dose, decontaminated, and treated by dose band', () => {
    const ps = presetRun('cbrn_incident');
    const exposed = ps.filter((p) => p.event_type === 'radiological_release' && p.mechanism === undefined);
    const ars = exposed.filter((p) => p.conditions[0]?.code === '360002');
    expect(exposed.length).toBeGreaterThan(60);
    expect(ars.length).toBeGreaterThan(20);
    expect(ars.length).toBeLessThan(exposed.length);
    const band = (p: Patient) => p.conditions[0]?.qualifier ?? '';
    for (const p of exposed.filter((q) => q.final_status !== 'KIA')) {
      expect(p.treatments.some((t) => /Radiological decontamination/.test(t.detail ?? ''))).toBe(true);
    }
    // REMM triage: below 1 Gy minimal; 2-6 Gy delayed with cytokines; above 10 Gy expectant.
    expect(exposed.filter((p) => /below 1 Gy/.test(band(p))).every((p) => p.nato_triage === 'T3')).toBe(true);
    const marrow = ars.filter((p) => /2-6 Gy/.test(band(p)) && p.final_status !== 'KIA');
    expect(marrow.length).toBeGreaterThan(5);
    expect(marrow.every((p) => p.nato_triage === 'T2')).toBe(true);
    expect(marrow.every((p) => p.treatments.some((t) => /Filgrastim/.test(t.detail ?? '')))).toBe(true);
    expect(ars.filter((p) => /above 10 Gy/.test(band(p))).every((p) => p.nato_triage === 'T4')).toBe(true);
    // One kind of exposure per event: no nerve agent in a radiological release.
    expect(exposed.some((p) => /nerve agent|mustard/.test(band(p)))).toBe(false);
  });

  it('arctic_operation: frostbite, non-freezing cold injury and hypothermia, no heat illness', () => {
    const nbi = presetRun('arctic_operation').filter((p) => p.injury_type === 'NON_BATTLE');
    expect(share(nbi, (p) => has(p, '370977006'))).toBeGreaterThan(0.05);
    expect(share(nbi, (p) => has(p, '386689009'))).toBeGreaterThan(0.015);
    const nfci = nbi.filter((p) => /non-freezing cold injury/.test(p.conditions[0]?.qualifier ?? ''));
    expect(nfci.length / nbi.length).toBeGreaterThan(0.03);
    expect(nfci.every((p) => p.treatments.some((t) => /rewarmed slowly/.test(t.detail ?? '')))).toBe(true);
    // MSMR 2023: frostbite 54 %, non-freezing 30 %, hypothermia 16.5 % of cold injuries.
    const cold = nbi.filter((p) => has(p, '370977006') || has(p, '386689009') || nfci.includes(p));
    expect(nfci.length / cold.length).toBeGreaterThan(0.2);
    expect(nfci.length / cold.length).toBeLessThan(0.4);
    expect(share(nbi, (p) => /heat (exhaustion|stroke)/.test(p.conditions[0]?.qualifier ?? ''))).toBeLessThan(
      0.01,
    );
  });

  it('peacekeeping (hot): almost all DNBI, with heat exhaustion, heat stroke, dehydration and road traffic accidents', () => {
    const ps = presetRun('peacekeeping');
    expect(share(ps, (p) => p.injury_type !== 'BATTLE_TRAUMA')).toBeGreaterThan(0.9);
    const nbi = ps.filter((p) => p.injury_type === 'NON_BATTLE');
    expect(share(nbi, (p) => p.conditions[0]?.qualifier === 'heat exhaustion')).toBeGreaterThan(0.015);
    const heatStroke = nbi.filter((p) => /heat stroke/.test(p.conditions[0]?.qualifier ?? ''));
    expect(heatStroke.length).toBeGreaterThan(2);
    expect(heatStroke.every((p) => p.nato_triage === 'T1' || p.final_status === 'KIA')).toBe(true);
    expect(nbi.filter((p) => p.event_type === 'road_traffic_accident').length).toBeGreaterThan(5);
    expect(share(nbi, (p) => p.conditions[0]?.code === '34095006')).toBeGreaterThan(0.1);
    expect(share(nbi, (p) => has(p, '370977006'))).toBeLessThan(0.01);
  });

  it('urban_assault: more gunshot wounds and crush injuries than the default', () => {
    const urban = battle(presetRun('urban_assault'));
    const base = battle([...generatePatients(DEFAULT_SCENARIO, { seed: 'signature-base', count: 6000 })]);
    expect(share(urban, (p) => p.mechanism === 'gunshot')).toBeGreaterThan(
      share(base, (p) => p.mechanism === 'gunshot') + 0.03,
    );
    expect(share(urban, (p) => has(p, '125665001'))).toBeGreaterThan(share(base, (p) => has(p, '125665001')));
  });

  it('maritime_operation: the naval front suffers ship strikes with burns, immersion and drowning', () => {
    const naval = battle(presetRun('maritime_operation', 3000)).filter((p) => p.front === 'Naval Task Force');
    expect(
      naval.every(
        (p) => p.event_type === 'missile_strike' || p.event_type === 'air_strike' || p.mass_casualty,
      ),
    ).toBe(true);
    expect(share(naval, (p) => p.conditions.some((c) => c.tbsa_percent !== undefined))).toBeGreaterThan(0.04);
    const immersed = naval.filter((p) => p.conditions.some((c) => c.qualifier === 'immersion in cold water'));
    expect(immersed.length).toBeGreaterThan(20);
    const drowned = naval.filter((p) => has(p, '40947009'));
    expect(drowned.length).toBeGreaterThan(3);
    expect(drowned.every((p) => immersed.includes(p))).toBe(true);
    const land = battle(presetRun('maritime_operation', 3000)).filter((p) => p.front !== 'Naval Task Force');
    expect(land.some((p) => has(p, '40947009'))).toBe(false);
  });

  it('mass_casualty: most patients in a few large events', () => {
    const ps = presetRun('mass_casualty', 800);
    const flagged = ps.filter((p) => p.mass_casualty);
    expect(flagged.length / ps.length).toBeGreaterThan(0.6);
    expect(new Set(flagged.map((p) => p.event_id)).size).toBeLessThan(40);
  });

  it('lsco: explosive injuries dominate', () => {
    expect(share(battle(presetRun('lsco', 3000)), (p) => p.mechanism === 'explosive')).toBeGreaterThan(0.8);
  });
});
