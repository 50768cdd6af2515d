/**
 * Worker thread entry: runs one analysis over a contiguous group of input tasks and posts
 * back diagnostics, progress and the partial result. Reading happens here too, so that each
 * worker parses its own byte range of a big JSONL file instead of waiting on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readDocs } from '../io/read.js';
import type { InputTask, LoadOptions } from '../io/types.js';
import { ANALYZERS } from './registry.js';

export interface WorkerInput {
  analyzer: string;
  options: unknown;
  tasks: InputTask[];
  load: LoadOptions;
}

export type WorkerMessage =
  | { type: 'diag'; severity: 'warning' | 'error'; path: string; message: string }
  | { type: 'progress'; bytes: number; files: number }
  | { type: 'done'; partial: unknown }
  | { type: 'fatal'; message: string };

async function run(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const spec = ANALYZERS[input.analyzer];
  const analyzer = spec.create(input.options);
  const diag = (d: { severity: 'warning' | 'error'; path: string; message: string }) => port.postMessage({ type: 'diag', ...d } satisfies WorkerMessage);
  for (const task of input.tasks) {
    const size = taskBytes(task);
    let reported = 0;
    let pending = 0;
    for await (const doc of readDocs(task, input.load, diag)) {
      analyzer.add(doc);
      // Bytes are estimated from characters (Arabic UTF-8 is ~1.8 bytes a character) and
      // corrected when the task ends; progress only needs to be roughly right.
      pending += Math.round(doc.text.length * 1.8);
      if (pending > 4 << 20 && reported + pending < size) {
        port.postMessage({ type: 'progress', bytes: pending, files: 0 } satisfies WorkerMessage);
        reported += pending;
        pending = 0;
      }
    }
    port.postMessage({ type: 'progress', bytes: Math.max(0, size - reported), files: task.byteStart === undefined || task.byteStart === 0 ? 1 : 0 } satisfies WorkerMessage);
  }
  port.postMessage({ type: 'done', partial: analyzer.snapshot() } satisfies WorkerMessage);
}

export function taskBytes(task: InputTask): number {
  if (task.byteStart !== undefined && task.byteEnd !== undefined) return task.byteEnd - task.byteStart;
  return task.size;
}

if (parentPort) {
  run(workerData as WorkerInput).catch((err: unknown) => {
    parentPort!.postMessage({ type: 'fatal', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
  });
}
