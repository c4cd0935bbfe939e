import { parentPort } from 'node:worker_threads';
import { generatePatients } from '../generator/index.js';
import { streamedJsonChunks } from '../output/index.js';
import type { StreamFromParent, StreamTask, StreamToParent } from './stream-protocol.js';
import { lowerThreadPriority } from './thread-priority.js';

// Worker-thread entry for streamed responses, one task at a time. It makes a chunk only when the parent
// has granted credit for it, so a client that stops reading stops the generation too.
const port = parentPort!;
lowerThreadPriority();
const encoder = new TextEncoder();
let credit = 0;
let wake: (() => void) | undefined;

port.on('message', (message: StreamFromParent) => {
  if (message.type === 'start') {
    credit = 0;
    run(message.task).catch((error: unknown) => post({ type: 'error', message: (error as Error).message }));
  } else {
    credit += message.credit;
    wake?.();
  }
});

function post(message: StreamToParent, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function run(task: StreamTask): Promise<void> {
  const patients = generatePatients(task.scenario, { seed: task.seed, count: task.count });
  for (const chunk of streamedJsonChunks(patients, task.batchSize, task.seed)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    // Sent as bytes and transferred, not copied: the main thread only hands them to the socket.
    const bytes = encoder.encode(chunk.text);
    post({ type: 'chunk', bytes, patients: chunk.patients }, [bytes.buffer as ArrayBuffer]);
  }
  post({ type: 'end' });
}
