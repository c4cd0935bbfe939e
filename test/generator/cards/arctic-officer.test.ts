import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/generator/index.js';
import { run, has, given, died, staysOf } from './read-cards.js';

describe('a cold-weather casualty’s card, read by an arctic medical officer', () => {
  const cold = run('arctic_operation', 8_000, 'arctic officer').filter(
    (p) => p.injury_type !== 'BATTLE_TRAUMA',
  );

  it('rewarms frostbite fast in warm water with ibuprofen, and a non-freezing cold injury slowly', () => {
    const frostbite = cold.filter(
      (p) => p.primary_condition.code === '370977006' && p.vital_signs.length > 1,
    );
    expect(frostbite.length).toBeGreaterThan(20);
    for (const p of frostbite) {
      expect(given(p, /Rapid rewarming in water at 37-39/)).toHaveLength(1);
      expect(given(p, /ibuprofen|NSAID withheld/i).length).toBeGreaterThan(0);
    }
    const nfci = cold.filter((p) => has(p, /non-freezing cold injury/) && p.vital_signs.length > 1);
    expect(nfci.length).toBeGreaterThan(10);
    expect(nfci.filter((p) => given(p, /Rapid rewarming/).length > 0).map((p) => p.id)).toEqual([]);
  });

  it('wraps a hypothermic soldier in the field before the carry, then rewarms actively on arrival', () => {
    const hypothermic = cold.filter(
      (p) => p.primary_condition.code === '386689009' && p.vital_signs.length > 1,
    );
    expect(hypothermic.length).toBeGreaterThan(5);
    for (const p of hypothermic) {
      const wrap = given(p, /Hypothermia wrap/);
      expect(wrap).toHaveLength(1);
      expect(wrap[0]!.location).toBe('POI');
      expect(given(p, /Active external rewarming/)).toHaveLength(1);
    }
  });

  it('charts a hypothermic soldier warm again once rewarmed: normal at the next facility, three hours on', () => {
    const rewarmed = cold.filter(
      (p) =>
        p.primary_condition.code === '386689009' &&
        p.final_status !== 'KIA' &&
        p.vital_signs.some((v) => v.facility !== 'POI'),
    );
    const later = rewarmed.flatMap((p) => {
      const first = p.vital_signs.find((v) => v.facility !== 'POI')!;
      return p.vital_signs
        .filter((v) => v.hours_since_injury >= first.hours_since_injury + 3)
        .map((v) => ({ p, v }));
    });
    expect(later.length).toBeGreaterThan(5);
    expect(later.filter(({ v }) => v.temperature < 36).map(({ p }) => p.id)).toEqual([]);
    // Cold when found: the wrap is for a real hypothermia.
    expect(rewarmed.filter((p) => p.vital_signs[0]!.temperature >= 35).map((p) => p.id)).toEqual([]);
  });

  it('charts a severe hypothermia with a slow pulse and slow breathing, and sends it back a day or two after it is rewarmed at Role 3', () => {
    // Moderate hypothermia (Swiss stage II, 28–32 °C) slows the heart and the breathing (Brown, NEJM 2012).
    const severe = cold.filter(
      (p) => p.primary_condition.display === 'Hypothermia' && p.triage_category === 'T1',
    );
    expect(severe.length).toBeGreaterThan(10);
    const atContact = (p: Patient) => p.vital_signs[0]!;
    expect(
      severe
        .filter((p) => atContact(p).heart_rate >= 60 || atContact(p).respiratory_rate >= 12)
        .map((p) => p.id),
    ).toEqual([]);
    // Rewarmed within hours, it needs no week of convalescence (WMS hypothermia guideline, 2019).
    const back = severe.filter((p) => p.final_status === 'RTD' && p.outcome.facility === 'Role3');
    expect(back.length).toBeGreaterThan(5);
    const arrivedAtRole3 = (p: Patient) => staysOf(p).find((s) => s.facility === 'Role3')!.arrive;
    expect(
      back.filter((p) => p.outcome.hours_since_injury - arrivedAtRole3(p) > 54).map((p) => p.id),
    ).toEqual([]);
  });

  it('keeps frostbite out of the cold a week and a non-freezing cold injury two weeks, never back on arctic duty within 48 h', () => {
    // Wilderness Medical Society 2019: superficial frostbite heals over one to three weeks; Imray 2011 and
    // JSP 539: a non-freezing cold injury's feet are not exposed to cold again for weeks.
    const seenAt = (p: (typeof cold)[number]) => staysOf(p)[0]!.arrive;
    const back = (pattern: RegExp) =>
      cold.filter((p) => has(p, pattern) && p.final_status === 'RTD' && staysOf(p).length > 0);
    const frostbite = back(/^Frostbite/);
    const nfci = back(/non-freezing cold injury/);
    expect(frostbite.length).toBeGreaterThan(50);
    expect(nfci.length).toBeGreaterThan(30);
    const early = (list: typeof cold, days: number) =>
      list
        .filter((p) => p.outcome.hours_since_injury < seenAt(p) + days * 24)
        .map((p) => `${p.id} ${Math.round(p.outcome.hours_since_injury)} h`);
    expect(early(frostbite, 7)).toEqual([]);
    expect(early(nfci, 14)).toEqual([]);
  });

  it('flies deep, blistered frostbite home, and keeps most superficial frostbite in theatre', () => {
    const frostbite = cold.filter((p) => p.primary_condition.code === '370977006' && !died(p));
    const deep = frostbite.filter((p) => has(p, /deep \(third or fourth degree\)/));
    const superficial = frostbite.filter((p) => has(p, /superficial \(first or second degree\)/));
    expect(deep.length).toBeGreaterThan(30);
    expect(superficial.length).toBeGreaterThan(100);
    const home = (list: typeof cold) =>
      list.filter((p) => staysOf(p).some((s) => s.facility === 'Role4')).length / list.length;
    expect(home(deep)).toBeGreaterThan(0.9);
    expect(home(superficial)).toBeLessThan(0.2);
    // The blisters of deep frostbite: the haemorrhagic left whole, the limb raised.
    expect(
      deep
        .filter((p) => p.vital_signs.length > 1 && given(p, /Haemorrhagic blisters left intact/).length !== 1)
        .map((p) => p.id),
    ).toEqual([]);
  });

  it('gives deep frostbite iloprost at the first hospital when it gets there within 48 h of rewarming', () => {
    const deep = cold.filter(
      (p) =>
        p.primary_condition.code === '370977006' &&
        has(p, /deep \(third or fourth degree\)/) &&
        staysOf(p).some((s) => s.facility === 'Role2' || s.facility === 'Role3'),
    );
    expect(deep.length).toBeGreaterThan(20);
    const hospital = (p: (typeof deep)[number]) =>
      staysOf(p).find((s) => s.facility === 'Role2' || s.facility === 'Role3')!;
    const rewarmed = (p: (typeof deep)[number]) => staysOf(p)[0]!.arrive;
    const inTime = deep.filter((p) => hospital(p).arrive - rewarmed(p) <= 48);
    expect(inTime.length).toBeGreaterThan(20);
    expect(
      inTime
        .filter(
          (p) =>
            given(p, /Iloprost 2 ng\/kg\/min/).filter((t) => t.location === hospital(p).facility).length !==
            1,
        )
        .map((p) => p.id),
    ).toEqual([]);
    const late = deep.filter((p) => !inTime.includes(p));
    expect(late.filter((p) => given(p, /Iloprost 2 ng/).length > 0).map((p) => p.id)).toEqual([]);
  });

  it('gives a non-freezing cold injury amitriptyline at night for its nerve pain, not an NSAID, and gabapentin to one on sertraline', () => {
    const nfci = cold.filter((p) => has(p, /non-freezing cold injury/) && p.vital_signs.length > 1);
    expect(nfci.length).toBeGreaterThan(30);
    const onSertraline = (p: (typeof nfci)[number]) => p.medications.some((m) => m.code === '372594008');
    expect(
      nfci
        .filter((p) => !onSertraline(p))
        .filter((p) => given(p, /Amitriptyline (10|25) mg PO at night/).length !== 1)
        .map((p) => p.id),
    ).toEqual([]);
    // Amitriptyline beside an SSRI risks the serotonin syndrome (BNF): gabapentin instead (NICE CG173).
    const withSsri = nfci.filter(onSertraline);
    expect(withSsri.length).toBeGreaterThan(0);
    expect(
      withSsri
        .filter(
          (p) =>
            given(p, /Amitriptyline/).length > 0 ||
            given(p, /Gabapentin 300 mg .*amitriptyline withheld: takes sertraline/).length !== 1,
        )
        .map((p) => p.id),
    ).toEqual([]);
    expect(
      nfci.filter((p) => given(p, /ibuprofen|naproxen|diclofenac/i).length > 0).map((p) => p.id),
    ).toEqual([]);
  });
});
