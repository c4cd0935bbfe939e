import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { compileOnce } from './compile-once.js';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    coerceTypes,
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

// Query strings and path params arrive as text, so they are coerced; JSON bodies are
// taken as sent, so `0` never quietly becomes `null` and `"5"` never becomes `5`.
const coercing = makeAjv('array');
const strict = makeAjv(false);

type Validate = ReturnType<FastifySchemaCompiler<object>>;

const strictFor = compileOnce((schema) => strict.compile(schema) as Validate);
const coercingFor = compileOnce((schema) => coercing.compile(schema) as Validate);

/** Fastify's validator compiler: strict for bodies, coercing for everything else; once per schema. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  httpPart === 'body' ? strictFor(schema) : coercingFor(schema);
