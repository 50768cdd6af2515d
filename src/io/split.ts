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

/** Byte-range edges of one file: [0, e1, e2, ..., size], strictly increasing. */
function cutPoints(path: string, size: number, n: number): number[] {
  const edges = [0];
  const fd = openSync(path, 'r');
  try {
    for (let k = 1; k < n; k++) {
      const candidate = Math.floor((size * k) / n);
      // A long line already carried the previous edge past this candidate: no range here.
      if (candidate <= edges[edges.length - 1]) continue;
      // Start the search one byte early: if the byte before the candidate is `\n`, it is a line start already.
      const edge = nextLineStart(fd, candidate - 1, size);
      if (edge >= size) break;
      if (edge > edges[edges.length - 1]) edges.push(edge);
    }
  } finally {
    closeSync(fd);
  }
  edges.push(size);
  return edges;
}

export function splitTasks(tasks: InputTask[], parts: number, minRangeBytes = 8 * 1024 * 1024): InputTask[] {
  const out: InputTask[] = [];
  for (const task of tasks) {
    const whole = task.byteStart === undefined && task.byteEnd === undefined;
    const n = Math.min(Math.floor(parts), Math.floor(task.size / Math.max(1, minRangeBytes)));
    if (task.format !== 'jsonl' || task.gzip || task.path === '-' || !whole || n < 2) {
      out.push(task);
      continue;
    }
    let edges: number[];
    try {
      edges = cutPoints(task.path, task.size, n);
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
