import PgBoss from 'pg-boss';
import { DeliveryLoop } from './delivery-loop.js';
import type { Delivery, Disposition, JobHandlers, JobQueue, QueuedJob, QueueOptions } from './job-queue.js';
import type { JobPriority, JobRepository } from './job-repository.js';

/** The pg-boss queue every instance shares, and the one its given-up jobs move to. */
const QUEUE = 'generation';
const DEAD = 'generation-dead';
/** pg-boss orders by priority, highest first. */
const PRIORITY: Record<JobPriority, number> = { high: 2, normal: 1, low: 0 };

export interface PgBossQueueOptions extends QueueOptions {
  /** Runs one statement on the service's PostgreSQL pool; pg-boss opens no connection of its own. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** The PostgreSQL schema pg-boss keeps its tables in (`pgboss`). */
  schema?: string;
  /** Deliveries after the first one a job gets when its worker dies or hands it back (`JOB_RETRY_LIMIT`). */
  retryLimit: number;
  /** How often one instance (whichever takes pg-boss's lock) expires the attempts of dead workers. */
  maintenanceSeconds: number;
}

interface JobData {
  jobId: string;
  /** The attempt timeout of the instance that queued it; the expiry pg-boss applies was derived from it. */
  timeoutSeconds: number;
}

/**
 * How much longer than the attempt timeout pg-boss waits before taking a worker for dead: the worker
 * stops itself at the timeout, so a live attempt has ended before its job is delivered again.
 */
export function expiryMarginSeconds(timeoutSeconds: number): number {
  return Math.max(1, Math.min(5, Math.ceil(timeoutSeconds / 10)));
}

/** PostgreSQL's `deadlock_detected` and `unique_violation`: another instance created the same queue at once. */
const CONTENDED = new Set(['40P01', '23505']);

/**
 * Runs `create` again when it collided with another instance doing the same: instances started
 * together on a fresh database all create pg-boss's queues, and PostgreSQL aborts all but one.
 */
async function whileContended(create: () => Promise<unknown>, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await create();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !CONTENDED.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 50));
    }
  }
}

/**
 * The shared queue on PostgreSQL, with pg-boss: each job is delivered to one worker of any instance
 * (`FOR UPDATE SKIP LOCKED`), high priority first. An attempt whose worker died expires after
 * `timeoutSeconds` plus a margin and is delivered again, up to `retryLimit` times; then pg-boss moves
 * it to a dead-letter queue, and whichever instance reads it there fails the job. Local jobs never
 * enter pg-boss: they are the `jobs` rows pinned to this worker, fetched beside the shared queue, so
 * one concurrency bound covers both.
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss';
  private readonly boss: PgBoss;
  private readonly loop: DeliveryLoop;
  /** Deliveries of this instance that came from pg-boss (the others are local). */
  private readonly shared = new Set<string>();
  private started: Promise<void> | undefined;
  private handlers: JobHandlers | undefined;

  constructor(
    private readonly repository: JobRepository,
    private readonly options: PgBossQueueOptions,
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => options.executeSql(text, values) },
      schema: options.schema ?? 'pgboss',
      // Cron schedules and state monitoring are not used; maintenance expires dead workers' attempts.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceSeconds,
    });
    // An unhandled 'error' event would end the process; a database outage is logged and retried.
    this.boss.on('error', (error) => options.onError(error));
    this.loop = new DeliveryLoop({
      concurrency: options.concurrency,
      pollIntervalMs: options.pollIntervalMs,
      fetch: async (free, running) => {
        const local = await repository.pendingIds({
          workerId: options.workerId,
          unpinned: false,
          exclude: running,
          limit: free,
        });
        const deliveries: Delivery[] = local.map((id) => ({
          id,
          attempt: 1,
          timeoutMs: options.timeoutSeconds * 1000,
        }));
        if (options.takeShared && deliveries.length < free) {
          deliveries.push(...(await this.fetchShared(free - deliveries.length)));
          await this.readDeadLetters();
        }
        return deliveries;
      },
      settle: (delivery, disposition) => this.settle(delivery, disposition),
      onError: options.onError,
    });
  }

  /** Starts pg-boss (creating or migrating its schema and queues) without delivering anything yet. */
  private ready(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      await whileContended(() => this.boss.createQueue(DEAD));
      await whileContended(() =>
        this.boss.createQueue(QUEUE, {
          name: QUEUE,
          retryLimit: this.options.retryLimit,
          expireInSeconds: this.expireInSeconds(),
          deadLetter: DEAD,
        }),
      );
    })().catch((error: unknown) => {
      this.started = undefined; // the next call tries again
      throw error;
    });
    return this.started;
  }

  private expireInSeconds(): number {
    return this.options.timeoutSeconds + expiryMarginSeconds(this.options.timeoutSeconds);
  }

  async enqueue(job: QueuedJob): Promise<void> {
    if (!job.local) {
      await this.ready();
      const data: JobData = { jobId: job.id, timeoutSeconds: this.options.timeoutSeconds };
      // The job's id is pg-boss's id too: sending it again (adopting at start) adds nothing.
      await this.boss.send(QUEUE, data, {
        id: job.id,
        priority: PRIORITY[job.priority],
        retryLimit: this.options.retryLimit,
        retryDelay: 0,
        expireInSeconds: this.expireInSeconds(),
        deadLetter: DEAD,
      });
    }
    void this.loop.poll();
  }

  async withdraw(id: string): Promise<void> {
    await this.ready();
    await this.boss.cancel(QUEUE, id);
  }

  async start(handlers: JobHandlers): Promise<void> {
    await this.ready();
    // Pending jobs pg-boss does not hold (queued before an upgrade to it, or whose enqueue failed
    // half-way) are sent now; a job it holds keeps its id, so sending it again adds nothing.
    for (const job of await this.repository.pendingShared()) await this.enqueue({ ...job, local: false });
    this.handlers = handlers;
    this.loop.start((delivery) => handlers.run(delivery));
    void this.loop.poll();
  }

  poll(): Promise<void> {
    return this.loop.poll();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  async close(): Promise<void> {
    await this.loop.stop();
    await this.loop.drain();
    if (this.started) await this.boss.stop({ graceful: false, close: false, wait: true });
  }

  private async fetchShared(free: number): Promise<Delivery[]> {
    const jobs = await this.boss.fetch<JobData>(QUEUE, { batchSize: free, includeMetadata: true });
    return jobs.map((job) => {
      this.shared.add(job.id);
      return { id: job.id, attempt: job.retryCount + 1, timeoutMs: job.data.timeoutSeconds * 1000 };
    });
  }

  /** Jobs pg-boss gave up on: failed here, whoever ran them. */
  private async readDeadLetters(): Promise<void> {
    const dead = await this.boss.fetch<JobData>(DEAD, { batchSize: 20 });
    if (dead.length === 0) return;
    for (const letter of dead) await this.handlers?.abandoned(letter.data.jobId);
    await this.boss.complete(
      DEAD,
      dead.map((letter) => letter.id),
    );
  }

  private async settle(delivery: Delivery, disposition: Disposition): Promise<void> {
    if (!this.shared.delete(delivery.id)) return; // a local job: its row is the whole record
    if (disposition === 'done') await this.boss.complete(QUEUE, delivery.id);
    // Failing the attempt makes pg-boss deliver it again at once, or give up once retries are spent.
    else if (disposition === 'handed-back')
      await this.boss.fail(QUEUE, delivery.id, { message: 'handed back by a worker that stopped' });
    // 'lost': a later attempt holds the pg-boss job now; completing it would end that attempt.
  }
}
