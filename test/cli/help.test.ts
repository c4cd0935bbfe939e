import { describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from './helpers.js';

/** Each command and the options its --help must list. */
const COMMANDS: Record<string, string[]> = {
  create: [
    '--name',
    '--email',
    '--demo',
    '--patient-limit',
    '--daily-limit',
    '--rate-minute',
    '--rate-hour',
    '--expires',
    '--scopes',
    '--notes',
    '--json',
  ],
  list: ['--all', '--search', '--format', '--json'],
  show: ['<ref>', '--json'],
  deactivate: ['<ref>', '--json'],
  activate: ['<ref>', '--json'],
  delete: ['<ref>', '--yes', '--json'],
  rotate: ['<ref>', '--grace', '--json'],
  limits: ['<ref>', '--patient-limit', '--daily-limit', '--rate-minute', '--rate-hour', '--json'],
  extend: ['<ref>', '--days', '--json'],
  usage: ['<ref>', '--days', '--json'],
  stats: ['--days', '--json'],
  cleanup: ['--dry-run', '--json'],
  import: ['--from', '--dry-run', '--json'],
  settings: ['--self-service-registration', '--json'],
};

describe('cli help (no database)', () => {
  it('lists every command at the top level', async () => {
    const result = await runCli(['--help'], {});
    expect(result.code).toBe(0);
    for (const command of Object.keys(COMMANDS))
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  // The program in this process: the binary's own --help and exit codes are the two tests around this one.
  it.each(Object.entries(COMMANDS))('%s --help lists its options and exits 0', async (command, options) => {
    const result = await runCliInProcess([command, '--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: milmed-keys ${command}`);
    for (const option of [...options, '--help']) expect(result.stdout).toContain(option);
    expect(result.stderr).toBe('');
  });

  it('treats a missing command as bad usage (exit 2)', async () => {
    const result = await runCli([], {});
    expect(result.code).toBe(2);
  });
});
