import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type FieldError, validationFailed } from '../errors.js';

/** Deepest nesting of objects and arrays a request may send; real scenarios use about 6 levels. */
export const MAX_JSON_DEPTH = 32;

/** Property names that reach `Object.prototype` through a plain lookup (`table[name]`). */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** An unpaired UTF-16 surrogate: in `u` mode a pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** NUL, which PostgreSQL refuses in text and jsonb, or an unpaired surrogate, which jsonb refuses. */
function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Stop after this many problems: the answer names enough fields without echoing a huge body. */
const MAX_REPORTED = 10;

type Loc = (string | number)[];

/**
 * Finds, without recursion, what no schema describes and the database cannot store: text with
 * NUL or an unpaired surrogate (in values and in property names), the names `__proto__`,
 * `constructor` and `prototype`, and nesting deeper than MAX_JSON_DEPTH. Each problem is a
 * field error whose `loc` starts with `prefix`.
 */
export function findUnsafeInput(value: unknown, prefix: Loc = []): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; loc: Loc }[] = [{ value, loc: prefix }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value: current, loc } = stack.pop()!;
    if (typeof current === 'string') {
      if (isUnsafeText(current)) errors.push(unsafeText(loc));
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (loc.length - prefix.length >= MAX_JSON_DEPTH) {
      errors.push({
        // The top-level field names the culprit; a path thousands of levels long would not help.
        loc: loc.slice(0, prefix.length + 1),
        msg: `Input is nested too deeply (at most ${MAX_JSON_DEPTH} levels of objects and arrays)`,
        type: 'too_deep',
      });
      break;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], loc: [...loc, i] });
      continue;
    }
    const names = Object.keys(current);
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i]!;
      if (FORBIDDEN_NAMES.has(name)) {
        errors.push({
          loc: [...loc, name],
          msg: `Property name '${name}' is not allowed`,
          type: 'forbidden_name',
        });
      } else if (isUnsafeText(name)) {
        errors.push(unsafeText(loc));
      } else {
        stack.push({ value: (current as Record<string, unknown>)[name], loc: [...loc, name] });
      }
    }
  }
  return errors;
}

function unsafeText(loc: Loc): FieldError {
  return {
    loc,
    msg: 'Text must not contain NUL characters or unpaired UTF-16 surrogates',
    type: 'string_unsafe_character',
  };
}

/**
 * A `preValidation` hook on every route: the path parameters, the query string and the parsed
 * body are checked with `findUnsafeInput` before any schema or handler sees them, so such input
 * is a 422 naming the field, never a database error or a stack overflow. It runs after
 * authentication and before the daily quota is taken: a refused request is an authenticated 422
 * that used no daily quota.
 */
export const inputGuard = fp(
  async function inputGuard(app: FastifyInstance) {
    app.addHook('preValidation', async (request: FastifyRequest) => {
      const errors = [
        ...findUnsafeInput(request.params, ['params']),
        ...findUnsafeInput(request.query, ['querystring']),
        ...findUnsafeInput(request.body),
      ];
      if (errors.length > 0) throw validationFailed(errors.slice(0, MAX_REPORTED));
    });
  },
  { name: 'input-guard' },
);
