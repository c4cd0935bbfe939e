/**
 * One sliding window kept as a ring of `n + 1` count buckets plus a running sum, where
 * `n = windowMs / bucketMs`. At time t (bucket c = floor(t / bucketMs)) the window counts buckets
 * c-n ..= c whole: the oldest one is partly expired but still counted, so no closed span of
 * `windowMs` ever holds more than the limit, and a request is only refused when `limit` requests
 * were admitted within the last `windowMs + bucketMs`.
 *
 * Advancing clears the buckets that left the window, lazily: work per call is
 * min(elapsed buckets, n + 1) and never depends on the number of requests counted.
 */
export class BucketRing {
  readonly windowMs: number;
  readonly bucketMs: number;
  /** n: whole buckets per window. */
  readonly span: number;
  readonly #counts: Uint32Array;
  #sum = 0;
  /** Newest bucket index the ring has advanced to (-1 before first use). */
  #current = -1;
  /** Newest bucket index that received a request (-1 if none). */
  #newestHit = -1;

  constructor(windowMs: number, bucketMs: number) {
    this.windowMs = windowMs;
    this.bucketMs = bucketMs;
    this.span = windowMs / bucketMs;
    this.#counts = new Uint32Array(this.span + 1);
  }

  /** Requests counted in the window as of the last `advance`. */
  get sum(): number {
    return this.#sum;
  }

  /** Bucket slots held (constant: n + 1). */
  get size(): number {
    return this.#counts.length;
  }

  /**
   * Moves the ring to the bucket of `nowMs`, dropping expired buckets, and returns the effective
   * current bucket index. If the clock went backwards the ring stays where it is (requests are then
   * recorded in the newer bucket, which only makes the limit stricter).
   */
  advance(nowMs: number): number {
    const c = Math.floor(nowMs / this.bucketMs);
    if (c <= this.#current) return this.#current;
    const size = this.#counts.length;
    if (this.#current < 0 || c - this.#current >= size) {
      this.#counts.fill(0);
      this.#sum = 0;
    } else {
      for (let b = this.#current + 1; b <= c; b++) {
        const i = b % size;
        this.#sum -= this.#counts[i]!;
        this.#counts[i] = 0;
      }
    }
    this.#current = c;
    return c;
  }

  /** Counts one request in the current bucket. Call only after `advance`. */
  record(): void {
    const i = this.#current % this.#counts.length;
    this.#counts[i] = this.#counts[i]! + 1;
    this.#sum++;
    this.#newestHit = this.#current;
  }

  /** Milliseconds from `nowMs` until every counted request has expired (0 if none). O(1). */
  resetMs(nowMs: number): number {
    if (this.#sum === 0) return 0;
    return (this.#newestHit + this.span + 1) * this.bucketMs - nowMs;
  }

  /**
   * Milliseconds from `nowMs` until the window has room for one more request under `limit`
   * (0 if it has room now). Scans buckets oldest-first; only called on rejection.
   */
  retryAfterMs(nowMs: number, limit: number): number {
    const excess = this.#sum - limit + 1;
    if (excess <= 0) return 0;
    const size = this.#counts.length;
    const oldest = this.#current - this.span;
    let freed = 0;
    for (let j = 0; j <= this.span; j++) {
      freed += this.#counts[(oldest + j) % size]!;
      // Bucket oldest+j leaves the window when the current bucket becomes current+1+j.
      if (freed >= excess) return (this.#current + 1 + j) * this.bucketMs - nowMs;
    }
    // Unreachable while limit >= 1: after n+1 buckets everything has expired.
    return (this.#current + 1 + this.span) * this.bucketMs - nowMs;
  }
}
