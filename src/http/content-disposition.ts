/**
 * `Content-Disposition: attachment` for a file name in any language (RFC 6266 with RFC 8187's
 * `filename*`). Browsers that read `filename*` get the name exactly, in UTF-8; older clients read the
 * plain `filename`, which holds only safe ASCII.
 */
export function attachmentDisposition(fileName: string, asciiName = asciiFallback(fileName)): string {
  const name = withoutControlCharacters(fileName);
  return `attachment; filename="${asciiFallback(asciiName)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

// C0 controls, DEL and C1 controls: never part of a header, and meaningless in a file name.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

// With the u flag a surrogate pair is one code point, so this matches only a lone half, which
// encodeURIComponent would refuse.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '');
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Ø: 'O',
  ø: 'o',
  Œ: 'OE',
  œ: 'oe',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Þ: 'Th',
  þ: 'th',
};

/**
 * The name in printable ASCII for the quoted `filename`: accents dropped (`Ü` → `U`), a few letters
 * spelled out (`ß` → `ss`), and everything else that is not a letter, digit, space, `.`, `-`, `_`,
 * `(` or `)` removed, so quotes, slashes and backslashes cannot break the header or name a path.
 */
export function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, (c) => TRANSLITERATIONS[c] ?? '')
    .replace(/[^A-Za-z0-9 ._()-]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** RFC 8187 `value-chars`: every byte outside `attr-char` percent-encoded, UTF-8. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
