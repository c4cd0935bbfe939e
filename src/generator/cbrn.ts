/**
 * Chemical casualties of a chemical release: nerve agent and blister agent exposures, triaged by the
 * nerve-agent triage rules (unconscious or effects in two systems → immediate; recovering after
 * antidote → delayed; walking and talking → minimal) and treated with decontamination, autoinjectors
 * and benzodiazepines (sources in docs/casualty-model.md). No specific SNOMED CT concept for the agents
 * could be confirmed, so confirmed general concepts carry the agent in a `qualifier`.
 *
 * Radiation casualties of a radiological release: whole-body dose bands, told apart by the time to
 * vomiting (REMM, after Waselenko 2004), decontaminated, and given antiemetics, blood counts and
 * cytokines by band.
 */
import { type ChemicalCare, type DnbiCase, PROCEDURES } from './conditions.js';
import type { Rng } from './rng.js';
import type { NatoTriage } from './types.js';

interface Exposure {
  code: string;
  name: string;
  qualifier: string;
  region: string;
}

const NERVE_AGENT: Exposure = {
  code: '75478009',
  name: 'Poisoning',
  qualifier: 'nerve agent (organophosphate), vapour',
  region: 'Systemic',
};
const BLISTER_AGENT: Exposure = {
  code: '125666000',
  name: 'Burn',
  qualifier: 'chemical burn, sulfur mustard (blister agent)',
  region: 'Upper extremity',
};

/** Nerve agents are most of a chemical attack's casualties (judgement); the rest are mustard. */
const NERVE_SHARE = 0.7;
/** Severe / moderate / mild nerve-agent casualties among those reaching care (judgement). */
const NERVE_TRIAGE: readonly [NatoTriage, number][] = [
  ['T1', 0.25],
  ['T2', 0.35],
  ['T3', 0.4],
];

/**
 * After the autoinjectors (USAMRICD, Medical Management of Chemical Casualties Handbook): atropine
 * titrated intravenously until the secretions dry and breathing eases, and for the severely poisoned
 * the airway and ventilation, since respiratory failure is what kills.
 */
const MORE_ATROPINE = {
  detail: 'Oxygen; atropine 2 mg IV every 5-10 min until secretions dry and breathing eases',
  drug: true,
} as const;
const SEVERE_NERVE_AGENT_CARE = [
  MORE_ATROPINE,
  {
    detail: 'Intubated and ventilated (respiratory failure from nerve agent)',
    drug: false,
    concept: PROCEDURES.intubation,
  },
] as const;
/**
 * Mustard binds to skin within minutes, long before its effects show: the eyes within about an hour, the
 * skin red within 12 h and blistered within about a day (CHEMM, sulfur mustard). So the casualty's own
 * decontamination kit in the first minutes, the eyes cared for on arrival, the blisters dressed as burns
 * once they rise (USAMRICD handbook), and no return to duty before a day has shown what the skin will do.
 */
const MUSTARD_IMMEDIATE =
  'RSDL (Reactive Skin Decontamination Lotion) on exposed skin; eyes flushed with water';
const MUSTARD_EYE_CARE = {
  detail:
    'Eyes irrigated and lubricated; paracetamol 1 g PO every 6 h; skin watched for the redness and blisters that follow hours later',
  drug: true,
} as const;
const MUSTARD_BLISTERS = {
  afterHours: 12,
  detail: 'Blisters dressed as partial-thickness burns, unroofed if large; analgesia continued',
};
const MUSTARD_OBSERVATION_HOURS = 24;

/** One casualty of a chemical release. */
export function drawChemical(rng: Rng): DnbiCase {
  const nerve = rng.chance(NERVE_SHARE);
  const agent = nerve ? NERVE_AGENT : BLISTER_AGENT;
  const triage = nerve
    ? (NERVE_TRIAGE[rng.weightedIndex(NERVE_TRIAGE.map(([, w]) => w))]?.[0] ?? 'T2')
    : rng.chance(0.3)
      ? 'T2'
      : 'T3';
  const severe = triage === 'T1';
  const condition = {
    code: agent.code,
    name: agent.name,
    body_region: agent.region,
    qualifier: agent.qualifier,
  };
  const care: ChemicalCare = nerve
    ? {
        decontamination: 'Decontamination: clothing removed, skin washed (nerve agent)',
        ...(triage !== 'T3' || rng.chance(0.5)
          ? {
              drug: severe
                ? 'Atropine 2 mg IM + pralidoxime 600 mg IM autoinjector x3, atropine repeated until secretions dry'
                : 'Atropine 2 mg IM + pralidoxime 600 mg IM autoinjector',
            }
          : {}),
        ...(severe ? { seizure: 'Diazepam 10 mg IM autoinjector (convulsions)' } : {}),
        ...(severe
          ? { followUp: SEVERE_NERVE_AGENT_CARE, intensiveCare: true as const }
          : triage === 'T2'
            ? { followUp: [MORE_ATROPINE] }
            : {}),
      }
    : {
        immediate: MUSTARD_IMMEDIATE,
        decontamination: 'Decontamination: clothing removed, skin and eyes irrigated (sulfur mustard)',
        followUp: [MUSTARD_EYE_CARE],
        delayed: MUSTARD_BLISTERS,
      };
  return {
    condition,
    triage,
    // Mild cases return after observation; moderate after a day at Role 2; severe are evacuated.
    rtd: triage === 'T3' ? 'role1' : triage === 'T2' && nerve ? 'role2' : 'none',
    observeHours: nerve ? undefined : MUSTARD_OBSERVATION_HOURS,
    ais: 0,
    effect: nerve
      ? {
          hr: severe ? -25 : -10,
          rr: severe ? 10 : 4,
          spo2: severe ? 10 : 3,
          lethal: severe ? 0.1 : 0,
          cause: 'Nerve agent poisoning',
        }
      : { hr: 10, drug: 'Analgesia' },
    care,
  };
}

/** One band of whole-body dose: its share of the exposed (judgement) and what follows from it. */
interface DoseBand {
  share: number;
  /** Acute radiation syndrome from 1 Gy; below it the casualty is contaminated, not ill. */
  ars: boolean;
  qualifier: string;
  triage: NatoTriage;
  rtd: DnbiCase['rtd'];
  effect: DnbiCase['effect'];
  followUp: readonly CareStep[];
}

type CareStep = NonNullable<ChemicalCare['followUp']>[number];

/** 360002 |Acute radiation disease|: sources beside the code in docs/casualty-model.md. */
const ARS = { code: '360002', name: 'Acute radiation disease' } as const;
/** 133261000119105 |Exposure to potentially hazardous substance|: radioactive material on skin and kit. */
const CONTAMINATED = {
  code: '133261000119105',
  name: 'Exposure to potentially hazardous substance',
} as const;

const BLOOD_COUNT: CareStep = {
  detail: 'Full blood count with absolute lymphocyte count, repeated every 4-6 h for the dose estimate',
  drug: false,
  hospital: true,
};
const ANTIEMETIC: CareStep = { detail: 'Ondansetron 8 mg IV or PO if vomiting or nauseated', drug: true };
const CYTOKINE: CareStep = {
  detail: 'Filgrastim 5 micrograms/kg SC daily (haematopoietic syndrome)',
  drug: true,
  hospital: true,
};
const FLUIDS: CareStep = { detail: 'Sodium chloride 0.9 % 1 L IV (gastrointestinal losses)', drug: true };
const COMFORT: CareStep = {
  detail: 'Expectant: morphine 10 mg SC for pain, antiemetic, comfort care (dose above 10 Gy)',
  drug: true,
};

/**
 * Dose bands (shares: judgement for a radiological dispersal device or fallout, where most people are
 * contaminated and few receive a dose that makes them ill). Vomiting latency and survival per band
 * from REMM after Waselenko 2004 (casualty-model-sources.md §8). The NATO triage per band is judgement
 * on those survival figures: minimal below 2 Gy, delayed for the haematopoietic syndrome, immediate for
 * the gastrointestinal range, expectant above 10 Gy (death certain within days).
 */
const DOSE_BANDS: readonly DoseBand[] = [
  {
    share: 0.5,
    ars: false,
    qualifier: 'radioactive contamination, estimated whole-body dose below 1 Gy: no acute radiation syndrome',
    triage: 'T3',
    rtd: 'role1',
    effect: {},
    followUp: [],
  },
  {
    share: 0.2,
    ars: true,
    qualifier: 'estimated whole-body dose 1-2 Gy (mild): vomiting more than 2 h after exposure, or none',
    triage: 'T3',
    rtd: 'role2',
    effect: { hr: 6 },
    followUp: [ANTIEMETIC, BLOOD_COUNT],
  },
  {
    share: 0.18,
    ars: true,
    qualifier: 'estimated whole-body dose 2-6 Gy (haematopoietic syndrome): vomiting 1-2 h after exposure',
    triage: 'T2',
    rtd: 'none',
    effect: { hr: 14, temp: 0.5 },
    followUp: [ANTIEMETIC, BLOOD_COUNT, CYTOKINE],
  },
  {
    share: 0.08,
    ars: true,
    qualifier: 'estimated whole-body dose 6-10 Gy (gastrointestinal syndrome): vomiting within 1 h',
    triage: 'T1',
    rtd: 'none',
    effect: { hr: 24, temp: 1, rr: 4, lethal: 0.1 },
    followUp: [ANTIEMETIC, FLUIDS, BLOOD_COUNT, CYTOKINE],
  },
  {
    share: 0.04,
    ars: true,
    qualifier: 'estimated whole-body dose above 10 Gy (neurovascular syndrome): vomiting within 30 min',
    triage: 'T4',
    rtd: 'none',
    effect: { hr: 30, temp: 1.5, rr: 6, lethal: 0.6 },
    followUp: [COMFORT],
  },
];
const BAND_WEIGHTS = DOSE_BANDS.map((b) => b.share);

const RADIOLOGICAL_DECONTAMINATION =
  'Radiological decontamination: survey meter check, clothing removed (most of the external contamination), skin washed with soap and water, any wounds irrigated';

/** One exposed casualty of a radiological release. */
export function drawRadiation(rng: Rng): DnbiCase {
  const band = DOSE_BANDS[rng.weightedIndex(BAND_WEIGHTS)] ?? DOSE_BANDS[0]!;
  const concept = band.ars ? ARS : CONTAMINATED;
  return {
    condition: { code: concept.code, name: concept.name, body_region: 'Systemic', qualifier: band.qualifier },
    triage: band.triage,
    rtd: band.rtd,
    ais: 0,
    effect: band.effect,
    care: {
      decontamination: RADIOLOGICAL_DECONTAMINATION,
      ...(band.followUp.length > 0 ? { followUp: band.followUp } : {}),
    },
  };
}
