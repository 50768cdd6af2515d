/**
 * TSV in the "linear TSV" convention: one record per line, fields split by tabs, and the four
 * characters that would break that are backslash-escaped (`\\` `\t` `\n` `\r`), so
 * `cut -f`, `awk -F'\t'` and `sort -t` work on any content. The header row holds the column
 * keys. Null prints as an empty field (not linear TSV's `\N`, which pandas/spreadsheets
 * would show literally).
 */
import { rawText } from './cells.js';
import type { Cell, Column, Row } from './types.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function tsvField(value: Cell): string {
  return rawText(value).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

export function tsvHeader(columns: readonly Column[]): string {
  return columns.map((c) => tsvField(c.key)).join('\t') + '\n';
}

export function tsvRecord(columns: readonly Column[], row: Row): string {
  return columns.map((c) => tsvField(row[c.key])).join('\t') + '\n';
}
