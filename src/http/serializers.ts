import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { compileOnce } from './compile-once.js';

type Serialize = (data: unknown) => string;

// Fastify's own response serializer (fast-json-stringify), with no shared schemas: the routes' schemas
// are self-contained.
const compile = SerializerSelector()({}, {}) as unknown as (route: { schema: object }) => Serialize;
const serializerFor = compileOnce((schema) => compile({ schema }));

/**
 * Fastify's default serializer compiler, compiled once per distinct schema in a process: compiling the
 * routes' two hundred response schemas was about a quarter of the cost of building the app.
 */
export const serializerCompiler: FastifySerializerCompiler<object> = ({ schema }) => serializerFor(schema);
