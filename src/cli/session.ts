/**
 * What one command run shares: the resolved options, the output (sink + reporter), the
 * diagnostics sink that prints one line per problem on stderr, and the progress bar.
 * `finish` turns what happened into the exit code: 1 when any input was bad or nothing
 * could be read, else 0.
 */
import type { Diagnostic } from '../io/types.js';
import { outputContext } from '../report/colorLevel.js';
import { createReporter, type Reporter } from '../report/reporter.js';
import { createSink, type Sink } from '../report/sink.js';
import type { ProgressListener, RunInputs } from '../run/runner.js';
import { CorpusError } from './errors.js';
import type { CommonConfig } from './options.js';
import { createProgress } from './progress.js';

export interface Session {
  config: CommonConfig;
  sink: Sink;
  reporter: Reporter;
  inputs: RunInputs;
  /** Number of `error` diagnostics so far. */
  readonly errors: number;
}

export function openSession(config: CommonConfig): Session {
  const sink = createSink(process.stdout);
  const reporter = createReporter(outputContext({ flag: config.color, stream: process.stdout, format: config.format }), sink);
  let errors = 0;
  const diag = (d: Diagnostic) => {
    if (d.severity === 'error') errors++;
    else if (config.quiet) return;
    process.stderr.write(`corpus: ${d.path}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}\n`);
  };
  const progress = progressListener(!config.quiet && Boolean(process.stderr.isTTY));
  return {
    config,
    sink,
    reporter,
    inputs: { paths: config.paths, load: config.load, jobs: config.jobs, diag, progress },
    get errors() {
      return errors;
    },
  };
}

function progressListener(enabled: boolean): ProgressListener | undefined {
  if (!enabled) return undefined;
  let bar: ReturnType<typeof createProgress> | undefined;
  return {
    start: (totalBytes, totalFiles) => { bar = createProgress({ totalBytes, totalFiles, enabled }); },
    advance: (bytes, files) => bar?.advance(bytes, files),
    done: () => bar?.done(),
  };
}

/**
 * False when no document could be read: the command then prints nothing and ends with exit 1.
 * When inputs failed, their errors were already printed (one line each); otherwise say why.
 */
export function requireDocuments(session: Session, documents: number): boolean {
  if (documents > 0) return true;
  if (session.errors === 0) {
    throw new CorpusError(`no documents in ${session.config.paths.join(', ')}`, { kind: 'input' });
  }
  return false;
}

export async function finish(session: Session): Promise<void> {
  await session.sink.end();
  if (session.errors > 0 && !process.exitCode) process.exitCode = 1;
}
