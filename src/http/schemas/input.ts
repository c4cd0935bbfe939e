import { Type } from 'typebox';
import { MAX_NAME_LENGTH } from '../../generator/index.js';

/**
 * Input rules shared by every route, so one value is judged the same way wherever it is sent:
 * seeds, pagination and names. (NUL, unpaired surrogates, prototype names and deep nesting are
 * refused for every route by the input-guard plugin.)
 */

/** Longest seed, as text. */
export const SEED_MAX_LENGTH = 128;

/**
 * Printable ASCII, no leading or trailing space: a seed is echoed in the `X-Seed` header, and a
 * header can carry neither CR, LF, NUL nor non-Latin-1 text, and loses outer spaces.
 */
const SEED_PATTERN = '^[!-~](?:[ -~]*[!-~])?$';

/** A seed as text: the streaming query string, and the text form of the generation body's `seed`. */
export const SeedText = Type.String({
  minLength: 1,
  maxLength: SEED_MAX_LENGTH,
  pattern: SEED_PATTERN,
  description: `1-${SEED_MAX_LENGTH} printable ASCII characters, no leading or trailing space`,
});

/** A seed in a JSON body: text as above, or a safe integer (kept as its decimal text). */
export const Seed = Type.Union(
  [SeedText, Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER })],
  {
    description: 'Same configuration and seed give byte-identical patients; omitted = random, reported back',
  },
);

/** Highest `skip` of a listing: far beyond any real listing, far inside PostgreSQL's bigint. */
export const MAX_SKIP = 1_000_000;

/** `?skip=`: rows to skip, 0 to MAX_SKIP. */
export const Skip = Type.Integer({ minimum: 0, maximum: MAX_SKIP, default: 0 });

/** Highest page number of a paged result (`?page=`). */
export const MAX_PAGE = 1_000_000;

/** A name that may end up in a file name or a `Content-Disposition` header. */
export const Name = Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH });

/** Readable messages for the patterns above, in place of Ajv's `must match pattern "…"`. */
export const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [SEED_PATTERN]: `must be 1-${SEED_MAX_LENGTH} printable ASCII characters, with no leading or trailing space`,
};
