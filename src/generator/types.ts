/** Shapes shared by the generator: the validated scenario and the generated patient record. */

export type InjuryType = 'DISEASE' | 'NON_BATTLE' | 'BATTLE_TRAUMA';
/** The viewer's triage field: the original timeline viewer drops any record without T1, T2 or T3. */
export type Triage = 'T1' | 'T2' | 'T3';
/** NATO triage of the casualty: T4 expectant, DEAD for those killed before any triage. */
export type NatoTriage = 'T1' | 'T2' | 'T3' | 'T4' | 'DEAD';
/** ISS body regions (Baker 1974). */
export type IssRegion = 'head_neck' | 'face' | 'chest' | 'abdomen' | 'extremities' | 'external';
export type Facility = 'POI' | 'Role1' | 'Role2' | 'Role3' | 'Role4';
/** The viewer's merged status: KIA covers both KIA and DOW (see FinalStatusDetail). */
export type FinalStatus = 'KIA' | 'RTD' | 'Remains_Role4';
/**
 * Final status with died-of-wounds kept apart from killed-in-action, and both kept for deaths from
 * hostile action: a death from disease or non-battle injury is a non-battle death.
 */
export type FinalStatusDetail = 'KIA' | 'DOW' | 'NON_BATTLE_DEATH' | 'RTD' | 'Remains_Role4';
export type Mechanism = 'explosive' | 'gunshot' | 'other';
export type Intensity = 'low' | 'medium' | 'high' | 'extreme';
export type Tempo = 'sustained' | 'escalating' | 'surge' | 'declining' | 'intermittent';
export type CasualtyProfile = 'oif_oef' | 'lsco';

export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Where a front fights: it decides the service branch of its casualties and its casualty mix. */
export type FrontDomain = 'land' | 'naval' | 'air';

export interface FrontConfig {
  id: string;
  name: string;
  casualty_rate: number;
  nations: { code: string; weight: number }[];
  /** From the front's `domain` key, else read from its name ("Naval Task Force" is naval), else land. */
  domain: FrontDomain;
}

/** Configured death/RTD probability for each arrival at one role (optionally one front only). */
export interface FacilityRate {
  role: Facility;
  front_id: string | null;
  kia_rate: number;
  rtd_rate: number;
}

export interface Scenario {
  name: string;
  total_patients: number;
  /** Weights for DISEASE, NON_BATTLE, BATTLE_TRAUMA; they sum to 1. */
  injury_mix: Record<InjuryType, number>;
  fronts: FrontConfig[];
  facility_rates: FacilityRate[];
  days_of_fighting: number;
  base_date: string;
  warfare_types: string[];
  intensity: Intensity;
  tempo: Tempo;
  special_events: { major_offensive: boolean; ambush: boolean; mass_casualty: boolean };
  /**
   * Share of each day's battle casualties that fall in mass-casualty strikes (the mass-casualty preset);
   * absent: one strike on about a fifth of the days when the special event is on.
   */
  mass_casualty_share?: number;
  environmental_conditions: string[];
  casualty_profile: CasualtyProfile;
  /** Triage weights T1/T2/T3 per injury type, overriding the defaults (preset `triage_override`). */
  triage_override: Partial<Record<InjuryType, [number, number, number]>>;
}

export type TimelineEventType =
  | 'arrival'
  | 'evacuation_start'
  | 'transit_start'
  | 'kia'
  | 'rtd'
  | 'remains_role4';

export interface TimelineEvent {
  event_type: TimelineEventType;
  facility: Facility;
  timestamp: string;
  hours_since_injury: number;
  evacuation_duration_hours?: number;
  to_facility?: Facility;
  transit_duration_hours?: number;
  kia_timing?: string;
  rtd_timing?: string;
}

export interface Condition {
  code: string;
  name: string;
  body_region: string;
  /** AIS severity 1–6; injuries only (diseases have no AIS). */
  ais?: number;
  iss_region?: IssRegion;
  /** Refines a general concept: severity, site or type ("severe", "below knee", "penetrating …"). */
  qualifier?: string;
  /** Burns: second- and third-degree body surface area, percent. */
  tbsa_percent?: number;
}

export interface Treatment {
  treatment: string;
  code: string;
  timestamp: string;
  location: Facility;
  hours_since_injury?: number;
  duration_minutes?: number;
  /** What exactly was done, when the SNOMED concept is general ("Tranexamic acid 2 g IV/IO slow push"). */
  detail?: string;
}

/** One set of vital signs; LOINC-coded in FHIR. */
export interface VitalSigns {
  timestamp: string;
  facility: Facility;
  hours_since_injury: number;
  heart_rate: number;
  systolic_bp: number;
  respiratory_rate: number;
  spo2: number;
  gcs: number;
  temperature: number;
}

export interface Demographics {
  family_name: string;
  given_name: string;
  gender: 'male' | 'female';
  birthdate: string;
  nationality: string;
  /** HL7 v3 ReligiousAffiliation code, e.g. `1041`. */
  religion?: string;
  /** The code's display, e.g. `Roman Catholic Church`; present whenever `religion` is. */
  religion_display?: string;
  weight: number;
  blood_type: string;
  id_number: string;
}

/** A coded entry of the casualty's history: an allergy or a long-term condition (SNOMED CT). */
export interface HistoryEntry {
  code: string;
  name: string;
}

/** A medicine the casualty takes before injury: SNOMED CT substance and the regimen. */
export interface Medication extends HistoryEntry {
  detail: string;
}

/** The casualty's unit: formation, APP-6 unit type and the unit's own name. */
export interface Unit {
  formation: string;
  unit_type: string;
  name: string;
}

export interface Outcome {
  /**
   * KIA = killed by hostile action before reaching a medical facility; DOW = died of such wounds at one;
   * NON_BATTLE_DEATH = died of disease or non-battle injury, wherever.
   */
  category: 'KIA' | 'DOW' | 'NON_BATTLE_DEATH' | 'RTD' | 'EVACUATED';
  facility: Facility;
  hours_since_injury: number;
  time_of_death_minutes?: number;
}

/**
 * One generated casualty. An optional field that does not apply (`mechanism`, `cause_of_death`,
 * `demographics.religion`, `outcome.time_of_death_minutes`…) is present with the value `undefined`, which
 * every output format leaves out: test the value, not the key. Building every record in one shape is what
 * keeps generation and `JSON.stringify` on V8's fast paths (object spreads cost a fifth of the generator).
 */
export interface Patient {
  id: number;
  nationality: string;
  gender: 'male' | 'female';
  injury_type: InjuryType;
  triage_category: Triage;
  /** NATO triage (T1–T4) by the triage sort, or DEAD when killed before any triage. */
  nato_triage: NatoTriage;
  status: string;
  front: string;
  final_status: FinalStatus;
  final_status_detail: FinalStatusDetail;
  last_facility: Facility;
  demographics: Demographics;
  age: number;
  /** National rank title with its NATO code: "Kapral (OR-3)". */
  rank: string;
  /** NATO STANAG 2116 grade: OR-1…OR-9, OF-1…OF-5. */
  rank_code: string;
  service_branch: string;
  unit: Unit;
  health: number;
  conditions: Condition[];
  /** Known allergies, or the single entry "No known allergy". */
  allergies: HistoryEntry[];
  /** Long-term conditions brought to the deployment. */
  comorbidities: HistoryEntry[];
  /** Medicines taken before injury. */
  medications: Medication[];
  primary_condition: { code: string; display: string };
  mechanism?: Mechanism;
  severity: number;
  injury_severity_score: number;
  new_injury_severity_score: number;
  treatments: Treatment[];
  vital_signs: VitalSigns[];
  cause_of_death?: string;
  movement_timeline: TimelineEvent[];
  injury_time: string;
  injury_timestamp: string;
  scenario: string;
  event_id: string;
  /**
   * What kind of event wounded or brought in the patient (contact, indirect_fire, ied, sick_call,
   * road_traffic_accident, fall…).
   */
  event_type: string;
  /** Casualties in that event. */
  event_size: number;
  mass_casualty: boolean;
  day: string;
  day_of_injury: number;
  body_part: string;
  outcome: Outcome;
}
