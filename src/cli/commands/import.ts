import type { Command } from '@commander-js/extra-typings';
import { clampKeyLimits, type LimitField } from '../../keys/bounds.js';
import { displayPrefix, hashKey } from '../../keys/key-format.js';
import type { Services } from '../../services.js';
import { withServices } from '../context.js';
import { CliError } from '../errors.js';
import { colour, out, printJson, printTable, success } from '../output.js';
import { parsePostgresUrl } from '../parse.js';

/** One row of the earlier Python service's `api_keys` table (plaintext `key`). */
interface LegacyRow {
  id: string;
  key: string;
  name: string;
  email: string | null;
  is_active: boolean;
  is_demo: boolean;
  max_patients_per_request: number;
  max_requests_per_day: number | null;
  max_requests_per_minute: number;
  max_requests_per_hour: number;
  total_requests: number;
  total_patients_generated: number;
  last_used_at: Date | null;
  created_at: Date;
  expires_at: Date | null;
  key_metadata: Record<string, unknown> | null;
}

type Outcome = 'imported' | 'would import' | 'already present' | 'public demo key';

const SELECT = `SELECT id::text AS id, key, name, email, is_active, is_demo, max_patients_per_request,
  max_requests_per_day, max_requests_per_minute, max_requests_per_hour, total_requests, total_patients_generated,
  last_used_at, created_at, expires_at, key_metadata FROM api_keys ORDER BY created_at, id`;

/**
 * `import`: copies the earlier service's keys, storing only hashes and keeping
 * names, limits, counters, activity and expiry. Idempotent: a key whose hash
 * is already stored is skipped. The published demo keys are never imported.
 * No key is ever printed.
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      "Import API keys from the earlier Python service's PostgreSQL api_keys table (stores hashes only)",
    )
    .requiredOption(
      '--from <url>',
      'PostgreSQL URL of the earlier database, postgres://user:pass@host/db',
      parsePostgresUrl,
    )
    .option('--dry-run', 'report what would be imported, write nothing')
    .option('--json', 'print JSON instead of a table')
    .action(async (options) => {
      const rows = await readLegacyKeys(options.from);
      await withServices(async (services) => {
        const results: {
          id: string | null;
          key_prefix: string;
          name: string;
          result: Outcome;
          clamped_limits?: LimitField[];
        }[] = [];
        for (const row of rows) {
          const prefix = displayPrefix(row.key);
          const { id, outcome, clamped } = await importRow(services, row, Boolean(options.dryRun));
          results.push({
            id,
            key_prefix: prefix,
            name: row.name,
            result: outcome,
            ...(clamped.length > 0 && { clamped_limits: clamped }),
          });
        }
        const count = (o: Outcome) => results.filter((r) => r.result === o).length;
        const summary = {
          source: redact(options.from),
          dry_run: Boolean(options.dryRun),
          found: rows.length,
          imported: count('imported'),
          would_import: count('would import'),
          skipped_existing: count('already present'),
          skipped_public_demo: count('public demo key'),
        };
        if (options.json) {
          printJson({ ...summary, keys: results });
          return;
        }
        if (results.length > 0)
          printTable(
            ['Name', 'Prefix', 'Result'],
            results.map((r) => [
              r.name,
              r.key_prefix,
              r.clamped_limits ? `${r.result} (clamped: ${r.clamped_limits.join(', ')})` : r.result,
            ]),
          );
        const line = options.dryRun
          ? `Would import ${summary.would_import} of ${rows.length} key(s)`
          : `Imported ${summary.imported} of ${rows.length} key(s)`;
        success(
          `${line}; ${summary.skipped_existing} already present, ${summary.skipped_public_demo} public demo key(s) skipped`,
        );
        if (!options.dryRun && summary.imported > 0) {
          out(
            colour.dim(
              'Only hashes were stored. Drop the plaintext api_keys table of the earlier service once you are done.',
            ),
          );
        }
      });
    });
}

async function readLegacyKeys(url: string): Promise<LegacyRow[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query<LegacyRow>(SELECT);
    return result.rows;
  } catch (error) {
    throw new CliError(`Cannot read api_keys from ${redact(url)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function importRow(
  services: Services,
  row: LegacyRow,
  dryRun: boolean,
): Promise<{ id: string | null; outcome: Outcome; clamped: LimitField[] }> {
  // The earlier public demo keys were published; they must not become credentials here.
  if (row.key.startsWith('DEMO_MILMED_') || row.key_metadata?.public_demo === true)
    return { id: null, outcome: 'public demo key', clamped: [] };
  const keyHash = hashKey(row.key);
  const existing = await services.keyRepository.getByHash(keyHash);
  if (existing) return { id: existing.id, outcome: 'already present', clamped: [] };
  // The earlier service allowed any integer; a limit this service cannot enforce is brought
  // to the nearest bound, and the report says which ones moved.
  const { limits, clamped } = clampKeyLimits({
    patientLimit: row.max_patients_per_request,
    dailyLimit: row.max_requests_per_day,
    rateLimitPerMinute: row.max_requests_per_minute,
    rateLimitPerHour: row.max_requests_per_hour,
  });
  if (dryRun) return { id: null, outcome: 'would import', clamped };
  const record = await services.keyRepository.create({
    keyHash,
    keyPrefix: displayPrefix(row.key),
    name: row.name,
    email: row.email,
    isDemo: row.is_demo,
    isActive: row.is_active,
    ...limits,
    totalRequests: Number(row.total_requests),
    totalPatientsGenerated: Number(row.total_patients_generated),
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    scopes: ['generate'],
    metadata: {
      ...(row.key_metadata ?? {}),
      imported_from: 'python-api-keys',
      legacy_id: row.id,
      ...(clamped.length > 0 && { clamped_limits: clamped }),
    },
  });
  return { id: record.id, outcome: 'imported', clamped };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}
