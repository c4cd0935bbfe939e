import { parentPort, workerData } from 'node:worker_threads';
// zip.js alone, not the output index: the other writers (exceljs above all) would add tens of MB per job.
import { ZipArchive } from '../output/zip.js';
import type { ArchiveCommand, ArchiveOutcome } from './archive-thread.js';
import { lowerThreadPriority } from './thread-priority.js';

// Worker-thread entry: writes one job's ZIP as its generation thread reports its files (archive-thread.ts).
const port = parentPort!;
lowerThreadPriority();
const archive = new ZipArchive((workerData as { path: string }).path);
const report = (outcome: ArchiveOutcome): void => port.postMessage(outcome);

port.on('message', (command: ArchiveCommand) => {
  if (command.type === 'begin') archive.begin(command.live);
  else if (command.type === 'grown') archive.grown(command.bytes);
  else
    archive.finish(command.liveBytes, command.rest).then(
      () => report({ type: 'done' }),
      (error: unknown) => report({ type: 'error', message: (error as Error).message }),
    );
});
