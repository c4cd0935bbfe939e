import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../helpers/database.js';
import { until } from '../helpers/until.js';
import {
  cliJson,
  createStore,
  type RunningServer,
  runCli,
  runCliInProcess,
  type Store,
  startServer,
} from './helpers.js';

interface Created {
  id: string;
  key: string;
  key_prefix: string;
  name: string;
  limits: Record<string, number | null>;
  expires_at: string | null;
}

/**
 * The whole key lifecycle through the CLI while the built server runs on the same database. One
 * file per back end, so the two run in parallel. Most commands run the CLI's program in this
 * process (`runCliInProcess`: the same parsing, services and output, no Node start per command);
 * the steps that depend on the binary itself run `dist/cli/main.js` as a child: the first create
 * (JSON), the table-mode create (the key printed once) and the delete refused for want of a
 * terminal on stdin.
 */
export function lifecycleSuite(backend: Backend): void {
  describe.skipIf(backend === 'postgres' && !process.env.TEST_DATABASE_URL)(
    `cli against ${backend}, with the server running`,
    // Every step spawns processes; a busy machine (CI runs suites in parallel) needs room.
    { timeout: 90_000 },
    () => {
      let store: Store;
      let server: RunningServer;
      let env: Record<string, string>;
      /** Every full key this suite saw; none may ever appear in list output. */
      const fullKeys: string[] = [];
      const cli = runCliInProcess;

      const create = async (...args: string[]) => {
        const created = await cliJson<Created>(['create', ...args], env, cli);
        fullKeys.push(created.key);
        return created;
      };

      beforeAll(async () => {
        store = await createStore(backend);
        env = store.env;
        server = await startServer(env);
      }, 90_000);

      afterAll(async () => {
        await server?.stop();
        await store?.close();
      });

      it('creates a key that works on the running server at once', async () => {
        const created = await cliJson<Created>(
          ['create', '--name', 'Exercise Lead', '--email', 'lead@example.org', '--daily-limit', '500'],
          env,
        );
        fullKeys.push(created.key);
        expect(created.key).toMatch(/^milmed_live_[0-9A-Za-z]{38}$/);
        expect(created.key.startsWith(created.key_prefix)).toBe(true);
        expect(created.limits).toEqual({
          patients_per_request: 1000,
          requests_per_day: 500,
          requests_per_minute: 60,
          requests_per_hour: 1000,
        });
        const me = await server.me(created.key);
        expect(me.status).toBe(200);
        expect(me.body.name).toBe('Exercise Lead');
      });

      it('prints the key once with a warning in table mode, and show never prints it', async () => {
        const result = await runCli(['create', '--name', 'Table Mode', '--patient-limit', 'unlimited'], env);
        expect(result.code).toBe(0);
        const key = /API key: (milmed_live_\S+)/.exec(result.stdout)?.[1];
        expect(key).toBeDefined();
        fullKeys.push(key!);
        expect(result.stdout).toMatch(/cannot be displayed again/);
        expect(result.stdout).toContain('unlimited');
        const show = await cli(['show', key!.slice(0, 18)], env);
        expect(show.code).toBe(0);
        expect(show.stdout).toContain(key!.slice(0, 18));
        expect(show.stdout).not.toContain(key);
        expect(await server.statusWith(key!)).toBe(200);
      });

      it('deactivate gives 401 and activate lets the key in again', async () => {
        const { id, key } = await create('--name', 'Toggle');
        expect((await cli(['deactivate', id], env)).code).toBe(0);
        const refused = await server.me(key);
        expect(refused.status).toBe(401);
        expect((await cli(['activate', id], env)).code).toBe(0);
        expect(await server.statusWith(key)).toBe(200);
      });

      it('changes limits that the server then enforces', async () => {
        const { id, key } = await create('--name', 'Limited');
        const updated = await cliJson<Created>(
          ['limits', id, '--patient-limit', '7', '--daily-limit', 'unlimited'],
          env,
          cli,
        );
        expect(updated.limits.patients_per_request).toBe(7);
        expect(updated.limits.requests_per_day).toBeNull();
        const me = await server.me(key);
        expect(me.status).toBe(200);
        expect((me.body.limits as Record<string, unknown>).patients_per_request).toBe(7);
      });

      it('rejects bad values with exit 2 and a clear message, changing nothing', async () => {
        const { id } = await create('--name', 'Untouched', '--daily-limit', '10');
        const before = await cliJson<Record<string, unknown>>(['show', id], env, cli);
        const listBefore = await cliJson<unknown[]>(['list', '--all'], env, cli);
        const cases: [string[], RegExp][] = [
          [['limits', id, '--daily-limit', '-3'], /--daily-limit.*'-3' is invalid/],
          [['limits', id, '--patient-limit', '0'], /between 1 and/],
          [['limits', id, '--rate-minute', 'fast'], /whole number/],
          [['limits', id], /No limit given/],
          [['create', '--name', 'Bad', '--expires', 'abc'], /--expires.*'abc' is invalid/],
          [['create', '--name', 'Bad', '--scopes', 'root'], /Unknown scope root/],
          [['create', '--name', 'Bad', '--email', 'not-an-email'], /not an e-mail/],
          [['create', '--name', '   '], /must not be empty/],
          [['create'], /required option '--name/],
          [['extend', id, '--days', '1.5'], /whole number/],
          [['rotate', id, '--grace', '-1'], /--grace.*'-1' is invalid/],
          [['usage', id, '--days', '0'], /between 1 and/],
          [['list', '--format', 'xml'], /table, csv or json/],
          [['show', 'ab'], /at least 4 characters/],
          [['settings', '--self-service-registration', 'closed'], /open, approval, off or default/],
          [['frobnicate'], /unknown command/],
        ];
        // All of these are refused while parsing, before the database is opened, so they can run at once.
        const results = await Promise.all(cases.map(([args]) => cli(args, env)));
        for (const [i, [args, message]] of cases.entries()) {
          const result = results[i]!;
          expect(result.code, args.join(' ')).toBe(2);
          expect(result.stderr, args.join(' ')).toMatch(message);
          expect(result.stdout, args.join(' ')).toBe('');
        }
        expect(await cliJson(['show', id], env, cli)).toEqual(before);
        expect(await cliJson<unknown[]>(['list', '--all'], env, cli)).toHaveLength(listBefore.length);
      });

      it('rotates with a grace period: old and new keys both work', async () => {
        const old = await create('--name', 'Rotating', '--patient-limit', '42', '--scopes', 'generate,admin');
        const rotated = await cliJson<Created & { replaces: { id: string; expires_at: string } }>(
          ['rotate', old.key_prefix, '--grace', '60'],
          env,
          cli,
        );
        fullKeys.push(rotated.key);
        expect(rotated.key).not.toBe(old.key);
        expect(rotated.name).toBe('Rotating');
        expect(rotated.limits.patients_per_request).toBe(42);
        expect(rotated.replaces.id).toBe(old.id);
        const graceMinutes = (Date.parse(rotated.replaces.expires_at) - Date.now()) / 60_000;
        expect(graceMinutes).toBeGreaterThan(58);
        expect(graceMinutes).toBeLessThanOrEqual(60);
        expect(await server.statusWith(old.key)).toBe(200);
        expect(await server.statusWith(rotated.key)).toBe(200);
      });

      it('rotates with no grace: the old key is refused at once, and cleanup removes it', async () => {
        const old = await create('--name', 'Rotate Now');
        const result = await cli(['rotate', old.id], env);
        expect(result.code).toBe(0);
        const newKey = /New API key: (milmed_live_\S+)/.exec(result.stdout)?.[1];
        expect(newKey).toBeDefined();
        fullKeys.push(newKey!);
        expect(result.stdout).toMatch(/cannot be displayed again/);
        const refused = await server.me(old.key);
        expect(refused.status).toBe(401);
        expect(await server.statusWith(newKey!)).toBe(200);

        const dry = await cliJson<{ dry_run: boolean; count: number; keys: { id: string }[] }>(
          ['cleanup', '--dry-run'],
          env,
          cli,
        );
        expect(dry.dry_run).toBe(true);
        expect(dry.keys.map((k) => k.id)).toContain(old.id);
        expect((await cli(['show', old.id], env)).code).toBe(0);

        const done = await cliJson<{ count: number; keys: { id: string }[] }>(['cleanup'], env, cli);
        expect(done.count).toBe(dry.count);
        expect(done.keys.map((k) => k.id)).toContain(old.id);
        const gone = await cli(['show', old.id], env);
        expect(gone.code).toBe(1);
        expect(gone.stderr.trim()).toBe(`API key not found: ${old.id}`);
        expect(await server.statusWith(newKey!)).toBe(200);
        const again = await cliJson<{ count: number }>(['cleanup', '--dry-run'], env, cli);
        expect(again.count).toBe(0);
      });

      it('extends from the current expiry, or from now when that is later', async () => {
        const { id, expires_at } = await create('--name', 'Expiring', '--expires', '1');
        const extended = await cliJson<{ expires_at: string; previous_expires_at: string }>(
          ['extend', id, '--days', '10'],
          env,
          cli,
        );
        expect(extended.previous_expires_at).toBe(expires_at);
        expect(Date.parse(extended.expires_at) - Date.parse(expires_at!)).toBe(10 * 86_400_000);
        const never = await create('--name', 'Never Expiring');
        const fromNow = await cliJson<{ expires_at: string }>(['extend', never.id, '--days', '2'], env, cli);
        expect(Math.abs(Date.parse(fromNow.expires_at) - (Date.now() + 2 * 86_400_000))).toBeLessThan(60_000);
      });

      it('reports usage per day and stats as JSON', async () => {
        const { id, key } = await create('--name', 'Busy');
        for (let i = 0; i < 3; i++) expect(await server.statusWith(key)).toBe(200);
        // The server writes usage in batches about once a second.
        type Usage = {
          days: number;
          totals: { requests: number };
          per_day: { day: string; requests: number }[];
        };
        let usage: Usage | undefined;
        await until(async () => {
          usage = await cliJson<Usage>(['usage', id, '--days', '3'], env, cli);
          return usage.totals.requests >= 3;
        });
        expect(usage!.days).toBe(3);
        expect(usage!.per_day).toHaveLength(3);
        expect(usage!.per_day.at(-1)).toMatchObject({
          day: new Date().toISOString().slice(0, 10),
          requests: 3,
        });
        const show = await cliJson<{ total_requests: number; requests_today: number }>(
          ['show', id],
          env,
          cli,
        );
        expect(show.total_requests).toBe(3);
        expect(show.requests_today).toBe(3);

        const stats = await cliJson<{
          period_days: number;
          keys: { total: number; active: number; demo: number; expired: number };
          requests: number;
          rate_limited: { minute: number; hour: number; day: number };
        }>(['stats', '--days', '7'], env, cli);
        expect(stats.period_days).toBe(7);
        expect(stats.keys.total).toBeGreaterThanOrEqual(fullKeys.length - 1);
        expect(stats.keys.active).toBeLessThanOrEqual(stats.keys.total);
        expect(stats.requests).toBeGreaterThanOrEqual(3);
        expect(stats.rate_limited).toEqual({
          minute: expect.any(Number),
          hour: expect.any(Number),
          day: expect.any(Number),
        });
        const table = await cli(['stats'], env);
        expect(table.code).toBe(0);
        expect(table.stdout).toMatch(/Expired/);
        expect(table.stdout).toMatch(/Rate limited \(429\)/);
      });

      it('switches self-service registration, and the running server follows at the next registration', async () => {
        type Settings = {
          self_service_registration: { mode: string; source: string; updated_by: string | null };
          pending_keys: number;
        };
        const register = async () => {
          const res = await fetch(`${server.baseUrl}/api/v1/keys/register`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: 'Walk-in', email: 'walk-in@example.org', accept_terms: true }),
          });
          const body = (await res.json()) as { status?: string; key?: string };
          if (body.key) fullKeys.push(body.key);
          return { status: res.status, mode: body.status };
        };
        const shown = await cliJson<Settings>(['settings'], env, cli);
        expect(shown.self_service_registration).toMatchObject({ mode: 'open', source: 'environment' });

        const closed = await cliJson<Settings>(['settings', '--self-service-registration', 'off'], env, cli);
        expect(closed.self_service_registration).toMatchObject({ mode: 'off', updated_by: 'cli' });
        expect((await register()).status).toBe(404);

        await cliJson(['settings', '--self-service-registration', 'approval'], env, cli);
        expect(await register()).toEqual({ status: 201, mode: 'pending' });
        expect((await cliJson<Settings>(['settings'], env, cli)).pending_keys).toBe(1);

        const reset = await cliJson<Settings>(
          ['settings', '--self-service-registration', 'default'],
          env,
          cli,
        );
        expect(reset.self_service_registration).toMatchObject({ mode: 'open', source: 'environment' });
        expect(await register()).toEqual({ status: 201, mode: 'active' });
      });

      it('refuses to delete without a terminal or --yes, then deletes with --yes', async () => {
        const { id, key } = await create('--name', 'Doomed');
        const refused = await runCli(['delete', id], env);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/pass --yes/);
        expect(await server.statusWith(key)).toBe(200);

        const deleted = await cli(['delete', id, '--yes'], env);
        expect(deleted.code).toBe(0);
        expect(await server.statusWith(key)).toBe(401);
        const show = await cli(['show', id], env);
        expect(show.code).toBe(1);
        expect(show.stderr.trim()).toBe(`API key not found: ${id}`);
        expect(show.stdout).toBe('');
      });

      it('names an ambiguous prefix instead of picking a key', async () => {
        const result = await cli(['show', 'milmed_live_'], env);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Ambiguous key reference 'milmed_live_'/);
      });

      it('never shows a full key in list output, in any format', async () => {
        expect(fullKeys.length).toBeGreaterThanOrEqual(10);
        const outputs = await Promise.all([
          cli(['list', '--all', '--json'], env),
          cli(['list', '--all'], env),
          cli(['list', '--all', '--format', 'csv'], env),
        ]);
        const listed = JSON.parse(outputs[0]!.stdout) as { key_prefix: string }[];
        expect(listed.length).toBeGreaterThan(5);
        for (const output of outputs) {
          expect(output.code).toBe(0);
          for (const key of fullKeys) expect(output.stdout).not.toContain(key);
        }
        expect(outputs[2]!.stdout.split('\n')[0]).toMatch(/^id,key_prefix,name,/);
      });
    },
  );
}
