import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../src/generator/index.js';
import type { GenerationTask } from '../../src/jobs/index.js';
import { IDLE_MS, type WarmWorkerPool } from '../../src/jobs/warm-worker-pool.js';
import { generationThreads, startGeneration, WARM_AFTER_PATIENTS } from '../../src/jobs/worker-pool.js';

const parsed = parseScenario({ total_patients: 200 });
if (!parsed.ok) throw new Error('default scenario did not parse');
const scenario = parsed.scenario;

/**
 * A generation thread is started once and kept warm between jobs: a demo-sized job costs less to
 * generate than a new thread costs to load the generator. Only a thread whose task completed is reused.
 */
describe('generation threads kept warm between jobs', () => {
  let dir: string;
  let threads: WarmWorkerPool;
  /** The id of every thread a task was started on, in order. */
  let started: number[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'milmed-threads-'));
    threads = generationThreads(1);
    started = [];
    // Observes which thread each task gets; the pool itself is unchanged.
    const take = threads.take.bind(threads);
    threads.take = () => {
      const worker = take();
      started.push(worker.threadId);
      return worker;
    };
  });
  afterEach(async () => {
    vi.useRealTimers();
    await threads.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const task = (name: string, count: number): GenerationTask => ({
    jobId: name,
    scenario,
    seed: 'threads',
    count,
    formats: ['json', 'csv'],
    dir: join(dir, name),
    compress: false,
  });

  it('runs the next job on the thread the last one completed on, with the same patients', async () => {
    const first = await startGeneration(threads, task('first', 200), () => {}).result;
    expect(threads.idleCount).toBe(1);
    const second = await startGeneration(threads, task('second', 200), () => {}).result;
    expect(started).toHaveLength(2);
    expect(started[1]).toBe(started[0]);
    expect(second.generated).toBe(200);
    expect(second.files).toEqual(first.files);
  });

  it('ends a cancelled job’s thread, and starts the next job on a new one', async () => {
    const running = startGeneration(threads, task('cancelled', 200_000), () => {});
    await running.cancel();
    await expect(running.result).rejects.toThrow(/exited/);
    expect(threads.idleCount).toBe(0);
    await startGeneration(threads, task('after', 50), () => {}).result;
    expect(started[1]).not.toBe(started[0]);
  });

  it('ends the thread of a job that failed, and starts the next job on a new one', async () => {
    // Its directory cannot be made: a file stands where it should be.
    writeFileSync(join(dir, 'blocked'), 'not a directory');
    const failed = startGeneration(threads, task('blocked/job', 50), () => {});
    await expect(failed.result).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(threads.idleCount).toBe(0);
    await startGeneration(threads, task('after', 50), () => {}).result;
    expect(started[1]).not.toBe(started[0]);
  });

  it('ends a thread left idle for the pool’s idle time, and starts the next job on a new one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await startGeneration(threads, task('before', 50), () => {}).result;
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(threads.idleCount).toBe(1);
    vi.advanceTimersByTime(1);
    expect(threads.idleCount).toBe(0);
    await startGeneration(threads, task('after', 50), () => {}).result;
    expect(started[1]).not.toBe(started[0]);
  });

  it('does not keep the thread of a job over the warm size: its heap is large, its start a small share', async () => {
    const big = { ...task('big', WARM_AFTER_PATIENTS + 1), formats: ['csv' as const] };
    await startGeneration(threads, big, () => {}).result;
    expect(threads.idleCount).toBe(0);
  });
});
