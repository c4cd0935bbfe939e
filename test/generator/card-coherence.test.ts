import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  getPreset,
  type Patient,
  parseScenario,
} from '../../src/generator/index.js';

/** Patients of a scenario given as a client would send it. */
function run(config: unknown, count: number, seed: string): Patient[] {
  const r = parseScenario(config);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return [...generatePatients(r.scenario, { seed, count })];
}

const qualifier = (p: Patient): string => p.conditions[0]?.qualifier ?? '';

let defaultCards: Patient[] | undefined;
/**
 * 10,000 patients of the default scenario, generated once for every test here that reads the default
 * scenario's cards (drawing a population per test cost seconds and tested nothing more).
 */
function defaultScenarioCards(): Patient[] {
  defaultCards ??= [...generatePatients(DEFAULT_SCENARIO, { seed: 'card coherence', count: 10_000 })];
  return defaultCards;
}

describe('a card read as a whole', () => {
  const hot = run(
    {
      injury_mix: { 'Battle Injury': 0.02, 'Non-Battle Injury': 0.9, Disease: 0.08 },
      environmental_conditions: { extreme_heat: true },
      days_of_fighting: 10,
    },
    20_000,
    'heat-stroke',
  );
  const heatStroke = hot.filter((p) => /heat stroke/.test(qualifier(p)));

  it('cools heat stroke where it fell and on arrival down to 39 °C, not only gives fluids', () => {
    expect(heatStroke.length).toBeGreaterThan(100);
    const cooled = (p: Patient) =>
      p.treatments.some((t) => /Cooled where found/.test(t.detail ?? '')) &&
      p.treatments.some((t) =>
        /Cold-water immersion|below 39 °C after the field's cooling/.test(t.detail ?? ''),
      );
    expect(heatStroke.filter((p) => !cooled(p)).map((p) => p.id)).toEqual([]);
  });

  it('writes heat stroke, not its general concept "Fever", as the cause of a heat-stroke death', () => {
    const dead = heatStroke.filter((p) => p.final_status === 'KIA');
    expect(dead.length).toBeGreaterThan(0);
    expect(new Set(dead.map((p) => p.cause_of_death))).toEqual(new Set(['Exertional heat stroke']));
  });

  it('calls a death from disease or non-battle injury a non-battle death, never killed in action or died of wounds', () => {
    const dead = hot.filter((p) => p.final_status === 'KIA');
    const nonBattle = dead.filter((p) => p.injury_type !== 'BATTLE_TRAUMA');
    expect(nonBattle.length).toBeGreaterThan(20);
    expect(new Set(nonBattle.map((p) => p.final_status_detail))).toEqual(new Set(['NON_BATTLE_DEATH']));
    expect(new Set(nonBattle.map((p) => p.outcome.category))).toEqual(new Set(['NON_BATTLE_DEATH']));
    const battle = dead.filter((p) => p.injury_type === 'BATTLE_TRAUMA');
    expect(battle.length).toBeGreaterThan(0);
    expect(battle.every((p) => p.final_status_detail === 'KIA' || p.final_status_detail === 'DOW')).toBe(
      true,
    );
  });

  it('gives a penicillin-allergic casualty clindamycin for open wounds, never a penicillin or a cephalosporin', () => {
    const ps = defaultScenarioCards();
    const allergic = (p: Patient) => p.allergies.some((a) => a.code === '91936005');
    // The drug given for the wounds at a facility: the first word of the antibiotic therapy's detail (the
    // field's moxifloxacin or ertapenem is TCCC's, given whatever the allergy).
    const woundDrugs = (p: Patient) =>
      p.treatments
        .filter((t) => t.code === '281789004' && t.location !== 'POI' && /wound/.test(t.detail ?? ''))
        .map((t) => t.detail?.split(' ')[0]);
    const covered = ps.filter((p) => woundDrugs(p).length > 0);
    expect(covered.filter(allergic).length).toBeGreaterThan(20);
    // Back to duty from Role 1, the course is moxifloxacin by mouth, not a beta-lactam, whatever the allergy.
    const backFromRole1 = (p: Patient) => p.final_status === 'RTD' && p.last_facility === 'Role1';
    const ivDrugs = (ps: Patient[]) => new Set(ps.filter((p) => !backFromRole1(p)).flatMap(woundDrugs));
    expect(ivDrugs(covered.filter(allergic))).toEqual(new Set(['Clindamycin']));
    expect(ivDrugs(covered.filter((p) => !allergic(p)))).toEqual(new Set(['Cefazolin']));
    const oral = covered.filter(backFromRole1);
    expect(oral.length).toBeGreaterThan(20);
    expect(new Set(oral.flatMap(woundDrugs))).toEqual(new Set(['Moxifloxacin']));
  });

  it('gives paracetamol instead of an NSAID at sick call to a casualty on an SSRI, an ACE inhibitor or ibuprofen, with reflux or with asthma', () => {
    const ps = run(
      { injury_mix: { 'Battle Injury': 0, 'Non-Battle Injury': 0.4, Disease: 0.6 } },
      20_000,
      'nsaid',
    );
    const cautioned = (p: Patient) =>
      p.medications.some((m) => ['372594008', '386873009', '387207008'].includes(m.code)) ||
      p.comorbidities.some((c) => c.code === '235595009' || c.code === '195967001');
    // The regimens given for pain or fever: the details of "Administration of drug" naming an analgesic.
    const painRelief = (p: Patient) =>
      p.treatments
        .map((t) => t.detail ?? '')
        .filter((d) => /paracetamol|ibuprofen|naproxen|diclofenac/i.test(d));
    const nsaid = (d: string) => /ibuprofen|naproxen|diclofenac/i.test(d);
    const treated = ps.filter((p) => painRelief(p).length > 0);
    const withReason = treated.filter(cautioned);
    expect(withReason.length).toBeGreaterThan(50);
    expect(withReason.flatMap(painRelief).filter(nsaid)).toEqual([]);
    expect(
      withReason.flatMap(painRelief).some((d) => /NSAID withheld: (takes sertraline|asthma|gastro)/.test(d)),
    ).toBe(true);
    expect(
      withReason.flatMap(painRelief).some((d) => /NSAID withheld: takes lisinopril for hypertension/.test(d)),
    ).toBe(true);
    // Everyone else is given one of the usual first-line choices, most of them an NSAID.
    const others = treated.filter((p) => !cautioned(p)).flatMap(painRelief);
    expect(others.filter(nsaid).length / others.length).toBeGreaterThan(0.5);
    // (Or for a reason of the illness itself: sepsis, in the ill patient's card test.)
    expect(others.filter((d) => /NSAID withheld/.test(d) && !/suspected sepsis/.test(d))).toEqual([]);
  });

  it('gives battle casualties the TCCC analgesia for their state: ketamine in shock, fentanyl for severe pain, the pack otherwise', () => {
    const ps = defaultScenarioCards().filter((p) => p.injury_type === 'BATTLE_TRAUMA');
    // The analgesic: the field's first drug other than TXA.
    const fieldDrug = (p: Patient) =>
      p.treatments.find(
        (t) => t.location === 'POI' && t.code === '18629005' && !/^Tranexamic/.test(t.detail ?? ''),
      )?.detail ?? '';
    const shocked = ps.filter((p) => p.conditions.some((c) => c.code === '27942005'));
    const treatedInShock = shocked.filter((p) => fieldDrug(p) !== '');
    expect(treatedInShock.length).toBeGreaterThan(30);
    // Fentanyl worsens shock and breathing: a shocked card never carries it.
    expect(treatedInShock.every((p) => /^Ketamine/.test(fieldDrug(p)))).toBe(true);
    const severeNoShock = ps.filter(
      (p) => !shocked.includes(p) && p.injury_severity_score >= 9 && /Fentanyl/.test(fieldDrug(p)),
    );
    expect(severeNoShock.length).toBeGreaterThan(50);
    const minor = ps.filter((p) => p.injury_severity_score <= 4 && fieldDrug(p) !== '');
    expect(minor.length).toBeGreaterThan(50);
    expect(minor.every((p) => /paracetamol 1300 mg/i.test(fieldDrug(p)))).toBe(true);
    // Meloxicam is an NSAID: left out for a casualty on an SSRI or an ACE inhibitor, with reflux or with asthma.
    const cautioned = minor.filter(
      (p) =>
        p.medications.some((m) => ['372594008', '386873009', '387207008'].includes(m.code)) ||
        p.comorbidities.some((c) => c.code === '235595009' || c.code === '195967001'),
    );
    expect(cautioned.length).toBeGreaterThan(0);
    expect(cautioned.every((p) => /meloxicam withheld/.test(fieldDrug(p)))).toBe(true);
    // Nobody alive at first contact goes without pain relief unless unconscious or with an airway at risk.
    const untreated = ps.filter((p) => fieldDrug(p) === '' && p.final_status !== 'KIA');
    expect(untreated.length / ps.length).toBeLessThan(0.2);
  });

  it('has the first facility use latex-free equipment on a latex-allergic casualty, and only then', () => {
    const ps = defaultScenarioCards();
    const latex = (p: Patient) => p.allergies.some((a) => a.code === '300916003');
    const survey = (p: Patient) => p.treatments.find((t) => /^Primary survey/.test(t.detail ?? ''))?.detail;
    const surveyed = ps.filter((p) => survey(p) !== undefined);
    expect(surveyed.filter(latex).length).toBeGreaterThan(10);
    expect(surveyed.filter(latex).every((p) => /latex-free/.test(survey(p) ?? ''))).toBe(true);
    expect(surveyed.filter((p) => !latex(p)).some((p) => /latex-free/.test(survey(p) ?? ''))).toBe(false);
  });

  it('records asthma in the history of about half the casualties seen for an asthma attack, the rest first presentations', () => {
    const ps = run(
      { injury_mix: { 'Battle Injury': 0, 'Non-Battle Injury': 0, Disease: 1 } },
      20_000,
      'asthma',
    );
    const attacks = ps.filter((p) => p.conditions[0]?.code === '195967001');
    const known = attacks.filter((p) => p.comorbidities.some((c) => c.code === '195967001'));
    expect(attacks.length).toBeGreaterThan(100);
    expect(Math.abs(known.length / attacks.length - 0.5)).toBeLessThan(0.1);
  });

  it('writes nerve agent poisoning as the cause of a nerve-agent death', () => {
    const cbrn = run(getPreset('cbrn_incident')?.generation_config, 3000, 'nerve-agent');
    const dead = cbrn.filter((p) => /nerve agent/.test(qualifier(p)) && p.final_status === 'KIA');
    expect(dead.length).toBeGreaterThan(0);
    expect(new Set(dead.map((p) => p.cause_of_death))).toEqual(new Set(['Nerve agent poisoning']));
  });

  it('gives no blast lung and no penetrating wound to a casualty of blunt trauma (crash, fall, collapse)', () => {
    const blunt = defaultScenarioCards().filter(
      (p) => p.mechanism === 'other' || (p.injury_type === 'NON_BATTLE' && p.injury_severity_score > 0),
    );
    const contradicts = (p: Patient) =>
      p.conditions.some((c) => /blast|penetrating, hollow viscus/.test(c.qualifier ?? ''));
    const lungOrBowel = (p: Patient) => p.conditions.some((c) => /^(125667009|128069005)$/.test(c.code));
    expect(blunt.filter(lungOrBowel).length).toBeGreaterThan(5);
    expect(blunt.filter(contradicts).map((p) => p.conditions.map((c) => c.qualifier))).toEqual([]);
  });

  it('brings no frostbite in a temperate June, and still does in an arctic February', () => {
    const frostbite = (ps: Patient[]) => ps.filter((p) => p.conditions.some((c) => c.code === '370977006'));
    const june = defaultScenarioCards();
    expect(DEFAULT_SCENARIO.base_date.slice(5, 7)).toBe('06');
    expect(frostbite(june).map((p) => p.day)).toEqual([]);
    expect(
      frostbite(run(getPreset('arctic_operation')?.generation_config, 1500, 'february')).length,
    ).toBeGreaterThan(20);
  });

  it('names a serious non-battle injury a crash or a fall, never a sick-call presentation', () => {
    const ps = defaultScenarioCards();
    // Serious non-battle trauma goes through the injury model: a medic triages it where it happened.
    const trauma = ps.filter(
      (p) =>
        p.injury_type === 'NON_BATTLE' &&
        p.treatments.some((t) => t.location === 'POI' && t.treatment === 'Triage'),
    );
    expect(trauma.length).toBeGreaterThan(20);
    expect(new Set(trauma.map((p) => p.event_type))).toEqual(new Set(['road_traffic_accident', 'fall']));
  });

  it('puts each unit in a formation that holds its kind, and names it as that kind of unit', () => {
    // A company is "2nd Company", a battery "1st Battery", a team "3rd Team", never "… Battalion".
    const misnamed = (u: string) => {
      const kind = /(company|battery|team) > /.exec(u)?.[1];
      return kind !== undefined && !u.endsWith(kind[0]!.toUpperCase() + kind.slice(1));
    };
    const ps = [
      ...defaultScenarioCards(),
      ...run(getPreset('maritime_operation')?.generation_config, 3000, 'units'),
    ];
    const misfits = ps
      .map((p) => `${p.unit.formation} > ${p.unit.unit_type} > ${p.unit.name}`)
      .filter(
        (u) =>
          /(Airborne|Light Infantry) Brigade > (Armoured|Mechanised)/.test(u) ||
          /(Mechanised|Armoured) Brigade > Infantry battalion/.test(u) ||
          /(Mine Countermeasures Group|Naval Base Command) > (Frigate|Destroyer|Amphibious)/.test(u) ||
          /Helicopter Wing > Fighter/.test(u) ||
          /Naval base > Hull/.test(u) ||
          misnamed(u),
      );
    expect(ps.some((p) => /Airborne Brigade/.test(p.unit.formation))).toBe(true);
    expect(ps.some((p) => /Mine Countermeasures Group/.test(p.unit.formation))).toBe(true);
    expect([...new Set(misfits)].slice(0, 5)).toEqual([]);
  });

  it('places a woman in a close-combat unit far less often than a man, as in the force the sex ratio comes from', () => {
    const ps = run(
      {
        injury_mix: { 'Battle Injury': 0.8, 'Non-Battle Injury': 0.1, Disease: 0.1 },
        front_configs: [
          {
            id: 'f',
            name: 'Land',
            casualty_rate: 1,
            nationality_distribution: [{ nationality_code: 'HUN', percentage: 100 }],
          },
        ],
      },
      12_000,
      'women-units',
    ).filter((p) => p.injury_type === 'BATTLE_TRAUMA');
    const closeCombat =
      /^(Infantry|Mechanised infantry|Armoured|Reconnaissance) battalion$|Special|Ranger|Commando/;
    const share = (gender: string) => {
      const xs = ps.filter((p) => p.gender === gender);
      return xs.filter((p) => closeCombat.test(p.unit.unit_type)).length / xs.length;
    };
    expect(ps.filter((p) => p.gender === 'female').length).toBeGreaterThan(150);
    expect(share('male')).toBeGreaterThan(0.5);
    expect(share('female')).toBeLessThan(share('male') / 3);
  });
});
