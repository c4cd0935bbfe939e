import { jsonArrayFormat } from './text-format.js';

/** patients.json: `[\n` + compact patients joined by `,\n` + `\n]` (no patients: `[\n\n]`). */
export const jsonFormat = jsonArrayFormat(
  '[\n',
  (p) => JSON.stringify(p),
  () => '\n]',
);
