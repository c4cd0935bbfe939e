/** Space-separated name lists of one nation (kept as strings so the source files stay small). */
export interface NameLists {
  /** Men's given names. */
  readonly m: string;
  /** Women's given names. */
  readonly f: string;
  /** Surnames in their masculine (or only) form; feminine-surname.ts derives the feminine forms. */
  readonly s: string;
}
