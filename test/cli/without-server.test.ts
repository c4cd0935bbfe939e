import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, createStore, runCli, type Store } from './helpers.js';

/** With no server, the CLI opens the embedded store itself and must release it on exit. */
// Each command opens the store from disk (a few seconds each), so the test needs more than the default timeout.
describe('cli against embedded, without a server', { timeout: 120_000 }, () => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore('embedded');
  });
  afterAll(() => store.close());

  it('creates, lists, shows and deletes, releasing the store lock after each command', async () => {
    const created = await cliJson<{ id: string; key: string; key_prefix: string }>(
      ['create', '--name', 'Offline'],
      store.env,
    );
    const lock = join(store.env.DATA_DIR!, 'pglite.lock');
    expect(existsSync(lock)).toBe(false);

    const listed = await cliJson<{ id: string }[]>(['list'], store.env);
    expect(listed.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.key);

    expect((await runCli(['delete', created.id, '--yes'], store.env)).code).toBe(0);
    const gone = await runCli(['show', created.id], store.env);
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim()).toBe(`API key not found: ${created.id}`);
    expect(existsSync(lock)).toBe(false);
  });
});
