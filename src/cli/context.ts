import { pino } from 'pino';
import type { ApiKey } from '../keys/index.js';
import { displayPrefix, hasValidChecksum, hashKey } from '../keys/key-format.js';
import type { Services } from '../services.js';
import { CliError } from './errors.js';
import { cliHost } from './host.js';

/**
 * Builds the same services as the server (role `cli`), runs `fn`, and always
 * closes them, so the embedded store's lock is released before exit. With the
 * server running on the same DATA_DIR, the database layer connects through
 * the server's socket instead of opening the files.
 */
export async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  // Loaded on demand: `--help` and rejected arguments then answer without loading config or the database stack.
  const { ConfigError, loadConfig } = await import('../config/index.js');
  const host = cliHost();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(host.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  // Logs go to stderr at `warn`, so stdout carries only results; nothing here logs a key.
  const logger = pino(
    { level: 'warn', base: { cmd: 'milmed-keys' } },
    { write: (line) => host.stderr(line) },
  );
  const { buildServices } = await import('../services.js');
  let services: Services;
  try {
    services = await buildServices(config, logger, { role: 'cli' });
  } catch (error) {
    throw new CliError(`Cannot open the database: ${(error as Error).message}`);
  }
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/**
 * The one key `ref` names: a full id, a prefix of the id or of the display
 * prefix, or (pasted by mistake) the full key, which is looked up by hash and
 * never echoed back.
 * @throws CliError `API key not found: <ref>`, or when the prefix matches several keys.
 */
export async function resolveKey(services: Services, ref: string): Promise<ApiKey> {
  if (hasValidChecksum(ref)) {
    const key = await services.keyRepository.getByHash(hashKey(ref));
    if (key) return key;
    throw new CliError(`API key not found: ${displayPrefix(ref)}…`);
  }
  const matches = await services.keyRepository.findByReference(ref);
  if (matches.length === 0) throw new CliError(`API key not found: ${ref}`);
  if (matches.length > 1) {
    throw new CliError(
      `Ambiguous key reference '${ref}': it matches more than one key; give more of the id or prefix`,
    );
  }
  return matches[0]!;
}
