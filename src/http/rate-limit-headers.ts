import { type RateDecision, tightestWindow, type WindowState } from '../ratelimit/index.js';

/**
 * Response headers for a decision, as a plain record (no HTTP framework involved):
 * - `X-RateLimit-Limit` / `-Remaining` / `-Reset` (whole seconds, rounded up) for the tightest window;
 * - `RateLimit-Policy: "minute";q=10;w=60, "hour";q=50;w=3600` and
 *   `RateLimit: "minute";r=7;t=42, "hour";r=40;t=1800` (draft-ietf-httpapi-ratelimit-headers;
 *   `t` = seconds until the window has fully drained, rounded up);
 * - `Retry-After` (whole seconds, rounded up, at least 1) when the decision is a rejection.
 * An `unavailable` decision has no windows and yields only `Retry-After`.
 * Browsers can read these only if CORS exposes them.
 */
export function buildRateLimitHeaders(decision: RateDecision): Record<string, string> {
  const headers: Record<string, string> = {};
  const tightest = tightestWindow(decision);
  if (tightest !== undefined) {
    headers['X-RateLimit-Limit'] = String(tightest.limit);
    headers['X-RateLimit-Remaining'] = String(tightest.remaining);
    headers['X-RateLimit-Reset'] = String(seconds(tightest.resetMs));
    headers['RateLimit-Policy'] = decision.windows
      .map((w) => `${sfString(w.name)};q=${w.limit};w=${seconds(w.windowMs)}`)
      .join(', ');
    headers.RateLimit = decision.windows
      .map((w) => `${sfString(w.name)};r=${w.remaining};t=${seconds(w.resetMs)}`)
      .join(', ');
  }
  if (!decision.allowed && decision.retryAfterMs > 0) {
    headers['Retry-After'] = String(Math.max(1, seconds(decision.retryAfterMs)));
  }
  return headers;
}

/**
 * The 429 detail text, e.g. `Rate limit exceeded: 10 per 1 minute`, naming the violated window
 * with the longest wait. Returns a fixed text for an `unavailable` decision and '' when allowed.
 */
export function describeViolation(decision: RateDecision): string {
  if (decision.unavailable) return 'Rate limiting is temporarily unavailable, try again later';
  let worst: WindowState | undefined;
  for (const w of decision.windows) {
    if (!decision.violated.includes(w.name)) continue;
    if (
      worst === undefined ||
      w.retryAfterMs > worst.retryAfterMs ||
      (w.retryAfterMs === worst.retryAfterMs && w.windowMs > worst.windowMs)
    ) {
      worst = w;
    }
  }
  if (worst === undefined) return '';
  return `Rate limit exceeded: ${worst.limit} per ${formatDuration(worst.windowMs)}`;
}

const UNITS: readonly (readonly [number, string])[] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/** `60_000` → `1 minute`, `7_200_000` → `2 hours`, `1_500` → `1500 ms`. */
export function formatDuration(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size && ms % size === 0) {
      const q = ms / size;
      return `${q} ${unit}${q === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/** Window names are a handful of fixed words, so each is quoted once, not on every response. */
const quotedNames = new Map<string, string>();

/** A Structured Fields string item: quoted, with `"` and `\` escaped. */
function sfString(value: string): string {
  let quoted = quotedNames.get(value);
  if (quoted === undefined) {
    quoted = `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    if (quotedNames.size < 100) quotedNames.set(value, quoted);
  }
  return quoted;
}
