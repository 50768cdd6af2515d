/**
 * Contracts of the output layer. Commands build plain rows (numbers stay numbers)
 * and hand them to one reporter; the reporter alone knows about terminals, colour and formats.
 */

export const FORMATS = ['table', 'json', 'jsonl', 'csv', 'tsv'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | boolean | null | undefined | Cell[] | { [k: string]: Cell };
export type Row = Record<string, Cell>;

export interface Column {
  /** Field name in the row (snake_case, documented per command). */
  key: string;
  /** Header shown in tables; defaults to `key`. Machine formats always use `key`. */
  header?: string;
  /** Table alignment; numbers default to right. */
  align?: 'left' | 'right';
  /**
   * Table-only rendering of a cell (e.g. thousands separators, 3 decimals). Machine formats print raw values.
   * Not called for null/undefined (shown blank); the result still goes through forDisplay.
   */
  display?: (value: Cell, row: Row) => string;
  /** Table-only colouring role. */
  role?: 'term' | 'count' | 'dim' | 'match';
}

/** What a reporter needs to know about where it writes. */
export interface OutputContext {
  format: Format;
  /** Colour allowed: stdout is a terminal, no NO_COLOR, no --no-color. */
  color: boolean;
  /** Terminal width for tables (undefined on a pipe). */
  columns?: number;
}
