/**
 * Three real server processes (`node dist/main.js`) on 127.0.0.1 sharing one PostgreSQL database and one
 * Redis database, each reached through a TCP proxy the suite controls, so an outage is a closed proxy and
 * never a stopped service. The database is created for the run and dropped after it; Redis is a database
 * number of its own, and the keys the run wrote are deleted at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createPostgresDatabase } from '../../helpers/database.js';
import { freePort } from '../../helpers/server-process.js';
import { ProxyProcess, type RemoteProxy } from './proxies.js';

export interface Instance {
  /** 1, 2, 3. */
  name: string;
  /** Its `INSTANCE_ID`: the start of the `worker_id` of the jobs it runs. */
  instanceId: string;
  baseUrl: string;
  port: number;
  /** What it does while Redis is down (`RATE_LIMIT_ON_REDIS_DOWN`). */
  onRedisDown: 'fallback' | 'fail-closed';
  /**
   * `JOB_TIMEOUT_SECONDS`: the attempt timeout of the jobs queued through it, wherever they run. A
   * killed worker's job is delivered again about this long (+ 2 s) after it started.
   */
  jobTimeoutSeconds: number;
  child?: ChildProcess;
  exited?: Promise<unknown>;
}

/** The settings the suite asserts on; every instance gets them. */
export interface ClusterSettings {
  legacyKey: string;
  metricsToken: string;
  demoPerHour: number;
  authFailuresPerMinute: number;
}

const READY_MS = 60_000;

export class LoadCluster {
  readonly instances: Instance[] = [];
  readonly dataDir = mkdtempSync(join(tmpdir(), 'milmed-load-'));
  readonly pgProxy: RemoteProxy;
  readonly redisProxy: RemoteProxy;
  readonly settings: ClusterSettings = {
    legacyKey: `load-suite-${randomBytes(12).toString('hex')}`,
    metricsToken: `load-metrics-${randomBytes(12).toString('hex')}`,
    demoPerHour: 10,
    authFailuresPerMinute: 20,
  };
  private database?: Awaited<ReturnType<typeof createPostgresDatabase>>;
  private readonly redisDb = 1 + Math.floor(Math.random() * 15);

  private constructor(
    private readonly proxies: ProxyProcess,
    proxied: { pg: RemoteProxy; redis: RemoteProxy },
    private readonly redisUrl: URL,
  ) {
    this.pgProxy = proxied.pg;
    this.redisProxy = proxied.redis;
  }

  /** Creates the database and the proxies (in a process of their own); `start()` then starts the instances. */
  static async create(postgresUrl: string, redisUrl: string): Promise<LoadCluster> {
    const pgTarget = new URL(postgresUrl);
    const redisTarget = new URL(redisUrl);
    const proxies = ProxyProcess.start();
    const proxied = {
      pg: await proxies.create('postgres', pgTarget.hostname, Number(pgTarget.port || 5432)),
      redis: await proxies.create('redis', redisTarget.hostname, Number(redisTarget.port || 6379)),
    };
    const cluster = new LoadCluster(proxies, proxied, redisTarget);
    cluster.database = await createPostgresDatabase();
    for (const [i, onRedisDown] of (['fallback', 'fallback', 'fail-closed'] as const).entries()) {
      const port = await freePort();
      const name = String(i + 1);
      cluster.instances.push({
        name,
        instanceId: `load-${name}`,
        port,
        baseUrl: `http://127.0.0.1:${port}`,
        onRedisDown,
        // Instance 1 queues the job the suite kills: short attempts, so its redelivery comes soon
        // (and its second attempt stops soon) without shortening the load phase's jobs (queued by 2 and 3).
        jobTimeoutSeconds: i === 0 ? 5 : 10,
      });
    }
    return cluster;
  }

  /** The run's database, reached directly (not through the proxy): for the usage comparison. */
  query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.database!.url });
    return client
      .connect()
      .then(() => client.query<T>(text, values))
      .then((result) => result.rows)
      .finally(() => client.end());
  }

  logOf(instance: Instance): string {
    return readFileSync(join(this.dataDir, `server-${instance.name}.log`), 'utf8');
  }

  /** Starts every instance that is not running, at once; resolves when all answer. */
  async start(): Promise<void> {
    await Promise.all(this.instances.filter((i) => !this.isRunning(i)).map((i) => this.startOne(i)));
  }

  /** SIGTERM to every running instance: each drains, writes its usage and exits 0. */
  async stop(): Promise<void> {
    await Promise.all(
      this.instances.map(async (instance) => {
        if (!this.isRunning(instance)) return;
        instance.child!.kill('SIGTERM');
        const timer = setTimeout(() => instance.child?.kill('SIGKILL'), 20_000);
        const [code] = (await instance.exited) as [number | null];
        clearTimeout(timer);
        if (code !== 0)
          throw new Error(`instance ${instance.name} exited ${code}:\n${this.logOf(instance).slice(-3000)}`);
      }),
    );
  }

  /** SIGKILL: the process dies at once, mid-request and mid-job, as in a crash. */
  async kill(instance: Instance): Promise<void> {
    instance.child!.kill('SIGKILL');
    await instance.exited;
  }

  isRunning(instance: Instance): boolean {
    return Boolean(instance.child && instance.child.exitCode === null && instance.child.signalCode === null);
  }

  /**
   * Stops what still runs, deletes the run's Redis keys (every key naming one of its API keys, or one of
   * `clientMarkers`: the failed-authentication counters of its client addresses), drops the database and
   * removes the data directory.
   */
  async dispose(clientMarkers: string[]): Promise<void> {
    for (const instance of this.instances) if (this.isRunning(instance)) await this.kill(instance);
    await this.proxies.close();
    if (this.database) {
      const keyIds = await this.query<{ id: string }>('SELECT id::text FROM api_keys');
      await this.deleteRedisKeys([...keyIds.map((k) => k.id), ...clientMarkers]);
      await this.database.drop();
    }
    if (process.env.LOAD_KEEP_DATA !== '1') rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async startOne(instance: Instance): Promise<void> {
    const databaseUrl = new URL(this.database!.url);
    databaseUrl.host = `127.0.0.1:${this.pgProxy.port}`;
    const redisUrl = new URL(this.redisUrl);
    redisUrl.host = `127.0.0.1:${this.redisProxy.port}`;
    redisUrl.pathname = `/${this.redisDb}`;
    const s = this.settings;
    const log = openSync(join(this.dataDir, `server-${instance.name}.log`), 'a');
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(instance.port),
        INSTANCE_ID: instance.instanceId,
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: redisUrl.toString(),
        // One shared directory for job files, as in production: any instance can remove a dead one's files.
        DATA_DIR: join(this.dataDir, 'data'),
        API_KEY: s.legacyKey,
        METRICS_TOKEN: s.metricsToken,
        // The suite is the reverse proxy: it writes X-Forwarded-For from 127.0.0.1.
        TRUST_PROXY: 'loopback',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_ON_REDIS_DOWN: instance.onRedisDown,
        // Three servers, the proxies, the services and the clients share two cores here: a starved
        // process can miss the 300 ms default and fall back to its own counts (see README, Load and fault suite).
        REDIS_COMMAND_TIMEOUT_MS: '2000',
        // The hour caps each demo client however long the run, so the count to expect is exact.
        DEMO_RATE_PER_HOUR: String(s.demoPerHour),
        AUTH_FAILURES_PER_MINUTE: String(s.authFailuresPerMinute),
        JOB_CONCURRENCY: '1',
        // A dead worker's attempt expires the job's timeout + a margin (1 s) after it started, found
        // within a second; one more delivery, then failed. The load phase's jobs run well within 10 s (the
        // table's "longest completed job"); the killed 60,000-patient job may not within 5 s, and then
        // fails cleanly.
        JOB_TIMEOUT_SECONDS: String(instance.jobTimeoutSeconds),
        JOB_EXPIRY_CHECK_SECONDS: '1',
        JOB_RETRY_LIMIT: '1',
        JOB_HEARTBEAT_MS: '1000',
        SHUTDOWN_GRACE_MS: '3000',
      },
      stdio: ['ignore', log, log],
    });
    instance.child = child;
    instance.exited = once(child, 'exit');
    const deadline = Date.now() + READY_MS;
    for (;;) {
      if (!this.isRunning(instance))
        throw new Error(`instance ${instance.name} exited:\n${this.logOf(instance).slice(-3000)}`);
      const live = await fetch(`${instance.baseUrl}/health`).catch(() => undefined);
      if (live?.ok) return;
      if (Date.now() > deadline) throw new Error(`instance ${instance.name} not ready after ${READY_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Deletes the keys of its Redis database that contain one of `markers`. */
  private async deleteRedisKeys(markers: string[]): Promise<void> {
    const url = new URL(this.redisUrl);
    url.pathname = `/${this.redisDb}`;
    const redis = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
        cursor = next;
        const ours = keys.filter((k) => markers.some((m) => k.includes(m)));
        if (ours.length) await redis.del(...ours);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
