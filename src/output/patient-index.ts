/**
 * Random access to a job's stored patients, so the results and patient-detail routes read a few
 * records from disk instead of generating them again or parsing the whole file.
 *
 * While a job writes its plain JSON array (`[\n` + rows joined by `,\n` + `\n]`), an index file
 * `patients.idx` records where each row starts. Layout (integers unsigned, big-endian):
 *
 *   offset 0  4 bytes  magic "MMPI"
 *          4  1 byte   version (1)
 *          5  1 byte   length L of the data file's name
 *          6  L bytes  the data file's name (ASCII, in the same directory)
 *      6 + L  8 bytes  each: the byte offset of row i in the data file, for i = 0..n,
 *                      the last entry being where row n-1 ends
 *
 * Row i is the bytes [entry i, entry i+1): one compact JSON patient, preceded by `,\n` for i > 0.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

export const PATIENT_INDEX_FILE = 'patients.idx';
const MAGIC = Buffer.from('MMPI', 'ascii');
const VERSION = 1;
const ENTRY_BYTES = 8;
const FLUSH_BYTES = 64 * 1024;
/** The most records one read may return: bounds the memory a single request can take. */
export const MAX_RECORDS_PER_READ = 1000;

/** Writes `patients.idx` for a data file as its rows are produced; call `row` with each row's exact text. */
export class PatientIndexWriter {
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;

  constructor(dir: string, dataFile: string) {
    const name = Buffer.from(dataFile, 'ascii');
    if (name.length > 255) throw new Error('patient index: data file name too long');
    this.out = createWriteStream(join(dir, PATIENT_INDEX_FILE), { mode: 0o600 });
    this.done = once(this.out, 'finish').then(() => undefined);
    this.done.catch(() => undefined);
    this.push(Buffer.concat([MAGIC, Buffer.from([VERSION, name.length]), name]));
  }

  /** Text written to the data file before the first row (the array's opening). */
  head(text: string): void {
    this.offset += Buffer.byteLength(text);
  }

  /** One patient's row, exactly as written to the data file. */
  row(text: string): void {
    this.entry();
    this.offset += Buffer.byteLength(text);
  }

  /** Writes what is buffered, waiting for the disk when the stream is full. */
  async flush(): Promise<void> {
    if (this.pendingBytes < FLUSH_BYTES) return;
    await this.write();
  }

  /** Records where the last row ends and closes the file. */
  async finish(): Promise<void> {
    this.entry();
    await this.write();
    this.out.end();
    await this.done;
  }

  destroy(): void {
    this.out.destroy();
  }

  private entry(): void {
    const b = Buffer.allocUnsafe(ENTRY_BYTES);
    b.writeBigUInt64BE(BigInt(this.offset));
    this.push(b);
  }

  private push(b: Buffer): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
  }

  private async write(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

export interface PatientPage {
  /** How many patients the job stored. */
  total: number;
  /** The parsed records of the requested range, clamped to `[0, total)`. */
  patients: Record<string, unknown>[];
}

/**
 * Reads patients `[start, end)` of a job directory through its index: two small positioned reads,
 * whatever the job's size. Resolves `undefined` when the index or data file is not there (the job
 * expired, or was written before indexes existed). At most MAX_RECORDS_PER_READ records per call.
 */
export async function readStoredPatients(
  dir: string,
  start: number,
  end: number,
): Promise<PatientPage | undefined> {
  if (end - start > MAX_RECORDS_PER_READ)
    throw new RangeError(`at most ${MAX_RECORDS_PER_READ} records per read`);
  const index = await openIfExists(join(dir, PATIENT_INDEX_FILE));
  if (!index) return undefined;
  try {
    const head = Buffer.alloc(6 + 255);
    const { bytesRead } = await index.read(head, 0, head.length, 0);
    if (bytesRead < 6 || !head.subarray(0, 4).equals(MAGIC) || head[4] !== VERSION) {
      throw new Error('patient index: unknown format');
    }
    const nameLength = head[5]!;
    const dataFile = head.subarray(6, 6 + nameLength).toString('ascii');
    const entriesAt = 6 + nameLength;
    const { size } = await index.stat();
    const total = Math.max(0, Math.floor((size - entriesAt) / ENTRY_BYTES) - 1);
    const from = Math.min(Math.max(0, start), total);
    const to = Math.min(Math.max(from, end), total);
    if (from === to) return { total, patients: [] };

    const entries = Buffer.alloc((to - from + 1) * ENTRY_BYTES);
    await index.read(entries, 0, entries.length, entriesAt + from * ENTRY_BYTES);
    const offsets = Array.from({ length: to - from + 1 }, (_, i) =>
      Number(entries.readBigUInt64BE(i * ENTRY_BYTES)),
    );
    const data = await openIfExists(join(dir, dataFile));
    if (!data) return undefined;
    try {
      const first = offsets[0]!;
      const bytes = Buffer.alloc(offsets.at(-1)! - first);
      await data.read(bytes, 0, bytes.length, first);
      const patients = offsets.slice(0, -1).map((at, i) => {
        const row = bytes.toString('utf8', at - first, offsets[i + 1]! - first);
        return JSON.parse(row.startsWith(',') ? row.slice(1) : row) as Record<string, unknown>;
      });
      return { total, patients };
    } finally {
      await data.close();
    }
  } finally {
    await index.close();
  }
}

async function openIfExists(path: string) {
  try {
    return await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
