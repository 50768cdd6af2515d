/**
 * Worker thread entry. A worker builds one analyzer, then takes groups of input tasks from the
 * main thread one at a time (its own share, dealt round-robin), posts the rows of each group in
 * batches tagged with the group number, and at
 * the end posts its snapshot. Reading happens here too: each worker parses its own byte ranges of
 * a big JSONL file instead of waiting on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readDocs } from '../io/read.js';
import type { InputTask, LoadOptions } from '../io/types.js';
import { lineRenderer, type LineSpec } from '../report/lines.js';
import type { Row } from '../report/types.js';
import { loadAnalyzer } from './registry.js';
import { warmUpTextCore } from '../text/warmup.js';

export interface WorkerInput {
  analyzer: string;
  options: unknown;
  load: LoadOptions;
  /** Render rows here and send text (line formats), instead of sending row objects. */
  lines: LineSpec | null;
}

/** Main thread to worker. */
export type WorkerCommand = { type: 'group'; group: number; tasks: InputTask[] } | { type: 'finish' };

/** Worker to main thread. */
export type WorkerMessage =
  | { type: 'diag'; severity: 'warning' | 'error'; path: string; message: string }
  | { type: 'progress'; bytes: number; files: number }
  | { type: 'rows'; group: number; rows: Row[] }
  | { type: 'lines'; group: number; text: string; count: number }
  | { type: 'group-done'; group: number; documents: number }
  | { type: 'done'; partial: unknown }
  | { type: 'fatal'; message: string };

/** Rows are sent in batches of about this many, so messages stay cheap and output starts early. */
const ROW_BATCH = 512;

export function taskBytes(task: InputTask): number {
  if (task.byteStart !== undefined && task.byteEnd !== undefined) return task.byteEnd - task.byteStart;
  return task.size;
}

if (parentPort) {
  const port = parentPort;
  const input = workerData as WorkerInput;
  const post = (m: WorkerMessage) => port.postMessage(m);
  warmUpTextCore();
  const analyzer = (await loadAnalyzer(input.analyzer)).create(input.options);
  const diag = (d: { severity: 'warning' | 'error'; path: string; message: string }) => post({ type: 'diag', ...d });
  const render = input.lines ? lineRenderer(input.lines) : null;
  const send = (group: number, rows: Row[]) => {
    if (render === null) post({ type: 'rows', group, rows });
    else post({ type: 'lines', group, text: rows.map(render).join(''), count: rows.length });
  };

  async function runGroup(group: number, tasks: InputTask[]): Promise<void> {
    let documents = 0;
    let batch: Row[] = [];
    for (const task of tasks) {
      const size = taskBytes(task);
      let reported = 0;
      let pending = 0;
      for await (const doc of readDocs(task, input.load, diag)) {
        documents++;
        const rows = analyzer.add(doc);
        if (rows) for (const r of rows) batch.push(r);
        if (batch.length >= ROW_BATCH) {
          send(group, batch);
          batch = [];
        }
        // Bytes are estimated from characters (Arabic UTF-8 is ~1.8 bytes a character) and
        // corrected when the task ends; progress only needs to be roughly right.
        pending += Math.round(doc.text.length * 1.8);
        if (pending > 4 << 20 && reported + pending < size) {
          post({ type: 'progress', bytes: pending, files: 0 });
          reported += pending;
          pending = 0;
        }
      }
      post({ type: 'progress', bytes: Math.max(0, size - reported), files: task.byteStart ? 0 : 1 });
    }
    if (batch.length) send(group, batch);
    post({ type: 'group-done', group, documents });
  }

  // Commands arrive one at a time: the main thread sends the next group only after group-done.
  port.on('message', (cmd: WorkerCommand) => {
    const work = cmd.type === 'group' ? runGroup(cmd.group, cmd.tasks) : Promise.resolve().then(() => post({ type: 'done', partial: analyzer.snapshot() }));
    work.catch((err: unknown) => post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) }));
  });
}
