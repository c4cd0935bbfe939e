import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/http/byte-range.js';

const part = (start: number, end: number) => ({ kind: 'part', start, end });

describe('reading a Range header against a file of 1000 bytes', () => {
  it('takes first-last, first- and -suffix, cut at the end of the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual(part(0, 99));
    expect(parseRange('bytes=900-', 1000)).toEqual(part(900, 999));
    expect(parseRange('bytes=-100', 1000)).toEqual(part(900, 999));
    expect(parseRange('bytes=990-5000', 1000)).toEqual(part(990, 999));
    expect(parseRange('bytes=-5000', 1000)).toEqual(part(0, 999));
    expect(parseRange(' BYTES = 5-5 ', 1000)).toEqual(part(5, 5));
  });

  it('serves the first satisfiable of several ranges', () => {
    expect(parseRange('bytes=10-19,30-39', 1000)).toEqual(part(10, 19));
    expect(parseRange('bytes=2000-,30-39', 1000)).toEqual(part(30, 39));
  });

  it('calls a range past the end, or an empty suffix, unsatisfiable', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=1000-2000,5000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(`bytes=${'9'.repeat(30)}-`, 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores a header it cannot read, another unit, or one sent with If-Range: the whole file', () => {
    for (const header of [
      undefined,
      'items=0-9',
      'bytes=9-1',
      'bytes=-',
      'bytes=a-b',
      'bytes=0-9,x',
      'bytes=',
    ]) {
      expect(parseRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
    }
    expect(parseRange('bytes=0-9', 1000, true)).toEqual({ kind: 'whole' });
  });
});
