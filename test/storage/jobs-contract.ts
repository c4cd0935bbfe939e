import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewJobRow } from '../../src/db/schema/index.js';
import { type Owner, SYSTEM_OWNER } from '../../src/db/index.js';
import { JobRepository } from '../../src/jobs/index.js';
import type { Storage } from './contract.js';
import { tag } from './keys-contract.js';
import { DEFAULT_SCENARIO } from '../../src/generator/index.js';

const owner = (subject = ''): Owner => ({ keyId: randomUUID(), subject, all: false });

function newJob(who: Owner, overrides: Partial<NewJobRow> = {}): NewJobRow {
  return {
    id: randomUUID(),
    ownerKeyId: who.keyId,
    ownerSubject: who.subject,
    status: 'pending',
    seed: 'contract',
    totalPatients: 5,
    config: { name: 'Contract', total_patients: 5, nested: { fronts: [{ id: 'north', ratio: 0.5 }] } },
    scenario: { ...DEFAULT_SCENARIO, total_patients: 5 },
    outputFormats: ['json', 'csv'],
    createdAt: new Date('2026-03-31T10:00:00.123Z'),
    ...overrides,
  };
}

export function jobsContract(storage: Storage): void {
  describe('jobs', () => {
    const jobs = () => new JobRepository(storage.database.db);

    it('stores a job and reads it back for its owner only; another tenant gets "not found"', async () => {
      const alice = owner();
      const job = await jobs().create(newJob(alice));
      expect(await jobs().get(job.id, alice)).toMatchObject({
        status: 'pending',
        config: { name: 'Contract', total_patients: 5, nested: { fronts: [{ id: 'north', ratio: 0.5 }] } },
        outputFormats: ['json', 'csv'],
        createdAt: new Date('2026-03-31T10:00:00.123Z'),
      });
      expect(await jobs().get(job.id, owner())).toBeUndefined();
      expect(await jobs().get(job.id, { ...alice, subject: '10.0.0.9' })).toBeUndefined();
      expect(await jobs().get(job.id, SYSTEM_OWNER)).toBeDefined();
      expect(await jobs().get('not-a-uuid', SYSTEM_OWNER)).toBeUndefined();
      expect(await jobs().cancel(job.id, owner(), new Date(), new Date())).toBeUndefined();
      expect(await jobs().delete(job.id, owner())).toBe(false);
      expect(await jobs().delete(job.id, alice)).toBe(true);
      expect(await jobs().get(job.id, SYSTEM_OWNER)).toBeUndefined();
    });

    it('lists an owner’s jobs newest first, filtered by status', async () => {
      const alice = owner();
      const older = await jobs().create(newJob(alice, { createdAt: new Date('2026-01-01T00:00:00Z') }));
      const newer = await jobs().create(
        newJob(alice, { createdAt: new Date('2026-01-02T00:00:00Z'), status: 'failed' }),
      );
      await jobs().create(newJob(owner(), { status: 'failed' }));
      expect((await jobs().list(alice, { limit: 10 })).map((j) => j.id)).toEqual([newer.id, older.id]);
      expect((await jobs().list(alice, { limit: 10, status: 'failed' })).map((j) => j.id)).toEqual([
        newer.id,
      ]);
      expect(await jobs().list(alice, { limit: 1 })).toHaveLength(1);
      await jobs().cancel(older.id, alice, new Date(), new Date());
    });

    it('offers pending jobs high priority first, and only those pinned to a worker or to no one', async () => {
      const worker = `worker-${tag()}`;
      const alice = owner();
      const low = await jobs().create(newJob(alice, { priority: 'low', workerId: worker }));
      const high = await jobs().create(
        newJob(alice, { priority: 'high', workerId: worker, createdAt: new Date('2026-12-31T00:00:00Z') }),
      );
      const normal = await jobs().create(newJob(alice, { workerId: worker }));
      const pinnedElsewhere = await jobs().create(newJob(alice, { workerId: `holder-${tag()}` }));
      const pending = (options: { unpinned: boolean; exclude?: string[] }) =>
        jobs().pendingIds({ workerId: worker, exclude: [], limit: 1000, ...options });
      expect(await pending({ unpinned: false })).toEqual([high.id, normal.id, low.id]);
      expect(await pending({ unpinned: false, exclude: [high.id] })).toEqual([normal.id, low.id]);
      expect(await pending({ unpinned: true })).not.toContain(pinnedElsewhere.id);
      for (const job of [low, high, normal, pinnedElsewhere]) {
        await jobs().cancel(job.id, alice, new Date(), new Date());
      }
    });

    it('lets each pending job be claimed by exactly one of two instances', async () => {
      const alice = owner();
      const open = await Promise.all(Array.from({ length: 8 }, () => jobs().create(newJob(alice))));
      const instances = [jobs(), new JobRepository(storage.another().db)];
      const claims = await Promise.all(
        open.flatMap((job) => instances.map((repo, i) => repo.claim(job.id, `instance-${i}`, new Date()))),
      );
      const ids = claims.filter((j) => j !== undefined).map((j) => j.id);
      expect(ids.sort()).toEqual(open.map((j) => j.id).sort());
      for (const id of ids) expect((await jobs().get(id, alice))?.status).toBe('running');
      // A running job is taken only by a takeover (the queue delivered it again: its worker died).
      const first = open[0]!;
      expect(await jobs().claim(first.id, 'late', new Date())).toBeUndefined();
      expect((await jobs().claim(first.id, 'rescuer', new Date(), true))?.workerId).toBe('rescuer');
    });

    it('hands a running job back to pending only for the worker running it', async () => {
      const alice = owner();
      const job = await jobs().create(newJob(alice));
      await jobs().claim(job.id, 'runner', new Date());
      expect(await jobs().release(job.id, 'someone-else')).toBe(false);
      expect(await jobs().release(job.id, 'runner')).toBe(true);
      expect(await jobs().get(job.id, alice)).toMatchObject({
        status: 'pending',
        workerId: null,
        startedAt: null,
      });
      await jobs().cancel(job.id, alice, new Date(), new Date());
    });

    it('records progress, completion with its summary, and refuses to complete or cancel it twice', async () => {
      const worker = `worker-${tag()}`;
      const alice = owner();
      const job = await jobs().create(newJob(alice, { workerId: worker }));
      await jobs().claim(job.id, worker, new Date());
      expect(await jobs().reportProgress(job.id, 40, 2, new Date())).toEqual({ cancelled: false });
      const now = new Date('2026-03-31T11:00:00Z');
      const result = {
        summary: { total_patients: 5, by_triage: { T1: 2 } },
        outputFiles: [{ name: 'patients.json', bytes: 123 }],
        generated: 5,
      };
      expect(await jobs().complete(job.id, result, now, new Date(now.getTime() + 3_600_000))).toBe(true);
      expect(await jobs().get(job.id, alice)).toMatchObject({
        status: 'completed',
        progress: 100,
        patientsGenerated: 5,
        summary: { total_patients: 5, by_triage: { T1: 2 } },
        outputFiles: [{ name: 'patients.json', bytes: 123 }],
        completedAt: now,
      });
      expect(await jobs().complete(job.id, result, now, now)).toBe(false);
      expect(await jobs().cancel(job.id, alice, now, now)).toBeUndefined();
    });

    it('tells a worker its job was cancelled, and a late outcome does not overwrite the cancellation', async () => {
      const worker = `worker-${tag()}`;
      const alice = owner();
      const job = await jobs().create(newJob(alice, { workerId: worker }));
      await jobs().claim(job.id, worker, new Date());
      expect(await jobs().cancel(job.id, alice, new Date(), new Date())).toMatchObject({
        status: 'cancelled',
        error: 'Job cancelled by user',
      });
      expect(await jobs().reportProgress(job.id, 50, 3, new Date())).toEqual({ cancelled: true });
      expect(
        await jobs().complete(job.id, { summary: {}, outputFiles: [], generated: 5 }, new Date(), new Date()),
      ).toBe(false);
      await jobs().fail(job.id, 'late failure', new Date(), new Date());
      expect(await jobs().get(job.id, alice)).toMatchObject({
        status: 'cancelled',
        error: 'Job cancelled by user',
      });
    });

    it('fails running jobs whose heartbeat is older than the cut-off, and only those', async () => {
      const worker = `worker-${tag()}`;
      const alice = owner();
      const stale = await jobs().create(newJob(alice, { workerId: worker }));
      const live = await jobs().create(newJob(alice, { workerId: worker }));
      await jobs().claim(stale.id, `dead-${worker}`, new Date('2026-03-31T10:00:00Z'));
      await jobs().claim(live.id, worker, new Date('2026-03-31T10:00:00Z'));
      expect(await jobs().touch(worker, new Date('2026-03-31T10:05:00Z'))).toEqual(new Set([live.id]));
      const failed = await jobs().failOrphans(
        new Date('2026-03-31T10:04:00Z'),
        new Date('2026-03-31T10:06:00Z'),
        new Date('2026-03-31T12:06:00Z'),
        { scope: 'all' },
      );
      expect(failed).toContain(stale.id);
      expect(failed).not.toContain(live.id);
      expect(await jobs().get(stale.id, alice)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/server stopped/),
      });
      expect((await jobs().get(live.id, alice))?.status).toBe('running');
      await jobs().fail(live.id, 'done with it', new Date(), new Date());
    });

    it('with a shared queue fails only encrypted jobs of a silent instance, pending or running', async () => {
      const alice = owner();
      const dead = `dead-${tag()}`;
      const at = new Date('2026-04-01T10:00:00Z');
      const encryptedPending = await jobs().create(
        newJob(alice, { useEncryption: true, seed: null, workerId: dead, createdAt: at }),
      );
      const encryptedRunning = await jobs().create(
        newJob(alice, { useEncryption: true, seed: null, workerId: dead, createdAt: at }),
      );
      await jobs().claim(encryptedRunning.id, dead, at);
      const plainRunning = await jobs().create(newJob(alice, { createdAt: at }));
      await jobs().claim(plainRunning.id, dead, at);
      const failed = await jobs().failOrphans(
        new Date('2026-04-01T10:05:00Z'),
        new Date('2026-04-01T10:06:00Z'),
        new Date('2026-04-01T12:06:00Z'),
        { scope: 'encrypted' },
      );
      expect(failed).toEqual(expect.arrayContaining([encryptedPending.id, encryptedRunning.id]));
      expect(failed).not.toContain(plainRunning.id);
      expect(await jobs().get(encryptedPending.id, alice)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/password is kept only in memory/),
      });
      expect((await jobs().get(plainRunning.id, alice))?.status).toBe('running');
      await jobs().fail(plainRunning.id, 'done with it', new Date(), new Date());
    });

    it('deletes jobs past their retention and returns their ids; counts jobs and patients by status', async () => {
      const worker = `worker-${tag()}`;
      const alice = owner();
      const job = await jobs().create(newJob(alice, { workerId: worker }));
      await jobs().claim(job.id, worker, new Date());
      const before = await jobs().countsByStatus();
      const now = new Date('2040-01-01T00:00:00Z');
      await jobs().complete(
        job.id,
        { summary: {}, outputFiles: [], generated: 5 },
        now,
        new Date(now.getTime() + 1000),
      );
      const after = await jobs().countsByStatus();
      const of = (rows: typeof before, status: string) =>
        rows.find((r) => r.status === status) ?? { jobs: 0, patients: 0 };
      expect(of(after, 'completed').jobs - of(before, 'completed').jobs).toBe(1);
      expect(of(after, 'completed').patients - of(before, 'completed').patients).toBe(5);
      expect(of(before, 'running').jobs - of(after, 'running').jobs).toBe(1);

      expect(await jobs().deleteExpired(now, new Date(0))).not.toContain(job.id);
      expect(await jobs().deleteExpired(new Date(now.getTime() + 1001), new Date(0))).toContain(job.id);
      expect(await jobs().get(job.id, alice)).toBeUndefined();
    });
  });
}
