import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients } from '../../src/generator/index.js';
import { writeJobOutputs } from '../../src/output/index.js';

// The built command users run (`milmed-decrypt`); test/global-setup.ts builds dist/ once.
const CLI = ['dist/cli/decrypt.js'];

describe('the decrypt command', () => {
  it('reads an encrypted job output back, and refuses a wrong password with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'decrypt-'));
    const patients = generatePatients({ ...DEFAULT_SCENARIO, total_patients: 3 }, { seed: 'd', count: 3 });
    const [file] = await writeJobOutputs({
      patients,
      formats: ['json'],
      dir,
      compress: false,
      password: 'correct horse',
    });
    expect(file?.name).toBe('patients.json.enc');

    const ok = spawnSync(process.execPath, [...CLI, file!.path], {
      env: { ...process.env, MILMED_PASSWORD: 'correct horse' },
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'patients.json'), 'utf8'))).toHaveLength(3);

    const wrong = spawnSync(process.execPath, [...CLI, file!.path, '--out', join(dir, 'x.json')], {
      env: { ...process.env, MILMED_PASSWORD: 'battery staple' },
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.toString()).toContain('Wrong password or corrupted file');
  });
});
