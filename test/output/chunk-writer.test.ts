import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkWriter } from '../../src/output/chunk-writer.js';
import { PATIENT_INDEX_FILE, PatientIndexWriter } from '../../src/output/patient-index.js';

/** Collects what a ChunkWriter hands to its stream, reading as fast as it comes. */
function collector() {
  const out = new PassThrough({ highWaterMark: 1024 });
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  return { out, text: () => Buffer.concat(parts).toString('utf8') };
}

describe('ChunkWriter', () => {
  it('returns each row’s UTF-8 length and writes the rows in order, multi-byte text included', async () => {
    const { out, text } = collector();
    const writer = new ChunkWriter(out);
    const rows = ['[\n', '{"name":"Łukasz Kamiński"}', ',\n{"front":"東部戦線 🪖"}', '\n]'];
    const lengths = rows.map((r) => writer.write(r));
    await writer.flush();
    out.end();
    await once(out, 'end');
    expect(lengths).toEqual(rows.map((r) => Buffer.byteLength(r)));
    expect(text()).toBe(rows.join(''));
  });

  it('passes a row larger than its chunk through whole, between the rows around it', async () => {
    const { out, text } = collector();
    const writer = new ChunkWriter(out);
    const huge = 'é'.repeat(400_000);
    expect([writer.write('a'), writer.write(huge), writer.write('z')]).toEqual([1, 800_000, 1]);
    await writer.flush();
    out.end();
    await once(out, 'end');
    expect(text()).toBe(`a${huge}z`);
  });

  it('asks the caller to wait while the stream is full, and resumes once it drains', async () => {
    const out = new PassThrough({ highWaterMark: 16 });
    const writer = new ChunkWriter(out);
    for (let i = 0; i < 40_000 && !writer.mustSettle; i++) writer.write('0123456789abcdef');
    expect(writer.mustSettle).toBe(true);
    const settled = writer.settle();
    out.resume();
    await settled;
    expect(writer.mustSettle).toBe(false);
  });
});

describe('PatientIndexWriter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milmed-chunk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores row offsets past 4 GiB exactly, as 64-bit big-endian entries', async () => {
    const index = new PatientIndexWriter(dir, 'patients.json');
    index.head(2);
    index.row(5_000_000_000);
    index.row(3);
    await index.finish();
    const file = readFileSync(join(dir, PATIENT_INDEX_FILE));
    const entriesAt = 6 + 'patients.json'.length;
    const entries = [0, 1, 2].map((i) => file.readBigUInt64BE(entriesAt + i * 8));
    expect(entries).toEqual([2n, 5_000_000_002n, 5_000_000_005n]);
  });
});
