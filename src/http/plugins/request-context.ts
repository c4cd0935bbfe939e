import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Picks the request id: the caller's `X-Request-ID` when it is sane, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Echoes the request id as `X-Request-ID`, adds `X-Response-Time`, and writes
 * exactly one log line per request.
 */
export const requestContext = fp(
  async function requestContext(app: FastifyInstance) {
    // During a graceful shutdown, requests still arriving on kept-alive connections get the standard
    // 503 body (Fastify's own answer would not have our error shape); in-flight ones finish.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (request, reply) => {
      reply.header('X-Request-ID', request.id);
      if (closing) {
        reply.header('Connection', 'close');
        throw new AppError(503, 'The server is shutting down; retry on another instance', {
          'Retry-After': 5,
        });
      }
    });
    app.addHook('onSend', async (_request, reply) => {
      reply.header('X-Response-Time', `${reply.elapsedTime.toFixed(1)}ms`);
    });
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          req: request,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          keyPrefix: request.apiKey?.keyPrefix,
        },
        'request completed',
      );
    });
  },
  { name: 'request-context' },
);
