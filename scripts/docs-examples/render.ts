/**
 * Turns a real response into the text a docs example shows, and compares it with what the page
 * shows. Values that differ from run to run (ids, times, keys, durations, window resets) are
 * masked for the comparison; everything else, seeded patients included, must match exactly.
 */
import { STATUS_CODES } from 'node:http';

export interface RealResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** The parts of a response that differ between two runs of the same requests. */
const VOLATILE: ReadonlyArray<[kind: string, pattern: RegExp]> = [
  ['uuid', /(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f-])/g],
  [
    'time',
    /"(created_at|updated_at|completed_at|started_at|timestamp|generated_at|expires_at|last_used_at|cache_expires_at)":"[^"]*"/g,
  ],
  ['header', /^(x-response-time|x-ratelimit-reset|retry-after|date|content-length): .*$/gm],
  ['reset', /\bt=\d+/g],
  ['key', /milmed_live_[0-9A-Za-z]+(<redacted: \d+ more characters>)?/g],
];

/** The text with every volatile value replaced by its kind, for comparison. */
export function mask(text: string): string {
  return VOLATILE.reduce((out, [kind, pattern]) => out.replace(pattern, `<${kind}>`), text);
}

/**
 * `fresh` with its volatile values taken back from `shown`, kind by kind and in order, so that
 * refreshing a page rewrites only what really changed. Ids go through `ids` (real → shown), so an
 * id shown in one example and sent in the next stays the same on the page.
 */
export function keepVolatileValues(fresh: string, shown: string, ids: Map<string, string>): string {
  let out = fresh;
  for (const [kind, pattern] of VOLATILE) {
    const old = [...shown.matchAll(pattern)].map((m) => m[0]);
    let i = 0;
    out = out.replace(pattern, (real) => {
      const before = old[i++];
      if (kind !== 'uuid') return before ?? real;
      const known = ids.get(real);
      if (known) return known;
      const chosen = before && ![...ids.values()].includes(before) ? before : real;
      ids.set(real, chosen);
      return chosen;
    });
  }
  return out;
}

/** A full key is shown redacted, as the docs do, so that secret scanners stay quiet. */
function redactKeys(text: string): string {
  return text.replace(
    /milmed_live_([0-9A-Za-z]{6})([0-9A-Za-z]{32,})/g,
    (_, prefix: string, rest: string) => `milmed_live_${prefix}<redacted: ${rest.length} more characters>`,
  );
}

/** Which parts of a JSON value an example shows: `true` for all of it. */
type Keep = true | Map<string, Keep>;

/** `a,b.c,d[].e` → a tree; `[]` stands for every item of an array. */
export function keepTree(paths: string): Keep {
  const root = new Map<string, Keep>();
  for (const path of paths.split(',')) {
    const segments = path.split(/\.|(?=\[\])/).filter(Boolean);
    let node = root;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) node.set(segment, true);
      else {
        let next = node.get(segment);
        if (next === undefined || next === true) {
          next = new Map();
          node.set(segment, next);
        }
        node = next;
      }
    });
  }
  return root;
}

/** Compact JSON of the kept parts; `…` marks what was left out. */
export function projectJson(value: unknown, keep: Keep, items: number): string {
  if (keep === true) return JSON.stringify(value);
  if (Array.isArray(value)) {
    const each = keep.get('[]') ?? true;
    const shown = value.slice(0, items).map((v) => projectJson(v, each, items));
    if (value.length > items) shown.push('…');
    return `[${shown.join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const shown = entries
      .filter(([k]) => keep.has(k))
      .map(([k, v]) => `${JSON.stringify(k)}:${projectJson(v, keep.get(k)!, items)}`);
    if (shown.length < entries.length) shown.push('…');
    return `{${shown.join(',')}}`;
  }
  return JSON.stringify(value);
}

function renderBody(body: string, options: Record<string, string>): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return body;
  }
  const keep = options.keep ? keepTree(options.keep) : true;
  return projectJson(value, keep, Number(options.items ?? Number.POSITIVE_INFINITY));
}

/**
 * The response as the example shows it. A `json` block is the body. An `http` block is the status
 * line, the headers the page already shows (by name, in its order), and the body if it showed one.
 */
export function renderResponse(
  real: RealResponse,
  lang: string,
  shown: string,
  options: Record<string, string>,
): string {
  const body = redactKeys(renderBody(real.body, options));
  if (lang !== 'http') return body;
  const [head = '', rest] = shown.split(/\n\n/, 2) as [string, string | undefined];
  const names = head
    .split('\n')
    .slice(1)
    .map((l) => l.slice(0, l.indexOf(':')).trim().toLowerCase())
    .filter(Boolean);
  const lines = [`HTTP/1.1 ${real.status} ${STATUS_CODES[real.status] ?? ''}`];
  for (const name of names) {
    const value = real.headers.get(name);
    if (value !== null) lines.push(`${name}: ${value}`);
  }
  return rest === undefined ? lines.join('\n') : `${lines.join('\n')}\n\n${body}`;
}
