/**
 * The one entry point commands use to print results. A command builds plain rows (numbers
 * stay numbers), describes them with Columns, and picks one of three shapes; the reporter
 * turns that into the chosen format.
 *
 * (a) `rows(columns, rows)`: a list, possibly huge (entity mentions).
 *     jsonl/csv/tsv/json write each row as it comes (json as a streamed array, byte-identical
 *     to JSON.stringify(array, null, 2)); table collects, then prints one aligned table.
 *
 * (b) `summary({ fields, values }, list?)`: figures plus an optional list (stats: corpus
 *     figures + top words). Machine formats print ONE record: the figures, then the list
 *     under `list.key` - json pretty, jsonl one line, csv/tsv one header + one row with the
 *     list JSON-encoded in its cell. table prints a key/value block, then the list as a table.
 *     The list is collected (it is a "top N", not a stream).
 *
 * (c) `chart(columns, rows, { label, value })`: a bar chart on a table (timeline); the very
 *     same as `rows()` in machine formats.
 *
 * Rules:
 * - Machine formats carry exactly the columns' keys, in column order (see cells.ts project);
 *   `header`, `display`, `align`, `role` and titles are table-only.
 * - One report per Reporter: a second call throws (a CSV with two headers or two JSON
 *   documents glued together is never what anyone wants).
 * - Each call ends by flushing the sink. If the reader went away (`| head`), iteration stops
 *   at the next row and the call resolves normally.
 */
import { project } from './cells.js';
import { csvHeader, csvRecord } from './csv.js';
import { jsonArray, jsonDocument, jsonLine } from './json.js';
import { RenderedRows, lineRenderer, type LineSpec } from './lines.js';
import type { Sink } from './sink.js';
import type { KeyValue, TableStyle } from './table.js';
import { tsvHeader, tsvRecord } from './tsv.js';
import type { Column, Format, OutputContext, Row } from './types.js';

/** Rows, possibly with runs already rendered by a worker (see lines.ts: line formats only). */
export type Rows = Iterable<Row | RenderedRows> | AsyncIterable<Row | RenderedRows>;

export interface Summary {
  /** Table only: heading above the key/value block. */
  title?: string;
  /** The figures, in order; `header` is the label in the key/value block. */
  fields: Column[];
  values: Row;
}

export interface SummaryList {
  /** Field of the record that holds the list (e.g. `top_words`); must not be a figure's key. */
  key: string;
  /** Table only: heading above the list table. */
  title?: string;
  columns: Column[];
  rows: Rows;
}

export interface ChartOptions {
  /** Column key of the bar label (e.g. `period`). */
  label: string;
  /** Column key of the bar length (e.g. `count`). */
  value: string;
  /** Table only: heading above the chart. */
  title?: string;
}

export interface Reporter {
  readonly format: Format;
  /** (a) A list of rows; streamed except in table format. */
  rows(columns: Column[], rows: Rows, options?: { title?: string }): Promise<void>;
  /** (b) Figures and an optional list: one record, or a key/value block and a table. */
  summary(summary: Summary, list?: SummaryList): Promise<void>;
  /** (c) Bars on a table, rows elsewhere. */
  chart(columns: Column[], rows: Rows, options: ChartOptions): Promise<void>;
  /** How rows of these columns may be rendered ahead (by workers): null unless a line format. */
  lineSpec(columns: Column[]): LineSpec | null;
}

/** How a machine format frames a stream of rows. */
interface Framing {
  head: string;
  line(row: Row, index: number): string;
  tail(count: number): string;
}

function framing(format: Exclude<Format, 'table'>, columns: Column[]): Framing {
  switch (format) {
    case 'jsonl':
      return { head: '', line: lineRenderer({ format, keys: columns.map((c) => c.key) }), tail: () => '' };
    case 'json':
      return { head: jsonArray.open, line: (row, i) => jsonArray.item(project(columns, row), i), tail: jsonArray.close };
    case 'csv':
      return { head: csvHeader(columns), line: lineRenderer({ format, keys: columns.map((c) => c.key) }), tail: () => '' };
    case 'tsv':
      return { head: tsvHeader(columns), line: lineRenderer({ format, keys: columns.map((c) => c.key) }), tail: () => '' };
  }
}

async function collect(rows: Rows, sink: Sink): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of rows) {
    if (sink.closed) break;
    if (row instanceof RenderedRows) throw new Error('reporter: rendered rows given to a report that collects rows');
    out.push(row);
  }
  return out;
}

/** What drawing tables needs, loaded on first use: chalk and cli-table3 cost about 25 ms to load. */
async function tableKit(ctx: OutputContext) {
  const [{ Chalk }, table, bars] = await Promise.all([import('chalk'), import('./table.js'), import('./bars.js')]);
  // Level 1 is enough: tables use bold, dim and the 8 basic colours only.
  const style: TableStyle = { chalk: new Chalk({ level: ctx.color ? 1 : 0 }), columns: ctx.columns };
  const title = (text: string | undefined) => (text ? table.renderTitle(text, style) : '');
  return { ...table, renderBars: bars.renderBars, style, title };
}

export function createReporter(ctx: OutputContext, sink: Sink): Reporter {
  let used = false;

  const once = () => {
    if (used) throw new Error('reporter: one report per run (a second report was started)');
    used = true;
  };

  async function stream(format: Exclude<Format, 'table'>, columns: Column[], rows: Rows): Promise<void> {
    const frame = framing(format, columns);
    await sink.write(frame.head);
    let count = 0;
    for await (const row of rows) {
      if (row instanceof RenderedRows) {
        if (format === 'json') throw new Error('reporter: rendered rows in json output');
        await sink.write(row.text);
        count += row.count;
      } else {
        await sink.write(frame.line(row, count++));
      }
      if (sink.closed) break;
    }
    await sink.write(frame.tail(count));
  }

  return {
    format: ctx.format,

    lineSpec(columns) {
      const f = ctx.format;
      return f === 'jsonl' || f === 'csv' || f === 'tsv' ? { format: f, keys: columns.map((c) => c.key) } : null;
    },

    async rows(columns, rows, options = {}) {
      once();
      if (ctx.format === 'table') {
        const all = await collect(rows, sink);
        const t = await tableKit(ctx);
        await sink.write(t.title(options.title) + t.renderTable(columns, all, t.style));
      } else {
        await stream(ctx.format, columns, rows);
      }
      await sink.end();
    },

    async summary(summary, list) {
      once();
      if (list && summary.fields.some((f) => f.key === list.key)) {
        throw new Error(`reporter: list key ${list.key} is also a figure`);
      }
      const listRows = list ? await collect(list.rows, sink) : [];
      if (ctx.format === 'table') {
        const pairs = summary.fields.map((f): KeyValue => {
          const value = summary.values[f.key];
          const label = f.header ?? f.key;
          if (!f.display || value === null || value === undefined) return [label, value, f.align];
          return [label, f.display(value, summary.values), f.align ?? (typeof value === 'number' ? 'right' : 'left')];
        });
        const t = await tableKit(ctx);
        let out = t.title(summary.title) + t.renderKeyValue(pairs, t.style);
        if (list) out += (out ? '\n' : '') + t.title(list.title) + t.renderTable(list.columns, listRows, t.style);
        await sink.write(out);
      } else {
        const record: Row = project(summary.fields, summary.values);
        const columns = [...summary.fields];
        if (list) {
          record[list.key] = listRows.map((r) => project(list.columns, r));
          columns.push({ key: list.key });
        }
        if (ctx.format === 'json') await sink.write(jsonDocument(record));
        else if (ctx.format === 'jsonl') await sink.write(jsonLine(record));
        else if (ctx.format === 'csv') await sink.write(csvHeader(columns) + csvRecord(columns, record));
        else await sink.write(tsvHeader(columns) + tsvRecord(columns, record));
      }
      await sink.end();
    },

    async chart(columns, rows, options) {
      once();
      if (ctx.format === 'table') {
        const all = await collect(rows, sink);
        const t = await tableKit(ctx);
        const labelColumn = columns.find((c) => c.key === options.label) ?? { key: options.label };
        const bars = all.map((row) => ({ label: t.displayCell(labelColumn, row), value: Number(row[options.value] ?? 0) }));
        await sink.write(t.title(options.title) + t.renderBars(bars, t.style));
      } else {
        await stream(ctx.format, columns, rows);
      }
      await sink.end();
    },
  };
}
