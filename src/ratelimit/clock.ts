import type { Clock } from './store.js';

/** The real clock (`Date.now()`); instances sharing a Redis store need NTP-synchronised clocks. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/** A clock tests move by hand. `set` and `advance` throw a `RangeError` if time would go backwards. */
export class ManualClock implements Clock {
  #now: number;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  set(ms: number): void {
    if (ms < this.#now) throw new RangeError('ManualClock cannot go backwards');
    this.#now = ms;
  }

  advance(ms: number): void {
    this.set(this.#now + ms);
  }
}
