import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

type Serialize = (data: unknown) => string;

// Fastify's own response serializer (fast-json-stringify), with no shared schemas: the routes' schemas
// are self-contained.
const compile = SerializerSelector()({}, {}) as unknown as (route: { schema: object }) => Serialize;
/** By the schema's JSON text: Fastify hands each app its own copies of the routes' schemas. */
const compiled = new Map<string, Serialize>();

/**
 * Fastify's default serializer compiler, compiled once per distinct schema in a process. Compiling
 * the routes' two hundred response schemas is about a quarter of the cost of building the app, and a
 * process that builds it again (the tests, hundreds of times) reuses what it compiled. A serializer's
 * output depends on its schema alone, so a reused one writes the same bytes; the map holds one entry
 * per schema in the code.
 */
export const serializerCompiler: FastifySerializerCompiler<object> = (route) => {
  const key = JSON.stringify(route.schema);
  let serialize = compiled.get(key);
  if (!serialize) {
    serialize = compile(route);
    compiled.set(key, serialize);
  }
  return serialize;
};
