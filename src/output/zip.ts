/**
 * The ZIP of a job's outputs, files at the archive root (the download route's format), written while
 * the outputs are: the first entry is read from its file as that file grows, so compressing the
 * largest output overlaps generating it instead of following it.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { GrowingFileReader } from './growing-file.js';

/**
 * DEFLATE level for text entries. Level 3 compresses our JSON about twice as fast as zlib's default 6,
 * to 13 % of its size instead of 10 % (`npx tsx bench/zip-levels.ts`), so that the archive keeps pace
 * with the generator on a second core.
 */
export const ZIP_TEXT_LEVEL = 3;

/** Already compressed: gzip, AES-GCM output (random to DEFLATE), and XLSX (itself a ZIP). */
const STORED = /\.(gz|enc|xlsx)$/;

const levelFor = (name: string): number => (STORED.test(name) ? 0 : ZIP_TEXT_LEVEL);

/**
 * yazl checksums every entry with buffer-crc32, a byte-at-a-time loop in JavaScript: for a 1M-patient
 * job's 3 GB of JSON that was about as much CPU as the DEFLATE itself. zlib's native `crc32` (Node
 * 20.15 and later) computes the same checksum about twelve times faster (`npx tsx bench/zip-levels.ts`).
 * yazl calls `unsigned(chunk, previous)` on the module object it required, so replacing that one
 * function there is enough; the checksums are the same numbers, and the tests read every archive
 * with CRC checks on.
 */
function useNativeCrc32InYazl(): void {
  if (typeof zlib.crc32 !== 'function') return;
  const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const bufferCrc32 = fromYazl('buffer-crc32') as { unsigned: (data: Buffer, previous?: number) => number };
  bufferCrc32.unsigned = (data, previous) => zlib.crc32(data, previous ?? 0);
}
useNativeCrc32InYazl();

export interface ArchivedFile {
  name: string;
  path: string;
}

/** What writes a job's archive while its outputs are written (this file's ZipArchive, or a thread running one). */
export interface ArchiveWriter {
  /** The file archived first, read as it is written; called before any bytes are reported. */
  begin(live: ArchivedFile): void;
  /** The first `bytes` of the live file are on disk. */
  grown(bytes: number): void;
  /** The live file is complete at `liveBytes`: archives `rest` after it and resolves once the archive is on disk. */
  finish(liveBytes: number, rest: readonly ArchivedFile[]): Promise<void>;
  /** Stops and removes the partial archive. */
  abort(): Promise<void>;
}

export class ZipArchive implements ArchiveWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly output = this.zip.outputStream as Readable;
  private readonly written: Promise<void>;
  private live?: GrowingFileReader;

  constructor(readonly path: string) {
    // Owner only, like the files it holds.
    this.written = pipeline(this.output, createWriteStream(path, { mode: 0o600 }));
    this.written.catch(() => undefined); // surfaced by finish()
    // yazl reports a failed file read on the ZipFile, not on its output.
    this.zip.on('error', (err: Error) => this.output.destroy(err));
  }

  begin(live: ArchivedFile): void {
    if (this.live) throw new Error('a ZIP archive takes one live entry');
    this.live = new GrowingFileReader(live.path);
    // yazl pipes the stream without listening for its errors.
    this.live.on('error', (err) => this.output.destroy(err));
    this.zip.addReadStream(this.live, live.name, { compressionLevel: levelFor(live.name) });
  }

  grown(bytes: number): void {
    this.live?.grown(bytes);
  }

  async finish(liveBytes: number, rest: readonly ArchivedFile[]): Promise<void> {
    this.live?.complete(liveBytes);
    for (const file of rest)
      this.zip.addFile(file.path, file.name, { compressionLevel: levelFor(file.name) });
    this.zip.end();
    await this.written;
  }

  async abort(): Promise<void> {
    this.live?.destroy();
    this.output.destroy();
    await this.written.catch(() => undefined);
    await rm(this.path, { force: true });
  }
}
