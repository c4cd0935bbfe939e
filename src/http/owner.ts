import type { FastifyRequest } from 'fastify';
import { canGenerate, isAdmin, type KeyContext } from '../keys/index.js';
import type { Owner } from '../db/index.js';
import type { Requester } from '../jobs/index.js';
import { forbidden } from './errors.js';

/** The calling key; protected routes always have one (unless auth is disabled for a benchmark). */
export function keyOf(request: FastifyRequest): KeyContext {
  return (
    request.apiKey ?? {
      id: 'anonymous',
      ownerId: 'anonymous',
      expiresAt: null,
      kind: 'legacy',
      keyPrefix: 'none',
      name: 'authentication disabled',
      patientLimit: null,
      dailyLimit: null,
      rateLimitPerMinute: 0,
      rateLimitPerHour: 0,
      scopes: ['generate', 'admin'],
      subject: '',
      dailyUsage: 0,
    }
  );
}

/**
 * Owner recorded on what this request creates: the key's identity, which rotation keeps.
 * The legacy key owns as "no key".
 */
export function creatorOf(request: FastifyRequest): Owner {
  const key = keyOf(request);
  const keyId = key.kind === 'legacy' ? null : key.ownerId;
  return { keyId, subject: key.subject, all: false };
}

/** Owner filter for reads: admin and legacy keys see every tenant's jobs and configurations. */
export function readerOf(request: FastifyRequest): Owner {
  return { ...creatorOf(request), all: isAdmin(keyOf(request)) };
}

/** The calling key with what it may read and whom what it creates belongs to. */
export function requesterOf(request: FastifyRequest): Requester {
  return { key: keyOf(request), reader: readerOf(request), creator: creatorOf(request) };
}

/** 403 unless the key may generate patients. */
export function requireGenerate(request: FastifyRequest): void {
  if (!canGenerate(keyOf(request))) throw forbidden('This API key lacks the "generate" scope');
}

/** 403 unless the key is an admin or the legacy key. */
export function requireAdmin(request: FastifyRequest): void {
  if (!isAdmin(keyOf(request))) throw forbidden('This route needs an API key with the "admin" scope');
}
