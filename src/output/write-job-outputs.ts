/**
 * One pass over the patient stream, fanned out to every requested format. Each format has its own
 * stream chain (text → [gzip] → [AES-GCM] → file); text is encoded into large chunks and the loop
 * waits for `drain` whenever a stream asks, so memory stays flat whatever N is.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Patient } from '../generator/index.js';
import { ChunkWriter } from './chunk-writer.js';
import { createEncryptStream, deriveEncryptionKey, type EncryptionKey } from './crypto.js';
import { csvFormat } from './csv.js';
import { fhirFormat } from './fhir.js';
import { jsonFormat } from './json.js';
import { PATIENT_INDEX_FILE, PatientIndexWriter } from './patient-index.js';
import type { TextFormat } from './text-format.js';
import type { OutputFile, OutputFormat } from './types.js';
import { createXlsxSink, type XlsxSink } from './xlsx.js';
import { xmlFormat } from './xml.js';
import type { ArchiveWriter } from './zip.js';

export interface WriteJobOptions {
  patients: Iterable<Patient>;
  formats: OutputFormat[];
  dir: string;
  compress: boolean;
  password?: string;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  /** Namespace for the FHIR resource UUIDs; pass the job's generation seed. */
  seed?: string;
  /**
   * Also write `patients.idx`, so single patients can be read back without generating them again
   * (see patient-index.ts). It indexes `patients.json` when that is written plain; otherwise a plain
   * copy, `records.json`, is written for it and not listed among the outputs. Ignored with a
   * password: an encrypted job keeps nothing in the clear.
   */
  index?: boolean;
  /**
   * Also archives every output, as the download serves them: the largest output is handed over as it
   * grows on disk, the others once they are complete. Removed with the files on failure.
   */
  archive?: ArchiveWriter;
}

/** The plain copy indexed when patients.json is compressed or not requested. */
export const RECORDS_FILE = 'records.json';

const BASE: Record<OutputFormat, { file: string; type: string }> = {
  json: { file: 'patients.json', type: 'application/json' },
  csv: { file: 'patients.csv', type: 'text/csv' },
  xml: { file: 'patients.xml', type: 'application/xml' },
  xlsx: { file: 'patients.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  fhir: { file: 'patients.fhir', type: 'application/fhir+json' },
};

interface Target {
  file: OutputFile;
  input: PassThrough;
  done: Promise<void>;
  text?: TextFormat;
  xlsx?: XlsxSink;
  index?: PatientIndexWriter;
  /** Written for the index only, not one of the job's outputs. */
  internal?: boolean;
  /** Set for the text formats. */
  writer?: ChunkWriter;
  /** The file's stream, which counts the bytes on disk. */
  sink: WriteStream;
}

/**
 * The outputs from the largest per patient to the smallest (FHIR's bundles are five times the JSON):
 * the first one requested is archived as it is written.
 */
const LARGEST_FIRST: readonly OutputFormat[] = ['fhir', 'xml', 'json', 'csv', 'xlsx'];

function openTarget(format: OutputFormat | 'records', opts: WriteJobOptions, key?: EncryptionKey): Target {
  if (format === 'records') {
    const path = join(opts.dir, RECORDS_FILE);
    const input = new PassThrough({ highWaterMark: 256 * 1024 });
    const sink = createWriteStream(path, { mode: 0o600 });
    const done = pipeline(input, sink);
    const file = { name: RECORDS_FILE, path, bytes: 0, contentType: BASE.json.type };
    return { file, input, done, sink, text: jsonFormat, writer: new ChunkWriter(input), internal: true };
  }
  let name = BASE[format].file;
  let contentType = BASE[format].type;
  const stages: Transform[] = [];
  if (opts.compress) {
    stages.push(createGzip());
    name += '.gz';
    contentType = 'application/gzip';
  }
  if (key) {
    stages.push(createEncryptStream(key));
    name += '.enc';
    contentType = 'application/octet-stream';
  }
  const path = join(opts.dir, name);
  const input = new PassThrough({ highWaterMark: 256 * 1024 });
  const sink = createWriteStream(path, { mode: 0o600 });
  const done = pipeline([input, ...stages, sink] as unknown as [PassThrough, Writable]);
  const target: Target = {
    file: { name, path, bytes: 0, contentType },
    input,
    done,
    sink,
  };
  if (format === 'xlsx') {
    target.xlsx = createXlsxSink(input);
    return target;
  }
  target.writer = new ChunkWriter(input);
  target.text =
    format === 'json'
      ? jsonFormat
      : format === 'csv'
        ? csvFormat
        : format === 'xml'
          ? xmlFormat
          : fhirFormat(opts.seed ?? '');
  return target;
}

/** Opens the index on plain patients.json, or on a plain copy when there is none. */
function openIndex(targets: Target[], opts: WriteJobOptions): void {
  if (!opts.index || opts.password) return;
  let target = targets.find((t) => t.file.name === BASE.json.file);
  if (!target) {
    target = openTarget('records', opts);
    targets.push(target);
  }
  target.index = new PatientIndexWriter(opts.dir, target.file.name);
}

/** Writes every requested format; on abort or error the partial files are removed and the error rethrown. */
export async function writeJobOutputs(opts: WriteJobOptions): Promise<OutputFile[]> {
  const formats = [...new Set(opts.formats)];
  // One key derivation for the job's files (crypto.ts, deriveEncryptionKey).
  const key = opts.password ? deriveEncryptionKey(opts.password) : undefined;
  const targets = formats.map((f) => openTarget(f, opts, key));
  const { archive } = opts;
  const largest = LARGEST_FIRST.find((f) => formats.includes(f));
  const live = largest === undefined ? undefined : targets[formats.indexOf(largest)];
  if (live) archive?.begin(live.file);
  openIndex(targets, opts);
  // Surface pipeline errors early instead of as unhandled rejections.
  const settled = Promise.all(targets.map((t) => t.done));
  settled.catch(() => undefined);
  try {
    for (const t of targets) {
      if (!t.text || !t.writer) continue;
      const bytes = t.writer.write(t.text.head());
      t.index?.head(bytes);
    }
    let index = 0;
    for (const p of opts.patients) {
      opts.signal?.throwIfAborted();
      for (const t of targets) {
        if (t.xlsx) t.xlsx.add(p);
        else if (t.text && t.writer) {
          const bytes = t.writer.write(t.text.row(p, index));
          if (t.index) {
            t.index.row(bytes);
            if (t.index.mustSettle) await t.index.settle();
          }
          if (t.writer.mustSettle) await t.writer.settle();
        }
      }
      index++;
      if (index % 1000 === 0) {
        opts.onProgress?.(index);
        if (live) archive?.grown(live.sink.bytesWritten);
      }
    }
    opts.signal?.throwIfAborted();
    for (const t of targets) {
      if (t.text && t.writer) {
        t.writer.write(t.text.tail(index));
        await t.writer.flush();
        t.input.end();
        await t.index?.finish();
      } else if (t.xlsx) {
        await t.xlsx.finish();
      }
    }
    await settled;
    // A small job may run to its end without waiting once; an abort meanwhile still wins.
    opts.signal?.throwIfAborted();
    opts.onProgress?.(index);
    const outputs = targets.filter((t) => !t.internal);
    for (const t of outputs) t.file.bytes = (await stat(t.file.path)).size;
    await archive?.finish(
      live?.file.bytes ?? 0,
      outputs.filter((t) => t !== live).map((t) => t.file),
    );
    return outputs.map((t) => t.file);
  } catch (err) {
    for (const t of targets) {
      t.input.destroy();
      t.index?.destroy();
    }
    await Promise.allSettled(targets.map((t) => t.done));
    await archive?.abort();
    await Promise.all(targets.map((t) => rm(t.file.path, { force: true })));
    await rm(join(opts.dir, PATIENT_INDEX_FILE), { force: true });
    throw err;
  }
}
