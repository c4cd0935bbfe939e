/** The streaming route's body, `{"patients": [...], "total_patients": N, "seed": "..."}`, in batches. */
import type { Patient } from '../generator/index.js';

/** One piece of the body and the number of patients written up to and including it. */
export interface StreamedChunk {
  text: string;
  patients: number;
}

/**
 * The body as chunks: a head, one chunk per `batchSize` patients, and a tail that states the count
 * and the seed. The concatenated text is the same for a given input whatever the batch size.
 */
export function* streamedJsonChunks(
  patients: Iterable<Patient>,
  batchSize: number,
  seed: string,
): Generator<StreamedChunk> {
  yield { text: '{\n  "patients": [\n', patients: 0 };
  let batch: string[] = [];
  let n = 0;
  for (const patient of patients) {
    batch.push(`    ${JSON.stringify(patient)}`);
    n++;
    if (batch.length >= batchSize) {
      yield { text: `${n > batch.length ? ',\n' : ''}${batch.join(',\n')}`, patients: n };
      batch = [];
    }
  }
  if (batch.length) yield { text: `${n > batch.length ? ',\n' : ''}${batch.join(',\n')}`, patients: n };
  yield {
    text: `\n  ],\n  "total_patients": ${n},\n  "seed": ${JSON.stringify(seed)}\n}\n`,
    patients: n,
  };
}
