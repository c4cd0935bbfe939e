/**
 * The security suite's main attack on one live server (the built `dist/main.js`, embedded database in a
 * temp dir, TRUST_PROXY=127.0.0.1 so this suite acts as the proxy that names demo clients). In order:
 * hostile inputs, cross-tenant access, output injection, an OpenAPI-driven fuzz, then a search of the
 * database, the log and the files for every secret used. Run with `npm run test:security`.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DANGEROUS_START, readCsvRecords, readXlsx, readXml } from '../helpers/injection.js';
import { unzip } from '../api/helpers.js';
import {
  AttackClient,
  AttackStats,
  contractViolation,
  describeRequest,
  type Sent,
} from './helpers/attack-client.js';
import { FUZZ_VIOLATIONS, type FuzzResult, runOpenApiFuzz, type Violation } from './helpers/openapi-fuzz.js';
import { type LiveServer, startLiveServer } from './helpers/live-server.js';
import {
  type Caller,
  createKey,
  demoCaller,
  randomSecret,
  runJob,
  SecretRegistry,
  storeConfiguration,
} from './helpers/suite-context.js';
import { hostileInputCases } from './hostile-inputs.js';

const stats = new AttackStats('live-attack');
const secrets = new SecretRegistry();
const LEGACY_KEY = secrets.add('legacy API_KEY', randomSecret('legacy-key'));
const legacy: Caller = { label: 'legacy key', headers: { 'x-api-key': LEGACY_KEY } };

let server: LiveServer;
let api: AttackClient;
/** Admin scope, limits at the top of the range: the fuzz's main key, so rate limits hide nothing. */
let admin: Caller & { id: string };
let keyA: Caller & { id: string };
let keyB: Caller & { id: string };
let fuzzLive: Caller & { id: string };

beforeAll(async () => {
  server = await startLiveServer({
    API_KEY: LEGACY_KEY,
    TRUST_PROXY: '127.0.0.1',
    DEMO_RATE_PER_MINUTE: '100000',
    DEMO_RATE_PER_HOUR: '1000000',
    DEMO_DAILY_LIMIT: '1000000',
    DEMO_GLOBAL_DAILY_LIMIT: '10000000',
  });
  api = new AttackClient(server.baseUrl, stats);
  const roomy = { rate_limit_per_minute: 100_000_000, rate_limit_per_hour: 100_000_000, daily_limit: null };
  admin = await createKey(api, legacy, secrets, {
    name: 'suite admin',
    scopes: ['generate', 'admin'],
    ...roomy,
  });
  keyA = await createKey(api, admin, secrets, { name: 'tenant A', scopes: ['generate'], ...roomy });
  keyB = await createKey(api, admin, secrets, { name: 'tenant B', scopes: ['generate'], ...roomy });
  fuzzLive = await createKey(api, admin, secrets, { name: 'fuzz live', scopes: ['generate'], ...roomy });
}, 400_000);

afterAll(async () => {
  stats.save();
  await server?.stop();
  if (process.env.SECURITY_KEEP_DATA) console.log(`security suite data kept in ${server?.dataDir}`);
  else server?.remove();
}, 60_000);

async function expectContract(req: Sent) {
  const res = await api.send(req);
  expect(contractViolation(res), describeRequest(req)).toBeUndefined();
  return res;
}

describe('hostile inputs answer 4xx with the standard body, never 5xx', () => {
  let configId = '';
  let victimKeyId = '';
  beforeAll(async () => {
    configId = await storeConfiguration(api, keyA, 'hostile target');
    victimKeyId = (await createKey(api, admin, secrets, { name: 'hostile target key' })).id;
  });

  for (const c of hostileInputCases()) {
    it(c.name, async () => {
      const caller = c.caller === 'admin' ? admin : c.caller === 'legacy' ? legacy : keyA;
      const req = c.request({ configId, keyId: victimKeyId });
      const res = await expectContract({ ...req, headers: { ...caller.headers, ...req.headers } });
      if (c.accept2xx) expect(res.status, describeRequest(req)).toBeLessThan(500);
      else expect(res.status, describeRequest(req)).toBeGreaterThanOrEqual(400);
      expect(res.status, describeRequest(req)).toBeLessThan(500);
      if (res.status === 201 && typeof (res.json as { key?: unknown })?.key === 'string')
        secrets.add(`key created by "${c.name}"`, (res.json as { key: string }).key);
    });
  }
});

interface Owned {
  jobId: string;
  configId: string;
}

/** Every route that takes a job or configuration id, as the attacker would call it. */
function idRoutes(o: Owned): { reads: Sent[]; writes: Sent[] } {
  const reads: Sent[] = [
    { method: 'GET', path: `/api/v1/jobs/${o.jobId}` },
    { method: 'GET', path: `/api/v1/jobs/${o.jobId}/results` },
    { method: 'GET', path: `/api/v1/downloads/${o.jobId}` },
    { method: 'GET', path: `/api/v1/downloads/${o.jobId}?format=json` },
    { method: 'GET', path: `/api/v1/configurations/${o.configId}` },
    { method: 'GET', path: `/api/v1/visualizations/dashboard-data?job_id=${o.jobId}` },
    { method: 'GET', path: `/api/v1/visualizations/sample-patients?job_id=${o.jobId}` },
    { method: 'GET', path: `/api/v1/visualizations/patient-detail/0?job_id=${o.jobId}` },
    { method: 'GET', path: `/api/v1/streaming/generate?configuration_id=${o.configId}&count=1` },
    { method: 'POST', path: '/api/v1/generation/', body: { configuration_id: o.configId } },
  ];
  const writes: Sent[] = [
    { method: 'PUT', path: `/api/v1/configurations/${o.configId}`, body: { name: 'stolen' } },
    { method: 'POST', path: `/api/v1/jobs/${o.jobId}/cancel` },
    { method: 'DELETE', path: `/api/v1/jobs/${o.jobId}` },
    { method: 'DELETE', path: `/api/v1/configurations/${o.configId}` },
  ];
  return { reads, writes };
}

const PAIRS: [string, string][] = [
  ['key A', 'key B'],
  ['demo client 198.51.100.1', 'demo client 198.51.100.2'],
  ['key A', 'demo client 198.51.100.2'],
  ['demo client 198.51.100.1', 'key B'],
];

function callerNamed(label: string): Caller {
  if (label === 'key A') return keyA;
  if (label === 'key B') return keyB;
  return demoCaller(label.replace('demo client ', ''));
}

describe.each(PAIRS)('cross-tenant: %s owns, %s attacks', (ownerLabel, attackerLabel) => {
  const owned: Owned = { jobId: '', configId: '' };
  beforeAll(async () => {
    const owner = callerNamed(ownerLabel);
    owned.jobId = await runJob(api, owner, {
      configuration: { name: 'owned job', total_patients: 4 },
      output_formats: ['json', 'csv'],
    });
    owned.configId = await storeConfiguration(api, owner, 'owned configuration');
  }, 120_000);

  // Placeholders name the routes; the ids are filled in once the owner's job exists.
  const template = idRoutes({ jobId: '{job_id}', configId: '{config_id}' });
  const all = [...template.reads, ...template.writes];
  it.each(all.map((r, i) => [`${r.method} ${r.path}`, i] as const))('%s answers 404', async (_name, i) => {
    const { reads, writes } = idRoutes(owned);
    const req = [...reads, ...writes][i]!;
    const res = await expectContract({ ...req, headers: callerNamed(attackerLabel).headers });
    expect(res.status, describeRequest(req)).toBe(404);
  });

  it('leaves the owner’s job and configuration as they were', async () => {
    const owner = callerNamed(ownerLabel);
    const job = await api.send({
      method: 'GET',
      path: `/api/v1/jobs/${owned.jobId}`,
      headers: owner.headers,
    });
    expect(job.status).toBe(200);
    expect((job.json as { status: string }).status).toBe('completed');
    const config = await api.send({
      method: 'GET',
      path: `/api/v1/configurations/${owned.configId}`,
      headers: owner.headers,
    });
    expect((config.json as { name: string }).name).toBe('owned configuration');
  });
});

describe.each(['key B', 'demo client 198.51.100.2'])('admin key routes, called by %s', (attackerLabel) => {
  const missing = '00000000-0000-4000-8000-000000000000';
  const routes = (id: string): Sent[] => [
    { method: 'GET', path: `/api/v1/admin/keys/${id}` },
    { method: 'PATCH', path: `/api/v1/admin/keys/${id}`, body: { is_active: false } },
    { method: 'POST', path: `/api/v1/admin/keys/${id}/rotate`, body: {} },
    { method: 'DELETE', path: `/api/v1/admin/keys/${id}` },
  ];
  it.each(routes('{id}').map((r, i) => [`${r.method} ${r.path}`, i] as const))(
    '%s is refused for another tenant’s key exactly as for a missing one',
    async (_name, i) => {
      const attacker = callerNamed(attackerLabel);
      const real = routes(keyA.id)[i]!;
      const res = await expectContract({ ...real, headers: attacker.headers });
      const control = await expectContract({ ...routes(missing)[i]!, headers: attacker.headers });
      expect([403, 404], describeRequest(real)).toContain(res.status);
      expect(res.status).toBe(control.status);
    },
  );

  it('leaves key A working', async () => {
    const me = await api.send({ method: 'GET', path: '/api/v1/keys/me', headers: keyA.headers });
    expect(me.status).toBe(200);
  });
});

describe('output injection through the live API (CSV, XML, XLSX)', () => {
  const fronts = [
    "=cmd|' /C calc'!A0",
    '+1',
    '@SUM(1+1)',
    '-2+3',
    '\r=1+1',
    'first\rsecond',
    'first\nsecond',
  ];
  let files: Record<string, Buffer> = {};
  let total = 0;
  beforeAll(async () => {
    total = 120;
    const jobId = await runJob(api, keyA, {
      configuration: {
        name: '=HYPERLINK("http://x","job")\r\n@SUM(1)',
        total_patients: total,
        front_configs: fronts.map((name, i) => ({
          id: `front_${i}`,
          name,
          casualty_rate: 1 / fronts.length,
          nationality_distribution: [{ nationality_code: 'USA', percentage: 100 }],
        })),
      },
      output_formats: ['csv', 'xml', 'xlsx'],
    });
    const res = await api.send({ method: 'GET', path: `/api/v1/downloads/${jobId}`, headers: keyA.headers });
    expect(res.status).toBe(200);
    files = await unzip(res.buffer);
  }, 120_000);

  it('CSV: one record per patient for a reader that takes a bare CR as a line end', () => {
    const records = readCsvRecords(files['patients.csv']!.toString('utf8'));
    expect(records).toHaveLength(total + 1);
  });

  it('CSV: no cell starts with =, +, -, @, tab or CR; the front names are quoted text', () => {
    const records = readCsvRecords(files['patients.csv']!.toString('utf8'));
    expect(records.flat().filter((cell) => DANGEROUS_START.test(cell))).toEqual([]);
    expect(new Set(records.slice(1).map((r) => r[7]))).toContain("'=cmd|' /C calc'!A0");
  });

  it('XLSX: no formula cell, the front names are strings', async () => {
    const { formulas, values } = await readXlsx(files['patients.xlsx']!, 11);
    expect(formulas).toEqual([]);
    expect(values).toContain("=cmd|' /C calc'!A0");
  });

  it('XML: well-formed for a strict parser, one patient per record', () => {
    const { count, texts } = readXml(files['patients.xml']!.toString('utf8'), 'patient', 'front');
    expect(count).toBe(total);
    expect(texts).toContain('@SUM(1+1)');
  });
});

describe('OpenAPI fuzz: generated requests over every operation', () => {
  let result: FuzzResult;
  beforeAll(async () => {
    const sacrificialKey = await createKey(api, admin, secrets, { name: 'fuzz target' });
    const jobId = await runJob(api, fuzzLive, { configuration: { name: 'fuzz job', total_patients: 3 } });
    const configId = await storeConfiguration(api, fuzzLive, 'fuzz configuration');
    result = await runOpenApiFuzz({
      api,
      callers: [
        { weight: 6, caller: admin },
        { weight: 2, caller: fuzzLive },
        { weight: 1, caller: legacy },
        { weight: 1, caller: demoCaller('192.0.2.77') },
      ],
      ids: [jobId, configId, sacrificialKey.id],
      onSecret: (label, value) => secrets.add(label, value),
    });
    mkdirSync(dirname(FUZZ_VIOLATIONS), { recursive: true });
    writeFileSync(FUZZ_VIOLATIONS, JSON.stringify(result.violations, null, 2));
    console.log(
      `fuzz: ${result.sent} requests over ${result.operations.length} operations in ${result.seconds.toFixed(1)} s, seed ${result.seed} (SECURITY_FUZZ_SEED=${result.seed} to replay)`,
    );
  }, 600_000);

  it('sends at least 5,000 requests, covering every operation in /openapi.json', () => {
    expect(result.sent).toBeGreaterThanOrEqual(result.target);
    expect(result.operations.filter((o) => o.sent === 0).map((o) => o.name)).toEqual([]);
  });

  it('gets no 5xx', () => {
    const list = result.violations.filter((v) => v.status >= 500);
    expect(list.length, summarise(list)).toBe(0);
  });

  it('gets the standard error body {error, detail, timestamp, request_id} on every non-2xx', () => {
    const list = result.violations.filter((v) => v.status < 500);
    expect(list.length, summarise(list)).toBe(0);
  });
});

/** One line per operation and status, with the first request that got it; the full list is in a file. */
function summarise(list: Violation[]): string {
  const groups = new Map<string, Violation[]>();
  for (const v of list) {
    const key = `${v.operation} → ${v.status}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const lines = [...groups].map(
    ([key, vs]) =>
      `${key} (${vs.length}x), e.g. ${vs[0]!.request.slice(0, 240)} → ${vs[0]!.problem.slice(0, 160)}`,
  );
  return `${list.length} violations (all in ${FUZZ_VIOLATIONS}):\n${lines.join('\n')}\n`;
}

describe('secrets: none of the suite’s secrets is stored, logged or written', () => {
  beforeAll(async () => {
    // An encrypted job: its password and its seed are secrets too.
    const password = secrets.add('encryption password', randomSecret('pw'));
    const seed = secrets.add('encrypted job seed', randomSecret('seed'));
    await runJob(api, keyA, {
      configuration: { name: 'encrypted', total_patients: 5 },
      output_formats: ['json', 'csv'],
      use_encryption: true,
      encryption_password: password,
      seed,
    });
  }, 120_000);

  const found: Record<string, string[]> = {};
  afterAll(() => {
    stats.secretsFound = Object.values(found).reduce((n, list) => n + list.length, 0);
    stats.save();
  });

  it('the database (every row of every table, read through the server socket)', async () => {
    found.database = secrets.foundIn(await server.dumpDatabase());
    expect(found.database).toEqual([]);
  });

  it('the server log', () => {
    found.log = secrets.foundIn(server.log());
    expect(found.log).toEqual([]);
  });

  it('the job output files and, after shutdown, every file of the data directory', async () => {
    await server.stop();
    const hits = new Set<string>();
    for (const file of filesUnder(join(server.dataDir, 'data'))) {
      const text = readFileSync(file).toString('latin1');
      // latin1 maps each byte to one character, so an ASCII secret is found wherever its bytes are.
      for (const label of secrets.foundIn(text)) hits.add(`${label} in ${file.slice(server.dataDir.length)}`);
    }
    found.files = [...hits];
    expect(found.files).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) out.push(...filesUnder(path));
    else if (st.isFile()) out.push(path);
  }
  return out;
}
