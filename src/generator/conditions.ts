/**
 * SNOMED CT concepts used for conditions, each with the body region it affects. Only widely used
 * concepts are listed (codes as published in the SNOMED CT International Edition). Battle wounds are
 * drawn per wound: region first (Belmont 2012 shares), then a concept that fits the mechanism.
 */
import type { Rng } from './rng.js';
import type { Condition, Mechanism } from './types.js';

type Concept = readonly [code: string, name: string];

const TBI: Concept = ['127295002', 'Traumatic brain injury'];
const HEAD_INJURY: Concept = ['82271004', 'Injury of head'];
const CONCUSSION: Concept = ['110030002', 'Concussion injury of brain'];
const OPEN_WOUND: Concept = ['125643001', 'Open wound'];
const PUNCTURE: Concept = ['129300006', 'Puncture wound'];
const PNEUMOTHORAX: Concept = ['36118008', 'Pneumothorax'];
const ABDOMEN_INJURY: Concept = ['128069005', 'Injury of abdomen'];
const FRACTURE: Concept = ['125605004', 'Fracture of bone'];
const FEMUR_FRACTURE: Concept = ['71620000', 'Fracture of femur'];
const RIB_FRACTURE: Concept = ['33737001', 'Fracture of rib'];
const BURN: Concept = ['125666000', 'Burn'];
const GSW: Concept = ['283545005', 'Gunshot wound'];
const CONTUSION: Concept = ['125667009', 'Contusion'];

export type Region = 'Head/Neck' | 'Thorax' | 'Abdomen' | 'Upper extremity' | 'Lower extremity';

/** Belmont 2012 (29,624 wounds): extremities 51.9, head/neck 28.1, thorax 9.9, abdomen 10.1 %. */
export const WOUND_REGIONS: readonly Region[] = [
  'Upper extremity',
  'Lower extremity',
  'Head/Neck',
  'Thorax',
  'Abdomen',
];
export const WOUND_REGION_WEIGHTS = [21, 31, 28, 10, 10];

const BY_MECHANISM: Record<Mechanism, Record<Region, readonly Concept[]>> = {
  explosive: {
    'Head/Neck': [TBI, HEAD_INJURY, OPEN_WOUND, PUNCTURE],
    Thorax: [PNEUMOTHORAX, OPEN_WOUND, PUNCTURE, BURN],
    Abdomen: [ABDOMEN_INJURY, OPEN_WOUND, PUNCTURE],
    'Upper extremity': [OPEN_WOUND, FRACTURE, PUNCTURE, BURN],
    'Lower extremity': [OPEN_WOUND, FRACTURE, FEMUR_FRACTURE, PUNCTURE, BURN],
  },
  gunshot: {
    'Head/Neck': [GSW, GSW, TBI],
    Thorax: [GSW, GSW, PNEUMOTHORAX],
    Abdomen: [GSW, GSW, ABDOMEN_INJURY],
    'Upper extremity': [GSW, GSW, FRACTURE],
    'Lower extremity': [GSW, GSW, FEMUR_FRACTURE],
  },
  other: {
    'Head/Neck': [CONCUSSION, HEAD_INJURY, CONTUSION],
    Thorax: [RIB_FRACTURE, CONTUSION, BURN],
    Abdomen: [CONTUSION, ABDOMEN_INJURY],
    'Upper extremity': [FRACTURE, BURN, CONTUSION],
    'Lower extremity': [FRACTURE, BURN, CONTUSION],
  },
};

type RegionalConcept = readonly [code: string, name: string, region: string, weight: number];

const NON_BATTLE: readonly RegionalConcept[] = [
  ['44465007', 'Sprain of ankle', 'Lower extremity', 14],
  ['16114001', 'Fracture of ankle', 'Lower extremity', 6],
  ['65966004', 'Fracture of forearm', 'Upper extremity', 6],
  ['279039007', 'Low back pain', 'Back', 14],
  ['39848009', 'Whiplash injury to neck', 'Head/Neck', 5],
  ['312608009', 'Laceration - injury', 'Upper extremity', 12],
  ['125667009', 'Contusion', 'Lower extremity', 10],
  ['110030002', 'Concussion injury of brain', 'Head/Neck', 6],
  ['33737001', 'Fracture of rib', 'Thorax', 4],
  ['125666000', 'Burn', 'Upper extremity', 5],
  ['386689009', 'Hypothermia', 'Systemic', 3],
  ['34095006', 'Dehydration', 'Systemic', 8],
];

const DISEASE: readonly RegionalConcept[] = [
  ['54150009', 'Upper respiratory infection', 'Systemic', 16],
  ['25374005', 'Gastroenteritis', 'Abdomen', 14],
  ['62315008', 'Diarrhea', 'Abdomen', 8],
  ['6142004', 'Influenza', 'Systemic', 6],
  ['10509002', 'Acute bronchitis', 'Thorax', 5],
  ['233604007', 'Pneumonia', 'Thorax', 3],
  ['43878008', 'Streptococcal sore throat', 'Head/Neck', 4],
  ['68566005', 'Urinary tract infectious disease', 'Abdomen', 3],
  ['9826008', 'Conjunctivitis', 'Head/Neck', 3],
  ['128045006', 'Cellulitis', 'Lower extremity', 4],
  ['6020002', 'Tinea pedis', 'Lower extremity', 4],
  ['40275004', 'Contact dermatitis', 'Upper extremity', 4],
  ['386661006', 'Fever', 'Systemic', 4],
  ['25064002', 'Headache', 'Head/Neck', 4],
  ['47505003', 'Posttraumatic stress disorder', 'Systemic', 4],
  ['197480006', 'Anxiety disorder', 'Systemic', 5],
  ['193462001', 'Insomnia', 'Systemic', 3],
  ['80967001', 'Dental caries', 'Head/Neck', 6],
];
const NB_WEIGHTS = NON_BATTLE.map((c) => c[3]);
const DISEASE_WEIGHTS = DISEASE.map((c) => c[3]);

/** Mean wounds per battle casualty ≈3.8 (Belmont 2012: 29,624 wounds / 7,877 casualties). */
export function drawBattleWounds(rng: Rng, mechanism: Mechanism): Condition[] {
  const count = Math.min(8, 1 + rng.poisson(2.8));
  const wounds: Condition[] = [];
  for (let i = 0; i < count; i++) {
    const region = WOUND_REGIONS[rng.weightedIndex(WOUND_REGION_WEIGHTS)] ?? 'Lower extremity';
    const [code, name] = rng.pick(BY_MECHANISM[mechanism][region]);
    wounds.push({ code, name, body_region: region });
  }
  return wounds;
}

export function drawNonBattle(rng: Rng): Condition[] {
  const c = NON_BATTLE[rng.weightedIndex(NB_WEIGHTS)]!;
  return [{ code: c[0], name: c[1], body_region: c[2] }];
}

export function drawDisease(rng: Rng): Condition[] {
  const c = DISEASE[rng.weightedIndex(DISEASE_WEIGHTS)]!;
  return [{ code: c[0], name: c[1], body_region: c[2] }];
}

/** The viewer's coarse body part for the record's first condition. */
export function bodyPartFor(rng: Rng, region: string): string {
  const side = rng.chance(0.5) ? 'Left' : 'Right';
  if (region === 'Upper extremity') return `${side} Arm`;
  if (region === 'Lower extremity') return `${side} Leg`;
  if (region === 'Head/Neck') return 'Head';
  return 'Torso';
}

/** SNOMED CT procedures written as treatments; one list per facility role. */
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
} as const satisfies Record<string, Concept>;
