import { describe, expect, it } from 'vitest';
import { endOf, given, has, run, staysOf } from './read-cards.js';

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
    // Skin redness and then blisters come 4-24 h after exposure (CHEMM, sulfur mustard; USAMRICD
    // handbook): a casualty who looks well on arrival may still blister.
    const alive = mustard.filter((p) => p.final_status !== 'KIA');
    const blisterCare = alive.flatMap((p) => given(p, /Blisters dressed/).map((t) => ({ p, t })));
    expect(blisterCare.length).toBeGreaterThan(30);
    expect(blisterCare.filter(({ t }) => t.hours_since_injury! < 4).map(({ p }) => p.id)).toEqual([]);
    // The eyes come first: irrigated on arrival.
    expect(alive.filter((p) => given(p, /eyes irrigated/i).length === 0).map((p) => p.id)).toEqual([]);
    const back = alive.filter((p) => p.final_status === 'RTD');
    expect(back.length).toBeGreaterThan(20);
    expect(back.filter((p) => p.outcome.hours_since_injury < 24).map((p) => p.id)).toEqual([]);
    // Back to duty blistered, or with redness or sore eyes only: never a blistered casualty undressed.
    expect(
      back
        .filter((p) => has(p, /blisters over/) && given(p, /Blisters dressed/).length === 0)
        .map((p) => p.id),
    ).toEqual([]);
  });

  it('records the area a mustard casualty blistered, triages by it and blisters them over 4-24 h, sooner the larger the dose', () => {
    // USAMRICD handbook (mustard triage): under 5 % of the body surface in non-critical areas minimal, 5-50 %
    // delayed, more than 50 % from liquid expectant; blisters 4-24 h after exposure, sooner with a larger
    // dose (CHEMM). Vapour often reddens the skin or hurts the eyes without blistering.
    const blistered = mustard.filter((p) => given(p, /Blisters dressed/).length > 0);
    expect(blistered.length).toBeGreaterThan(300);
    const area = (p: (typeof mustard)[number]) => p.conditions[0]?.tbsa_percent;
    expect(blistered.filter((p) => area(p) === undefined).map((p) => p.id)).toEqual([]);
    const expected = (p: (typeof mustard)[number]) => {
      const a = area(p) ?? 0;
      if (a > 50) return 'T4';
      if (a >= 5 || has(p, /critical area/)) return 'T2';
      return 'T3';
    };
    const sized = mustard.filter((p) => area(p) !== undefined);
    expect(sized.filter((p) => p.nato_triage !== expected(p)).map((p) => p.id)).toEqual([]);
    for (const t of ['T2', 'T3']) expect(sized.filter((p) => p.nato_triage === t).length).toBeGreaterThan(50);
    const onset = (p: (typeof mustard)[number]) => given(p, /Blisters dressed/)[0]!.hours_since_injury!;
    const onsets = blistered.map(onset);
    expect(onsets.filter((h) => h < 4 || h > 24.1)).toEqual([]);
    expect(onsets.filter((h) => Math.abs(h - 12) < 0.01).length / onsets.length).toBeLessThan(0.05);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const small = blistered.filter((p) => (area(p) ?? 0) < 5).map(onset);
    const large = blistered.filter((p) => (area(p) ?? 0) >= 15).map(onset);
    expect(small.length).toBeGreaterThan(30);
    expect(large.length).toBeGreaterThan(30);
    expect(median(large)).toBeLessThan(median(small) - 3);
    const unblistered = mustard.filter((p) => area(p) === undefined);
    expect(unblistered.length / mustard.length).toBeGreaterThan(0.15);
    expect(unblistered.filter((p) => !has(p, /erythema\) only|eyes only/)).map((p) => p.id)).toEqual([]);
    expect(unblistered.filter((p) => given(p, /Blisters dressed/).length > 0).map((p) => p.id)).toEqual([]);
  });

  it('sends a moderate nerve-agent casualty given atropine back to duty no sooner than a day after the last dose', () => {
    // USAMRICD handbook: the atropinised casualty is watched a day before going back to duty.
    const moderate = nerve.filter(
      (p) => p.nato_triage === 'T2' && p.final_status === 'RTD' && given(p, /[Aa]tropine/).length > 0,
    );
    expect(moderate.length).toBeGreaterThan(100);
    const lastAtropine = (p: (typeof nerve)[number]) => Math.max(...given(p, /[Aa]tropine/).map(endOf));
    expect(
      moderate.filter((p) => p.outcome.hours_since_injury - lastAtropine(p) < 24).map((p) => p.id),
    ).toEqual([]);
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
    // Nursed on the ward, in intensive care, or, expectant, made comfortable.
    expect(
      held
        .filter((p) => given(p, /Ward care|intensive care|comfort care continued/i).length === 0)
        .map((p) => p.id),
    ).toEqual([]);
  });

  describe('a radiation casualty’s card', () => {
    const irradiated = run('cbrn_incident', 6_000, 'cbrn officer').filter((p) =>
      has(p, /Acute radiation disease/),
    );
    const band = (re: RegExp) => irradiated.filter((p) => has(p, re));
    const hoursOf = (p: (typeof irradiated)[number]) => p.outcome.hours_since_injury;

    it('repeats the lymphocyte count at 24 and 48 h where there is a laboratory, and makes the expectant comfortable, not nursed for duty', () => {
      const counted = irradiated.filter(
        (p) => /2-6 Gy|6-10 Gy/.test(p.conditions.map((c) => c.qualifier ?? '').join(' ')) && hoursOf(p) > 50,
      );
      const heldInHospital = counted.filter((p) =>
        [24, 48].every((h) =>
          p.movement_timeline.some(
            (e) => e.facility !== 'Role1' && e.facility !== 'POI' && e.hours_since_injury <= h,
          ),
        ),
      );
      expect(heldInHospital.length).toBeGreaterThan(20);
      const repeats = (p: (typeof irradiated)[number]) => given(p, /Absolute lymphocyte count repeated/);
      expect(heldInHospital.filter((p) => repeats(p).length !== 2).map((p) => p.id)).toEqual([]);
      expect(
        irradiated.flatMap(repeats).filter((t) => t.location === 'Role1' || t.location === 'POI'),
      ).toEqual([]);
      const expectant = band(/above 10 Gy|> 10 Gy|10 Gy or more/).filter((p) => p.nato_triage === 'T4');
      expect(
        expectant
          .filter((p) => given(p, /until fit to move or to return to duty/).length > 0)
          .map((p) => p.id),
      ).toEqual([]);
    });

    it('charts and ends each dose band as its syndrome runs: the marrow well for days, the gut alert and dehydrated, the neurovascular falling to death in 1-3 days', () => {
      // REMM; Waselenko 2004; AFRRI: 2-6 Gy well for days after the prodrome; 6-10 Gy vomiting within the
      // hour, diarrhoea and dehydration, deaths at 1-2 weeks; above 10 Gy hypotension and confusion within
      // hours, death in 1-3 days.
      const marrow = band(/2-6 Gy/);
      expect(marrow.length).toBeGreaterThan(50);
      const latent = marrow.flatMap((p) => p.vital_signs.filter((v) => v.hours_since_injury >= 8));
      expect(latent.length).toBeGreaterThan(50);
      expect(latent.filter((v) => v.heart_rate > 95 || v.temperature >= 37.5 || v.systolic_bp < 105)).toEqual(
        [],
      );
      const gut = band(/6-10 Gy/);
      expect(gut.length).toBeGreaterThan(20);
      const alive = (p: (typeof gut)[number]) =>
        p.vital_signs.filter((_, i, all) => p.final_status !== 'KIA' || i < all.length - 1);
      // Alert, the lungs clear, the pressure held at the point of injury; quick-pulsed and feverish on arrival.
      expect(
        gut
          .filter(
            (p) => alive(p).some((v) => v.gcs < 15 || v.spo2 < 94) || p.vital_signs[0]!.systolic_bp < 100,
          )
          .map((p) => p.id),
      ).toEqual([]);
      expect(gut.filter((p) => p.vital_signs[1]!.heart_rate < 95).map((p) => p.id)).toEqual([]);
      expect(gut.filter((p) => p.final_status === 'KIA' && hoursOf(p) < 144).map((p) => p.id)).toEqual([]);
      const brain = band(/above 10 Gy/);
      expect(brain.length).toBeGreaterThan(5);
      expect(brain.filter((p) => p.nato_triage !== 'T4').map((p) => p.id)).toEqual([]);
      // Dead within three days, where they were held: none flown home.
      expect(
        brain.filter((p) => p.final_status !== 'KIA' || hoursOf(p) < 24 || hoursOf(p) > 72).map((p) => p.id),
      ).toEqual([]);
      expect(brain.filter((p) => p.last_facility === 'Role4').map((p) => p.id)).toEqual([]);
      // Confused and the pressure falling from the first facility on, worse before the end.
      for (const p of brain) {
        const [poi, arrival, ...rest] = p.vital_signs;
        expect(arrival!.gcs).toBeLessThan(15);
        expect(arrival!.systolic_bp).toBeLessThan(poi!.systolic_bp);
        const last = rest.at(-1)!;
        expect(last.systolic_bp).toBeLessThan(80);
        expect(last.gcs).toBeLessThanOrEqual(8);
      }
    });

    it('starts filgrastim once the first lymphocyte count is back, not minutes after the blood is drawn, within a day of exposure', () => {
      // REMM: serial lymphocyte counts and the time to vomiting estimate the dose; cytokines within 24 h for 2 Gy or more.
      // One moved on from the first laboratory within two hours is a transfer's problem, not the count's.
      const laboratory = (p: (typeof irradiated)[number]) =>
        staysOf(p).find((s) => s.facility === 'Role2' || s.facility === 'Role3')!;
      const treated = irradiated.filter(
        (p) => given(p, /Filgrastim/).length > 0 && laboratory(p).leave - laboratory(p).arrive >= 2,
      );
      expect(treated.length).toBeGreaterThan(50);
      const gap = (p: (typeof treated)[number]) =>
        given(p, /Filgrastim/)[0]!.hours_since_injury! - given(p, /Full blood count/)[0]!.hours_since_injury!;
      expect(treated.filter((p) => gap(p) < 1).map((p) => p.id)).toEqual([]);
      expect(
        treated.filter((p) => given(p, /Filgrastim/)[0]!.hours_since_injury! > 24).map((p) => p.id),
      ).toEqual([]);
    });
  });
});
