import type { RateDecision, WindowState } from './store.js';

/**
 * The window a client is closest to exhausting: lowest `remaining`; ties go to the window that
 * takes longer to reset (then the longer window). Undefined only when the decision has no windows
 * (an `unavailable` decision).
 */
export function tightestWindow(decision: RateDecision): WindowState | undefined {
  let best: WindowState | undefined;
  for (const w of decision.windows) {
    if (
      best === undefined ||
      w.remaining < best.remaining ||
      (w.remaining === best.remaining &&
        (w.resetMs > best.resetMs || (w.resetMs === best.resetMs && w.windowMs > best.windowMs)))
    ) {
      best = w;
    }
  }
  return best;
}

/**
 * The decision a fail-closed store returns while its backend is unreachable: not allowed, no
 * window states, `unavailable: true`, and a suggested `retryAfterMs` for the 503's Retry-After.
 */
export function unavailableDecision(retryAfterMs: number): RateDecision {
  return { allowed: false, windows: [], violated: [], retryAfterMs, unavailable: true };
}
