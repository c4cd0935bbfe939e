import type { Scenario } from '../generator/index.js';

/** What a stream worker needs to produce one streamed response. */
export interface StreamTask {
  scenario: Scenario;
  seed: string;
  count: number;
  batchSize: number;
}

/**
 * Parent → worker: start a task (a worker runs one at a time, and may be reused for the next after `end`),
 * or permission to send `credit` more chunks of the current one.
 */
export type StreamFromParent = { type: 'start'; task: StreamTask } | { type: 'credit'; credit: number };

/** Worker → parent: a chunk of the body (with the patients written so far), the end, or a failure. */
export type StreamToParent =
  | { type: 'chunk'; bytes: Uint8Array; patients: number }
  | { type: 'end' }
  | { type: 'error'; message: string };
