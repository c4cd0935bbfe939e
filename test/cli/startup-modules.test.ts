import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The admin CLI starts in a fraction of a second because it loads only what a command needs: a
 * module graph that drags in the config schema (TypeBox's full build, about 1,400 files), the HTTP
 * server, the S3 client or pg-boss doubles its start-up. This records every module `--help` resolves.
 */
describe('the admin CLI at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milmed-cli-modules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function modulesLoadedBy(args: string[]): string[] {
    const hook = join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('MODULE ' + r.url + '\\n'); return r; }\n",
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`,
    );
    const run = spawnSync(process.execPath, ['--import', register, 'dist/cli/main.js', ...args], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stderr
      .split('\n')
      .filter((line) => line.startsWith('MODULE '))
      .map((line) => line.slice('MODULE '.length));
  }

  it('answers --help without loading the config schema, the HTTP server, the S3 client or pg-boss', () => {
    const modules = modulesLoadedBy(['--help']);
    expect(modules.some((url) => url.includes('/dist/cli/main.js'))).toBe(true);
    const heavy = modules.filter((url) =>
      /node_modules\/(typebox|env-schema|fastify|@aws-sdk|pg-boss)\//.test(url),
    );
    expect(heavy).toEqual([]);
  });
});
