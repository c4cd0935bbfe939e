import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WOMEN_IN_FORCES_PERCENT } from '../../src/generator/sex-ratio.js';

/**
 * docs/casualty-model.md names a published source for each nation's share of women in its forces and
 * prints the value the generator uses. The printed values must be the code's, or a source named beside
 * one figure would be vouching for another.
 */

const doc = readFileSync('docs/casualty-model.md', 'utf8').split('\n');

/** Cells of a markdown table row, without the outer pipes. */
const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** The nation-by-nation value tables: a header row of ISO codes, a separator, then a row of numbers. */
function valueTables(): Map<string, number> {
  const values = new Map<string, number>();
  doc.forEach((line, i) => {
    const head = cells(line);
    if (head.length < 10 || !head.every((c) => /^[A-Z]{3}$/.test(c))) return;
    const row = cells(doc[i + 2] ?? '');
    for (const [k, nation] of head.entries()) values.set(nation, Number(row[k]));
  });
  return values;
}

/** The "used" column of the confirmed table, for rows that name one nation. */
function confirmedRows(): Map<string, number> {
  const used = new Map<string, number>();
  for (const line of doc) {
    const [nation, value] = cells(line);
    if (line.startsWith('|') && /^[A-Z]{3}$/.test(nation ?? '') && /^[\d.]+$/.test(value ?? ''))
      used.set(nation!, Number(value));
  }
  return used;
}

describe('the share of women printed in docs/casualty-model.md', () => {
  it('lists every nation the generator knows, with the value it uses', () => {
    const printed = valueTables();
    expect(Object.fromEntries(printed)).toEqual(WOMEN_IN_FORCES_PERCENT);
  });

  it('gives each confirmed nation the value the generator uses', () => {
    const used = confirmedRows();
    expect(used.size).toBeGreaterThan(20);
    for (const [nation, value] of used)
      expect([nation, value]).toEqual([nation, WOMEN_IN_FORCES_PERCENT[nation]]);
  });
});
