import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveThread } from '../../src/jobs/archive-thread.js';
import { unzip } from '../api/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'milmed-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the archive thread', () => {
  it('archives the live file as it grows, then the others after it', async () => {
    const live = join(dir, 'patients.json');
    const other = join(dir, 'patients.csv');
    const zip = join(dir, 'job.zip');
    const archive = new ArchiveThread(zip);
    writeFileSync(live, '[\n{"id":0}');
    archive.begin({ name: 'patients.json', path: live });
    archive.grown(10);
    writeFileSync(live, '[\n{"id":0},\n{"id":1}\n]');
    writeFileSync(other, 'id\n0\n1\n');
    await archive.finish(22, [{ name: 'patients.csv', path: other }]);
    const entries = await unzip(readFileSync(zip));
    expect(Object.keys(entries)).toEqual(['patients.json', 'patients.csv']);
    expect(entries['patients.json']?.toString()).toBe('[\n{"id":0},\n{"id":1}\n]');
    expect(entries['patients.csv']?.toString()).toBe('id\n0\n1\n');
  });

  it('fails the archive with the thread’s reason when a file cannot be read', async () => {
    const archive = new ArchiveThread(join(dir, 'missing.zip'));
    await expect(archive.finish(0, [{ name: 'gone.csv', path: join(dir, 'gone.csv') }])).rejects.toThrow(
      /writing the archive failed: .*ENOENT/,
    );
  });

  it('removes the partial archive when it is aborted', async () => {
    const zip = join(dir, 'aborted.zip');
    const live = join(dir, 'aborted.json');
    writeFileSync(live, '[\n');
    const archive = new ArchiveThread(zip);
    archive.begin({ name: 'aborted.json', path: live });
    archive.grown(2);
    await archive.abort();
    expect(existsSync(zip)).toBe(false);
  });

  it('writes the next archive on the thread the last one was written on, unless that one failed or was aborted', async () => {
    const zipOf = async (name: string): Promise<number> => {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, 'id\n0\n');
      const archive = new ArchiveThread(join(dir, `${name}.zip`));
      await archive.finish(0, [{ name: `${name}.csv`, path: file }]);
      expect(Object.keys(await unzip(readFileSync(join(dir, `${name}.zip`))))).toEqual([`${name}.csv`]);
      return archive.threadId;
    };
    const first = await zipOf('first');
    expect(await zipOf('second')).toBe(first);

    const failed = new ArchiveThread(join(dir, 'failed.zip'));
    await expect(failed.finish(0, [{ name: 'gone.csv', path: join(dir, 'gone.csv') }])).rejects.toThrow();
    expect(failed.threadId).toBe(first);
    const afterFailure = await zipOf('after-failure');
    expect(afterFailure).not.toBe(first);

    const aborted = new ArchiveThread(join(dir, 'aborted-again.zip'));
    await aborted.abort();
    expect(aborted.threadId).toBe(afterFailure);
    expect(await zipOf('after-abort')).not.toBe(afterFailure);
  });
});
