import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEncryptStream } from '../../src/output/crypto.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'docs', 'examples');
const PASSWORD = 'Übungspasswort 2026';

/** Python with the `cryptography` package, which decrypt.py needs; skipped (and said so) without it. */
function pythonHasCryptography(): boolean {
  try {
    execFileSync('python3', ['-c', 'import cryptography'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const SCRIPTS = [
  { name: 'decrypt.mjs', command: process.execPath, available: true },
  { name: 'decrypt.py', command: 'python3', available: pythonHasCryptography() },
];

describe('the standalone decrypt examples read files encrypted by the service', () => {
  let dir: string;
  let encrypted: string;
  const plain = Buffer.from(JSON.stringify([{ id: 0, name: 'Jan Kowalski', notes: 'ü€ 🚑' }]).repeat(200));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'milmed-decrypt-examples-'));
    encrypted = join(dir, 'patients.json.enc');
    // The service's own encryptor, with its default scrypt work factor.
    writeFileSync(encrypted, await buffer(Readable.from([plain]).pipe(createEncryptStream(PASSWORD))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const script of SCRIPTS) {
    describe.skipIf(!script.available)(script.name, () => {
      const run = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
        spawnSync(script.command, [join(EXAMPLES, script.name), ...args], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', ...options.env },
          input: options.input ?? '',
          encoding: 'utf8',
        });

      it('decrypts with the password from MILMED_PASSWORD next to the input, without .enc', () => {
        rmSync(join(dir, 'patients.json'), { force: true });
        const res = run(['patients.json.enc'], { env: { MILMED_PASSWORD: PASSWORD } });
        expect(res.status, res.stderr).toBe(0);
        expect(res.stdout.trim()).toBe('patients.json');
        expect(readFileSync(join(dir, 'patients.json')).equals(plain)).toBe(true);
      });

      it('takes the password from standard input and writes to the named output', () => {
        const res = run(['patients.json.enc', 'out.json'], { input: `${PASSWORD}\n` });
        expect(res.status, res.stderr).toBe(0);
        expect(readFileSync(join(dir, 'out.json')).equals(plain)).toBe(true);
      });

      it('exits 1 on a wrong password and writes nothing', () => {
        const res = run(['patients.json.enc', 'wrong.json'], {
          env: { MILMED_PASSWORD: 'not the password' },
        });
        expect(res.status).toBe(1);
        expect(res.stderr.trim()).toBe('Wrong password or corrupted file');
        expect(() => readFileSync(join(dir, 'wrong.json'))).toThrow();
      });

      it('exits 2 without a password', () => {
        const res = run(['patients.json.enc', 'none.json']);
        expect(res.status).toBe(2);
      });
    });
  }
});
