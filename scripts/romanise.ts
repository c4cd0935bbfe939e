/** Romanisation of Macedonian Cyrillic (official 2008 table) and Greek (ELOT 743, simplified). */

const MACEDONIAN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ѓ: 'gj',
  е: 'e',
  ж: 'zh',
  з: 'z',
  ѕ: 'dz',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ќ: 'kj',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  џ: 'dzh',
  ш: 'sh',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function romaniseMacedonian(name: string): string {
  return capitalise([...name.toLowerCase()].map((c) => MACEDONIAN[c] ?? c).join(''));
}

const GREEK_PAIRS: [string, string][] = [
  ['ου', 'ou'],
  ['αι', 'ai'],
  ['ει', 'ei'],
  ['οι', 'oi'],
  ['αυ', 'av'],
  ['ευ', 'ev'],
  ['ντ', 'nt'],
  ['μπ', 'mp'],
  ['γγ', 'ng'],
  ['γκ', 'gk'],
  ['γχ', 'nch'],
  ['θ', 'th'],
  ['χ', 'ch'],
  ['ψ', 'ps'],
];
const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  ω: 'o',
};

export function romaniseGreek(name: string): string {
  let text = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [from, to] of GREEK_PAIRS) text = text.replaceAll(from, to);
  let out = capitalise([...text].map((c) => GREEK[c] ?? c).join(''));
  // ELOT 743 writes initial μπ as b (Bakas, not Mpakas).
  if (out.startsWith('Mp')) out = `B${out.slice(2)}`;
  return out;
}
