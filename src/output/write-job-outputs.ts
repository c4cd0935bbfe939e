/**
 * One pass over the patient stream, fanned out to every requested format. Each format has its own
 * stream chain (text → [gzip] → [AES-GCM] → file); text is batched and every batch waits for `drain`,
 * so memory stays flat whatever N is.
 */
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Patient } from '../generator/index.js';
import { createEncryptStream } from './crypto.js';
import { csvFormat } from './csv.js';
import { fhirFormat } from './fhir.js';
import { jsonFormat } from './json.js';
import type { OutputFile, OutputFormat } from './types.js';
import { createXlsxSink, type XlsxSink } from './xlsx.js';
import { xmlFormat } from './xml.js';

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
}

const BASE: Record<OutputFormat, { file: string; type: string }> = {
  json: { file: 'patients.json', type: 'application/json' },
  csv: { file: 'patients.csv', type: 'text/csv' },
  xml: { file: 'patients.xml', type: 'application/xml' },
  xlsx: { file: 'patients.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  fhir: { file: 'patients.fhir', type: 'application/fhir+json' },
};

interface TextFormat {
  head(): string;
  row(p: Patient, index: number): string;
  tail(): string;
}

interface Target {
  file: OutputFile;
  input: PassThrough;
  done: Promise<void>;
  text?: TextFormat;
  xlsx?: XlsxSink;
  buffer: string[];
  buffered: number;
}

const FLUSH_CHARS = 128 * 1024;

function openTarget(format: OutputFormat, opts: WriteJobOptions): Target {
  let name = BASE[format].file;
  let contentType = BASE[format].type;
  const stages: Transform[] = [];
  if (opts.compress) {
    stages.push(createGzip());
    name += '.gz';
    contentType = 'application/gzip';
  }
  if (opts.password) {
    stages.push(createEncryptStream(opts.password));
    name += '.enc';
    contentType = 'application/octet-stream';
  }
  const path = join(opts.dir, name);
  const input = new PassThrough({ highWaterMark: 256 * 1024 });
  const done = pipeline([input, ...stages, createWriteStream(path, { mode: 0o600 })] as unknown as [PassThrough, Writable]);
  const target: Target = {
    file: { name, path, bytes: 0, contentType },
    input,
    done,
    buffer: [],
    buffered: 0,
  };
  if (format === 'xlsx') target.xlsx = createXlsxSink(input);
  else
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

async function flush(t: Target): Promise<void> {
  if (t.buffered === 0) return;
  const chunk = t.buffer.join('');
  t.buffer = [];
  t.buffered = 0;
  if (!t.input.write(chunk)) await new Promise<void>((resolve) => t.input.once('drain', resolve));
}

function push(t: Target, text: string): boolean {
  if (text.length === 0) return false;
  t.buffer.push(text);
  t.buffered += text.length;
  return t.buffered >= FLUSH_CHARS;
}

/** Writes every requested format; on abort or error the partial files are removed and the error rethrown. */
export async function writeJobOutputs(opts: WriteJobOptions): Promise<OutputFile[]> {
  const formats = [...new Set(opts.formats)];
  const targets = formats.map((f) => openTarget(f, opts));
  // Surface pipeline errors early instead of as unhandled rejections.
  const settled = Promise.all(targets.map((t) => t.done));
  settled.catch(() => undefined);
  try {
    for (const t of targets) if (t.text) push(t, t.text.head());
    let index = 0;
    for (const p of opts.patients) {
      opts.signal?.throwIfAborted();
      for (const t of targets) {
        if (t.xlsx) t.xlsx.add(p);
        else if (t.text && push(t, t.text.row(p, index))) await flush(t);
      }
      index++;
      if (index % 1000 === 0) opts.onProgress?.(index);
    }
    opts.signal?.throwIfAborted();
    for (const t of targets) {
      if (t.text) {
        push(t, t.text.tail());
        await flush(t);
        t.input.end();
      } else if (t.xlsx) {
        await t.xlsx.finish();
      }
    }
    await settled;
    opts.onProgress?.(index);
    for (const t of targets) t.file.bytes = (await stat(t.file.path)).size;
    return targets.map((t) => t.file);
  } catch (err) {
    for (const t of targets) t.input.destroy();
    await Promise.allSettled(targets.map((t) => t.done));
    await Promise.all(targets.map((t) => rm(t.file.path, { force: true })));
    throw err;
  }
}
