/**
 * Chemical casualties of a chemical release: nerve agent and blister agent exposures, triaged by the
 * nerve-agent triage rules (unconscious or effects in two systems → immediate; recovering after
 * antidote → delayed; walking and talking → minimal) and treated with decontamination, autoinjectors
 * and benzodiazepines (sources in docs/casualty-model.md). No specific SNOMED CT concept for the agents
 * could be confirmed, so confirmed general concepts carry the agent in a `qualifier`.
 *
 * Radiation casualties of a radiological release: whole-body dose bands, told apart by the time to
 * vomiting and the lymphocyte count (REMM, after Waselenko 2004), decontaminated, given antiemetics,
 * blood counts and cytokines by band, and charted and dying by the band's syndrome.
 */
import { type ChemicalCare, type DnbiCase, PROCEDURES } from './conditions.js';
import type { DnbiMoment } from './course.js';
import type { Vitals } from './physiology.js';
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
/** The same poisoning with liquid agent on the skin as well as the vapour breathed. */
const NERVE_AGENT_LIQUID: Exposure = {
  ...NERVE_AGENT,
  qualifier: 'nerve agent (organophosphate), vapour and liquid on the skin',
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
 * A nerve-agent release exposes most casualties to vapour; one in five (judgement) also has liquid agent on
 * the skin, from a splash or a contaminated surface.
 */
const LIQUID_SHARE = 0.2;
/**
 * Vapour leaves nothing on the skin: taking off the outer clothing, which holds the vapour, is most of the
 * decontamination, and the skin is washed only where liquid is suspected (CHEMM, nerve agents; WISER).
 * Liquid on the skin is absorbed over hours and its effects may not show for up to 18 h, so the skin is
 * cleaned at once and the casualty watched that long before going back to duty (USAMRICD, Medical
 * Management of Chemical Casualties Handbook).
 */
const VAPOUR_DECONTAMINATION =
  'Decontamination: outer clothing removed and bagged (most of the decontamination after vapour); no liquid on the skin, so no skin wash (nerve agent vapour)';
const LIQUID_IMMEDIATE =
  'RSDL (Reactive Skin Decontamination Lotion) on the skin where liquid nerve agent is suspected';
const LIQUID_DECONTAMINATION =
  'Decontamination: clothing removed, skin washed with soap and water (liquid nerve agent on the skin suspected); watched 18 h for the delayed effects of liquid absorbed through the skin';
const LIQUID_OBSERVATION_HOURS = 18;

/**
 * Mild vapour poisoning, the eyes and nose only (miosis, a runny nose), gets no autoinjector: atropine IM
 * does not treat the eyes, and no antidote is given unless the effects go beyond the eyes and nose (USAMRICD
 * handbook; WISER, nerve agents). The eye pain or headache of miosis, in about a third (judgement), gets
 * cycloplegic eye drops.
 */
const MILD_EYE_PAIN_SHARE = 0.3;
const EYE_DROPS = {
  detail:
    'Homatropine eye drops for the eye pain and headache of miosis; effects confined to the eyes and nose, so no atropine injection; observed',
  drug: true,
} as const;

/**
 * After the autoinjectors (USAMRICD, Medical Management of Chemical Casualties Handbook): atropine
 * titrated intravenously until the secretions dry and breathing eases, and for the severely poisoned
 * the airway and ventilation, since respiratory failure is what kills.
 */
const MORE_ATROPINE = {
  detail: 'Oxygen; atropine 2 mg IV every 5-10 min until secretions dry and breathing eases',
  drug: true,
} as const;
/**
 * Minutes of that titration: doses every 5–10 min until the end point, usually reached within half an hour
 * (judgement on WISER: 2 mg doses, up to about 15 mg in the severely poisoned).
 */
const ATROPINE_TITRATION_MINUTES = 30;
/** Minutes a first-facility care step of a chemical casualty lasts: the titration, else a single dose. */
export const followUpMinutes = (step: CareStep): number =>
  step === MORE_ATROPINE ? ATROPINE_TITRATION_MINUTES : 5;
/**
 * Minutes after arrival the `i`th care step begins: the atropine for breathing failing under secretions
 * straight away, beside the decontamination (life-saving antidote is not held back for it: USAMRICD
 * handbook), the rest once the casualty is clean and assessed.
 */
export const followUpStart = (step: CareStep, i: number): number =>
  step === MORE_ATROPINE ? 5 : step === CYTOKINE ? CYTOKINE_AFTER_MINUTES : 25 + 10 * i;
const SEVERE_NERVE_AGENT_CARE = [
  MORE_ATROPINE,
  {
    detail: 'Intubated and ventilated (respiratory failure from nerve agent)',
    drug: false,
    concept: PROCEDURES.intubation,
  },
] as const;

/**
 * Intensive care of the severely poisoned while ventilated (USAMRICD handbook; CHEMM, nerve agents): atropine
 * by infusion titrated to dry secretions, pralidoxime by a loading dose then an infusion (about 30 mg/kg,
 * then 8 mg/kg/h), and a benzodiazepine for seizures, midazolam, also sedating for the ventilator.
 */
export interface NerveAgentIntensiveCare {
  /** Given once, at the first Role 2 or 3. */
  loading: string;
  loadingMinutes: number;
  /** Running while the casualty is ventilated, at every Role 2 and 3. */
  infusions: readonly string[];
}
const NERVE_AGENT_ICU: NerveAgentIntensiveCare = {
  loading: 'Pralidoxime chloride 30 mg/kg (about 2 g) IV over 30 min, loading dose',
  loadingMinutes: 30,
  infusions: [
    'Atropine infusion IV, titrated to dry secretions and a clear chest (heart rate kept below 120); 1-2 mg IV boluses if secretions return',
    'Pralidoxime chloride infusion 8 mg/kg/h IV (about 600 mg/h) after the loading dose',
    'Midazolam 10 mg IV for any seizure, then infusion 0.05-0.2 mg/kg/h (seizure control, sedation on the ventilator)',
  ],
};

/** Whether a drawn case is a nerve-agent casualty (its chart: nerveAgentVitals). */
export const isNerveAgent = (c: DnbiCase): boolean =>
  c.condition.qualifier?.startsWith(NERVE_AGENT.qualifier) === true;

/** The intensive care of a severe nerve-agent casualty at Role 2 and 3; none for anyone else. */
export const nerveAgentIntensiveCare = (c: DnbiCase): NerveAgentIntensiveCare | undefined =>
  isNerveAgent(c) && c.triage === 'T1' ? NERVE_AGENT_ICU : undefined;

/**
 * Mustard binds to skin within minutes, long before its effects show: the eyes within about an hour, the
 * skin red and then blistered over 4-24 h, sooner the larger the dose (CHEMM, sulfur mustard; USAMRICD,
 * Medical Management of Chemical Casualties Handbook). So the casualty's own decontamination kit in the
 * first minutes, the eyes cared for on arrival, the blisters dressed as burns once they rise, and no return
 * to duty before a day has shown what the skin will do.
 */
const MUSTARD_IMMEDIATE =
  'RSDL (Reactive Skin Decontamination Lotion) on exposed skin; eyes flushed with water';
const MUSTARD_EYE_CARE = {
  detail:
    'Eyes irrigated and lubricated; paracetamol 1 g PO every 6 h; skin watched for the redness and blisters that follow hours later',
  drug: true,
} as const;
const MUSTARD_BLISTERS =
  'Blisters dressed as partial-thickness burns, unroofed if large; analgesia continued';
const MUSTARD_ERYTHEMA =
  'Skin redness (erythema) without blisters: soothing lotion (calamine), antihistamine for the itch, watched for blisters';
const MUSTARD_OBSERVATION_HOURS = 24;

/**
 * What a mustard exposure shows (judgement on the Iran-Iraq war series in the USAMRICD handbook, where most
 * casualties had eye and skin lesions and vapour often left redness without blisters): the eyes alone, the
 * skin reddened without blisters, or blisters over a share of the body surface.
 */
const MUSTARD_EYES_ONLY = 0.1;
const MUSTARD_ERYTHEMA_ONLY = 0.2;
/**
 * Blistered body surface, percent: lognormal, median 6 % (judgement: most casualties of a release are
 * splashed or exposed to vapour over a few per cent; liquid soaking the clothing covers half the body or
 * more in about 2 %).
 */
const MUSTARD_AREA: readonly [median: number, sigma: number] = [6, 1];
/** A small burn on the face, hands, feet or perineum, the critical areas of the mustard triage (judgement). */
const MUSTARD_CRITICAL_AREA_SHARE = 0.3;
/**
 * The mustard triage of the USAMRICD handbook: blisters over less than 5 % of the body surface in
 * non-critical areas minimal; 5-50 %, or any in a critical area, delayed; more than 50 % from liquid
 * expectant.
 */
const MUSTARD_MINIMAL_BELOW = 5;
const MUSTARD_EXPECTANT_ABOVE = 50;
/**
 * Hours from exposure to the first blisters: 4-24 h, sooner with a larger dose (CHEMM; USAMRICD handbook),
 * taken here from the area blistered (judgement: about 18 h for a blister or two, 5 h when half the body is).
 */
const blisterOnsetMedian = (area: number): number => 20 - 4.5 * Math.log(1 + area / 2);
/**
 * One blistered over more than half the body dies in about half of cases (judgement: the marrow suppression
 * and pneumonia of a large mustard dose), a week or two after exposure (USAMRICD handbook).
 */
const MUSTARD_EXPECTANT_LETHAL = 0.5;

/** The presentation, triage and delayed care of one mustard casualty (the triage above). */
function drawMustard(rng: Rng): DnbiCase {
  const u = rng.next();
  const eyesOnly = u < MUSTARD_EYES_ONLY;
  const erythemaOnly = !eyesOnly && u < MUSTARD_EYES_ONLY + MUSTARD_ERYTHEMA_ONLY;
  const blistered = !eyesOnly && !erythemaOnly;
  const area = blistered ? Math.max(1, Math.min(90, Math.round(rng.lognormal(...MUSTARD_AREA)))) : 0;
  const critical = blistered && area < MUSTARD_MINIMAL_BELOW && rng.chance(MUSTARD_CRITICAL_AREA_SHARE);
  const face = critical && rng.chance(0.5);
  const triage: NatoTriage = !blistered
    ? 'T3'
    : area > MUSTARD_EXPECTANT_ABOVE
      ? 'T4'
      : area >= MUSTARD_MINIMAL_BELOW || critical
        ? 'T2'
        : 'T3';
  const onset = blistered
    ? Math.min(24, Math.max(4, rng.lognormal(blisterOnsetMedian(area), 0.25)))
    : Math.min(24, Math.max(2, rng.lognormal(8, 0.4)));
  const where = critical ? (face ? ', face and neck (a critical area)' : ', hands (a critical area)') : '';
  const qualifier = eyesOnly
    ? `${BLISTER_AGENT.qualifier}: eyes only (conjunctivitis), skin spared`
    : erythemaOnly
      ? `${BLISTER_AGENT.qualifier}: skin redness (erythema) only, no blisters`
      : `${BLISTER_AGENT.qualifier}: blisters over ${area} % of the body surface${where}`;
  return {
    condition: {
      code: BLISTER_AGENT.code,
      name: BLISTER_AGENT.name,
      body_region: eyesOnly || face ? 'Head/Neck' : BLISTER_AGENT.region,
      qualifier,
      // Blisters are partial-thickness burns: their area is recorded as a burn's is.
      ...(blistered ? { tbsa_percent: area } : {}),
    },
    triage,
    // Mild cases return after observation; the rest are evacuated.
    rtd: triage === 'T3' ? 'role1' : 'none',
    // Watched a day, and until blisters rising late have been dressed.
    observeHours: Math.max(MUSTARD_OBSERVATION_HOURS, blistered ? onset + 1.5 : 0),
    ais: 0,
    effect:
      triage === 'T4'
        ? {
            hr: 24,
            temp: 0.8,
            drug: 'Analgesia',
            lethal: MUSTARD_EXPECTANT_LETHAL,
            cause: 'Sulfur mustard burns',
          }
        : { hr: triage === 'T2' ? 14 : 10, drug: 'Analgesia' },
    care: {
      immediate: MUSTARD_IMMEDIATE,
      decontamination: 'Decontamination: clothing removed, skin and eyes irrigated (sulfur mustard)',
      followUp: [MUSTARD_EYE_CARE],
      ...(eyesOnly
        ? {}
        : { delayed: { afterHours: onset, detail: blistered ? MUSTARD_BLISTERS : MUSTARD_ERYTHEMA } }),
    },
  };
}

/** Whether a drawn case is a mustard casualty. */
const isMustard = (c: DnbiCase): boolean =>
  c.condition.qualifier?.startsWith(BLISTER_AGENT.qualifier) === true;

/** The care of a nerve-agent casualty, by triage and by whether liquid reached the skin. */
function nerveAgentCare(rng: Rng, triage: NatoTriage, liquid: boolean): ChemicalCare {
  const severe = triage === 'T1';
  const decontamination = liquid ? LIQUID_DECONTAMINATION : VAPOUR_DECONTAMINATION;
  const immediate = liquid ? { immediate: LIQUID_IMMEDIATE } : {};
  if (triage === 'T3')
    return {
      ...immediate,
      decontamination,
      ...(rng.chance(MILD_EYE_PAIN_SHARE) ? { followUp: [EYE_DROPS] } : {}),
    };
  return {
    ...immediate,
    decontamination,
    drug: severe
      ? 'Atropine 2 mg IM + pralidoxime 600 mg IM autoinjector x3, atropine repeated until secretions dry'
      : 'Atropine 2 mg IM + pralidoxime 600 mg IM autoinjector',
    ...(severe
      ? {
          seizure: 'Diazepam 10 mg IM autoinjector (convulsions)',
          followUp: SEVERE_NERVE_AGENT_CARE,
          intensiveCare: true as const,
        }
      : { followUp: [MORE_ATROPINE] }),
  };
}

/**
 * A moderate casualty given atropine IV goes back to duty no sooner than a day after the last dose: the
 * blurred vision, dry mouth and quick pulse of atropine last that long, and the casualty is watched for
 * returning signs meanwhile (USAMRICD handbook). The last dose ends the titration at the first facility
 * (followUpStart, ATROPINE_TITRATION_MINUTES).
 */
const AFTER_ATROPINE_HOURS = 24;
const LAST_ATROPINE_HOURS = (5 + ATROPINE_TITRATION_MINUTES) / 60;

/** One casualty of a chemical release. */
export function drawChemical(rng: Rng): DnbiCase {
  const nerve = rng.chance(NERVE_SHARE);
  if (!nerve) return drawMustard(rng);
  const liquid = rng.chance(LIQUID_SHARE);
  const agent = liquid ? NERVE_AGENT_LIQUID : NERVE_AGENT;
  const triage = NERVE_TRIAGE[rng.weightedIndex(NERVE_TRIAGE.map(([, w]) => w))]?.[0] ?? 'T2';
  const severe = triage === 'T1';
  const condition = {
    code: agent.code,
    name: agent.name,
    body_region: agent.region,
    qualifier: agent.qualifier,
  };
  return {
    condition,
    triage,
    // Mild cases return after observation; moderate after a day at Role 2; severe are evacuated.
    rtd: triage === 'T3' ? 'role1' : triage === 'T2' ? 'role2' : 'none',
    observeHours: liquid ? LIQUID_OBSERVATION_HOURS : undefined,
    ais: 0,
    // A nerve agent's vital signs follow the antidotes (nerveAgentVitals), not a fixed change.
    effect: {
      lethal: severe ? 0.1 : 0,
      cause: 'Nerve agent poisoning',
      ...(triage === 'T2' ? { rtdAfter: LAST_ATROPINE_HOURS + AFTER_ATROPINE_HOURS } : {}),
    },
    care: nerveAgentCare(rng, triage, liquid),
  };
}

/**
 * A nerve-agent casualty's vital signs, which follow the poisoning and its antidotes (USAMRICD handbook;
 * WISER, nerve agents; the numbers are judgement on those descriptions):
 * - At the point of injury, before any antidote: the mild with small pupils and a runny nose and normal
 *   signs; the moderate breathless with bronchorrhoea and bronchospasm (breathing 24–30, saturation
 *   88–93 %, the pulse slowed); the severe unconscious or convulsing, breathing little or not at all
 *   (GCS 3–7, breathing 4–8, saturation under 85 %).
 * - On arrival at the first facility, after the autoinjectors and before the atropine is titrated IV: the
 *   moderate still breathless, the severe still unconscious; the pulse quicker for the atropine given.
 * - Once atropinised: the pulse 90–110, the breathing and saturation recovering over a day; the
 *   severely poisoned ventilated and sedated (GCS 3), then awake once off the ventilator.
 * - One who dies worsens on the ventilator; the last set shows the failing circulation.
 */
export function nerveAgentVitals(c: DnbiCase, j: number, at: DnbiMoment): Vitals {
  const t = at.hoursInCare;
  const chart = (hr: number, sbp: number, rr: number, spo2: number, gcs: number): Vitals => ({
    heart_rate: Math.round(hr),
    systolic_bp: Math.round(sbp),
    respiratory_rate: Math.round(rr),
    spo2: Math.round(Math.min(100, spo2)),
    gcs: Math.round(gcs),
    temperature: Math.round((36.9 + j * 0.2) * 10) / 10,
  });
  if (at.agonal) return chart(44 + 8 * j, 70 + 8 * j, at.ventilated ? 14 + j : 6 + 2 * j, 72 + 4 * j, 3);
  if (at.ventilated) {
    // Atropine and pralidoxime by infusion in intensive care (nerveAgentIntensiveCare); one who will die
    // worsens over two days.
    const decline = at.dying ? Math.min(1, t / 48) : 0;
    return chart(100 + 6 * j + 8 * decline, 112 + 8 * j - 14 * decline, 14 + j, 96 + j - 2 * decline, 3);
  }
  if (c.triage === 'T1') {
    if (at.atSickCall) return chart(50 + 8 * j, 96 + 8 * j, 6 + 2 * j, 78 + 4 * j, 5 + 2 * j);
    if (t === 0) return chart(102 + 6 * j, 100 + 8 * j, 9 + 2 * j, 84 + 3 * j, 6 + 2 * j);
    // Off the ventilator after a day: awake, still atropinised, weak for another day.
    return chart(88 + 5 * j, 120 + 8 * j, 18 + 2 * j, 96 + j, t < 48 ? 14 : 15);
  }
  if (c.triage === 'T2') {
    if (at.atSickCall) return chart(62 + 6 * j, 130 + 8 * j, 27 + 3 * j, 90.5 + 2.4 * j, 15);
    if (t === 0) return chart(86 + 6 * j, 128 + 8 * j, 26 + 2 * j, 91 + 2 * j, 15);
    const easing = Math.max(0, 1 - t / 24);
    return chart(
      80 + 22 * Math.max(0, 1 - t / 36) + 5 * j,
      126 + 8 * j,
      16 + 6 * easing + 2 * j,
      97 - 3 * easing + j,
      15,
    );
  }
  return at.atSickCall
    ? chart(80 + 5 * j, 126 + 8 * j, 18 + 2 * j, 97 + j, 15)
    : chart(76 + 5 * j, 124 + 8 * j, 17 + 2 * j, 97.5 + j, 15);
}

/** The syndrome a band of whole-body dose brings (REMM; Waselenko 2004), which sets its chart and its death. */
type Syndrome = 'none' | 'mild' | 'haematopoietic' | 'gastrointestinal' | 'neurovascular';

/** One band of whole-body dose: its share of the exposed (judgement) and what follows from it. */
interface DoseBand {
  share: number;
  syndrome: Syndrome;
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

/**
 * The dose is estimated from the time to vomiting and the fall of the lymphocyte count over the first two
 * days, so the count is taken on arrival at the first laboratory and repeated at 24 and 48 h (REMM, dose
 * estimation; Waselenko 2004). Filgrastim is started once the first count and the time to vomiting put the
 * dose at 2 Gy or more, within a day of exposure (REMM, cytokines; Waselenko 2004), not minutes after the
 * blood is drawn: the result is back within the hour (judgement).
 */
const BLOOD_COUNT: CareStep = {
  detail:
    'Full blood count with absolute lymphocyte count, the first of the serial counts (repeated at 24 and 48 h) whose fall, with the time to vomiting, estimates the dose',
  drug: false,
  hospital: true,
};
const ANTIEMETIC: CareStep = { detail: 'Ondansetron 8 mg IV or PO if vomiting or nauseated', drug: true };
const CYTOKINE: CareStep = {
  detail:
    'Filgrastim 5 micrograms/kg SC daily, started once the lymphocyte count and the time to vomiting put the dose at 2 Gy or more (haematopoietic syndrome)',
  drug: true,
  hospital: true,
};
/** Minutes after reaching the first laboratory that filgrastim is given: the count's result back first. */
const CYTOKINE_AFTER_MINUTES = 120;
const FLUIDS: CareStep = {
  detail: 'Sodium chloride 0.9 % 1 L IV, repeated to the losses (vomiting and diarrhoea)',
  drug: true,
};
const COMFORT: CareStep = {
  detail: 'Expectant: morphine 10 mg SC for pain, antiemetic, comfort care (dose above 10 Gy)',
  drug: true,
};
/** The expectant's comfort care where there is a pharmacy: by syringe driver, to the end (palliative care). */
const COMFORT_CONTINUED: CareStep = {
  detail:
    'Expectant (dose above 10 Gy): morphine and an antiemetic by continuous SC infusion, mouth care, fluids for comfort; not for resuscitation',
  drug: true,
  hospital: true,
};

/**
 * Dose bands (shares: judgement for a radiological dispersal device or fallout, where most people are
 * contaminated and few receive a dose that makes them ill). Vomiting latency, the syndrome and survival per
 * band from REMM after Waselenko 2004 (casualty-model-sources.md §8). The NATO triage per band is judgement
 * on those survival figures: minimal below 2 Gy, delayed for the haematopoietic syndrome (well for days
 * after the prodrome), immediate for the gastrointestinal range (fluids for the vomiting and diarrhoea),
 * expectant above 10 Gy, where a mass-casualty setting keeps scarce care for those who can survive
 * (Waselenko 2004: expectant above 10 Gy, above 6 Gy with combined injuries).
 */
const DOSE_BANDS: readonly DoseBand[] = [
  {
    share: 0.5,
    syndrome: 'none',
    qualifier: 'radioactive contamination, estimated whole-body dose below 1 Gy: no acute radiation syndrome',
    triage: 'T3',
    rtd: 'role1',
    effect: {},
    followUp: [],
  },
  {
    share: 0.2,
    syndrome: 'mild',
    qualifier: 'estimated whole-body dose 1-2 Gy (mild): vomiting more than 2 h after exposure, or none',
    triage: 'T3',
    rtd: 'role2',
    effect: {},
    followUp: [ANTIEMETIC, BLOOD_COUNT],
  },
  {
    share: 0.18,
    syndrome: 'haematopoietic',
    qualifier: 'estimated whole-body dose 2-6 Gy (haematopoietic syndrome): vomiting 1-2 h after exposure',
    triage: 'T2',
    rtd: 'none',
    effect: {},
    followUp: [ANTIEMETIC, BLOOD_COUNT, CYTOKINE],
  },
  {
    share: 0.08,
    syndrome: 'gastrointestinal',
    qualifier: 'estimated whole-body dose 6-10 Gy (gastrointestinal syndrome): vomiting within 1 h',
    triage: 'T1',
    rtd: 'none',
    // Half die with supportive care (judgement on Waselenko 2004: LD50 about 6-7 Gy with supportive care).
    effect: { lethal: 0.5, cause: 'Acute radiation syndrome (gastrointestinal)' },
    followUp: [ANTIEMETIC, FLUIDS, BLOOD_COUNT, CYTOKINE],
  },
  {
    share: 0.04,
    syndrome: 'neurovascular',
    qualifier: 'estimated whole-body dose above 10 Gy (neurovascular syndrome): vomiting within 30 min',
    triage: 'T4',
    rtd: 'none',
    effect: { lethal: 1, cause: 'Acute radiation syndrome (neurovascular)' },
    followUp: [COMFORT, COMFORT_CONTINUED],
  },
];
const BAND_WEIGHTS = DOSE_BANDS.map((b) => b.share);

const RADIOLOGICAL_DECONTAMINATION =
  'Radiological decontamination: survey meter check, clothing removed (most of the external contamination), skin washed with soap and water, any wounds irrigated';

/** One exposed casualty of a radiological release. */
export function drawRadiation(rng: Rng): DnbiCase {
  const band = DOSE_BANDS[rng.weightedIndex(BAND_WEIGHTS)] ?? DOSE_BANDS[0]!;
  const concept = band.syndrome === 'none' ? CONTAMINATED : ARS;
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

/** The syndrome of a radiation casualty's dose band; undefined for anyone else. */
const syndromeOf = (c: DnbiCase): Syndrome | undefined =>
  DOSE_BANDS.find((b) => b.qualifier === c.condition.qualifier)?.syndrome;

/** Whether a drawn case is a radiation casualty (its chart: radiationVitals). */
export const isRadiation = (c: DnbiCase): boolean => syndromeOf(c) !== undefined;

/**
 * Hours after exposure at which the lymphocyte count is repeated to estimate the dose from its fall (REMM,
 * dose estimation; Waselenko 2004): for every exposure that can make the acute radiation syndrome, short
 * of the neurovascular one, whose expectant casualty is only made comfortable.
 */
export const SERIAL_COUNT_HOURS: readonly number[] = [24, 48];
export const needsSerialCounts = (c: DnbiCase): boolean => {
  const syndrome = syndromeOf(c);
  return syndrome === 'mild' || syndrome === 'haematopoietic' || syndrome === 'gastrointestinal';
};
export const LYMPHOCYTE_COUNT_REPEATED =
  'Absolute lymphocyte count repeated: its fall since the first count refines the dose estimate';

/**
 * When a radiation or mustard death comes, in hours after exposure, drawn from `rng` (one lognormal draw,
 * as any illness's): the neurovascular syndrome kills in 1-3 days, the gastrointestinal in 1-2 weeks
 * (REMM; Waselenko 2004; AFRRI, Medical Management of Radiological Casualties), a large mustard burn in
 * one to two weeks (USAMRICD handbook). Undefined for any other case.
 */
export function lateDeathHours(c: DnbiCase, rng: Rng): number | undefined {
  const syndrome = syndromeOf(c);
  if (syndrome === 'neurovascular') return Math.min(72, Math.max(24, rng.lognormal(40, 0.35)));
  if (syndrome === 'gastrointestinal') return Math.min(336, Math.max(144, rng.lognormal(240, 0.25)));
  if (isMustard(c)) return Math.min(336, Math.max(96, rng.lognormal(200, 0.35)));
  return undefined;
}

/**
 * A radiation casualty's vital signs, by the syndrome of the dose band (REMM; Waselenko 2004; AFRRI; the
 * numbers are judgement on those descriptions). `hoursInCare` runs from the first facility, an hour or two
 * after exposure.
 * - Below 2 Gy: normal, the pulse a little quick at first (anxiety, nausea).
 * - 2-6 Gy (haematopoietic): nauseated and quick-pulsed in the prodrome of the first hours, then well for
 *   days (the latent phase) while the marrow fails unseen.
 * - 6-10 Gy (gastrointestinal): vomiting within the hour, a fever, then diarrhoea and dehydration (a quick
 *   pulse, a lower pressure) corrected over the first day by the drip; the bowel fails from about day 4,
 *   and one who will die worsens into septic shock. Alert throughout, the lungs clear.
 * - Above 10 Gy (neurovascular): vomiting in minutes, a high fever, then the pressure and consciousness
 *   falling from the first hours to the end in 1-3 days.
 */
export function radiationVitals(c: DnbiCase, j: number, at: DnbiMoment): Vitals {
  const t = at.hoursInCare;
  const chart = (hr: number, sbp: number, rr: number, spo2: number, gcs: number, temp: number): Vitals => ({
    heart_rate: Math.round(hr + 6 * j),
    systolic_bp: Math.round(sbp + 8 * j),
    respiratory_rate: Math.round(rr + 2 * j),
    spo2: Math.round(Math.min(100, spo2 + j)),
    gcs: Math.round(gcs),
    temperature: Math.round((temp + 0.2 * j) * 10) / 10,
  });
  switch (syndromeOf(c)) {
    case 'neurovascular': {
      if (at.agonal) return chart(136, 62, 8, 84, 4, 39.4);
      if (at.atSickCall) return chart(112, 110, 22, 97, 15, 38.2);
      // Falling from the first hours: confused on arrival, the pressure down by half a day, stupor by two.
      const fall = Math.min(1, t / 36);
      return chart(
        118 + 12 * fall,
        98 - 26 * fall,
        22 + 4 * fall,
        96 - 3 * fall,
        14 - 6 * fall,
        38.8 + 0.4 * fall,
      );
    }
    case 'gastrointestinal': {
      if (at.agonal) return chart(138, 68, 30, 91, 10, 39.3);
      if (at.atSickCall) return chart(104, 122, 20, 98, 15, 37.9);
      const rehydrated = Math.min(1, t / 24);
      // The manifest illness from about day 4: diarrhoea again, fever; in one who will die, septic shock.
      const manifest = Math.min(1, Math.max(0, (t - 96) / 72));
      const failing = at.dying ? Math.min(1, Math.max(0, (t - 120) / 96)) : 0;
      return chart(
        112 - 16 * rehydrated + 14 * manifest + 16 * failing,
        108 + 10 * rehydrated - 10 * manifest - 20 * failing,
        20 - 2 * rehydrated + 2 * manifest + 4 * failing,
        98 - 3 * failing,
        15 - failing,
        38.2 - 0.5 * rehydrated + 0.6 * manifest + 0.4 * failing,
      );
    }
    case 'haematopoietic':
      if (at.atSickCall) return chart(94, 124, 18, 98, 15, 37.1);
      // The prodrome passes within hours of the antiemetic; then the latent phase, well.
      return t < 6 ? chart(86, 124, 17, 98, 15, 37) : chart(76, 124, 16, 98, 15, 36.9);
    case 'mild':
      return at.atSickCall ? chart(86, 126, 17, 98, 15, 36.9) : chart(78, 124, 16, 98, 15, 36.9);
    default:
      return at.atSickCall ? chart(82, 126, 16, 98, 15, 36.9) : chart(76, 124, 16, 98, 15, 36.9);
  }
}
