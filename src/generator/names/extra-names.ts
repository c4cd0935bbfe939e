/** The hand-written name lists, one record keyed by nation (see each file for its sources). */
import { EXTRA_NAMES_A } from './extra-names-a.js';
import { EXTRA_NAMES_B } from './extra-names-b.js';
import { EXTRA_NAMES_C } from './extra-names-c.js';
import type { NameLists } from './name-lists.js';

export const EXTRA_NAMES: Readonly<Record<string, Partial<NameLists>>> = {
  ...EXTRA_NAMES_A,
  ...EXTRA_NAMES_B,
  ...EXTRA_NAMES_C,
};
