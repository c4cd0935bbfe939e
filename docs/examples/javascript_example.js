#!/usr/bin/env node
// Military Medical Exercise Patient Generator: the whole flow with Node's built-in fetch (Node 20+),
// no dependencies. Creates a job for 5 patients (JSON + CSV), polls it, downloads the ZIP, checks
// that it holds patients.json with 5 patients, and prints the rate-limit headers. A 429 is handled
// by sleeping for Retry-After seconds and trying again.
//
//   MILMED_API_URL=http://localhost:8000 MILMED_API_KEY=DEMO_MILMED_2025_500_PATIENTS \
//     node docs/examples/javascript_example.js
//
// Exits 0 when everything checked out, 1 otherwise.
// Works as an ES module or as CommonJS: no static import.

const BASE_URL = (process.env.MILMED_API_URL ?? 'http://localhost:8000').replace(/\/+$/, '');
const API_KEY = process.env.MILMED_API_KEY ?? 'DEMO_MILMED_2025_500_PATIENTS';
const POLL_MS = 3000;
const JOB_TIMEOUT_MS = 300_000;
// A Retry-After longer than this is the daily quota, not a minute window: give up instead of waiting.
const MAX_WAIT_SECONDS = Number(process.env.MILMED_MAX_WAIT ?? 120);

const RATE_HEADERS = [
  'X-API-Key-Type',
  'X-Patient-Limit',
  'X-Daily-Limit',
  'X-Daily-Usage',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'RateLimit-Policy',
  'RateLimit',
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request; on 429 waits Retry-After seconds and repeats. Throws on any other non-2xx. */
async function request(method, path, body) {
  for (;;) {
    const res = await fetch(BASE_URL + path, {
      method,
      headers: {
        'X-API-Key': API_KEY,
        Accept: 'application/json, application/zip',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status === 429) {
      const wait = Number(res.headers.get('Retry-After') ?? 1);
      const { detail } = await res.json();
      if (wait > MAX_WAIT_SECONDS)
        throw new Error(`429 ${detail}: Retry-After ${wait}s is longer than we are willing to wait`);
      console.log(`  429 ${detail}; sleeping ${wait}s (Retry-After) and retrying`);
      await sleep(wait * 1000);
      continue;
    }
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${await res.text()}`);
    return res;
  }
}

function showRateHeaders(headers) {
  for (const name of RATE_HEADERS) {
    const value = headers.get(name);
    if (value !== null) console.log(`  ${name}: ${value}`);
  }
}

/** Reads a ZIP's central directory and returns {name: Buffer}; handles stored and deflated entries. */
function unzip(buf, inflateRawSync) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a ZIP: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt ZIP central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : data;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

async function main() {
  console.log(`API: ${BASE_URL}`);

  // 1. Create a job.
  let res = await request('POST', '/api/v1/generation/', {
    configuration: { name: 'JavaScript example', total_patients: 5 },
    output_formats: ['json', 'csv'],
    use_compression: false,
    priority: 'normal',
  });
  if (res.status !== 201) throw new Error(`expected 201 from POST /api/v1/generation/, got ${res.status}`);
  let job = await res.json();
  const jobId = job.job_id;
  console.log(`created job ${jobId} (status ${job.status}, seed ${job.seed})`);
  showRateHeaders(res.headers);

  // 2. Poll it.
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    await sleep(POLL_MS);
    job = await (await request('GET', `/api/v1/jobs/${jobId}`)).json();
    console.log(`  ${job.status} ${job.progress}%`);
    if (job.status === 'completed') break;
    if (job.status === 'failed' || job.status === 'cancelled')
      throw new Error(`job ${job.status}: ${job.error}`);
    if (Date.now() > deadline) throw new Error('job did not finish in time');
  }
  console.log(
    `summary: ${JSON.stringify(job.summary.by_triage ?? {})}, files: ${job.output_files.join(', ')}`,
  );

  // 3. Download the ZIP and check it.
  res = await request('GET', `/api/v1/downloads/${jobId}`);
  const zip = Buffer.from(await res.arrayBuffer());
  if (
    !(res.headers.get('Content-Type') ?? '').startsWith('application/zip') ||
    zip.readUInt32LE(0) !== 0x04034b50
  ) {
    throw new Error(`download is not a ZIP (Content-Type ${res.headers.get('Content-Type')})`);
  }
  const { inflateRawSync } = await import('node:zlib');
  const files = unzip(zip, inflateRawSync);
  if (!files['patients.json']) throw new Error(`patients.json missing from the ZIP: ${Object.keys(files)}`);
  if (!files['patients.csv']) throw new Error(`patients.csv missing from the ZIP: ${Object.keys(files)}`);
  const patients = JSON.parse(files['patients.json'].toString('utf8'));
  if (!Array.isArray(patients) || patients.length !== 5) {
    throw new Error(`expected 5 patients in patients.json, found ${patients.length}`);
  }
  console.log(
    `downloaded ${zip.length} bytes: ${Object.keys(files).join(', ')}, ${patients.length} patients`,
  );
  console.log(`  Content-Disposition: ${res.headers.get('Content-Disposition')}`);
  console.log('rate-limit headers on the download:');
  showRateHeaders(res.headers);
  console.log('OK');
}

main().catch((error) => {
  console.error(`FAILED: ${error.message}`);
  process.exit(1);
});
