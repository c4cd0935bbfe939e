/** The streaming route's body, `{"patients": [...], "total_patients": N, "seed": "..."}`, in batches. */
import type { Patient } from '../generator/index.js';
import { jsonArrayFormat } from './text-format.js';

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
  const format = jsonArrayFormat(
    '{\n  "patients": [\n',
    (patient) => `    ${JSON.stringify(patient)}`,
    (count) => `\n  ],\n  "total_patients": ${count},\n  "seed": ${JSON.stringify(seed)}\n}\n`,
  );
  yield { text: format.head(), patients: 0 };
  let batch = '';
  let inBatch = 0;
  let n = 0;
  for (const patient of patients) {
    batch += format.row(patient, n++);
    if (++inBatch >= batchSize) {
      yield { text: batch, patients: n };
      batch = '';
      inBatch = 0;
    }
  }
  if (inBatch > 0) yield { text: batch, patients: n };
  yield { text: format.tail(n), patients: n };
}
