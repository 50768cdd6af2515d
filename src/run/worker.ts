/**
 * Worker thread entry, and the same group runner for the main thread's own share. A participant
 * builds one analyzer, then runs the groups of input tasks the main thread sends it, in order,
 * posts the rows of each group in batches tagged with the group number, and at the end posts its
 * snapshot. Reading happens here too: each participant parses its own byte ranges of a big JSONL
 * file instead of waiting on another thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TextUnits, fieldBytes } from '../io/jsonText.js';
import { readDocBatches, type FastText } from '../io/read.js';
import type { InputTask, LoadOptions } from '../io/types.js';
import { lineRenderer, type LineSpec } from '../report/lines.js';
import type { Row } from '../report/types.js';
import { warmUpTextCore } from '../text/warmup.js';
import type { Analyzer, AnalyzerSpec } from './analyzer.js';
import { loadAnalyzer } from './registry.js';

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

/** CORPUS_TRACE=1: when each participant boots, warms up, starts each group and posts its snapshot, on stderr (ms since the main thread started). */
const trace = process.env.CORPUS_TRACE ? (what: string) => process.stderr.write(`corpus: trace ${traceClock().toFixed(0)} ms ${parentPort ? 'worker' : 'main'} ${what}\n`) : null;

/** Milliseconds since the main thread started, in any thread (a worker's own clock starts with it). */
export function traceClock(): number {
  return performance.timeOrigin + performance.now() - Number(process.env.CORPUS_TRACE_ORIGIN ?? performance.timeOrigin);
}

/** Rows are sent in batches of about this many, so messages stay cheap and output starts early. */
const ROW_BATCH = 512;

export function taskBytes(task: InputTask): number {
  if (task.byteStart !== undefined && task.byteEnd !== undefined) return task.byteEnd - task.byteStart;
  return task.size;
}

/** Runs the groups of one participant: a worker thread, or the main thread itself (runner.ts). */
export interface GroupRunner {
  /** Commands run one after the other, in the order given; messages go to `post`. */
  run(cmd: WorkerCommand): Promise<void>;
  /** Drops the commands not yet run and stops the current group at its next batch of documents. */
  cancel(): void;
}

/** The hot code over samples before a big input: the text core, then the analysis' own (see text/warmup.ts). */
export function warmUp(spec: AnalyzerSpec<unknown, unknown>): void {
  warmUpTextCore();
  spec.warmUp?.();
}

/**
 * The loader's FastText for an analysis that takes documents as bare text (`addText`), or null:
 * each line so read goes to the analysis, then to `counted` with its length in units.
 */
export function textReaderFor(analyzer: Analyzer<unknown>, textField: string, counted: (length: number) => void): FastText | null {
  const addText = analyzer.addText?.bind(analyzer);
  const field = addText ? fieldBytes(textField) : null;
  if (!addText || field === null) return null;
  return {
    field,
    out: new TextUnits(),
    visit: (units, length) => {
      addText(units, length);
      counted(length);
    },
  };
}

export async function createGroupRunner(input: WorkerInput, post: (m: WorkerMessage) => void): Promise<GroupRunner> {
  // workers run for big inputs only: warming the hot code up always pays here
  trace?.('runner boot');
  const spec = await loadAnalyzer(input.analyzer);
  warmUp(spec);
  trace?.('runner warm');
  const analyzer = spec.create(input.options);
  const diag = (d: { severity: 'warning' | 'error'; path: string; message: string }) => post({ type: 'diag', ...d });
  const render = input.lines ? lineRenderer(input.lines) : null;
  const send = (group: number, rows: Row[]) => {
    if (render === null) post({ type: 'rows', group, rows });
    else post({ type: 'lines', group, text: rows.map(render).join(''), count: rows.length });
  };

  // Documents the analysis takes as bare text skip parsing (see FastText in io/read.ts).
  let textDocs = 0;
  let textUnits = 0;
  const fast = textReaderFor(analyzer, input.load.textField, (length) => {
    textDocs++;
    textUnits += length;
  });

  async function runGroup(group: number, tasks: InputTask[]): Promise<void> {
    trace?.(`group ${group} start`);
    let documents = 0;
    let batch: Row[] = [];
    for (const task of tasks) {
      const size = taskBytes(task);
      let reported = 0;
      let pending = 0;
      for await (const docs of readDocBatches(task, input.load, diag, undefined, fast)) {
        if (cancelled) return;
        documents += textDocs;
        pending += Math.round(textUnits * 1.8);
        textDocs = 0;
        textUnits = 0;
        for (const doc of docs) {
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
        }
        if (pending > 4 << 20 && reported + pending < size) {
          post({ type: 'progress', bytes: pending, files: 0 });
          reported += pending;
          pending = 0;
        }
      }
      documents += textDocs; // a last batch of lines read as text yields no Docs
      textDocs = 0;
      textUnits = 0;
      post({ type: 'progress', bytes: Math.max(0, size - reported), files: task.byteStart ? 0 : 1 });
    }
    if (batch.length) send(group, batch);
    post({ type: 'group-done', group, documents });
  }

  let queue = Promise.resolve();
  let cancelled = false;
  return {
    run(cmd) {
      queue = queue.then(() => {
        if (cancelled) return;
        if (cmd.type === 'group') return runGroup(cmd.group, cmd.tasks);
        trace?.('snapshot');
        const partial = analyzer.snapshot();
        trace?.('posting');
        post({ type: 'done', partial });
        trace?.('posted');
      });
      return queue;
    },
    cancel() {
      cancelled = true;
    },
  };
}

if (parentPort) {
  const port = parentPort;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const runner = await createGroupRunner(workerData as WorkerInput, post);
  // The main thread may send several groups ahead; they run in the order sent.
  port.on('message', (cmd: WorkerCommand) => {
    runner.run(cmd).catch((err: unknown) => post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) }));
  });
}
