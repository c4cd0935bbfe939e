/**
 * Battle-injury concepts: SNOMED CT code and display, the wound region (Belmont 2012 regions, used by
 * the realism report), the ISS body region (Baker 1974) and an AIS severity (AIS 2005 conventions,
 * rounded to the usual value for the injury). Each entry also says what the injury does to the body:
 * how fast it bleeds untreated and whether a tourniquet or a dressing can stop it, and which care it
 * needs. Codes were checked against published SNOMED CT value sets; where no specific concept could be
 * confirmed (blast lung, penetrating eye injury) a confirmed general concept carries a `qualifier`.
 */
import { FOREARM_BACKSLAB, HUMERUS_U_SLAB, TIBIA_BACKSLAB } from './care-texts.js';
import type { IssRegion } from './types.js';

export type WoundRegion = 'Head/Neck' | 'Thorax' | 'Abdomen' | 'Upper extremity' | 'Lower extremity';

/**
 * Where bleeding can be stopped: limb (tourniquet), junctional (packing, dressing), torso (surgery), or
 * pelvic (slowed by a binder, stopped by surgery: packing, fixation).
 */
export type BleedSite = 'limb' | 'junctional' | 'torso' | 'pelvic';

export interface InjuryConcept {
  code: string;
  name: string;
  qualifier?: string;
  region: WoundRegion;
  iss: IssRegion;
  ais: number;
  /** Relative frequency for explosive, gunshot and other (blunt) mechanisms; 0 = never. */
  weight: readonly [explosive: number, gunshot: number, other: number];
  /** Untreated blood loss in % of blood volume per minute, and where it can be controlled. */
  bleed?: readonly [site: BleedSite, percentPerMinute: number];
  /** 1 mild, 2 moderate, 3 severe traumatic brain injury (VA/DoD severity). */
  tbi?: 1 | 2 | 3;
  tension?: true;
  /** Lung injury lowering oxygen saturation (blast lung, haemothorax, pneumothorax). */
  hypoxia?: number;
  /** Air or blood in the pleural space: a chest drain relieves its hypoxia (a lung contusion has none). */
  pleural?: true;
  amputation?: true;
  femur?: true;
  fracture?: 'open' | 'closed';
  /** How a closed fracture that needs no fixator is held once X-rayed (damage-control.ts fixes the rest). */
  cast?: string;
  laparotomy?: true;
  thoracotomy?: true;
  eye?: true;
  spinal?: true;
  vascular?: true;
  crush?: true;
}

const c = (
  code: string,
  name: string,
  region: WoundRegion,
  iss: IssRegion,
  ais: number,
  weight: readonly [number, number, number],
  extra: Partial<InjuryConcept> = {},
): InjuryConcept => ({ code, name, region, iss, ais, weight, ...extra });

const OPEN_WOUND = ['125643001', 'Open wound'] as const;
const PUNCTURE = ['312609001', 'Puncture wound'] as const;
const GSW = ['283545005', 'Gunshot wound'] as const;
const TBI = ['127295002', 'Traumatic brain injury'] as const;
const ARTERY = ['63043004', 'Injury of artery'] as const;
const AMPUTATION = ['262595009', 'Traumatic amputation'] as const;
const SPINAL = ['90584004', 'Spinal cord injury'] as const;
const CRUSH = ['125665001', 'Crushing injury'] as const;

export const INJURY_CATALOG: readonly InjuryConcept[] = [
  // Head and neck (face and eyes included, as in Belmont's and Owens's head/neck share).
  c(...OPEN_WOUND, 'Head/Neck', 'external', 1, [10, 1, 3]),
  c(...PUNCTURE, 'Head/Neck', 'external', 1, [8, 0, 0]),
  c('110030002', 'Concussion injury of brain', 'Head/Neck', 'head_neck', 2, [10, 0.5, 6], { tbi: 1 }),
  c('282752000', 'Injury of eye region', 'Head/Neck', 'face', 2, [4, 0.5, 0.5], {
    qualifier: 'penetrating eye injury',
    eye: true,
  }),
  // A closed brain injury comes of blast or blunt force; a bullet that reaches the brain penetrates it (the
  // penetrating brain injury below), and one stopped by the helmet concusses at most.
  c(...TBI, 'Head/Neck', 'head_neck', 3, [3, 0, 2], { qualifier: 'moderate', tbi: 2 }),
  c(...TBI, 'Head/Neck', 'head_neck', 4, [2, 0, 1], { qualifier: 'severe', tbi: 3 }),
  c(...TBI, 'Head/Neck', 'head_neck', 5, [1, 0, 0.3], { qualifier: 'critical', tbi: 3 }),
  c(...TBI, 'Head/Neck', 'head_neck', 6, [2, 0, 0.1], { qualifier: 'unsurvivable', tbi: 3 }),
  c(...GSW, 'Head/Neck', 'face', 2, [0, 2, 0], { bleed: ['junctional', 0.05] }),
  c(...GSW, 'Head/Neck', 'head_neck', 5, [0, 1.5, 0], { qualifier: 'penetrating brain injury', tbi: 3 }),
  c(...GSW, 'Head/Neck', 'head_neck', 6, [0, 1.2, 0], { qualifier: 'unsurvivable', tbi: 3 }),
  c(...ARTERY, 'Head/Neck', 'head_neck', 4, [1, 1.5, 0], {
    qualifier: 'neck (carotid)',
    bleed: ['junctional', 1.4],
    vascular: true,
  }),
  c(...SPINAL, 'Head/Neck', 'head_neck', 5, [0.4, 0.6, 0.4], { qualifier: 'cervical', spinal: true }),

  // Thorax.
  c(...OPEN_WOUND, 'Thorax', 'external', 1, [6, 0, 1]),
  c(...PUNCTURE, 'Thorax', 'external', 1, [5, 0, 0]),
  c('33737001', 'Fracture of rib', 'Thorax', 'chest', 2, [1, 0, 5]),
  c('36118008', 'Pneumothorax', 'Thorax', 'chest', 3, [3, 2, 1], { hypoxia: 4, pleural: true }),
  c('31892009', 'Hemothorax', 'Thorax', 'chest', 3, [2, 3, 1], {
    bleed: ['torso', 0.35],
    hypoxia: 4,
    pleural: true,
  }),
  c('125667009', 'Contusion', 'Thorax', 'chest', 3, [2.5, 0, 0], {
    qualifier: 'lung (primary blast lung injury)',
    hypoxia: 9,
  }),
  // A crash, a fall or a collapse bruises the lung without a blast wave. Each blunt twin follows its
  // blast or penetrating original and takes its blunt weight, so blunt draws fall where they did.
  c('125667009', 'Contusion', 'Thorax', 'chest', 3, [0, 0, 0.5], {
    qualifier: 'lung (pulmonary contusion, blunt)',
    hypoxia: 9,
  }),
  // Most penetrating chest wounds need a chest drain only; a thoracotomy is for massive haemothorax
  // (Emergency War Surgery, 5th ed.: about 85 % are managed with a tube thoracostomy alone).
  c(...GSW, 'Thorax', 'chest', 4, [0, 3, 0], { bleed: ['torso', 0.4], hypoxia: 5, pleural: true }),
  c('233645004', 'Tension pneumothorax', 'Thorax', 'chest', 5, [1, 1.5, 0.3], {
    tension: true,
    hypoxia: 15,
    pleural: true,
  }),
  c(...CRUSH, 'Thorax', 'chest', 6, [1.5, 0, 0.3], { qualifier: 'chest, unsurvivable', crush: true }),
  c('31892009', 'Hemothorax', 'Thorax', 'chest', 5, [0.8, 1, 0.1], {
    qualifier: 'massive',
    bleed: ['torso', 6],
    hypoxia: 8,
    pleural: true,
    thoracotomy: true,
  }),

  // Abdomen (lumbar spine and pelvic contents).
  c(...OPEN_WOUND, 'Abdomen', 'external', 1, [5, 0, 1]),
  c(...PUNCTURE, 'Abdomen', 'external', 1, [5, 0, 0]),
  c('128069005', 'Injury of abdomen', 'Abdomen', 'abdomen', 3, [3, 1, 0], {
    qualifier: 'penetrating, hollow viscus',
    bleed: ['torso', 0.15],
    laparotomy: true,
  }),
  c('128069005', 'Injury of abdomen', 'Abdomen', 'abdomen', 3, [0, 0, 1.5], {
    qualifier: 'blunt, hollow viscus or mesentery',
    bleed: ['torso', 0.15],
    laparotomy: true,
  }),
  c('39400004', 'Injury of liver', 'Abdomen', 'abdomen', 4, [1, 1.5, 1], {
    bleed: ['torso', 0.5],
    laparotomy: true,
  }),
  c(...GSW, 'Abdomen', 'abdomen', 4, [0, 3, 0], { bleed: ['torso', 0.45], laparotomy: true }),
  c(...SPINAL, 'Abdomen', 'abdomen', 4, [0.4, 0.4, 0.3], { qualifier: 'thoracolumbar', spinal: true }),
  c(...ARTERY, 'Abdomen', 'abdomen', 5, [0.5, 1, 0], {
    qualifier: 'abdominal aorta or iliac',
    bleed: ['torso', 8],
    laparotomy: true,
    vascular: true,
  }),

  // Upper extremity. A bullet that breaks a bone breaks the skin: no closed fracture has a gunshot
  // weight, and its weight went to the open fracture of the same bone (Gustilo: every gunshot fracture is open).
  c(...OPEN_WOUND, 'Upper extremity', 'external', 1, [12, 0, 2]),
  c(...PUNCTURE, 'Upper extremity', 'external', 1, [10, 0, 0]),
  c(...GSW, 'Upper extremity', 'extremities', 2, [0, 6, 0], { bleed: ['limb', 0.05] }),
  c(...CRUSH, 'Upper extremity', 'extremities', 2, [0.5, 0, 2], { crush: true }),
  c('65966004', 'Fracture of forearm', 'Upper extremity', 'extremities', 2, [1.5, 0, 2], {
    fracture: 'closed',
    cast: FOREARM_BACKSLAB,
  }),
  c('43295006', 'Closed fracture of humerus', 'Upper extremity', 'extremities', 2, [1, 0, 2], {
    fracture: 'closed',
    cast: HUMERUS_U_SLAB,
  }),
  c('263225007', 'Open fracture of humerus', 'Upper extremity', 'extremities', 3, [1.5, 2.5, 0.3], {
    fracture: 'open',
    bleed: ['limb', 0.1],
  }),
  c(...ARTERY, 'Upper extremity', 'extremities', 3, [1, 1.5, 0.1], {
    qualifier: 'brachial',
    bleed: ['limb', 1],
    vascular: true,
  }),
  c(...AMPUTATION, 'Upper extremity', 'extremities', 3, [0.25, 0.03, 0.05], {
    qualifier: 'upper limb',
    bleed: ['limb', 0.8],
    amputation: true,
  }),

  // Lower extremity (pelvic girdle included, as in the ISS extremities region).
  c(...OPEN_WOUND, 'Lower extremity', 'external', 1, [14, 0, 2]),
  c(...PUNCTURE, 'Lower extremity', 'external', 1, [12, 0, 0]),
  c(...GSW, 'Lower extremity', 'extremities', 2, [0, 7, 0], { bleed: ['limb', 0.05] }),
  c('447139008', 'Closed fracture of tibia', 'Lower extremity', 'extremities', 2, [1.5, 0, 3], {
    fracture: 'closed',
    cast: TIBIA_BACKSLAB,
  }),
  c('22640007', 'Open fracture of tibia', 'Lower extremity', 'extremities', 3, [2, 2, 0.3], {
    fracture: 'open',
    bleed: ['limb', 0.15],
  }),
  c('25415003', 'Closed fracture of femur', 'Lower extremity', 'extremities', 3, [1, 0, 2], {
    fracture: 'closed',
    femur: true,
    bleed: ['torso', 0.1],
  }),
  c('46866001', 'Open fracture of femur', 'Lower extremity', 'extremities', 3, [1.5, 2.5, 0.3], {
    fracture: 'open',
    femur: true,
    bleed: ['limb', 0.3],
  }),
  c(...CRUSH, 'Lower extremity', 'extremities', 3, [0.6, 0, 2], { crush: true }),
  c(...ARTERY, 'Lower extremity', 'extremities', 3, [1, 1.5, 0.1], {
    qualifier: 'femoral or popliteal',
    bleed: ['limb', 1.2],
    vascular: true,
  }),
  c(...AMPUTATION, 'Lower extremity', 'extremities', 3, [0.35, 0.02, 0.05], {
    qualifier: 'below knee',
    bleed: ['limb', 1.2],
    amputation: true,
  }),
  c('77493009', 'Fracture of pelvis', 'Lower extremity', 'extremities', 4, [0.8, 0.3, 1], {
    bleed: ['pelvic', 0.35],
  }),
  c(...AMPUTATION, 'Lower extremity', 'extremities', 4, [0.25, 0, 0], {
    qualifier: 'above knee',
    bleed: ['limb', 2],
    amputation: true,
  }),
  c(...AMPUTATION, 'Lower extremity', 'extremities', 5, [0.3, 0, 0], {
    qualifier: 'bilateral above knee',
    bleed: ['limb', 3.5],
    amputation: true,
  }),
  c(...ARTERY, 'Lower extremity', 'extremities', 4, [0.6, 1, 0], {
    qualifier: 'groin (junctional)',
    bleed: ['junctional', 1.3],
    vascular: true,
  }),
];

/** Burns are drawn once per casualty: depth concept, then %TBSA. */
export const PARTIAL_THICKNESS_BURN = ['403191005', 'Partial thickness burn'] as const;
export const FULL_THICKNESS_BURN = ['403192003', 'Full thickness burn'] as const;

/** AIS for burns by %TBSA of second/third degree (AIS 98 burn scale). */
export function burnAis(tbsa: number): number {
  if (tbsa >= 90) return 6;
  if (tbsa >= 40) return 5;
  if (tbsa >= 30) return 4;
  if (tbsa >= 20) return 3;
  if (tbsa >= 10) return 2;
  return 1;
}
