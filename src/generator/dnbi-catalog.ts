/**
 * Disease and non-battle-injury concepts (SNOMED CT) for a deployed force, with the weight of each
 * among sick-call presentations, its usual triage, where the patient returns to duty from (or the share
 * evacuated out of theatre), and what it does to the vital signs. Weights follow the category shares of
 * deployed-force data (Sanders 2005, Cohen 2010, Hauret 2010; see docs/casualty-model.md); the split
 * inside a category is judgement. Codes are well-known concepts; where no specific concept could be
 * confirmed, a confirmed general concept carries a `qualifier` (as in injury-catalog.ts).
 */
import { ANKLE_FIXATION, FOREARM_BACKSLAB, FOREARM_FIXATION, WRIST_FIXATION } from './care-texts.js';
import type { RtdLevel } from './physiology.js';

/** How a condition shifts the vital signs; `lethal` = probability of death in theatre. */
export interface DnbiEffect {
  hr?: number;
  temp?: number;
  spo2?: number;
  rr?: number;
  antibiotics?: true;
  lethal?: number;
  /** The cause of death written when it kills, where the concept is a general one ("Fever"). */
  cause?: string;
  drug?: string;
  /** The operation the diagnosis needs (SNOMED CT procedure), done at the first surgical facility. */
  operation?: readonly [code: string, display: string, detail: string];
  /** What is done for it at the first facility beyond the assessment: wound care, a splint or a general procedure, with its detail. */
  treatment?: readonly [kind: 'woundCare' | 'splint' | 'procedure', detail: string];
  /** The plain films it needs, taken at the first facility with imaging (Role 2 or 3). */
  films?: string;
  /** Tests done where the patient is first seen (a urine dipstick needs no laboratory). */
  bedside?: string;
  /** Tests that need a laboratory, done at the first Role 2 or 3 the patient reaches (a Role 1 has none). */
  laboratory?: string;
  /** The laboratory test repeated 3 h after the first (a serial troponin), wherever the patient is then. */
  laboratoryRepeat?: string;
  /** The CT scan it needs, at the first facility with a scanner (Role 2 or 3). */
  ct?: string;
  /** The operation that fixes it at home (Role 4), for a fracture flown there in a slab. */
  fixedAtHome?: string;
  /**
   * Hours of care after which the vital signs are back to normal, where treatment corrects the cause
   * itself (rewarming, cooling), rather than easing over the illness's two days. On arrival the field's
   * care already shows, as for any illness (60 % of the effect).
   */
  settlesIn?: number;
  /**
   * The earliest return to duty, in hours after the first facility saw the patient, where a guideline
   * sets one: rest after a concussion, exclusion while infectious, the review of a pneumonia (see the
   * constants below).
   */
  rtdAfter?: number;
  /** Kept away from the unit until `rtdAfter`: an infection that spreads in close quarters. */
  isolate?: true;
  /**
   * What changes when the case is triaged a step higher than the catalogue's triage: a dehydration raised
   * to T2 is the one with the fast pulse or the vomiting, and it gets a drip instead of salts by mouth.
   * `admit` is where such a case goes back to duty from, where being raised takes it into hospital.
   */
  raised?: Pick<
    DnbiEffect,
    'drug' | 'hr' | 'rr' | 'spo2' | 'temp' | 'laboratory' | 'films' | 'ct' | 'rtdAfter' | 'treatment'
  > & {
    admit?: RtdLevel;
  };
}

export type DnbiCategory =
  | 'respiratory'
  | 'gastrointestinal'
  | 'skin'
  | 'musculoskeletal'
  | 'dental'
  | 'eye'
  | 'heat'
  | 'cold'
  | 'psychiatric'
  | 'medical'
  | 'injury';

export interface DnbiConcept {
  code: string;
  name: string;
  qualifier?: string;
  region: string;
  category: DnbiCategory;
  weight: number;
  triage: 'T1' | 'T2' | 'T3';
  /** Share triaged one step higher (T2 → T1 only when the condition can kill). */
  upgrade: number;
  rtd: RtdLevel;
  /** Share evacuated out of theatre whatever the RTD level says (Cohen 2010: MSK, psychiatric, spine). */
  evac: number;
  ais: number;
  effect: DnbiEffect;
  /** Not diagnosed before this day of the operation (PTSD needs a month of symptoms: DSM-5). */
  fromDay?: number;
  /** Needs freezing temperatures (frostbite): never in a summer month unless cold or mountains say so. */
  freezing?: true;
  /** Carried by the sandflies and mosquitoes of hot countries: only where TROPICAL_ENVIRONMENTS say so. */
  tropical?: true;
}

/**
 * The environmental conditions of a theatre where sandflies and mosquitoes carry disease (leishmaniasis
 * in Iraq and Afghanistan, malaria and dengue in the tropics): extreme heat, or the dust storms of a desert.
 * Elsewhere (a Baltic summer, an Arctic winter) tropical vector-borne disease is not drawn.
 */
export const TROPICAL_ENVIRONMENTS: readonly string[] = ['extreme_heat', 'dust_storm'];

type Options = Partial<
  Pick<DnbiConcept, 'qualifier' | 'upgrade' | 'evac' | 'ais' | 'fromDay' | 'freezing' | 'tropical'>
> &
  DnbiEffect;

const d = (
  code: string,
  name: string,
  region: string,
  category: DnbiCategory,
  weight: number,
  triage: 'T1' | 'T2' | 'T3',
  rtd: RtdLevel,
  o: Options = {},
): DnbiConcept => {
  const { qualifier, upgrade, evac, ais, fromDay, freezing, tropical, ...effect } = o;
  return {
    code,
    name,
    region,
    category,
    weight,
    triage,
    rtd,
    upgrade: upgrade ?? 0,
    evac: evac ?? 0,
    ais: ais ?? 0,
    effect,
    ...(qualifier ? { qualifier } : {}),
    ...(fromDay ? { fromDay } : {}),
    ...(freezing ? { freezing } : {}),
    ...(tropical ? { tropical } : {}),
  };
};

const ANALGESIA = { drug: 'Analgesia' } as const;
export const BACK_PAIN_ANALGESIA = 'Back pain analgesia';

/**
 * A bone broken at sport, in training or in a fall: held at the first facility and X-rayed at the first with
 * imaging, before the flight home for fixation. The ankle in a well-padded below-knee backslab (British
 * Orthopaedic Association, BOAST 12, 2016); a forearm or wrist in a backslab, and a clavicle in a sling
 * (standard fracture first aid). Its pain is treated in steps, with an opioid for what paracetamol and an
 * NSAID leave (NICE NG37, fractures (non-complex), 2016).
 */
const fracture = (kind: 'splint' | 'procedure', held: string, films: string, fixedAtHome?: string) => ({
  drug: 'Fracture analgesia',
  treatment: [kind, held] as const,
  films,
  ...(fixedAtHome ? { fixedAtHome } : {}),
});
const ANKLE_FRACTURE = fracture(
  'splint',
  'Below-knee backslab, well padded; leg elevated, no weight on it, crutches',
  'X-ray of the ankle',
  ANKLE_FIXATION,
);
const FOREARM_FRACTURE = fracture('splint', FOREARM_BACKSLAB, 'X-ray of the forearm', FOREARM_FIXATION);
const WRIST_FRACTURE = fracture(
  'splint',
  'Below-elbow backslab; arm elevated in a sling',
  'X-ray of the wrist',
  WRIST_FIXATION,
);
const CLAVICLE_FRACTURE = fracture('procedure', 'Broad arm sling', 'X-ray of the clavicle');
/**
 * A twisted knee that gave way: braced and on crutches where first seen, X-rayed at the first facility with
 * imaging for the fracture the Ottawa knee rule cannot exclude in one who cannot bear weight (NICE CKS,
 * knee pain: assessment; Stiell 1996).
 */
const KNEE_LIGAMENT = {
  ...ANALGESIA,
  treatment: [
    'splint',
    'Hinged knee brace; crutches, weight-bearing as pain allows; ice and elevation',
  ] as const,
  films: 'X-ray of the knee',
};

/**
 * The earliest return to duty. Concussion: 24 h of rest before the progressive return to activity (DoD
 * DTM 09-033; DHA, 2021). Diarrhoea and vomiting: kept from others until 48 h after the last episode
 * (UKHSA, norovirus and gastrointestinal infection guidance; CDC). Influenza and COVID-19: back once a day
 * without fever and without antipyretics (CDC respiratory virus guidance, 2024), after the two to three
 * days of fever, so not before 72 h. Chickenpox: infectious until every lesion has crusted, about 5 days
 * after the rash (UKHSA). Pneumonia: reviewed at 48–72 h, when the fever and breathing should have settled
 * (NICE NG138), so not back before 72 h.
 */
/** Hours of rest after a concussion before it may go back (the battle casualty's too: course.ts). */
export const CONCUSSION_REST_HOURS = 24;
const AFTER_CONCUSSION = { rtdAfter: CONCUSSION_REST_HOURS } as const;
const INFECTIOUS_DIARRHOEA = { rtdAfter: 48, isolate: true } as const;
const FEBRILE_VIRUS = { rtdAfter: 72, isolate: true } as const;
const CHICKENPOX = { rtdAfter: 120, isolate: true } as const;
const PNEUMONIA_REVIEW = { rtdAfter: 72 } as const;
/**
 * A pneumonia admitted: the urea its CURB65 score needs, the CRP that follows its response, the blood count,
 * and blood cultures before the antibiotic where it is not of low severity (NICE NG138 and CG191; BTS
 * community-acquired pneumonia guideline, 2009).
 */
const PNEUMONIA_BLOODS =
  'Full blood count, urea and electrolytes (the urea for CURB65), C-reactive protein; blood cultures';
/**
 * Malaria's severity is graded by the laboratory (UK malaria treatment guidelines, Lalloo et al., J Infect
 * 2016): the parasitaemia on thick and thin films, the blood count, glucose, kidney and liver function.
 */
const MALARIA_BLOODS =
  'Parasite count on the thin film; full blood count, glucose, urea and electrolytes, liver function';
/**
 * Dengue is confirmed by its NS1 antigen, and its critical phase, as the fever falls on days 3 to 7, is
 * watched by the haematocrit and platelets each day (WHO, Dengue: guidelines for diagnosis, treatment,
 * prevention and control, 2009). Back to duty not before the critical phase has passed: 96 h after the
 * first facility saw the patient, at least two days of it free of fever (judgement on WHO's discharge
 * criteria: afebrile 48 h, rising platelets).
 */
const DENGUE_BLOODS =
  'Dengue NS1 antigen; full blood count with haematocrit and platelets, repeated daily through the critical phase';
const DENGUE_RTD_HOURS = 96;

/**
 * A fever with no source found at sick call: the source sought, a urine dipstick at the bedside, a full
 * blood count and CRP where there is a laboratory (NICE CKS, fever in adults: assessment). On
 * paracetamol the fever settles within about a day of care (judgement, as the vital signs show:
 * course.ts), and the patient goes back 24 h after it has settled without antipyretics (the CDC's
 * fever-free day), so not before 48 h.
 */
export const FEVER_BEDSIDE_TESTS =
  'Source of the fever sought (throat, ears, chest, skin, abdomen); urine dipstick';
export const FEVER_LABORATORY_TESTS = 'Full blood count and C-reactive protein';
/** Hours after sick call before a febrile patient may go back: a fever-free day after a day of fever. */
export const FEVER_FREE_RTD_HOURS = 48;
const UNDIAGNOSED_FEVER = {
  bedside: FEVER_BEDSIDE_TESTS,
  laboratory: FEVER_LABORATORY_TESTS,
  rtdAfter: FEVER_FREE_RTD_HOURS,
} as const;

/**
 * Sick-call care that is not a drug. Lacerations: cleaned, explored and closed, with the tetanus-prone
 * wound's immunisation checked (UK Green Book, chapter 30). Stress: combat and operational stress
 * control, rest near the unit with the expectation of return (US Army ATP 4-02.51, BICEPS). Suicidal
 * thoughts: lethal means secured and the patient watched (VA/DoD CPG on suicide risk, 2019). Alcohol:
 * withdrawal watched and thiamine given (NICE CG100). Concussion: the MACE 2 and the progressive return
 * to activity (DHA, 2021). Chest pain and syncope: a 12-lead ECG for every one (NICE CG95, CG109).
 * Insomnia: sleep hygiene before any hypnotic (NICE CKS). Contusion: rest, ice, compression, elevation.
 */
/**
 * A small burn at sick call: cooled under running water for 20 minutes (it still helps up to 3 h after the
 * burn), its size measured by the patient's palm (about 1 % of the body surface) and its depth judged, then
 * covered with a non-adherent dressing; an epidermal burn (sunburn, a light scald) needs no dressing, only
 * an emollient (British Burn Association first aid, 2018; NICE CKS, burns and scalds).
 */
const MINOR_BURN = {
  treatment: [
    'woundCare',
    "Cooled under cool running water for 20 minutes; size measured by the patient's palm (1 % of the body surface) and depth assessed; covered with a non-adherent dressing",
  ],
} as const;
const EPIDERMAL_BURN = {
  treatment: [
    'woundCare',
    "Cooled with cool running water or cool compresses for 20 minutes; size measured by the patient's palm (1 % of the body surface); emollient, no dressing for an epidermal burn",
  ],
} as const;
const LACERATION = {
  treatment: [
    'woundCare',
    'Irrigated and explored; closed with sutures, adhesive strips or tissue glue; tetanus immunisation checked',
  ],
} as const;
const HAND_LACERATION = {
  treatment: [
    'woundCare',
    'Irrigated and explored, tendons and nerves tested; closed with sutures; tetanus immunisation checked',
  ],
} as const;
const FACIAL_LACERATION = {
  treatment: [
    'woundCare',
    'Irrigated; closed with fine sutures or tissue glue, edges aligned; tetanus immunisation checked',
  ],
} as const;
const STRESS_CONTROL = {
  treatment: [
    'procedure',
    'Combat and operational stress control: rest, sleep, food and fluids close to the unit; reassurance and the expectation of return to duty (BICEPS)',
  ],
} as const;
const MENTAL_HEALTH = {
  treatment: [
    'procedure',
    'Assessment by the combat and operational stress control team; supportive counselling; follow-up arranged',
  ],
} as const;
const SUICIDE_RISK = {
  treatment: [
    'procedure',
    'Suicide risk assessment by a mental health professional; weapon and ammunition secured; continuous observation until evacuated',
  ],
} as const;
/**
 * Alcohol withdrawal (NICE CG100, 2010; CG115): a reducing regimen of chlordiazepoxide, its doses guided by
 * the CIWA-Ar score, oral thiamine to prevent Wernicke's encephalopathy (parenteral where it is suspected),
 * and referral on.
 */
const ALCOHOL = {
  drug: 'Alcohol withdrawal regimen',
  treatment: [
    'procedure',
    "Alcohol withdrawal scored with the CIWA-Ar scale every 4 h; thiamine 100 mg PO three times daily (parenteral thiamine if Wernicke's encephalopathy is suspected); referral to substance misuse services",
  ],
} as const;

/**
 * Renal colic (NICE NG118, 2019): a urine dipstick where first seen, an NSAID first (paracetamol only where
 * an NSAID is withheld), and a non-contrast CT of the kidneys, ureters and bladder within 24 h, at the first
 * facility with a scanner.
 */
const RENAL_COLIC = {
  drug: 'Renal colic analgesia',
  bedside: 'Urine dipstick (blood, infection)',
  ct: 'Non-contrast CT of the kidneys, ureters and bladder (CT KUB)',
} as const;

/**
 * Chest pain (NICE CG95, 2016, with NG185): a 12-lead ECG and aspirin where first seen, then troponin where
 * there is a laboratory, repeated 3 h later (high-sensitivity troponin at presentation and at 3 h): a
 * single troponin at a Role 1 without a laboratory excludes nothing.
 */
const CHEST_PAIN = {
  treatment: [
    'procedure',
    '12-lead ECG; aspirin 300 mg PO while a cardiac cause is not excluded; sent on to a laboratory for cardiac markers',
  ],
  laboratory: 'High-sensitivity troponin on arrival; 12-lead ECG repeated',
  laboratoryRepeat: 'High-sensitivity troponin repeated 3 h after the first (serial troponin)',
} as const;

/**
 * Abdominal pain with a fast pulse (raised to T2) is a surgical abdomen until shown otherwise: sent to the
 * surgeon at Role 2 the same day, its bloods and urine tested and its abdomen scanned, and watched there
 * until the cause is known to be no surgeon's (NICE CKS, abdominal pain: same-day assessment with
 * tachycardia; RCS/ACPGBI, acute abdomen: imaging before discharge where doubt remains). The scan that
 * sends it back finds no appendicitis, perforation or obstruction.
 */
const SURGICAL_ABDOMEN_EXCLUDED = {
  hr: 36,
  laboratory: 'Full blood count, C-reactive protein, urea and electrolytes, amylase; urine dipstick',
  ct: 'CT of the abdomen and pelvis: no appendicitis, perforation or obstruction',
  admit: 'role2',
} as const;
/**
 * Abdominal pain with no diagnosis yet: paracetamol, no NSAID until a surgical cause is excluded
 * (judgement, after the reviewing GP; NICE CKS, abdominal pain).
 */
const UNDIAGNOSED_ABDOMINAL_PAIN = {
  drug: 'Abdominal pain analgesia',
  raised: SURGICAL_ABDOMEN_EXCLUDED,
} as const;
/**
 * A concussion, at sick call or after a blast (DoD Directive-Type Memorandum 09-033, 2010: an evaluation
 * with the MACE after every blast, then at least 24 h of rest; DHA, 2021: the progressive return to activity).
 */
export const CONCUSSION_SCREEN =
  'MACE 2 concussion screen and neurological examination; 24 h rest, then the progressive return to activity';
const CONCUSSION = { treatment: ['procedure', CONCUSSION_SCREEN], ...AFTER_CONCUSSION } as const;
/**
 * A broken rib that leaves the patient breathless and tachycardic (raised to T2) is filmed for a
 * pneumothorax or a haemothorax before anything else (ATLS, 10th ed.), which needs Role 2's X-ray, and
 * given the analgesia that lets the patient breathe deeply and cough, against pneumonia (BTS/NICE CKS,
 * rib fracture). A simple one, breathing easily, needs no film (NICE CKS) and goes back from Role 1.
 */
const RIB_FRACTURE_BREATHLESS = {
  hr: 36,
  rr: 8,
  films: 'X-ray of the chest',
  drug: 'Rib fracture analgesia',
  admit: 'role2',
} as const;
/** The qualifier that names a non-freezing cold injury (its code is a general confirmed concept). */
export const NFCI_QUALIFIER = 'non-freezing cold injury (trench foot, immersion foot)';
/** The qualifier that names heat stroke (its code, 386661006 |Fever|, records only the temperature). */
export const FROSTBITE = '370977006';
export const HEAT_STROKE_QUALIFIER = 'exertional heat stroke: core temperature above 40 °C with confusion';
const INFECTION = { hr: 12, temp: 1.4, antibiotics: true, drug: 'Antipyretic' } as const;
/**
 * A cellulitis with a fever and a fast pulse (raised to T2: systemically unwell, Eron class II–III) is
 * admitted for intravenous antibiotics (dnbi-care.ts), its blood count and CRP measured, and goes back only
 * once it has improved on them, after 48 h at the least (NICE NG141, 2019; CREST 2005). One that is well
 * takes its tablets in quarters (NICE CKS, cellulitis).
 */
const CELLULITIS_ADMITTED = {
  hr: 36,
  temp: 2,
  laboratory: FEVER_LABORATORY_TESTS,
  rtdAfter: 48,
  admit: 'role2',
} as const;
const COLD = { drug: 'Cold remedies' } as const;
const SORE_THROAT = { drug: 'Sore throat remedies' } as const;
const COUGH = { drug: 'Cough remedies' } as const;
/**
 * Diarrhoea and vomiting raised to T2: the fluid lost shows in a pulse past 100, not in a higher fever.
 * Such a case cannot keep up with its losses by mouth, and NICE CKS (gastroenteritis) admits it to
 * hospital: a drip over a day or two, the electrolytes measured (which needs Role 2's laboratory), nursed
 * apart while infectious. A Role 1's holding beds hold a drip for hours, not for days (AJP-4.10), so it goes
 * back to duty from Role 2.
 */
const REHYDRATION = {
  hr: 12,
  drug: 'Oral rehydration',
  raised: { hr: 36, drug: 'Intravenous rehydration', laboratory: 'Urea and electrolytes', admit: 'role2' },
} as const;

/**
 * Dental pain is treated by the dental officer, a drug only beside it (SDCEP Drug Prescribing for
 * Dentistry, 2016; NICE CKS, dental abscess): a carious tooth is dressed or restored; the pain of an
 * inflamed or dead pulp stops when the pulp is taken out or the tooth is extracted. The facilities carry
 * no dental roster: the dental officer is written at the first facility, the sick call's (a deployed
 * dental officer works beside the Role 1 or with the Role 2: US FM 4-02.19; judgement).
 */
const DENTAL_PAIN = { drug: 'Dental analgesia' } as const;
const DENTAL_RESTORATION =
  'Seen by the dental officer: caries removed under local anaesthetic and the tooth dressed with a temporary (glass-ionomer) restoration';
const DENTAL_PULP =
  'Seen by the dental officer: under local anaesthetic the pulp extirpated and the tooth dressed, or the tooth extracted where it cannot be saved';

/**
 * A whiplash is cleared by the Canadian C-spine rule (Stiell 2001; NICE NG232, head injury, 2023): one at
 * low risk that can turn its head 45° each way needs no imaging, no collar, and keeps moving (NICE CKS,
 * whiplash). One raised to T2 by its pain cannot turn its head: the collar stays on and the neck is
 * scanned, at Role 2, before it goes back.
 */
const WHIPLASH = {
  treatment: [
    'procedure',
    'Canadian C-spine rule applied: low risk, turns the head 45° each way, so no imaging and no collar; advised to keep the neck moving',
  ],
  raised: {
    hr: 36,
    treatment: [
      'procedure',
      'Canadian C-spine rule: cannot turn the head 45° each way, so the neck is imaged; collar on until then',
    ],
    ct: 'CT of the cervical spine: no fracture; collar off',
    admit: 'role2',
  },
} as const;
/**
 * A sprain's own care beside the painkiller (NICE CKS, sprains and strains, 2020; Stiell 1992). The ankle:
 * the Ottawa ankle rules decide whether it needs an X-ray, then protection, rest, ice, compression and
 * elevation (PRICE) for 48–72 h, an ankle support and crutches while it cannot bear weight. The wrist: the
 * scaphoid examined, for its fracture hides behind a "sprained wrist" (NICE NG38, 2016): one not tender
 * is supported and moved early; one tender is splinted and X-rayed with scaphoid views at the first
 * facility with imaging, so it goes back to duty from Role 2. A quarter tender is judgement.
 */
const ANKLE_SPRAIN = {
  treatment: [
    'procedure',
    'Ottawa ankle rules applied: no X-ray needed; PRICE (protection, rest, ice, compression, elevation) for 48–72 h; ankle support; crutches until it bears weight',
  ],
  // Raised to T2 by its pain: it cannot take four steps, so the rules call for the X-ray, at Role 2.
  raised: {
    hr: 36,
    treatment: [
      'procedure',
      'Ottawa ankle rules: unable to bear weight for four steps, so sent for an X-ray; PRICE (protection, rest, ice, compression, elevation) for 48–72 h; ankle support; crutches until it bears weight',
    ],
    films: 'X-ray of the ankle: no fracture',
    admit: 'role2',
  },
} as const;
const WRIST_SPRAIN = {
  treatment: [
    'procedure',
    'Scaphoid examined (anatomical snuffbox, tubercle, telescoping): not tender; wrist support, ice and elevation for 48 h, then early movement',
  ],
} as const;
export const SCAPHOID_TENDER = 'scaphoid tender: fracture not excluded';
const TENDER_SCAPHOID = {
  treatment: [
    'splint',
    'Scaphoid examined: tender in the anatomical snuffbox; below-elbow splint, arm in a sling; sent for X-ray with scaphoid views',
  ],
  films: 'X-ray of the wrist with scaphoid views',
} as const;

/**
 * Hours of rehydration, by mouth or by drip, after which a dehydration from heat and work is corrected and
 * its pulse back to normal (WHO plan B gives the salts over 4 h; judgement for the drip).
 */
const REHYDRATED_IN_HOURS = 4;
/**
 * Heat illness (US Army TB MED 507, 2022; NICE CKS, dehydration in adults). A dehydration drinks oral
 * rehydration salts; only one raised to T2 (a fast pulse, vomiting, a low blood pressure) gets intravenous
 * fluids. Heat exhaustion: moved to shade, clothing loosened, cooled actively and its core temperature
 * measured to exclude heat stroke; back to duty no sooner than 24 h, then a graded return to work in the
 * heat over the following days (TB MED 507: rest and return after 24–48 h).
 */
const DEHYDRATION = {
  drug: 'Oral rehydration salts',
  raised: { drug: 'Intravenous fluids', hr: 36 },
  settlesIn: REHYDRATED_IN_HOURS,
} as const;
const HEAT_EXHAUSTION = {
  drug: 'Oral rehydration salts',
  raised: { drug: 'Intravenous fluids', hr: 32 },
  treatment: [
    'procedure',
    'Moved to shade, clothing loosened; active cooling with fanning, water sprayed on the skin and ice packs; core (rectal) temperature measured; rest 24 h, then a graded return to work in the heat',
  ],
  rtdAfter: 24,
} as const;

/**
 * Cold injuries (Wilderness Medical Society frostbite guideline, 2019; Imray et al., JRAMC 2011, on
 * non-freezing cold injury; UK JSP 539). Superficial frostbite (first or second degree, clear blisters at
 * most) heals over one to three weeks: kept from the cold a week at the least. Deep frostbite
 * (haemorrhagic blisters, third or fourth degree) declares its tissue loss only over weeks: flown home.
 * A non-freezing cold injury's neuropathic pain answers amitriptyline at night, not an NSAID, and its
 * feet need two weeks at the least before any return to the cold. A quarter deep is judgement.
 */
export const SUPERFICIAL_FROSTBITE =
  'superficial (first or second degree): white, numb skin; clear blisters at most';
export const DEEP_FROSTBITE = 'deep (third or fourth degree): haemorrhagic blisters; tissue loss likely';
const FROSTBITE_REST = { rtdAfter: 168 } as const;
const NFCI_REST = { rtdAfter: 336 } as const;

export const DISEASE_CATALOG: readonly DnbiConcept[] = [
  // Respiratory (Sanders 2005: 69 % reported respiratory illness).
  d('54150009', 'Upper respiratory infection', 'Systemic', 'respiratory', 10, 'T3', 'role1', {
    temp: 0.6,
    ...COLD,
  }),
  d('82272006', 'Common cold', 'Head/Neck', 'respiratory', 5, 'T3', 'role1', COLD),
  d('195662009', 'Acute viral pharyngitis', 'Head/Neck', 'respiratory', 4, 'T3', 'role1', {
    temp: 0.5,
    ...SORE_THROAT,
  }),
  d('43878008', 'Streptococcal sore throat', 'Head/Neck', 'respiratory', 3, 'T3', 'role1', INFECTION),
  d('444814009', 'Viral sinusitis', 'Head/Neck', 'respiratory', 3, 'T3', 'role1', COLD),
  d('36971009', 'Sinusitis', 'Head/Neck', 'respiratory', 2, 'T3', 'role1', INFECTION),
  d('6142004', 'Influenza', 'Systemic', 'respiratory', 4, 'T3', 'role1', {
    upgrade: 0.1,
    hr: 12,
    temp: 1.5,
    drug: 'Antipyretic',
    ...FEBRILE_VIRUS,
  }),
  d(
    '840539006',
    'Disease caused by severe acute respiratory syndrome coronavirus 2',
    'Systemic',
    'respiratory',
    2,
    'T3',
    'role1',
    {
      upgrade: 0.1,
      hr: 10,
      temp: 1.2,
      drug: 'Antipyretic',
      ...FEBRILE_VIRUS,
    },
  ),
  d('10509002', 'Acute bronchitis', 'Thorax', 'respiratory', 3, 'T3', 'role1', {
    upgrade: 0.05,
    rr: 3,
    temp: 0.5,
    ...COUGH,
  }),
  d('233604007', 'Pneumonia', 'Thorax', 'respiratory', 1.5, 'T2', 'role2', {
    upgrade: 0.15,
    evac: 0.2,
    ...INFECTION,
    spo2: 6,
    rr: 8,
    lethal: 0.01,
    films: 'X-ray of the chest',
    laboratory: PNEUMONIA_BLOODS,
    ...PNEUMONIA_REVIEW,
  }),
  d('195967001', 'Asthma', 'Thorax', 'respiratory', 1, 'T3', 'role1', {
    evac: 0.15,
    upgrade: 0.2,
    rr: 6,
    spo2: 3,
    drug: 'Salbutamol inhaler',
    // BTS/SIGN 158: the attack's severity is graded by the peak flow against the patient's best.
    bedside: 'Peak expiratory flow against the best or predicted, before and after the bronchodilator',
    // Raised to T2: breathing 25 a minute or more and a pulse of 110, an acute severe attack (BTS/SIGN 158),
    // admitted, as every acute severe attack still present after the first treatment is.
    raised: { hr: 36, rr: 10, spo2: 6, drug: 'Acute severe asthma', admit: 'role2' },
  }),
  d('61582004', 'Allergic rhinitis', 'Head/Neck', 'respiratory', 2, 'T3', 'role1', { drug: 'Antihistamine' }),
  d('65363002', 'Otitis media', 'Head/Neck', 'respiratory', 1.5, 'T3', 'role1', INFECTION),

  // Gastrointestinal (Sanders 2005: diarrhoea in 77 % in Iraq, 54 % in Afghanistan).
  d('25374005', 'Gastroenteritis', 'Abdomen', 'gastrointestinal', 9, 'T3', 'role1', {
    upgrade: 0.15,
    ...REHYDRATION,
    temp: 0.8,
    ...INFECTIOUS_DIARRHOEA,
  }),
  d('62315008', 'Diarrhea', 'Abdomen', 'gastrointestinal', 5, 'T3', 'role1', {
    upgrade: 0.1,
    ...REHYDRATION,
    ...INFECTIOUS_DIARRHOEA,
  }),
  d('11840006', "Traveler's diarrhea", 'Abdomen', 'gastrointestinal', 4, 'T3', 'role1', {
    ...REHYDRATION,
    antibiotics: true,
    ...INFECTIOUS_DIARRHOEA,
  }),
  d('422587007', 'Nausea', 'Abdomen', 'gastrointestinal', 1.5, 'T3', 'role1', { drug: 'Antiemetic' }),
  d('21522001', 'Abdominal pain', 'Abdomen', 'gastrointestinal', 2, 'T3', 'role1', {
    upgrade: 0.1,
    ...UNDIAGNOSED_ABDOMINAL_PAIN,
  }),
  d('14760008', 'Constipation', 'Abdomen', 'gastrointestinal', 1, 'T3', 'role1', { drug: 'Laxative' }),
  d('235595009', 'Gastroesophageal reflux disease', 'Abdomen', 'gastrointestinal', 1.5, 'T3', 'role1', {
    evac: 0.05,
    drug: 'Proton pump inhibitor',
  }),
  // Treated where it is seen (NICE CKS, dyspepsia: a proton pump inhibitor, and a test for Helicobacter
  // pylori, its stool sent to the laboratory); one flown home goes for the endoscopy theatre lacks.
  d('13200003', 'Peptic ulcer', 'Abdomen', 'gastrointestinal', 0.5, 'T3', 'role1', {
    evac: 0.2,
    drug: 'Proton pump inhibitor',
    bedside:
      'Stool sample sent to the laboratory for Helicobacter pylori antigen; eradication therapy if positive',
  }),
  d('70153002', 'Hemorrhoids', 'Abdomen', 'gastrointestinal', 1, 'T3', 'role1', { drug: 'Haemorrhoid care' }),
  d('85189001', 'Acute appendicitis', 'Abdomen', 'gastrointestinal', 0.6, 'T2', 'none', {
    hr: 14,
    temp: 1,
    antibiotics: true,
    drug: 'Parenteral analgesia',
    laboratory: 'Full blood count and C-reactive protein; group and save',
    // Confirmed by CT before the operation (the scanner of Role 2 or 3), and no antibiotic after an
    // appendix that had not perforated (WSES Jerusalem guidelines, Di Saverio 2020).
    ct: 'CT of the abdomen and pelvis: acute appendicitis, not perforated',
    operation: [
      '80146002',
      'Appendectomy',
      'Appendicectomy (laparoscopic, or open through a right iliac fossa incision): an inflamed appendix, not perforated; antibiotics stopped after the operation',
    ],
  }),

  // Skin (heat, sweat and field hygiene).
  d('6020002', 'Tinea pedis', 'Lower extremity', 'skin', 3, 'T3', 'role1', { drug: 'Topical antifungal' }),
  d('40275004', 'Contact dermatitis', 'Upper extremity', 'skin', 2.5, 'T3', 'role1', {
    drug: 'Topical corticosteroid',
  }),
  d('128045006', 'Cellulitis', 'Lower extremity', 'skin', 2.5, 'T3', 'role1', {
    upgrade: 0.2,
    ...INFECTION,
    raised: CELLULITIS_ADMITTED,
  }),
  d('128477000', 'Abscess', 'Lower extremity', 'skin', 1.5, 'T3', 'role1', { ...INFECTION, temp: 0.5 }),
  d('11381005', 'Acne', 'Head/Neck', 'skin', 1, 'T3', 'role1', { drug: 'Topical treatment' }),
  d('24079001', 'Atopic dermatitis', 'Upper extremity', 'skin', 1, 'T3', 'role1', {
    drug: 'Topical corticosteroid',
  }),
  d('80612004', 'Leishmaniasis', 'Upper extremity', 'skin', 0.5, 'T3', 'none', {
    qualifier: 'cutaneous',
    tropical: true,
    drug: 'Antiparasitic therapy',
  }),

  // Dental (145–282 emergencies per 1,000 per year deployed).
  d('80967001', 'Dental caries', 'Head/Neck', 'dental', 3, 'T3', 'role1', {
    ...DENTAL_PAIN,
    treatment: ['procedure', DENTAL_RESTORATION],
  }),
  d('27355003', 'Toothache', 'Head/Neck', 'dental', 2.5, 'T3', 'role1', {
    ...DENTAL_PAIN,
    treatment: ['procedure', DENTAL_PULP],
  }),
  d('66383009', 'Gingivitis', 'Head/Neck', 'dental', 1, 'T3', 'role1', { drug: 'Antiseptic mouthwash' }),

  // Eye.
  d('9826008', 'Conjunctivitis', 'Head/Neck', 'eye', 2.5, 'T3', 'role1', { drug: 'Antibiotic eye drops' }),

  // Psychiatric (Cohen 2010: 9 % of evacuations; acute reactions early, PTSD after a month).
  d('73595000', 'Stress', 'Systemic', 'psychiatric', 2.5, 'T3', 'role1', {
    qualifier: 'combat and operational stress reaction',
    hr: 12,
    ...STRESS_CONTROL,
  }),
  d('197480006', 'Anxiety disorder', 'Systemic', 'psychiatric', 2, 'T3', 'role1', {
    evac: 0.3,
    hr: 12,
    ...MENTAL_HEALTH,
  }),
  d('193462001', 'Insomnia', 'Systemic', 'psychiatric', 1.5, 'T3', 'role1', {
    evac: 0.1,
    treatment: ['procedure', 'Sleep hygiene advice and a protected sleep period; no hypnotic at first'],
  }),
  d('35489007', 'Depressive disorder', 'Systemic', 'psychiatric', 1.5, 'T3', 'role1', {
    evac: 0.6,
    ...MENTAL_HEALTH,
  }),
  d('17226007', 'Adjustment disorder', 'Systemic', 'psychiatric', 1, 'T3', 'role1', {
    evac: 0.4,
    ...MENTAL_HEALTH,
  }),
  d('6471006', 'Suicidal thoughts', 'Systemic', 'psychiatric', 0.3, 'T2', 'none', SUICIDE_RISK),
  d('7200002', 'Alcoholism', 'Systemic', 'psychiatric', 0.3, 'T3', 'none', ALCOHOL),
  d('47505003', 'Posttraumatic stress disorder', 'Systemic', 'psychiatric', 1.5, 'T3', 'none', {
    upgrade: 0.1,
    hr: 10,
    fromDay: 31,
  }),

  // Other medical.
  d('386661006', 'Fever', 'Systemic', 'medical', 2.5, 'T3', 'role1', {
    upgrade: 0.15,
    hr: 14,
    // 38 °C or more still at sick call (NICE CKS), where 60 % of an illness's effect shows.
    temp: 2.3,
    drug: 'Antipyretic',
    ...UNDIAGNOSED_FEVER,
  }),
  d('25064002', 'Headache', 'Head/Neck', 'medical', 3, 'T3', 'role1', ANALGESIA),
  d('37796009', 'Migraine', 'Head/Neck', 'medical', 1, 'T3', 'role1', ANALGESIA),
  d('68566005', 'Urinary tract infectious disease', 'Abdomen', 'medical', 1.5, 'T3', 'role1', {
    ...INFECTION,
    temp: 0.5,
  }),
  d('95570007', 'Kidney stone', 'Abdomen', 'medical', 0.8, 'T2', 'role2', {
    evac: 0.3,
    hr: 16,
    ...RENAL_COLIC,
  }),
  d('105629000', 'Chlamydial infection', 'Abdomen', 'medical', 0.6, 'T3', 'role1', { antibiotics: true }),
  d('15628003', 'Gonorrhea', 'Abdomen', 'medical', 0.3, 'T3', 'role1', { antibiotics: true }),
  d('29857009', 'Chest pain', 'Thorax', 'medical', 1, 'T2', 'role2', {
    evac: 0.15,
    hr: 10,
    ...CHEST_PAIN,
  }),
  d('271594007', 'Syncope', 'Systemic', 'medical', 0.8, 'T3', 'role1', {
    upgrade: 0.2,
    hr: -8,
    treatment: ['procedure', '12-lead ECG; lying and standing blood pressure; fluids by mouth'],
  }),
  d('61462000', 'Malaria', 'Systemic', 'medical', 0.3, 'T2', 'none', {
    tropical: true,
    upgrade: 0.2,
    hr: 16,
    temp: 2,
    lethal: 0.01,
    drug: 'Antimalarial therapy',
    laboratory: MALARIA_BLOODS,
  }),
  d('38362002', 'Dengue', 'Systemic', 'medical', 0.2, 'T2', 'role2', {
    tropical: true,
    hr: 14,
    temp: 1.8,
    drug: 'Dengue antipyretic',
    laboratory: DENGUE_BLOODS,
    rtdAfter: DENGUE_RTD_HOURS,
  }),
  d('186788009', 'Q fever', 'Systemic', 'medical', 0.1, 'T2', 'none', { ...INFECTION }),
  d('38907003', 'Varicella', 'Systemic', 'medical', 0.2, 'T3', 'role2', {
    temp: 1,
    drug: 'Antiviral therapy',
    ...CHICKENPOX,
  }),
];

export const NON_BATTLE_CATALOG: readonly DnbiConcept[] = [
  // Musculoskeletal and overuse (Cohen 2010: 24 % of evacuations MSK, 7 % spinal pain).
  d('279039007', 'Low back pain', 'Back', 'musculoskeletal', 9, 'T3', 'role1', {
    evac: 0.4,
    drug: BACK_PAIN_ANALGESIA,
  }),
  d('81680005', 'Neck pain', 'Head/Neck', 'musculoskeletal', 2.5, 'T3', 'role1', { evac: 0.2, ...ANALGESIA }),
  d('45326000', 'Shoulder pain', 'Upper extremity', 'musculoskeletal', 3, 'T3', 'role1', {
    evac: 0.2,
    ...ANALGESIA,
  }),
  d('30989003', 'Knee pain', 'Lower extremity', 'musculoskeletal', 4, 'T3', 'role1', {
    evac: 0.2,
    ...ANALGESIA,
  }),
  d('57676002', 'Pain in joint', 'Lower extremity', 'musculoskeletal', 2, 'T3', 'role1', {
    evac: 0.2,
    ...ANALGESIA,
  }),
  d('68962001', 'Muscle pain', 'Lower extremity', 'musculoskeletal', 2, 'T3', 'role1', ANALGESIA),
  d('202855006', 'Lateral epicondylitis', 'Upper extremity', 'musculoskeletal', 1, 'T3', 'role1', ANALGESIA),
  // Carpal tunnel syndrome and tennis elbow are splinted, injected or operated on electively at home, never
  // reasons to evacuate (NICE CKS, carpal tunnel syndrome; tennis elbow).
  d(
    '57406009',
    'Carpal tunnel syndrome',
    'Upper extremity',
    'musculoskeletal',
    0.5,
    'T3',
    'role1',
    ANALGESIA,
  ),
  d('239873007', 'Osteoarthritis of knee', 'Lower extremity', 'musculoskeletal', 0.8, 'T3', 'role1', {
    evac: 0.3,
    ...ANALGESIA,
  }),

  // Sports, physical training and falls (Hauret 2010: sports 19–21 %, falls 18 % of evacuated NBI).
  d('44465007', 'Sprain of ankle', 'Lower extremity', 'injury', 8, 'T3', 'role1', {
    upgrade: 0.05,
    ais: 1,
    ...ANALGESIA,
    ...ANKLE_SPRAIN,
  }),
  d('70704007', 'Sprain of wrist', 'Upper extremity', 'injury', 1.5, 'T3', 'role1', {
    ais: 1,
    ...ANALGESIA,
    ...WRIST_SPRAIN,
  }),
  d('70704007', 'Sprain of wrist', 'Upper extremity', 'injury', 0.5, 'T3', 'role2', {
    qualifier: SCAPHOID_TENDER,
    ais: 1,
    ...ANALGESIA,
    ...TENDER_SCAPHOID,
  }),
  d('444470001', 'Injury of anterior cruciate ligament', 'Lower extremity', 'injury', 1, 'T2', 'none', {
    ais: 2,
    ...KNEE_LIGAMENT,
  }),
  d('16114001', 'Fracture of ankle', 'Lower extremity', 'injury', 2, 'T2', 'none', {
    ais: 2,
    hr: 8,
    ...ANKLE_FRACTURE,
  }),
  d('65966004', 'Fracture of forearm', 'Upper extremity', 'injury', 1.5, 'T2', 'none', {
    ais: 2,
    hr: 8,
    ...FOREARM_FRACTURE,
  }),
  d('263102004', 'Fracture subluxation of wrist', 'Upper extremity', 'injury', 0.8, 'T2', 'none', {
    ais: 2,
    hr: 8,
    ...WRIST_FRACTURE,
  }),
  d('58150001', 'Fracture of clavicle', 'Upper extremity', 'injury', 0.8, 'T2', 'none', {
    ais: 2,
    ...CLAVICLE_FRACTURE,
  }),
  d('33737001', 'Fracture of rib', 'Thorax', 'injury', 1, 'T3', 'role1', {
    upgrade: 0.3,
    ais: 2,
    rr: 4,
    ...ANALGESIA,
    raised: RIB_FRACTURE_BREATHLESS,
  }),
  d('62106007', 'Concussion with no loss of consciousness', 'Head/Neck', 'injury', 1.5, 'T3', 'role1', {
    upgrade: 0.2,
    ais: 1,
    ...CONCUSSION,
  }),
  d('110030002', 'Concussion injury of brain', 'Head/Neck', 'injury', 1, 'T3', 'role1', {
    upgrade: 0.2,
    ais: 2,
    ...CONCUSSION,
  }),
  d('39848009', 'Whiplash injury to neck', 'Head/Neck', 'injury', 1.5, 'T3', 'role1', {
    upgrade: 0.1,
    ais: 1,
    ...ANALGESIA,
    ...WHIPLASH,
  }),
  d('312608009', 'Laceration - injury', 'Upper extremity', 'injury', 3, 'T3', 'role1', {
    upgrade: 0.05,
    ais: 1,
    ...LACERATION,
  }),
  d('284549007', 'Laceration of hand', 'Upper extremity', 'injury', 3, 'T3', 'role1', {
    ais: 1,
    ...HAND_LACERATION,
  }),
  d('283371005', 'Laceration of forearm', 'Upper extremity', 'injury', 1.5, 'T3', 'role1', {
    ais: 1,
    ...LACERATION,
  }),
  d('370247008', 'Facial laceration', 'Head/Neck', 'injury', 1.5, 'T3', 'role1', {
    ais: 1,
    ...FACIAL_LACERATION,
  }),
  d('283385000', 'Laceration of thigh', 'Lower extremity', 'injury', 1, 'T3', 'role1', {
    ais: 1,
    ...LACERATION,
  }),
  d('284551006', 'Laceration of foot', 'Lower extremity', 'injury', 1, 'T3', 'role1', {
    ais: 1,
    ...LACERATION,
  }),
  d('125667009', 'Contusion', 'Lower extremity', 'injury', 4, 'T3', 'role1', {
    ais: 1,
    treatment: ['procedure', 'Rest, ice, compression and elevation for 48 h; paracetamol if needed'],
  }),
  d('125666000', 'Burn', 'Upper extremity', 'injury', 1.5, 'T3', 'role1', {
    upgrade: 0.15,
    ais: 1,
    ...ANALGESIA,
    ...MINOR_BURN,
  }),
  d('403190006', 'Epidermal burn of skin', 'Upper extremity', 'injury', 1, 'T3', 'role1', {
    qualifier: 'sunburn or scald',
    ais: 1,
    ...ANALGESIA,
    ...EPIDERMAL_BURN,
  }),

  // Heat and cold (MSMR: heat exhaustion 1.7, heat stroke 0.45, cold injury 0.3–0.5 per 1,000 p-y).
  d('34095006', 'Dehydration', 'Systemic', 'heat', 3, 'T3', 'role1', {
    upgrade: 0.2,
    hr: 18,
    ...DEHYDRATION,
  }),
  d('34095006', 'Dehydration', 'Systemic', 'heat', 1, 'T3', 'role1', {
    qualifier: 'heat exhaustion',
    upgrade: 0.25,
    hr: 22,
    temp: 1.2,
    ...HEAT_EXHAUSTION,
  }),
  // Heat stroke is a quarter as common as heat exhaustion (MSMR 2018: 0.45 vs 1.71 per 1,000 p-y).
  // Cooled in the field and immersed on arrival until 39 °C, a heat stroke is back to a normal temperature
  // within about two hours of reaching care (cold-water immersion cools fastest: ACSM expert consensus on
  // exertional heat illness, 2023; the two hours are judgement).
  d('386661006', 'Fever', 'Systemic', 'heat', 0.26, 'T1', 'none', {
    qualifier: HEAT_STROKE_QUALIFIER,
    settlesIn: 2,
    hr: 35,
    temp: 3.5,
    rr: 8,
    lethal: 0.02,
    cause: 'Exertional heat stroke',
    drug: 'Intravenous fluids',
    // What the heat does to the muscle, the kidney, the liver and the clotting (US Army TB MED 507, 2022).
    laboratory:
      'Creatine kinase, urea and electrolytes, liver enzymes and clotting screen: rhabdomyolysis, kidney and liver injury, coagulopathy',
  }),
  // Cold injuries split as in MSMR 2023 (US active component, 2022-23): frostbite 54 %, immersion and
  // non-freezing 30 %, hypothermia 16.5 %; the block keeps its total weight of 2.5.
  // Active external rewarming from the first facility brings a mild to moderate hypothermia back to
  // normal within about three hours (at 1–2 °C an hour: judgement after the Wilderness Medical Society
  // guidelines, 2019).
  d('386689009', 'Hypothermia', 'Systemic', 'cold', 0.41, 'T2', 'role2', {
    upgrade: 0.2,
    settlesIn: 3,
    temp: -3,
    hr: -10,
    rr: -3,
    lethal: 0.01,
  }),
  // Rewarmed at sick call and kept in warm quarters, not on a hospital ward, until fit for the cold.
  d(FROSTBITE, 'Frostbite', 'Lower extremity', 'cold', 1, 'T3', 'role1', {
    qualifier: SUPERFICIAL_FROSTBITE,
    freezing: true,
    upgrade: 0.1,
    evac: 0.1,
    ais: 1,
    drug: 'Frostbite analgesia',
    ...FROSTBITE_REST,
  }),
  d(FROSTBITE, 'Frostbite', 'Lower extremity', 'cold', 0.35, 'T3', 'none', {
    qualifier: DEEP_FROSTBITE,
    freezing: true,
    upgrade: 0.5,
    ais: 1,
    drug: 'Frostbite analgesia',
    treatment: [
      'procedure',
      'Haemorrhagic blisters left intact, clear ones drained; aloe vera gel, bulky dry dressing, limb elevated; tetanus immunisation checked; depth photographed and recorded; iloprost at the first hospital if within 48 h of rewarming',
    ],
  }),
  // No concept for non-freezing cold injury could be confirmed: its confirmed ancestor carries it.
  d('417163006', 'Traumatic or non-traumatic injury', 'Lower extremity', 'cold', 0.74, 'T3', 'role1', {
    qualifier: NFCI_QUALIFIER,
    upgrade: 0.1,
    evac: 0.35,
    drug: 'Neuropathic analgesia',
    ...NFCI_REST,
  }),
];
