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
  'Symptomatic treatment': [
    'Paracetamol 1 g PO, fluids, rest',
    'Throat lozenges, paracetamol 1 g PO',
    'Pseudoephedrine 60 mg PO, fluids',
    'Saline nasal spray, rest in quarters 24 h',
  ],
  'Oral rehydration': [
    'Oral rehydration salts 200 ml after each loose stool',
    'Oral rehydration salts; loperamide 4 mg PO then 2 mg',
    'Oral rehydration salts; ondansetron 4 mg PO',
  ],
  'Intravenous fluids': ['Sodium chloride 0.9 % 1 L IV', "Compound sodium lactate (Hartmann's) 1 L IV"],
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
};

/** One regimen for a treatment class; classes without alternatives are written as they are. */
export function regimenFor(rng: Rng, drug: string): string {
  const options = REGIMENS[drug];
  return options ? rng.pick(options) : drug;
}

const NSAID = /ibuprofen|naproxen|diclofenac/i;

/** The regimen, with paracetamol in place of an NSAID when the history gives a reason (`nsaidCaution`). */
export function sparingNsaid(regimen: string, reason: string | undefined): string {
  if (!reason || !NSAID.test(regimen)) return regimen;
  return `${PARACETAMOL} (NSAID withheld: ${reason})`;
}

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
