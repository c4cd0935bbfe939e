import { describe, expect, it } from 'vitest';
import {
  type CasualtyEvent,
  DEFAULT_SCENARIO,
  dayCounts,
  MASS_CASUALTY_MIN,
  planDay,
} from '../../src/generator/index.js';

// The busiest day of a 1,000,000-patient default run: a plan as large as real jobs make.
const TOTAL = 1_000_000;
const counts = dayCounts('day-plan', DEFAULT_SCENARIO, TOTAL);
const sizes = counts.battle.map((b, d) => b + (counts.disease[d] ?? 0) + (counts.nonBattle[d] ?? 0));
const day = sizes.indexOf(Math.max(...sizes));
const today = {
  battle: counts.battle[day] ?? 0,
  disease: counts.disease[day] ?? 0,
  nonBattle: counts.nonBattle[day] ?? 0,
  outbreak: counts.outbreak[day] ?? false,
};
const plan = planDay('day-plan', DEFAULT_SCENARIO, day, today);
const slots = Array.from({ length: plan.casualties }, (_, k) => plan.slot(k));

describe('a day plan', () => {
  it('holds one slot per casualty of the day, in time order', () => {
    expect(plan.casualties).toBe(today.battle + today.disease + today.nonBattle);
    expect(plan.casualties).toBeGreaterThan(100_000);
    const outOfOrder = slots.filter((slot, k) => k > 0 && slot.second < slots[k - 1]!.second);
    expect(outOfOrder).toEqual([]);
  });

  it("gives each event as many slots as its size, inside the event's window", () => {
    const seen = new Map<CasualtyEvent, number>();
    const outside = slots.filter(({ second, event }) => {
      seen.set(event, (seen.get(event) ?? 0) + 1);
      return second < event.second || second > Math.min(86_399, event.second + event.windowSec);
    });
    expect(outside).toEqual([]);
    expect([...seen].filter(([event, n]) => n !== event.size)).toEqual([]);
    expect(seen.size).toBe(plan.eventCount);
  });

  it('splits the day into battle, disease and non-battle casualties as counted', () => {
    const byType = { BATTLE_TRAUMA: 0, DISEASE: 0, NON_BATTLE: 0 };
    for (const { event } of slots) byType[event.injuryType]++;
    expect(byType).toEqual({
      BATTLE_TRAUMA: today.battle,
      DISEASE: today.disease,
      NON_BATTLE: today.nonBattle,
    });
  });

  it('plans the same day again for the same seed, and another for another seed', () => {
    const again = planDay('day-plan', DEFAULT_SCENARIO, day, today);
    const other = planDay('other-seed', DEFAULT_SCENARIO, day, today);
    const ids = (p: typeof plan, k: number) => `${p.slot(k).second} ${p.slot(k).event.eventId}`;
    const sample = [0, 1, 777, 50_000, plan.casualties - 1];
    expect(sample.map((k) => ids(again, k))).toEqual(sample.map((k) => ids(plan, k)));
    expect(sample.map((k) => ids(other, k))).not.toEqual(sample.map((k) => ids(plan, k)));
  });

  it('spells event ids by kind, with the mass-casualty flag from the size', () => {
    for (const { event } of slots.slice(0, 5000)) {
      if (event.kind === 'sick_call')
        expect(event.eventId).toMatch(new RegExp(`^DNBI_${day}_\\d+_\\d+_[0-9a-f]{8}$`));
      else if (event.kind === 'outbreak')
        expect(event.eventId).toMatch(/^OB_gastroenteritis_\d+_[0-9a-f]{8}$/);
      else if (event.eventId.startsWith('SE_')) expect(event.scenario).toBe(event.kind);
      else expect(event.eventId.startsWith(event.massCasualty ? 'MC_' : 'IND_')).toBe(true);
      expect(event.massCasualty).toBe(
        event.injuryType === 'BATTLE_TRAUMA' && event.size >= MASS_CASUALTY_MIN,
      );
    }
  });
});
