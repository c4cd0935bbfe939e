/**
 * Who attacks whom on the live server: keys created through the admin API, demo clients told apart by
 * the address a trusted proxy (this suite, on 127.0.0.1) appends, and the secrets every check must not
 * find afterwards.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_API_KEY } from '../../../src/keys/index.js';
import type { AttackClient, Received } from './attack-client.js';

export interface Caller {
  label: string;
  headers: Record<string, string>;
}

/** Every secret the suite used: the search at the end must find none of them. */
export class SecretRegistry {
  readonly values = new Map<string, string>();

  add(label: string, value: string): string {
    this.values.set(value, label);
    return value;
  }

  /** Labels of the secrets that occur in `text`. */
  foundIn(text: string): string[] {
    return [...this.values].filter(([value]) => text.includes(value)).map(([, label]) => label);
  }
}

export function randomSecret(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

export function demoCaller(ip: string): Caller {
  return { label: `demo client ${ip}`, headers: { 'x-api-key': DEMO_API_KEY, 'x-forwarded-for': ip } };
}

/** Creates a key through the admin API; its full value is registered as a secret. */
export async function createKey(
  api: AttackClient,
  admin: Caller,
  secrets: SecretRegistry,
  body: Record<string, unknown>,
): Promise<Caller & { id: string }> {
  const res = await api.send({ method: 'POST', path: '/api/v1/admin/keys/', headers: admin.headers, body });
  if (res.status !== 201) throw new Error(`key not created: ${res.status} ${res.text}`);
  const { key, api_key } = res.json as { key: string; api_key: { id: string } };
  secrets.add(`created key "${String(body.name)}"`, key);
  return { label: `key ${String(body.name)}`, headers: { 'x-api-key': key }, id: api_key.id };
}

/** Creates a job, polls until it is finished (a live server: real time), and fails unless it completed. */
export async function runJob(
  api: AttackClient,
  caller: Caller,
  payload: Record<string, unknown>,
  timeoutMs = 90_000,
): Promise<string> {
  const created = await api.send({
    method: 'POST',
    path: '/api/v1/generation/',
    headers: caller.headers,
    body: payload,
  });
  if (created.status !== 201) throw new Error(`job not created: ${created.status} ${created.text}`);
  const jobId = (created.json as { job_id: string }).job_id;
  const deadline = Date.now() + timeoutMs;
  let last: Received | undefined;
  while (Date.now() < deadline) {
    last = await api.send({ method: 'GET', path: `/api/v1/jobs/${jobId}`, headers: caller.headers });
    const status = (last.json as { status?: string } | undefined)?.status;
    if (status === 'completed') return jobId;
    if (status === 'failed' || status === 'cancelled') throw new Error(`job ${status}: ${last.text}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`job ${jobId} did not finish: ${last?.text}`);
}

/** A stored configuration owned by `caller`; returns its id. */
export async function storeConfiguration(api: AttackClient, caller: Caller, name: string): Promise<string> {
  const res = await api.send({
    method: 'POST',
    path: '/api/v1/configurations/',
    headers: caller.headers,
    body: { name, total_patients: 3 },
  });
  if (res.status !== 201) throw new Error(`configuration not stored: ${res.status} ${res.text}`);
  return (res.json as { id: string }).id;
}
