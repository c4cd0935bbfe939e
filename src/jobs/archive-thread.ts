import { rm } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { ArchivedFile, ArchiveWriter } from '../output/index.js';
import { spawnWorker } from './worker-thread.js';

/** Messages to an archive thread, in the order ArchiveWriter's calls come. */
export type ArchiveCommand =
  | { type: 'begin'; live: ArchivedFile }
  | { type: 'grown'; bytes: number }
  | { type: 'finish'; liveBytes: number; rest: ArchivedFile[] };

/** The one message an archive thread sends: how the archive ended. */
export type ArchiveOutcome = { type: 'done' } | { type: 'error'; message: string };

/**
 * An ArchiveWriter whose ZIP is written by a thread of its own (archive-worker.ts). CRC-32 and
 * DEFLATE then run beside the generation instead of after it or on its thread: yazl's CRC is
 * JavaScript, a third of the generation thread's time if it ran there.
 */
export class ArchiveThread implements ArchiveWriter {
  private readonly worker: Worker;
  private readonly outcome: Promise<void>;

  constructor(private readonly path: string) {
    this.worker = spawnWorker('archive-worker', {
      workerData: { path },
      // A stream and its buffers: a few MB. A leak fails the archive, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    this.outcome = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: ArchiveOutcome) => {
        if (message.type === 'done') resolve();
        else reject(new Error(`writing the archive failed: ${message.message}`));
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`archive thread exited with code ${code}`)));
    });
    this.outcome.catch(() => undefined); // surfaced by finish()
  }

  begin(live: ArchivedFile): void {
    this.send({ type: 'begin', live });
  }

  grown(bytes: number): void {
    this.send({ type: 'grown', bytes });
  }

  async finish(liveBytes: number, rest: readonly ArchivedFile[]): Promise<void> {
    this.send({ type: 'finish', liveBytes, rest: [...rest] });
    try {
      await this.outcome;
    } finally {
      await this.worker.terminate();
    }
  }

  async abort(): Promise<void> {
    await this.worker.terminate();
    await rm(this.path, { force: true });
  }

  private send(command: ArchiveCommand): void {
    this.worker.postMessage(command);
  }
}
