import { describe, expect, it } from 'vitest';
import { generatePatients, type Patient, parseScenario, type Scenario } from '../../src/generator/index.js';

const parse = (raw: unknown): Scenario => {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};
const run = (raw: unknown, count: number, seed = 'shape'): Patient[] => [
  ...generatePatients(parse(raw), { seed, count }),
];
const battleShare = (ps: Patient[]) => ps.filter((p) => p.injury_type === 'BATTLE_TRAUMA').length / ps.length;
const BATTLE_HEAVY = { Disease: 0.38, 'Non-Battle Injury': 0.25, 'Battle Injury': 0.37 };

describe('casualty events', () => {
  const patients = run({ injury_mix: BATTLE_HEAVY }, 4000);
  const byEvent = new Map<string, Patient[]>();
  for (const p of patients) byEvent.set(p.event_id, [...(byEvent.get(p.event_id) ?? []), p]);

  it('puts every casualty of a battle event on one front, within minutes of each other', () => {
    for (const members of byEvent.values()) {
      if (members[0]?.injury_type !== 'BATTLE_TRAUMA') continue;
      expect(new Set(members.map((p) => p.front)).size).toBe(1);
      const times = members.map((p) => Date.parse(p.injury_timestamp));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(45 * 60_000);
      expect(members.every((p) => p.event_size === members[0]?.event_size)).toBe(true);
    }
  });

  it('draws the mechanism from the event: no gunshot wounds from barrages or drones', () => {
    const fromAbove = patients.filter(
      (p) => p.event_type === 'indirect_fire' || p.event_type === 'drone_strike',
    );
    expect(fromAbove.length).toBeGreaterThan(100);
    expect(fromAbove.filter((p) => p.mechanism === 'gunshot')).toEqual([]);
    const contact = patients.filter((p) => p.event_type === 'contact');
    expect(contact.filter((p) => p.mechanism === 'gunshot').length / contact.length).toBeGreaterThan(0.6);
  });

  it('takes most casualties of a firefight or an IED from the one unit it struck, the rest attached', () => {
    let inCommonest = 0;
    let all = 0;
    let mixedNations = 0;
    let fights = 0;
    for (const members of byEvent.values()) {
      const kind = members[0]?.event_type ?? '';
      if (!['contact', 'ambush', 'close_quarters', 'ied'].includes(kind) || members.length < 2) continue;
      const units = new Map<string, number>();
      for (const p of members) {
        const key = `${p.nationality} ${p.unit.formation} ${p.unit.unit_type} ${p.unit.name}`;
        units.set(key, (units.get(key) ?? 0) + 1);
      }
      inCommonest += Math.max(...units.values());
      all += members.length;
      fights++;
      if (new Set(members.map((p) => p.nationality)).size > 1) mixedNations++;
    }
    expect(fights).toBeGreaterThan(50);
    expect(inCommonest / all).toBeGreaterThan(0.8);
    expect(inCommonest).toBeLessThan(all);
    expect(mixedNations / fights).toBeLessThan(0.35);
  });

  it('flags only battle casualties of large events as mass-casualty', () => {
    const flagged = patients.filter((p) => p.mass_casualty);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((p) => p.injury_type === 'BATTLE_TRAUMA' && p.event_size >= 10)).toBe(true);
  });

  it('brings DNBI in one by one at sick call, never inside a battle event', () => {
    const dnbi = patients.filter((p) => p.injury_type !== 'BATTLE_TRAUMA');
    const ownKinds = new Set(['sick_call', 'outbreak', 'road_traffic_accident', 'fall']);
    expect(dnbi.every((p) => ownKinds.has(p.event_type))).toBe(true);
  });

  it('names road traffic accidents as their own cause: non-battle, injured, one casualty each', () => {
    const crashes = patients.filter((p) => p.event_type === 'road_traffic_accident');
    expect(crashes.length).toBeGreaterThan(5);
    for (const p of crashes) {
      expect(p.injury_type).toBe('NON_BATTLE');
      expect(p.event_size).toBe(1);
      expect(p.injury_severity_score).toBeGreaterThan(0);
    }
  });

  it('strikes a ship at sea: most casualties of a missile strike are sailors of one hull', () => {
    const atSea = run({ preset_id: 'maritime_operation' }, 3000, 'ship').filter(
      (p) => p.event_type === 'missile_strike' && p.injury_type === 'BATTLE_TRAUMA',
    );
    expect(atSea.length).toBeGreaterThan(100);
    expect(atSea.filter((p) => p.service_branch === 'Navy').length / atSea.length).toBeGreaterThan(0.85);
    const hulls = new Map<string, Set<string>>();
    for (const p of atSea.filter((s) => s.service_branch === 'Navy'))
      hulls.set(p.event_id, (hulls.get(p.event_id) ?? new Set()).add(`${p.nationality} ${p.unit.name}`));
    const oneHull = [...hulls.values()].filter((h) => h.size === 1).length;
    expect(oneHull / hulls.size).toBeGreaterThan(0.5);
  });

  it('varies the daily count even at a sustained tempo', () => {
    const perDay = new Map<number, number>();
    for (const p of patients) perDay.set(p.day_of_injury, (perDay.get(p.day_of_injury) ?? 0) + 1);
    expect(new Set(perDay.values()).size).toBeGreaterThan(1);
  });
});

describe('event sizes under intensity', () => {
  const battleEvents = (raw: unknown, count: number, seed: string) => {
    const events = new Map<string, Patient>();
    for (const p of run(raw, count, seed)) if (p.injury_type === 'BATTLE_TRAUMA') events.set(p.event_id, p);
    return [...events.values()];
  };

  it('still lets a drone hit a single soldier when the fighting is extreme', () => {
    // The lsco preset fights at extreme intensity; a drone strike averages 1.4 casualties before scaling.
    const drones = battleEvents({ preset_id: 'lsco' }, 5000, 'drones').filter(
      (e) => e.event_type === 'drone_strike',
    );
    expect(drones.length).toBeGreaterThan(100);
    const single = drones.filter((e) => e.event_size === 1).length / drones.length;
    expect(single).toBeGreaterThan(0.3);
  });

  it('makes each larger event rarer than the one before at high intensity, with no missing size', () => {
    const events = battleEvents({ intensity: 'high', injury_mix: BATTLE_HEAVY }, 5000, 'high');
    const ofSize = (n: number) => events.filter((e) => e.event_size === n).length;
    expect(ofSize(3)).toBeGreaterThan(0.05 * events.length);
    expect([1, 2, 3, 4].map(ofSize)).toEqual([1, 2, 3, 4].map(ofSize).sort((a, b) => b - a));
  });
});

describe('battle and DNBI by denominator', () => {
  it('moves the battle share with intensity, low to extreme, when no mix is given', () => {
    const shares = ['low', 'medium', 'high', 'extreme'].map((intensity) =>
      battleShare(run({ intensity }, 1000, 'intensity')),
    );
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBeLessThan(0.08);
    expect(shares[3]).toBeGreaterThan(0.2);
  });

  it('follows the tempo: an escalating fight is battle-heavy at its end, a declining one at its start', () => {
    const firstAndLast = (tempo: string) => {
      const ps = run({ tempo, injury_mix: BATTLE_HEAVY }, 6000, 'tempo');
      const days = ps.map((p) => p.day_of_injury);
      const [first, last] = [Math.min(...days), Math.max(...days)];
      const during = (from: number, to: number) =>
        ps.filter((p) => p.day_of_injury >= from && p.day_of_injury <= to);
      return { early: during(first, first + 1), late: during(last - 1, last) };
    };
    const battles = (ps: Patient[]) => ps.filter((p) => p.injury_type === 'BATTLE_TRAUMA').length;
    const dnbi = (ps: Patient[]) => ps.length - battles(ps);

    // Battle casualties follow the tempo curve (0.4 to 1.8 of the mean day); DNBI stays a background rate.
    const escalating = firstAndLast('escalating');
    expect(battles(escalating.late)).toBeGreaterThan(2.5 * battles(escalating.early));
    expect(battleShare(escalating.late)).toBeGreaterThan(battleShare(escalating.early) + 0.15);
    expect(dnbi(escalating.late) / dnbi(escalating.early)).toBeGreaterThan(0.6);
    expect(dnbi(escalating.late) / dnbi(escalating.early)).toBeLessThan(1.6);

    const declining = firstAndLast('declining');
    expect(battles(declining.early)).toBeGreaterThan(2.5 * battles(declining.late));
    expect(battleShare(declining.early)).toBeGreaterThan(battleShare(declining.late) + 0.15);
  });

  it('keeps a configured mix exactly, whatever the intensity', () => {
    const mix = { Disease: 0.5, 'Non-Battle Injury': 0.3, 'Battle Injury': 0.2 };
    expect(battleShare(run({ intensity: 'low', injury_mix: mix }, 1000))).toBeCloseTo(0.2, 3);
  });
});

describe('the chain under load, in the dark and over time', () => {
  it('slows daylight evacuation and loses more of the seriously injured in a mass-casualty event', () => {
    const ps = run({ injury_mix: BATTLE_HEAVY, mass_casualty_share: 0.5 }, 10_000, 'mascal');
    const firstMtf = (p: Patient) =>
      p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI')
        ?.hours_since_injury ?? 0;
    const daylight = (p: Patient) =>
      Number(p.injury_timestamp.slice(11, 13)) >= 6 && Number(p.injury_timestamp.slice(11, 13)) < 18;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const t1 = (mc: boolean) =>
      ps.filter((p) => p.mass_casualty === mc && p.nato_triage === 'T1' && daylight(p)).map(firstMtf);
    expect(mean(t1(true))).toBeGreaterThan(mean(t1(false)));
    const dow = (mc: boolean) => {
      const serious = ps.filter(
        (p) =>
          p.injury_type === 'BATTLE_TRAUMA' &&
          p.mass_casualty === mc &&
          p.outcome.category !== 'KIA' &&
          p.injury_severity_score >= 9,
      );
      return serious.filter((p) => p.outcome.category === 'DOW').length / serious.length;
    };
    expect(dow(true)).toBeGreaterThan(dow(false));
  });

  it('slows evacuation at night', () => {
    const ps = run({ injury_mix: BATTLE_HEAVY, environmental_conditions: {} }, 6000, 'night');
    const leave = (p: Patient) =>
      p.movement_timeline.find((e) => e.event_type === 'evacuation_start' && e.facility === 'POI')
        ?.evacuation_duration_hours;
    const hour = (p: Patient) => Number(p.injury_timestamp.slice(11, 13));
    const mean = (pred: (h: number) => boolean) => {
      const xs = ps
        .filter((p) => p.injury_type === 'BATTLE_TRAUMA' && p.nato_triage === 'T1' && pred(hour(p)))
        .map(leave)
        .filter((h): h is number => h !== undefined);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean((h) => h >= 21 || h < 5)).toBeGreaterThan(mean((h) => h >= 8 && h < 18));
  });

  it('slows evacuation in rain, more in fog, most in a storm', () => {
    const waits = (env: Record<string, boolean>) => {
      const xs = run({ injury_mix: BATTLE_HEAVY, environmental_conditions: env }, 3000, 'weather')
        .filter((p) => p.injury_type === 'BATTLE_TRAUMA' && p.nato_triage === 'T1')
        .map(
          (p) =>
            p.movement_timeline.find((e) => e.event_type === 'evacuation_start' && e.facility === 'POI')
              ?.evacuation_duration_hours,
        )
        .filter((h): h is number => h !== undefined);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const clear = waits({});
    const rain = waits({ rain: true });
    const fog = waits({ fog: true });
    const storm = waits({ storm: true });
    expect(rain).toBeGreaterThan(clear);
    expect(fog).toBeGreaterThan(rain);
    expect(storm).toBeGreaterThan(fog + 0.25);
  });

  it('diagnoses PTSD only after day 30, a combat stress reaction from the first day', () => {
    const ps = run({ days_of_fighting: 60, intensity: 'low' }, 6000, 'ptsd');
    const ptsd = ps.filter((p) => p.conditions.some((c) => c.code === '47505003'));
    expect(ptsd.length).toBeGreaterThan(0);
    expect(ptsd.every((p) => p.day_of_injury > 30)).toBe(true);
    const stress = ps.filter((p) => p.conditions[0]?.qualifier === 'combat and operational stress reaction');
    expect(Math.min(...stress.map((p) => p.day_of_injury))).toBeLessThanOrEqual(3);
  });

  it('clusters a gastroenteritis outbreak on one day and one front', () => {
    const ps = run({ days_of_fighting: 30, intensity: 'low' }, 3000, 'outbreak');
    const outbreak = ps.filter((p) => p.event_type === 'outbreak');
    expect(outbreak.length).toBeGreaterThan(10);
    const first = outbreak.filter((p) => p.event_id === outbreak[0]?.event_id);
    expect(new Set(first.map((p) => p.front)).size).toBe(1);
    expect(first.every((p) => p.conditions[0]?.name === 'Gastroenteritis')).toBe(true);
  });
});
