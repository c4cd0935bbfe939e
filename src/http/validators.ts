import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

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

/**
 * By part and schema text. Fastify hands each app its own copies of the routes' schemas, which Ajv's
 * own cache (by object) would compile, and keep, again for every app a process builds.
 */
const compiled = new Map<string, Validate>();

/** Fastify's validator compiler: strict for bodies, coercing for everything else. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  const key = `${ajv === strict ? 'strict' : 'coercing'} ${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema) as Validate;
    compiled.set(key, validate);
  }
  return validate;
};
