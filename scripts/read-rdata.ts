/**
 * Reads the data frames of an R data file (`.rda`, format RDX2/RDX3, XDR binary) for the extraction
 * scripts, so a table published only inside an R data package can be filtered without R. Covers what data
 * packages hold: pairlists, character, integer, double and logical vectors, lists, attributes, references
 * and compact integer sequences. Anything else throws, naming the R type. The file must already be
 * decompressed (`xz -dc` or `gzip -dc`).
 */
import { readFileSync } from 'node:fs';

/** A decoded R value: atomic vectors become arrays (NA as null), lists arrays of RValue, attributes alongside. */
export interface RValue {
  readonly type: number;
  readonly data: unknown;
  readonly attributes: Map<string, RValue>;
}

const NILVALUE = 254;
const REF = 255;
const ALTREP = 238;
/** R's special singletons (global, base and empty environments, missing argument…), decoded as nothing. */
const SINGLETONS = new Set([NILVALUE, 253, 252, 251, 247, 242, 241]);
const INT_NA = -2147483648;

class Reader {
  private offset = 0;
  private readonly refs: RValue[] = [];
  constructor(private readonly buf: Buffer) {}

  int(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  private length(): number {
    const n = this.int();
    return n === -1 ? this.int() * 2 ** 32 + this.int() : n;
  }

  private string(): string | null {
    const n = this.int();
    if (n === -1) return null;
    const s = this.buf.toString('utf8', this.offset, this.offset + n);
    this.offset += n;
    return s;
  }

  item(): RValue {
    const flags = this.int();
    const type = flags & 0xff;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    const none: RValue = { type, data: null, attributes: new Map() };
    if (SINGLETONS.has(type)) return none;
    if (type === REF) {
      const index = flags >> 8 || this.int();
      return this.refs[index - 1]!;
    }
    if (type === 1) {
      // A symbol: its name, remembered for later references.
      const sym: RValue = { type, data: this.item().data, attributes: new Map() };
      this.refs.push(sym);
      return sym;
    }
    if (type === 2 || type === 6 || type === 239 || type === 240) return this.pairlist(type, hasAttr, hasTag);
    if (type === 9) return { type, data: this.string(), attributes: new Map() };
    if (type === ALTREP) return this.altrep();
    let data: unknown;
    if (type === 10 || type === 13) {
      data = Array.from({ length: this.length() }, () => {
        const v = this.int();
        return v === INT_NA ? null : v;
      });
    } else if (type === 14) {
      data = Array.from({ length: this.length() }, () => {
        const v = this.buf.readDoubleBE(this.offset);
        this.offset += 8;
        return Number.isNaN(v) ? null : v;
      });
    } else if (type === 16) {
      data = Array.from({ length: this.length() }, () => this.item().data);
    } else if (type === 19 || type === 20) {
      data = Array.from({ length: this.length() }, () => this.item());
    } else {
      throw new Error(`R type ${type} is not supported`);
    }
    return { type, data, attributes: hasAttr ? this.attributes(this.item()) : new Map() };
  }

  /** A pairlist as [tag, value] entries (attributes, the saved objects of an .rda). */
  private pairlist(type: number, hasAttr: boolean, hasTag: boolean): RValue {
    const attributes = hasAttr ? this.attributes(this.item()) : new Map<string, RValue>();
    const tag = hasTag ? String(this.item().data) : '';
    const head: [string, RValue] = [tag, this.item()];
    const rest = this.item();
    const tail = rest.type === 2 ? (rest.data as [string, RValue][]) : [];
    return { type, data: [head, ...tail], attributes };
  }

  private attributes(list: RValue): Map<string, RValue> {
    return new Map(list.type === 2 ? (list.data as [string, RValue][]) : []);
  }

  /** Compact sequences (R ≥ 3.5) written as their description; other ALTREP classes are not supported. */
  private altrep(): RValue {
    const info = this.item().data as [string, RValue][];
    const state = this.item();
    const attributes = this.attributes(this.item());
    const kind = String(info[0]?.[1].data);
    if (kind === 'compact_intseq' || kind === 'compact_realseq') {
      const [n, start, step] = state.data as number[];
      return { type: 13, data: Array.from({ length: n! }, (_, i) => start! + i * step!), attributes };
    }
    if (kind === 'wrap_integer' || kind === 'wrap_real' || kind === 'wrap_string') {
      return { ...(state.data as [string, RValue][])[0]![1], attributes };
    }
    throw new Error(`R ALTREP class ${kind} is not supported`);
  }

  header(): void {
    const magic = this.buf.toString('latin1', 0, 7);
    if (magic !== 'RDX2\nX\n' && magic !== 'RDX3\nX\n') throw new Error('not an uncompressed XDR .rda file');
    this.offset = 7;
    const version = this.int();
    this.int();
    this.int();
    if (version === 3) this.string();
  }
}

/** The objects saved in an .rda file, by name. */
export function readRData(path: string): Map<string, RValue> {
  const reader = new Reader(readFileSync(path));
  reader.header();
  const top = reader.item();
  return new Map(top.data as [string, RValue][]);
}

/**
 * The columns of a saved data frame, by name; factor columns are turned into their labels.
 * Throws when the object is missing or is not a list of columns.
 */
export function dataFrameColumns(objects: Map<string, RValue>, name: string): Map<string, unknown[]> {
  const frame = objects.get(name);
  if (frame?.type !== 19) throw new Error(`no data frame ${name}`);
  const names = frame.attributes.get('names')?.data as string[];
  const columns = frame.data as RValue[];
  return new Map(
    names.map((n, i) => {
      const column = columns[i]!;
      const levels = column.attributes.get('levels')?.data as string[] | undefined;
      const values = column.data as unknown[];
      return [n, levels ? values.map((v) => (v === null ? null : levels[(v as number) - 1])) : values];
    }),
  );
}
