/**
 * Human tables (the `table` format). Everything here is for eyes, never for parsing:
 * numbers get thousands separators, text loses its diacritics (see display.ts), long text
 * is cut to the terminal width.
 *
 * Style: no box, columns two spaces apart and a rule under the header, like `ps` or
 * `docker ps`. Borders add nothing with one line per row, and box characters next to
 * right-to-left text get reordered by terminals that apply bidi.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { displayWidth, forDisplay, truncateDisplay } from './display.js';
import type { Cell, Column, Row } from './types.js';

export interface TableStyle {
  /** Colours (a level-0 chalk for none). */
  chalk: ChalkInstance;
  /** Terminal width; long text columns are truncated to fit. Undefined: never truncate. */
  columns?: number;
}

/** Space between columns. */
const GAP = 2;
/** Text columns are not cut below this (or below their header). */
const MIN_TEXT_WIDTH = 8;

const CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', right: '', 'right-mid': '',
  mid: '─', 'mid-mid': '─'.repeat(GAP), middle: ' '.repeat(GAP),
};
// cli-table3 colours headers and borders itself (via @colors/colors, which guesses from the
// environment); switch that off so colour follows our decision only.
const STYLE = { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 };

// Fixed locale: output must not depend on the user's LANG (and stay in Latin digits).
// Made on first use: building an Intl formatter costs about 20 ms, which every run paid at start,
// `corpus --version` and the machine formats included.
let NUMBER: Intl.NumberFormat | null = null;

/** 1234567.89123 → "1,234,567.891". */
export function formatNumber(n: number): string {
  NUMBER ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  return NUMBER.format(n);
}

/** Default table text of a value (before forDisplay). */
function defaultDisplay(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(defaultDisplay).join(', ');
  return JSON.stringify(value);
}

/** What a table shows for one cell: Column.display or the default, made terminal-safe. */
export function displayCell(column: Column, row: Row): string {
  const value = row[column.key];
  // A missing value is blank whatever the column's display would make of it.
  if (value === null || value === undefined) return '';
  return forDisplay(column.display ? column.display(value, row) : defaultDisplay(value));
}

function paint(chalk: ChalkInstance, role: Column['role'], text: string): string {
  if (text === '') return text;
  switch (role) {
    case 'term':
      return chalk.green(text);
    case 'count':
      return chalk.yellow(text);
    case 'dim':
      return chalk.dim(text);
    case 'match':
      return chalk.bold.red(text);
    default:
      return text;
  }
}

/**
 * Widths for text columns so the table fits `budget`: the widest columns are cut first,
 * all to the same cap, none below its minimum. Numbers and right-aligned columns keep theirs.
 */
export function fitWidths(natural: number[], minimum: number[], shrinkable: boolean[], budget: number): number[] {
  const total = (cap: number) =>
    natural.reduce((sum, w, i) => sum + (shrinkable[i] ? Math.max(minimum[i], Math.min(w, cap)) : w), 0);
  let cap = Math.max(0, ...natural);
  if (total(cap) <= budget) return natural;
  while (cap > 0 && total(cap) > budget) cap--;
  return natural.map((w, i) => (shrinkable[i] ? Math.max(minimum[i], Math.min(w, cap)) : w));
}

function newTable(head: string[] | undefined, aligns: Array<'left' | 'right'>): Table.Table {
  return new Table({ ...(head ? { head } : {}), chars: CHARS, style: STYLE, colAligns: aligns });
}

/** cli-table3 pads the last column too; trailing blanks only get in the way of diff and grep. */
function finish(table: Table.Table): string {
  return table.toString().replace(/ +$/gm, '') + '\n';
}

/** A table of rows; numbers right-aligned unless the column says otherwise. */
export function renderTable(columns: readonly Column[], rows: readonly Row[], style: TableStyle): string {
  const { chalk } = style;
  const text = rows.map((row) => columns.map((c) => displayCell(c, row)));
  const headers = columns.map((c) => forDisplay(c.header ?? c.key));
  const aligns = columns.map((c): 'left' | 'right' => {
    if (c.align) return c.align;
    const values = rows.map((r) => r[c.key]).filter((v) => v !== null && v !== undefined);
    return values.length > 0 && values.every((v) => typeof v === 'number') ? 'right' : 'left';
  });

  if (style.columns !== undefined) {
    const natural = headers.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i]))));
    const minimum = headers.map((h, i) => Math.min(natural[i], Math.max(displayWidth(h), MIN_TEXT_WIDTH)));
    const shrinkable = aligns.map((a) => a === 'left');
    const widths = fitWidths(natural, minimum, shrinkable, style.columns - GAP * (columns.length - 1));
    for (const r of text) for (let i = 0; i < r.length; i++) r[i] = truncateDisplay(r[i], widths[i]);
  }

  const table = newTable(headers.map((h) => chalk.bold.cyan(h)), aligns);
  for (const r of text) table.push(r.map((t, i) => paint(chalk, columns[i].role, t)));
  // cli-table3 draws the rule above the first row; with no rows, draw it ourselves.
  if (rows.length === 0) {
    const width = headers.reduce((sum, h) => sum + displayWidth(h), GAP * (headers.length - 1));
    return finish(table) + '─'.repeat(width) + '\n';
  }
  return finish(table);
}

/**
 * One line of a summary block: label, value, and optionally the alignment of the value
 * (default: right for numbers, left otherwise; say 'right' for a number pre-formatted as text).
 */
export type KeyValue = readonly [label: string, value: Cell, align?: 'left' | 'right'];

/** A summary block: one `label  value` line per pair, numbers right-aligned. */
export function renderKeyValue(pairs: readonly KeyValue[], style: TableStyle): string {
  if (pairs.length === 0) return '';
  const { chalk } = style;
  const labels = pairs.map(([label]) => forDisplay(label));
  let values = pairs.map(([, value]) => forDisplay(defaultDisplay(value)));
  if (style.columns !== undefined) {
    const room = Math.max(MIN_TEXT_WIDTH, style.columns - GAP - Math.max(...labels.map(displayWidth)));
    values = values.map((v) => truncateDisplay(v, room));
  }
  const table = newTable(undefined, ['left', 'left']);
  pairs.forEach(([, value, align], i) =>
    table.push([
      chalk.cyan(labels[i]),
      { content: values[i], hAlign: align ?? (typeof value === 'number' ? 'right' : 'left') },
    ]),
  );
  return finish(table);
}

/** A heading line above a block. */
export function renderTitle(title: string, style: TableStyle): string {
  return style.chalk.bold(forDisplay(title)) + '\n';
}
