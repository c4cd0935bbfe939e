/**
 * What usage tracking costs the database: the same simulated traffic (10 keys, 3 routes, 5 % refused with
 * 429, spread over --minutes minutes and flushed once a simulated second) written (A) as per-minute
 * aggregates by the usage recorder and (B) as one row per request, with the statement the service used
 * before aggregation (rows and lifetime counters in one transaction). Both run on one embedded store, interleaved, and print time per request, rows stored,
 * and their ratios.
 *   npx tsx bench/usage.ts [--requests 60000] [--minutes 1] [--rounds 2]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, openEmbedded, runMigrations } from '../src/db/index.js';
import { ApiKeyRepository, generateApiKey, hashKey } from '../src/keys/index.js';
import { type RequestUsage, UsageRecorder, UsageRepository, UsageTally } from '../src/usage/index.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '60000' },
    minutes: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '2' },
  },
});
const requests = Number(args.requests);
const minutes = Number(args.minutes);
const rounds = Number(args.rounds);
const ROUTES = ['/api/v1/keys/me', '/api/v1/generation/', '/api/v1/jobs/:id'];
const quiet = { error() {}, warn() {}, info() {} };

function traffic(keyIds: string[], start: number): RequestUsage[] {
  const spanMs = minutes * 60_000;
  return Array.from({ length: requests }, (_, i) => {
    const refused = i % 20 === 0;
    return {
      keyId: keyIds[i % keyIds.length]!,
      isDemo: false,
      at: new Date(start + Math.floor((i * spanMs) / requests)),
      method: 'GET',
      route: ROUTES[i % ROUTES.length]!,
      statusCode: refused ? 429 : 200,
      patients: 0,
      clientIp: '127.0.0.1',
      admitted: !refused,
      countInDay: false,
      quotaSubject: '',
      ...(refused && { refusedBy: 'minute' as const }),
    };
  });
}

/** Groups the events by simulated second: one flush each, as the recorder's timer does. */
function perSecond(events: RequestUsage[]): RequestUsage[][] {
  const out = new Map<number, RequestUsage[]>();
  for (const e of events) {
    const s = Math.floor(e.at.getTime() / 1000);
    const second = out.get(s);
    if (second) second.push(e);
    else out.set(s, [e]);
  }
  return [...out.values()];
}

async function aggregated(database: Database, seconds: RequestUsage[][]): Promise<number> {
  const recorder = new UsageRecorder(new UsageRepository(database.db), quiet);
  const started = process.hrtime.bigint();
  for (const batch of seconds) {
    for (const e of batch) recorder.record(e);
    await recorder.flush();
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function perRequestRows(database: Database, seconds: RequestUsage[][]): Promise<number> {
  const started = process.hrtime.bigint();
  for (const batch of seconds) {
    // The earlier writer: the rows, then the keys' lifetime counters, in one transaction.
    const totals = new Map<string, number>();
    for (const e of batch) totals.set(e.keyId!, (totals.get(e.keyId!) ?? 0) + (e.admitted ? 1 : 0));
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`
        INSERT INTO bench_request_rows (key_id, occurred_at, method, route, status_code, patients_generated, client_ip)
        SELECT * FROM unnest(${sql.param(batch.map((e) => e.keyId))}::uuid[],
          ${sql.param(batch.map((e) => e.at.toISOString()))}::timestamptz[], ${sql.param(batch.map((e) => e.method))}::text[],
          ${sql.param(batch.map((e) => e.route))}::text[], ${sql.param(batch.map((e) => e.statusCode))}::int[],
          ${sql.param(batch.map((e) => e.patients))}::int[], ${sql.param(batch.map((e) => e.clientIp))}::text[])`);
      await tx.execute(sql`
        UPDATE api_keys k SET total_requests = k.total_requests + t.n
        FROM unnest(${sql.param([...totals.keys()])}::uuid[], ${sql.param([...totals.values()])}::int[]) AS t(id, n)
        WHERE k.id = t.id`);
    });
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The request path's share alone: counting in memory, no database. */
function recordOnly(events: RequestUsage[]): number {
  const tally = new UsageTally();
  const started = process.hrtime.bigint();
  for (const e of events) tally.addRequest(e);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function count(database: Database, table: string): Promise<number> {
  const { rows } = (await database.db.execute(`SELECT count(*)::int AS n FROM ${table}`)) as unknown as {
    rows: { n: number }[];
  };
  return rows[0]!.n;
}

async function main() {
  const database = await openEmbedded({}, quiet);
  await runMigrations(database);
  // The per-request table as it was before aggregation (0002), with its index.
  await database.db.execute(`CREATE TABLE bench_request_rows (id bigserial PRIMARY KEY, key_id uuid NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(), method text NOT NULL, route text NOT NULL,
    status_code integer NOT NULL, patients_generated integer NOT NULL DEFAULT 0, client_ip text)`);
  await database.db.execute('CREATE INDEX ON bench_request_rows (key_id, occurred_at)');
  const repository = new ApiKeyRepository(database.db);
  const keyIds: string[] = [];
  for (let k = 0; k < 10; k++) {
    const key = generateApiKey();
    keyIds.push((await repository.create({ keyHash: hashKey(key), keyPrefix: key.slice(0, 18), name: `k${k}` })).id);
  }

  const times = { a: [] as number[], b: [] as number[], record: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    // Each round is a later stretch of time, so rounds add rows instead of updating the same ones.
    const events = traffic(keyIds, Date.UTC(2026, 0, 1) + r * minutes * 60_000);
    times.record.push(recordOnly(events));
    const seconds = perSecond(events);
    times.a.push(await aggregated(database, seconds));
    times.b.push(await perRequestRows(database, seconds));
  }
  const [rowsA, rowsB] = [await count(database, 'usage_counts'), await count(database, 'bench_request_rows')];
  await database.close();

  const total = requests * rounds;
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const usPer = (ms: number) => ((ms * 1000) / total).toFixed(2);
  console.log(`${requests.toLocaleString('en')} requests per round over ${minutes} simulated minute(s), ${rounds} round(s), 10 keys, 3 routes`);
  console.log(`  A aggregates (recorder):   ${usPer(sum(times.a))} µs/request, ${rowsA.toLocaleString('en')} rows`);
  console.log(`  B one row per request:     ${usPer(sum(times.b))} µs/request, ${rowsB.toLocaleString('en')} rows`);
  console.log(`  A's request-path share:   ${usPer(sum(times.record))} µs/request (counting in memory)`);
  console.log(`  ratio A/B: time ${(sum(times.a) / sum(times.b)).toFixed(3)}, rows ${(rowsA / rowsB).toFixed(5)}`);
  console.log(`  node ${process.version}, embedded store (PGlite)`);
  console.log(`Reproduce: npx tsx bench/usage.ts --requests ${requests} --minutes ${minutes} --rounds ${rounds}`);
}

await main();
