/**
 * Cell values as the machine formats see them. Machine formats print raw values (numbers
 * stay `String(n)`, full precision); only tables prettify.
 */
import type { Cell, Column, Row } from './types.js';

/**
 * The row reduced to the columns, in column order. Every machine format then carries the same
 * fields in the same order, an absent field becomes an explicit null (stable schema for jq,
 * DuckDB, pandas), and fields a command keeps for itself never leak out.
 */
export function project(columns: readonly Column[], row: Row): Row {
  const out: Row = {};
  for (const { key } of columns) {
    const v = row[key];
    out[key] = v === undefined ? null : v;
  }
  return out;
}

/**
 * A cell as plain text for CSV/TSV: null, undefined and non-finite numbers (which JSON also
 * turns into null) are empty; arrays and objects are JSON so they survive a round trip.
 */
export function rawText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}
