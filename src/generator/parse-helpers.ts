/** Small validators that collect field errors instead of throwing. */
import type { FieldError } from './types.js';

export type Loc = (string | number)[];

/**
 * Longest name (scenario, front, facility): a name reaches file names, CSV cells and the ZIP's
 * `Content-Disposition`, so it must stay short.
 */
export const MAX_NAME_LENGTH = 200;

/** `table[key]` for the table's own keys only, so `toString` or `constructor` never match. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export class ErrorSink {
  readonly errors: FieldError[] = [];

  add(loc: Loc, msg: string, type: string): undefined {
    this.errors.push({ loc, msg, type });
    return undefined;
  }

  /** A finite number, or an error for anything else (numeric strings included). */
  number(value: unknown, loc: Loc): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.add(loc, 'Input should be a valid number', 'float_type');
  }

  rate(value: unknown, loc: Loc): number | undefined {
    const n = this.number(value, loc);
    if (n === undefined) return undefined;
    if (n < 0 || n > 1) return this.add(loc, 'Rate must be between 0 and 1', 'value_error.rate_range');
    return n;
  }

  int(value: unknown, loc: Loc, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return this.add(loc, 'Input should be a valid integer', 'int_type');
    }
    if (value < min)
      return this.add(loc, `Input should be greater than or equal to ${min}`, 'greater_than_equal');
    if (value > max) return this.add(loc, `Input should be less than or equal to ${max}`, 'less_than_equal');
    return value;
  }

  /** A string of at most `maxLength` characters. */
  string(value: unknown, loc: Loc, maxLength = MAX_NAME_LENGTH): string | undefined {
    if (typeof value !== 'string') return this.add(loc, 'Input should be a valid string', 'string_type');
    if (value.length > maxLength) {
      return this.add(loc, `String should have at most ${maxLength} characters`, 'string_too_long');
    }
    return value;
  }

  enumValue<T extends string>(value: unknown, loc: Loc, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.add(loc, `Input should be one of: ${allowed.join(', ')}`, 'enum');
  }

  /** `{name: bool}` maps; returns the names set to true. */
  flags(value: unknown, loc: Loc): string[] | undefined {
    if (!isRecord(value)) return this.add(loc, 'Input should be an object of booleans', 'dict_type');
    const on: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'boolean') this.add([...loc, k], 'Input should be a valid boolean', 'bool_type');
      else if (v) on.push(k);
    }
    return on;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Accepts weights given as fractions (sum ≈ 1) or percentages (sum ≈ 100) and returns fractions.
 * Tolerance is 0.02 (or 2 points): enough for rounded UI sliders, tight enough to catch typos.
 */
export function normaliseProportions(values: number[], sink: ErrorSink, loc: Loc): number[] | undefined {
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) <= 0.02) return values.map((v) => v / sum);
  if (Math.abs(sum - 100) <= 2) return values.map((v) => v / sum);
  return sink.add(loc, `Proportions must sum to 1 (or 100 as percentages); got ${sum}`, 'value_error.sum');
}

/** The range of `base_date`: timestamps stay four-digit years, with room for 366 days of fighting. */
export const BASE_DATE_RANGE = { min: '1900-01-01', max: '2200-12-31' } as const;

export function isValidIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
