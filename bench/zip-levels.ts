/**
 * What the job archive costs per byte of patients.json: DEFLATE (raw, as in a ZIP entry) at zlib's
 * levels 1–6, by speed and by size, and CRC-32 as yazl computes it (in JavaScript) beside
 * zlib's native one and beside yazl as the archive runs it (with zlib's). It picks ZIP_TEXT_LEVEL
 * (src/output/zip.ts) and explains why the archive has a thread of its own (src/jobs/archive-thread.ts).
 * Each figure is the median of three runs on the same buffer, and every speed is also given as a
 * ratio of level 6's, zlib's default.
 *
 * Reproduce: npx tsx bench/zip-levels.ts [--patients 20000]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { DEFAULT_SCENARIO, generatePatients } from '../src/generator/index.js';
import { jsonFormat } from '../src/output/json.js';

const { values } = parseArgs({ options: { patients: { type: 'string', default: '20000' } } });
const n = Number(values.patients);
const parts = [jsonFormat.head()];
let i = 0;
for (const p of generatePatients(DEFAULT_SCENARIO, { seed: 'zip-levels', count: n }))
  parts.push(jsonFormat.row(p, i++));
parts.push(jsonFormat.tail(n));
const json = Buffer.from(parts.join(''), 'utf8');
const mb = json.length / 1048576;

/** MB/s of `work` over the buffer: the median of three runs. */
function speed(work: () => unknown): number {
  const rates = [0, 1, 2].map(() => {
    const start = performance.now();
    work();
    return mb / ((performance.now() - start) / 1000);
  });
  return rates.sort((a, b) => a - b)[1]!;
}

console.log(`patients.json of ${n} default patients: ${mb.toFixed(1)} MB`);
const levels = [1, 2, 3, 4, 5, 6].map((level) => ({
  level,
  rate: speed(() => deflateRawSync(json, { level })),
  ratio: deflateRawSync(json, { level }).length / json.length,
}));
const six = levels.find((l) => l.level === 6)!;
console.log('DEFLATE level  MB/s  ×level 6  size of the JSON');
for (const l of levels)
  console.log(
    `${String(l.level).padStart(13)} ${l.rate.toFixed(0).padStart(5)} ${(l.rate / six.rate).toFixed(2).padStart(9)} ${`${(l.ratio * 100).toFixed(1)} %`.padStart(17)}`,
  );
// A stored entry from a buffer: yazl takes its CRC-32 at once, which is all this times. First with
// yazl's own buffer-crc32, then as src/output/zip.ts runs it, with zlib's native crc32 put in its place.
const yazlCrc = () => new yazl.ZipFile().addBuffer(json, 'patients.json', { compress: false });
const js = speed(yazlCrc);
const native = speed(() => crc32(json));
await import('../src/output/zip.js');
const patched = speed(yazlCrc);
console.log(
  `CRC-32: yazl's own ${js.toFixed(0)} MB/s, zlib.crc32 ${native.toFixed(0)} MB/s (${(native / js).toFixed(1)}x), ` +
    `yazl in src/output/zip.ts ${patched.toFixed(0)} MB/s (${(patched / js).toFixed(1)}x)`,
);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
