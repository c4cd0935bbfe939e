/**
 * patients.fhir: one FHIR R4 Bundle (type `collection`) streamed as entries. Per patient: Patient,
 * one Condition per condition (onset = injury time, severity from AIS), one Encounter per facility stay,
 * Observations (body weight and every recorded set of vital signs, LOINC-coded, as vital-signs; ABO/Rh as
 * laboratory), a Procedure per treatment with its time or period, and the history brought to the
 * deployment: an AllergyIntolerance per allergy (or "No known allergy"), a problem-list Condition per
 * comorbidity and a MedicationStatement per current medicine.
 * UUIDs are derived from (seed, patient id, resource number), so the same run gives the same file.
 */
import { createHash } from 'node:crypto';
import type {
  AllergyIntolerance,
  BundleEntry,
  Condition,
  Encounter,
  MedicationStatement,
  Observation,
  Patient as FhirPatient,
  Procedure,
  Resource,
} from 'fhir/r4.js';
import type { Facility, Patient, VitalSigns } from '../generator/index.js';
import { jsonArrayFormat } from './text-format.js';

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const FACILITY_NAMES: Record<Facility, string> = {
  POI: 'Point of Injury',
  Role1: 'Role 1',
  Role2: 'Role 2',
  Role3: 'Role 3',
  Role4: 'Role 4',
};
const SEVERE: [string, string] = ['24484000', 'Severe'];
const MODERATE: [string, string] = ['6736007', 'Moderate'];
const MILD: [string, string] = ['255604002', 'Mild'];

/** Injuries by AIS (1 mild, 2–3 moderate, 4+ severe); illness by triage. */
function conditionSeverity(ais: number | undefined, triage: string): [string, string] {
  if (ais !== undefined) return ais >= 4 ? SEVERE : ais >= 2 ? MODERATE : MILD;
  return triage === 'T1' ? SEVERE : triage === 'T2' ? MODERATE : MILD;
}

type VitalRow = [code: string, display: string, value: number, unit: string, ucum: string];

/** LOINC codes of the vital-signs panel members we carry. */
function vitalRows(v: VitalSigns): VitalRow[] {
  return [
    ['8867-4', 'Heart rate', v.heart_rate, 'beats/minute', '/min'],
    ['8480-6', 'Systolic blood pressure', v.systolic_bp, 'mmHg', 'mm[Hg]'],
    ['9279-1', 'Respiratory rate', v.respiratory_rate, 'breaths/minute', '/min'],
    ['59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', v.spo2, '%', '%'],
    ['9269-2', 'Glasgow coma score total', v.gcs, '{score}', '{score}'],
    ['8310-5', 'Body temperature', v.temperature, 'Cel', 'Cel'],
  ];
}

/**
 * HumanName.given lists the given names one by one: a double given name (Spanish José Antonio) is two,
 * each keeping the particles before it (María del Carmen → María, del Carmen).
 */
function givenNames(name: string): string[] {
  const names: string[] = [];
  let particles = '';
  for (const word of name.split(' ').filter((w) => w !== '')) {
    // A particle (de, del, los) is written in lower case, a name capitalised.
    if (word !== word.toLowerCase() || word === word.toUpperCase()) {
      names.push(particles + word);
      particles = '';
    } else particles += `${word} `;
  }
  return particles === '' ? names : [...names, particles.trimEnd()];
}

/** RFC 4122 version-4-shaped UUID from a hash, so ids are reproducible. */
export function deterministicUuid(base: Buffer, n: number): string {
  const b = Buffer.from(base.subarray(0, 16));
  b[12] = (b[12] ?? 0) ^ ((n >>> 24) & 0xff);
  b[13] = (b[13] ?? 0) ^ ((n >>> 16) & 0xff);
  b[14] = (b[14] ?? 0) ^ ((n >>> 8) & 0xff);
  b[15] = (b[15] ?? 0) ^ (n & 0xff);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function patientEntries(p: Patient, seed: string): BundleEntry[] {
  const base = createHash('sha256').update(`${seed}:${p.id}`).digest();
  let n = 0;
  const entries: BundleEntry[] = [];
  const add = (resource: Resource): string => {
    const id = deterministicUuid(base, n++);
    resource.id = id;
    entries.push({ fullUrl: `urn:uuid:${id}`, resource });
    return `urn:uuid:${id}`;
  };
  const d = p.demographics;
  const death =
    p.final_status === 'KIA' ? p.movement_timeline[p.movement_timeline.length - 1]?.timestamp : undefined;
  const patient: FhirPatient = {
    resourceType: 'Patient',
    identifier: [{ system: `urn:milmed:national-id:${p.nationality.toLowerCase()}`, value: d.id_number }],
    name: [{ use: 'official', family: d.family_name, given: givenNames(d.given_name) }],
    gender: d.gender,
    birthDate: d.birthdate,
    ...(death ? { deceasedDateTime: death } : { deceasedBoolean: false }),
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/patient-nationality',
        extension: [
          {
            url: 'code',
            valueCodeableConcept: { coding: [{ system: 'urn:iso:std:iso:3166', code: p.nationality }] },
          },
        ],
      },
      ...(d.religion
        ? [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/patient-religion',
              valueCodeableConcept: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/v3-ReligiousAffiliation',
                    code: d.religion,
                    ...(d.religion_display ? { display: d.religion_display } : {}),
                  },
                ],
              },
            },
          ]
        : []),
    ],
  };
  const subject = { reference: add(patient) };

  for (const c of p.conditions) {
    const [sevCode, sevName] = conditionSeverity(c.ais, p.nato_triage ?? p.triage_category);
    const condition: Condition = {
      resourceType: 'Condition',
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
            code: death ? 'inactive' : 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-category',
              code: 'encounter-diagnosis',
            },
          ],
        },
      ],
      severity: { coding: [{ system: SNOMED, code: sevCode, display: sevName }] },
      code: {
        coding: [{ system: SNOMED, code: c.code, display: c.name }],
        text: c.qualifier ? `${c.name} (${c.qualifier})` : c.name,
      },
      bodySite: [{ text: c.body_region }],
      subject,
      onsetDateTime: p.injury_timestamp,
    };
    add(condition);
  }

  const timeline = p.movement_timeline;
  const encounterFor = new Map<Facility, string>();
  timeline.forEach((e, i) => {
    if (e.event_type !== 'arrival') return;
    const leave = timeline
      .slice(i + 1)
      .find((x) => x.event_type !== 'arrival' && x.event_type !== 'evacuation_start');
    const finished = leave !== undefined && leave.event_type !== 'remains_role4';
    const encounter: Encounter = {
      resourceType: 'Encounter',
      status: finished ? 'finished' : 'in-progress',
      class: {
        system: ACT_CODE,
        code: e.facility === 'POI' ? 'FLD' : e.facility === 'Role1' ? 'EMER' : 'IMP',
      },
      subject,
      period: { start: e.timestamp, ...(finished && leave ? { end: leave.timestamp } : {}) },
      location: [{ location: { display: FACILITY_NAMES[e.facility] } }],
      serviceType: { text: FACILITY_NAMES[e.facility] },
    };
    encounterFor.set(e.facility, add(encounter));
  });

  const vital = (
    code: string,
    display: string,
    at: string,
    value: number,
    unit: string,
    ucum: string,
    facility?: Facility,
  ): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: OBS_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: LOINC, code, display }], text: display },
    subject,
    ...(facility && encounterFor.has(facility)
      ? { encounter: { reference: encounterFor.get(facility) } }
      : {}),
    effectiveDateTime: at,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: ucum },
  });
  const firstArrival = timeline[0]?.timestamp ?? p.injury_timestamp;
  add(vital('29463-7', 'Body weight', firstArrival, d.weight, 'kg', 'kg', 'POI'));
  for (const v of p.vital_signs ?? []) {
    for (const [code, display, value, unit, ucum] of vitalRows(v)) {
      add(vital(code, display, v.timestamp, value, unit, ucum, v.facility));
    }
  }
  const blood: Observation = {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: OBS_CATEGORY, code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding: [{ system: LOINC, code: '882-1', display: 'ABO and Rh group [Type] in Blood' }] },
    subject,
    effectiveDateTime: firstArrival,
    valueCodeableConcept: { text: d.blood_type },
  };
  add(blood);

  for (const t of p.treatments) {
    const end =
      t.duration_minutes !== undefined
        ? new Date(Date.parse(t.timestamp) + t.duration_minutes * 60_000).toISOString().replace('.000Z', 'Z')
        : undefined;
    const procedure: Procedure = {
      resourceType: 'Procedure',
      status: 'completed',
      code: {
        coding: [{ system: SNOMED, code: t.code, display: t.treatment }],
        text: t.detail ?? t.treatment,
      },
      subject,
      ...(encounterFor.has(t.location) ? { encounter: { reference: encounterFor.get(t.location) } } : {}),
      ...(end ? { performedPeriod: { start: t.timestamp, end } } : { performedDateTime: t.timestamp }),
      location: { display: FACILITY_NAMES[t.location] },
    };
    add(procedure);
  }
  addHistory(p, subject, add);
  return entries;
}

/** Allergies, comorbidities and medicines, all known before the injury; added last so earlier ids hold. */
function addHistory(p: Patient, subject: { reference: string }, add: (r: Resource) => string): void {
  for (const a of p.allergies ?? []) {
    const allergy: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      clinicalStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' },
        ],
      },
      code: { coding: [{ system: SNOMED, code: a.code, display: a.name }], text: a.name },
      patient: subject,
    };
    add(allergy);
  }
  for (const c of p.comorbidities ?? []) {
    const condition: Condition = {
      resourceType: 'Condition',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
          ],
        },
      ],
      code: { coding: [{ system: SNOMED, code: c.code, display: c.name }], text: c.name },
      subject,
    };
    add(condition);
  }
  for (const m of p.medications ?? []) {
    const statement: MedicationStatement = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: {
        coding: [{ system: SNOMED, code: m.code, display: m.name }],
        text: m.name,
      },
      subject,
      effectiveDateTime: p.injury_timestamp,
      dosage: [{ text: m.detail }],
    };
    add(statement);
  }
}

/** Builds the streaming pieces of the bundle; `seed` namespaces the UUIDs. */
export function fhirFormat(seed: string) {
  const bundleId = deterministicUuid(createHash('sha256').update(`${seed}:bundle`).digest(), 0);
  // Each patient adds several entries to the one array, so an "element" is their joined text.
  return jsonArrayFormat(
    `{"resourceType":"Bundle","id":"${bundleId}","type":"collection","entry":[\n`,
    (p) =>
      patientEntries(p, seed)
        .map((e) => JSON.stringify(e))
        .join(',\n'),
    () => '\n]}\n',
  );
}
