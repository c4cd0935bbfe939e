/**
 * Replays the marked examples of a page against a running service, in page order, and gives the
 * page back with every shown response regenerated, plus the examples whose response changed.
 *
 * Each example runs as a client of its own (an `X-Forwarded-For` address; the server trusts one
 * proxy), so the demo key's per-IP counters and windows start fresh for it; examples that share
 * a `client=` label share the address, and with it the demo key's jobs and counters. A job that a
 * response leaves pending is awaited (polled with the admin key) before the next example runs.
 */
import { findExamples, type MarkedExample, replaceResponses } from './markdown.js';
import { type DocRequest, parseCurl } from './curl.js';
import { keepVolatileValues, mask, type RealResponse, renderResponse } from './render.js';

export interface ReplayTarget {
  baseUrl: string;
  demoKey: string;
  adminKey: string;
}

export interface Difference {
  example: string;
  line: number;
  shown: string;
  real: string;
}

const UUID = /(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f-])/g;

function requestOf(example: MarkedExample, target: ReplayTarget): DocRequest {
  if (example.request) {
    return parseCurl(example.request.body, {
      API: 'http://localhost:8000',
      KEY: target.demoKey,
      ADMIN_KEY: target.adminKey,
    });
  }
  const auth = example.options.auth ?? 'demo';
  const headers: Record<string, string> = {};
  const keys: Record<string, string> = {
    demo: target.demoKey,
    admin: target.adminKey,
    wrong: 'not-a-valid-key',
  };
  if (auth !== 'none') headers['x-api-key'] = keys[auth] ?? target.demoKey;
  const body = example.options.body;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method: example.options.method ?? (body === undefined ? 'GET' : 'POST'),
    path: example.options.path!,
    headers,
    body,
  };
}

async function send(target: ReplayTarget, request: DocRequest, ip: string): Promise<RealResponse> {
  const response = await fetch(target.baseUrl + request.path, {
    method: request.method,
    headers: { ...request.headers, 'x-forwarded-for': ip },
    body: request.body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Waits until the job a response announced has finished, so the next example sees it done. */
async function awaitJob(target: ReplayTarget, body: string): Promise<void> {
  let job: { job_id?: string; status?: string };
  try {
    job = JSON.parse(body);
  } catch {
    return;
  }
  if (!job.job_id || (job.status !== 'pending' && job.status !== 'running')) return;
  for (let i = 0; i < 600; i++) {
    const response = await fetch(`${target.baseUrl}/api/v1/jobs/${job.job_id}`, {
      headers: { 'x-api-key': target.adminKey },
    });
    const { status } = (await response.json()) as { status: string };
    if (status !== 'pending' && status !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${job.job_id} did not finish within a minute`);
}

/** Replays every marked example of `text`; `pageIndex` keeps client addresses apart between pages. */
export async function replayPage(
  text: string,
  target: ReplayTarget,
  pageIndex: number,
): Promise<{ text: string; differences: Difference[]; examples: number }> {
  const examples = findExamples(text);
  const ids = new Map<string, string>(); // real id → the id the page shows
  const clients = new Map<string, string>();
  const bodies: string[] = [];
  const differences: Difference[] = [];
  for (const example of examples) {
    const label = example.options.client ?? example.name;
    if (!clients.has(label))
      clients.set(label, `10.${pageIndex + 1}.${clients.size >> 8}.${clients.size & 255}`);
    const request = requestOf(example, target);
    const toReal = (s: string) =>
      s.replace(UUID, (id) => [...ids].find(([, shown]) => shown === id)?.[0] ?? id);
    request.path = toReal(request.path);
    if (request.body !== undefined) request.body = toReal(request.body);
    const ip = clients.get(label)!;
    for (let i = 0; i < Number(example.options.warmup ?? 0); i++) await send(target, request, ip);
    const real = await send(target, request, ip);
    await awaitJob(target, real.body);

    const shown = example.response.body;
    const fresh = renderResponse(real, example.response.lang, shown, example.options);
    const aligned = keepVolatileValues(fresh, shown, ids);
    if (mask(aligned) === mask(shown)) bodies.push(shown);
    else {
      bodies.push(aligned);
      differences.push({ example: example.name, line: example.line, shown, real: aligned });
    }
  }
  return { text: replaceResponses(text, examples, bodies), differences, examples: examples.length };
}
