/**
 * Where a server's CPU time goes, per request: a V8 CPU profile (taken in the server over IPC) reduced
 * to a few buckets a reader can act on.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Asks a bench server (see auth-server.ts) to start profiling; `stop` returns the profile. */
export async function profileChild(child: ChildProcess): Promise<{ stop(): Promise<CpuProfile> }> {
  child.send('profile:start');
  await once(child, 'message');
  return {
    async stop() {
      child.send('profile:stop');
      const [message] = (await once(child, 'message')) as [{ profile: CpuProfile }];
      return message.profile;
    },
  };
}

function bucketOf(frame: ProfileNode['callFrame']): string {
  const file = frame.url.split('/').pop() ?? '';
  if (frame.functionName.startsWith('wasm') || /^chunk-/.test(file) || file.includes('pglite')) {
    return 'embedded database (PGlite)';
  }
  if (frame.functionName === 'writev' || frame.functionName === 'writeBuffer') return 'socket writes';
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(idle)') return 'idle';
  if (
    file.includes('auth.ts') ||
    file.includes('key-') ||
    file.includes('daily-quota') ||
    file.includes('limits.ts')
  ) {
    return 'auth hook and key checks';
  }
  if (file.includes('ratelimit') || file.includes('headers.ts') || file.includes('memory-store'))
    return 'rate limiter';
  if (frame.functionName === 'digest' || frame.functionName === 'Hash' || frame.functionName === 'update') {
    return 'SHA-256';
  }
  return 'everything else (Fastify, Node http, logging)';
}

/** Microseconds per request in each bucket. */
export function perRequest(profile: CpuProfile, requests: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    if (!frame) return;
    const bucket = bucketOf(frame);
    totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  for (const [bucket, us] of totals) totals.set(bucket, us / requests);
  return totals;
}
