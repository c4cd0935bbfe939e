/**
 * Text into a stream in large UTF-8 chunks. Rows are encoded straight into a preallocated Buffer, so a
 * job does not pay for joining thousands of row strings into one and then encoding that again, and the
 * byte length of every row (which the patient index needs) comes for free.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK_BYTES = 512 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit, so `3 × length` bytes always hold a string. */
const MAX_BYTES_PER_UNIT = 3;

export class ChunkWriter {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly out: Writable) {}

  /** Appends `text` and returns its length in bytes. Await `settle` when `mustSettle` says so, for backpressure. */
  write(text: string): number {
    const room = text.length * MAX_BYTES_PER_UNIT;
    if (this.chunk.length - this.used < room) this.handOver();
    if (room > this.chunk.length) {
      const big = Buffer.from(text, 'utf8');
      this.out.write(big);
      return big.length;
    }
    const bytes = this.chunk.write(text, this.used);
    this.used += bytes;
    return bytes;
  }

  /** Resolves at once unless the stream asked to wait; then when it has drained. */
  async settle(): Promise<void> {
    // Asks the stream, not a flag set at write time: it may have drained while another await ran.
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Whether `settle` has something to wait for: lets the caller skip an `await` on the hot path. */
  get mustSettle(): boolean {
    return this.out.writableNeedDrain;
  }

  /** Hands over what is buffered and waits for the stream to take it. */
  async flush(): Promise<void> {
    this.handOver();
    await this.settle();
  }

  private handOver(): void {
    if (this.used === 0) return;
    const filled = this.chunk.subarray(0, this.used);
    // The stream keeps a reference to what it is given, so the next rows need a fresh chunk.
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    this.out.write(filled);
  }
}
