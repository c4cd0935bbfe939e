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
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

export function escapeXml(text: string): string {
  // Characters not allowed in XML 1.0 are dropped rather than escaped.
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(INVALID_XML_CHARS, '');
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
