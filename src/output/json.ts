/** patients.json: a bare JSON array, one compact patient per line. */
import type { Patient } from '../generator/index.js';

/** `[\n` + patients joined by `,\n` + `\n]`; an empty input gives `[\n\n]`. */
export function* jsonArrayChunks(patients: Iterable<Patient>): Generator<string> {
  yield '[\n';
  let first = true;
  for (const p of patients) {
    yield first ? JSON.stringify(p) : `,\n${JSON.stringify(p)}`;
    first = false;
  }
  yield '\n]';
}

export const jsonFormat = {
  head: (): string => '[\n',
  row: (p: Patient, index: number): string => (index === 0 ? JSON.stringify(p) : `,\n${JSON.stringify(p)}`),
  tail: (): string => '\n]',
};
