/**
 * patients.xml: one well-formed document, `<patients>` root with one `<patient>` per record. Arrays
 * become a container element of `<item>` children; keys are valid XML names already (snake_case).
 */
import type { Patient } from '../generator/index.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are stripped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text every XML 1.0 parser accepts: the characters XML forbids (C0 controls other than tab, LF and
 * CR; U+FFFE, U+FFFF) are dropped, and a lone surrogate, which has no UTF-8 form, becomes U+FFFD.
 * Client strings (front names) reach patients.xml and the XLSX sheet, whose XML would break otherwise.
 */
export function xmlSafeText(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}

export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element('item', v)).join('')}</${name}>`;
  if (typeof value === 'object') {
    let inner = '';
    for (const [k, v] of Object.entries(value)) inner += element(k, v);
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export const xmlFormat = {
  head: (): string => '<?xml version="1.0" encoding="UTF-8"?>\n<patients>\n',
  row: (p: Patient): string => `${element('patient', p)}\n`,
  tail: (): string => '</patients>\n',
};
