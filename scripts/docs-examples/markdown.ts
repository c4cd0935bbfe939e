/**
 * Finds the examples marked in a Markdown page. A marker is an HTML comment on its own line,
 * `<!-- docs-example: NAME option=value … -->`, followed by the request and its response as fenced
 * blocks: a `bash` block holding one `curl` command, then the response block (`json` or `http`).
 * With a `path=` option the request is in the marker and only the response block follows:
 * `method=` (default GET, POST with a body), `body=` (JSON without spaces), `auth=demo|admin|wrong|none`.
 * Other options: `client=` (examples with the same label share a client address, and so the demo
 * key's jobs and counters), `keep=` (the JSON paths shown, `a,b.c,d[].e`; the rest becomes `…`),
 * `items=` (array items shown where `keep` selects inside an array), `warmup=` (send the request
 * that many times first, e.g. to show a 429).
 * Nothing else in the page is read or rewritten.
 */

export interface FencedBlock {
  /** Line index of the opening fence. */
  open: number;
  /** Line index of the closing fence. */
  close: number;
  lang: string;
  /** The fence's indentation, stripped from the body and put back when it is rewritten. */
  indent: string;
  body: string;
}

export interface MarkedExample {
  name: string;
  options: Record<string, string>;
  /** Line of the marker (1-based), for messages. */
  line: number;
  request?: FencedBlock;
  response: FencedBlock;
}

const MARKER = /^\s*<!-- docs-example: (\S+)((?:\s+[\w-]+=\S+)*)\s*-->\s*$/;
const FENCE = /^(\s*)```(\w*)\s*$/;

function blockAt(lines: string[], from: number, until: number): FencedBlock | undefined {
  for (let i = from; i < until; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.trim() === '```') {
        const body = lines
          .slice(i + 1, j)
          .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
          .join('\n');
        return { open: i, close: j, lang: open[2]!, indent, body };
      }
    }
    throw new Error(`unclosed code fence at line ${i + 1}`);
  }
  return undefined;
}

/** Every marked example of the page, in page order. Throws on a marker without its blocks. */
export function findExamples(text: string): MarkedExample[] {
  const lines = text.split('\n');
  const markers: number[] = [];
  lines.forEach((line, i) => {
    if (MARKER.test(line)) markers.push(i);
  });
  return markers.map((at, k) => {
    const m = MARKER.exec(lines[at]!)!;
    const options: Record<string, string> = {};
    for (const pair of m[2]!.trim().split(/\s+/).filter(Boolean)) {
      const eq = pair.indexOf('=');
      options[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const until = markers[k + 1] ?? lines.length;
    const where = `docs-example ${m[1]} (line ${at + 1})`;
    let request: FencedBlock | undefined;
    let from = at + 1;
    if (!options.path) {
      request = blockAt(lines, from, until);
      if (request?.lang !== 'bash') throw new Error(`${where}: no bash block with the request`);
      from = request.close + 1;
    }
    const response = blockAt(lines, from, until);
    if (!response) throw new Error(`${where}: no response block`);
    return { name: m[1]!, options, line: at + 1, request, response };
  });
}

/** The page with each example's response block replaced by `bodies` (by example index). */
export function replaceResponses(text: string, examples: MarkedExample[], bodies: string[]): string {
  const lines = text.split('\n');
  // From the end, so earlier line numbers stay valid.
  for (let k = examples.length - 1; k >= 0; k--) {
    const block = examples[k]!.response;
    const indented = bodies[k]!.split('\n').map((l) => (l === '' ? '' : block.indent + l));
    lines.splice(block.open + 1, block.close - block.open - 1, ...indented);
  }
  return lines.join('\n');
}
