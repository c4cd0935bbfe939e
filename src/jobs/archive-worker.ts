import { parentPort } from 'node:worker_threads';
// zip.js alone, not the output index: the other writers (exceljs above all) would add tens of MB per job.
import { ZipArchive } from '../output/zip.js';
import type { ArchiveCommand, ArchiveOutcome } from './archive-thread.js';
import { lowerThreadPriority } from './thread-priority.js';

// Worker-thread entry: writes a job's ZIP as its generation thread reports its files (archive-thread.ts),
// one job at a time; between jobs it waits, warm, in the generation thread's pool.
const port = parentPort!;
lowerThreadPriority();
let archive: ZipArchive | undefined;
const report = (outcome: ArchiveOutcome): void => port.postMessage(outcome);

port.on('message', (command: ArchiveCommand) => {
  if (command.type === 'open') archive = new ZipArchive(command.path);
  else if (!archive) report({ type: 'error', message: `archive command ${command.type} before open` });
  else if (command.type === 'begin') archive.begin(command.live);
  else if (command.type === 'grown') archive.grown(command.bytes);
  else {
    const finishing = archive;
    archive = undefined;
    finishing.finish(command.liveBytes, command.rest).then(
      () => report({ type: 'done' }),
      (error: unknown) => report({ type: 'error', message: (error as Error).message }),
    );
  }
});
