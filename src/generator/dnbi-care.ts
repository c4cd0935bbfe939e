/**
 * What a sick-call patient is actually given, and the findings that come with the diagnosis: the
 * catalogue names a class of treatment ("Analgesia"); the card names one regimen from the usual
 * first-line choices (British National Formulary / WHO Model Formulary doses), so two patients with the
 * same diagnosis do not carry the same record.
 */
import type { Rng } from './rng.js';
import type { Condition } from './types.js';

const PARACETAMOL = 'Paracetamol 1 g PO every 6 h';

const REGIMENS: Readonly<Record<string, readonly string[]>> = {
  Analgesia: [
    PARACETAMOL,
    'Ibuprofen 400 mg PO every 8 h',
    'Naproxen 500 mg PO every 12 h',
    'Diclofenac 50 mg PO every 8 h',
    'Paracetamol 1 g + ibuprofen 400 mg PO',
  ],
  Antipyretic: [PARACETAMOL, 'Ibuprofen 400 mg PO every 8 h'],
  // Renal colic: an NSAID first, by any route (NICE NG118); paracetamol where one is withheld (sparingNsaid).
  'Renal colic analgesia': ['Diclofenac 75 mg IM, then 50 mg PO every 8 h', 'Ibuprofen 400 mg PO every 8 h'],
  // No NSAID before a surgical cause is excluded.
  'Abdominal pain analgesia': [`${PARACETAMOL} (no NSAID until a surgical cause is excluded)`],
  // NICE CG100: a fixed reducing dose of chlordiazepoxide, held where the CIWA-Ar score is low.
  'Alcohol withdrawal regimen': [
    'Chlordiazepoxide reducing regimen, 20–30 mg PO four times daily tapered over 5–7 days, doses guided by the CIWA-Ar score',
  ],
  // Dengue's bleeding risk rules out NSAIDs and aspirin: paracetamol only (WHO dengue guidelines, 2009).
  // NICE NG59: an NSAID for low back pain, never paracetamol alone (backPainWithoutNsaid for a caution).
  'Back pain analgesia': [
    'Ibuprofen 400 mg PO every 8 h with food',
    'Naproxen 500 mg PO every 12 h with food',
    'Paracetamol 1 g + ibuprofen 400 mg PO',
  ],
  'Dengue antipyretic': [`${PARACETAMOL} (no NSAID or aspirin: bleeding risk in dengue)`],
  // Ibuprofen for its action against prostaglandins in the thawed tissue, not only for the pain
  // (Wilderness Medical Society frostbite guideline, 2019).
  'Frostbite analgesia': ['Ibuprofen 400 mg PO every 12 h'],
  // Self-limiting respiratory infections, each by its own symptom (NICE NG79 sinusitis, NG84 sore throat,
  // NG120 cough; CKS common cold): pain and fever relief for all; a decongestant or saline only for the
  // blocked nose, lozenges only for the throat, honey for the cough.
  'Cold remedies': [
    'Paracetamol 1 g PO, fluids, rest',
    'Pseudoephedrine 60 mg PO, fluids',
    'Saline nasal spray, rest in quarters 24 h',
  ],
  'Sore throat remedies': [
    'Paracetamol 1 g PO every 6 h, throat lozenges',
    'Ibuprofen 400 mg PO every 8 h, salt-water gargles',
  ],
  'Cough remedies': [
    'Paracetamol 1 g PO, fluids, rest; honey for the cough',
    'Ibuprofen 400 mg PO every 8 h, fluids',
  ],
  'Oral rehydration': [
    'Oral rehydration salts 200 ml after each loose stool',
    'Oral rehydration salts; loperamide 4 mg PO then 2 mg',
    'Oral rehydration salts; ondansetron 4 mg PO',
  ],
  'Fracture analgesia': [
    'Paracetamol 1 g PO every 6 h, ibuprofen 400 mg PO every 8 h and oral morphine 10 mg every 4 h as needed',
  ],
  'Rib fracture analgesia': [
    'Paracetamol 1 g PO every 6 h, ibuprofen 400 mg PO every 8 h and oral morphine 10 mg every 4 h as needed; deep breathing and coughing exercises',
  ],
  // The first bag in half an hour, faster than a gastroenteritis's: the heat casualty who cannot drink is
  // volume-depleted (judgement).
  'Intravenous fluids': [
    'Sodium chloride 0.9 % 1 L IV over 30 min',
    "Compound sodium lactate (Hartmann's) 1 L IV over 30 min",
  ],
  // Diarrhoea and vomiting that cannot be kept up with by mouth: replaced by drip with the losses, the
  // potassium guided by the electrolytes, and the vomiting stopped so that drinking can resume (NICE CKS,
  // gastroenteritis; NICE CG174, intravenous fluid therapy in adults).
  'Intravenous rehydration': [
    'Sodium chloride 0.9 % 1 L IV over 1 h, then 1 L every 6 h with potassium chloride 20 mmol/L as the electrolytes guide; ondansetron 4 mg IV',
    "Compound sodium lactate (Hartmann's) 1 L IV over 1 h, then 1 L every 6 h until drinking; ondansetron 4 mg IV",
  ],
  // A dehydration from heat and work drinks its salts (NICE CKS, dehydration in adults; US Army TB MED
  // 507): no antidiarrhoeal, no antiemetic, for neither diarrhoea nor vomiting brought it.
  'Oral rehydration salts': [
    'Oral rehydration salts 1 L PO over the first hour, then to thirst',
    'Oral rehydration salts 200 ml PO every 10–15 min, 1–2 L in all',
  ],
  // Dental pain (SDCEP Drug Prescribing for Dentistry, 3rd ed. 2016; NICE CKS, dental abscess): ibuprofen
  // first, paracetamol where an NSAID is withheld (sparingNsaid).
  'Dental analgesia': ['Ibuprofen 400 mg PO every 6 h after food, for up to 5 days'],
  // The neuropathic pain of a non-freezing cold injury: amitriptyline at night; NSAIDs and opioids do
  // little for it (Imray et al., JRAMC 2011; UK JSP 539).
  'Neuropathic analgesia': [
    'Amitriptyline 10 mg PO at night, raised to 25 mg if the pain keeps the patient awake',
    'Amitriptyline 25 mg PO at night',
  ],
  'Topical corticosteroid': ['Hydrocortisone 1 % cream twice daily', 'Betamethasone 0.1 % cream once daily'],
  'Topical antifungal': ['Terbinafine 1 % cream twice daily', 'Clotrimazole 1 % cream three times daily'],
  Antihistamine: ['Cetirizine 10 mg PO daily', 'Loratadine 10 mg PO daily', 'Fexofenadine 180 mg PO daily'],
  Antiemetic: ['Ondansetron 4 mg PO', 'Metoclopramide 10 mg PO'],
  'Proton pump inhibitor': ['Omeprazole 20 mg PO daily', 'Lansoprazole 30 mg PO daily'],
  Laxative: [
    'Macrogol 1 sachet PO twice daily, fluids',
    'Lactulose 15 ml PO twice daily, fluids',
    'Senna 15 mg PO at night, fluids',
  ],
  'Haemorrhoid care': [
    'Topical anaesthetic and hydrocortisone ointment; macrogol 1 sachet PO daily',
    'Warm sitz baths; lactulose 15 ml PO twice daily',
  ],
  'Antiseptic mouthwash': ['Chlorhexidine 0.2 % mouthwash twice daily; brushing and flossing'],
  // Before an operation: nothing by mouth, so the analgesia is intravenous (NSAIDs withheld until the
  // surgeon has seen the patient).
  'Parenteral analgesia': [
    'Paracetamol 1 g IV every 6 h; morphine 2.5–5 mg IV as needed',
    'Paracetamol 1 g IV every 6 h; morphine 5 mg IV as needed',
  ],
  'Antibiotic eye drops': [
    'Chloramphenicol 0.5 % eye drops every 2 h',
    'Fusidic acid 1 % eye drops twice daily',
  ],
  // BTS/SIGN British guideline on the management of asthma (SIGN 158, 2019): the reliever through a
  // spacer, and for every acute attack prednisolone 40–50 mg daily for at least five days.
  // An acute severe attack (BTS/SIGN 158, British guideline on the management of asthma, 2019): nebulised
  // salbutamol and ipratropium, prednisolone at once; oxygen to 94–98 % where the saturation is lower.
  'Acute severe asthma': [
    'Salbutamol 5 mg nebulised, repeated every 15–30 min as needed, with ipratropium 500 micrograms nebulised; prednisolone 40 mg PO daily for 5 days',
  ],
  'Salbutamol inhaler': [
    'Salbutamol 100 micrograms a puff, 2–4 puffs through a spacer as needed; prednisolone 40 mg PO daily for 5 days',
  ],
  // NICE NG198 (acne, 2021): a fixed topical combination first.
  'Topical treatment': [
    'Adapalene 0.1 % with benzoyl peroxide 2.5 % gel once daily',
    'Clindamycin 1 % with benzoyl peroxide 3 % gel once daily',
  ],
  // Cutaneous leishmaniasis is confirmed and treated by a specialist, at home for most soldiers (CDC).
  'Antiparasitic therapy': [
    'Sore kept clean and covered; smear or biopsy to confirm; treatment after specialist review out of theatre',
  ],
  // WHO Guidelines for malaria (2023): an artemisinin combination for uncomplicated falciparum malaria,
  // once the test every fever in a malarious theatre gets (MALARIA_TEST, illness-care.ts) is positive.
  'Antimalarial therapy': [
    'Artemether-lumefantrine 80/480 mg (4 tablets) PO with food at 0, 8, 24, 36, 48 and 60 h',
  ],
  // NICE CKS, chickenpox: an adult seen within 24 h of the rash.
  'Antiviral therapy': ['Aciclovir 800 mg PO five times a day for 7 days'],
};

/** Severe malaria (WHO Guidelines for malaria, 2023): intravenous artesunate, then a full oral course. */
export const SEVERE_MALARIA =
  'Artesunate 2.4 mg/kg IV at 0, 12 and 24 h, then daily until oral artemether-lumefantrine can complete the course';

/**
 * The antibiotic for an infection seen at sick call, by diagnosis (SNOMED CT), and the alternative for a
 * penicillin allergy. UK first-line choices: NICE antimicrobial prescribing guidelines (sore throat NG84,
 * sinusitis NG79, pneumonia NG138, cellulitis NG141, lower UTI NG109) with BNF doses; sexually transmitted
 * infections and Q fever by the CDC's treatment guidelines (2021); travellers' diarrhoea by the military
 * travellers' diarrhoea guideline (Riddle et al., J Travel Med 2017); appendicitis by the IDSA/SIS
 * intra-abdominal infection guideline (Solomkin 2010).
 */
const ANTIBIOTICS: Readonly<Record<string, readonly [usual: string, penicillinAllergy: string]>> = {
  // Streptococcal sore throat.
  '43878008': [
    'Phenoxymethylpenicillin 500 mg PO every 6 h for 10 days',
    'Clarithromycin 500 mg PO every 12 h for 5 days',
  ],
  // Bacterial sinusitis.
  '36971009': [
    'Phenoxymethylpenicillin 500 mg PO every 6 h for 5 days',
    'Doxycycline 200 mg PO on day 1, then 100 mg daily, 5 days in all',
  ],
  // Otitis media.
  '65363002': [
    'Amoxicillin 500 mg PO every 8 h for 5 days',
    'Clarithromycin 500 mg PO every 12 h for 5 days',
  ],
  // Community-acquired pneumonia, low severity.
  '233604007': [
    'Amoxicillin 500 mg PO every 8 h for 5 days',
    'Doxycycline 200 mg PO on day 1, then 100 mg daily, 5 days in all',
  ],
  // Cellulitis; an abscess is drained first.
  '128045006': [
    'Flucloxacillin 1 g PO every 6 h for 5 days',
    'Clarithromycin 500 mg PO every 12 h for 5 days',
  ],
  '128477000': [
    'Incision and drainage; flucloxacillin 1 g PO every 6 h for 5 days',
    'Incision and drainage; clarithromycin 500 mg PO every 12 h for 5 days',
  ],
  // Lower urinary tract infection in a man (a woman's course is 3 days: urinaryInfectionCourse).
  '68566005': [
    'Nitrofurantoin 100 mg modified-release PO every 12 h for 7 days',
    'Nitrofurantoin 100 mg modified-release PO every 12 h for 7 days',
  ],
  '11840006': ['Azithromycin 1 g PO, single dose', 'Azithromycin 1 g PO, single dose'],
  '105629000': ['Doxycycline 100 mg PO every 12 h for 7 days', 'Doxycycline 100 mg PO every 12 h for 7 days'],
  '15628003': [
    'Ceftriaxone 500 mg IM, single dose',
    'Gentamicin 240 mg IM plus azithromycin 2 g PO, single doses',
  ],
  '186788009': [
    'Doxycycline 100 mg PO every 12 h for 14 days',
    'Doxycycline 100 mg PO every 12 h for 14 days',
  ],
  '85189001': [
    'Cefuroxime 1.5 g IV every 8 h plus metronidazole 500 mg IV every 8 h',
    'Ciprofloxacin 400 mg IV every 12 h plus metronidazole 500 mg IV every 8 h',
  ],
};

/**
 * Community-acquired pneumonia by severity (NICE NG138): moderate adds clarithromycin for atypical
 * organisms; high severity is treated intravenously in hospital.
 */
const PNEUMONIA = '233604007';
const PNEUMONIA_BY_SEVERITY: Readonly<
  Record<'moderate' | 'high', readonly [usual: string, penicillinAllergy: string]>
> = {
  moderate: [
    'Amoxicillin 500 mg PO every 8 h plus clarithromycin 500 mg PO every 12 h for 5 days',
    'Clarithromycin 500 mg PO every 12 h for 5 days',
  ],
  high: [
    'Co-amoxiclav 1.2 g IV every 8 h plus clarithromycin 500 mg IV every 12 h, 5 days in all',
    'Levofloxacin 500 mg IV every 12 h, 5 days in all',
  ],
};

export type PneumoniaSeverity = 'low' | 'moderate' | 'high';

/**
 * The severity NICE NG138 treats by: CRB65 from the vital signs on arrival (new confusion, breathing
 * rate of 30 or more, systolic pressure under 90; no serving casualty scores for age 65 or over), and
 * the clinician's judgement that makes a casualty triaged for immediate care a high-severity case
 * whatever the score.
 */
export function pneumoniaSeverity(
  v: { gcs: number; respiratory_rate: number; systolic_bp: number } | undefined,
  immediate: boolean,
): PneumoniaSeverity {
  if (immediate) return 'high';
  if (!v) return 'low';
  const crb65 = (v.gcs < 15 ? 1 : 0) + (v.respiratory_rate >= 30 ? 1 : 0) + (v.systolic_bp < 90 ? 1 : 0);
  return crb65 >= 3 ? 'high' : crb65 >= 1 ? 'moderate' : 'low';
}

/**
 * Sepsis suspected in an infection: qSOFA 2 or more on arrival (Seymour 2016, Sepsis-3: breathing rate 22
 * or more, altered mentation, systolic pressure 100 mmHg or less).
 */
export function septic(
  v: { gcs: number; respiratory_rate: number; systolic_bp: number } | undefined,
): boolean {
  if (!v) return false;
  return (v.respiratory_rate >= 22 ? 1 : 0) + (v.gcs < 15 ? 1 : 0) + (v.systolic_bp <= 100 ? 1 : 0) >= 2;
}

/**
 * A cellulitis in a patient systemically unwell (triaged T2: Eron class II–III, CREST 2005) is treated
 * intravenously in hospital until it improves, then by mouth (NICE NG141, cellulitis and erysipelas, 2019).
 */
const CELLULITIS = '128045006';
const CELLULITIS_INTRAVENOUS = [
  'Flucloxacillin 2 g IV every 6 h, by mouth once improving, 5–7 days in all',
  'Clarithromycin 500 mg IV every 12 h, by mouth once improving, 5–7 days in all',
] as const;

/**
 * The antibiotic regimen for a diagnosis, or undefined where the catalogue has none to name. `unwell`: the
 * patient is systemically unwell (triaged above T3), which takes a cellulitis to the intravenous drug.
 */
export function antibioticFor(
  code: string,
  penicillinAllergy: boolean,
  pneumonia: PneumoniaSeverity = 'low',
  unwell = false,
): string | undefined {
  const regimen =
    code === PNEUMONIA && pneumonia !== 'low'
      ? PNEUMONIA_BY_SEVERITY[pneumonia]
      : code === CELLULITIS && unwell
        ? CELLULITIS_INTRAVENOUS
        : ANTIBIOTICS[code];
  return regimen?.[penicillinAllergy ? 1 : 0];
}

/**
 * A lower urinary tract infection (NICE NG109, 2018): nitrofurantoin for 3 days in a woman who is not
 * pregnant, 7 in a man; a woman's dipstick guides the antibiotic, a man's urine is sent for culture before
 * it is started.
 */
export const URINARY_INFECTION = '68566005';
const URINARY_INFECTION_WOMAN = 'Nitrofurantoin 100 mg modified-release PO every 12 h for 3 days';
export const urinaryInfectionCourse = (female: boolean, regimen: string): string =>
  female ? URINARY_INFECTION_WOMAN : regimen;
export const urineTests = (female: boolean): string =>
  female
    ? 'Urine dipstick: nitrite and leucocytes'
    : 'Urine dipstick; midstream urine sent for culture before the antibiotic';

/**
 * Abdominal or pelvic pain, nausea, a urinary or sexually transmitted infection in a woman: a pregnancy
 * test first (NICE NG126, ectopic pregnancy, 2019: every woman of reproductive age with abdominal or pelvic
 * pain; it also decides the antibiotic and any CT, under IR(ME)R 2017). The diagnoses by SNOMED CT code.
 */
const PREGNANCY_TESTED = new Set([
  '21522001', // abdominal pain
  '85189001', // acute appendicitis
  '95570007', // kidney stone
  '68566005', // urinary tract infection
  '422587007', // nausea
  '105629000', // chlamydia
  '15628003', // gonorrhoea
]);
export const pregnancyTestFor = (code: string, female: boolean): boolean =>
  female && PREGNANCY_TESTED.has(code);
export const PREGNANCY_TEST = 'Urine pregnancy test (hCG): negative';

/** One regimen for a treatment class; classes without alternatives are written as they are. */
export function regimenFor(rng: Rng, drug: string): string {
  const options = REGIMENS[drug];
  return options ? rng.pick(options) : drug;
}

const NSAID = /ibuprofen|naproxen|diclofenac/i;
const DECONGESTANT = /pseudoephedrine/i;

/** The regimen without pseudoephedrine when the history gives a reason (`decongestantCaution`). */
export function sparingDecongestant(regimen: string, reason: string | undefined): string {
  if (!reason || !DECONGESTANT.test(regimen)) return regimen;
  return `Saline nasal spray, paracetamol 1 g PO, fluids (pseudoephedrine withheld: ${reason})`;
}

/**
 * Why a fever in a theatre with dengue gets no NSAID: until dengue is excluded its bleeding risk rules
 * NSAIDs and aspirin out (WHO, Dengue: guidelines for diagnosis, treatment, prevention and control, 2009).
 */
export const DENGUE_NOT_EXCLUDED = 'fever where dengue is not yet excluded';

/**
 * Every fever in a theatre with malaria is tested for it at first contact, the same day, whatever else
 * explains it (UK malaria treatment guidelines, Lalloo et al., J Infect 2016; WHO Guidelines for malaria,
 * 2023): a rapid diagnostic test and thick and thin films.
 */
export const MALARIA_TEST = 'Malaria rapid diagnostic test and thick and thin blood films';
/** A Role 1 has no microscope: the rapid test there, the films at the first laboratory (Role 2 or 3). */
export const MALARIA_RAPID_TEST = 'Malaria rapid diagnostic test; the films at the first laboratory';
/** Minutes a malaria rapid diagnostic test takes to read (about 15 to 20 by the makers' instructions). */
export const MALARIA_TEST_MINUTES = 15;

const TRICYCLIC = /amitriptyline/i;

/**
 * The regimen without amitriptyline when the history gives a reason (`tricyclicCaution`): gabapentin, one
 * of the four first choices for neuropathic pain beside it (NICE CG173).
 */
export function sparingTricyclic(regimen: string, reason: string | undefined): string {
  if (!reason || !TRICYCLIC.test(regimen)) return regimen;
  return `Gabapentin 300 mg PO at night, raised every few days as the pain allows (amitriptyline withheld: ${reason})`;
}

/**
 * The regimen without its NSAID when the history gives a reason (`nsaidCaution`): a regimen of several
 * analgesics keeps the others (a broken rib's paracetamol and morphine), any other becomes paracetamol.
 */
export function sparingNsaid(regimen: string, reason: string | undefined): string {
  if (!reason || !NSAID.test(regimen)) return regimen;
  const rest = regimen.replace(NSAID_CLAUSE, '');
  return /paracetamol/i.test(rest) && !NSAID.test(rest)
    ? `${rest} (NSAID withheld: ${reason})`
    : `${PARACETAMOL} (NSAID withheld: ${reason})`;
}
/**
 * Low back pain where an NSAID is withheld: a weak opioid with or without paracetamol, never paracetamol
 * alone (NICE NG59, 2016, updated 2020).
 */
export function backPainWithoutNsaid(regimen: string, reason: string | undefined): string {
  if (!reason || !NSAID.test(regimen)) return regimen;
  return `Codeine 30 mg PO every 6 h as needed, with paracetamol 1 g PO every 6 h, for a short course (NSAID withheld: ${reason})`;
}
/** An NSAID written as a clause of its own after a comma: ", ibuprofen 400 mg PO every 8 h". */
const NSAID_CLAUSE = /, (ibuprofen|naproxen|diclofenac)[^,;]*?(?= and |[,;]|$)/i;

type Finding = readonly [code: string, name: string, region: string, p: number];

/** Findings recorded beside a diagnosis when present (shares are judgement). */
const FINDINGS: Readonly<Record<string, readonly Finding[]>> = {
  '25374005': [['34095006', 'Dehydration', 'Systemic', 0.3]],
  '62315008': [['34095006', 'Dehydration', 'Systemic', 0.2]],
  '11840006': [['34095006', 'Dehydration', 'Systemic', 0.2]],
  '6142004': [['68962001', 'Muscle pain', 'Systemic', 0.4]],
  '54150009': [['386661006', 'Fever', 'Systemic', 0.25]],
  '195662009': [['386661006', 'Fever', 'Systemic', 0.3]],
  '197480006': [['193462001', 'Insomnia', 'Systemic', 0.3]],
  '73595000': [['193462001', 'Insomnia', 'Systemic', 0.4]],
  '35489007': [['193462001', 'Insomnia', 'Systemic', 0.4]],
  '37796009': [['422587007', 'Nausea', 'Abdomen', 0.4]],
};

/** The findings that come with a diagnosis on this card. */
export function findingsFor(rng: Rng, code: string): Condition[] {
  const out: Condition[] = [];
  for (const [c, name, region, p] of FINDINGS[code] ?? []) {
    if (p > 0 && rng.chance(p)) out.push({ code: c, name, body_region: region });
  }
  return out;
}
