import type { Delivery, Disposition } from './job-queue.js';

export interface DeliveryLoopOptions {
  concurrency: number;
  pollIntervalMs: number;
  /** Up to `free` deliveries, none of the ids in `running`. */
  fetch(free: number, running: readonly string[]): Promise<Delivery[]>;
  /** Records a delivery's disposition in the queue. */
  settle(delivery: Delivery, disposition: Disposition): Promise<void>;
  onError(error: unknown): void;
}

/**
 * The fetch loop both queues share: it fetches when woken or every poll interval, never holds more
 * than `concurrency` deliveries, and records each one's disposition when its handler ends.
 */
export class DeliveryLoop {
  private timer: NodeJS.Timeout | undefined;
  private fetching: Promise<void> | undefined;
  private fetchAgain = false;
  private stopped = true;
  private run: ((delivery: Delivery) => Promise<Disposition>) | undefined;
  /** Each delivery until its disposition is recorded. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly options: DeliveryLoopOptions) {}

  start(run: (delivery: Delivery) => Promise<Disposition>): void {
    this.run = run;
    this.stopped = false;
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  /** A wake-up during a fetch fetches once more after it, so no enqueue is missed. */
  poll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.fetching) {
      this.fetchAgain = true;
      return this.fetching;
    }
    this.fetching = this.fill()
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.fetching = undefined;
        if (this.fetchAgain) {
          this.fetchAgain = false;
          void this.poll();
        }
      });
    return this.fetching;
  }

  private async fill(): Promise<void> {
    while (!this.stopped) {
      const free = this.options.concurrency - this.inFlight.size;
      if (free <= 0) return;
      const deliveries = await this.options.fetch(free, [...this.inFlight.keys()]);
      // Dispatched even when stopped meanwhile: the queue already marked them taken, and the handler
      // hands them straight back.
      for (const delivery of deliveries) this.dispatch(delivery);
      if (deliveries.length < free) return;
    }
  }

  private dispatch(delivery: Delivery): void {
    const run = this.run as (delivery: Delivery) => Promise<Disposition>;
    const settled = run(delivery)
      .catch((error: unknown): Disposition => {
        this.options.onError(error);
        return 'handed-back';
      })
      .then((disposition) => this.options.settle(delivery, disposition))
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.inFlight.delete(delivery.id);
        void this.poll();
      });
    this.inFlight.set(delivery.id, settled);
  }

  /** Stops fetching; resolves once no fetch is in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.fetching;
  }

  /** Resolves once every delivery made has its disposition recorded. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
  }
}
