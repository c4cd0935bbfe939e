/**
 * Serializers for patients.json on the same records: the job's `JSON.stringify` against
 * fast-json-stringify (the schema-compiled serializer Fastify uses), each followed by the UTF-8 encoding
 * into a 512 KB chunk that `ChunkWriter` does, since a serializer's string is only done once encoded.
 *
 * The schema is read off generated records of the default scenario and every preset (key order as
 * written, every key optional), so it is exactly the record's shape; before timing, each
 * candidate's output is checked byte for byte against `JSON.stringify` on records of other seeds.
 * `fast-json-stringify, strings unescaped` gives every string the `unsafe` format: its output is wrong
 * for a string that needs escaping, so it is no candidate, only the upper bound of a schema-compiled
 * writer that skips escaping.
 *
 * Each round generates a fresh batch (young objects, as in a job) and runs every candidate on it, in
 * alternating order; CPU time (user + system) is steadier than wall time on a shared machine.
 *
 * Reproduce: npx tsx bench/serialize.ts [--patients 60000]
 */
import fastJson, { type Schema } from 'fast-json-stringify';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  DEFAULT_SCENARIO,
  generatePatients,
  getPreset,
  type Patient,
  PRESET_IDS,
  parseScenario,
  type Scenario,
} from '../src/generator/index.js';

type JsonSchema = Record<string, unknown> & { type: string };

/** The JSON schema of `values`: objects by key order of first sight, arrays by their items merged. */
function schemaOf(values: unknown[], unsafeStrings: boolean): JsonSchema {
  const present = values.filter((v) => v !== undefined);
  const kinds = new Set(present.map((v) => (Array.isArray(v) ? 'array' : typeof v)));
  if (kinds.size !== 1) throw new Error(`mixed kinds ${[...kinds].join(', ')}`);
  const kind = [...kinds][0] ?? 'undefined';
  if (kind === 'array') {
    const items = (present as unknown[][]).flat();
    return { type: 'array', items: items.length > 0 ? schemaOf(items, unsafeStrings) : {} };
  }
  if (kind === 'object') {
    const records = present as Record<string, unknown>[];
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const property = (k: string): JsonSchema =>
      schemaOf(
        records.map((r) => r[k]),
        unsafeStrings,
      );
    const properties = Object.fromEntries(keys.map((k) => [k, property(k)]));
    // No `required`: fast-json-stringify writes required keys before the others, out of the record's order.
    return { type: 'object', properties, additionalProperties: false };
  }
  if (kind === 'string' && unsafeStrings) return { type: 'string', format: 'unsafe' };
  return { type: kind };
}

function scenarios(): [string, Scenario][] {
  const out: [string, Scenario][] = [['default', DEFAULT_SCENARIO]];
  for (const id of PRESET_IDS) {
    const parsed = parseScenario(getPreset(id)?.generation_config);
    if (!parsed.ok) throw new Error(`preset ${id} rejected`);
    out.push([id, parsed.scenario]);
  }
  return out;
}

const sample = (seed: string, count: number): Patient[] =>
  scenarios().flatMap(([name, s]) => [...generatePatients(s, { seed: `${seed}-${name}`, count })]);

const CHUNK_BYTES = 512 * 1024;

/** Serializes and encodes every patient of `batch` into reused chunks, as a job's ChunkWriter does. */
function encodeAll(batch: Patient[], serialize: (p: Patient) => string, chunk: Buffer): number {
  let used = 0;
  let bytes = 0;
  for (const p of batch) {
    const text = serialize(p);
    if (used + text.length * 3 > chunk.length) used = 0;
    const n = chunk.write(text, used);
    used += n;
    bytes += n;
  }
  return bytes;
}

type Candidate = [name: string, serialize: (p: Patient) => string];

/** fast-json-stringify compiled from the schema read off `shape`. */
function compile(shape: Patient[], unsafeStrings: boolean): Candidate[1] {
  const stringify = fastJson(schemaOf(shape, unsafeStrings) as Schema);
  return (p) => stringify(p);
}

/** Throws, quoting the first difference, unless every candidate writes exactly what JSON.stringify writes. */
function assertSameBytes(candidates: Candidate[], patients: Patient[]): void {
  for (const p of patients) {
    const expected = JSON.stringify(p);
    for (const [name, serialize] of candidates) {
      const got = serialize(p);
      if (got === expected) continue;
      let at = 0;
      while (got[at] === expected[at]) at++;
      const around = (text: string): string => text.slice(Math.max(0, at - 60), at + 40);
      throw new Error(`${name}: patient ${p.id} differs: ${around(expected)} / ${around(got)}`);
    }
  }
}

function main(): void {
  const { values } = parseArgs({ options: { patients: { type: 'string', default: '60000' } } });
  const total = Number(values.patients);
  const load = loadavg().map((l) => l.toFixed(2));
  const shape = sample('shape', 2000);
  const candidates: Candidate[] = [
    ['JSON.stringify (the job today)', (p) => JSON.stringify(p)],
    ['fast-json-stringify', compile(shape, false)],
    ['fast-json-stringify, strings unescaped', compile(shape, true)],
  ];
  assertSameBytes(candidates, sample('check', 300));
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const cpu = candidates.map(() => 0);
  const BATCH = 2000;
  const rounds = Math.max(2, Math.ceil(total / BATCH));
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    const batch = [...generatePatients(DEFAULT_SCENARIO, { seed: `round-${round}`, count: BATCH })];
    const order = candidates.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const before = process.cpuUsage();
      const written = encodeAll(batch, candidates[i]![1], chunk);
      const used = process.cpuUsage(before);
      cpu[i]! += used.user + used.system;
      if (i === 0) bytes += written;
    }
  }
  const n = rounds * BATCH;
  console.log(
    `${n} patients of the default scenario (${(bytes / n).toFixed(0)} bytes each), serialized and UTF-8 encoded`,
  );
  console.log(`${'serializer'.padEnd(40)} CPU µs/patient  patients/CPU-s  against JSON.stringify`);
  for (const [i, [name]] of candidates.entries()) {
    const micros = cpu[i]! / n;
    const perSecond = String(Math.round(1e6 / micros));
    const ratio = (cpu[0]! / cpu[i]!).toFixed(2);
    console.log(
      `${name.padEnd(40)} ${micros.toFixed(2).padStart(14)} ${perSecond.padStart(15)} ${ratio.padStart(20)}x`,
    );
  }
  const loadNow = loadavg().map((l) => l.toFixed(2));
  console.log(`load average at start: ${load.join(' ')}; at end: ${loadNow.join(' ')}`);
  console.log(
    `reproduce: npx tsx bench/serialize.ts --patients ${total} (Node ${process.versions.node}, V8 ${process.versions.v8})`,
  );
}

main();
