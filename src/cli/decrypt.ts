#!/usr/bin/env node
import { Command } from '@commander-js/extra-typings';
// Straight from crypto.ts: the output barrel would also load the writers (exceljs) this tool never uses.
import { DecryptionError, decryptFile } from '../output/crypto.js';

/**
 * `milmed-decrypt <file.enc>`: reads back an encrypted job output (AES-256-GCM,
 * scrypt; layout in docs/generator.md). The password comes from an environment
 * variable or standard input, never from the command line where `ps` shows it.
 */
const program = new Command()
  .name('milmed-decrypt')
  .description('Decrypt a .enc file from a generation job')
  .argument('<file>', 'the encrypted file, e.g. patients.json.enc')
  .option('-o, --out <path>', 'where to write the plaintext (default: the file name without .enc)')
  .option('--password-env <name>', 'read the password from this environment variable', 'MILMED_PASSWORD')
  .action(async (file, options) => {
    const password = process.env[options.passwordEnv] ?? (await readStdin());
    if (!password) {
      process.stderr.write(`No password: set ${options.passwordEnv} or pipe it on standard input\n`);
      process.exit(2);
    }
    const out = options.out ?? file.replace(/\.enc$/, '');
    if (out === file) {
      process.stderr.write('Give --out: the input does not end in .enc\n');
      process.exit(2);
    }
    try {
      await decryptFile(file, out, password);
      process.stdout.write(`${out}\n`);
    } catch (error) {
      const message = error instanceof DecryptionError ? error.message : (error as Error).message;
      process.stderr.write(`${message}\n`);
      process.exit(1);
    }
  });

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

await program.parseAsync();
