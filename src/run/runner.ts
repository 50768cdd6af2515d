/**
 * Runs an analysis over the user's inputs: plans the inputs, then either analyzes them in this
 * thread (small inputs, stdin, --jobs 1) or splits them into contiguous groups for worker
 * threads, and merges the partial results in input order. Diagnostics go to the caller's sink
 * as they happen; progress to an optional callback.
 */
import { Worker } from 'node:worker_threads';
import { readDocs } from '../io/read.js';
import { planInputs } from '../io/sources.js';
import { splitTasks } from '../io/split.js';
import type { Diagnostics, Doc, InputTask, LoadOptions } from '../io/types.js';
import { ANALYZERS } from './registry.js';
import { taskBytes, type WorkerInput, type WorkerMessage } from './worker.js';

/** Below this much input, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

export interface RunInputs {
  paths: string[];
  load: LoadOptions;
  jobs: number;
  diag: Diagnostics;
  /** Called with the input totals once planned, then with increments. */
  progress?: ProgressListener;
}

export interface ProgressListener {
  start(totalBytes: number, totalFiles: number): void;
  advance(bytes: number, files: number): void;
  done(): void;
}

export async function planTasks(inputs: RunInputs): Promise<InputTask[]> {
  return planInputs(inputs.paths, inputs.load, inputs.diag);
}

/** Every document of the inputs, in order, in this thread (for streaming commands). */
export async function* documents(inputs: RunInputs, tasks?: InputTask[]): AsyncGenerator<Doc> {
  for (const task of tasks ?? (await planTasks(inputs))) {
    yield* readDocs(task, inputs.load, inputs.diag);
  }
}

export async function runAnalysis<P>(name: string, options: unknown, inputs: RunInputs): Promise<P> {
  const spec = ANALYZERS[name];
  if (!spec) throw new Error(`unknown analysis '${name}'`);
  const planned = await planTasks(inputs);
  const totalBytes = planned.reduce((a, t) => a + t.size, 0);
  const totalFiles = planned.length;
  inputs.progress?.start(totalBytes, totalFiles);
  try {
    // CORPUS_PARALLEL_MIN_BYTES lets tests force workers on small inputs
    const minBytes = Number(process.env.CORPUS_PARALLEL_MIN_BYTES ?? PARALLEL_MIN_BYTES);
    const parallel = inputs.jobs > 1 && totalBytes >= minBytes && !planned.some((t) => t.path === '-');
    if (!parallel) {
      const analyzer = spec.create(options);
      for (const task of planned) {
        for await (const doc of readDocs(task, inputs.load, inputs.diag)) analyzer.add(doc);
        inputs.progress?.advance(task.size, 1);
      }
      return analyzer.snapshot() as P;
    }
    const groups = groupTasks(splitTasks(planned, inputs.jobs), inputs.jobs);
    const parts = await Promise.all(groups.map((tasks) => runWorker(name, options, tasks, inputs)));
    return spec.merge(parts) as P;
  } finally {
    inputs.progress?.done();
  }
}

/** Cuts the task list into at most `n` contiguous groups of about equal bytes (order is kept). */
export function groupTasks(tasks: InputTask[], n: number): InputTask[][] {
  const total = tasks.reduce((a, t) => a + taskBytes(t), 0);
  const groups: InputTask[][] = [];
  let current: InputTask[] = [];
  let acc = 0;
  for (const t of tasks) {
    current.push(t);
    acc += taskBytes(t);
    if (acc >= (total * (groups.length + 1)) / n && groups.length < n - 1) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

function runWorker(name: string, options: unknown, tasks: InputTask[], inputs: RunInputs): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const data: WorkerInput = { analyzer: name, options, tasks, load: inputs.load };
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
    let result: unknown;
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'diag': inputs.diag({ severity: m.severity, path: m.path, message: m.message }); break;
        case 'progress': inputs.progress?.advance(m.bytes, m.files); break;
        case 'done': result = m.partial; settled = true; break;
        case 'fatal': reject(new Error(m.message)); break;
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (settled) resolve(result);
      else reject(new Error(`worker stopped with code ${code}`));
    });
  });
}
