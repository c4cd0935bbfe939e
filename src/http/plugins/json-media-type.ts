import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

/** True when the request carries a body (a length over 0, or a chunked one). */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return request.headers['transfer-encoding'] !== undefined;
}

/** The media type of a Content-Type header, without parameters, lower case. */
function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

/**
 * Every route with a body schema takes JSON. A body sent as anything else, or with no Content-Type,
 * is refused with 415 naming `application/json`, before Fastify parses it: otherwise `text/plain`
 * would be parsed as a string and answered with a puzzling "must be object". A route whose body is
 * optional (key rotation) still accepts a request with no body at all.
 */
export const jsonMediaType = fp(
  async function jsonMediaType(app: FastifyInstance) {
    app.addHook('preParsing', async (request) => {
      if (!request.routeOptions.schema?.body || !hasBody(request)) return;
      const type = mediaType(request.headers['content-type']);
      if (type === 'application/json') return;
      const sent = type ? `Content-Type ${type}` : 'no Content-Type';
      throw new AppError(
        415,
        `This route takes a JSON body: send it with Content-Type: application/json (the request had ${sent})`,
      );
    });
  },
  { name: 'json-media-type' },
);
