/**
 * Schemathesis-style request generation with fast-check: for each operation of `/openapi.json`, an
 * arbitrary of (path params, query, JSON body) drawn from the operation's schemas. Every value is
 * valid-ish most of the time and hostile otherwise (wrong type, huge number, unicode, NUL, lone
 * surrogate, deep nesting, prototype names, a required field left out), at any depth.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minProperties?: number;
  format?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

export interface GeneratedRequest {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
}

/** Every operation in the document, in document order. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as Operation['params'];
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      ops.push({ method: method.toUpperCase(), path, params, body: content?.['application/json']?.schema });
    }
  }
  return ops;
}

/** Values no schema asks for; each broke some server once. */
const HOSTILE_SCALARS: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  3e9,
  2 ** 53,
  2 ** 63,
  '9223372036854775807',
  '-9223372036854775808',
  '1e400',
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\r\nSet-Cookie: x=1',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ 🇺🇦 𝕏',
  '../../../../etc/passwd',
  "' OR 1=1 --",
  "=cmd|' /C calc'!A0",
  '%00%0d%0a',
  '9999-12-31',
  '0000-00-00T25:61:61Z',
  'constructor',
  '__proto__',
];

function deepNest(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 4000 }).map((n) => 'x'.repeat(n * 100)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ constructor: true }, JSON.parse('{"__proto__": {"admin": true}}'), {
      toString: 1,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom([], [null], {}, [[[[[[[[[[]]]]]]]]]]) },
  { weight: 1, arbitrary: fc.double() },
);

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, Math.max(minLength, 40));
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'uuid') return fc.uuid();
  return fc.string({ minLength, maxLength });
}

function validish(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.anyOf && schema.anyOf.length > 0)
    return fc.oneof(...schema.anyOf.map((s) => valueFor(s, depth)));
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 100_000, 2 ** 31 - 1),
      });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return schema.uniqueItems
        ? fc.uniqueArray(valueFor(items, depth + 1), {
            minLength,
            maxLength,
            selector: (v) => JSON.stringify(v),
          })
        : fc.array(valueFor(items, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectFor(schema, depth);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) model[name] = valueFor(sub, depth + 1);
  const required = (schema.required ?? []).filter((k) => k in model);
  // Mostly the required fields present; sometimes one left out (a "missing required" case).
  const record = fc.oneof(
    { weight: 5, arbitrary: fc.record(model, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
  );
  const extra =
    schema.additionalProperties === false
      ? fc.constant({})
      : fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 });
  return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...(known as object) }));
}

/** A value for `schema`: valid-ish 4 times in 5, hostile otherwise; past depth 4 only scalars. */
export function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constantFrom(...HOSTILE_SCALARS.slice(0, 12));
  const valid = validish(schema, depth);
  const base = schema.nullable ? fc.oneof(valid, fc.constant(null)) : valid;
  return fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: hostileValue });
}

function asParam(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/**
 * Percent-encodes every code unit as a raw client could: a lone surrogate, which encodeURIComponent
 * refuses, goes out as its three generalised UTF-8 bytes (U+D800 → %ED%A0%80).
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/**
 * A request for `op`. `ids` are real ids to put in path and id-like query params some of the time,
 * so requests reach past the 404 of an unknown id.
 */
export function requestFor(op: Operation, ids: readonly string[]): fc.Arbitrary<GeneratedRequest> {
  const paramArbs = op.params.map((p) => {
    const idLike = /id$/.test(p.name) && ids.length > 0;
    const value = idLike
      ? fc.oneof(fc.constantFrom(...ids), fc.uuid(), valueFor(p.schema))
      : valueFor(p.schema);
    // A required query parameter is sometimes left out; a path parameter never (the route would change).
    const present = p.in === 'path' ? fc.constant(true) : fc.boolean();
    return fc.tuple(fc.constant(p), value, present);
  });
  const body: fc.Arbitrary<{ body?: unknown; rawBody?: string }> = op.body
    ? fc.oneof(
        { weight: 12, arbitrary: valueFor(op.body).map((b) => ({ body: b })) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(deepNest(5000), '{"a":', 'null', '"\\u0000"')
            .map((raw) => ({ rawBody: raw })),
        },
      )
    : fc.constant({});
  return fc.tuple(fc.tuple(...paramArbs), body).map(([params, b]) => {
    let path = op.path;
    const query: string[] = [];
    for (const [p, value, present] of params) {
      if (p.in === 'path') path = path.replace(`{${p.name}}`, percentEncode(asParam(value)));
      else if (present) query.push(`${p.name}=${percentEncode(asParam(value))}`);
    }
    const qs = query.join('&');
    return { method: op.method, path: qs ? `${path}?${qs}` : path, ...b };
  });
}
