#!/usr/bin/env node
// Decrypts one .enc file from a generation job, with nothing but Node.js (18 or later) installed.
//
//   MILMED_PASSWORD='the job password' node decrypt.mjs patients.json.enc            # writes patients.json
//   MILMED_PASSWORD='the job password' node decrypt.mjs patients.csv.gz.enc out.csv.gz
//
// The password comes from MILMED_PASSWORD or standard input, never from the command line (`ps` shows
// arguments to other users). Exit codes: 0 done, 1 wrong password or damaged file, 2 bad usage.
//
// File format (docs/generator.md, "Encrypted file format"): AES-256-GCM with a scrypt-derived key.
//   0  "MMPE" | 4 version 1 | 5 KDF 1 = scrypt | 6 log2(N) | 7 r | 8 p | 9 salt (16) | 25 IV (12)
//   37 ciphertext … | last 16 bytes: GCM tag. The 37-byte header is the additional authenticated data.
import { createDecipheriv, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const HEADER = 37;
const TAG = 16;

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function decrypt(data, password) {
  if (data.length < HEADER + TAG || data.subarray(0, 4).toString('latin1') !== 'MMPE') {
    fail(1, 'Not an encrypted patient file');
  }
  const [version, kdf, log2N, r, p] = data.subarray(4, 9);
  if (version !== 1 || kdf !== 1) fail(1, 'Unsupported encrypted file version');
  // Bounds stop a damaged header from asking for gigabytes of memory.
  if (log2N < 10 || log2N > 20 || r < 1 || r > 16 || p < 1 || p > 4)
    fail(1, 'Wrong password or corrupted file');
  const N = 2 ** log2N;
  const key = scryptSync(password.normalize('NFC'), data.subarray(9, 25), 32, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 1024 * 1024,
  });
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(25, HEADER));
  decipher.setAAD(data.subarray(0, HEADER));
  decipher.setAuthTag(data.subarray(data.length - TAG));
  try {
    return Buffer.concat([decipher.update(data.subarray(HEADER, data.length - TAG)), decipher.final()]);
  } catch {
    fail(1, 'Wrong password or corrupted file');
  }
}

const [input, output = input?.replace(/\.enc$/, '')] = process.argv.slice(2);
if (!input) fail(2, 'Usage: MILMED_PASSWORD=… node decrypt.mjs <file.enc> [output]');
if (output === input) fail(2, 'Name the output file: the input does not end in .enc');
const password =
  process.env.MILMED_PASSWORD ?? (process.stdin.isTTY ? '' : readFileSync(0, 'utf8').replace(/\r?\n$/, ''));
if (!password) fail(2, 'No password: set MILMED_PASSWORD or pipe it on standard input');
writeFileSync(output, decrypt(readFileSync(input), password));
process.stdout.write(`${output}\n`);
