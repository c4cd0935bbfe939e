/**
 * Reads the `curl` command of a docs example into a request. Only what the docs use is understood:
 * `-X`, `-H`, `-d`/`--data`, `-s`, `-i`, `-o FILE` and `$VAR`/`${VAR}` in the arguments; anything else
 * is an error, so an example the replay cannot send is noticed rather than skipped.
 */

export interface DocRequest {
  method: string;
  /** Path and query, without scheme and host. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Splits a shell command line into words: single and double quotes, backslash-newline joins. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const text = command.replace(/\\\n/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${command}`);
      word += text.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        word += text[j];
      }
      if (j >= text.length) throw new Error(`unclosed " in: ${command}`);
      i = j;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The request of the single `curl` command in `script`, variables replaced from `vars`. */
export function parseCurl(script: string, vars: Record<string, string>): DocRequest {
  const commands = script
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => /^\s*curl\s/.test(l));
  if (commands.length !== 1) throw new Error(`expected one curl command, found ${commands.length}`);
  const expand = (word: string) =>
    word.replace(/\$\{?(\w+)\}?/g, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`unknown variable $${name}`);
      return value;
    });
  const words = shellWords(commands[0]!).slice(1).map(expand);
  const request: DocRequest = { method: '', path: '', headers: {} };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-s' || w === '-i') continue;
    if (w === '-o') i++;
    else if (w === '-X') request.method = words[++i]!;
    else if (w === '-H') {
      const header = words[++i]!;
      const colon = header.indexOf(':');
      request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (w === '-d' || w === '--data') request.body = words[++i]!;
    else if (/^https?:\/\//.test(w)) request.path = new URL(w).pathname + new URL(w).search;
    else throw new Error(`curl option not understood by the docs replay: ${w}`);
  }
  if (!request.path) throw new Error('curl command without a URL');
  request.method ||= request.body === undefined ? 'GET' : 'POST';
  return request;
}
