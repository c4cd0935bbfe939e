/**
 * Draws disease and minor non-battle-injury cases from the DNBI catalogue (dnbi-catalog.ts), weighted
 * by the scenario's environment and season; and the SNOMED CT procedures written as treatments.
 * Battle injuries live in injury-catalog.ts.
 */
import {
  type DnbiCategory,
  type DnbiConcept,
  type DnbiEffect,
  DISEASE_CATALOG,
  FEVER_FREE_RTD_HOURS,
  NON_BATTLE_CATALOG,
  TROPICAL_ENVIRONMENTS,
} from './dnbi-catalog.js';
import { findingsFor, regimenFor } from './dnbi-care.js';
import type { RtdLevel } from './physiology.js';
import type { Rng } from './rng.js';
import type { Condition, NatoTriage, Scenario } from './types.js';

export type { DnbiEffect } from './dnbi-catalog.js';

type Concept = readonly [code: string, name: string];

/** A drawn DNBI condition (or a chemical exposure, cbrn.ts) with what follows from it. */
export interface DnbiCase {
  condition: Condition;
  /** The catalogue's category (chemical and radiation cases have none). */
  category?: DnbiCategory;
  triage: NatoTriage;
  rtd: RtdLevel;
  ais: number;
  effect: DnbiEffect;
  /** Chemical casualties: decontamination and antidotes, each written with its detail. */
  care?: ChemicalCare;
  /** The regimen given for the condition's treatment class ("Ibuprofen 400 mg PO every 8 h"). */
  regimen?: string;
  /** Findings recorded beside the diagnosis (dehydration with gastroenteritis…). */
  findings?: Condition[];
  /** Hours after exposure before a return to duty can be judged (mustard: the blisters come within a day). */
  observeHours?: number;
  /** Drawn in a theatre where mosquitoes carry malaria and dengue (TROPICAL_ENVIRONMENTS): a fever is tested for them. */
  tropics?: true;
  /**
   * Flown home by the catalogue's evacuation share (`evac`) although its RTD level would have kept it: a
   * condition that might have settled in theatre, and is tried there first (triedInTheatre, course.ts).
   */
  evacuatedByPolicy?: true;
}

/**
 * The care given to a chemical or radiation casualty: autoinjectors in the field, decontamination on
 * arrival, then (radiation) the steps after decontamination at the first facility.
 */
export interface ChemicalCare {
  /** Skin decontamination by the casualty or a buddy in the first minutes, before any facility. */
  immediate?: string;
  decontamination: string;
  drug?: string;
  seizure?: string;
  /** Care at the first facility after decontamination; `concept` names a step that is neither a drug nor a general procedure. */
  followUp?: readonly {
    detail: string;
    drug: boolean;
    concept?: readonly [string, string];
    /** Needs a laboratory or a hospital pharmacy, which a Role 1 lacks: given at the first Role 2 or 3. */
    hospital?: true;
  }[];
  /** Kept in intensive care at the first Role 3 (else Role 2) the casualty reaches. */
  intensiveCare?: true;
  /** Care given once the agent's delayed effects appear, this many hours after exposure, wherever the casualty is. */
  delayed?: { afterHours: number; detail: string };
}

/** The day PTSD may first be diagnosed (DSM-5: symptoms for more than a month). */
const PTSD_DAY = 31;

/**
 * Category weights shaped by heat and cold: a hot month or `extreme_heat` brings heat illness, more
 * diarrhoea and skin disease; a winter month or `extreme_cold` brings cold injury and respiratory
 * illness (MSMR heat and cold surveillance; the factors are judgement).
 */
export function environmentFactors(scenario: Scenario): Partial<Record<DnbiCategory, number>> {
  const month = Number(scenario.base_date.slice(5, 7));
  const env = new Set(scenario.environmental_conditions);
  const hot = env.has('extreme_heat') ? 6 : month >= 6 && month <= 8 ? 2 : 0.5;
  const cold = env.has('extreme_cold') ? 8 : month === 12 || month <= 2 ? 2 : 0.3;
  return {
    heat: env.has('extreme_cold') ? 0.2 : hot,
    cold: env.has('extreme_heat') ? 0.1 : cold,
    gastrointestinal: hot > 1 ? 1.3 : 1,
    skin: hot > 1 ? 1.2 : 1,
    respiratory: cold > 1 ? 1.3 : 1,
  };
}

/**
 * Whether the scenario can freeze skin: not in a summer month (June–August, the season rule above)
 * unless the scenario says extreme cold or mountains. Wet cold (non-freezing injury, immersion
 * hypothermia) needs no frost and stays possible.
 */
function canFreeze(scenario: Scenario): boolean {
  const month = Number(scenario.base_date.slice(5, 7));
  const env = scenario.environmental_conditions;
  return !(month >= 6 && month <= 8) || env.includes('extreme_cold') || env.includes('mountainous_terrain');
}

/** Per-scenario draw tables: weights before and after the PTSD threshold day. */
export interface DnbiTables {
  disease: { early: number[]; late: number[] };
  nonBattle: { early: number[]; late: number[] };
  /** Malaria and dengue can be caught here (TROPICAL_ENVIRONMENTS). */
  tropics: boolean;
}

export function dnbiTables(scenario: Scenario): DnbiTables {
  const f = environmentFactors(scenario);
  const frost = canFreeze(scenario);
  const tropics = scenario.environmental_conditions.some((e) => TROPICAL_ENVIRONMENTS.includes(e));
  const weights = (catalog: readonly DnbiConcept[], day: number): number[] =>
    catalog.map((c) =>
      (c.fromDay && day < c.fromDay) || (c.freezing && !frost) || (c.tropical && !tropics)
        ? 0
        : c.weight * (f[c.category] ?? 1),
    );
  return {
    disease: { early: weights(DISEASE_CATALOG, 1), late: weights(DISEASE_CATALOG, PTSD_DAY) },
    nonBattle: { early: weights(NON_BATTLE_CATALOG, 1), late: weights(NON_BATTLE_CATALOG, PTSD_DAY) },
    tropics,
  };
}

const atRole3AtTheEarliest = (level: RtdLevel): RtdLevel => (level === 'none' ? 'none' : 'role3');

function drawCase(rng: Rng, concept: DnbiConcept, tropics = false): DnbiCase {
  const { code, name, region, triage, upgrade, ais, effect, qualifier } = concept;
  // One step up only where the condition allows it: T3 → T2, and T2 → T1 only if it can kill.
  const up = rng.chance(upgrade);
  const t: NatoTriage = !up ? triage : triage === 'T3' ? 'T2' : effect.lethal ? 'T1' : triage;
  const evacuated = concept.evac > 0 && rng.chance(concept.evac);
  // A case grave enough to be raised to T1 needs more than Role 2 can hold it for (72 h, AJP-4.10):
  // it goes back to duty from Role 3's beds, if at all.
  const admit = up ? effect.raised?.admit : undefined;
  const rtd: RtdLevel = evacuated
    ? 'none'
    : t === 'T1' && triage !== 'T1'
      ? atRole3AtTheEarliest(concept.rtd)
      : (admit ?? concept.rtd);
  // Raised a step, a case is worse than its catalogue entry says, and treated for it (a drip, not salts);
  // one raised to T2 without its own `raised` shows it in its vital signs all the same (raisedToT2).
  const e = !up
    ? effect
    : effect.raised
      ? raisedEffect(effect, effect.raised)
      : t === 'T2' && triage === 'T3'
        ? { ...effect, ...raisedToT2(effect) }
        : effect;
  const condition: Condition = {
    code,
    name,
    body_region: region,
    // Keys that do not apply hold undefined, which JSON leaves out: one shape keeps this fast (types.ts).
    ais: ais > 0 ? ais : undefined,
    iss_region: ais > 0 ? issRegionOf(concept) : undefined,
    qualifier: qualifier || undefined,
  };
  const findings = findingsFor(rng, code);
  const feverWritten = findings.some((f) => f.code === FEVER_FINDING);
  return {
    condition,
    category: concept.category,
    triage: t,
    rtd,
    ais,
    effect: feverWritten ? withFever(e) : e,
    regimen: e.drug ? withAntipyretic(regimenFor(rng, e.drug), feverWritten) : undefined,
    findings: findings.length > 0 ? findings : undefined,
    tropics: tropics ? true : undefined,
    evacuatedByPolicy: evacuated && concept.rtd !== 'none' ? true : undefined,
  };
}

/**
 * A fever written beside the diagnosis is on the chart too, 38 °C or more (NICE CKS), not 37, and the
 * patient goes back only after a day without it and without antipyretics (CDC respiratory virus
 * guidance, 2024): not before FEVER_FREE_RTD_HOURS, as for a fever with no source.
 */
function withFever(e: DnbiEffect): DnbiEffect {
  return {
    ...e,
    temp: Math.max(e.temp ?? 0, FEVER_RISE),
    rtdAfter: Math.max(e.rtdAfter ?? 0, FEVER_FREE_RTD_HOURS),
  };
}

/** A febrile patient's regimen has an antipyretic in it (NICE CKS, fever in adults: paracetamol). */
const withAntipyretic = (regimen: string, febrile: boolean): string =>
  febrile && !ANTIPYRETIC.test(regimen) ? `${regimen}; paracetamol 1 g PO every 6 h for the fever` : regimen;
const ANTIPYRETIC = /paracetamol|ibuprofen|naproxen|aspirin/i;

/** The catalogue's effect with what being raised a step changes; where it is admitted is the RTD level's. */
function raisedEffect(effect: DnbiEffect, raised: NonNullable<DnbiEffect['raised']>): DnbiEffect {
  const { admit: _admit, ...changes } = raised;
  return { ...effect, ...changes };
}

/** 386661006 |Fever|, a finding some respiratory infections carry (dnbi-care.ts). */
const FEVER_FINDING = '386661006';
/** Degrees above the resting temperature: 38 °C or more still at sick call, where 60 % of it shows (judgement). */
const FEVER_RISE = 2.3;

/**
 * What a sick-call case triaged T2 rather than T3 (needing treatment within hours, not at the next sick
 * call) shows that its catalogue entry does not: the pain, the fever or the fluid lost drive the pulse
 * past 100 when the patient presents (36 beats a minute over the resting 76 clear the spread of the
 * chart), a fever runs higher, a breathless patient breathes faster and a hypoxic one saturates lower; a
 * faint slows the pulse below 60 (judgement). No draw is made, so no other case moves.
 */
function raisedToT2(effect: DnbiEffect): Pick<DnbiEffect, 'hr' | 'temp' | 'rr' | 'spo2'> {
  const hr = effect.hr ?? 0;
  return {
    hr: hr < 0 ? -28 : Math.max(hr + 20, 36),
    ...(effect.temp && effect.temp > 0 ? { temp: effect.temp + 0.6 } : {}),
    ...(effect.rr && effect.rr > 0 ? { rr: effect.rr + 4 } : {}),
    ...(effect.spo2 && effect.spo2 > 0 ? { spo2: effect.spo2 + 3 } : {}),
  };
}

const SKIN_DEEP = /laceration|contusion|burn/i;

function issRegionOf(c: DnbiConcept): Condition['iss_region'] {
  if (SKIN_DEEP.test(c.name)) return 'external';
  if (c.region === 'Head/Neck') return 'head_neck';
  if (c.region === 'Thorax') return 'chest';
  return 'extremities';
}

/** A disease or minor non-battle injury for a casualty on `day` (0-based) of the operation. */
export function drawDnbi(rng: Rng, tables: DnbiTables, disease: boolean, day: number): DnbiCase {
  const t = disease ? tables.disease : tables.nonBattle;
  const catalog = disease ? DISEASE_CATALOG : NON_BATTLE_CATALOG;
  const weights = day + 1 >= PTSD_DAY ? t.late : t.early;
  return drawCase(rng, catalog[rng.weightedIndex(weights)]!, tables.tropics);
}

const GASTROENTERITIS = DISEASE_CATALOG.find((c) => c.code === '25374005')!;
/** A case of an outbreak cluster: acute gastroenteritis (norovirus-like; MMWR 2002;51:477). */
export const drawOutbreak = (rng: Rng, tables: DnbiTables): DnbiCase =>
  drawCase(rng, GASTROENTERITIS, tables.tropics);

/** Systemic consequences of bleeding, written as conditions when the physiology reaches them. */
export const SHOCK_CONCEPTS = {
  bleeding: { code: '131148009', name: 'Bleeding', body_region: 'Systemic', qualifier: 'major haemorrhage' },
  shock: { code: '27942005', name: 'Shock', body_region: 'Systemic', qualifier: 'haemorrhagic' },
  neurogenicShock: { code: '27942005', name: 'Shock', body_region: 'Systemic', qualifier: 'neurogenic' },
  bothShocks: {
    code: '27942005',
    name: 'Shock',
    body_region: 'Systemic',
    qualifier: 'haemorrhagic and neurogenic',
  },
} as const satisfies Record<string, Condition>;

/** The viewer's coarse body part for the record's first condition. */
export function bodyPartFor(rng: Rng, region: string): string {
  const side = rng.chance(0.5) ? 'Left' : 'Right';
  if (region === 'Upper extremity') return `${side} Arm`;
  if (region === 'Lower extremity') return `${side} Leg`;
  if (region === 'Head/Neck') return 'Head';
  return 'Torso';
}

/** SNOMED CT procedures written as treatments; `procedure`/`surgery` carry a `detail` saying what. */
export const PROCEDURES = {
  triage: ['225390008', 'Triage'],
  woundCare: ['225358003', 'Wound care'],
  evaluation: ['386053000', 'Evaluation procedure'],
  drug: ['18629005', 'Administration of drug or medicament'],
  surgery: ['387713003', 'Surgical procedure'],
  transfusion: ['116859006', 'Transfusion of blood product'],
  intubation: ['112798008', 'Insertion of endotracheal tube'],
  ct: ['77477000', 'Computerized axial tomography'],
  debridement: ['36777000', 'Debridement'],
  icu: ['305351004', 'Admission to intensive care unit'],
  antibiotics: ['281789004', 'Antibiotic therapy'],
  rehab: ['52052004', 'Rehabilitation therapy'],
  procedure: ['71388002', 'Procedure'],
  tourniquet: ['20655006', 'Application of tourniquet'],
  dressing: ['3895009', 'Application of dressing'],
  splint: ['79321009', 'Application of splint'],
  chestTube: ['264957007', 'Insertion of chest tube'],
  laparotomy: ['86481000', 'Laparotomy'],
  amputation: ['81723002', 'Amputation'],
  oxygen: ['57485005', 'Oxygen therapy'],
  xray: ['168537006', 'Plain radiography'],
} as const satisfies Record<string, Concept>;
