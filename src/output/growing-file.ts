import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';

const READ_BYTES = 1024 * 1024;

/**
 * Reads a file while another writer is still appending to it. The writer says how many bytes are on
 * disk (`grown`) and, at the end, how many there are in all (`complete`); the stream reads no further
 * than it has been told, waits when it has caught up, and ends at the final length.
 */
export class GrowingFileReader extends Readable {
  private file?: FileHandle;
  private position = 0;
  private available = 0;
  private total?: number;
  private waiting = false;

  constructor(private readonly path: string) {
    super({ highWaterMark: READ_BYTES });
  }

  grown(bytes: number): void {
    if (bytes <= this.available) return;
    this.available = bytes;
    this.wake();
  }

  complete(bytes: number): void {
    this.total = bytes;
    this.available = Math.max(this.available, bytes);
    this.wake();
  }

  override _read(): void {
    if (this.position < this.available) {
      void this.readMore();
    } else if (this.total !== undefined && this.position >= this.total) {
      this.push(null);
    } else {
      this.waiting = true;
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const file = this.file;
    this.file = undefined;
    if (!file) {
      callback(error);
      return;
    }
    file.close().then(
      () => callback(error),
      (closeError: Error) => callback(error ?? closeError),
    );
  }

  private wake(): void {
    if (!this.waiting) return;
    this.waiting = false;
    this._read();
  }

  private async readMore(): Promise<void> {
    try {
      // Opened at the first read: by then the writer has created the file.
      if (!this.file) {
        const file = await open(this.path, 'r');
        if (this.destroyed) return void (await file.close());
        this.file = file;
      }
      const length = Math.min(READ_BYTES, this.available - this.position);
      const { bytesRead, buffer } = await this.file.read(
        Buffer.allocUnsafe(length),
        0,
        length,
        this.position,
      );
      if (bytesRead === 0) throw new Error(`${this.path} is shorter than its writer said`);
      if (this.destroyed) return;
      this.position += bytesRead;
      this.push(bytesRead === length ? buffer : buffer.subarray(0, bytesRead));
    } catch (error) {
      this.destroy(error as Error);
    }
  }
}
