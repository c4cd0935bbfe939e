import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/generator/index.js';
import { run, has, given, inShock, died, endOf, staysOf } from './read-cards.js';

describe('a battle casualty’s card, read by a trauma surgeon', () => {
  // Two runs, so a patient is named by run and id in a failure.
  const runs = { default: run(undefined, 20_000, 'surgeon'), lsco: run('lsco', 8_000, 'surgeon') };
  const label = new Map<Patient, string>();
  for (const [name, patients] of Object.entries(runs))
    for (const p of patients) label.set(p, `${name}#${p.id}`);
  const battle = [...runs.default, ...runs.lsco].filter((p) => p.injury_type === 'BATTLE_TRAUMA');
  const ids = (ps: Patient[]): string[] => ps.map((p) => label.get(p) ?? '?');
  const brain = (c: Patient['conditions'][number]) => /brain/i.test(`${c.name} ${c.qualifier ?? ''}`);

  it('puts a tourniquet only on a limb that bleeds to death without one, and converts it within 2 h unless the limb is gone or the casualty in shock', () => {
    const tourniquets = battle.filter((p) => given(p, /Application of tourniquet/).length > 0);
    expect(tourniquets.length).toBeGreaterThan(200);
    const major = (p: Patient) =>
      has(p, /Injury of artery|Traumatic amputation|Open fracture of (femur|tibia|humerus)/);
    // A few open fractures of tibia or humerus bleed fast enough in a casualty who bleeds freely.
    expect(tourniquets.filter((p) => !major(p)).length).toBeLessThan(tourniquets.length * 0.03);
    const longOn = tourniquets.filter((p) =>
      given(p, /Application of tourniquet/).some((t) => (t.duration_minutes ?? 0) > 120),
    );
    expect(longOn.length).toBeGreaterThan(0);
    expect(ids(longOn.filter((p) => !has(p, /Traumatic amputation/) && !inShock(p)))).toEqual([]);
    const converted = tourniquets.filter((p) => given(p, /converted to a pressure dressing/).length > 0);
    expect(converted.length).toBeGreaterThan(tourniquets.length * 0.2);
  });

  it('shows the medic going for a massive bleed first: a tourniquet, packing, or pressure that failed, never other care with the bleeding untouched', () => {
    const fieldCare = (p: Patient) =>
      p.treatments.filter((t) => t.location === 'POI' && t.treatment !== 'Triage');
    const bleedControl = /tourniquet|Haemostatic gauze|Direct pressure/i;
    const severed = battle.filter(
      (p) =>
        has(p, /Injury of artery|Traumatic amputation/) &&
        fieldCare(p).length > 0 &&
        p.treatments.some(
          (t) => t.location !== 'POI' && /tourniquet|Junctional/i.test(`${t.treatment} ${t.detail}`),
        ),
    );
    expect(severed.length).toBeGreaterThan(20);
    const untouched = severed.filter(
      (p) => !fieldCare(p).some((t) => bleedControl.test(`${t.treatment} ${t.detail ?? ''}`)),
    );
    expect(ids(untouched)).toEqual([]);
    // The attempt comes before the dressing of other wounds, the painkiller and the antibiotic.
    const late = severed.filter((p) => {
      const care = fieldCare(p);
      const control = care.find((t) => bleedControl.test(`${t.treatment} ${t.detail ?? ''}`));
      return care.some(
        (t) => t !== control && (t.hours_since_injury ?? 0) < (control?.hours_since_injury ?? 0),
      );
    });
    expect(ids(late)).toEqual([]);
  });

  it('checks in the field, on the ward and at the surgeon’s assessment the wounds a patient has and the cast a fracture is held in, and no wound that is not there', () => {
    const everyone = [...runs.default, ...runs.lsco];
    const ward = (p: Patient) => given(p, /^Procedure Ward care: daily surgical review/);
    const wounded = (p: Patient) =>
      p.conditions.some((c) =>
        /wound|burn|laceration|amputation|Open fracture|Injury of artery|Crushing|Hemothorax|Pneumothorax/i.test(
          c.name,
        ),
      ) ||
      given(
        p,
        /Surgical procedure|Debridement|laparotomy|fixation|craniotomy|decompressive|ectomy|repair|chest drain|thoracostomy/i,
      ).length > 0 ||
      (has(p, /brain/i) && given(p, /Intracranial pressure monitor/).length > 0);
    const onWard = everyone.filter((p) => ward(p).length > 0);
    expect(onWard.length).toBeGreaterThan(1000);
    const woundChecks = onWard.filter((p) =>
      ward(p).some((t) => /wounds and dressings checked/.test(t.detail ?? '')),
    );
    expect(ids(woundChecks.filter((p) => !wounded(p)))).toEqual([]);
    // Nor does the surgeon who sees the casualty between moves look at wounds that are not there.
    const assessed = everyone.filter((p) => given(p, /Surgeon’s assessment/).length > 0);
    expect(assessed.length).toBeGreaterThan(500);
    const lookedAtWounds = assessed.filter((p) => given(p, /Surgeon’s assessment: wounds/).length > 0);
    expect(ids(lookedAtWounds.filter((p) => !wounded(p)))).toEqual([]);
    expect(lookedAtWounds.length).toBeGreaterThan(100);
    // Nor the medic holding a casualty in the field for hours.
    const heldLong = everyone.filter((p) => given(p, /Prolonged casualty care/).length > 0);
    expect(heldLong.length).toBeGreaterThan(100);
    const dressingsChecked = heldLong.filter(
      (p) => given(p, /pressure areas and dressings checked/).length > 0,
    );
    expect(ids(dressingsChecked.filter((p) => !wounded(p)))).toEqual([]);
    // A sprained knee or a broken wrist in a backslab: its cast, not a wound, is what the ward checks.
    const casted = onWard.filter(
      (p) => !wounded(p) && has(p, /Fracture of (forearm|ankle|clavicle)|Fracture subluxation of wrist/),
    );
    expect(casted.length).toBeGreaterThan(50);
    expect(ids(casted.filter((p) => !ward(p).some((t) => /cast or splint/.test(t.detail ?? ''))))).toEqual(
      [],
    );
  });

  it('fixes at home a closed forearm, tibia or ankle flown there in a backslab: plates for the forearm and ankle, a nail for the tibia', () => {
    const home = [...runs.default, ...runs.lsco].filter(
      (p) =>
        p.injury_type !== 'DISEASE' && p.final_status === 'Remains_Role4' && given(p, /backslab/i).length > 0,
    );
    const forearm = home.filter((p) => given(p, /Above-elbow backslab/).length > 0);
    const tibia = home.filter((p) => has(p, /Closed fracture of tibia/) && given(p, /backslab/i).length > 0);
    expect(forearm.length).toBeGreaterThan(20);
    expect(tibia.length).toBeGreaterThan(20);
    const fixedAtHome = (p: Patient, how: RegExp) => given(p, how).some((t) => t.location === 'Role4');
    expect(ids(forearm.filter((p) => !fixedAtHome(p, /internal fixation of the forearm/)))).toEqual([]);
    expect(ids(tibia.filter((p) => !fixedAtHome(p, /Intramedullary nailing of the tibial shaft/)))).toEqual(
      [],
    );
    // An ankle broken at sport and flown home is unstable enough to need its plate; a clavicle heals in its sling.
    const ankle = home.filter((p) => has(p, /Fracture of ankle/));
    expect(ankle.length).toBeGreaterThan(10);
    expect(ids(ankle.filter((p) => !fixedAtHome(p, /internal fixation of the ankle/)))).toEqual([]);
    const clavicle = [...runs.default, ...runs.lsco].filter(
      (p) => p.final_status === 'Remains_Role4' && has(p, /Fracture of clavicle/),
    );
    expect(ids(clavicle.filter((p) => given(p, /Surgical procedure/).length > 0))).toEqual([]);
  });

  it('hands a casualty over to an en-route team before a move of 6 h or more, so the long road or rail journey is not a blank', () => {
    const everyone = [...runs.default, ...runs.lsco];
    const longMoves = everyone.flatMap((p) => {
      const stays = staysOf(p);
      return stays.slice(0, -1).flatMap((s, i) => {
        const hours = stays[i + 1]!.arrive - s.leave;
        return hours >= 6.05 && s.leave < p.outcome.hours_since_injury ? [{ p, s, to: stays[i + 1]! }] : [];
      });
    });
    expect(longMoves.length).toBeGreaterThan(300);
    const unprepared = longMoves.filter(
      ({ p, s }) =>
        !given(p, /handed over in writing to an en-route care team/).some(
          (t) => t.location === s.facility && Math.abs(endOf(t) - s.leave) < 0.05,
        ),
    );
    expect(ids(unprepared.map(({ p }) => p))).toEqual([]);
    // And none before a short hop.
    const handovers = everyone.flatMap((p) => given(p, /en-route care team/).map((t) => ({ p, t })));
    const short = handovers.filter(({ p, t }) => {
      const stays = staysOf(p);
      const i = stays.findIndex((s) => s.facility === t.location);
      return stays[i + 1] !== undefined && stays[i + 1]!.arrive - stays[i]!.leave < 5.95;
    });
    expect(ids(short.map(({ p }) => p))).toEqual([]);
  });

  it('never records a tourniquet, or any care, as still running after the casualty died', () => {
    const dead = battle.filter(died);
    expect(dead.length).toBeGreaterThan(100);
    const late = dead.filter((p) =>
      p.treatments.some(
        (t) =>
          endOf(t) > p.outcome.hours_since_injury + 1 / 60 &&
          t.treatment !== 'Admission to intensive care unit',
      ),
    );
    expect(ids(late)).toEqual([]);
  });

  it('gives each facility’s care while the casualty is there, not after they have left, but for care on the way to the next', () => {
    const outside = battle.filter((p) => {
      const stays = staysOf(p);
      return p.treatments.some((t) => {
        const i = stays.findIndex((x) => x.facility === t.location);
        const s = stays[i];
        if (s === undefined || !Number.isFinite(s.leave) || s.leave <= s.arrive) return false;
        // Care on the way is written at the facility left (the timeline has no place for "in transit").
        const onTheWay = /; en route to Role \d$/.test(t.detail ?? '');
        const nextArrival = stays[i + 1]?.arrive ?? Number.POSITIVE_INFINITY;
        return onTheWay
          ? (t.hours_since_injury ?? 0) < s.leave || endOf(t) > nextArrival
          : endOf(t) > s.leave + 1 / 60;
      });
    });
    expect(ids(outside)).toEqual([]);
  });

  it('covers a penetrating abdominal injury against the bowel’s anaerobes, not with cefazolin alone', () => {
    const abdomen = battle.filter(
      (p) =>
        has(p, /Injury of abdomen|Injury of liver|Gunshot wound.*/) &&
        p.conditions.some((c) => c.body_region === 'Abdomen' && (c.ais ?? 0) >= 3),
    );
    // Covered at a facility: the field's moxifloxacin tablet is TCCC's first dose, not the cover.
    const treated = abdomen.filter(
      (p) =>
        given(p, /Antibiotic therapy/).some((t) => t.location !== 'POI') ||
        p.movement_timeline.some((e) => e.event_type === 'arrival' && e.facility !== 'POI' && !died(p)),
    );
    expect(treated.length).toBeGreaterThan(100);
    const covered = (p: Patient) => given(p, /metronidazole|ciprofloxacin/i).length > 0;
    expect(ids(treated.filter((p) => !covered(p)))).toEqual([]);
  });

  it('opens an unconscious casualty’s airway straight after the massive bleed, before dressings and seals; a failed attempt is written, and slow breathing is bagged', () => {
    const fieldCare = (p: Patient) => p.treatments.filter((t) => t.location === 'POI');
    const airway = /Nasopharyngeal airway|Jaw thrust|Airway opening attempted/;
    const bleedControl = /tourniquet|Haemostatic gauze|Direct pressure/i;
    const unconscious = battle.filter((p) => {
      const first = p.vital_signs[0];
      const cared = fieldCare(p).filter(
        (t) => t.treatment !== 'Triage' && !bleedControl.test(`${t.treatment} ${t.detail}`),
      );
      return first?.facility === 'POI' && first.gcs <= 8 && cared.length > 0;
    });
    expect(unconscious.length).toBeGreaterThan(150);
    expect(ids(unconscious.filter((p) => given(p, airway).length === 0))).toEqual([]);
    const after = /Field dressing|chest seal|Antibiotic therapy|Needle decompression|splint/i;
    const late = unconscious.filter((p) => {
      const opened = given(p, airway)[0]!.hours_since_injury ?? 0;
      return fieldCare(p).some(
        (t) => after.test(`${t.treatment} ${t.detail}`) && (t.hours_since_injury ?? 0) < opened,
      );
    });
    expect(ids(late)).toEqual([]);
    expect(unconscious.filter((p) => given(p, /Airway opening attempted/).length > 0).length).toBeGreaterThan(
      5,
    );
    const slow = unconscious.filter(
      (p) => p.vital_signs[0]!.respiratory_rate < 10 && given(p, /Nasopharyngeal airway/).length > 0,
    );
    expect(slow.length).toBeGreaterThan(5);
    expect(ids(slow.filter((p) => given(p, /bag-valve-mask/).length === 0))).toEqual([]);
  });

  it('goes on to a surgical cricothyroidotomy where the basic manoeuvres fail; the tube that works is the airway on arrival, and one that fails arrives still blocked', () => {
    // Alive long enough for the next step: the cricothyroidotomy comes minutes after the failed attempt.
    const failedBasics = battle.filter((p) => {
      const attempt = given(p, /Airway opening attempted/)[0];
      return attempt && (!died(p) || p.outcome.hours_since_injury > attempt.hours_since_injury! + 10 / 60);
    });
    expect(failedBasics.length).toBeGreaterThan(20);
    // Every failed attempt of a casualty not left expectant is followed by the cricothyroidotomy.
    const cric = (p: Patient) => given(p, /Surgical cricothyroidotomy/)[0];
    const escalated = failedBasics.filter((p) => cric(p) !== undefined);
    expect(
      ids(failedBasics.filter((p) => !cric(p) && !/expectant/.test(p.treatments[0]?.detail ?? ''))),
    ).toEqual([]);
    expect(
      ids(
        escalated.filter(
          (p) => cric(p)!.hours_since_injury! < given(p, /Airway opening attempted/)[0]!.hours_since_injury!,
        ),
      ),
    ).toEqual([]);
    // Who reaches a facility: the tube that worked is checked and kept, not replaced by a second intubation;
    // the one that failed leaves the casualty short of oxygen on arrival, intubated there.
    const arrived = escalated.filter((p) => p.vital_signs.some((v) => v.facility !== 'POI'));
    const worked = arrived.filter((p) => !/attempted/.test(cric(p)!.detail ?? ''));
    const failed = arrived.filter((p) => /attempted/.test(cric(p)!.detail ?? ''));
    expect(worked.length).toBeGreaterThan(3);
    expect(failed.length).toBeGreaterThan(1);
    expect(ids(worked.filter((p) => given(p, /cricothyroidotomy tube checked/).length !== 1))).toEqual([]);
    expect(ids(worked.filter((p) => given(p, /Rapid sequence induction/).length > 0))).toEqual([]);
    const onArrival = (p: Patient) => p.vital_signs.find((v) => v.facility !== 'POI')!;
    expect(ids(failed.filter((p) => onArrival(p).spo2 >= 90))).toEqual([]);
    expect(ids(failed.filter((p) => given(p, /Rapid sequence induction/).length === 0))).toEqual([]);
  });

  it('gives an expectant casualty upgraded at the first facility what the field withheld: the chest sealed, the fractures splinted, the wounds dressed', () => {
    const upgraded = battle.filter((p) => given(p, /Re-triaged on arrival as immediate/).length > 0);
    const needs = [
      [
        /Vented chest seal/,
        (p: Patient) =>
          p.conditions.some(
            (c) => c.body_region === 'Thorax' && /Open wound|Puncture wound|Gunshot wound/.test(c.name),
          ),
      ],
      [/Application of splint/, (p: Patient) => has(p, /fracture of (forearm|humerus|tibia|femur)/i)],
    ] as const;
    let checked = 0;
    for (const [care, needed] of needs) {
      const due = upgraded.filter(needed);
      checked += due.length;
      const atFacility = (p: Patient) => given(p, care).some((t) => t.location !== 'POI');
      expect(ids(due.filter((p) => !atFacility(p)))).toEqual([]);
    }
    // Few: upgrades come from mass-casualty events, a small part of these runs.
    expect(checked).toBeGreaterThan(1);
  });

  it('writes a tension pneumothorax the medic did not decompress as missed, not as watched', () => {
    const tension = battle.filter(
      (p) =>
        has(p, /Tension pneumothorax/) &&
        p.treatments.some((t) => t.location === 'POI' && t.treatment !== 'Triage'),
    );
    const decompressed = (p: Patient) => given(p, /Needle decompression/).some((t) => t.location === 'POI');
    // Alive for the medic's reassessment of the breathing, a quarter of an hour after the triage.
    const reassessed = (p: Patient) =>
      !died(p) || p.outcome.hours_since_injury > p.treatments[0]!.hours_since_injury! + 0.25;
    const missed = tension.filter(
      (p) => !decompressed(p) && reassessed(p) && !/expectant/.test(p.treatments[0]?.detail ?? ''),
    );
    expect(missed.length).toBeGreaterThan(5);
    expect(ids(missed.filter((p) => given(p, /tension pneumothorax not recognised/).length !== 1))).toEqual(
      [],
    );
    expect(ids(tension.filter((p) => decompressed(p) && given(p, /not recognised/).length > 0))).toEqual([]);
  });

  it('gives the fentanyl lozenge only to a casualty at no risk of shock: a cut artery, a penetrating trunk wound, an amputation or a broken pelvis or femur gets ketamine', () => {
    const atRisk = battle.filter((p) =>
      has(
        p,
        /Injury of artery|Traumatic amputation|Fracture of pelvis|fracture of femur|Injury of abdomen|Hemothorax|Injury of liver|Injury of spleen/i,
      ),
    );
    expect(atRisk.length).toBeGreaterThan(300);
    expect(ids(atRisk.filter((p) => given(p, /oral transmucosal/).length > 0))).toEqual([]);
    expect(
      atRisk.filter((p) => given(p, /Ketamine/).some((t) => t.location === 'POI')).length,
    ).toBeGreaterThan(100);
    expect(battle.filter((p) => given(p, /oral transmucosal/).length > 0).length).toBeGreaterThan(50);
  });

  it('opens the calf after repairing a leg artery, and cleans an open fracture before the fixator’s pins go in', () => {
    const legArteries = battle.filter(
      (p) =>
        p.conditions.some(
          (c) => /Injury of artery/.test(c.name) && /femoral|popliteal|groin/.test(c.qualifier ?? ''),
        ) && given(p, /Vascular repair or temporary shunt/).length > 0,
    );
    expect(legArteries.length).toBeGreaterThan(20);
    const opened = (p: Patient) => given(p, /four-compartment fasciotomy of the lower leg/);
    expect(ids(legArteries.filter((p) => opened(p).length === 0))).toEqual([]);
    expect(ids(battle.filter((p) => opened(p).length > 0 && !legArteries.includes(p)))).toEqual([]);
    const fixed = battle.filter(
      (p) =>
        given(p, /External fixation of fracture/).length > 0 &&
        given(p, /^Debridement Wound debridement/).length > 0,
    );
    expect(fixed.length).toBeGreaterThan(100);
    const at = (p: Patient, re: RegExp) => given(p, re)[0]!.hours_since_injury ?? 0;
    expect(ids(fixed.filter((p) => at(p, /External fixation/) < at(p, /Wound debridement/)))).toEqual([]);
  });

  it('gives no facility antibiotic on top of a field dose that still covers: its regimen starts when ertapenem’s day or clindamycin’s 8 h run out', () => {
    const fieldDose = (p: Patient) =>
      given(p, /Antibiotic therapy/).find(
        (t) => t.location === 'POI' && /^(Ertapenem|Clindamycin)/.test(t.detail ?? ''),
      );
    const covered = battle.filter((p) => fieldDose(p) !== undefined);
    expect(covered.length).toBeGreaterThan(100);
    const early = covered.filter((p) => {
      const dose = fieldDose(p)!;
      const lasts = /^Ertapenem/.test(dose.detail ?? '') ? 24 : 8;
      return given(p, /Antibiotic therapy/).some(
        (t) => t.location !== 'POI' && (t.hours_since_injury ?? 0) < (dose.hours_since_injury ?? 0) + lasts,
      );
    });
    expect(ids(early)).toEqual([]);
    expect(
      covered.filter(
        (p) =>
          given(p, /from the end of the field ertapenem’s cover|from the end of the field ertapenem's cover/)
            .length > 0,
      ).length,
    ).toBeGreaterThan(10);
  });

  it('calls a haemorrhage major only from class III, when the casualty is in haemorrhagic shock, and names the class', () => {
    const bled = battle.filter((p) => has(p, /^Bleeding/));
    expect(bled.length).toBeGreaterThan(300);
    const major = (p: Patient) => has(p, /major haemorrhage, class (III|IV)/);
    const shocked = (p: Patient) => has(p, /^Shock haemorrhagic/);
    expect(bled.filter(major).length).toBeGreaterThan(100);
    expect(bled.filter((p) => has(p, /class II haemorrhage/)).length).toBeGreaterThan(100);
    expect(ids(bled.filter((p) => major(p) !== shocked(p)))).toEqual([]);
  });

  it('starts a large burn’s fluids by the rule of ten in the field, and the first facility carries them on', () => {
    const tbsa = (p: Patient) => p.conditions.reduce((sum, c) => sum + (c.tbsa_percent ?? 0), 0);
    const large = battle.filter(
      (p) =>
        tbsa(p) >= 20 &&
        p.nato_triage !== 'T4' &&
        !has(p, /^Shock haemorrhagic/) &&
        p.treatments.some((t) => t.location === 'POI' && /dry sterile dressings/.test(t.detail ?? '')),
    );
    expect(large.length).toBeGreaterThan(10);
    const fieldFluids = (p: Patient) =>
      given(p, /burn fluids: lactated Ringer's \d+ ml\/h \(rule of ten/).filter((t) => t.location === 'POI');
    expect(ids(large.filter((p) => fieldFluids(p).length !== 1))).toEqual([]);
    const restarted = large.filter((p) => given(p, /Burn resuscitation: .*rule of ten/).length > 0);
    expect(ids(restarted)).toEqual([]);
    // The rate is the card's own: 10 ml/h per % burnt, and 100 ml/h more per 10 kg over 80 kg (USAISR).
    const rate = (p: Patient) =>
      Math.round(tbsa(p)) * 10 + 100 * Math.floor(Math.max(0, p.demographics.weight - 80) / 10);
    const written = (p: Patient) => Number(/Ringer's (\d+) ml\/h/.exec(fieldFluids(p)[0]?.detail ?? '')?.[1]);
    expect(ids(large.filter((p) => written(p) !== rate(p)))).toEqual([]);
    expect(large.filter((p) => p.demographics.weight >= 90).length).toBeGreaterThan(2);
  });

  it('irrigates and dresses a skin-deep wound beside a brain injury where first seen, and takes it to no theatre', () => {
    // A concussion waits for no neurosurgeon: its wounds are treated as they would be alone (below).
    const brainAndScratch = battle.filter(
      (p) =>
        p.conditions.some((c) => brain(c) && !/Concussion/.test(c.name)) &&
        p.conditions.filter((c) => !brain(c) && c.ais !== undefined).every((c) => (c.ais ?? 0) <= 1) &&
        has(p, /Open wound|Puncture wound|Laceration/),
    );
    const reached = brainAndScratch.filter((p) => p.treatments.some((t) => t.location !== 'POI'));
    expect(reached.length).toBeGreaterThan(30);
    expect(ids(reached.filter((p) => given(p, /^Debridement/).length > 0))).toEqual([]);
    expect(
      reached.filter((p) => given(p, /Wound irrigation and dressing/).length > 0).length,
    ).toBeGreaterThan(20);
  });

  it('lets a concussion’s confusion clear within 2 h of the blow, and keeps meloxicam from every head injury', () => {
    const concussed = battle.filter((p) =>
      p.conditions.some((c) => brain(c) && /mild|concussion/i.test(`${c.name} ${c.qualifier}`)),
    );
    expect(concussed.length).toBeGreaterThan(100);
    // Not the charts of a casualty bleeding into shock or dying of other injuries, which cloud the mind.
    const lateCharts = concussed
      .filter((p) => !has(p, /^Shock/))
      .flatMap((p) =>
        p.vital_signs.filter(
          (v) => v.hours_since_injury >= 2 && v.gcs < 15 && v.gcs > 3 && v.systolic_bp >= 90,
        ),
      );
    expect(lateCharts.filter((v) => v.facility !== 'POI').length).toBe(0);
    const headInjured = battle.filter((p) => p.conditions.some(brain));
    expect(ids(headInjured.filter((p) => given(p, /meloxicam 15 mg/).length > 0))).toEqual([]);
    expect(
      headInjured.filter((p) => given(p, /meloxicam withheld: head injury/).length > 0).length,
    ).toBeGreaterThan(20);
  });

  it('films every injured chest at Role 2, a sealed wound or a broken rib, and sends none back to duty before it', () => {
    const chests = battle.filter((p) => p.conditions.some((c) => c.body_region === 'Thorax'));
    const atRole2 = chests.filter((p) =>
      staysOf(p).some(
        (s) => s.facility === 'Role2' && Math.min(s.leave, p.outcome.hours_since_injury) > s.arrive + 0.5,
      ),
    );
    expect(atRole2.length).toBeGreaterThan(100);
    expect(ids(atRole2.filter((p) => given(p, /X-ray of the chest/).length === 0))).toEqual([]);
    expect(ids(chests.filter((p) => p.final_status === 'RTD' && p.last_facility === 'Role1'))).toEqual([]);
  });

  it('decides whether a wound of the abdominal wall went deeper before the casualty goes on or back: explored at Role 1, scanned and explored at Role 2', () => {
    const wall = battle.filter(
      (p) =>
        p.conditions.some((c) => c.body_region === 'Abdomen' && /Open wound|Puncture wound/.test(c.name)) &&
        given(p, /Laparotomy/).length === 0,
    );
    const atRole2 = wall.filter((p) =>
      staysOf(p).some(
        (s) => s.facility === 'Role2' && Math.min(s.leave, p.outcome.hours_since_injury) > s.arrive + 0.5,
      ),
    );
    expect(atRole2.length).toBeGreaterThan(50);
    expect(
      ids(atRole2.filter((p) => given(p, /local exploration of the abdominal wall wound/).length === 0)),
    ).toEqual([]);
    const backFromRole1 = wall.filter((p) => p.final_status === 'RTD' && p.last_facility === 'Role1');
    expect(
      ids(backFromRole1.filter((p) => given(p, /Abdominal wall wound explored to its base/).length === 0)),
    ).toEqual([]);
  });

  it('closes a laceration from a fall or a crash where first seen, checks its tetanus, and gives it no war-wound antibiotic', () => {
    const injuredOffDuty = [...runs.default, ...runs.lsco].filter(
      (p) =>
        (p.event_type === 'fall' || p.event_type === 'road_traffic_accident') &&
        p.treatments.some((t) => t.location !== 'POI'),
    );
    const lacerated = injuredOffDuty.filter(
      (p) =>
        p.conditions.some((c) => /Open wound|Laceration/.test(c.name)) &&
        !p.conditions.some((c) =>
          /Open fracture|Traumatic amputation|Injury of artery|Injury of (abdomen|liver|spleen|kidney)|Hemothorax|Pneumothorax|Injury of eye region/.test(
            c.name,
          ),
        ),
    );
    expect(lacerated.length).toBeGreaterThan(20);
    const closed = (p: Patient) => given(p, /Laceration cleaned, explored and closed.*tetanus/).length === 1;
    expect(ids(lacerated.filter((p) => !closed(p)))).toEqual([]);
    expect(
      ids(
        lacerated.filter((p) => given(p, /Antibiotic therapy|left open|Delayed primary closure/).length > 0),
      ),
    ).toEqual([]);
  });

  it('checks the tetanus immunisation of every open war wound where the casualty is first treated', () => {
    const wounded = battle.filter((p) => {
      const arrival = p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI');
      return (
        has(p, /Open wound|Puncture wound|Gunshot wound|Open fracture|Traumatic amputation/) &&
        p.nato_triage !== 'T4' &&
        arrival !== undefined &&
        p.outcome.hours_since_injury > arrival.hours_since_injury + 0.5
      );
    });
    expect(wounded.length).toBeGreaterThan(500);
    const firstFacility = (p: Patient) => p.treatments.find((t) => t.location !== 'POI')?.location;
    const checked = (p: Patient) =>
      given(p, /Tetanus immunisation checked/).some((t) => t.location === firstFacility(p));
    expect(ids(wounded.filter((p) => !checked(p)))).toEqual([]);
  });

  it('prevents clots in a leg held in a backslab for a day or more at Role 2 or 3', () => {
    const slabbed = battle.filter(
      (p) =>
        given(p, /Above-knee backslab/).length > 0 &&
        staysOf(p).some(
          (s) =>
            (s.facility === 'Role2' || s.facility === 'Role3') &&
            Math.min(s.leave, p.outcome.hours_since_injury) > Math.max(s.arrive + 1, 24) + 0.1,
        ),
    );
    expect(slabbed.length).toBeGreaterThan(20);
    expect(ids(slabbed.filter((p) => given(p, /venous thromboembolism prophylaxis/).length === 0))).toEqual(
      [],
    );
  });

  it('writes a failed attempt on a junctional bleed only for one that could kill, not for a trickle from the face', () => {
    const attempted = battle.filter((p) => given(p, /Direct pressure on the junctional wound/).length > 0);
    expect(attempted.length).toBeGreaterThan(5);
    expect(ids(attempted.filter((p) => !has(p, /Injury of artery|Traumatic amputation/)))).toEqual([]);
  });

  it('gives ketamine, never a fentanyl lozenge, to a casualty whose consciousness is lowered', () => {
    const drowsy = battle.filter((p) => {
      const first = p.vital_signs[0];
      return first !== undefined && first.facility === 'POI' && first.gcs < 13;
    });
    expect(drowsy.length).toBeGreaterThan(100);
    expect(ids(drowsy.filter((p) => given(p, /oral transmucosal/).length > 0))).toEqual([]);
    expect(drowsy.filter((p) => given(p, /Ketamine/).length > 0).length).toBeGreaterThan(0);
  });

  it('treats the intracranial pressure of a severe brain injury that reaches Role 3, after its CT', () => {
    const severe = battle.filter(
      (p) =>
        has(p, /Traumatic brain injury severe|penetrating brain injury/) &&
        staysOf(p).some(
          (s) => s.facility === 'Role3' && (!died(p) || p.outcome.hours_since_injury >= s.arrive + 1),
        ),
    );
    expect(severe.length).toBeGreaterThan(20);
    expect(ids(severe.filter((p) => given(p, /Intracranial pressure/).length === 0))).toEqual([]);
    const beforeItsCt = severe.filter((p) => {
      const ct = given(p, /tomography/).find((t) => t.location === 'Role3');
      return (
        ct === undefined ||
        given(p, /Intracranial pressure/).some((t) => t.hours_since_injury! < endOf(ct) - 1 / 60)
      );
    });
    expect(ids(beforeItsCt)).toEqual([]);
  });

  it('drains air and blood from the chest but not a bruised lung, and the saturation recovers once drained', () => {
    const contusionOnly = battle.filter(
      (p) =>
        has(p, /Contusion lung/) &&
        !has(p, /thorax|Pneumothorax|Hemothorax|Gunshot wound/i) &&
        p.conditions.every(
          (c) => c.body_region !== 'Thorax' || /Contusion|Fracture of rib|Open wound|Puncture/.test(c.name),
        ),
    );
    expect(contusionOnly.length).toBeGreaterThan(20);
    expect(contusionOnly.filter((p) => given(p, /Insertion of chest tube/).length > 0)).toEqual([]);
    const drained = battle.filter(
      (p) => given(p, /Insertion of chest tube/).length > 0 && !has(p, /Contusion/),
    );
    const recovered = drained.filter((p) => {
      const role2 = p.vital_signs.find((v) => v.facility === 'Role2');
      const later = p.vital_signs.find((v) => v.facility === 'Role3' || v.facility === 'Role4');
      return role2 && later && later.spo2 > role2.spo2;
    });
    const measured = drained.filter((p) =>
      p.vital_signs.some((v) => v.facility === 'Role3' || v.facility === 'Role4'),
    );
    expect(measured.length).toBeGreaterThan(50);
    expect(recovered.length).toBeGreaterThan(measured.length * 0.9);
  });

  it('opens the chest only for a massive haemothorax', () => {
    // A massive haemothorax mostly kills before a surgeon is reached, so an opened chest is rare.
    const opened = battle.filter((p) => given(p, /thoracotomy/).length > 0);
    expect(ids(opened.filter((p) => !has(p, /Hemothorax massive/)))).toEqual([]);
  });

  it('spreads a large burn over as many regions as the rule of nines needs, resuscitates from 20 % TBSA, and gives burns no antibiotic', () => {
    const capacity: Record<string, number> = {
      'Head/Neck': 9,
      'Upper extremity': 18,
      Thorax: 18,
      Abdomen: 18,
      'Lower extremity': 36,
    };
    const burns = battle.flatMap((p) => p.conditions.filter((c) => c.tbsa_percent !== undefined));
    expect(burns.length).toBeGreaterThan(200);
    expect(burns.filter((c) => (c.tbsa_percent ?? 0) > (capacity[c.body_region] ?? 0))).toEqual([]);
    const tbsa = (p: Patient) => p.conditions.reduce((a, c) => a + (c.tbsa_percent ?? 0), 0);
    const large = battle.filter((p) => tbsa(p) >= 20 && p.treatments.some((t) => t.location !== 'POI'));
    expect(large.length).toBeGreaterThan(10);
    expect(ids(large.filter((p) => given(p, /rule of ten/).length === 0))).toEqual([]);
    // A burn is no open wound: a casualty whose other wounds are closed gets no antibiotic for it.
    const openWound = (p: Patient, c: Patient['conditions'][number]) =>
      (c.iss_region === 'external' && c.tbsa_percent === undefined) ||
      /Open fracture|Traumatic amputation|Gunshot wound|Injury of abdomen|Injury of liver|Injury of eye region/.test(
        c.name,
      ) ||
      (p.mechanism !== 'other' && /Injury of artery|Hemothorax|[Pp]neumothorax/.test(c.name));
    const burnedNoOpenWound = battle.filter(
      (p) =>
        tbsa(p) > 0 &&
        !p.conditions.some((c) => openWound(p, c)) &&
        p.treatments.some((t) => t.location !== 'POI'),
    );
    expect(burnedNoOpenWound.length).toBeGreaterThan(5);
    expect(ids(burnedNoOpenWound.filter((p) => given(p, /Antibiotic therapy/).length > 0))).toEqual([]);
  });

  it('lets minor injuries kill in hospital only through shock, and writes organ failure only after the first day', () => {
    const inHospital = battle.filter((p) => p.final_status_detail === 'DOW');
    expect(inHospital.length).toBeGreaterThan(100);
    const minor = inHospital.filter((p) => (p.injury_severity_score ?? 0) < 9 && !inShock(p));
    expect(ids(minor)).toEqual([]);
    const arrival = (p: Patient) =>
      p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI')
        ?.hours_since_injury ?? 0;
    const earlyOrganFailure = inHospital.filter(
      (p) => /organ failure/.test(p.cause_of_death ?? '') && p.outcome.hours_since_injury - arrival(p) < 24,
    );
    expect(ids(earlyOrganFailure)).toEqual([]);
  });

  it('breaks no femur or tibia, and cuts no leg artery, that a bilateral above-knee amputation has taken, and puts a tourniquet on each stump', () => {
    const bothLegs = battle.filter((p) => has(p, /bilateral above knee/));
    expect(bothLegs.length).toBeGreaterThan(10);
    const impossible = bothLegs.filter((p) =>
      has(p, /fracture of (femur|tibia)|amputation below knee|amputation above knee|femoral or popliteal/i),
    );
    expect(ids(impossible)).toEqual([]);
    const tourniqueted = bothLegs.filter((p) => given(p, /Application of tourniquet/).length > 0);
    expect(tourniqueted.length).toBeGreaterThan(5);
    expect(ids(tourniqueted.filter((p) => given(p, /Tourniquets on both legs/).length === 0))).toEqual([]);
  });

  it('washes out a wound kept at Role 2 to return to duty and closes it days later before the casualty goes back, the face and scalp at once', () => {
    const keptAtRole2 = battle.filter(
      (p) =>
        p.final_status === 'RTD' &&
        p.outcome.facility === 'Role2' &&
        has(p, /Open wound|Puncture wound|Gunshot wound/),
    );
    expect(keptAtRole2.length).toBeGreaterThan(50);
    // The face and scalp heal from their rich blood supply: closed at once once debrided.
    const headOnly = (p: Patient) =>
      p.conditions
        .filter((c) => /Open wound|Puncture wound|Gunshot wound/.test(c.name))
        .every((c) => c.body_region === 'Head/Neck');
    const face = keptAtRole2.filter(headOnly);
    expect(face.length).toBeGreaterThan(5);
    expect(ids(face.filter((p) => given(p, /face and scalp closed primarily/).length !== 1))).toEqual([]);
    expect(ids(face.filter((p) => given(p, /Delayed primary closure/).length > 0))).toEqual([]);
    for (const p of keptAtRole2.filter((p) => !headOnly(p))) {
      const washout = given(p, /Wound washout/);
      const closure = given(p, /Delayed primary closure/);
      expect(washout).toHaveLength(1);
      expect(closure).toHaveLength(1);
      const closedAt = closure[0]?.hours_since_injury ?? 0;
      expect(closedAt - (washout[0]?.hours_since_injury ?? 0)).toBeGreaterThan(48);
      expect(closedAt).toBeLessThan(p.outcome.hours_since_injury);
    }
  });

  it('dresses and covers with the field antibiotic a bullet or fragment that cut an artery, opened the abdomen or bled into the chest, even with no skin wound listed', () => {
    const penetrating = battle.filter(
      (p) =>
        (p.mechanism === 'gunshot' || p.mechanism === 'explosive') &&
        has(p, /Injury of artery|penetrating, hollow viscus|Injury of liver|Hemothorax|Pneumothorax/) &&
        p.treatments.some((t) => t.location === 'POI') &&
        (!died(p) || p.outcome.hours_since_injury > 1) &&
        // The expectant get comfort care only (below).
        given(p, /Mass-casualty triage: expectant/).length === 0,
    );
    expect(penetrating.length).toBeGreaterThan(300);
    expect(ids(penetrating.filter((p) => given(p, /Field dressing/).length === 0))).toEqual([]);
    expect(ids(penetrating.filter((p) => given(p, /moxifloxacin|ertapenem/i).length === 0))).toEqual([]);
  });

  it('seals every open chest wound in the field, or where an expectant casualty is upgraded, and nothing else', () => {
    const alive = battle.filter(
      (p) => p.treatments.some((t) => t.location === 'POI') && (!died(p) || p.outcome.hours_since_injury > 1),
    );
    const chestWound = (p: Patient) =>
      p.conditions.some(
        (c) =>
          c.body_region === 'Thorax' &&
          (/Open wound|Puncture wound|Gunshot wound/.test(c.name) ||
            ((p.mechanism === 'gunshot' || p.mechanism === 'explosive') &&
              /Hemothorax|[Pp]neumothorax/.test(c.name))),
      );
    const sealed = (p: Patient) => given(p, /Vented chest seal/).length > 0;
    const wounded = alive.filter(chestWound);
    expect(wounded.length).toBeGreaterThan(300);
    expect(ids(wounded.filter((p) => !sealed(p)))).toEqual([]);
    expect(ids(alive.filter((p) => sealed(p) && !chestWound(p)))).toEqual([]);
  });

  it('gives a bullet’s brain injury a wound: a closed brain injury beyond a concussion comes of blast or blunt force', () => {
    const shot = battle.filter((p) => p.mechanism === 'gunshot');
    expect(shot.filter((p) => has(p, /penetrating brain injury/)).length).toBeGreaterThan(20);
    expect(ids(shot.filter((p) => has(p, /^Traumatic brain injury (moderate|severe|critical)/)))).toEqual([]);
  });

  it('breaks no bone with a bullet without breaking the skin: a gunshot fracture is open', () => {
    const shot = battle.filter((p) => p.mechanism === 'gunshot');
    expect(shot.filter((p) => has(p, /Open fracture/)).length).toBeGreaterThan(100);
    expect(ids(shot.filter((p) => has(p, /Closed fracture|Fracture of forearm|Fracture of rib/)))).toEqual(
      [],
    );
  });

  it('gives an open wound TCCC’s field antibiotic: moxifloxacin by mouth, ertapenem to a casualty who cannot swallow', () => {
    const reached = battle.filter((p) => p.vital_signs.length > 0 && has(p, /Open wound|Gunshot wound/));
    expect(reached.length).toBeGreaterThan(500);
    const field = (p: Patient) => given(p, /Antibiotic therapy/).filter((t) => t.location === 'POI');
    // The expectant (T4) are made comfortable, not given the immediate's interventions (below).
    const alive = reached.filter(
      (p) => (!died(p) || p.final_status_detail === 'DOW') && p.nato_triage !== 'T4',
    );
    expect(ids(alive.filter((p) => field(p).length !== 1))).toEqual([]);
    const first = (p: Patient) => p.vital_signs[0]!;
    const unconscious = alive.filter(
      (p) => first(p).gcs <= 8 && !p.allergies.some((a) => /penicillin/i.test(a.name)),
    );
    expect(unconscious.length).toBeGreaterThan(10);
    expect(ids(unconscious.filter((p) => !/Ertapenem/.test(field(p)[0]?.detail ?? '')))).toEqual([]);
    const walking = alive.filter((p) => p.nato_triage === 'T3');
    expect(ids(walking.filter((p) => !/Moxifloxacin 400 mg PO/.test(field(p)[0]?.detail ?? '')))).toEqual([]);
  });

  it('gives a casualty allergic to penicillin no ertapenem in the field: moxifloxacin by mouth, else the clindamycin Role 1 goes on with', () => {
    const allergic = battle.filter((p) => p.allergies.some((a) => /penicillin/i.test(a.name)));
    const fieldDrug = (p: Patient) =>
      given(p, /Antibiotic therapy/).find((t) => t.location === 'POI')?.detail ?? '';
    const covered = allergic.filter((p) => fieldDrug(p) !== '');
    expect(covered.length).toBeGreaterThan(100);
    expect(ids(covered.filter((p) => /^(Ertapenem|Cefazolin)/.test(fieldDrug(p))))).toEqual([]);
    const cannotSwallow = covered.filter((p) => !/^Moxifloxacin 400 mg PO/.test(fieldDrug(p)));
    expect(cannotSwallow.length).toBeGreaterThan(5);
    expect(ids(cannotSwallow.filter((p) => !/^Clindamycin 900 mg IV/.test(fieldDrug(p))))).toEqual([]);
  });

  it('keeps meloxicam from a crushed casualty, whose kidneys the crushed muscle already threatens, and says why', () => {
    const crushed = battle.filter((p) => has(p, /crush/i));
    const packed = crushed.filter((p) => given(p, /Paracetamol 1300 mg PO/).length > 0);
    expect(packed.length).toBeGreaterThan(20);
    expect(ids(packed.filter((p) => given(p, /meloxicam 15 mg/).length > 0))).toEqual([]);
    expect(ids(packed.filter((p) => given(p, /meloxicam withheld: crush injury/).length === 0))).toEqual([]);
  });

  it('wraps every casualty who cannot walk out against the cold, and no walking wounded', () => {
    const carried = battle.filter(
      (p) => (p.nato_triage === 'T1' || p.nato_triage === 'T2') && p.vital_signs.length > 1,
    );
    expect(carried.length).toBeGreaterThan(1000);
    expect(ids(carried.filter((p) => given(p, /Hypothermia prevention/).length !== 1))).toEqual([]);
    const walking = battle.filter((p) => p.nato_triage === 'T3');
    expect(ids(walking.filter((p) => given(p, /Hypothermia prevention/).length > 0))).toEqual([]);
  });

  it('hands the medic’s care over at the first facility’s door: field care given on the move says so, and none is charted after arrival', () => {
    const leftAt = (p: Patient) =>
      p.movement_timeline.find((e) => e.event_type === 'transit_start' && e.facility === 'POI')
        ?.hours_since_injury ?? Number.POSITIVE_INFINITY;
    const reached = battle.filter((p) => staysOf(p).length > 0);
    const field = (p: Patient) => p.treatments.filter((t) => t.location === 'POI');
    const arrive = (p: Patient) => staysOf(p)[0]!.arrive;
    const afterHandover = reached.filter((p) =>
      field(p).some(
        (t) =>
          t.hours_since_injury! > arrive(p) ||
          ((t.duration_minutes ?? 0) <= 15 && endOf(t) > arrive(p) + 0.02),
      ),
    );
    expect(ids(afterHandover)).toEqual([]);
    const moving = reached.filter((p) => field(p).some((t) => t.hours_since_injury! > leftAt(p) + 0.01));
    expect(moving.length).toBeGreaterThan(500);
    const unsaid = moving.filter((p) =>
      field(p).some(
        (t) => t.hours_since_injury! > leftAt(p) + 0.01 && !/en route to Role [12]/.test(t.detail ?? ''),
      ),
    );
    expect(ids(unsaid)).toEqual([]);
    const still = reached.filter((p) =>
      field(p).some((t) => t.hours_since_injury! < leftAt(p) - 0.01 && /en route/.test(t.detail ?? '')),
    );
    expect(ids(still)).toEqual([]);
  });

  it('keeps caring for a casualty held in the field for hours, over the whole wait and no longer', () => {
    const leftAt = (p: Patient) =>
      p.movement_timeline.find((e) => e.event_type === 'transit_start' && e.facility === 'POI')
        ?.hours_since_injury;
    const held = battle.filter((p) => (leftAt(p) ?? 0) > 3 && p.vital_signs.length > 1);
    expect(held.length).toBeGreaterThan(100);
    for (const p of held) {
      const care = given(p, /Prolonged casualty care/);
      expect(care).toHaveLength(1);
      expect(endOf(care[0]!)).toBeCloseTo(leftAt(p) ?? 0, 1);
    }
    const quick = battle.filter((p) => (leftAt(p) ?? 99) < 1.5);
    expect(ids(quick.filter((p) => given(p, /Prolonged casualty care/).length > 0))).toEqual([]);
  });

  it('takes the critically injured into intensive care at Role 4, and no one who dies there into rehabilitation', () => {
    const atRole4 = battle.filter((p) =>
      p.movement_timeline.some((e) => e.event_type === 'arrival' && e.facility === 'Role4'),
    );
    const role4Care = (p: Patient) => p.treatments.filter((t) => t.location === 'Role4');
    const critical = atRole4.filter((p) => (p.injury_severity_score ?? 0) >= 16);
    expect(critical.length).toBeGreaterThan(100);
    expect(
      ids(critical.filter((p) => !role4Care(p).some((t) => /intensive care/.test(t.treatment)))),
    ).toEqual([]);
    const diedThere = atRole4.filter((p) => p.final_status === 'KIA');
    expect(
      ids(diedThere.filter((p) => role4Care(p).some((t) => /Rehabilitation/.test(t.treatment)))),
    ).toEqual([]);
    // Minor, and not ventilated since an early intubation (a burnt airway): that one is in intensive care.
    const minor = atRole4.filter(
      (p) =>
        (p.injury_severity_score ?? 0) < 9 && p.final_status !== 'KIA' && given(p, /intubation/).length === 0,
    );
    expect(minor.length).toBeGreaterThan(100);
    expect(ids(minor.filter((p) => !role4Care(p).some((t) => /Rehabilitation/.test(t.treatment))))).toEqual(
      [],
    );
  });

  it('holds in an external fixator only an open fracture, a femur or a pelvis: a closed forearm, humerus or tibia stays in its splint, whatever else the casualty has', () => {
    const fixed = (p: Patient) => given(p, /External fixation of fracture/).length > 0;
    const needsFixator = (p: Patient) => has(p, /Open fracture of|fracture of femur|Fracture of pelvis/i);
    const closedOnly = battle.filter(
      (p) =>
        has(p, /^(Fracture of forearm|Closed fracture of humerus|Closed fracture of tibia)/) &&
        !needsFixator(p) &&
        p.conditions.some((c) => (c.ais ?? 0) >= 3),
    );
    expect(closedOnly.length).toBeGreaterThan(50);
    expect(ids(closedOnly.filter(fixed))).toEqual([]);
    expect(ids(battle.filter((p) => fixed(p) && !needsFixator(p)))).toEqual([]);
  });

  it('holds a closed forearm, humerus or tibia fracture in a backslab or U-slab once X-rayed at Role 2', () => {
    const casts: [RegExp, RegExp][] = [
      [/^Fracture of forearm/, /Above-elbow backslab/],
      [/^Closed fracture of humerus/, /U-slab \(coaptation splint\)/],
      [/^Closed fracture of tibia/, /Above-knee backslab.*compartment syndrome/],
    ];
    const atRole2 = (p: Patient) => {
      const s = staysOf(p).find((x) => x.facility === 'Role2');
      return s !== undefined && Math.min(s.leave, p.outcome.hours_since_injury) > s.arrive + 40 / 60;
    };
    let held = 0;
    for (const [fracture, cast] of casts) {
      const broken = battle.filter((p) => has(p, fracture) && atRole2(p));
      expect(broken.length).toBeGreaterThan(20);
      const castAfterFilm = (p: Patient) => {
        const film = given(p, /Plain radiography/).find((t) => t.location === 'Role2');
        const slab = given(p, cast).find((t) => t.location === 'Role2');
        return film !== undefined && slab !== undefined && slab.hours_since_injury! >= endOf(film);
      };
      expect(ids(broken.filter((p) => !castAfterFilm(p)))).toEqual([]);
      held += broken.length;
    }
    // No one else: a slab belongs to its closed fracture.
    const slabbed = battle.filter((p) => given(p, /backslab|U-slab/).length > 0);
    expect(slabbed.length).toBeGreaterThanOrEqual(held * 0.9);
    expect(ids(slabbed.filter((p) => !casts.some(([f]) => has(p, f))))).toEqual([]);
  });

  it('writes the category the first medic gave where the triage is recorded', () => {
    const triaged = battle.filter((p) =>
      p.treatments.some((t) => t.location === 'POI' && t.treatment === 'Triage'),
    );
    expect(triaged.length).toBeGreaterThan(1000);
    const written = (p: Patient) =>
      p.treatments.find((t) => t.location === 'POI' && t.treatment === 'Triage')?.detail ?? '';
    const category = /^Triage sieve: (T[123]), |^Mass-casualty triage: expectant \(T4\)/;
    expect(ids(triaged.filter((p) => !category.test(written(p))))).toEqual([]);
    // Not re-triaged on arrival, the card's category is the one the medic wrote (DEAD for one who died
    // before reaching care).
    const kept = triaged.filter((p) => !/expectant/.test(written(p)) && p.nato_triage !== 'DEAD');
    expect(ids(kept.filter((p) => category.exec(written(p))?.[1] !== p.nato_triage))).toEqual([]);
  });

  it('transfuses at Role 2 every casualty who arrives there in haemorrhagic shock and lives ten minutes, with calcium after the first unit', () => {
    const arrival = (p: Patient) => p.vital_signs.find((v) => v.facility === 'Role2');
    const shocked = battle.filter((p) => {
      const v = arrival(p);
      if (!v || !inShock({ ...p, vital_signs: [v] })) return false;
      // A tension pneumothorax's shock is relieved by the needle and the drain, a cut cord's by
      // vasopressors: neither by blood.
      if (has(p, /Tension pneumothorax|Shock neurogenic/)) return false;
      const death = p.movement_timeline.find((e) => e.event_type === 'kia');
      return !death || death.hours_since_injury > v.hours_since_injury + 10 / 60;
    });
    expect(shocked.length).toBeGreaterThan(40);
    expect(ids(shocked.filter((p) => given(p, /Damage-control resuscitation/).length === 0))).toEqual([]);
    // Every transfusion brings its calcium (TCCC 2021), and platelets or whole blood where a facility gives it.
    const transfused = battle.flatMap((p) => given(p, /^Transfusion of blood product/));
    expect(
      transfused.filter((t) => !/calcium chloride 10 % 10 ml IV after the first unit/.test(t.detail ?? '')),
    ).toEqual([]);
    expect(
      transfused.filter(
        (t) =>
          t.location !== 'POI' && !/platelets 1:1:1, or low-titre group O whole blood/.test(t.detail ?? ''),
      ),
    ).toEqual([]);
  });

  it('keeps damage control for the casualty who cannot take more, and repairs and closes a stable abdomen at one operation', () => {
    const atSurgeon = (p: Patient) => p.vital_signs.find((v) => v.facility === 'Role2');
    const classIII = (p: Patient) => has(p, /class (III|IV):/);
    const chestOpened = (p: Patient) => given(p, /Damage-control thoracotomy/).length > 0;
    const damageControl = battle.filter((p) => given(p, /Damage-control laparotomy/).length > 0);
    const repaired = battle.filter((p) => given(p, /Exploratory laparotomy: .*abdomen closed/).length > 0);
    expect(damageControl.length).toBeGreaterThan(30);
    expect(repaired.length).toBeGreaterThan(10);
    // Or where the surgeons ration their tables: a mass-casualty event, or large-scale combat (below).
    const lsco = new Set(runs.lsco);
    const deranged = (p: Patient) => {
      const v = atSurgeon(p);
      return (
        p.mass_casualty ||
        lsco.has(p) ||
        classIII(p) ||
        chestOpened(p) ||
        (v !== undefined && (v.systolic_bp < 90 || v.heart_rate > 120))
      );
    };
    expect(ids(damageControl.filter((p) => !deranged(p)))).toEqual([]);
    expect(ids(repaired.filter(deranged))).toEqual([]);
    expect(ids(repaired.filter((p) => given(p, /Relook laparotomy|temporary closure/).length > 0))).toEqual(
      [],
    );
  });

  it('leaves the definitive repair of every abdomen in large-scale combat to Role 3: the forward surgical team does damage control', () => {
    const laparotomy = /Damage-control laparotomy|Exploratory laparotomy/;
    const opened = runs.lsco.filter((p) => given(p, laparotomy).length > 0);
    expect(opened.length).toBeGreaterThan(30);
    expect(ids(opened.filter((p) => given(p, /Exploratory laparotomy/).length > 0))).toEqual([]);
    // The abdomen left open is closed where the casualty goes next, never left open at a return to duty.
    const closedAtRole3 = opened.filter((p) => given(p, /Relook laparotomy/)[0]?.location === 'Role3');
    expect(closedAtRole3.length).toBeGreaterThan(10);
  });

  it('answers a death on the ward days later: sepsis recognised and treated before it kills, an embolism’s collapse resuscitated, failing organs supported until futile', () => {
    // Dying at a facility short of Role 4, not on the way (an en-route team's care is not charted).
    const diedThere = (p: Patient) =>
      staysOf(p).some(
        (s) =>
          s.facility === p.outcome.facility &&
          s.arrive < p.outcome.hours_since_injury &&
          s.leave >= p.outcome.hours_since_injury,
      );
    const dyingOf = (cause: string) =>
      battle.filter((p) => p.cause_of_death === cause && p.outcome.facility !== 'Role4' && diedThere(p));
    const septic = dyingOf('Sepsis');
    const embolic = dyingOf('Pulmonary embolism');
    expect(septic.length).toBeGreaterThan(3);
    expect(embolic.length).toBeGreaterThan(3);
    const beforeDeath = (p: Patient, pattern: RegExp) =>
      given(p, pattern).some(
        (t) => t.location === p.outcome.facility && t.hours_since_injury! < p.outcome.hours_since_injury,
      );
    const treatedAsSepsis = (p: Patient) =>
      beforeDeath(p, /sepsis from the wound recognised; Sepsis Six/) &&
      beforeDeath(p, /source control/) &&
      beforeDeath(p, /Admission to intensive care/);
    expect(ids(septic.filter((p) => !treatedAsSepsis(p)))).toEqual([]);
    expect(
      ids(embolic.filter((p) => !beforeDeath(p, /pulmonary embolism suspected: advanced life support/))),
    ).toEqual([]);
    // The last chart comes before the collapse, never during the resuscitation.
    const collapse = (p: Patient) => given(p, /pulmonary embolism suspected/)[0]!.hours_since_injury!;
    const lastChartAt = (p: Patient) => p.vital_signs[p.vital_signs.length - 1]!.hours_since_injury;
    expect(ids(embolic.filter((p) => lastChartAt(p) > collapse(p)))).toEqual([]);
    // Organs failing days after the bleeding are supported in intensive care until treatment is futile, and
    // the last chart is of that patient, ventilated and febrile, not the cold one of a casualty bleeding out.
    const organsFailed = dyingOf('Multiple organ failure after haemorrhage');
    expect(organsFailed.length).toBeGreaterThan(3);
    const supportedToTheEnd = (p: Patient) =>
      beforeDeath(p, /Multiple organ failure after haemorrhagic shock: ventilated/) &&
      beforeDeath(p, /judge further treatment futile; cardiopulmonary resuscitation not attempted/);
    expect(ids(organsFailed.filter((p) => !supportedToTheEnd(p)))).toEqual([]);
    const lastChart = (p: Patient) => p.vital_signs[p.vital_signs.length - 1]!;
    expect(
      ids(organsFailed.filter((p) => lastChart(p).gcs !== 3 || lastChart(p).temperature < 37.5)),
    ).toEqual([]);
    // Nothing dies days later of an unexplained "multiple organ failure" without having bled first: without a
    // wound, the complication is a pneumonia caught in hospital (test/generator/complication-care.test.ts).
    expect(ids(battle.filter((p) => p.cause_of_death === 'Multiple organ failure'))).toEqual([]);
    expect(battle.filter((p) => p.cause_of_death === 'Hospital-acquired pneumonia').length).toBeGreaterThan(
      0,
    );
  });

  it('re-triages at the first facility and writes it where the medic over- or under-triaged, and only there; the sieve’s own signs are never missed', () => {
    const surveyed = battle.filter((p) => given(p, /^Evaluation procedure Primary survey/).length > 0);
    expect(surveyed.length).toBeGreaterThan(1000);
    const retriage = (p: Patient) =>
      /re-triaged as (\w+) \((T\d)\), (over|under)-triaged/.exec(
        given(p, /^Evaluation procedure Primary survey/)[0]?.detail ?? '',
      );
    const rank = (t: string) => ['T1', 'T2', 'T3'].indexOf(t);
    const over = surveyed.filter((p) => retriage(p)?.[3] === 'over');
    const under = surveyed.filter((p) => retriage(p)?.[3] === 'under');
    // Plackett 2016: 17 % over- and 6 % under-triaged in the field (fewer here: an immediate cannot be
    // over-triaged, nor a minimal under-triaged, and no medic misses the sieve's own signs of an immediate
    // casualty or calls one who cannot walk "walking wounded").
    expect(over.length).toBeGreaterThan(surveyed.length * 0.05);
    expect(under.length).toBeGreaterThan(surveyed.length * 0.01);
    const firstChart = (p: Patient) => p.vital_signs[0]!;
    const sieveSigns = (p: Patient) => {
      const v = firstChart(p);
      return v.respiratory_rate < 10 || v.respiratory_rate > 29 || v.heart_rate > 120 || v.systolic_bp < 90;
    };
    expect(
      ids(under.filter((p) => p.nato_triage !== 'T1' && retriage(p)![2] === 'T1' && sieveSigns(p))),
    ).toEqual([]);
    const walkingWounded = battle.filter((p) =>
      /Triage sieve: T3, minimal \(walking wounded\)/.test(p.treatments[0]?.detail ?? ''),
    );
    const cannotWalk = (p: Patient) =>
      has(p, /fracture of (femur|tibia)|Fracture of pelvis|Traumatic amputation|Spinal cord/i) ||
      given(p, /Application of tourniquet/).some((t) => t.location === 'POI') ||
      firstChart(p).gcs < 14;
    expect(walkingWounded.length).toBeGreaterThan(300);
    expect(ids(walkingWounded.filter(cannotWalk))).toEqual([]);
    // Over-triage: the field's category was more urgent than the one found; under-triage, less.
    expect(ids(over.filter((p) => rank(p.nato_triage) >= rank(retriage(p)![2]!)))).toEqual([]);
    expect(ids(under.filter((p) => rank(p.nato_triage) <= rank(retriage(p)![2]!)))).toEqual([]);
  });

  it('holds a casualty at the first facility as long as the category its survey found, not the medic’s', () => {
    const category = (p: Patient) =>
      /re-triaged as \w+ \((T\d)\)/.exec(
        given(p, /^Evaluation procedure Primary survey/)[0]?.detail ?? '',
      )?.[1] ?? p.nato_triage;
    // Hours at a Role 1 the casualty was moved on from (back to duty and death end a stay on their own clocks).
    const role1Hours = (p: Patient) => {
      const [first, next] = staysOf(p);
      return first?.facility === 'Role1' && next ? first.leave - first.arrive : undefined;
    };
    const median = (ps: Patient[]) => {
      const hours = ps
        .map(role1Hours)
        .filter((h): h is number => h !== undefined)
        .sort((a, b) => a - b);
      return hours[Math.floor(hours.length / 2)] ?? Number.NaN;
    };
    // Over-triaged, a delayed casualty waits its turn behind the immediate ones like any other delayed one,
    // instead of being hurried on in the quarter-hour an immediate one gets; under-triaged, an immediate one
    // is moved on as fast as any other.
    for (const [found, wrongInTheField] of [
      ['T2', 'T1'],
      ['T1', 'T2'],
    ] as const) {
      const mistriaged = battle.filter((p) => category(p) === found && p.nato_triage === wrongInTheField);
      const triagedRight = battle.filter((p) => category(p) === found && p.nato_triage === found);
      expect(mistriaged.filter((p) => role1Hours(p) !== undefined).length).toBeGreaterThan(30);
      const ratio = median(mistriaged) / median(triagedRight);
      expect({ found, wrongInTheField, ratio: ratio > 0.5 && ratio < 2 }).toEqual({
        found,
        wrongInTheField,
        ratio: true,
      });
    }
  });

  it('ends a death from bleeding or the injuries after reaching care with the resuscitation of a traumatic arrest, en route where it died on the way', () => {
    const arrestCauses = /^(Haemorrhage|Multiple injuries|Burns)$/;
    const inCare = (p: Patient) =>
      p.movement_timeline.some((e) => e.event_type === 'arrival' && e.facility !== 'POI');
    const deaths = battle.filter(
      (p) =>
        died(p) &&
        inCare(p) &&
        arrestCauses.test(p.cause_of_death ?? '') &&
        given(p, /comfort care/).length === 0,
    );
    expect(deaths.length).toBeGreaterThan(30);
    // A traumatic arrest treated by its reversible causes; in hospital hours after the bleeding was
    // stopped, the arrest of bleeding again; in a burn, the arrest of burn shock.
    const resuscitation = (p: Patient) =>
      given(
        p,
        /^Procedure (Traumatic cardiac arrest, treated by its reversible causes|Cardiac arrest after bleeding again|Cardiac arrest in burn shock)/,
      );
    const death = (p: Patient) => p.movement_timeline.find((e) => e.event_type === 'kia')!;
    // The attempt ends at the death, after the chart that shows the arrest coming.
    const unresuscitated = deaths.filter((p) => {
      const [attempt] = resuscitation(p);
      const lastChart = p.vital_signs[p.vital_signs.length - 1];
      return (
        !attempt ||
        // The card writes hours to two decimals and whole minutes.
        Math.abs(endOf(attempt) - death(p).hours_since_injury) > 2 / 60 ||
        (lastChart?.hours_since_injury ?? 0) >= (attempt.hours_since_injury ?? 0)
      );
    });
    expect(ids(unresuscitated)).toEqual([]);
    // Blood where it is held or already running; only on the way out of a Role 1 without blood, fluids.
    const withoutBlood = deaths.filter((p) =>
      /fluids given fast \(no blood held\)/.test(resuscitation(p)[0]?.detail ?? ''),
    );
    expect(
      ids(
        withoutBlood.filter(
          (p) => resuscitation(p)[0]?.location !== 'Role1' || given(p, /Transfusion/).length > 0,
        ),
      ),
    ).toEqual([]);
    // Dying on the way, the casualty is resuscitated by the en-route team, at the facility it left.
    const onTheWay = deaths.filter((p) => p.movement_timeline.at(-2)?.event_type === 'transit_start');
    expect(onTheWay.length).toBeGreaterThan(3);
    expect(
      ids(onTheWay.filter((p) => !/; en route to Role \d$/.test(resuscitation(p)[0]?.detail ?? ''))),
    ).toEqual([]);
    // Nothing else is started once the heart has stopped.
    const startedDuring = deaths.filter((p) =>
      p.treatments.some(
        (t) => (t.hours_since_injury ?? 0) > (resuscitation(p)[0]?.hours_since_injury ?? Infinity),
      ),
    );
    expect(ids(startedDuring)).toEqual([]);
    // And no resuscitation on a card whose death it does not end.
    const others = battle.filter((p) => !deaths.includes(p) && resuscitation(p).length > 0);
    expect(ids(others)).toEqual([]);
    // A burn's arrest is of burn shock, fought with fluids: no bleeding to control.
    const burnt = deaths.filter((p) => p.cause_of_death === 'Burns');
    expect(burnt.length).toBeGreaterThan(3);
    expect(
      ids(burnt.filter((p) => !/^Cardiac arrest in burn shock/.test(resuscitation(p)[0]?.detail ?? ''))),
    ).toEqual([]);
  });

  it('finds the bleeding again when a casualty dies of it hours after the surgeon stopped it: transfused, back to theatre, then the arrest', () => {
    const operatedAt = (p: Patient) =>
      Math.max(
        ...given(p, /^(Laparotomy|Surgical procedure|Amputation)/).map(endOf),
        Number.NEGATIVE_INFINITY,
      );
    const lateBleeds = battle.filter(
      (p) =>
        p.cause_of_death === 'Haemorrhage' &&
        p.outcome.facility !== 'POI' &&
        // At a facility, not on the way to the next one.
        p.movement_timeline.at(-2)?.event_type !== 'transit_start' &&
        Number.isFinite(operatedAt(p)) &&
        p.outcome.hours_since_injury > operatedAt(p) + 3,
    );
    expect(lateBleeds.length).toBeGreaterThan(5);
    const found = (p: Patient) => given(p, /^Procedure Bleeding again after the operation/)[0];
    expect(ids(lateBleeds.filter((p) => !found(p)))).toEqual([]);
    expect(
      ids(lateBleeds.filter((p) => given(p, /^Procedure Cardiac arrest after bleeding again/).length !== 1)),
    ).toEqual([]);
    // No clot prevention or planned operation is started once the bleeding is found again.
    const startedAfter = lateBleeds.filter((p) =>
      p.treatments.some(
        (t) =>
          t.hours_since_injury! > found(p)!.hours_since_injury! &&
          !/Cardiac arrest after bleeding again/.test(t.detail ?? ''),
      ),
    );
    expect(ids(startedAfter)).toEqual([]);
  });

  it('closes an abdomen left open by damage control at a relook 24 to 48 h later, in intensive care until then', () => {
    const relook = /Relook laparotomy/;
    const opened = battle.filter(
      (p) => given(p, /Damage-control laparotomy/).length > 0 && p.final_status === 'Remains_Role4',
    );
    expect(opened.length).toBeGreaterThan(15);
    const late = opened.filter((p) => {
      const dcs = given(p, /Damage-control laparotomy/)[0]!;
      const closed = given(p, relook);
      if (closed.length !== 1) return true;
      const after = closed[0]!.hours_since_injury! - dcs.hours_since_injury!;
      // At Role 2 or 3 within 24-48 h, or at Role 4 the day after arrival when neither kept the casualty.
      return closed[0]!.location === 'Role4' ? false : after < 23.98 || after > 48;
    });
    expect(ids(late)).toEqual([]);
    const atRole3 = opened.filter((p) => given(p, relook)[0]?.location === 'Role3');
    expect(atRole3.length).toBeGreaterThan(opened.length / 3);
    expect(
      ids(atRole3.filter((p) => !given(p, /intensive care/).some((t) => t.location === 'Role3'))),
    ).toEqual([]);
    expect(ids(battle.filter((p) => given(p, relook).length > 0 && !opened.includes(p) && !died(p)))).toEqual(
      [],
    );
  });

  it('finishes at Role 4 what damage control began: the fracture fixed inside, the stump closed, then rehabilitation', () => {
    const reachedHome = battle.filter((p) => p.final_status === 'Remains_Role4');
    const at = (p: Patient, pattern: RegExp, where: string) =>
      given(p, pattern).filter((t) => t.location === where);
    const fixator = reachedHome.filter((p) => at(p, /External fixation/, 'Role2').length > 0);
    expect(fixator.length).toBeGreaterThan(100);
    // The pelvis plated, a long bone held in the fixator nailed or plated: one operation for each.
    const fixations = (p: Patient) =>
      (has(p, /Fracture of pelvis/) ? 1 : 0) + (has(p, /Open fracture of|fracture of femur/i) ? 1 : 0);
    expect(ids(fixator.filter((p) => at(p, /Definitive fixation/, 'Role4').length !== fixations(p)))).toEqual(
      [],
    );
    const pelvis = fixator.filter((p) => has(p, /Fracture of pelvis/));
    expect(pelvis.length).toBeGreaterThan(10);
    expect(
      ids(pelvis.filter((p) => at(p, /Definitive fixation of the pelvis/, 'Role4').length !== 1)),
    ).toEqual([]);
    const stump = reachedHome.filter(
      (p) => at(p, /Formalisation of traumatic amputation/, 'Role2').length > 0,
    );
    expect(stump.length).toBeGreaterThan(20);
    expect(ids(stump.filter((p) => at(p, /closure of the amputation stump/, 'Role4').length !== 1))).toEqual(
      [],
    );
    // Nothing fixed inside that was not held in a fixator first, and rehabilitation after the last operation.
    const definitive = (p: Patient) => at(p, /Definitive fixation|closure of the amputation stump/, 'Role4');
    const withoutDamageControl = reachedHome.filter(
      (p) => definitive(p).length > 0 && at(p, /External fixation|Formalisation/, 'Role2').length === 0,
    );
    expect(ids(withoutDamageControl)).toEqual([]);
    const outOfOrder = reachedHome.filter((p) => {
      const rehab = at(p, /Rehabilitation/, 'Role4')[0];
      return rehab !== undefined && definitive(p).some((o) => endOf(o) > rehab.hours_since_injury!);
    });
    expect(ids(outOfOrder)).toEqual([]);
  });

  it('prevents clots from the first day in a major injury or a broken femur or pelvis held at Role 2 or 3; the brain-injured on compression first', () => {
    const held = battle.filter(
      (p) =>
        (p.injury_severity_score >= 9 || has(p, /femur|pelvis/i)) &&
        staysOf(p).some(
          (s) =>
            (s.facility === 'Role2' || s.facility === 'Role3') &&
            Math.min(s.leave, died(p) ? p.outcome.hours_since_injury : Number.POSITIVE_INFINITY) >
              Math.max(s.arrive + 1, 24.1),
        ),
    );
    expect(held.length).toBeGreaterThan(300);
    const prophylaxis = (p: Patient) => given(p, /venous thromboembolism prophylaxis/);
    // Not once the bleeding is found again: the anticoagulant waits, and the casualty dies of the bleeding.
    const foundBleeding = (p: Patient) =>
      given(p, /^Procedure Bleeding again after the operation/)[0]?.hours_since_injury ??
      Number.POSITIVE_INFINITY;
    const due = held.filter(
      (p) => foundBleeding(p) > Math.max(24, staysOf(p).find((s) => s.facility !== 'Role1')!.arrive + 1),
    );
    expect(ids(due.filter((p) => prophylaxis(p).length !== 1))).toEqual([]);
    expect(
      ids(held.filter((p) => prophylaxis(p).some((t) => t.hours_since_injury! > foundBleeding(p)))),
    ).toEqual([]);
    expect(ids(due.filter((p) => prophylaxis(p)[0]!.hours_since_injury! < 24))).toEqual([]);
    const brain = due.filter((p) =>
      has(p, /Traumatic brain injury (moderate|severe|critical)|penetrating brain/),
    );
    expect(brain.length).toBeGreaterThan(10);
    expect(
      ids(brain.filter((p) => !/^Intermittent pneumatic compression/.test(prophylaxis(p)[0]!.detail!))),
    ).toEqual([]);
  });

  it('records a day or more on the ward at Role 2 or 3 as ward care over the whole stay, outside intensive care', () => {
    const wardStays = battle.flatMap((p) =>
      staysOf(p)
        .filter(
          (s) =>
            (s.facility === 'Role2' || s.facility === 'Role3') &&
            Number.isFinite(s.leave) &&
            s.leave - s.arrive >= 25 &&
            !died(p) &&
            !p.treatments.some((t) => t.location === s.facility && /intensive care/.test(t.treatment)),
        )
        .map((s) => ({ p, s })),
    );
    expect(wardStays.length).toBeGreaterThan(300);
    const uncovered = wardStays.filter(({ p, s }) => {
      const ward = given(p, /^Procedure Ward care/).find((t) => t.location === s.facility);
      const theatre = p.treatments.filter(
        (t) =>
          t.location === 'Role2' &&
          s.facility === 'Role2' &&
          /Surgical procedure|Laparotomy|Amputation|Debridement/.test(t.treatment),
      );
      const from = Math.max(s.arrive + 2, ...theatre.map(endOf));
      return ward === undefined || ward.hours_since_injury! > from + 0.01 || endOf(ward) < s.leave - 0.05;
    });
    expect(ids(uncovered.map(({ p }) => p))).toEqual([]);
    // Damage control is done in theatre, not on the ward.
    const inTheatre = wardStays.filter(({ p, s }) => {
      const ward = given(p, /^Procedure Ward care/).find((t) => t.location === s.facility);
      return (
        s.facility === 'Role2' &&
        ward !== undefined &&
        given(p, /Damage-control|External fixation|Vascular repair|Formalisation|Wound debridement/).some(
          (t) => t.location === 'Role2' && endOf(t) > ward.hours_since_injury! + 0.01,
        )
      );
    });
    expect(ids(inTheatre.map(({ p }) => p))).toEqual([]);
  });

  it('cuts the eschar of a full-thickness burn round a whole limb or the chest at the first surgical facility, and of no other', () => {
    // JTS CPG Burn Care: escharotomy for a circumferential full-thickness burn; a whole leg is 18 % by the
    // rule of nines, an arm 9 %, the front of the chest 18 %.
    const whole: Record<string, number> = { 'Lower extremity': 18, 'Upper extremity': 9, Thorax: 18 };
    const round = (p: Patient) =>
      p.conditions.some(
        (c) =>
          c.name === 'Full thickness burn' && (c.tbsa_percent ?? 0) >= (whole[c.body_region] ?? Infinity),
      );
    const surgicalStay = (p: Patient) => staysOf(p).find((s) => s.facility !== 'Role1');
    const due = battle.filter(
      (p) => round(p) && surgicalStay(p) && p.outcome.hours_since_injury > surgicalStay(p)!.arrive + 1.5,
    );
    expect(due.length).toBeGreaterThan(5);
    const cut = (p: Patient) => given(p, /Escharotomy of the full-thickness burn round the/);
    expect(
      ids(due.filter((p) => cut(p).length !== 1 || cut(p)[0]!.location !== surgicalStay(p)!.facility)),
    ).toEqual([]);
    expect(ids(battle.filter((p) => !round(p) && cut(p).length > 0))).toEqual([]);
  });

  it('nurses a brain injury with a GCS of 12 or less, and a major burn, in intensive care wherever they stay a day: never on a general ward', () => {
    const tbsa = (p: Patient) => p.conditions.reduce((sum, c) => sum + (c.tbsa_percent ?? 0), 0);
    const critical = battle.filter(
      (p) => has(p, /Traumatic brain injury (moderate|severe|critical)/) || tbsa(p) >= 20,
    );
    const moderateBrain = critical.filter((p) => has(p, /Traumatic brain injury moderate/));
    expect(moderateBrain.length).toBeGreaterThan(50);
    // Brain Trauma Foundation (4th ed.): GCS 9-12 watched hourly; JTS CPG Burn Care: fluids titrated hourly.
    expect(ids(critical.filter((p) => given(p, /^Procedure Ward care/).length > 0))).toEqual([]);
    const dayLongStays = critical.flatMap((p) =>
      staysOf(p)
        .filter(
          (s) => s.facility !== 'Role1' && Math.min(s.leave, p.outcome.hours_since_injury) - s.arrive >= 24,
        )
        .map((s) => ({ p, s })),
    );
    expect(dayLongStays.length).toBeGreaterThan(50);
    const outsideIcu = dayLongStays.filter(
      ({ p, s }) =>
        !p.treatments.some((t) => t.location === s.facility && /intensive care/.test(t.treatment)),
    );
    expect(ids(outsideIcu.map(({ p }) => p))).toEqual([]);
  });

  it('resuscitates a bleeding casualty who arrives in shock where no blood is held, with crystalloid to TCCC’s target, until blood runs or they move on, and not for a quick pulse alone', () => {
    const crystalloid = /lactated Ringer's or Plasma-Lyte A IV\/IO in 500 ml increments/;
    const firstStay = (p: Patient) => staysOf(p)[0];
    const arrivalVitals = (p: Patient) => {
      const s = firstStay(p);
      return s && p.vital_signs.find((v) => v.facility === s.facility && v.hours_since_injury === s.arrive);
    };
    // Blood running on arrival (from a forward air evacuation) or started within 10 min of it (the card's
    // hours are rounded to the hundredth).
    const bloodSoon = (p: Patient) => {
      const s = firstStay(p)!;
      return given(p, /Transfusion of blood product/).some(
        (t) => (t.hours_since_injury ?? 0) <= s.arrive + 10 / 60 + 0.01,
      );
    };
    // Hypotensive from bleeding: not from a tension pneumothorax or a cord injury, and alive past the
    // 10 min in which blood would have started.
    const bledToHypotension = battle.filter((p) => {
      const s = firstStay(p);
      const v = arrivalVitals(p);
      return (
        s !== undefined &&
        v !== undefined &&
        v.systolic_bp < 90 &&
        has(p, /major haemorrhage/) &&
        !has(p, /Tension pneumothorax|neurogenic/i) &&
        p.outcome.hours_since_injury > s.arrive + 0.2
      );
    });
    const withoutBlood = bledToHypotension.filter((p) => !bloodSoon(p));
    expect(withoutBlood.length).toBeGreaterThan(12);
    expect(ids(withoutBlood.filter((p) => given(p, crystalloid).length === 0))).toEqual([]);
    expect(bledToHypotension.filter((p) => bloodSoon(p) && given(p, crystalloid).length > 0)).toEqual([]);
    // Wherever it is given: at the first facility, not where blood runs within minutes, only in shock or,
    // with a brain injury, under 110 mmHg; it stops when blood starts or the casualty moves on.
    const all = battle.filter((p) => given(p, crystalloid).length > 0);
    const wrong = all.filter((p) => {
      const s = firstStay(p)!;
      const v = arrivalVitals(p)!;
      const [fluids] = given(p, crystalloid);
      const blood = given(p, /Transfusion of blood product/).find((t) => t.location === s.facility);
      const brainTarget = /110 mmHg/.test(fluids!.detail ?? '');
      return (
        fluids!.location !== s.facility ||
        bloodSoon(p) ||
        (brainTarget
          ? !p.conditions.some(brain) || v.systolic_bp >= 110
          : // TCCC's signs of shock: a weak radial pulse or a mind altered without a brain injury; a
            // quick pulse with a strong radial one gets no fluid.
            v.systolic_bp >= 90 && (p.conditions.some(brain) || v.gcs >= 14)) ||
        endOf(fluids!) > Math.min(s.leave, blood?.hours_since_injury ?? Number.POSITIVE_INFINITY) + 1 / 60
      );
    });
    expect(all.length).toBeGreaterThan(withoutBlood.length);
    expect(ids(wrong)).toEqual([]);
  });

  it('gives a bleeding casualty who will wait more than an hour for a facility TXA in the field, within 3 h of injury', () => {
    const waited = battle.filter((p) => {
      const first = staysOf(p)[0];
      return first !== undefined && first.arrive > 1.25 && given(p, /Tranexamic acid/).length > 0;
    });
    expect(waited.length).toBeGreaterThan(20);
    const txa = (p: Patient) => given(p, /Tranexamic acid/)[0]!;
    expect(ids(waited.filter((p) => txa(p).location !== 'POI'))).toEqual([]);
    expect(
      ids(battle.filter((p) => given(p, /Tranexamic acid/).some((t) => t.hours_since_injury! > 3))),
    ).toEqual([]);
  });

  it('keeps TXA for the casualty who may need a big transfusion: none for an open fracture of a limb that has not bled much', () => {
    const limbOnly = (c: Patient['conditions'][number]) =>
      c.iss_region === 'external' ||
      (/Open fracture|Fracture of forearm|Closed fracture|Gunshot wound/.test(c.name) &&
        /extremity/.test(c.body_region));
    const openFractureAlone = battle.filter(
      (p) => has(p, /Open fracture/) && p.conditions.every(limbOnly) && p.vital_signs.length > 0,
    );
    expect(openFractureAlone.length).toBeGreaterThan(50);
    expect(ids(openFractureAlone.filter((p) => given(p, /Tranexamic acid/).length > 0))).toEqual([]);
  });

  it('gives a moderate or severe brain injury TXA within 3 h of injury, bleeding or not', () => {
    const moderateOrWorse = (c: Patient['conditions'][number]) => brain(c) && (c.ais ?? 0) >= 3;
    const reachedCareInTime = battle.filter((p) => {
      const first = staysOf(p)[0];
      return p.conditions.some(moderateOrWorse) && first !== undefined && first.arrive < 2.5 && !died(p);
    });
    expect(reachedCareInTime.length).toBeGreaterThan(100);
    expect(ids(reachedCareInTime.filter((p) => given(p, /Tranexamic acid/).length === 0))).toEqual([]);
  });

  it('runs a major burn’s fluids by the urine output through its first two days, at every facility, and grafts a full-thickness burn at Role 4', () => {
    const majorBurns = battle.filter(
      (p) => given(p, /rule of ten/).length > 0 && p.treatments.some((t) => t.location !== 'POI'),
    );
    expect(majorBurns.length).toBeGreaterThan(20);
    // The catheter goes in at the first facility the fluids run in (they may have started in the field).
    const firstFacilityFluids = (p: Patient) =>
      given(p, /rule of ten|Burn resuscitation continued/).find((t) => t.location !== 'POI');
    const catheterFirst = (p: Patient) =>
      given(p, /Urinary catheter/).some((t) => t.location === firstFacilityFluids(p)?.location);
    expect(ids(majorBurns.filter((p) => !catheterFirst(p)))).toEqual([]);
    const gaps = majorBurns.filter((p) =>
      staysOf(p).some((s) => {
        const until = Math.min(s.leave, died(p) ? p.outcome.hours_since_injury : 48, 48);
        if (s.facility === 'Role4' || s.arrive + 0.1 >= until) return false;
        const fluids = given(p, /rule of ten|Burn resuscitation continued/).find(
          (t) => t.location === s.facility,
        );
        return fluids === undefined || endOf(fluids) < until - 0.05;
      }),
    );
    expect(ids(gaps)).toEqual([]);
    const fullThickness = battle.filter(
      (p) => has(p, /Full thickness burn/) && p.final_status === 'Remains_Role4',
    );
    expect(fullThickness.length).toBeGreaterThan(10);
    const grafted = (p: Patient) =>
      given(p, /Excision of the full-thickness burns/).filter((t) => t.location === 'Role4');
    expect(ids(fullThickness.filter((p) => grafted(p).length !== 1))).toEqual([]);
  });

  it('holds a carotid bleed with a balloon and a groin bleed with a junctional tourniquet until the surgeon', () => {
    // Alive 10 minutes after reaching the first facility, where the tamponade goes on at 5.
    const arrival = (p: Patient) => p.vital_signs.find((v) => v.facility !== 'POI')?.hours_since_injury;
    const reached = battle.filter(
      (p) =>
        arrival(p) !== undefined &&
        (p.final_status !== 'KIA' || p.outcome.hours_since_injury > (arrival(p) ?? 0) + 10 / 60),
    );
    const neck = reached.filter((p) => has(p, /neck \(carotid\)/));
    const groin = reached.filter((p) => has(p, /groin \(junctional\)/) && !has(p, /neck \(carotid\)/));
    expect(neck.length).toBeGreaterThan(15);
    expect(groin.length).toBeGreaterThan(15);
    expect(ids(neck.filter((p) => given(p, /Balloon tamponade of the neck wound/).length !== 1))).toEqual([]);
    expect(ids(groin.filter((p) => given(p, /Junctional tourniquet/).length !== 1))).toEqual([]);
  });

  it('records no care after the card ends, even for a casualty held in the field for days', () => {
    const ended = battle.filter((p) => p.final_status !== 'Remains_Role4');
    const late = ended.filter((p) =>
      p.treatments.some((t) => (t.hours_since_injury ?? 0) > p.outcome.hours_since_injury + 0.01),
    );
    expect(ended.length).toBeGreaterThan(3000);
    expect(ids(late)).toEqual([]);
  });

  it('covers a penetrating eye injury with a rigid shield in the field', () => {
    const eyes = battle.filter(
      (p) => has(p, /penetrating eye injury/) && p.vital_signs.length > 0 && !died(p),
    );
    expect(eyes.length).toBeGreaterThan(50);
    expect(ids(eyes.filter((p) => given(p, /Rigid eye shield/).length !== 1))).toEqual([]);
  });

  it('has the ophthalmic surgeon repair a penetrating eye injury at Role 3', () => {
    const eyes = battle.filter((p) => {
      const r3 = staysOf(p).find((s) => s.facility === 'Role3');
      return (
        has(p, /penetrating eye injury/) &&
        r3 !== undefined &&
        Math.min(r3.leave, p.outcome.hours_since_injury) > r3.arrive + 3
      );
    });
    expect(eyes.length).toBeGreaterThan(20);
    const repaired = (p: Patient) =>
      given(p, /primary repair of the open globe/).some((t) => t.location === 'Role3');
    expect(ids(eyes.filter((p) => !repaired(p)))).toEqual([]);
    expect(ids(battle.filter((p) => repaired(p) && !has(p, /penetrating eye injury/)))).toEqual([]);
    // The repair's antibiotic is the one that reaches the inside of the eye, started there if the field gave another.
    const repairs = eyes.flatMap((p) => given(p, /primary repair of the open globe/));
    expect(repairs.filter((t) => !/moxifloxacin 400 mg IV or PO/.test(t.detail ?? ''))).toEqual([]);
    expect(repairs.filter((t) => /continued/.test(t.detail ?? ''))).toEqual([]);
  });

  it('splints every long-bone fracture and binds every broken pelvis in the field', () => {
    const reached = battle.filter((p) => p.final_status_detail !== 'KIA');
    const longBone = reached.filter((p) => has(p, /fracture of (forearm|humerus|tibia|femur)/i));
    const pelvis = reached.filter((p) => has(p, /Fracture of pelvis/));
    expect(longBone.length).toBeGreaterThan(200);
    expect(pelvis.length).toBeGreaterThan(20);
    expect(ids(longBone.filter((p) => given(p, /Application of splint/).length === 0))).toEqual([]);
    expect(ids(pelvis.filter((p) => given(p, /Pelvic binder/).length === 0))).toEqual([]);
    const femurs = longBone.filter((p) => has(p, /fracture of femur/i));
    expect(femurs.every((p) => given(p, /Femur splinted/).length === 1)).toBe(true);
  });

  it('lets no one bleed to death from a bound pelvis alone before the surgeon fixes it', () => {
    // Only the pelvis bleeds: the other wounds are ones the field dressing or the binder's splinting holds.
    const minor =
      /^(Fracture of pelvis|Open wound|Puncture wound|Fracture of rib|Concussion injury of brain|Bleeding|Shock)$/;
    const pelvisAlone = battle.filter(
      (p) => has(p, /Fracture of pelvis/) && p.conditions.every((c) => minor.test(c.name)),
    );
    expect(pelvisAlone.length).toBeGreaterThan(10);
    const operated = (p: Patient) => given(p, /Surgical procedure/).length > 0;
    const bledOut = pelvisAlone.filter((p) => died(p) && p.cause_of_death === 'Haemorrhage' && !operated(p));
    expect(ids(bledOut)).toEqual([]);
  });

  it('gives oxygen on arrival to the casualty short of it, and to the shocked, the unconscious and the head-injured', () => {
    const arrival = (p: Patient) => p.vital_signs[1]!;
    // Alive ten minutes after arriving, long enough for the mask to go on.
    const arrived = battle.filter(
      (p) =>
        p.vital_signs.length >= 2 &&
        arrival(p).facility !== 'POI' &&
        (!died(p) || p.outcome.hours_since_injury > arrival(p).hours_since_injury + 10 / 60),
    );
    const oxygen = (p: Patient) => given(p, /Oxygen therapy/);
    const hypoxic = arrived.filter((p) => arrival(p).spo2 < 94);
    expect(hypoxic.length).toBeGreaterThan(100);
    expect(ids(hypoxic.filter((p) => oxygen(p).length !== 1))).toEqual([]);
    const shocked = (p: Patient) => arrival(p).systolic_bp < 90 || arrival(p).heart_rate > 120;
    const critical = arrived.filter(
      (p) => shocked(p) || arrival(p).gcs <= 8 || has(p, /Traumatic brain injury/),
    );
    expect(critical.length).toBeGreaterThan(100);
    expect(ids(critical.filter((p) => oxygen(p).length !== 1))).toEqual([]);
    // The critical start on the reservoir mask even when short of oxygen: nasal cannulae are for the
    // stable casualty titrated to a target.
    const criticalAndShort = critical.filter((p) => arrival(p).spo2 < 94);
    expect(criticalAndShort.length).toBeGreaterThan(50);
    expect(ids(criticalAndShort.filter((p) => !/reservoir mask/.test(oxygen(p)[0]?.detail ?? '')))).toEqual(
      [],
    );
    // Oxygen goes on at the first facility, before anyone is intubated.
    const intubated = arrived.filter((p) => given(p, /endotracheal/).length > 0 && oxygen(p).length > 0);
    expect(intubated.length).toBeGreaterThan(20);
    expect(
      ids(
        intubated.filter(
          (p) => oxygen(p)[0]!.hours_since_injury! > given(p, /endotracheal/)[0]!.hours_since_injury!,
        ),
      ),
    ).toEqual([]);
    // A casualty well saturated, awake and not bleeding out gets none.
    const well = arrived.filter(
      (p) => arrival(p).spo2 >= 97 && arrival(p).gcs === 15 && !inShock(p) && p.injury_severity_score < 9,
    );
    expect(well.length).toBeGreaterThan(100);
    expect(ids(well.filter((p) => oxygen(p).length > 0))).toEqual([]);
  });

  it('keeps a broken neck in line: no recovery position, motion restricted after blunt or blast injury but not a gunshot alone', () => {
    const cervical = battle.filter((p) => has(p, /Spinal cord injury cervical/) && !died(p));
    expect(cervical.length).toBeGreaterThan(30);
    expect(
      ids(
        cervical.filter((p) =>
          given(p, /recovery position/).some((t) => !/no recovery/.test(t.detail ?? '')),
        ),
      ),
    ).toEqual([]);
    const restricted = (p: Patient) => given(p, /Spinal motion restriction/).length > 0;
    const shot = cervical.filter((p) => p.mechanism === 'gunshot');
    const blunt = cervical.filter((p) => p.mechanism !== 'gunshot');
    expect(shot.length).toBeGreaterThan(5);
    expect(blunt.length).toBeGreaterThan(5);
    expect(ids(shot.filter(restricted))).toEqual([]);
    expect(ids(blunt.filter((p) => !restricted(p)))).toEqual([]);
  });

  it('shows an awake casualty with a threatened airway breathing fast, never slowly: slow breathing is for the unconscious', () => {
    const charts = battle.flatMap((p) => p.vital_signs.map((v) => ({ p, v })));
    const awakeAndSlow = charts.filter(({ v }) => v.gcs >= 13 && v.respiratory_rate < 10);
    expect(ids([...new Set(awakeAndSlow.map(({ p }) => p))])).toEqual([]);
    const neck = battle.filter((p) => has(p, /Injury of artery neck/) && (p.vital_signs[0]?.gcs ?? 0) >= 13);
    expect(neck.length).toBeGreaterThan(20);
    expect(neck.filter((p) => p.vital_signs[0]!.respiratory_rate > 20).length).toBeGreaterThan(
      neck.length / 2,
    );
  });

  it('lets an awake casualty with a bleeding neck sit up to keep the airway clear, and rolls only the unconscious', () => {
    const airway = (p: Patient) => given(p, /Nasopharyngeal airway/)[0];
    const neck = battle.filter((p) => has(p, /Injury of artery neck/) && airway(p) !== undefined);
    const awake = neck.filter(
      (p) => p.vital_signs[0]!.gcs >= 13 && !has(p, /Traumatic brain injury severe|critical/),
    );
    expect(awake.length).toBeGreaterThan(10);
    expect(ids(awake.filter((p) => !/sit up/.test(airway(p)!.detail ?? '')))).toEqual([]);
    const rolled = battle.filter(
      (p) =>
        /recovery position/.test(airway(p)?.detail ?? '') && !/no recovery/.test(airway(p)?.detail ?? ''),
    );
    expect(rolled.length).toBeGreaterThan(20);
    expect(ids(rolled.filter((p) => p.vital_signs[0]!.gcs >= 13))).toEqual([]);
  });

  it('shows neurogenic shock in about a fifth of cervical cord injuries: low pressure, no racing pulse, raised with a vasopressor', () => {
    const cervical = battle.filter((p) => has(p, /Spinal cord injury cervical/));
    const neurogenic = cervical.filter((p) => has(p, /Shock .*neurogenic/));
    expect(neurogenic.length / cervical.length).toBeGreaterThan(0.1);
    expect(neurogenic.length / cervical.length).toBeLessThan(0.3);
    // Guly 2008: systolic under 100 with a pulse under 80, where blood loss does not drive the pulse up.
    const pure = neurogenic.filter((p) => !has(p, /haemorrhagic/) && p.vital_signs.length > 0);
    expect(pure.length).toBeGreaterThan(3);
    expect(
      ids(pure.filter((p) => p.vital_signs[0]!.systolic_bp >= 100 || p.vital_signs[0]!.heart_rate >= 80)),
    ).toEqual([]);
    const reached = pure.filter((p) => !died(p));
    expect(ids(reached.filter((p) => given(p, /noradrenaline/).length !== 1))).toEqual([]);
    expect(
      ids(cervical.filter((p) => !neurogenic.includes(p) && given(p, /noradrenaline/).length > 0)),
    ).toEqual([]);
  });

  it('lets a moderate injury that arrived without bleeding die only days later, of a complication with a name', () => {
    const arrival = (p: Patient) =>
      p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI');
    const moderate = battle.filter(
      (p) =>
        p.final_status_detail === 'DOW' &&
        p.injury_severity_score < 16 &&
        !has(p, /Bleeding|Traumatic brain injury (severe|critical)|burn/i),
    );
    expect(moderate.length).toBeGreaterThan(3);
    const early = moderate.filter(
      (p) => p.outcome.hours_since_injury - (arrival(p)?.hours_since_injury ?? 0) < 48,
    );
    expect(ids(early)).toEqual([]);
    const unnamed = moderate.filter(
      (p) => !/Pulmonary embolism|Sepsis|Hospital-acquired pneumonia/.test(p.cause_of_death ?? ''),
    );
    expect(ids(unnamed)).toEqual([]);
  });

  it('x-rays a broken limb or pelvis at Role 2 before operating on it', () => {
    const broken = battle.filter(
      (p) =>
        has(p, /fracture of (forearm|humerus|tibia|femur)|Fracture of pelvis/i) &&
        staysOf(p).some((s) => s.facility === 'Role2' && s.leave - s.arrive > 0.5),
    );
    expect(broken.length).toBeGreaterThan(100);
    expect(ids(broken.filter((p) => given(p, /Plain radiography/).length !== 1))).toEqual([]);
    const operatedAfter = broken.filter((p) => {
      const film = given(p, /Plain radiography/)[0];
      const fixation = given(p, /External fixation/)[0];
      return film && fixation && film.hours_since_injury! > fixation.hours_since_injury!;
    });
    expect(ids(operatedAfter)).toEqual([]);
  });

  it('relieves the pain of an awake casualty on arrival: fentanyl, or ketamine in shock', () => {
    const arrival = (p: Patient) => p.vital_signs[1];
    const awake = battle.filter((p) => {
      const v = arrival(p);
      return (
        v !== undefined &&
        v.facility !== 'POI' &&
        v.gcs >= 13 &&
        p.injury_severity_score >= 9 &&
        p.conditions.some((c) => (c.ais ?? 0) >= 2 && !brain(c)) &&
        !died(p) &&
        given(p, /endotracheal|cricothyroidotomy tube checked/).length === 0
      );
    });
    expect(awake.length).toBeGreaterThan(200);
    const iv = (p: Patient) => given(p, /IV for pain|micrograms IV/);
    expect(ids(awake.filter((p) => iv(p).length !== 1))).toEqual([]);
    const shocked = awake.filter((p) => arrival(p)!.systolic_bp < 90 || arrival(p)!.heart_rate > 120);
    expect(shocked.length).toBeGreaterThan(10);
    expect(ids(shocked.filter((p) => !/^Ketamine/.test(iv(p)[0]?.detail ?? '')))).toEqual([]);
  });

  // The head-injured, as the neurosurgeon reads them.
  const reachedAlive = (p: Patient, facility: string, hours: number) =>
    staysOf(p).some(
      (s) => s.facility === facility && (!died(p) || p.outcome.hours_since_injury >= s.arrive + hours),
    );
  const firstFacility = (p: Patient) => staysOf(p)[0]?.facility;

  it('writes one brain injury per card: no concussion beside a graver injury of the same brain', () => {
    expect(battle.filter((p) => p.conditions.some(brain)).length).toBeGreaterThan(500);
    expect(ids(battle.filter((p) => p.conditions.filter(brain).length > 1))).toEqual([]);
  });

  it('gives a brain injury with nothing else that hurts no opioid and no ketamine, in the field or on arrival', () => {
    const brainOnly = battle.filter(
      (p) => p.conditions.some(brain) && p.conditions.every((c) => brain(c) || (c.ais ?? 0) < 2),
    );
    expect(brainOnly.length).toBeGreaterThan(100);
    expect(ids(brainOnly.filter((p) => given(p, /ketamine|fentanyl/i).length > 0))).toEqual([]);
  });

  it('screens a casualty concussed in battle with the MACE 2 where first seen, and sends none back within 24 h', () => {
    const concussed = battle.filter(
      (p) =>
        has(p, /Concussion/) &&
        p.conditions.every((c) => (c.ais ?? 0) <= 2) &&
        firstFacility(p) !== undefined &&
        !died(p),
    );
    expect(concussed.length).toBeGreaterThan(50);
    const screen = (p: Patient) => given(p, /MACE 2/)[0];
    expect(ids(concussed.filter((p) => screen(p)?.location !== firstFacility(p)))).toEqual([]);
    const backToDuty = concussed.filter((p) => p.outcome.category === 'RTD');
    expect(backToDuty.length).toBeGreaterThan(20);
    expect(
      ids(backToDuty.filter((p) => p.outcome.hours_since_injury < (screen(p)?.hours_since_injury ?? 0) + 24)),
    ).toEqual([]);
  });

  it('keeps a concussion alone out of hospital: rested at Role 1 and back to duty from there, its GCS of 15 charted before it goes', () => {
    const concussionAlone = battle.filter(
      (p) => p.conditions.every((c) => /Concussion/.test(c.name)) && p.outcome.category === 'RTD',
    );
    expect(concussionAlone.length).toBeGreaterThan(50);
    // Not to a hospital bed (a surgeon's ward, a physiotherapist) for a screen and a day's rest.
    expect(ids(concussionAlone.filter((p) => staysOf(p).some((s) => s.facility !== 'Role1')))).toEqual([]);
    const lastChart = (p: Patient) => p.vital_signs.at(-1)!;
    expect(ids(concussionAlone.filter((p) => lastChart(p).gcs < 15))).toEqual([]);
    const confusedOnArrival = concussionAlone.filter((p) =>
      p.vital_signs.some((v) => v.facility === 'Role1' && v.gcs < 15),
    );
    expect(confusedOnArrival.length).toBeGreaterThan(20);
  });

  it('watches a moderate or severe brain injury from the first facility on: GCS and pupils, oxygen and pressure', () => {
    const headInjured = battle.filter(
      (p) =>
        has(p, /Traumatic brain injury (moderate|severe|critical)|penetrating brain injury/) &&
        firstFacility(p) !== undefined &&
        reachedAlive(p, firstFacility(p)!, 0.2),
    );
    expect(headInjured.length).toBeGreaterThan(50);
    const watched = (p: Patient) => given(p, /Neurological observations/)[0]?.location === firstFacility(p);
    expect(ids(headInjured.filter((p) => !watched(p)))).toEqual([]);
  });

  it('moves a brain injury on from Role 2 to the neurosurgeon by its precedence: severe within 2 h, moderate within 5 h', () => {
    const operatedAtRole2 = (p: Patient) =>
      p.treatments.some(
        (t) =>
          t.location === 'Role2' && /Surgical procedure|Laparotomy|Amputation|Debridement/.test(t.treatment),
      );
    const passedThrough = runs.default.filter(
      (p) =>
        p.injury_type === 'BATTLE_TRAUMA' &&
        !operatedAtRole2(p) &&
        staysOf(p).some((s) => s.facility === 'Role2' && Number.isFinite(s.leave)) &&
        staysOf(p).some((s) => s.facility === 'Role3'),
    );
    const heldAtRole2 = (p: Patient) => {
      const s = staysOf(p).find((x) => x.facility === 'Role2')!;
      return s.leave - s.arrive;
    };
    const severe = passedThrough.filter((p) =>
      has(p, /Traumatic brain injury (severe|critical)|penetrating brain/),
    );
    const moderate = passedThrough.filter((p) => has(p, /Traumatic brain injury moderate/));
    expect(severe.length).toBeGreaterThan(10);
    expect(moderate.length).toBeGreaterThan(10);
    expect(ids(severe.filter((p) => heldAtRole2(p) > 2.01))).toEqual([]);
    expect(ids(moderate.filter((p) => heldAtRole2(p) > 5.01))).toEqual([]);
  });

  it('treats a brain herniating at a facility when its chart shows Cushing’s response: hypertonic saline, head up, a brief hyperventilation', () => {
    const herniationCare = /Signs of herniation.*hypertonic saline 3 % 250 ml/;
    const cushing = (v: Patient['vital_signs'][number]) => v.heart_rate < 60 && v.systolic_bp > 160;
    // Charted at a facility, not on the way on from it (where the chart keeps the facility's name).
    const herniating = battle.filter((p) => {
      const last = p.vital_signs[p.vital_signs.length - 1];
      const stay = last && staysOf(p).find((s) => s.facility === last.facility);
      return (
        p.cause_of_death === 'Traumatic brain injury' &&
        stay !== undefined &&
        last!.hours_since_injury < stay.leave &&
        cushing(last!)
      );
    });
    expect(herniating.length).toBeGreaterThan(20);
    const treatedAfterChart = (p: Patient) => {
      const last = p.vital_signs[p.vital_signs.length - 1]!;
      return given(p, herniationCare).some(
        (t) => t.location === last.facility && (t.hours_since_injury ?? 0) >= last.hours_since_injury,
      );
    };
    expect(ids(herniating.filter((p) => !treatedAfterChart(p)))).toEqual([]);
    const treated = battle.filter((p) => given(p, herniationCare).length > 0);
    expect(ids(treated.filter((p) => !herniating.includes(p)))).toEqual([]);
  });

  it('starts seven days of levetiracetam at Role 3 for a moderate or severe brain injury, and a neurosurgeon sees the moderate one with its CT', () => {
    const atRole3 = battle.filter(
      (p) =>
        has(p, /Traumatic brain injury (moderate|severe|critical)|penetrating brain injury/) &&
        reachedAlive(p, 'Role3', 1),
    );
    expect(atRole3.length).toBeGreaterThan(20);
    const levetiracetam = (p: Patient) =>
      given(p, /Levetiracetam.*7 days/).some((t) => t.location === 'Role3');
    expect(ids(atRole3.filter((p) => !levetiracetam(p)))).toEqual([]);
    const moderate = atRole3.filter((p) => has(p, /Traumatic brain injury moderate/));
    expect(moderate.length).toBeGreaterThan(10);
    expect(
      ids(moderate.filter((p) => given(p, /Neurosurgical assessment with the head CT/).length === 0)),
    ).toEqual([]);
  });

  it('writes a ventilated casualty’s later charts as sedated: GCS 3, the ventilator’s breathing rate', () => {
    const intubated = battle.filter((p) => !died(p) && given(p, /endotracheal/).length > 0);
    expect(intubated.length).toBeGreaterThan(30);
    const tubeAt = (p: Patient) => given(p, /endotracheal/)[0]!.hours_since_injury!;
    const after = intubated.flatMap((p) =>
      p.vital_signs.filter((v) => v.hours_since_injury > tubeAt(p)).map((v) => [p, v] as const),
    );
    expect(after.length).toBeGreaterThan(30);
    expect(ids(after.filter(([, v]) => v.gcs !== 3 || v.respiratory_rate > 16).map(([p]) => p))).toEqual([]);
    // Dying on the ventilator: still sedated, still at its rate; the pulse and the pressure show the end.
    const diedVentilated = battle.filter(
      (p) =>
        died(p) &&
        given(p, /endotracheal/).length > 0 &&
        p.vital_signs.at(-1)!.hours_since_injury > tubeAt(p) + 0.1,
    );
    expect(diedVentilated.length).toBeGreaterThan(10);
    const lastChart = (p: Patient) => p.vital_signs.at(-1)!;
    expect(
      ids(diedVentilated.filter((p) => lastChart(p).gcs !== 3 || lastChart(p).respiratory_rate > 16)),
    ).toEqual([]);
  });

  it('takes a serious open wound held at Role 3 for days back to theatre every two days, not leaving it for a week', () => {
    const held = battle.filter((p) => {
      const r3 = staysOf(p).find((s) => s.facility === 'Role3');
      return (
        !died(p) &&
        r3 !== undefined &&
        r3.leave - r3.arrive > 120 &&
        given(p, /Second-look debridement/).length === 1
      );
    });
    expect(held.length).toBeGreaterThan(10);
    const gaps = held.filter((p) => {
      const r3 = staysOf(p).find((s) => s.facility === 'Role3')!;
      const visits = given(p, /Debridement/)
        .filter((t) => t.location === 'Role3')
        .map((t) => t.hours_since_injury!);
      // Within the first week at Role 3, no more than 48 h pass between visits to theatre.
      const week = visits.filter((h) => h < r3.arrive + 24 + 3 * 48 + 1);
      return week.length < Math.min(4, 1 + Math.floor((r3.leave - 2 - r3.arrive - 24) / 48));
    });
    expect(ids(gaps)).toEqual([]);
  });

  it('gives every facility a casualty stays at some care of its own: no empty hours at Role 2 or 3', () => {
    const survivors = battle.filter(
      (p) => p.final_status_detail === 'RTD' || p.final_status === 'Remains_Role4',
    );
    const idle = survivors.filter((p) =>
      staysOf(p).some(
        (s) =>
          (s.facility === 'Role2' || s.facility === 'Role3') &&
          !p.treatments.some((t) => t.location === s.facility),
      ),
    );
    expect(survivors.length).toBeGreaterThan(1000);
    expect(ids(idle)).toEqual([]);
  });

  it('writes the hours a casualty waits at Role 2 after the operation or the splint for the next move, not a blank of six hours or more', () => {
    const waitedAtRole2 = [...runs.default, ...runs.lsco].filter(
      (p) =>
        p.injury_type !== 'DISEASE' &&
        !p.treatments.some((t) => /Clinical assessment: history/.test(t.detail ?? '')),
    );
    const blank = waitedAtRole2.filter((p) =>
      staysOf(p).some((s) => {
        if (s.facility !== 'Role2' || !Number.isFinite(s.leave) || p.outcome.hours_since_injury < s.leave)
          return false;
        let covered = s.arrive;
        let gap = 0;
        const items = p.treatments
          .filter((t) => t.location === 'Role2')
          .sort((a, b) => (a.hours_since_injury ?? 0) - (b.hours_since_injury ?? 0));
        for (const t of items) {
          gap = Math.max(gap, (t.hours_since_injury ?? 0) - covered);
          covered = Math.max(covered, endOf(t));
        }
        return Math.max(gap, s.leave - covered) >= 6;
      }),
    );
    expect(ids(blank)).toEqual([]);
    expect(
      waitedAtRole2.filter((p) => given(p, /Post-operative recovery|Held for the move/).length > 0).length,
    ).toBeGreaterThan(200);
  });

  it('charts fresh observations at Role 4, days after Role 3: never the same five numbers, and no shock left once the surgeon has stopped the bleeding', () => {
    const chartAt = (p: Patient, f: string) => p.vital_signs.find((v) => v.facility === f);
    const both = battle.filter((p) => chartAt(p, 'Role3') && chartAt(p, 'Role4'));
    expect(both.length).toBeGreaterThan(500);
    const same = both.filter((p) => {
      const [a, b] = [chartAt(p, 'Role3')!, chartAt(p, 'Role4')!];
      return (
        a.heart_rate === b.heart_rate &&
        a.systolic_bp === b.systolic_bp &&
        a.respiratory_rate === b.respiratory_rate &&
        a.temperature === b.temperature
      );
    });
    expect(same.length).toBeLessThan(both.length * 0.02);
    // Blood lost before the surgeon is replaced in intensive care: no racing pulse from it days later.
    const bledAndLived = both.filter((p) => !died(p) && has(p, /Bleeding/));
    expect(bledAndLived.length).toBeGreaterThan(100);
    const stillShocked = bledAndLived.filter((p) => {
      const v = chartAt(p, 'Role4')!;
      return v.systolic_bp < 90 || v.heart_rate > 110;
    });
    expect(ids(stillShocked)).toEqual([]);
  });

  it('shows care working in the vital signs: pain eases, the cold casualty rewarms, a bruised brain wakes', () => {
    const flown = battle.filter((p) => p.final_status === 'Remains_Role4' && p.vital_signs.length >= 3);
    const first = (p: Patient) => p.vital_signs[1]!;
    const last = (p: Patient) => p.vital_signs.at(-1)!;
    const calmer = flown.filter((p) => last(p).heart_rate < first(p).heart_rate);
    expect(calmer.length / flown.length).toBeGreaterThan(0.5);
    const cold = flown.filter((p) => first(p).temperature < 36);
    expect(cold.length).toBeGreaterThan(10);
    expect(ids(cold.filter((p) => last(p).temperature < 36))).toEqual([]);
    // A casualty intubated for the airway is sedated: the brain's waking shows only in those who breathe alone.
    const moderateTbi = flown.filter(
      (p) =>
        has(p, /Traumatic brain injury moderate/) &&
        last(p).hours_since_injury > 48 &&
        given(p, /endotracheal/).length === 0,
    );
    expect(moderateTbi.length).toBeGreaterThan(10);
    expect(ids(moderateTbi.filter((p) => last(p).gcs <= first(p).gcs))).toEqual([]);
  });
});

describe('a soldier pulled from a collapsed building, read by a trauma surgeon', () => {
  // The expectant (T4) are made comfortable instead (below); a crushed arm alone is watched, not flooded.
  const everyone = run('urban_assault', 10_000, 'collapse');
  const crushed = everyone.filter(
    (p) =>
      p.conditions.some((c) => c.name === 'Crushing injury' && c.body_region === 'Lower extremity') &&
      !has(p, /unsurvivable/) &&
      p.nato_triage !== 'T4',
  );
  // Alive a quarter of an hour into the first facility's care.
  const reachedFacility = (p: Patient) => {
    const arrival = p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI');
    return arrival !== undefined && p.outcome.hours_since_injury > arrival.hours_since_injury + 0.25;
  };
  const reached = crushed.filter(reachedFacility);
  const ids = (ps: Patient[]) => ps.map((p) => p.id);

  it('treats a crushed limb for the crush syndrome it threatens: fluids from the release, the urine measured, the potassium and the heart watched', () => {
    expect(reached.length).toBeGreaterThan(50);
    const firstFacility = (p: Patient) => p.treatments.find((t) => t.location !== 'POI')!.location;
    expect(
      ids(reached.filter((p) => given(p, /IV\/IO access and sodium chloride 0.9 % 1 l\/h/).length !== 1)),
    ).toEqual([]);
    const prevention = (p: Patient) =>
      given(p, /Crush syndrome prevention/).filter((t) => t.location === firstFacility(p));
    expect(ids(reached.filter((p) => prevention(p).length !== 1))).toEqual([]);
    expect(ids(reached.filter((p) => !/urine output/.test(prevention(p)[0]?.detail ?? '')))).toEqual([]);
    // The laboratory where there is one: Role 2 or 3, never Role 1.
    const tested = reached.filter((p) => given(p, /Creatine kinase/).length > 0);
    expect(tested.length).toBeGreaterThan(30);
    expect(
      ids(tested.filter((p) => given(p, /Creatine kinase/).some((t) => !/Role[23]/.test(t.location)))),
    ).toEqual([]);
  });

  it('watches a crushed arm alone for its compartments, without the crush syndrome’s fluids and catheter', () => {
    const arms = everyone.filter(
      (p) =>
        p.conditions.some((c) => c.name === 'Crushing injury' && c.body_region === 'Upper extremity') &&
        !p.conditions.some((c) => c.name === 'Crushing injury' && c.body_region !== 'Upper extremity') &&
        p.nato_triage !== 'T4' &&
        reachedFacility(p),
    );
    expect(arms.length).toBeGreaterThan(20);
    expect(ids(arms.filter((p) => given(p, /crush syndrome/i).length > 0))).toEqual([]);
    expect(
      ids(arms.filter((p) => given(p, /Crushed arm elevated; compartments checked/).length !== 1)),
    ).toEqual([]);
  });
});

describe('a casualty of a mass-casualty event triaged expectant, read by a trauma surgeon', () => {
  const population = run('mass_casualty', 12_000, 'expectant');
  const expectant = population.filter((p) => p.nato_triage === 'T4');
  // Triaged expectant by the first medic, with those who died before reaching care (their card says DEAD).
  const triagedExpectant = population.filter((p) =>
    given(p, /Mass-casualty triage: expectant \(T4\)/).some((t) => t.location === 'POI'),
  );

  it('writes the expectant category where it was given, and the re-triage before any facility treats the casualty as immediate', () => {
    expect(expectant.length).toBeGreaterThan(15);
    const triage = (p: Patient) => given(p, /^Triage/)[0];
    expect(
      expectant.filter((p) => !/expectant \(T4\)/.test(triage(p)?.detail ?? '')).map((p) => p.id),
    ).toEqual([]);
    // Alive long enough for the team to see them (a few die within minutes of the door).
    const treatedAtFacility = expectant.filter((p) => {
      const arrival = p.movement_timeline.find((e) => e.event_type === 'arrival' && e.facility !== 'POI');
      return arrival !== undefined && p.outcome.hours_since_injury > arrival.hours_since_injury + 0.1;
    });
    expect(treatedAtFacility.length).toBeGreaterThan(10);
    const firstFacilityItem = (p: Patient) => p.treatments.find((t) => t.location !== 'POI')!;
    expect(
      treatedAtFacility
        .filter(
          (p) =>
            !/Re-triaged on arrival( as immediate|: still expectant)/.test(firstFacilityItem(p).detail ?? ''),
        )
        .map((p) => p.id),
    ).toEqual([]);
  });

  it('abbreviates every laparotomy of a mass-casualty event to damage control, to reach the next casualty sooner', () => {
    const laparotomy = /Damage-control laparotomy|Exploratory laparotomy/;
    const opened = population.filter((p) => p.mass_casualty && given(p, laparotomy).length > 0);
    expect(opened.length).toBeGreaterThan(30);
    expect(opened.filter((p) => given(p, /Exploratory laparotomy/).length > 0).map((p) => p.id)).toEqual([]);
  });

  it('gives the expectant comfort care, not the immediate’s interventions, and treats as immediate only those upgraded at the re-triage', () => {
    const fieldIntervention =
      /Tranexamic|Antibiotic therapy|Needle decompression|chest seal|splint|Pelvic binder|Field dressing/i;
    expect(
      triagedExpectant.filter((p) => p.final_status === 'KIA' && p.nato_triage === 'DEAD').length,
    ).toBeGreaterThan(3);
    expect(
      triagedExpectant
        .filter((p) =>
          p.treatments.some(
            (t) => t.location === 'POI' && fieldIntervention.test(`${t.treatment} ${t.detail}`),
          ),
        )
        .map((p) => p.id),
    ).toEqual([]);
    const stillExpectant = expectant.filter((p) => given(p, /still expectant/).length > 0);
    const upgraded = expectant.filter((p) => given(p, /Re-triaged on arrival as immediate/).length > 0);
    expect(stillExpectant.length).toBeGreaterThan(3);
    expect(upgraded.length).toBeGreaterThan(3);
    // Kept expectant to the end: comfort care at every facility until death, no tube and no ventilator on the chart.
    expect(stillExpectant.filter((p) => p.final_status !== 'KIA').map((p) => p.id)).toEqual([]);
    expect(
      stillExpectant
        .filter((p) =>
          p.treatments.some(
            (t) => t.location !== 'POI' && !/expectant|Tourniquet converted/.test(t.detail ?? ''),
          ),
        )
        .map((p) => p.id),
    ).toEqual([]);
    const charts = stillExpectant.flatMap((p) => p.vital_signs.filter((v) => v.facility !== 'POI'));
    expect(
      charts.filter(
        (v) => v.gcs === 3 && v.respiratory_rate >= 13 && v.respiratory_rate <= 15 && v.spo2 >= 96,
      ).length,
    ).toBeLessThan(charts.length);
  });
});
