import { once } from 'node:events';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GrowingFileReader } from '../../src/output/growing-file.js';

const dir = mkdtempSync(join(tmpdir(), 'milmed-growing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything the reader has pushed so far, and a way to wait until it has pushed `bytes`. */
function collect(reader: GrowingFileReader) {
  const parts: Buffer[] = [];
  let seen = 0;
  const waiters: { bytes: number; resolve: () => void }[] = [];
  reader.on('data', (chunk: Buffer) => {
    parts.push(chunk);
    seen += chunk.length;
    for (const w of waiters.filter((w) => seen >= w.bytes)) w.resolve();
  });
  return {
    text: () => Buffer.concat(parts).toString('utf8'),
    reached: (bytes: number) =>
      new Promise<void>((resolve) => (seen >= bytes ? resolve() : waiters.push({ bytes, resolve }))),
  };
}

describe('GrowingFileReader', () => {
  it('reads only the bytes its writer reported, waits for more, and ends at the final length', async () => {
    const path = join(dir, 'grows.json');
    writeFileSync(path, '[\n{"id":0}');
    const reader = new GrowingFileReader(path);
    const read = collect(reader);
    // On disk but not yet reported: a writer may be halfway through them.
    appendFileSync(path, ',\n{"id":1}');
    reader.grown(10);
    await read.reached(10);
    expect(read.text()).toBe('[\n{"id":0}');

    appendFileSync(path, '\n]');
    reader.grown(20);
    await read.reached(20);
    expect(read.text()).toBe('[\n{"id":0},\n{"id":1}');

    reader.complete(22);
    await once(reader, 'end');
    expect(read.text()).toBe('[\n{"id":0},\n{"id":1}\n]');
  });

  it('ends at once for an empty file that its writer completes', async () => {
    const path = join(dir, 'empty');
    writeFileSync(path, '');
    const reader = new GrowingFileReader(path);
    const read = collect(reader);
    reader.complete(0);
    await once(reader, 'end');
    expect(read.text()).toBe('');
  });

  it('fails, instead of waiting for ever, when the file is shorter than its writer said', async () => {
    const path = join(dir, 'short');
    writeFileSync(path, 'abc');
    const reader = new GrowingFileReader(path);
    collect(reader);
    reader.complete(10);
    const [error] = await once(reader, 'error');
    expect((error as Error).message).toMatch(/shorter than its writer said/);
  });
});
