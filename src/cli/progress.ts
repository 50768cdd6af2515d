/**
 * A one-line progress bar on stderr for long runs:
 *
 *   [██████▍             ] 32%  41/120 files  256.3/812.0 MB  38.1 MB/s  ETA 0:15
 *
 * Quiet by design: nothing unless stderr is a terminal and the user did not ask for
 * --quiet, and nothing during the first second, so quick runs and pipelines stay clean.
 * Redraws are driven by `advance()` (callers advance per chunk or per file) and limited
 * to one every 100 ms. Each redraw is `\r` + clear-line, cut to the terminal width so it
 * never wraps (a wrapped line cannot be redrawn in place). `done()` wipes it before the
 * report is printed.
 *
 * MB are 10^6 bytes. Speed is the average since the start; ETA = bytes left / that speed.
 * Totals of 0 (stdin) are shown as unknown: no total, no percentage, no ETA.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  totalBytes: number;
  totalFiles: number;
  /** False for --quiet. Even when true, nothing is drawn unless `stream` is a TTY. */
  enabled: boolean;
  /** Default process.stderr. */
  stream?: ProgressStream;
  /** Milliseconds, monotonic; default performance.now. */
  now?: () => number;
  /** Nothing is drawn before this many ms (default 1000). */
  delayMs?: number;
  /** At least this many ms between redraws (default 100). */
  intervalMs?: number;
}

export interface Progress {
  /** Count work done since the last call. */
  advance(bytes: number, files?: number): void;
  /** Clear the line (if anything was drawn) and stop drawing. */
  done(): void;
}

const CLEAR = '\r\x1b[2K';
const BAR_WIDTH = 20;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function meter(fraction: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH * 8);
  const filled = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
  return `[${filled}${' '.repeat(BAR_WIDTH - Array.from(filled).length)}]`;
}

/** The progress line for the given state (exported for tests). */
export function progressLine(state: {
  bytes: number;
  files: number;
  totalBytes: number;
  totalFiles: number;
  elapsedMs: number;
}): string {
  const { bytes, files, totalBytes, totalFiles, elapsedMs } = state;
  const parts: string[] = [];
  const fraction = totalBytes > 0 ? bytes / totalBytes : totalFiles > 0 ? files / totalFiles : undefined;
  if (fraction !== undefined) parts.push(`${meter(fraction)} ${Math.floor(Math.min(1, fraction) * 100)}%`);
  parts.push(totalFiles > 0 ? `${files}/${totalFiles} files` : `${files} files`);
  parts.push(totalBytes > 0 ? `${mb(bytes)}/${mb(totalBytes)} MB` : `${mb(bytes)} MB`);
  const rate = elapsedMs > 0 ? bytes / (elapsedMs / 1000) : 0;
  parts.push(`${mb(rate)} MB/s`);
  if (totalBytes > 0) parts.push(`ETA ${rate > 0 ? formatEta((totalBytes - bytes) / rate) : '--:--'}`);
  return parts.join('  ');
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const delayMs = options.delayMs ?? 1000;
  const intervalMs = options.intervalMs ?? 100;
  let active = options.enabled && stream.isTTY === true;
  const start = now();
  let bytes = 0;
  let files = 0;
  let drawn = false;
  let lastDraw = -Infinity;

  return {
    advance(b: number, f = 0) {
      bytes += b;
      files += f;
      if (!active) return;
      const t = now();
      if (t - start < delayMs || t - lastDraw < intervalMs) return;
      lastDraw = t;
      let line = progressLine({ bytes, files, totalBytes: options.totalBytes, totalFiles: options.totalFiles, elapsedMs: t - start });
      // One column short of the width: writing the last column makes some terminals wrap.
      if (stream.columns && stream.columns > 1) line = Array.from(line).slice(0, stream.columns - 1).join('');
      stream.write(CLEAR + line);
      drawn = true;
    },
    done() {
      if (drawn) stream.write(CLEAR);
      drawn = false;
      active = false;
    },
  };
}
