/**
 * File encryption: AES-256-GCM with a scrypt-derived key. Layout (all integers unsigned, big-endian):
 *
 *   offset 0  4 bytes  magic "MMPE"
 *          4  1 byte   format version (1)
 *          5  1 byte   KDF id (1 = scrypt)
 *          6  1 byte   log2(N)  (17 → N = 131072)
 *          7  1 byte   r        (8)
 *          8  1 byte   p        (1)
 *          9 16 bytes  salt (random per file)
 *         25 12 bytes  IV (random per file)
 *         37  …        ciphertext
 *    end-16  16 bytes  GCM tag
 *
 * The 37-byte header is authenticated as AAD, so tampering with the KDF parameters fails the tag check.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';

const MAGIC = Buffer.from('MMPE', 'ascii');
const VERSION = 1;
const KDF_SCRYPT = 1;
export const HEADER_BYTES = 37;
const TAG_BYTES = 16;
/** OWASP scrypt baseline: N=2^17, r=8, p=1 (128 MiB). */
const DEFAULT_PARAMS = { log2N: 17, r: 8, p: 1 };

export class DecryptionError extends Error {
  constructor(message = 'Wrong password or corrupted file') {
    super(message);
    this.name = 'DecryptionError';
  }
}

function deriveKey(password: string, salt: Buffer, log2N: number, r: number, p: number): Buffer {
  const N = 2 ** log2N;
  return scryptSync(password.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/**
 * A key derived from the password once, for every file of one job: one salt and one scrypt run (two thirds
 * of a second of CPU at the OWASP baseline), where a run per file cost that for each of a job's five
 * formats. Each file still gets its own random IV, and its header carries the shared salt, so every file
 * decrypts on its own as before. One key for a handful of files is far inside AES-GCM's bound for random
 * IVs (2^32 messages per key, NIST SP 800-38D); and the files share a password, so a salt apiece protected
 * nothing the shared one does not.
 */
export interface EncryptionKey {
  readonly salt: Buffer;
  readonly key: Buffer;
  readonly params: typeof DEFAULT_PARAMS;
}

export function deriveEncryptionKey(password: string, params = DEFAULT_PARAMS): EncryptionKey {
  const salt = randomBytes(16);
  return { salt, key: deriveKey(password, salt, params.log2N, params.r, params.p), params };
}

/**
 * Streaming encryptor: emits header, ciphertext, then the tag. Given a password, it derives a key of its
 * own; given a job's key (deriveEncryptionKey), it only draws the file's IV.
 */
export function createEncryptStream(secret: string | EncryptionKey, params = DEFAULT_PARAMS): Transform {
  const {
    salt,
    key,
    params: used,
  } = typeof secret === 'string' ? deriveEncryptionKey(secret, params) : secret;
  const iv = randomBytes(12);
  const header = Buffer.concat([
    MAGIC,
    Buffer.from([VERSION, KDF_SCRYPT, used.log2N, used.r, used.p]),
    salt,
    iv,
  ]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!started) {
        this.push(header);
        started = true;
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(header);
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

interface Header {
  header: Buffer;
  key: Buffer;
  iv: Buffer;
}

function parseHeader(header: Buffer, password: string): Header {
  if (header.length < HEADER_BYTES || !header.subarray(0, 4).equals(MAGIC))
    throw new DecryptionError('Not an encrypted patient file');
  const [version, kdf, log2N, r, p] = [header[4], header[5], header[6], header[7], header[8]];
  if (
    version !== VERSION ||
    kdf !== KDF_SCRYPT ||
    log2N === undefined ||
    r === undefined ||
    p === undefined
  ) {
    throw new DecryptionError('Unsupported encrypted file version');
  }
  // Bounds stop a crafted header from demanding gigabytes of scrypt memory.
  if (log2N < 10 || log2N > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw new DecryptionError();
  const salt = header.subarray(9, 25);
  return {
    header: header.subarray(0, HEADER_BYTES),
    key: deriveKey(password, salt, log2N, r, p),
    iv: header.subarray(25, 37),
  };
}

/** Decrypts a whole buffer. Throws DecryptionError('Wrong password or corrupted file') on a bad tag. */
export function decryptBuffer(data: Buffer, password: string): Buffer {
  if (data.length < HEADER_BYTES + TAG_BYTES) throw new DecryptionError();
  const { header, key, iv } = parseHeader(data.subarray(0, HEADER_BYTES), password);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(header);
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(data.subarray(HEADER_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new DecryptionError();
  }
}

/** Streams a file through decryption; the partial output is removed when authentication fails. */
export async function decryptFile(inPath: string, outPath: string, password: string): Promise<void> {
  const fh = await open(inPath, 'r');
  try {
    const { size } = await fh.stat();
    if (size < HEADER_BYTES + TAG_BYTES) throw new DecryptionError();
    const head = Buffer.alloc(HEADER_BYTES);
    await fh.read(head, 0, HEADER_BYTES, 0);
    const tag = Buffer.alloc(TAG_BYTES);
    await fh.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    const { header, key, iv } = parseHeader(head, password);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    const out = createWriteStream(outPath);
    const write = (buf: Buffer): Promise<void> =>
      new Promise((resolve, reject) =>
        out.write(buf) ? resolve() : out.once('drain', resolve).once('error', reject),
      );
    try {
      const chunk = Buffer.alloc(64 * 1024);
      for (let pos = HEADER_BYTES; pos < size - TAG_BYTES; ) {
        const len = Math.min(chunk.length, size - TAG_BYTES - pos);
        const { bytesRead } = await fh.read(chunk, 0, len, pos);
        await write(decipher.update(chunk.subarray(0, bytesRead)));
        pos += bytesRead;
      }
      let final: Buffer;
      try {
        final = decipher.final();
      } catch {
        throw new DecryptionError();
      }
      await write(final);
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
    } catch (err) {
      out.destroy();
      await rm(outPath, { force: true });
      throw err;
    }
  } finally {
    await fh.close();
  }
}
