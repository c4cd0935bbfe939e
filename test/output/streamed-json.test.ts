import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients } from '../../src/generator/index.js';
import { streamedJsonChunks } from '../../src/output/index.js';

const patients = (count: number) => [...generatePatients(DEFAULT_SCENARIO, { seed: 'streamed', count })];

describe('streamedJsonChunks', () => {
  it('writes the same body whatever the batch size, with the count and the seed at the end', () => {
    const seven = patients(7);
    const bodies = [1, 3, 7, 100].map((batchSize) =>
      [...streamedJsonChunks(seven, batchSize, 'streamed')].map((chunk) => chunk.text).join(''),
    );
    expect(new Set(bodies).size).toBe(1);
    const parsed = JSON.parse(bodies[0]!) as { patients: unknown[]; total_patients: number; seed: string };
    expect(parsed.patients).toEqual(JSON.parse(JSON.stringify(seven)));
    expect(parsed.total_patients).toBe(7);
    expect(parsed.seed).toBe('streamed');
  });

  it('counts the patients written up to each chunk: none in the head, all in the tail', () => {
    const counts = [...streamedJsonChunks(patients(7), 3, 's')].map((chunk) => chunk.patients);
    expect(counts).toEqual([0, 3, 6, 7, 7]);
  });

  it('writes an empty array when there are no patients', () => {
    const body = [...streamedJsonChunks([], 3, 's')].map((chunk) => chunk.text).join('');
    expect(JSON.parse(body)).toEqual({ patients: [], total_patients: 0, seed: 's' });
  });
});
