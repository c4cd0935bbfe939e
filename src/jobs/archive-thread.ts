import { rm } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { ArchivedFile, ArchiveWriter } from '../output/index.js';
import { WarmWorkerPool } from './warm-worker-pool.js';

/** Messages to an archive thread, in the order ArchiveWriter's calls come. */
export type ArchiveCommand =
  | { type: 'open'; path: string }
  | { type: 'begin'; live: ArchivedFile }
  | { type: 'grown'; bytes: number }
  | { type: 'finish'; liveBytes: number; rest: ArchivedFile[] };

/** The one message an archive thread sends: how the archive ended. */
export type ArchiveOutcome = { type: 'done' } | { type: 'error'; message: string };

/**
 * The archive threads of this generation thread: one is kept warm between its jobs, since starting a
 * thread costs more than zipping a demo-sized job. A stream and its buffers take a few MB; a leak fails
 * the archive, not the server.
 */
const archiveThreads = new WarmWorkerPool('archive-worker', 1, {
  resourceLimits: { maxOldGenerationSizeMb: 64 },
});

/**
 * An ArchiveWriter whose ZIP is written by a thread of its own (archive-worker.ts). CRC-32 and
 * DEFLATE then run beside the generation instead of after it or on its thread: yazl's CRC is
 * JavaScript, a third of the generation thread's time if it ran there. A thread whose archive was
 * written goes back to the pool; one that failed or was aborted is terminated.
 */
export class ArchiveThread implements ArchiveWriter {
  private readonly worker: Worker;
  /** The thread writing this archive (tests: a warm thread is reused). */
  readonly threadId: number;
  private readonly outcome: Promise<void>;
  private detach: () => void = () => {};

  constructor(private readonly path: string) {
    const worker = archiveThreads.take();
    this.worker = worker;
    this.threadId = worker.threadId;
    this.outcome = new Promise<void>((resolve, reject) => {
      const onMessage = (message: ArchiveOutcome) => {
        this.detach();
        if (message.type === 'done') resolve();
        else reject(new Error(`writing the archive failed: ${message.message}`));
      };
      const onError = (error: Error) => {
        this.detach();
        reject(error);
      };
      const onExit = (code: number) => {
        this.detach();
        reject(new Error(`archive thread exited with code ${code}`));
      };
      this.detach = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    this.outcome.catch(() => undefined); // surfaced by finish()
    this.send({ type: 'open', path });
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
    } catch (error) {
      await this.worker.terminate();
      throw error;
    }
    archiveThreads.giveBack(this.worker);
  }

  async abort(): Promise<void> {
    this.detach();
    await this.worker.terminate();
    await rm(this.path, { force: true });
  }

  private send(command: ArchiveCommand): void {
    this.worker.postMessage(command);
  }
}
