import { mkdir } from 'node:fs/promises';
import { generatePatients, type Patient, type Scenario, SummaryAccumulator } from '../generator/index.js';
import { type OutputFormat, writeJobOutputs } from '../output/index.js';
import { ArchiveThread } from './archive-thread.js';

/** Everything a worker needs to produce one job's files. */
export interface GenerationTask {
  jobId: string;
  scenario: Scenario;
  seed: string;
  count: number;
  formats: OutputFormat[];
  /** The job's directory; the ZIP is written next to it as `<dir>.zip`. */
  dir: string;
  compress: boolean;
  password?: string;
}

export interface GenerationResult {
  summary: Record<string, unknown>;
  files: { name: string; bytes: number }[];
  generated: number;
}

/**
 * Generates the patients once and writes every requested format and their ZIP.
 * Runs inside a worker thread so a large job never blocks the HTTP event loop.
 */
export async function runGenerationTask(
  task: GenerationTask,
  onProgress: (generated: number) => void,
  signal?: AbortSignal,
): Promise<GenerationResult> {
  // Patient data, even synthetic, is for the job's owner only: no other local user may read it.
  await mkdir(task.dir, { recursive: true, mode: 0o700 });
  const summary = new SummaryAccumulator();
  let generated = 0;
  function* counted(): Generator<Patient> {
    for (const patient of generatePatients(task.scenario, { seed: task.seed, count: task.count })) {
      summary.add(patient);
      generated++;
      yield patient;
    }
  }
  const files = await writeJobOutputs({
    patients: counted(),
    formats: task.formats,
    dir: task.dir,
    compress: task.compress,
    password: task.password,
    seed: task.seed,
    // Lets results and patient-detail read patients back; skipped for an encrypted job.
    index: true,
    archive: new ArchiveThread(`${task.dir}.zip`),
    signal,
    onProgress,
  });
  return {
    summary: { ...summary.summary() },
    files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
    generated,
  };
}
