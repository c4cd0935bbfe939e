/** ZIP of job outputs, files at the archive root (the download route's format). */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { OutputFile } from './types.js';

export async function zipFiles(files: readonly OutputFile[], zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const f of files)
    zip.addFile(f.path, f.name, { compress: !f.name.endsWith('.gz') && !f.name.endsWith('.enc') });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath, { mode: 0o600 })); // owner only, like the files
}
