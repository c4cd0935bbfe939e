import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE, type FileStore } from '../../src/storage/index.js';

/** How a back end's suite opens its store; `close` also removes what the store left behind. */
export interface FileStoreUnderTest {
  open(): Promise<FileStore>;
  close(): Promise<void>;
}

/** Larger than two upload parts (8 MB each), so S3 exercises a multipart upload. */
const LARGE_BYTES = 17 * 1024 * 1024 + 123;

async function collect(stream: Readable | undefined): Promise<Buffer | undefined> {
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The file-store contract: every store (the disk, S3 through s3rver) passes the same tests, so
 * the job service and the download route cannot tell them apart.
 */
export function describeFileStoreContract(name: string, backend: FileStoreUnderTest): void {
  describe(`file store contract on ${name}`, () => {
    let store: FileStore;
    let spool: string;
    let large: Buffer;
    beforeAll(async () => {
      store = await backend.open();
      spool = mkdtempSync(join(tmpdir(), 'milmed-spool-'));
      large = randomBytes(LARGE_BYTES);
    });
    afterAll(async () => {
      await store.close();
      await backend.close();
      rmSync(spool, { recursive: true, force: true });
    });

    /** Stores `bytes` as `file` of `jobId` from a fresh local file, as a publishing job does. */
    async function put(jobId: string, file: string, bytes: Buffer | string): Promise<void> {
      const local = join(spool, randomUUID());
      writeFileSync(local, bytes);
      await store.put(jobId, file, local);
      rmSync(local, { force: true });
    }

    it('gives back a stored file byte for byte, whole and by range, with its size', async () => {
      const job = randomUUID();
      await put(job, 'patients.json', large);
      expect(await store.size(job, 'patients.json')).toBe(LARGE_BYTES);
      expect((await collect(await store.stream(job, 'patients.json')))?.equals(large)).toBe(true);
      const middle = { start: 9_000_000, end: 9_000_099 };
      const part = await collect(await store.stream(job, 'patients.json', middle));
      expect(part?.equals(large.subarray(middle.start, middle.end + 1))).toBe(true);
      const last = await collect(
        await store.stream(job, 'patients.json', { start: LARGE_BYTES - 1, end: LARGE_BYTES - 1 }),
      );
      expect(last?.equals(large.subarray(LARGE_BYTES - 1))).toBe(true);
    });

    it('reads a range into memory, cut at the end of the file, with the whole size', async () => {
      const job = randomUUID();
      await put(job, 'patients.idx', 'abcdefghij');
      const head = await store.read(job, 'patients.idx', { start: 0, end: 3 });
      expect(head?.bytes.toString()).toBe('abcd');
      expect(head?.size).toBe(10);
      const tail = await store.read(job, 'patients.idx', { start: 6, end: 260 });
      expect(tail).toEqual({ bytes: Buffer.from('ghij'), size: 10 });
      expect(await store.read(job, 'patients.idx', { start: 10, end: 20 })).toEqual({
        bytes: Buffer.alloc(0),
        size: 10,
      });
    });

    it('answers undefined, not an error, for a file that is not there', async () => {
      const job = randomUUID();
      expect(await store.size(job, 'patients.json')).toBeUndefined();
      expect(await store.stream(job, 'patients.json')).toBeUndefined();
      expect(await store.stream(job, ARCHIVE, { start: 0, end: 1 })).toBeUndefined();
      expect(await store.read(job, 'patients.idx', { start: 0, end: 1 })).toBeUndefined();
    });

    it('replaces a file stored again under the same name', async () => {
      const job = randomUUID();
      await put(job, 'patients.csv', 'first version');
      await put(job, 'patients.csv', 'second');
      expect((await collect(await store.stream(job, 'patients.csv')))?.toString()).toBe('second');
      expect(await store.size(job, 'patients.csv')).toBe(6);
    });

    it('keeps a job archive apart from its files, and removes both with the job, and nothing of another job', async () => {
      const job = randomUUID();
      const other = randomUUID();
      await put(job, 'patients.json', '[]');
      await put(job, 'patients.idx', 'MMPI');
      await put(job, ARCHIVE, 'PK zip');
      await put(other, ARCHIVE, 'PK other');
      expect((await collect(await store.stream(job, ARCHIVE)))?.toString()).toBe('PK zip');
      expect(await store.jobIds()).toEqual(expect.arrayContaining([job, other]));

      await store.remove(job);
      for (const file of ['patients.json', 'patients.idx', ARCHIVE]) {
        expect(await store.size(job, file), file).toBeUndefined();
      }
      expect(await store.jobIds()).not.toContain(job);
      expect(await store.size(other, ARCHIVE)).toBe(8);
      await store.remove(other);
    });

    it('lists a job that has only files, or only an archive', async () => {
      const filesOnly = randomUUID();
      const archiveOnly = randomUUID();
      await put(filesOnly, 'records.json', '[]');
      await put(archiveOnly, ARCHIVE, 'PK');
      expect(await store.jobIds()).toEqual(expect.arrayContaining([filesOnly, archiveOnly]));
      await store.remove(filesOnly);
      await store.remove(archiveOnly);
      expect(await store.jobIds()).not.toEqual(expect.arrayContaining([filesOnly]));
      expect(await store.jobIds()).not.toEqual(expect.arrayContaining([archiveOnly]));
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('removes a job without files without complaint', async () => {
      await expect(store.remove(randomUUID())).resolves.toBeUndefined();
    });

    it('refuses a job id or file name that could reach outside the job', async () => {
      const local = join(spool, 'escape');
      writeFileSync(local, 'x');
      await expect(store.put('../../etc', 'passwd', local)).rejects.toThrow(/not a job id/);
      await expect(store.put(randomUUID(), '../other/patients.json', local)).rejects.toThrow(
        /not a job file name/,
      );
      await expect(store.size(randomUUID(), 'a/b')).rejects.toThrow(/not a job file name/);
      expect(existsSync(local)).toBe(true);
    });
  });
}
