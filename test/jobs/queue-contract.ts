import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Owner, SYSTEM_OWNER } from '../../src/db/index.js';
import { DEFAULT_SCENARIO } from '../../src/generator/index.js';
import type {
  Delivery,
  Disposition,
  JobPriority,
  JobQueue,
  JobRepository,
  QueueOptions,
} from '../../src/jobs/index.js';
import { until } from '../helpers/until.js';

/** One world a contract test runs in: a fresh store (and, for pg-boss, a fresh pg-boss schema). */
export interface QueueWorld {
  readonly repository: JobRepository;
  /** A queue of one instance; a second call is a second instance of the same deployment. */
  queue(options: Partial<QueueOptions> & { workerId: string }): JobQueue;
  close(): Promise<void>;
}

export interface QueueHarness {
  /** Instances share the queue (pg-boss): a job may run on any of them, and retries exist. */
  readonly shared: boolean;
  open(): Promise<QueueWorld>;
}

/** The deliveries one instance received, and a way to await them without sleeping. */
class Recorder {
  readonly deliveries: Delivery[] = [];
  running = 0;
  maxRunning = 0;
  private waiters: (() => void)[] = [];

  record(delivery: Delivery): void {
    this.deliveries.push(delivery);
    for (const wake of this.waiters.splice(0)) wake();
  }

  ids(): string[] {
    return this.deliveries.map((d) => d.id);
  }

  /** Resolves once `count` deliveries came; fails after `ms` (real waits: pg-boss expiry is time). */
  async waitFor(count: number, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.deliveries.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.deliveries.length} of ${count} deliveries`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50).unref();
      });
    }
  }
}

const owner: Owner = { keyId: randomUUID(), subject: '', all: false };

/**
 * The JobQueue contract: what the in-process queue (embedded store) and the pg-boss queue
 * (PostgreSQL) both guarantee to the job service. Handlers here do what the job service does with a
 * delivery: claim the row, then record an outcome or hand the job back.
 */
export function queueContract(harness: QueueHarness): void {
  let world: QueueWorld;
  const queues: JobQueue[] = [];
  const errors: unknown[] = [];
  /** Run before the queues close, so a handler a test left waiting cannot hold `close` up. */
  const cleanups: (() => void)[] = [];
  beforeEach(async () => {
    world = await harness.open();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    for (const queue of queues.splice(0)) await queue.close();
    await world.close();
    expect(errors.splice(0)).toEqual([]);
  });

  const queue = (options: Partial<QueueOptions> & { workerId: string }) => {
    const made = world.queue({
      concurrency: 1,
      takeShared: true,
      pollIntervalMs: 20,
      timeoutSeconds: 60,
      onError: (error) => errors.push(error),
      ...options,
    });
    queues.push(made);
    return made;
  };

  /** A stored pending job, as the job service writes one before it enqueues it. */
  async function stored(priority: JobPriority = 'normal', pinnedTo: string | null = null): Promise<string> {
    const id = randomUUID();
    await world.repository.create({
      id,
      ownerKeyId: owner.keyId,
      ownerSubject: '',
      status: 'pending',
      seed: 'queue',
      totalPatients: 1,
      config: {},
      scenario: DEFAULT_SCENARIO,
      outputFormats: ['json'],
      priority,
      workerId: pinnedTo,
      createdAt: new Date(),
    });
    return id;
  }

  /** Claims each delivery and completes it at once, or as `decide` says. */
  function worker(
    workerId: string,
    decide: (delivery: Delivery) => Promise<Disposition> | Disposition = () => 'done',
  ) {
    const recorder = new Recorder();
    const handlers = {
      run: async (delivery: Delivery): Promise<Disposition> => {
        recorder.running++;
        recorder.maxRunning = Math.max(recorder.maxRunning, recorder.running);
        try {
          const job = await world.repository.claim(delivery.id, workerId, new Date(), delivery.attempt > 1);
          recorder.record(delivery);
          if (!job) return 'done';
          const disposition = await decide(delivery);
          if (disposition === 'done') {
            await world.repository.complete(
              delivery.id,
              { summary: {}, outputFiles: [], generated: 1 },
              new Date(),
              new Date(),
            );
          }
          if (disposition === 'handed-back') await world.repository.release(delivery.id, workerId);
          return disposition;
        } finally {
          recorder.running--;
        }
      },
      abandoned: async (id: string) => {
        // Recorded once the job is failed, so a test that waits for the record sees the failed job.
        await world.repository.fail(id, 'abandoned', new Date(), new Date());
        abandoned.push(id);
      },
    };
    const abandoned: string[] = [];
    return { recorder, handlers, abandoned };
  }

  it('delivers each job once, high priority first, then oldest first', async () => {
    const q = queue({ workerId: 'w1' });
    const low = await stored('low');
    const normal = await stored('normal');
    const high = await stored('high');
    for (const [id, priority] of [
      [low, 'low'],
      [normal, 'normal'],
      [high, 'high'],
    ] as const)
      await q.enqueue({ id, priority, local: false });
    const w = worker('w1');
    await q.start(w.handlers);
    await w.recorder.waitFor(3);
    await q.poll();
    expect(w.recorder.ids()).toEqual([high, normal, low]);
    expect(w.recorder.deliveries.map((d) => d.attempt)).toEqual([1, 1, 1]);
    expect((await world.repository.get(low, SYSTEM_OWNER))?.status).toBe('completed');
  });

  it('never runs more deliveries at once than its concurrency', async () => {
    const q = queue({ workerId: 'w1', concurrency: 2 });
    let open: (() => void)[] = [];
    const w = worker(
      'w1',
      () =>
        new Promise<Disposition>((resolve) => {
          open.push(() => resolve('done'));
        }),
    );
    await q.start(w.handlers);
    const ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await stored());
      await q.enqueue({ id: ids[i]!, priority: 'normal', local: false });
    }
    for (let done = 0; done < 5; ) {
      await w.recorder.waitFor(Math.min(5, done + 2));
      await q.poll();
      expect(w.recorder.running).toBeLessThanOrEqual(2);
      const release = open;
      open = [];
      done += release.length;
      for (const resolve of release) resolve();
    }
    expect(w.recorder.maxRunning).toBe(2);
    expect(w.recorder.ids().sort()).toEqual(ids.sort());
  });

  it('delivers a job handed back again', async () => {
    const q = queue({ workerId: 'w1' });
    let first = true;
    const w = worker('w1', () => {
      const disposition: Disposition = first ? 'handed-back' : 'done';
      first = false;
      return disposition;
    });
    await q.start(w.handlers);
    const id = await stored();
    await q.enqueue({ id, priority: 'normal', local: false });
    await w.recorder.waitFor(2);
    expect(w.recorder.ids()).toEqual([id, id]);
    if (harness.shared) expect(w.recorder.deliveries.map((d) => d.attempt)).toEqual([1, 2]);
  });

  it('runs a local job only on the instance that queued it', async () => {
    const q = queue({ workerId: 'holder' });
    const w = worker('holder');
    const elsewhere = await stored('high', 'another-instance');
    const mine = await stored('normal', 'holder');
    await q.enqueue({ id: elsewhere, priority: 'high', local: true });
    await q.enqueue({ id: mine, priority: 'normal', local: true });
    await q.start(w.handlers);
    await w.recorder.waitFor(1);
    await q.poll();
    expect(w.recorder.ids()).toEqual([mine]);
    expect((await world.repository.get(elsewhere, SYSTEM_OWNER))?.status).toBe('pending');
  });

  it('with takeShared off, runs its local jobs and no shared one', async () => {
    const q = queue({ workerId: 'api-only', takeShared: false });
    const w = worker('api-only');
    const shared = await stored('high');
    const mine = await stored('normal', 'api-only');
    await q.enqueue({ id: shared, priority: 'high', local: false });
    await q.enqueue({ id: mine, priority: 'normal', local: true });
    await q.start(w.handlers);
    await w.recorder.waitFor(1);
    await q.poll();
    expect(w.recorder.ids()).toEqual([mine]);
  });

  it('does not deliver a job cancelled and withdrawn before it ran', async () => {
    const q = queue({ workerId: 'w1' });
    const w = worker('w1');
    const cancelled = await stored('high');
    const kept = await stored('low');
    await q.enqueue({ id: cancelled, priority: 'high', local: false });
    await q.enqueue({ id: kept, priority: 'low', local: false });
    await world.repository.cancel(cancelled, SYSTEM_OWNER, new Date(), new Date());
    await q.withdraw(cancelled);
    await q.start(w.handlers);
    await w.recorder.waitFor(1);
    await q.poll();
    expect(w.recorder.ids()).not.toContain(cancelled);
    expect(w.recorder.ids()).toContain(kept);
  });

  it('stops fetching at stop and delivers again after a new start', async () => {
    const q = queue({ workerId: 'w1' });
    const w = worker('w1');
    await q.start(w.handlers);
    await q.stop();
    const id = await stored();
    await q.enqueue({ id, priority: 'normal', local: false });
    await q.poll();
    expect(w.recorder.ids()).toEqual([]);
    await q.start(w.handlers);
    await w.recorder.waitFor(1);
    expect(w.recorder.ids()).toEqual([id]);
  });

  if (!harness.shared) return;

  it('shares jobs between instances: each job is delivered to exactly one', async () => {
    const a = queue({ workerId: 'a', concurrency: 2 });
    const b = queue({ workerId: 'b', concurrency: 2 });
    const wa = worker('a');
    const wb = worker('b');
    await a.start(wa.handlers);
    await b.start(wb.handlers);
    const ids = [];
    for (let i = 0; i < 12; i++) {
      ids.push(await stored());
      await (i % 2 ? a : b).enqueue({ id: ids[i]!, priority: 'normal', local: false });
    }
    const all = () => [...wa.recorder.ids(), ...wb.recorder.ids()];
    await until(() => all().length >= 12);
    expect(all().sort()).toEqual(ids.sort());
    expect(wa.recorder.deliveries.length).toBeGreaterThan(0);
    expect(wb.recorder.deliveries.length).toBeGreaterThan(0);
  });

  it('delivers again, elsewhere, the job of a worker that died once its attempt expires', async () => {
    const dying = queue({ workerId: 'dying', timeoutSeconds: 1 });
    let die: ((d: Disposition) => void) | undefined;
    const wd = worker('dying', () => new Promise<Disposition>((resolve) => (die = resolve)));
    cleanups.push(() => die?.('lost')); // lets the dead instance's queue close without touching the job
    await dying.start(wd.handlers);
    const id = await stored();
    await dying.enqueue({ id, priority: 'normal', local: false });
    await wd.recorder.waitFor(1);
    await dying.stop(); // the process is gone: no outcome, no hand-back

    const survivor = queue({ workerId: 'survivor' });
    const ws = worker('survivor');
    await survivor.start(ws.handlers);
    await ws.recorder.waitFor(1, 15_000);
    await survivor.close(); // waits for the outcome
    expect(ws.recorder.deliveries).toEqual([expect.objectContaining({ id, attempt: 2 })]);
    expect((await world.repository.get(id, SYSTEM_OWNER))?.status).toBe('completed');
  });

  it('gives up on a job handed back more often than its retries allow, once', async () => {
    const q = queue({ workerId: 'w1' });
    const w = worker('w1', () => 'handed-back');
    await q.start(w.handlers);
    const id = await stored();
    await q.enqueue({ id, priority: 'normal', local: false });
    await until(() => w.abandoned.length > 0);
    expect(w.abandoned).toEqual([id]);
    expect(w.recorder.deliveries.map((d) => d.attempt)).toEqual([1, 2]);
    expect((await world.repository.get(id, SYSTEM_OWNER))?.status).toBe('failed');
  });
}
