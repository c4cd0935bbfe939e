import { once } from 'node:events';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/generator/index.js';
import { PatientStreams, StreamStalledError, type StreamTask } from '../../src/jobs/index.js';

function scenario(count: number): Scenario {
  const parsed = parseScenario({ total_patients: count });
  if (!parsed.ok) throw new Error('default scenario did not parse');
  return { ...parsed.scenario, total_patients: count };
}

const task = (count: number, batchSize = 100): StreamTask => ({
  scenario: scenario(count),
  seed: 'streams-test',
  count,
  batchSize,
});

/** A writer like a socket whose client never reads: it takes one chunk and never asks for more. */
function neverDrains(): Writable {
  return new Writable({ highWaterMark: 1, write() {} });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('patient streams (worker threads, credit-based flow control)', () => {
  // One set for the whole file, so the warm worker is shared; the stall timeout is short so the
  // stalled-reader test ends quickly. Every test leaves no stream open.
  const streams = new PatientStreams({ perHolder: 2, perInstance: 3, stallTimeoutMs: 400 });
  afterAll(() => streams.close());

  it('streams a whole body and gives the worker back to the pool at the end, freeing the slot', async () => {
    const opened = streams.open('a', task(250, 100));
    if (!opened.ok) throw new Error('refused');
    const body = JSON.parse(await readAll(opened.stream));
    expect(body.patients).toHaveLength(250);
    expect(body.total_patients).toBe(250);
    expect(await opened.stream.workerReleased).toBe('reused');
    if (!opened.stream.closed) await once(opened.stream, 'close');
    expect(streams.active()).toHaveLength(0);
    expect(streams.pool.idleCount).toBe(1);
  });

  it('refuses a third stream for one holder, and a fourth on the instance, naming the bound', async () => {
    const held = [streams.open('a', task(10)), streams.open('a', task(10))];
    expect(streams.open('a', task(10))).toEqual({ ok: false, limit: 'holder' });
    held.push(streams.open('b', task(10)));
    expect(streams.open('c', task(10))).toEqual({ ok: false, limit: 'instance' });
    for (const h of held) if (h.ok) h.stream.destroy();
    await Promise.all(held.map((h) => (h.ok ? h.stream.workerReleased : undefined)));
    if (streams.active().length) await Promise.all(streams.active().map((s) => once(s, 'close')));
    expect(streams.active()).toHaveLength(0);
    const again = streams.open('a', task(10));
    expect(again.ok).toBe(true);
    if (again.ok) await readAll(again.stream);
  });

  it('keeps the worker paused while its reader does not read, however long another worker runs', async () => {
    // Own streams with a long stall timeout: this test watches a paused stream, it must not end.
    const patient = new PatientStreams({ perHolder: 2, perInstance: 2, stallTimeoutMs: 600_000 });
    try {
      const paused = patient.open('a', task(100_000, 100));
      if (!paused.ok) throw new Error('refused');
      paused.stream.pipe(neverDrains());
      await once(paused.stream, 'patients');
      // A second worker, at the same priority, makes 5,000 patients to the end. Had the first worker
      // not been paused, it would have made about as many in that time.
      const reference = patient.open('b', task(5_000, 1000));
      if (!reference.ok) throw new Error('refused');
      expect(JSON.parse(await readAll(reference.stream)).total_patients).toBe(5_000);
      // One chunk in the writer, about one in the stream's buffer, two credits: a handful of batches.
      expect(paused.stream.patients).toBeLessThanOrEqual(1000);
      expect(paused.stream.stalled).toBe(true);
      expect(paused.stream.destroyed).toBe(false);
    } finally {
      await patient.close();
    }
  });

  it('fails a stream whose reader stopped reading as stalled, and frees its slot and worker', async () => {
    const opened = streams.open('a', task(100_000, 100));
    if (!opened.ok) throw new Error('refused');
    const { stream } = opened;
    stream.pipe(neverDrains());
    const [error] = await once(stream, 'error');
    expect(error).toBeInstanceOf(StreamStalledError);
    expect(stream.patients).toBeLessThan(100_000);
    expect(await stream.workerReleased).toBe('terminated');
    if (!stream.closed) await once(stream, 'close');
    expect(streams.active()).toHaveLength(0);
  });

  it('terminates the worker and frees the slot when the stream is destroyed mid-way (client gone)', async () => {
    const opened = streams.open('a', task(100_000, 100));
    if (!opened.ok) throw new Error('refused');
    const { stream } = opened;
    await once(stream, 'data');
    stream.destroy();
    expect(await stream.workerReleased).toBe('terminated');
    expect(stream.patients).toBeLessThan(100_000);
    expect(streams.active()).toHaveLength(0);
  });

  it('fails the stream and frees the slot when the worker fails', async () => {
    // A range the generator refuses: the worker reports the error instead of a chunk.
    const opened = streams.open('a', { ...task(10), count: -1 });
    if (!opened.ok) throw new Error('refused');
    opened.stream.resume();
    const [error] = await once(opened.stream, 'error');
    expect((error as Error).message).toMatch(/stream worker failed: bad range/);
    if (!opened.stream.closed) await once(opened.stream, 'close');
    expect(streams.active()).toHaveLength(0);
  });
});
