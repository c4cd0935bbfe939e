/** A clock tests move by hand; never sleeps. */
export class TestClock {
  constructor(private ms = Date.UTC(2026, 0, 15, 12, 0, 0)) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  set(date: Date): void {
    this.ms = date.getTime();
  }
}
