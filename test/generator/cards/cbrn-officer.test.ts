import { describe, expect, it } from 'vitest';
import { run, has, given } from './read-cards.js';

describe('a chemical casualty’s card, read by a CBRN medical officer', () => {
  const released = run('cbrn_incident', 6_000, 'cbrn officer').filter(
    (p) => p.event_type === 'chemical_release',
  );
  const nerve = released.filter((p) => has(p, /nerve agent/));
  const mustard = released.filter((p) => has(p, /sulfur mustard/));

  it('ventilates the severely poisoned and keeps them in intensive care, and the ventilator shows in their breathing', () => {
    const severe = nerve.filter((p) => p.nato_triage === 'T1' && p.vital_signs.length >= 3);
    expect(severe.length).toBeGreaterThan(20);
    expect(
      severe.filter((p) => given(p, /Insertion of endotracheal tube/).length === 0).map((p) => p.id),
    ).toEqual([]);
    const reachedHospital = severe.filter((p) => p.vital_signs.some((v) => v.facility === 'Role3'));
    expect(reachedHospital.length).toBeGreaterThan(5);
    expect(reachedHospital.filter((p) => given(p, /intensive care/).length === 0).map((p) => p.id)).toEqual(
      [],
    );
    const onVentilator = severe.map((p) => p.vital_signs[2]!);
    expect(onVentilator.every((v) => v.respiratory_rate <= 16 && v.spo2 >= 92)).toBe(true);
  });

  it('charts a ventilated casualty as sedated, GCS 3, and nurses them in intensive care at every Role 2 and 3', () => {
    const ventilated = nerve.filter((p) => given(p, /Insertion of endotracheal tube/).length > 0);
    expect(ventilated.length).toBeGreaterThan(20);
    const tube = (p: (typeof nerve)[number]) =>
      given(p, /Insertion of endotracheal tube/)[0]!.hours_since_injury!;
    // On the ventilator: charted after the tube went in, within the day it stays in a survivor.
    const charts = ventilated.flatMap((p) =>
      p.vital_signs
        .filter((v) => v.hours_since_injury > tube(p) && v.hours_since_injury < tube(p) + 20)
        .map((v) => ({ p, v })),
    );
    expect(charts.length).toBeGreaterThan(20);
    expect(charts.filter(({ v }) => v.gcs !== 3).map(({ p }) => p.id)).toEqual([]);
    const hospitalStays = ventilated.flatMap((p) =>
      p.movement_timeline
        .filter((e) => e.event_type === 'arrival' && (e.facility === 'Role2' || e.facility === 'Role3'))
        .map((e) => ({ p, facility: e.facility })),
    );
    expect(hospitalStays.length).toBeGreaterThan(20);
    const withoutIcu = hospitalStays.filter(
      ({ p, facility }) => !given(p, /intensive care/).some((t) => t.location === facility),
    );
    // A casualty who dies within half an hour of arriving is not admitted there.
    expect(withoutIcu.filter(({ p }) => p.final_status !== 'KIA').map(({ p }) => p.id)).toEqual([]);
  });

  it('shows one who dies of the poisoning worse at the end than on arrival', () => {
    const dying = nerve.filter((p) => p.final_status === 'KIA' && p.vital_signs.length >= 3);
    expect(dying.length).toBeGreaterThan(3);
    for (const p of dying) {
      const arrival = p.vital_signs[1]!;
      const last = p.vital_signs.at(-1)!;
      expect(last.systolic_bp).toBeLessThan(arrival.systolic_bp);
      expect(last.spo2).toBeLessThan(arrival.spo2);
    }
  });

  it('takes the outer clothing off after nerve agent vapour and washes the skin only where liquid is suspected, watching liquid 18 h before duty', () => {
    // Vapour leaves nothing on the skin: the outer clothing, which holds it, comes off (CHEMM, WISER). Liquid
    // on the skin is washed off and watched for the effects that can take 18 h to show (USAMRICD handbook).
    const decontaminated = nerve.filter((p) => given(p, /^Procedure Decontamination/).length > 0);
    const liquid = decontaminated.filter((p) => has(p, /liquid/));
    const vapour = decontaminated.filter((p) => !has(p, /liquid/));
    expect(vapour.length).toBeGreaterThan(500);
    expect(vapour.filter((p) => given(p, /skin washed/).length > 0).map((p) => p.id)).toEqual([]);
    expect(liquid.length).toBeGreaterThan(50);
    expect(liquid.length / decontaminated.length).toBeLessThan(0.35);
    expect(vapour.filter((p) => given(p, /outer clothing removed/).length === 0).map((p) => p.id)).toEqual(
      [],
    );
    expect(liquid.filter((p) => given(p, /skin washed/).length === 0).map((p) => p.id)).toEqual([]);
    const back = liquid.filter((p) => p.final_status === 'RTD');
    expect(back.length).toBeGreaterThan(20);
    expect(back.filter((p) => p.outcome.hours_since_injury < 18).map((p) => p.id)).toEqual([]);
  });

  it('gives a mild nerve agent casualty, eyes and nose only, no autoinjector: eye drops for the pain at most', () => {
    // Miosis and a runny nose alone are not treated with atropine IM (USAMRICD handbook; WISER).
    const mild = nerve.filter((p) => p.nato_triage === 'T3');
    expect(mild.length).toBeGreaterThan(200);
    expect(mild.filter((p) => given(p, /autoinjector|Atropine 2 mg/).length > 0).map((p) => p.id)).toEqual(
      [],
    );
    expect(mild.filter((p) => given(p, /eye drops/).length > 0).length).toBeGreaterThan(30);
  });

  it('charts the signs the antidotes are given for: breathless before the atropine, unconscious when convulsing, the pulse up once atropinised', () => {
    const titrated = nerve.filter((p) => given(p, /atropine 2 mg IV every/).length > 0);
    expect(titrated.length).toBeGreaterThan(300);
    const start = (p: (typeof nerve)[number]) => given(p, /atropine 2 mg IV every/)[0]!;
    // Before the IV atropine, the moderate casualty is breathless with secretions and bronchospasm.
    const moderate = titrated.filter((p) => p.nato_triage === 'T2');
    expect(moderate.length).toBeGreaterThan(100);
    const before = moderate.map((p) => ({
      p,
      v: p.vital_signs.find((v) => v.facility === start(p).location)!,
    }));
    const breathless = (v: { respiratory_rate: number; spo2: number }) =>
      v.respiratory_rate >= 24 && v.respiratory_rate <= 30 && v.spo2 >= 88 && v.spo2 <= 93;
    expect(before.filter(({ v }) => !breathless(v)).map(({ p }) => p.id)).toEqual([]);
    // Given diazepam for convulsions: unconscious where it was given.
    const convulsing = nerve.filter((p) => given(p, /Diazepam.*convulsions/).length > 0);
    expect(convulsing.length).toBeGreaterThan(100);
    expect(convulsing.filter((p) => p.vital_signs[0]!.gcs > 8).map((p) => p.id)).toEqual([]);
    // Once atropinised, the pulse is quick (not the slow pulse of the poisoning) and the moderate casualty's
    // breathing and saturation recover.
    const after = titrated.flatMap((p) =>
      p.vital_signs
        .filter((v, i, all) => {
          const at = start(p).hours_since_injury!;
          const last = p.final_status === 'KIA' && i === all.length - 1;
          return !last && v.hours_since_injury > at && v.hours_since_injury < at + 12;
        })
        .map((v) => ({ p, v })),
    );
    expect(after.length).toBeGreaterThan(200);
    expect(after.filter(({ v }) => v.heart_rate < 85 || v.heart_rate > 115).map(({ p }) => p.id)).toEqual([]);
    const recovering = after.filter(({ p }) => p.nato_triage === 'T2');
    expect(recovering.length).toBeGreaterThan(50);
    const arrival = (p: (typeof nerve)[number]) => before.find((b) => b.p === p)!.v;
    expect(
      recovering
        .filter(({ p, v }) => v.respiratory_rate >= arrival(p).respiratory_rate || v.spo2 <= arrival(p).spo2)
        .map(({ p }) => p.id),
    ).toEqual([]);
  });

  it('keeps the severely poisoned on atropine, pralidoxime and midazolam in intensive care, and titrates the atropine at Role 1 to its end point', () => {
    // Intensive care of the ventilated casualty (USAMRICD handbook; CHEMM): atropine infusion to dry secretions,
    // pralidoxime loading dose then infusion, midazolam for seizures.
    const severe = nerve.filter((p) => p.nato_triage === 'T1');
    const inIcu = severe.filter((p) =>
      given(p, /intensive care/).some(
        (t) => (t.location === 'Role2' || t.location === 'Role3') && (t.duration_minutes ?? 0) >= 30,
      ),
    );
    expect(inIcu.length).toBeGreaterThan(100);
    const inHospital = (p: (typeof nerve)[number], pattern: RegExp) =>
      given(p, pattern).some((t) => t.location === 'Role2' || t.location === 'Role3');
    for (const drug of [
      /Atropine infusion/,
      /Pralidoxime chloride 30 mg\/kg/,
      /Pralidoxime chloride infusion/,
      /Midazolam/,
    ])
      expect(inIcu.filter((p) => !inHospital(p, drug)).map((p) => p.id)).toEqual([]);
    // The Role 1 titration: doses every 5-10 min until the secretions dry, half an hour, not a single push; one
    // moved on before the end point carries it on in the ambulance.
    const titrations = nerve.flatMap((p) => given(p, /atropine 2 mg IV every/).map((t) => ({ p, t })));
    expect(titrations.length).toBeGreaterThan(300);
    expect(
      titrations
        .filter(({ t }) => (t.duration_minutes ?? 0) < 20 && !/continued en route/.test(t.detail ?? ''))
        .map(({ p }) => p.id),
    ).toEqual([]);
  });

  it('decontaminates mustard from the skin in the first minutes and treats the blisters later, at a facility', () => {
    expect(mustard.length).toBeGreaterThan(50);
    for (const p of mustard.filter((m) => m.final_status_detail !== 'KIA')) {
      const rsdl = given(p, /RSDL/);
      expect(rsdl).toHaveLength(1);
      expect(rsdl[0]?.hours_since_injury).toBeLessThan(0.1);
      expect(given(p, /Blisters dressed/).every((t) => t.location !== 'POI')).toBe(true);
    }
  });

  it('watches a mustard casualty through the latent hours: blisters dressed once they rise, none sent back before a day', () => {
    // Skin redness comes within 12 h of exposure and the blisters within about a day (CHEMM, sulfur
    // mustard): a casualty who looks well on arrival may still blister.
    const alive = mustard.filter((p) => p.final_status !== 'KIA');
    const blisterCare = alive.flatMap((p) => given(p, /Blisters dressed/).map((t) => ({ p, t })));
    expect(blisterCare.length).toBeGreaterThan(30);
    expect(blisterCare.filter(({ t }) => t.hours_since_injury! < 12).map(({ p }) => p.id)).toEqual([]);
    // The eyes come first: irrigated on arrival.
    expect(alive.filter((p) => given(p, /eyes irrigated/i).length === 0).map((p) => p.id)).toEqual([]);
    const back = alive.filter((p) => p.final_status === 'RTD');
    expect(back.length).toBeGreaterThan(20);
    expect(back.filter((p) => p.outcome.hours_since_injury < 24).map((p) => p.id)).toEqual([]);
    expect(back.filter((p) => given(p, /Blisters dressed/).length === 0).map((p) => p.id)).toEqual([]);
  });

  it('counts the blood and gives filgrastim where there is a laboratory and a pharmacy, Role 2 or 3, never at Role 1', () => {
    const irradiated = run('cbrn_incident', 6_000, 'cbrn officer').filter((p) =>
      has(p, /Acute radiation disease/),
    );
    const counted = irradiated.filter((p) => given(p, /Full blood count|Filgrastim/).length > 0);
    expect(counted.length).toBeGreaterThan(50);
    expect(
      counted
        .filter((p) => given(p, /Full blood count|Filgrastim/).some((t) => t.location === 'Role1'))
        .map((p) => p.id),
    ).toEqual([]);
  });

  it('watches a chemical casualty for late or returning signs before sending them back to duty, not an assessment and then silence', () => {
    const back = [...nerve, ...mustard].filter((p) => p.final_status === 'RTD');
    const heldHours = back.filter((p) => {
      const arrival = p.movement_timeline.filter((e) => e.event_type === 'arrival').at(-1)!;
      const rtd = p.movement_timeline.find((e) => e.event_type === 'rtd')!;
      return arrival.facility !== 'POI' && rtd.hours_since_injury - arrival.hours_since_injury >= 6.1;
    });
    expect(heldHours.length).toBeGreaterThan(30);
    const watched = (p: (typeof back)[number]): boolean =>
      given(p, /late or returning signs of the exposure|Ward care/).length > 0;
    expect(heldHours.filter((p) => !watched(p)).map((p) => p.id)).toEqual([]);
  });

  it('nurses every chemical casualty held a day or more at Role 2 or 3, not a single assessment and then nothing', () => {
    const held = released.filter((p) =>
      p.movement_timeline.some((e, i, all) => {
        if (e.event_type !== 'arrival' || (e.facility !== 'Role2' && e.facility !== 'Role3')) return false;
        const leave = all
          .slice(i + 1)
          .find((x) => x.facility === e.facility && x.event_type !== 'evacuation_start');
        return (leave?.hours_since_injury ?? p.outcome.hours_since_injury) - e.hours_since_injury >= 24;
      }),
    );
    expect(held.length).toBeGreaterThan(20);
    expect(held.filter((p) => given(p, /Ward care|intensive care/i).length === 0).map((p) => p.id)).toEqual(
      [],
    );
  });
});
