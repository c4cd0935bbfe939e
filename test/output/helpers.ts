/** Test helpers for output files: a tiny XML well-formedness check and a ZIP directory reader. */
import { readFileSync } from 'node:fs';

/** Checks tag balance, a single root and legal entity use; enough to catch a non-well-formed stream. */
export function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>|&(?!(amp|lt|gt|quot|apos);)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].startsWith('&')) throw new Error(`bare ampersand at ${m.index}`);
    const [, close, name, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}> at ${m.index}`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name ?? '');
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.pop()}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
  if (/<[^>]*</.test(body)) throw new Error('stray < inside a tag');
}

/** File names from a ZIP's central directory. */
export function zipEntryNames(path: string): string[] {
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(offset + 28);
    const extraLen = buf.readUInt16LE(offset + 30);
    const commentLen = buf.readUInt16LE(offset + 32);
    names.push(buf.subarray(offset + 46, offset + 46 + nameLen).toString('utf8'));
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
