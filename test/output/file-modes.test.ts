import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/generator/index.js';
import { runGenerationTask } from '../../src/jobs/generation-task.js';
import { jobDirectory } from '../../src/jobs/index.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('job output permissions', () => {
  let dataDir: string;
  let previousUmask: number;
  beforeAll(() => {
    // The usual umask, under which files would otherwise come out 0644 and directories 0755.
    previousUmask = process.umask(0o022);
    dataDir = mkdtempSync(join(tmpdir(), 'milmed-modes-'));
  });
  afterAll(() => {
    process.umask(previousUmask);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the job directory 0700 and every file in it, and the ZIP, 0600', async () => {
    const parsed = parseScenario({ name: 'modes', total_patients: 3 });
    if (!parsed.ok) throw new Error('scenario did not parse');
    const dir = jobDirectory(dataDir, '6f1b3c1e-8d0a-4c59-9a57-3f3f0d6c2a11');
    await runGenerationTask(
      {
        jobId: 'modes',
        scenario: parsed.scenario,
        seed: 'modes',
        count: 3,
        formats: ['json', 'csv', 'xlsx'],
        dir,
        compress: true,
        password: undefined,
      },
      () => {},
    );
    expect(modeOf(join(dataDir, 'jobs')).toString(8)).toBe('700');
    expect(modeOf(dir).toString(8)).toBe('700');
    const files = readdirSync(dir);
    // The three outputs, plus the patient index and the plain copy the results routes read.
    expect(files.sort()).toEqual([
      'patients.csv.gz',
      'patients.idx',
      'patients.json.gz',
      'patients.xlsx.gz',
      'records.json',
    ]);
    for (const file of files) expect(modeOf(join(dir, file)).toString(8), file).toBe('600');
    expect(modeOf(`${dir}.zip`).toString(8)).toBe('600');
  });
});
