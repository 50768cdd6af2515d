/**
 * Runs an analysis over the user's inputs.
 *
 * Small inputs, stdin and `--jobs 1` run in this thread. Bigger inputs are cut into contiguous
 * groups (big JSONL files into newline-aligned byte ranges first), about eight per participant:
 * `--jobs - 1` worker threads and this thread. Groups go to whichever participant is free when
 * the analysis' result does not depend on the split, else round-robin (a fixed split, so results
 * are the same on every run). Rows come back tagged with their group and are released in input
 * order: the current group's rows stream out at once, later groups' rows wait in memory only
 * until the groups before them finish. Snapshots are merged at the end.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { readDocBatches, readDocs } from '../io/read.js';
import { planInputs } from '../io/sources.js';
import { splitFiner, splitTasks } from '../io/split.js';
import type { Diagnostics, Doc, InputTask, LoadOptions } from '../io/types.js';
import { RenderedRows, type LineSpec } from '../report/lines.js';
import type { Row } from '../report/types.js';
import type { AnalyzerSpec } from './analyzer.js';
import { loadAnalyzer } from './registry.js';
import { createGroupRunner, taskBytes, textReaderFor, traceClock, warmUp, type WorkerCommand, type WorkerInput, type WorkerMessage } from './worker.js';

/** Below this much input, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** Groups per worker: enough to balance uneven groups, few enough to keep messages rare. */
const GROUPS_PER_WORKER = 8;

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

export interface AnalysisResult<P> {
  partial: P;
  documents: number;
}

export interface AnalysisRun<P> {
  /**
   * The rows of every document, in input order. Iterate it (fully, or stop early) before awaiting
   * `result`. With a LineSpec, workers send runs of rows already rendered (RenderedRows).
   */
  rows: AsyncIterable<Row | RenderedRows>;
  /** Settles after `rows` has been consumed. */
  result: Promise<AnalysisResult<P>>;
}

export async function planTasks(inputs: RunInputs): Promise<InputTask[]> {
  return planInputs(inputs.paths, inputs.load, inputs.diag);
}

/** Every document of the inputs, in order, in this thread (for filters such as `normalize`). */
export async function* documents(inputs: RunInputs, tasks?: InputTask[]): AsyncGenerator<Doc> {
  for (const task of tasks ?? (await planTasks(inputs))) {
    yield* readDocs(task, inputs.load, inputs.diag);
  }
}

/** Runs an analysis and collects its rows (for analyses with few rows, or none). */
export async function runAnalysis<P>(name: string, options: unknown, inputs: RunInputs): Promise<AnalysisResult<P> & { rows: Row[] }> {
  const run = startAnalysis<P>(name, options, inputs);
  const rows: Row[] = [];
  for await (const r of run.rows) if (!(r instanceof RenderedRows)) rows.push(r);
  return { ...(await run.result), rows };
}

/**
 * Starts an analysis whose rows are streamed. `lines` (the reporter's LineSpec, null for table
 * and json) lets workers render their rows themselves.
 */
export function startAnalysis<P>(name: string, options: unknown, inputs: RunInputs, lines: LineSpec | null = null): AnalysisRun<P> {
  let settle!: (r: AnalysisResult<P>) => void;
  let fail!: (e: unknown) => void;
  const result = new Promise<AnalysisResult<P>>((res, rej) => {
    settle = res;
    fail = rej;
  });
  result.catch(() => {}); // the error reaches the caller through `rows`

  async function* rows(): AsyncGenerator<Row | RenderedRows> {
    try {
      const planned = await planTasks(inputs);
      inputs.progress?.start(planned.reduce((a, t) => a + t.size, 0), planned.length);
      // CORPUS_PARALLEL_MIN_BYTES lets tests force workers on small inputs
      const minBytes = Number(process.env.CORPUS_PARALLEL_MIN_BYTES ?? PARALLEL_MIN_BYTES);
      const totalBytes = planned.reduce((a, t) => a + t.size, 0);
      const parallel = inputs.jobs > 1 && totalBytes >= minBytes && !planned.some((t) => t.path === '-');
      let out: AnalysisResult<P>;
      const spec = await loadAnalyzer(name);
      if (parallel) {
        out = yield* runInWorkers<P>(name, spec, options, planned, inputs, lines);
      } else {
        // Only worth it for an input big enough to get the hot loops optimized (see warmup.ts).
        if (totalBytes >= minBytes) warmUp(spec);
        const analyzer = spec.create(options);
        let docs = 0;
        const fast = textReaderFor(analyzer, inputs.load.textField, () => docs++);
        for (const task of planned) {
          for await (const batch of readDocBatches(task, inputs.load, inputs.diag, undefined, fast)) {
            for (const doc of batch) {
              docs++;
              const r = analyzer.add(doc);
              if (r) yield* r;
            }
          }
          inputs.progress?.advance(task.size, 1);
        }
        out = { partial: analyzer.snapshot() as P, documents: docs };
      }
      settle(out);
    } catch (err) {
      fail(err);
      throw err;
    } finally {
      inputs.progress?.done();
    }
  }
  return { rows: rows(), result };
}

/** Cuts the task list into at most `n` contiguous groups of about equal bytes (order is kept). */
export function groupTasks(tasks: InputTask[], n: number): InputTask[][] {
  return groupByShares(tasks, new Array<number>(n).fill(1 / n));
}

/**
 * Cuts the task list into contiguous groups whose bytes follow `shares` (fractions of the
 * whole, in order) as closely as whole tasks allow; groups that would be empty are left out.
 */
export function groupByShares(tasks: InputTask[], shares: number[]): InputTask[][] {
  const total = tasks.reduce((a, t) => a + taskBytes(t), 0);
  const groups: InputTask[][] = [];
  let current: InputTask[] = [];
  let acc = 0;
  let edge = shares[0] ?? 1; // cumulative share at the end of the group being filled
  for (const t of tasks) {
    current.push(t);
    acc += taskBytes(t);
    // at most one group closed per task: a task bigger than a share makes the next groups one task each until they catch up
    if (groups.length < shares.length - 1 && acc >= total * edge - 1e-6 * total) {
      groups.push(current);
      current = [];
      edge += shares[groups.length];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Bytes under which a group is not worth cutting smaller (a group costs a message and a file open). */
const TAIL_PIECE_MIN = 512 * 1024;

/**
 * The last `participants` groups, cut again into groups that halve in size towards the end
 * (P of 1/4 of that tail, P of 1/8, then 2P of 1/16 for P = 2): with groups dealt to whichever
 * participant is free, the last one to finish then waits for one small group, not for a whole
 * one (measured: up to 130 ms of one thread idle at the end of `stats` on the ANT corpus).
 */
export function taperTail(groups: InputTask[][], participants: number): InputTask[][] {
  if (participants < 2 || groups.length <= participants) return groups;
  const tail = groups.slice(-participants).flat();
  const tailBytes = tail.reduce((a, t) => a + taskBytes(t), 0);
  let levels = 3;
  while (levels > 0 && tailBytes / (participants * 2 ** levels) < TAIL_PIECE_MIN) levels--;
  if (levels === 0) return groups;
  const shares: number[] = [];
  for (let l = 1; l <= levels; l++) for (let p = 0; p < participants; p++) shares.push(1 / (participants * 2 ** l));
  for (let p = 0; p < participants; p++) shares.push(1 / (participants * 2 ** levels));
  const smallest = tailBytes / (participants * 2 ** levels);
  // ranges a quarter of the smallest group, so that group edges can fall close to their shares
  return groups.slice(0, -participants).concat(groupByShares(splitFiner(tail, smallest / 4), shares));
}

/** A queue of worker messages that an async generator can wait on. */
class Inbox {
  private items: Array<{ worker: number; msg: WorkerMessage }> = [];
  private waiting: ((v: void) => void) | null = null;
  push(worker: number, msg: WorkerMessage): void {
    this.items.push({ worker, msg });
    this.waiting?.();
    this.waiting = null;
  }
  async take(): Promise<{ worker: number; msg: WorkerMessage }> {
    while (this.items.length === 0) await new Promise<void>((r) => (this.waiting = r));
    return this.items.shift()!;
  }
}

/** CORPUS_TRACE=1: when each participant ends each group, and the merge, on stderr (ms since start). */
const trace = process.env.CORPUS_TRACE ? (what: string) => process.stderr.write(`corpus: trace ${traceClock().toFixed(0)} ms ${what}\n`) : null;
if (trace) process.env.CORPUS_TRACE_ORIGIN = String(performance.timeOrigin); // workers inherit it

/** One share of the work: a worker thread, or the main thread itself. */
interface Participant {
  send(cmd: WorkerCommand): void;
  stop(): Promise<unknown>;
}

function threadParticipant(index: number, data: WorkerInput, inbox: Inbox): Participant {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
  worker.on('message', (m: WorkerMessage) => inbox.push(index, m));
  worker.on('error', (err) => inbox.push(index, { type: 'fatal', message: err.message }));
  worker.on('exit', (code) => { if (code !== 0) inbox.push(index, { type: 'fatal', message: `worker stopped with code ${code}` }); });
  return { send: (cmd) => worker.postMessage(cmd), stop: () => worker.terminate() };
}

/**
 * The main thread's own share. Its analyzer is built while the worker threads start (a worker
 * takes about 100 ms to boot here), and its snapshot needs no copy to reach the merge. It runs on
 * this thread's event loop, between the messages of the workers (reads are awaited per 1 MB).
 */
function localParticipant(index: number, data: WorkerInput, inbox: Inbox): Participant {
  const post = (m: WorkerMessage) => inbox.push(index, m);
  const fail = (err: unknown) => post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  const runner = createGroupRunner(data, post);
  runner.catch(fail);
  return {
    send: (cmd) => { runner.then((r) => r.run(cmd)).catch(fail); },
    // a run that failed, or whose reader left, must not go on counting in this thread
    stop: () => runner.then((r) => r.cancel(), () => {}),
  };
}

async function* runInWorkers<P>(name: string, spec: AnalyzerSpec<unknown, unknown>, options: unknown, planned: InputTask[], inputs: RunInputs, lines: LineSpec | null): AsyncGenerator<Row | RenderedRows, AnalysisResult<P>> {
  const parts = inputs.jobs * GROUPS_PER_WORKER;
  const even = groupTasks(splitTasks(planned, parts, 4 << 20), parts);
  const count = Math.min(inputs.jobs, even.length);
  // Dealing: an analysis whose snapshot does not depend on how the documents were split takes
  // groups as participants become free (two in hand each, so none waits for a message), which
  // keeps both cores busy to the end on a machine whose cores do not run at one speed. Otherwise
  // (n-gram tables pruned per participant) participant w takes groups w, w + count, ...: a
  // fixed split, so the result is the same on every run with the same --jobs.
  const dynamic = spec.splitInvariant?.(options) ?? false;
  const groups = dynamic ? taperTail(even, count) : even;
  const inbox = new Inbox();
  const data: WorkerInput = { analyzer: name, options, load: inputs.load, lines };
  // With a worker on every core, V8's background compiler threads only take time from the
  // workers: compiling in the worker's own thread made stats, keywords and dates 7% faster
  // (npm run bench, 2 cores). Workers created from now on get no background compiler (V8 reads
  // the flag when it sets an isolate up); this thread keeps the one it has. Each worker also
  // compiles the hot code for itself, and a 3x larger interrupt budget (later tier-up, fewer
  // optimize/deoptimize rounds of the big grammar functions) took 5% more off dates and 4% off
  // stats, keywords and entities unchanged (3 alternating runs each).
  setFlagsFromString('--no-concurrent-recompilation');
  setFlagsFromString('--interrupt-budget=200000');
  // count - 1 worker threads and this thread: the last participant is the main thread.
  trace?.(`starting ${count - 1} worker threads`);
  const participants: Participant[] = [];
  for (let w = 0; w < count - 1; w++) participants.push(threadParticipant(w, data, inbox));
  participants.push(localParticipant(count - 1, data, inbox));
  const send = (w: number, cmd: WorkerCommand) => participants[w].send(cmd);
  let nextGroup = 0;
  const finishing = new Set<number>();
  const feed = (w: number) => {
    if (nextGroup < groups.length) {
      const g = nextGroup++;
      send(w, { type: 'group', group: g, tasks: groups[g] });
    } else if (!finishing.has(w)) {
      finishing.add(w);
      send(w, { type: 'finish' });
    }
  };
  let succeeded = false;
  try {
    if (dynamic) {
      for (let round = 0; round < 2; round++) for (let w = 0; w < count; w++) feed(w);
    } else {
      for (let w = 0; w < count; w++) {
        for (let g = w; g < groups.length; g += count) send(w, { type: 'group', group: g, tasks: groups[g] });
        send(w, { type: 'finish' });
      }
    }
    const held = new Map<number, Array<Row[] | RenderedRows>>(); // rows of groups that may not be released yet
    const finished = new Set<number>();
    let current = 0; // the group whose rows stream out now
    let documents = 0;
    const partials: unknown[] = [];
    while (partials.length < count) {
      const { worker, msg } = await inbox.take();
      if (trace && (msg.type === 'group-done' || msg.type === 'done')) trace(`participant ${worker} ${msg.type}${msg.type === 'group-done' ? ` ${msg.group}` : ''}`);
      switch (msg.type) {
        case 'diag': inputs.diag({ severity: msg.severity, path: msg.path, message: msg.message }); break;
        case 'progress': inputs.progress?.advance(msg.bytes, msg.files); break;
        case 'rows':
        case 'lines': {
          const batch = msg.type === 'rows' ? msg.rows : new RenderedRows(msg.text, msg.count);
          if (msg.group === current) {
            if (Array.isArray(batch)) yield* batch;
            else yield batch;
          } else {
            const list = held.get(msg.group) ?? [];
            list.push(batch);
            held.set(msg.group, list);
          }
          break;
        }
        case 'group-done':
          documents += msg.documents;
          finished.add(msg.group);
          if (dynamic) feed(worker);
          while (finished.has(current)) {
            current++;
            for (const batch of held.get(current) ?? []) {
              if (Array.isArray(batch)) yield* batch;
              else yield batch;
            }
            held.delete(current);
          }
          break;
        case 'done': partials.push(msg.partial); break;
        case 'fatal': throw new Error(msg.message);
      }
    }
    const partial = spec.merge(partials) as P;
    trace?.('merged');
    succeeded = true;
    return { partial, documents };
  } finally {
    const stopped = Promise.all(participants.map((p) => p.stop())).catch(() => {});
    // After a run that ended well the threads are idle: the result need not wait for them to
    // be torn down (10-40 ms with their heaps); after a failure, nothing may go on counting.
    if (!succeeded) await stopped;
  }
}
