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
