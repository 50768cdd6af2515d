/**
 * Cut big uncompressed JSONL files into byte ranges so several workers can read one file.
 *
 * Each cut is moved forward to just after a `\n`, so every range holds whole lines and the
 * ranges together cover the file exactly once (no line lost, none read twice). Only the few
 * bytes around each candidate cut are read. Text files (one document each), gzip files (not
 * seekable) and stdin stay whole. A file is cut into at most `parts` ranges and never into
 * ranges smaller than `minRangeBytes`, because a worker start-up costs more than reading a few MB.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { InputTask } from './types.js';

const PROBE_BYTES = 64 * 1024;

/** Offset just after the first `\n` at or after `from` (`size` when there is none). */
function nextLineStart(fd: number, from: number, size: number): number {
  const buf = Buffer.allocUnsafe(PROBE_BYTES);
  let pos = from;
  while (pos < size) {
    const n = readSync(fd, buf, 0, Math.min(PROBE_BYTES, size - pos), pos);
    if (n <= 0) break;
    const i = buf.subarray(0, n).indexOf(0x0a);
    if (i !== -1) return pos + i + 1;
    pos += n;
  }
  return size;
}

/**
 * Byte-range edges of the part [from, to) of a file, cut into about n equal ranges:
 * [from, e1, e2, ..., to], strictly increasing. `from` must be a line start.
 */
function cutPoints(path: string, from: number, to: number, n: number): number[] {
  const edges = [from];
  const fd = openSync(path, 'r');
  try {
    for (let k = 1; k < n; k++) {
      const candidate = from + Math.floor(((to - from) * k) / n);
      // A long line already carried the previous edge past this candidate: no range here.
      if (candidate <= edges[edges.length - 1]) continue;
      // Start the search one byte early: if the byte before the candidate is `\n`, it is a line start already.
      const edge = nextLineStart(fd, candidate - 1, to);
      if (edge >= to) break;
      if (edge > edges[edges.length - 1]) edges.push(edge);
    }
  } finally {
    closeSync(fd);
  }
  edges.push(to);
  return edges;
}

/** A task whose lines can be read from any line start: an uncompressed JSONL file or a range of one. */
function cuttable(task: InputTask): boolean {
  return task.format === 'jsonl' && !task.gzip && task.path !== '-';
}

/**
 * Cuts every cuttable task (a whole JSONL file, or a byte range of one) into ranges of about
 * `pieceBytes`, newline-aligned; the other tasks are kept as they are. Order is kept.
 */
export function splitFiner(tasks: InputTask[], pieceBytes: number): InputTask[] {
  const out: InputTask[] = [];
  for (const task of tasks) {
    const from = task.byteStart ?? 0;
    const to = task.byteEnd ?? task.size;
    const n = Math.floor((to - from) / Math.max(1, pieceBytes));
    if (!cuttable(task) || n < 2) {
      out.push(task);
      continue;
    }
    let edges: number[];
    try {
      edges = cutPoints(task.path, from, to, n);
    } catch {
      out.push(task); // unreadable now: read whole, so that the reader reports it once
      continue;
    }
    for (let i = 0; i + 1 < edges.length; i++) out.push({ ...task, byteStart: edges[i], byteEnd: edges[i + 1] });
  }
  return out;
}

export function splitTasks(tasks: InputTask[], parts: number, minRangeBytes = 8 * 1024 * 1024): InputTask[] {
  const out: InputTask[] = [];
  for (const task of tasks) {
    const whole = task.byteStart === undefined && task.byteEnd === undefined;
    const n = Math.min(Math.floor(parts), Math.floor(task.size / Math.max(1, minRangeBytes)));
    if (!cuttable(task) || !whole || n < 2) {
      out.push(task);
      continue;
    }
    let edges: number[];
    try {
      edges = cutPoints(task.path, 0, task.size, n);
    } catch {
      // Unreadable now: leave it whole so readDocs reports the problem once, with the usual message.
      out.push(task);
      continue;
    }
    if (edges.length <= 2) {
      out.push(task);
      continue;
    }
    for (let i = 0; i + 1 < edges.length; i++) {
      out.push({ ...task, byteStart: edges[i], byteEnd: edges[i + 1] });
    }
  }
  return out;
}
