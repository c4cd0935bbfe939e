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

/**
 * Writes `patients.idx` for a data file as its rows are produced; call `row` with each row's length in
 * bytes, exactly as written to the data file. Entries go into a preallocated buffer: no allocation per row.
 */
export class PatientIndexWriter {
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private entries = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  private offset = 0;

  constructor(dir: string, dataFile: string) {
    const name = Buffer.from(dataFile, 'ascii');
    if (name.length > 255) throw new Error('patient index: data file name too long');
    this.out = createWriteStream(join(dir, PATIENT_INDEX_FILE), { mode: 0o600 });
    this.done = once(this.out, 'finish').then(() => undefined);
    this.done.catch(() => undefined);
    this.out.write(Buffer.concat([MAGIC, Buffer.from([VERSION, name.length]), name]));
  }

  /** Bytes written to the data file before the first row (the array's opening). */
  head(bytes: number): void {
    this.offset += bytes;
  }

  /** One patient's row: its length in bytes as written to the data file. */
  row(bytes: number): void {
    this.entry();
    this.offset += bytes;
  }

  /** Whether the file stream asked to wait: call `settle` before the next row. */
  get mustSettle(): boolean {
    return this.out.writableNeedDrain;
  }

  /** Resolves when the file stream has drained what it was handed. */
  async settle(): Promise<void> {
    // Asks the stream, not a flag set at write time: it may have drained while another await ran.
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Records where the last row ends and closes the file. */
  async finish(): Promise<void> {
    this.entry();
    this.handOver();
    await this.settle();
    this.out.end();
    await this.done;
  }

  destroy(): void {
    this.out.destroy();
  }

  private entry(): void {
    if (this.used === this.entries.length) this.handOver();
    // A 64-bit big-endian offset as two 32-bit halves: exact below 2^53, and no BigInt per row.
    this.entries.writeUInt32BE(Math.floor(this.offset / 0x1_0000_0000), this.used);
    this.entries.writeUInt32BE(this.offset >>> 0, this.used + 4);
    this.used += ENTRY_BYTES;
  }

  private handOver(): void {
    if (this.used === 0) return;
    const filled = this.entries.subarray(0, this.used);
    // The stream keeps a reference to what it is given, so the next entries need a fresh buffer.
    this.entries = Buffer.allocUnsafe(FLUSH_BYTES);
    this.used = 0;
    this.out.write(filled);
  }
}

export interface PatientPage {
  /** How many patients the job stored. */
  total: number;
  /** The parsed records of the requested range, clamped to `[0, total)`. */
  patients: Record<string, unknown>[];
}

/**
 * Reads bytes `[range.start, range.end]` (inclusive, cut at the file's end) of the job file `name`,
 * with the whole file's size; `undefined` when the file is not there. A file store provides it.
 */
export type ByteRangeReader = (
  name: string,
  range: { start: number; end: number },
) => Promise<{ bytes: Buffer; size: number } | undefined>;

/** Reads patients `[start, end)` of a job directory on the local disk; see readIndexedPatients. */
export function readStoredPatients(
  dir: string,
  start: number,
  end: number,
): Promise<PatientPage | undefined> {
  return readIndexedPatients(directoryReader(dir), start, end);
}

/**
 * Reads patients `[start, end)` of a job through its index: three small ranged reads (the index's
 * head, its entries for the range, the rows), whatever the job's size, so it works as well on object
 * storage as on disk. Resolves `undefined` when the index or data file is not there (the job expired,
 * or was written before indexes existed). At most MAX_RECORDS_PER_READ records per call.
 */
export async function readIndexedPatients(
  read: ByteRangeReader,
  start: number,
  end: number,
): Promise<PatientPage | undefined> {
  if (end - start > MAX_RECORDS_PER_READ)
    throw new RangeError(`at most ${MAX_RECORDS_PER_READ} records per read`);
  const head = await read(PATIENT_INDEX_FILE, { start: 0, end: 6 + 255 - 1 });
  if (!head) return undefined;
  const { bytes, size } = head;
  if (bytes.length < 6 || !bytes.subarray(0, 4).equals(MAGIC) || bytes[4] !== VERSION) {
    throw new Error('patient index: unknown format');
  }
  const nameLength = bytes[5]!;
  const dataFile = bytes.subarray(6, 6 + nameLength).toString('ascii');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(dataFile)) throw new Error('patient index: bad data file name');
  const entriesAt = 6 + nameLength;
  const total = Math.max(0, Math.floor((size - entriesAt) / ENTRY_BYTES) - 1);
  const from = Math.min(Math.max(0, start), total);
  const to = Math.min(Math.max(from, end), total);
  if (from === to) return { total, patients: [] };

  const entriesStart = entriesAt + from * ENTRY_BYTES;
  const entries = await read(PATIENT_INDEX_FILE, {
    start: entriesStart,
    end: entriesStart + (to - from + 1) * ENTRY_BYTES - 1,
  });
  if (!entries) return undefined;
  const offsets = Array.from({ length: to - from + 1 }, (_, i) =>
    Number(entries.bytes.readBigUInt64BE(i * ENTRY_BYTES)),
  );
  const first = offsets[0]!;
  const rows = await read(dataFile, { start: first, end: offsets.at(-1)! - 1 });
  if (!rows) return undefined;
  const patients = offsets.slice(0, -1).map((at, i) => {
    const row = rows.bytes.toString('utf8', at - first, offsets[i + 1]! - first);
    return JSON.parse(row.startsWith(',') ? row.slice(1) : row) as Record<string, unknown>;
  });
  return { total, patients };
}

/** Ranged reads of the files in a local directory. */
function directoryReader(dir: string): ByteRangeReader {
  return async (name, range) => {
    const file = await openIfExists(join(dir, name));
    if (!file) return undefined;
    try {
      const { size } = await file.stat();
      const length = Math.max(0, Math.min(range.end, size - 1) - range.start + 1);
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await file.read(bytes, 0, length, range.start);
      return { bytes: bytes.subarray(0, bytesRead), size };
    } finally {
      await file.close();
    }
  };
}

async function openIfExists(path: string) {
  try {
    return await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
