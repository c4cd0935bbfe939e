/** What a `Range` header asks of a file of a known size (RFC 9110, section 14). */
export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'part'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const WHOLE: RangeRequest = { kind: 'whole' };
const SPEC = /^(\d*)-(\d*)$/;

/**
 * Reads `Range: bytes=...` against a file of `size` bytes. One range is served: of several, the
 * first that is satisfiable, as a single part (the RFC lets a server send fewer ranges than asked).
 * A header that is absent, not in bytes, or malformed is ignored, as the RFC asks: the whole file.
 * So is any Range sent with `If-Range`, since these responses carry no validator it could match.
 * `unsatisfiable` when every range starts past the end (or asks for the last 0 bytes).
 */
export function parseRange(header: string | undefined, size: number, hasIfRange = false): RangeRequest {
  if (header === undefined || hasIfRange) return WHOLE;
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return WHOLE;
  const specs = match[1]!.split(',').map((spec) => spec.trim());
  const ranges: RangeRequest[] = [];
  for (const spec of specs) {
    if (spec === '') continue; // the RFC allows empty list elements
    const range = SPEC.exec(spec);
    if (!range || (range[1] === '' && range[2] === '')) return WHOLE;
    ranges.push(resolve(range[1]!, range[2]!, size) ?? WHOLE);
    if (ranges.at(-1) === WHOLE) return WHOLE;
  }
  if (ranges.length === 0) return WHOLE;
  return ranges.find((r) => r.kind === 'part') ?? { kind: 'unsatisfiable' };
}

/** One `first-last`, `first-` or `-suffix` against the size; `undefined` when it is malformed. */
function resolve(first: string, last: string, size: number): RangeRequest | undefined {
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return undefined;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}
