/**
 * A horizontal bar chart for the terminal (e.g. a timeline: one line per period).
 *
 *   2024-01   1,204  ████████████████████████▍
 *   2024-02     310  ██████▎
 *
 * Bars are scaled so the largest value fills the room left by the label and count
 * columns, with eighth-blocks (▏▎▍▌▋▊▉█) for a finer end. A non-zero value always gets
 * at least ▏ so "some" never looks like "none".
 */
import type { ChalkInstance } from 'chalk';
import { displayWidth, forDisplay, truncateDisplay } from './display.js';
import { formatNumber } from './table.js';

export interface Bar {
  label: string;
  value: number;
}

export interface BarStyle {
  chalk: ChalkInstance;
  /** Terminal width; 80 when unknown (a pipe). */
  columns?: number;
  /** Text of the count column (default: thousands separators, up to 3 decimals). */
  formatValue?: (value: number) => string;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** Bars never get less room than this; on a narrow terminal the line wraps instead. */
const MIN_BAR = 10;

/** A bar of `eighths` eighth-cells. */
export function bar(eighths: number): string {
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

export function renderBars(bars: readonly Bar[], style: BarStyle): string {
  if (bars.length === 0) return '';
  const width = style.columns ?? 80;
  const format = style.formatValue ?? formatNumber;
  // Long labels would eat the bars: keep them to a third of the line.
  const labelRoom = Math.max(MIN_BAR, Math.floor(width / 3));
  const labels = bars.map((b) => truncateDisplay(forDisplay(b.label), labelRoom));
  const counts = bars.map((b) => format(b.value));
  const labelWidth = Math.max(...labels.map(displayWidth));
  const countWidth = Math.max(...counts.map(displayWidth));
  const room = Math.max(MIN_BAR, width - labelWidth - countWidth - 4);
  const max = Math.max(0, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));

  return bars
    .map((b, i) => {
      const value = Number.isFinite(b.value) && b.value > 0 ? b.value : 0;
      let eighths = max > 0 ? Math.round((value / max) * room * 8) : 0;
      if (value > 0 && eighths === 0) eighths = 1;
      const label = labels[i] + ' '.repeat(labelWidth - displayWidth(labels[i]));
      const count = ' '.repeat(countWidth - displayWidth(counts[i])) + counts[i];
      const drawn = bar(eighths);
      return `${label}  ${style.chalk.yellow(count)}  ${drawn === '' ? '' : style.chalk.cyan(drawn)}`.trimEnd() + '\n';
    })
    .join('');
}
