/**
 * Disease and non-battle-injury concepts (SNOMED CT), each with its body region and what it means for
 * care: how urgent it can be, where the patient returns to duty from, and whether it can kill. Battle
 * injuries live in injury-catalog.ts. Also the SNOMED CT procedures written as treatments.
 */
import type { RtdLevel } from './physiology.js';
import type { Rng } from './rng.js';
import type { Condition, NatoTriage } from './types.js';

type Concept = readonly [code: string, name: string];

/**
 * [code, name, region, weight, usual triage, share triaged one step higher, RTD level, AIS (injuries
 * only), vital-sign change]. DNBI is never T1 unless the condition can threaten life (hypothermia,
 * pneumonia); only those can kill.
 */
type RegionalConcept = readonly [
  code: string,
  name: string,
  region: string,
  weight: number,
  triage: 'T1' | 'T2' | 'T3',
  upgrade: number,
  rtd: RtdLevel,
  ais: number,
  effect: DnbiEffect,
];

/** How a condition shifts the vital signs; `lethal` = probability of death in theatre. */
export interface DnbiEffect {
  hr?: number;
  temp?: number;
  spo2?: number;
  rr?: number;
  antibiotics?: true;
  lethal?: number;
  drug?: string;
}
const NONE: DnbiEffect = {};
const INFECTION: DnbiEffect = { hr: 12, temp: 1.4, antibiotics: true, drug: 'Antipyretic' };

const NON_BATTLE: readonly RegionalConcept[] = [
  ['44465007', 'Sprain of ankle', 'Lower extremity', 14, 'T3', 0.05, 'role1', 1, { drug: 'Analgesia' }],
  ['16114001', 'Fracture of ankle', 'Lower extremity', 6, 'T2', 0, 'none', 2, { hr: 8, drug: 'Analgesia' }],
  ['65966004', 'Fracture of forearm', 'Upper extremity', 6, 'T2', 0, 'none', 2, { hr: 8, drug: 'Analgesia' }],
  ['279039007', 'Low back pain', 'Back', 14, 'T3', 0.05, 'role1', 0, { drug: 'Analgesia' }],
  ['39848009', 'Whiplash injury to neck', 'Head/Neck', 5, 'T3', 0.1, 'role1', 1, { drug: 'Analgesia' }],
  ['312608009', 'Laceration - injury', 'Upper extremity', 12, 'T3', 0.05, 'role1', 1, NONE],
  ['125667009', 'Contusion', 'Lower extremity', 10, 'T3', 0, 'role1', 1, NONE],
  ['110030002', 'Concussion injury of brain', 'Head/Neck', 6, 'T3', 0.2, 'role1', 2, NONE],
  ['33737001', 'Fracture of rib', 'Thorax', 4, 'T3', 0.3, 'role1', 2, { rr: 4, drug: 'Analgesia' }],
  ['125666000', 'Burn', 'Upper extremity', 5, 'T3', 0.15, 'role1', 1, { drug: 'Analgesia' }],
  [
    '386689009',
    'Hypothermia',
    'Systemic',
    3,
    'T2',
    0.2,
    'role2',
    0,
    { temp: -3, hr: -10, rr: -3, lethal: 0.01 },
  ],
  ['34095006', 'Dehydration', 'Systemic', 8, 'T3', 0.2, 'role1', 0, { hr: 18, drug: 'Intravenous fluids' }],
];

const DISEASE: readonly RegionalConcept[] = [
  [
    '54150009',
    'Upper respiratory infection',
    'Systemic',
    16,
    'T3',
    0,
    'role1',
    0,
    { temp: 0.6, drug: 'Symptomatic treatment' },
  ],
  [
    '25374005',
    'Gastroenteritis',
    'Abdomen',
    14,
    'T3',
    0.15,
    'role1',
    0,
    { hr: 14, temp: 0.8, drug: 'Oral rehydration' },
  ],
  ['62315008', 'Diarrhea', 'Abdomen', 8, 'T3', 0.1, 'role1', 0, { hr: 10, drug: 'Oral rehydration' }],
  ['6142004', 'Influenza', 'Systemic', 6, 'T3', 0.1, 'role1', 0, { hr: 12, temp: 1.5, drug: 'Antipyretic' }],
  [
    '10509002',
    'Acute bronchitis',
    'Thorax',
    5,
    'T3',
    0.05,
    'role1',
    0,
    { rr: 3, temp: 0.5, drug: 'Symptomatic treatment' },
  ],
  [
    '233604007',
    'Pneumonia',
    'Thorax',
    3,
    'T2',
    0.15,
    'role2',
    0,
    { ...INFECTION, spo2: 6, rr: 8, lethal: 0.01 },
  ],
  ['43878008', 'Streptococcal sore throat', 'Head/Neck', 4, 'T3', 0, 'role1', 0, INFECTION],
  [
    '68566005',
    'Urinary tract infectious disease',
    'Abdomen',
    3,
    'T3',
    0.05,
    'role1',
    0,
    { ...INFECTION, temp: 0.5 },
  ],
  ['9826008', 'Conjunctivitis', 'Head/Neck', 3, 'T3', 0, 'role1', 0, NONE],
  ['128045006', 'Cellulitis', 'Lower extremity', 4, 'T3', 0.2, 'role2', 0, INFECTION],
  ['6020002', 'Tinea pedis', 'Lower extremity', 4, 'T3', 0, 'role1', 0, { drug: 'Topical antifungal' }],
  [
    '40275004',
    'Contact dermatitis',
    'Upper extremity',
    4,
    'T3',
    0,
    'role1',
    0,
    { drug: 'Topical corticosteroid' },
  ],
  ['386661006', 'Fever', 'Systemic', 4, 'T3', 0.15, 'role1', 0, { hr: 14, temp: 1.6, drug: 'Antipyretic' }],
  ['25064002', 'Headache', 'Head/Neck', 4, 'T3', 0, 'role1', 0, { drug: 'Analgesia' }],
  ['47505003', 'Posttraumatic stress disorder', 'Systemic', 4, 'T3', 0.1, 'none', 0, { hr: 10 }],
  ['197480006', 'Anxiety disorder', 'Systemic', 5, 'T3', 0, 'role1', 0, { hr: 12 }],
  ['193462001', 'Insomnia', 'Systemic', 3, 'T3', 0, 'role1', 0, NONE],
  ['80967001', 'Dental caries', 'Head/Neck', 6, 'T3', 0, 'role1', 0, { drug: 'Analgesia' }],
];
const NB_WEIGHTS = NON_BATTLE.map((c) => c[3]);
const DISEASE_WEIGHTS = DISEASE.map((c) => c[3]);

/** A drawn DNBI condition with what follows from it. */
export interface DnbiCase {
  condition: Condition;
  triage: NatoTriage;
  rtd: RtdLevel;
  ais: number;
  effect: DnbiEffect;
}

function drawCase(rng: Rng, table: readonly RegionalConcept[], weights: readonly number[]): DnbiCase {
  const [code, name, region, , triage, upgrade, rtd, ais, effect] = table[rng.weightedIndex(weights)]!;
  // One step up only where the condition allows it: T3 → T2, and T2 → T1 only if it can kill.
  const up = rng.chance(upgrade);
  const t: NatoTriage = !up ? triage : triage === 'T3' ? 'T2' : effect.lethal ? 'T1' : triage;
  const condition: Condition = {
    code,
    name,
    body_region: region,
    ...(ais > 0 ? { ais, iss_region: issRegionOf(region, ais, code) } : {}),
  };
  return { condition, triage: t, rtd, ais, effect };
}

function issRegionOf(region: string, ais: number, code: string): Condition['iss_region'] {
  if (code === '312608009' || code === '125667009' || code === '125666000') return 'external';
  if (region === 'Head/Neck') return 'head_neck';
  if (region === 'Thorax') return 'chest';
  return ais > 0 ? 'extremities' : undefined;
}

export const drawNonBattle = (rng: Rng): DnbiCase => drawCase(rng, NON_BATTLE, NB_WEIGHTS);
export const drawDisease = (rng: Rng): DnbiCase => drawCase(rng, DISEASE, DISEASE_WEIGHTS);

/** Systemic consequences of bleeding, written as conditions when the physiology reaches them. */
export const SHOCK_CONCEPTS = {
  bleeding: { code: '131148009', name: 'Bleeding', body_region: 'Systemic', qualifier: 'major haemorrhage' },
  shock: { code: '27942005', name: 'Shock', body_region: 'Systemic', qualifier: 'haemorrhagic' },
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
  chestTube: ['264957007', 'Insertion of chest tube'],
  laparotomy: ['86481000', 'Laparotomy'],
  amputation: ['81723002', 'Amputation'],
} as const satisfies Record<string, Concept>;
