/**
 * What a service member brings to the deployment: allergies, long-term conditions and the medicines
 * taken for them (SNOMED CT). Accession standards screen most chronic disease out of a young force, so
 * the rates are low; the figures and the judgement behind them are in docs/casualty-model.md.
 */
import type { Rng } from './rng.js';
import type { HistoryEntry, Medication } from './types.js';

interface Allergy extends HistoryEntry {
  p: number;
}

const PENICILLIN_ALLERGY = '91936005';
const LATEX_ALLERGY = '300916003';

const ALLERGIES: readonly Allergy[] = [
  // About 10 % of patients carry a penicillin allergy label (Shenoy 2019); fewer among young adults.
  { code: PENICILLIN_ALLERGY, name: 'Allergy to penicillin', p: 0.08 },
  // Adult food allergy (Gupta 2019: peanut 1.8 %, shellfish 2.9 %), halved: a systemic food reaction bars
  // enlistment (DoDI 6130.03; the halving is judgement).
  { code: '91935009', name: 'Allergy to peanut', p: 0.009 },
  { code: '300913006', name: 'Shellfish allergy', p: 0.015 },
  { code: LATEX_ALLERGY, name: 'Latex allergy', p: 0.01 },
];

/** Whether the record bars a beta-lactam (a penicillin or a cephalosporin) from this casualty's care. */
export const betaLactamAllergic = (allergies: readonly HistoryEntry[]): boolean =>
  allergies.some((a) => a.code === PENICILLIN_ALLERGY);

const SERTRALINE = '372594008';
const REFLUX = '235595009';
const HYPERTENSION = '59621000';
const LISINOPRIL = '386873009';
const IBUPROFEN = '387207008';

const TAKES_SERTRALINE = 'takes sertraline, an SSRI';
const takesSertraline = (history: { medications: readonly Medication[] }): boolean =>
  history.medications.some((m) => m.code === SERTRALINE);

/**
 * Why an NSAID is withheld from this casualty, or undefined. With an SSRI, NSAIDs raise the risk of
 * gastrointestinal bleeding (NICE CKS, NSAIDs: prescribing issues); the BNF cautions them in
 * gastrointestinal disease and in asthma; and they raise blood pressure, blunt an ACE inhibitor and, with
 * it, can harm the kidneys of a casualty who may also be dehydrated (NICE CKS, NSAIDs: prescribing issues).
 * Ibuprofen already taken is a caution too: the BNF advises against two NSAIDs together, for their side
 * effects add up. Where paracetamol serves as well (sick-call pain and fever), a prescriber takes it
 * instead; choosing it outright is our judgement.
 */
/**
 * The ACE inhibitor stopped while the patient is dehydrated, as it stops the kidney holding its filtration
 * up when the blood volume is low (NICE NG148, acute kidney injury, 2019: consider stopping it temporarily
 * in diarrhoea and vomiting; the Think Kidneys sick day guidance).
 */
export const takesAceInhibitor = (history: { medications: readonly Medication[] }): boolean =>
  history.medications.some((m) => m.code === LISINOPRIL);
export const ACE_INHIBITOR_SICK_DAY =
  'Lisinopril withheld while dehydrated, restarted 24–48 h after eating and drinking normally (sick day rules: acute kidney injury risk)';

export function nsaidCaution(history: {
  comorbidities: readonly HistoryEntry[];
  medications: readonly Medication[];
}): string | undefined {
  if (takesSertraline(history)) return TAKES_SERTRALINE;
  if (history.comorbidities.some((c) => c.code === REFLUX)) return 'gastro-oesophageal reflux';
  if (history.comorbidities.some((c) => c.code === ASTHMA)) return 'asthma';
  if (history.medications.some((m) => m.code === LISINOPRIL)) return 'takes lisinopril for hypertension';
  if (history.medications.some((m) => m.code === IBUPROFEN)) return 'already on a regular NSAID';
  return undefined;
}

/**
 * The history without its ibuprofen when the rest of it is a reason to withhold an NSAID: no prescriber
 * leaves a standing NSAID beside its own caution (BNF). The back pain it was for goes without a regular
 * painkiller, since NICE NG59 does not offer paracetamol alone for low back pain.
 */
function withoutCautionedNsaid(history: MedicalHistory): MedicalHistory {
  const others = history.medications.filter((m) => m.code !== IBUPROFEN);
  if (others.length === history.medications.length) return history;
  if (!nsaidCaution({ comorbidities: history.comorbidities, medications: others })) return history;
  return { ...history, medications: others };
}

/**
 * Why a sympathomimetic decongestant is withheld, or undefined: the BNF cautions pseudoephedrine in
 * hypertension, which it can raise.
 */
export function decongestantCaution(history: { comorbidities: readonly HistoryEntry[] }): string | undefined {
  return history.comorbidities.some((c) => c.code === HYPERTENSION) ? 'hypertension' : undefined;
}

/**
 * Why a tricyclic is withheld, or undefined: amitriptyline beside sertraline risks the serotonin syndrome,
 * and sertraline raises the tricyclic's blood level (BNF, interactions of amitriptyline).
 */
export function tricyclicCaution(history: { medications: readonly Medication[] }): string | undefined {
  return takesSertraline(history) ? TAKES_SERTRALINE : undefined;
}

/** Whether the team must use latex-free gloves and equipment on this casualty. */
export const latexAllergic = (allergies: readonly HistoryEntry[]): boolean =>
  allergies.some((a) => a.code === LATEX_ALLERGY);

export const NO_KNOWN_ALLERGY: HistoryEntry = { code: '716186003', name: 'No known allergy' };

interface Chronic extends HistoryEntry {
  /** Prevalence by age band: under 30, 30–39, 40 and over. */
  p: readonly [number, number, number];
  medication?: Medication;
}

const CHRONIC: readonly Chronic[] = [
  {
    code: '61582004',
    name: 'Allergic rhinitis',
    p: [0.06, 0.06, 0.05],
    medication: { code: '372523007', name: 'Cetirizine', detail: 'Cetirizine 10 mg PO once daily' },
  },
  {
    code: '195967001',
    name: 'Asthma',
    p: [0.03, 0.03, 0.03],
    medication: {
      code: '372897005',
      name: 'Salbutamol',
      detail: 'Salbutamol 100 micrograms 2 puffs inhaled as needed',
    },
  },
  {
    code: '278860009',
    name: 'Chronic low back pain',
    p: [0.03, 0.05, 0.08],
    medication: { code: '387207008', name: 'Ibuprofen', detail: 'Ibuprofen 400 mg PO as needed' },
  },
  {
    code: HYPERTENSION,
    name: 'Essential hypertension',
    p: [0.02, 0.06, 0.12],
    medication: { code: LISINOPRIL, name: 'Lisinopril', detail: 'Lisinopril 10 mg PO once daily' },
  },
  { code: '414916001', name: 'Obesity', p: [0.12, 0.18, 0.2] },
  {
    code: '37796009',
    name: 'Migraine',
    p: [0.03, 0.03, 0.02],
    medication: { code: '395892000', name: 'Sumatriptan', detail: 'Sumatriptan 50 mg PO at onset' },
  },
  {
    code: '35489007',
    name: 'Depressive disorder',
    p: [0.025, 0.03, 0.03],
    medication: { code: '372594008', name: 'Sertraline', detail: 'Sertraline 50 mg PO once daily' },
  },
  {
    code: '235595009',
    name: 'Gastroesophageal reflux disease',
    p: [0.015, 0.025, 0.04],
    medication: { code: '387137007', name: 'Omeprazole', detail: 'Omeprazole 20 mg PO once daily' },
  },
];

/** Share of those with a condition that takes a medicine for it (judgement). */
const TREATED_P = 0.7;

const ASTHMA = '195967001';
/**
 * Share of in-theatre asthma attacks in someone already known to have asthma. Morris 2015 (J Asthma
 * 52:363): of 194 soldiers with asthma who had deployed, 98 were diagnosed after deploying, so about half
 * of the asthma a deployment meets is a first presentation.
 */
const ASTHMA_KNOWN_P = 0.5;

export interface MedicalHistory {
  allergies: HistoryEntry[];
  comorbidities: HistoryEntry[];
  medications: Medication[];
}

/** A casualty's history, drawn from its own stream so that nothing else on the record moves with it. */
export function drawMedicalHistory(rng: Rng, age: number): MedicalHistory {
  const band = age < 30 ? 0 : age < 40 ? 1 : 2;
  const allergies: HistoryEntry[] = [];
  for (const a of ALLERGIES) if (rng.chance(a.p)) allergies.push({ code: a.code, name: a.name });
  const comorbidities: HistoryEntry[] = [];
  const medications: Medication[] = [];
  for (const c of CHRONIC) {
    if (!rng.chance(c.p[band])) continue;
    comorbidities.push({ code: c.code, name: c.name });
    if (c.medication && rng.chance(TREATED_P)) medications.push({ ...c.medication });
  }
  return withoutCautionedNsaid({
    allergies: allergies.length > 0 ? allergies : [{ ...NO_KNOWN_ALLERGY }],
    comorbidities,
    medications,
  });
}

/**
 * The history of a casualty who presents with `code`: an asthma attack is usually in a known asthmatic,
 * so asthma joins the history (with its reliever, as often as for any asthmatic) unless this is a first
 * presentation. The stream is the casualty's own, opened only when needed (so nothing else moves).
 */
export function historyWithPresentation(
  stream: () => Rng,
  history: MedicalHistory,
  code: string,
): MedicalHistory {
  if (code !== ASTHMA || history.comorbidities.some((c) => c.code === ASTHMA)) return history;
  const rng = stream();
  if (!rng.chance(ASTHMA_KNOWN_P)) return history;
  const asthma = CHRONIC.find((c) => c.code === ASTHMA)!;
  const medications = [...history.medications];
  if (asthma.medication && rng.chance(TREATED_P)) medications.push({ ...asthma.medication });
  return withoutCautionedNsaid({
    ...history,
    comorbidities: [...history.comorbidities, { code: asthma.code, name: asthma.name }],
    medications,
  });
}
