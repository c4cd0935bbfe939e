import type { Patient } from '../generator/index.js';

/** A text output written piece by piece: `head`, one `row` per patient, then `tail`. */
export interface TextFormat {
  head(): string;
  /** The text for the patient at `index` (0-based), including any separator before it. */
  row(p: Patient, index: number): string;
  /** The closing text, given how many patients were written. */
  tail(count: number): string;
}

/**
 * The one JSON array writer: `open`, then each element's text with `,\n` before every element
 * but the first, then `close(count)`. patients.json, the FHIR bundle and the streamed body are
 * all this shape, differing only in their wrapping and in how an element is written.
 */
export function jsonArrayFormat(
  open: string,
  element: (p: Patient) => string,
  close: (count: number) => string,
): TextFormat {
  return {
    head: () => open,
    row: (p, index) => (index === 0 ? element(p) : `,\n${element(p)}`),
    tail: close,
  };
}
