import { describe, expect, it } from 'vitest';
import { generatePatients, type Patient, parseScenario } from '../../../src/generator/index.js';

/** Diseases carried by sandflies and mosquitoes of hot countries. */
const TROPICAL = /^(Leishmaniasis|Malaria|Dengue)$/;
const SICK_CALL_HEAVY = { Disease: 0.9, 'Non-Battle Injury': 0.05, 'Battle Injury': 0.05 };

function diseaseCards(configuration: Record<string, unknown>, seed: string): Patient[] {
  const parsed = parseScenario({ injury_mix: SICK_CALL_HEAVY, ...configuration });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return [...generatePatients(parsed.scenario, { seed, count: 4000 })].filter(
    (p) => p.injury_type === 'DISEASE',
  );
}
const tropical = (cards: Patient[]) => cards.filter((p) => TROPICAL.test(p.conditions[0]?.name ?? ''));

describe('tropical vector-borne disease follows the theatre', () => {
  it('brings no malaria, dengue or leishmaniasis to a Baltic summer or an Arctic winter', () => {
    const baltic = diseaseCards({ base_date: '2025-06-01', environmental_conditions: {} }, 'baltic');
    const arctic = diseaseCards(
      {
        base_date: '2026-02-02',
        environmental_conditions: { extreme_cold: true, mountainous_terrain: true },
      },
      'arctic',
    );
    expect(baltic.length + arctic.length).toBeGreaterThan(6000);
    expect(tropical(baltic).map((p) => p.conditions[0]?.name)).toEqual([]);
    expect(tropical(arctic).map((p) => p.conditions[0]?.name)).toEqual([]);
  });

  it('still brings them to a hot theatre and a desert one', () => {
    const hot = diseaseCards({ environmental_conditions: { extreme_heat: true } }, 'hot');
    const desert = diseaseCards({ environmental_conditions: { dust_storm: true } }, 'desert');
    expect(tropical(hot).length).toBeGreaterThan(5);
    expect(tropical(desert).length).toBeGreaterThan(5);
  });
});
