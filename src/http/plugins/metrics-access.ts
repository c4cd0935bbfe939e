import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesDigest, sha256 } from '../../keys/index.js';
import { requireAdmin } from '../owner.js';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Who may read `/metrics`: `Authorization: Bearer <METRICS_TOKEN>` when a token is configured
 * (compared in constant time), otherwise, and always as well, an API key with the `admin` scope
 * (or the legacy key) through the usual authentication, with its rate limits and failed-auth
 * throttle. A key without the scope gets 403, a missing or wrong one 401.
 *
 * Admin-only is the default because the metrics name every route and its traffic; and behind a
 * reverse proxy on the same host "loopback only" would let the whole internet in.
 */
export function createMetricsAccess(token: string | undefined, authenticate: Hook): Hook {
  const digest = token === undefined ? undefined : sha256(token);
  return async function metricsAccess(request, reply) {
    if (digest && bearerMatches(request.headers.authorization, digest)) return;
    await authenticate(request, reply);
    requireAdmin(request);
  };
}

function bearerMatches(authorization: string | undefined, digest: Buffer): boolean {
  const presented = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  return presented !== undefined && matchesDigest(presented, digest);
}
