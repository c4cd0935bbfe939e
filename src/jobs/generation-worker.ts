import { parentPort } from 'node:worker_threads';
import { type GenerationTask, runGenerationTask } from './generation-task.js';
import type { GenerationFromParent, GenerationToParent } from './worker-pool.js';

// Worker-thread entry: runs the generation tasks the parent sends, one at a time (worker-pool.ts), and
// reports each one's progress and result. Between tasks it waits, warm, in the parent's pool.
const port = parentPort!;

port.on('message', (message: GenerationFromParent) => {
  run(message.task);
});

function post(message: GenerationToParent): void {
  port.postMessage(message);
}

function run(task: GenerationTask): void {
  let lastReport = 0;
  runGenerationTask(task, (generated) => {
    const now = Date.now();
    if (now - lastReport >= 250 || generated === task.count) {
      lastReport = now;
      post({ type: 'progress', generated });
    }
  })
    .then((result) => post({ type: 'done', result }))
    .catch((error: unknown) => post({ type: 'error', message: (error as Error).message }));
}
