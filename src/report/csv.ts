/**
 * CSV per RFC 4180 (comma separator, `"` quoting with doubled quotes), except that records
 * end in `\n`, not CRLF: that is what xsv/xan, csvkit and most Unix tools write, `sort`,
 * `head` and `cut` then see no stray `\r`, and every CSV reader (DuckDB, pandas, Excel,
 * Python's csv) accepts it. A CR inside a field is kept, inside quotes.
 * The header row holds the column keys. Null and empty string both print as an empty field.
 */
import { rawText } from './cells.js';
import type { Cell, Column, Row } from './types.js';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Cell): string {
  const text = rawText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: readonly Column[]): string {
  return columns.map((c) => csvField(c.key)).join(',') + '\n';
}

export function csvRecord(columns: readonly Column[], row: Row): string {
  return columns.map((c) => csvField(row[c.key])).join(',') + '\n';
}
