/**
 * The load and fault suite (README, "Load and fault suite"): three built servers on one PostgreSQL and
 * one Redis, each reached through a proxy this file controls. The phases run in order on the same
 * cluster: mixed load with exact limits, the usage counters against what the clients counted, Redis
 * away, PostgreSQL away, and an instance killed in the middle of a job. `LOAD_SECONDS` sets the load
 * phase's length (60 for `npm run test:load`, 10 in CI); each outage lasts a sixth of it, 2 to 10 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, LoadCluster } from './helpers/cluster.js';
import { entriesNaming, findRunner } from './helpers/job-files.js';
import { SERVER_STOPPED } from '../../src/jobs/job-repository.js';
import {
  countOutcome,
  followJob,
  longestAttempt,
  noJobs,
  redelivered,
  submitAndFollow,
} from './helpers/jobs.js';
import { type Phase, writeSummary } from './helpers/summary.js';
import {
  type Answer,
  any,
  limited,
  ok,
  PhaseTally,
  runFor,
  send,
  serverError,
  sleep,
} from './helpers/traffic.js';

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const FAULT_SECONDS = Math.min(10, Math.max(2, Math.round(LOAD_SECONDS / 6)));
const PERSONAL_KEYS = 20;
const DEMO_CLIENTS = 50;
const INVALID_CLIENTS = 8;
const NIL_KEY = '00000000-0000-0000-0000-000000000000';
const postgresUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

/** This run's client addresses: one /24 each (the usage rows' network), the last octet drawn per run. */
const octet = 1 + Math.floor(Math.random() * 254);
const address = (second: number, third: number) => `198.${second}.${third}.${octet}`;

interface Key {
  key: string;
  id: string;
  /** The limit this run expects to be exact: minute and hour (keys 0-9) or daily (keys 10-19). */
  limit: number;
}

describe.skipIf(!postgresUrl || !redisUrl)(
  'load and faults: three instances on one PostgreSQL and one Redis',
  () => {
    let cluster: LoadCluster;
    let instances: Instance[];
    const personal: Key[] = [];
    let jobsKey: Key;
    /** Jobs after the load phase: the load phase's counters stay its own. */
    let outageJobsKey: Key;
    let unlimitedKey: Key;
    let dailyKey: Key;
    const phases: Phase[] = [];
    const running = () => instances.filter((i) => cluster.isRunning(i)).map((i) => i.baseUrl);
    /** Redis outages the instances have logged so far (a refused connection or a command timeout). */
    const redisFallbacks = () =>
      instances.reduce((n, i) => n + cluster.logOf(i).split('rate limit: Redis unavailable').length - 1, 0);

    async function createKey(name: string, limits: Record<string, number | null>): Promise<Key> {
      const tally = new PhaseTally();
      const answer = await send(tally, instances[0]!.baseUrl, 'admin', {
        method: 'POST',
        path: '/api/v1/admin/keys',
        key: cluster.settings.legacyKey,
        body: { name, ...limits },
      });
      if (answer?.status !== 201)
        throw new Error(`creating ${name}: ${answer?.status} ${JSON.stringify(answer?.json)}`);
      const view = answer.json?.api_key as { id: string };
      return {
        key: String(answer.json?.key),
        id: view.id,
        limit: Number(limits.daily_limit ?? limits.rate_limit_per_hour),
      };
    }

    beforeAll(async () => {
      cluster = await LoadCluster.create(postgresUrl!, redisUrl!);
      instances = cluster.instances;
      await cluster.start();
      const high = { rate_limit_per_minute: 1_000_000, rate_limit_per_hour: 1_000_000 };
      personal.push(
        ...(await Promise.all(
          Array.from({ length: PERSONAL_KEYS }, (_, i) => {
            const limit = LOAD_SECONDS + i;
            return createKey(
              `load ${i}`,
              i < PERSONAL_KEYS / 2
                ? { rate_limit_per_minute: limit, rate_limit_per_hour: limit, daily_limit: null }
                : { ...high, daily_limit: limit },
            );
          }),
        )),
      );
      [jobsKey, outageJobsKey, unlimitedKey, dailyKey] = await Promise.all([
        createKey('load jobs', { ...high, daily_limit: null }),
        createKey('outage jobs', { ...high, daily_limit: null, patient_limit: 100_000 }),
        createKey('outage, no daily limit', { ...high, daily_limit: null }),
        createKey('outage, daily limit', { ...high, daily_limit: 10_000_000 }),
      ]);
    });

    afterAll(async () => {
      writeSummary(phases, LOAD_SECONDS, FAULT_SECONDS);
      if (!cluster) return;
      await cluster.stop().catch(() => {});
      // The windows of each address that sent unknown keys, and of the legacy key (the admin calls).
      const failing = Array.from({ length: INVALID_CLIENTS }, (_, c) => `authfail:${address(19, c)}}`);
      await cluster.dispose([...failing, 'rl:{legacy}']);
    });

    it(`serves mixed traffic for ${LOAD_SECONDS} s with every per-key limit exact across the instances and no 5xx`, async () => {
      const phase: Phase = { name: 'load', tally: new PhaseTally(), seconds: LOAD_SECONDS, jobs: noJobs() };
      phases.push(phase);
      const { tally } = phase;
      let next = 0;
      const started = Date.now();
      const fallbacksBefore = redisFallbacks();
      await Promise.all([
        runFor(LOAD_SECONDS * 1000, 12, async () => {
          const i = next++;
          const base = instances[i % 3]!.baseUrl;
          const slot = i % 20;
          const block = Math.floor(i / 20);
          const path = '/api/v1/keys/me';
          if (slot < 11) {
            const k = block % PERSONAL_KEYS;
            const answer = await send(tally, base, `key:${k}`, { path, key: personal[k]!.key });
            if (answer) tally.latencies.push(answer.ms);
          } else if (slot < 17) {
            const ip = address(18, block % DEMO_CLIENTS);
            const answer = await send(tally, base, `demo:${ip}`, {
              path,
              key: 'DEMO_MILMED_2025_500_PATIENTS',
              forwardedFor: ip,
            });
            if (answer) tally.latencies.push(answer.ms);
          } else {
            const ip = address(19, block % INVALID_CLIENTS);
            await send(tally, base, `invalid:${ip}`, {
              path,
              key: `milmed_live_not_a_key_${block % 5}`,
              forwardedFor: ip,
            });
          }
        }),
        runFor(LOAD_SECONDS * 1000, 2, (loop, n) =>
          submitAndFollow(
            tally,
            // Queued through instances 2 and 3 (10 s attempts); any instance runs them.
            instances[1 + ((loop + n) % 2)]!.baseUrl,
            running,
            jobsKey.key,
            phase.jobs,
            Date.now() + 60_000,
          ),
        ),
      ]);
      phase.seconds = (Date.now() - started) / 1000;
      phase.redisFallbacks = redisFallbacks() - fallbacksBefore;
      phase.jobs.retried = await redelivered(cluster, phase.jobs.ids);
      phase.jobs.longestSeconds = await longestAttempt(cluster, phase.jobs.ids);

      // Soft: one failed check must not hide the others. A Redis command that times out (300 ms: a
      // machine starved of CPU) makes an instance decide from its own memory for a while, and the
      // limits are then per instance: that is counted first, as the likely cause of any miscount below.
      expect
        .soft(phase.redisFallbacks, 'times an instance lost Redis during the load phase (see its log)')
        .toBe(0);
      expect.soft(tally.networkErrors).toEqual([]);
      expect.soft(tally.violations).toEqual([]);
      expect.soft(tally.count(serverError)).toBe(0);
      for (const [i, key] of personal.entries()) {
        const sent = tally.count(any, `key:${i}`);
        expect
          .soft(tally.count(ok, `key:${i}`), `key ${i}: ${sent} sent, limit ${key.limit}`)
          .toBe(Math.min(sent, key.limit));
        expect.soft(tally.count(limited, `key:${i}`)).toBe(sent - Math.min(sent, key.limit));
      }
      for (let c = 0; c < DEMO_CLIENTS; c++) {
        const label = `demo:${address(18, c)}`;
        const sent = tally.count(any, label);
        expect.soft(tally.count(ok, label), label).toBe(Math.min(sent, cluster.settings.demoPerHour));
      }
      // The failed-authentication window is a minute: it may open again once in a longer run.
      const perMinute = cluster.settings.authFailuresPerMinute;
      for (let c = 0; c < INVALID_CLIENTS; c++) {
        const label = `invalid:${address(19, c)}`;
        const unauthorized = tally.count((s) => s === 401, label);
        expect.soft(unauthorized, label).toBeGreaterThanOrEqual(Math.min(tally.count(any, label), perMinute));
        expect.soft(unauthorized, label).toBeLessThanOrEqual(perMinute * (1 + Math.ceil(LOAD_SECONDS / 60)));
        expect.soft(tally.count((s) => s !== 401 && s !== 429, label)).toBe(0);
      }
      const saturated = personal.filter((_, i) => tally.count(limited, `key:${i}`) > 0).length;
      expect.soft(saturated, 'personal keys that reached their limit').toBeGreaterThan(0);
      expect.soft(phase.jobs.completed).toBeGreaterThan(0);
      expect.soft(phase.jobs.stuck + phase.jobs.failed).toBe(0);
      // No worker died and none stopped: pg-boss had no reason to deliver a job twice.
      expect.soft(phase.jobs.retried, 'jobs delivered again').toBe(0);
    });

    it('stores usage counters equal to what the clients counted, within a few flush intervals', async () => {
      // Usage is written behind, every second per instance: wait for it, then require equality.
      const deadline = Date.now() + 10_000;
      let differing = await differingUsage();
      while (differing.length > 0 && Date.now() < deadline) {
        await sleep(250);
        differing = await differingUsage();
      }
      expect(differing).toEqual([]);
    });

    it(`falls back as documented while Redis is away for ${FAULT_SECONDS} s, then recovers`, async () => {
      const phase: Phase = {
        name: 'Redis down',
        tally: new PhaseTally(),
        seconds: FAULT_SECONDS,
        jobs: noJobs(),
      };
      phases.push(phase);
      const { tally } = phase;
      const fallbacksBefore = redisFallbacks();
      await cluster.redisProxy.stop();
      const refusedAsDocumented = (instance: Instance, kind: string) => (a: Answer) =>
        a.status === 503 &&
        a.json?.code === 'RATE_LIMIT_UNAVAILABLE' &&
        // Fail-closed refuses everything; fallback only what needs the daily quota, counted in Redis alone.
        (instance.onRedisDown === 'fail-closed' || kind === 'daily' || kind === 'demo');
      let health: (Answer | undefined)[] = [];
      try {
        await trafficWithoutDependency(tally, refusedAsDocumented);
        const probe = new PhaseTally();
        health = await Promise.all(
          instances.map((i) => send(probe, i.baseUrl, 'health', { path: '/api/v1/health' }, () => true)),
        );
      } finally {
        await cluster.redisProxy.start();
      }
      phase.recoverySeconds = await recovery((base) =>
        Promise.all([
          send(tally, base, 'recovery', { path: '/api/v1/health' }, () => true).then(
            (a) => (a?.json?.checks as Record<string, string>)?.redis === 'ok',
          ),
          send(tally, base, 'recovery', { path: '/api/v1/keys/me', key: dailyKey.key }, () => true).then(
            (a) => a?.status === 200,
          ),
        ]).then((both) => both.every(Boolean)),
      );

      phase.redisFallbacks = redisFallbacks() - fallbacksBefore;
      for (const [n, instance] of instances.entries()) {
        const checks = health[n]?.json?.checks as Record<string, string> | undefined;
        expect(checks?.redis, `instance ${instance.name}`).not.toBe('ok');
        expect(health[n]?.status).toBe(instance.onRedisDown === 'fail-closed' ? 503 : 200);
      }
      for (const instance of instances.filter((i) => i.onRedisDown === 'fallback')) {
        const label = `unlimited@${instance.name}`;
        expect(tally.count(ok, label), label).toBe(tally.count(any, label));
        expect(tally.count(ok, label), label).toBeGreaterThan(0);
      }
      expect(tally.networkErrors).toEqual([]);
      expect(tally.violations).toEqual([]);
    });

    it(`answers a clean 503 with Retry-After while PostgreSQL is away for ${FAULT_SECONDS} s, then recovers`, async () => {
      const phase: Phase = {
        name: 'PostgreSQL down',
        tally: new PhaseTally(),
        seconds: FAULT_SECONDS,
        jobs: noJobs(),
      };
      phases.push(phase);
      const { tally } = phase;
      const fallbacksBefore = redisFallbacks();
      await cluster.pgProxy.stop();
      const unavailable = () => (a: Answer) => a.status === 503 && a.json?.code === 'DATABASE_UNAVAILABLE';
      let slowest = 0;
      try {
        slowest = await trafficWithoutDependency(tally, unavailable);
      } finally {
        await cluster.pgProxy.start();
      }
      phase.redisFallbacks = redisFallbacks() - fallbacksBefore;
      phase.recoverySeconds = await recovery((base) =>
        send(
          tally,
          base,
          'recovery',
          { path: '/api/v1/jobs?limit=1', key: outageJobsKey.key },
          () => true,
        ).then((a) => a?.status === 200),
      );
      expect(tally.networkErrors).toEqual([]);
      expect(tally.violations).toEqual([]);
      expect(
        tally.count((s) => s === 503, 'jobs list'),
        'job lists refused while the database is away',
      ).toBeGreaterThan(0);
      expect(slowest, 'the slowest 503 (ms)').toBeLessThan(5000);
    });

    it('finishes or cleanly fails a job whose instance is killed mid-run, and removes its partial files', async () => {
      const phase: Phase = { name: 'instance killed', tally: new PhaseTally(), seconds: 0, jobs: noJobs() };
      phases.push(phase);
      const { tally } = phase;
      const created = await send(tally, instances[0]!.baseUrl, 'jobs', {
        method: 'POST',
        path: '/api/v1/generation/',
        key: outageJobsKey.key,
        body: {
          configuration: { name: 'killed mid-run', total_patients: 60_000 },
          output_formats: ['json', 'csv', 'xml', 'fhir'],
          // Ahead of the small jobs the outages queued, so it starts at once.
          priority: 'high',
        },
      });
      expect(created?.status).toBe(201);
      const jobId = String(created?.json?.job_id);
      phase.jobs.ids.push(jobId);
      const runner = await findRunner(cluster, jobId);
      const killedAt = Date.now();
      await cluster.kill(runner);
      const filesGone = () => entriesNaming(cluster.dataDir, jobId).length === 0;
      // Two attempts at most (JOB_RETRY_LIMIT=1), each over within its timeout + a margin + the 1 s check.
      const { jobTimeoutSeconds } = instances[0]!;
      const deadline = killedAt + 2 * (jobTimeoutSeconds + 6) * 1000 + 30_000;
      const watch = await followJob(
        tally,
        running,
        outageJobsKey.key,
        jobId,
        deadline,
        (s) => s === 'completed' || filesGone(),
      );
      phase.seconds = (Date.now() - killedAt) / 1000;
      phase.recoverySeconds = phase.seconds;
      countOutcome(phase.jobs, watch);
      phase.jobs.retried = await redelivered(cluster, phase.jobs.ids);
      phase.jobs.longestSeconds = await longestAttempt(cluster, phase.jobs.ids);
      expect(['completed', 'failed'], `job ${jobId} after its instance was killed`).toContain(watch.status);
      // JOB_RETRY_LIMIT=1: the dead attempt expires into exactly one more delivery, whatever its outcome.
      expect(phase.jobs.retried, 'the killed job delivered again (the "jobs retried" row)').toBe(1);
      if (watch.status === 'failed') {
        expect(filesGone()).toBe(true);
        // Cleanly: its second attempt ran out of time, or its worker died too and pg-boss gave up.
        // The timeout is the job's own (that of instance 1, which queued it), whichever instance ran it.
        const timedOut = `Generation took longer than ${jobTimeoutSeconds} s, the longest a job may run`;
        expect([timedOut, SERVER_STOPPED]).toContain(watch.error);
      }
      expect(tally.violations).toEqual([]);
    });

    it("still stores the load phase's usage exactly once the instances stopped gracefully", async () => {
      await cluster.stop(); // SIGTERM: each instance writes the usage it still holds, then exits
      expect(await differingUsage()).toEqual([]);
    });

    /**
     * The load phase's usage counters that differ between the database and the clients' counts, as
     * readable lines (empty when all agree); records how many were compared for the table.
     */
    async function differingUsage(): Promise<string[]> {
      const { tally } = phases[0]!;
      const rows = await cluster.query<{
        key_id: string;
        network: string;
        status_class: number;
        requests: number;
      }>(
        `SELECT key_id::text, network, status_class, sum(requests)::int AS requests
         FROM usage_counts GROUP BY key_id, network, status_class`,
      );
      const stored = (keyId: string | undefined, statusClass: number | undefined, network?: string) =>
        rows
          .filter(
            (r) =>
              (keyId === undefined || r.key_id === keyId) && (network === undefined || r.network === network),
          )
          .filter((r) => statusClass === undefined || r.status_class === statusClass)
          .reduce((n, r) => n + r.requests, 0);
      const classOf = (c: number) => (s: number) => Math.floor(s / 100) === c;
      const pairs: [string, number, number][] = [];
      for (const [i, key] of personal.entries()) {
        pairs.push([`key ${i} 2xx`, stored(key.id, 2), tally.count(ok, `key:${i}`)]);
        pairs.push([`key ${i} 429`, stored(key.id, 4), tally.count(limited, `key:${i}`)]);
      }
      pairs.push(['jobs key 2xx', stored(jobsKey.id, 2), tally.count(ok, 'jobs')]);
      pairs.push(['jobs key 4xx', stored(jobsKey.id, 4), tally.count(classOf(4), 'jobs')]);
      for (let c = 0; c < DEMO_CLIENTS; c++) {
        const ip = address(18, c);
        const network = ip.replace(/\.\d+$/, '.0/24');
        pairs.push([`demo ${network} 2xx`, stored(undefined, 2, network), tally.count(ok, `demo:${ip}`)]);
        pairs.push([
          `demo ${network} 429`,
          stored(undefined, 4, network),
          tally.count(limited, `demo:${ip}`),
        ]);
      }
      let invalidSent = 0;
      for (let c = 0; c < INVALID_CLIENTS; c++) invalidSent += tally.count(any, `invalid:${address(19, c)}`);
      pairs.push(['requests without a valid key', stored(NIL_KEY, undefined), invalidSent]);
      const differing = pairs.filter(([, db, client]) => db !== client);
      phases[0]!.counters = `${pairs.length - differing.length} of ${pairs.length} equal`;
      return differing.map(([what, db, client]) => `${what}: stored ${db}, counted ${client}`);
    }

    /**
     * Traffic during an outage, for FAULT_SECONDS: cheap authenticated requests with a key without a daily
     * limit, one with a daily limit and the demo key, plus job lists and submissions (which need the
     * database), over every instance. A 5xx passes only if `documented` accepts it. Returns the slowest 5xx.
     */
    async function trafficWithoutDependency(
      tally: PhaseTally,
      documented: (instance: Instance, kind: string) => (a: Answer) => boolean,
    ): Promise<number> {
      let next = 0;
      let slowest = 0;
      await runFor(FAULT_SECONDS * 1000, 12, async () => {
        const i = next++;
        const instance = instances[i % 3]!;
        const kinds = ['unlimited', 'daily', 'demo', 'jobs list', 'unlimited'] as const;
        // A submission now and then: enough to see it refused or accepted, too few to queue much work.
        const kind = i % 30 === 29 ? 'jobs submit' : kinds[Math.floor(i / 3) % kinds.length]!;
        const allow = documented(instance, kind);
        const label = kind === 'unlimited' ? `unlimited@${instance.name}` : kind;
        const ip = address(18, 100 + (i % 100));
        const request =
          kind === 'jobs list'
            ? { path: '/api/v1/jobs?limit=5', key: outageJobsKey.key }
            : kind === 'jobs submit'
              ? {
                  method: 'POST' as const,
                  path: '/api/v1/generation/',
                  key: outageJobsKey.key,
                  body: { configuration: { name: 'outage', total_patients: 5 }, output_formats: ['json'] },
                }
              : {
                  path: '/api/v1/keys/me',
                  key:
                    kind === 'demo'
                      ? 'DEMO_MILMED_2025_500_PATIENTS'
                      : kind === 'daily'
                        ? dailyKey.key
                        : unlimitedKey.key,
                  forwardedFor: kind === 'demo' ? ip : undefined,
                };
        const answer = await send(tally, instance.baseUrl, label, request, allow);
        if (answer && serverError(answer.status)) slowest = Math.max(slowest, answer.ms);
        if (answer && kind !== 'jobs list' && kind !== 'jobs submit') tally.latencies.push(answer.ms);
        if (answer && serverError(answer.status)) await sleep(20); // a client that honours nothing still pauses
      });
      return slowest;
    }

    /** Seconds until `healthy` holds for every running instance, polled every 100 ms; fails after 30 s. */
    async function recovery(healthy: (baseUrl: string) => Promise<boolean>): Promise<number> {
      const started = Date.now();
      const pending = new Set(running());
      while (pending.size > 0) {
        if (Date.now() - started > 30_000)
          throw new Error(`not recovered after 30 s: ${[...pending].join(', ')}`);
        for (const base of [...pending]) if (await healthy(base)) pending.delete(base);
        if (pending.size > 0) await sleep(100);
      }
      return (Date.now() - started) / 1000;
    }
  },
);
