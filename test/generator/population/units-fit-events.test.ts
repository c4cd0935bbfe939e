import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  type Patient,
  parseScenario,
  type Scenario,
} from '../../../src/generator/index.js';
import { Rng } from '../../../src/generator/rng.js';
import { drawUnit } from '../../../src/generator/units.js';

function preset(id: string): Scenario {
  const parsed = parseScenario({ preset_id: id });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** Patients of a scenario (ten thousand unless told), each with whether its front is at sea. */
function casualtiesOf(scenario: Scenario, count = 10_000): { patient: Patient; atSea: boolean }[] {
  const naval = new Set(scenario.fronts.filter((f) => f.domain === 'naval').map((f) => f.name));
  return [...generatePatients(scenario, { seed: 'units fit events', count })].map((patient) => ({
    patient,
    atSea: naval.has(patient.front),
  }));
}

/** A ship's unit is its hull: "Hull 214". */
const inShip = (p: Patient): boolean => p.unit.name.startsWith('Hull ');
const FIGHTS_ASHORE = new Set(['contact', 'ambush', 'close_quarters', 'ied']);
const FIRE_ASHORE = new Set([...FIGHTS_ASHORE, 'indirect_fire', 'drone_strike']);
const FIELD_HOSPITALS = new Set(['Role 2 field hospital', 'Role 3 field hospital']);

const defaultRun = casualtiesOf(DEFAULT_SCENARIO);
const maritimeRun = casualtiesOf(preset('maritime_operation'));
const urbanRun = casualtiesOf(preset('urban_assault'), 4000);
const lscoRun = casualtiesOf(preset('lsco'), 4000);

/** Battle casualties of the given event kinds on fronts ashore. */
const ashore = (run: typeof defaultRun, kinds: ReadonlySet<string>): Patient[] =>
  run
    .filter(({ patient, atSea }) => !atSea && patient.injury_type === 'BATTLE_TRAUMA')
    .map(({ patient }) => patient)
    .filter((p) => kinds.has(p.event_type));

describe('the unit of a battle casualty fits the event', () => {
  it('sends no frigate crew into a firefight, an IED or a barrage ashore', () => {
    for (const run of [defaultRun, maritimeRun, urbanRun, lscoRun]) {
      const struck = ashore(run, FIRE_ASHORE);
      expect(struck.length).toBeGreaterThan(500);
      expect(struck.filter(inShip).map((p) => `${p.event_type} ${p.unit.unit_type}`)).toEqual([]);
    }
  });

  it('still puts ships in harm’s way at sea, where a missile strikes a ship’s crew', () => {
    const atSea = maritimeRun.filter(
      ({ patient, atSea }) => atSea && patient.injury_type === 'BATTLE_TRAUMA',
    );
    expect(atSea.filter(({ patient }) => inShip(patient)).length / atSea.length).toBeGreaterThan(0.6);
  });

  it('keeps a Role 2 or Role 3 field hospital out of a patrol’s firefight or IED, but not out of the shelling', () => {
    for (const run of [defaultRun, maritimeRun, urbanRun, lscoRun]) {
      const inFights = ashore(run, FIGHTS_ASHORE).filter((p) => FIELD_HOSPITALS.has(p.unit.unit_type));
      expect(inFights.map((p) => `${p.event_type} ${p.unit.unit_type}`)).toEqual([]);
    }
    // Hospitals were shelled (Camp Bastion, Balad): a barrage can still strike one.
    const shelled = ashore(lscoRun, new Set(['indirect_fire'])).filter((p) =>
      FIELD_HOSPITALS.has(p.unit.unit_type),
    );
    expect(shelled.length).toBeGreaterThan(0);
  });

  it('sends no fighter, transport or maintenance squadron into a firefight or an IED: the airmen there guard the base or call in the aircraft', () => {
    const onPatrol = [defaultRun, urbanRun, lscoRun].flatMap((run) =>
      ashore(run, FIGHTS_ASHORE).filter((p) => p.service_branch === 'Air Force'),
    );
    expect(onPatrol.length).toBeGreaterThan(30);
    const grounded = onPatrol.filter(
      (p) => !['Air base security squadron', 'Air support operations squadron'].includes(p.unit.unit_type),
    );
    expect(grounded.map((p) => `${p.event_type} ${p.unit.unit_type}`)).toEqual([]);
    expect(onPatrol.some((p) => p.unit.unit_type === 'Air support operations squadron')).toBe(true);
  });

  it('places a sailor wounded on the beach with the marines he serves with, not aboard his ship', () => {
    const sailors = ashore(maritimeRun, FIRE_ASHORE).filter((p) => p.service_branch === 'Navy');
    expect(sailors.length).toBeGreaterThan(20);
    expect(sailors.filter(inShip)).toEqual([]);
    expect(
      sailors.some((p) => /^Marine|^Commando|^Amphibious assault battalion/.test(p.unit.unit_type)),
    ).toBe(true);
  });

  it('still draws a sick or injured sailor from the whole navy, ships included: sickness strikes no unit', () => {
    const sick = defaultRun
      .filter(({ patient, atSea }) => !atSea && patient.injury_type !== 'BATTLE_TRAUMA')
      .map(({ patient }) => patient)
      .filter((p) => p.service_branch === 'Navy');
    expect(sick.some(inShip)).toBe(true);
  });
});

describe('ships by nation', () => {
  /** Ship types each nation's casualties serve in, over every run. */
  const shipsOf = new Map<string, Set<string>>();
  for (const run of [
    defaultRun,
    maritimeRun,
    urbanRun,
    lscoRun,
    casualtiesOf(preset('nato_article_5'), 4000),
  ])
    for (const { patient } of run)
      if (inShip(patient)) {
        const ships = shipsOf.get(patient.nationality) ?? new Set<string>();
        ships.add(patient.unit.unit_type);
        shipsOf.set(patient.nationality, ships);
      }

  it('gives each nation only the ships its navy has', () => {
    const carriers = new Set(['USA', 'GBR', 'FRA', 'ITA', 'ESP', 'NLD', 'TUR', 'AUS']);
    for (const [nation, ships] of shipsOf) {
      if (ships.has('Amphibious assault ship')) expect(carriers, nation).toContain(nation);
      if (['EST', 'LVA', 'LTU', 'FIN'].includes(nation))
        expect([...ships].sort(), nation).toEqual(
          [...ships].filter((s) => s === 'Mine countermeasures vessel' || s === 'Patrol vessel').sort(),
        );
    }
    // The US Navy has had no frigate in commission since the last Oliver Hazard Perry left in 2015.
    expect(shipsOf.get('USA')?.has('Frigate')).toBe(false);
    expect(shipsOf.get('USA')?.has('Destroyer')).toBe(true);
  });

  it('crews a Baltic navy with mine hunters and patrol boats, never a frigate or an assault ship', () => {
    const rng = new Rng('units fit events', 'baltic', 0);
    for (const nation of ['EST', 'LVA', 'LTU']) {
      const types = new Set(Array.from({ length: 400 }, () => drawUnit(rng, 'Navy', true, nation).unit_type));
      expect(types, nation).toEqual(new Set(['Mine countermeasures vessel', 'Patrol vessel', 'Naval base']));
    }
    const british = new Set(Array.from({ length: 400 }, () => drawUnit(rng, 'Navy', true, 'GBR').unit_type));
    expect(british).toContain('Destroyer');
    expect(british).toContain('Amphibious assault ship');
  });
});
