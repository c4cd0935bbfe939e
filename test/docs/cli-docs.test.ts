import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * A doc must not name a CLI command or flag the CLI does not have. The built CLI
 * is asked for its `--help`, and every invocation written in README.md and
 * docs/*.md is checked against it. test/global-setup.ts builds dist/ once when
 * it is wired into vitest.config.ts; until then (or when dist/ is older than
 * src/cli) this file builds it itself.
 */

const CLI = 'dist/cli/main.js';
const run = promisify(execFile);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when the CLI is missing or older than its source; tsc emits despite type errors elsewhere. */
function ensureBuiltCli(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestMtime('src/cli')) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'ignore' });
  if (!existsSync(CLI)) throw new Error(`building did not produce ${CLI}`);
}

function docFiles(): string[] {
  const docs = readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs].filter((f) => existsSync(f));
}

interface Invocation {
  doc: string;
  line: number;
  command: string;
  flags: string[];
}

/**
 * Finds `milmed-keys <cmd>`, `npx milmed-keys <cmd>`, `npm run keys -- <cmd>`, `keys <cmd>` and
 * `node dist/cli/main.js <cmd>`
 * inside code (fenced blocks and inline code spans), with the `--flags` that follow on the same
 * command line. `<cmd>` may be a flag itself (`milmed-keys --help`), which is then a top-level flag.
 */
function findInvocations(doc: string, text: string): Invocation[] {
  const found: Invocation[] = [];
  const lines = text.split('\n');
  let inFence = false;
  const code: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      // Join shell continuations so flags on the next line count.
      let joined = line;
      while (joined.endsWith('\\') && i + 1 < lines.length) joined = `${joined.slice(0, -1)} ${lines[++i]}`;
      code.push({ line: i + 1, text: joined });
    } else {
      for (const m of line.matchAll(/`([^`]+)`/g)) code.push({ line: i + 1, text: m[1] ?? '' });
    }
  }
  // Anchored at the start of a command (after `$ `, env assignments, `&&` or `;`), so prose and
  // program output that happen to contain the word "keys" are not taken for invocations.
  const invocation =
    /^\s*(?:\$\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:npx\s+)?(?:milmed-keys|npm run(?:\s+-s)? keys\s+--|keys|node dist\/cli\/main\.js)\s+(-{0,2}[a-z][a-z-]*)(.*)$/;
  for (const { line, text: snippet } of code) {
    for (const segment of snippet.split(/&&|\|\||;/)) {
      const m = invocation.exec(segment);
      if (!m) continue;
      const command = m[1] ?? '';
      const rest = (m[2] ?? '').split(/\s#/)[0] ?? '';
      const flags = [...rest.matchAll(/(?<![\w-])(--?[a-zA-Z][a-zA-Z-]*)/g)].map((f) => f[1] ?? '');
      if (command.startsWith('-')) found.push({ doc, line, command: '', flags: [command, ...flags] });
      else found.push({ doc, line, command, flags });
    }
  }
  return found;
}

/** The commands and, per command, the flags the real CLI's `--help` lists. */
async function readCli(): Promise<Map<string, Set<string>>> {
  const helpOf = async (args: string[]) => (await run(process.execPath, [CLI, ...args, '--help'])).stdout;
  const flagsIn = (help: string) =>
    new Set([...help.matchAll(/(?<![\w-])(--?[a-zA-Z][a-zA-Z-]*)/g)].map((m) => m[1] ?? ''));
  const top = await helpOf([]);
  const commandSection = top.split(/^Commands:$/m)[1] ?? '';
  const commands = [...commandSection.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1] ?? '');
  const cli = new Map<string, Set<string>>([['', flagsIn(top.split(/^Commands:$/m)[0] ?? '')]]);
  await Promise.all(
    commands.map(async (command) => {
      cli.set(command, command === 'help' ? new Set(['-h', '--help']) : flagsIn(await helpOf([command])));
    }),
  );
  return cli;
}

function problemsWith(invocations: Invocation[], cli: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const { doc, line, command, flags } of invocations) {
    const known = cli.get(command);
    if (!known) {
      problems.push(`${doc}:${line}: command '${command}' does not exist in the CLI`);
      continue;
    }
    for (const flag of flags) {
      if (!known.has(flag))
        problems.push(`${doc}:${line}: command '${command || '(top level)'}' has no flag '${flag}'`);
    }
  }
  return problems;
}

describe('CLI commands and flags named in the docs', () => {
  let cli: Map<string, Set<string>>;
  beforeAll(async () => {
    ensureBuiltCli();
    cli = await readCli();
  }, 300_000);

  it('reads the real CLI: its commands and their flags', () => {
    for (const command of ['create', 'list', 'show', 'rotate', 'limits', 'cleanup', 'import'])
      expect(cli.has(command), `CLI command ${command}`).toBe(true);
    expect(cli.get('create')?.has('--patient-limit')).toBe(true);
  });

  it('flags a doc that names a command or a flag the CLI does not have', () => {
    const text = [
      '```bash',
      'npm run keys -- create --name "x" --patient-limt 10',
      'milmed-keys revoke 1234',
      '```',
      'Run `keys list --all` then `keys cleanup --force`.',
    ].join('\n');
    const problems = problemsWith(findInvocations('docs/EXAMPLE.md', text), cli);
    expect(problems).toEqual([
      "docs/EXAMPLE.md:2: command 'create' has no flag '--patient-limt'",
      "docs/EXAMPLE.md:3: command 'revoke' does not exist in the CLI",
      "docs/EXAMPLE.md:5: command 'cleanup' has no flag '--force'",
    ]);
  });

  it('finds the invocations in the key management guide (the scanner is not blind)', () => {
    const text = readFileSync('docs/API_KEY_MANAGEMENT.md', 'utf8');
    const commands = new Set(findInvocations('docs/API_KEY_MANAGEMENT.md', text).map((i) => i.command));
    for (const command of cli.keys()) {
      if (command === '' || command === 'help') continue;
      expect(commands.has(command), `docs/API_KEY_MANAGEMENT.md shows no example of '${command}'`).toBe(true);
    }
  });

  it('names only commands and flags the CLI has, in README.md and docs/*.md', () => {
    const invocations = docFiles().flatMap((doc) => findInvocations(doc, readFileSync(doc, 'utf8')));
    expect(invocations.length).toBeGreaterThan(10);
    const problems = problemsWith(invocations, cli);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
