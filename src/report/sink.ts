/**
 * The one place output bytes leave the process.
 *
 * Why a sink instead of `process.stdout.write` everywhere:
 * - Backpressure. A JSONL run over a big corpus can produce gigabytes; if the reader is
 *   slower than we are, `write()` returns false and Node would keep buffering in memory.
 *   `await sink.write(s)` waits for 'drain' in that case, so memory stays bounded.
 * - Batching. Rows are small; one `stream.write` (often one syscall) per row is slow.
 *   Strings are gathered up to `chunkSize` characters and handed over in one write.
 *   The price: nothing is guaranteed to be out before `await sink.end()`.
 * - A closed reader is not an error. `corpus ... | head` closes the pipe early; the next
 *   write fails with EPIPE. That is the reader saying "enough", so the sink turns quiet:
 *   `closed` becomes true, `signal` aborts (loops can stop early), later writes are dropped.
 *   Other stream errors (ENOSPC on a redirect, ...) are real failures and are re-thrown
 *   from the next `write()`/`end()` so the CLI can report them.
 *
 * `installEpipeExit()` is the CLI-level companion: it ends the whole process with exit
 * code 0 and no message on EPIPE, which is what `cat`, `grep` & co effectively do
 * (they die of SIGPIPE, which shells do not report).
 */
import type { Writable } from 'node:stream';

export interface Sink {
  /** Queue text for output. Resolves at once unless the stream asked us to wait ('drain'). No-op once closed. */
  write(text: string): Promise<void>;
  /** Hand everything queued to the stream and wait until the stream has taken it (or the reader went away). */
  end(): Promise<void>;
  /** True once the reader closed the pipe (EPIPE) or the stream was destroyed: stop producing output. */
  readonly closed: boolean;
  /** Aborts when the sink closes; pass it to producers so they stop reading input nobody will see. */
  readonly signal: AbortSignal;
}

export interface SinkOptions {
  /** Characters gathered before one `stream.write` (default 64 Ki). 0 writes every string at once. */
  chunkSize?: number;
  /** Also end the stream in `end()` (for files we opened). Never do this to process.stdout. */
  endStream?: boolean;
}

/** The parts of a Writable the sink uses (process.stdout in the CLI, anything stream-like in tests). */
type OutStream = Pick<Writable, 'write' | 'on' | 'off' | 'end'>;

const isEpipe = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EPIPE';

export function createSink(stream: OutStream = process.stdout, options: SinkOptions = {}): Sink {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const controller = new AbortController();
  const closedPromise = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  let failure: unknown = null;
  let pending: string[] = [];
  let pendingLength = 0;
  /** Settles when the stream has called back for our latest write, i.e. it is out of our hands. */
  let lastWrite: Promise<void> = Promise.resolve();

  const close = () => {
    if (controller.signal.aborted) return;
    pending = [];
    pendingLength = 0;
    controller.abort();
  };

  // Attached for the sink's whole life: an 'error' without a listener would crash the process.
  stream.on('error', (err: unknown) => {
    if (!isEpipe(err) && failure === null) failure = err;
    close();
  });
  // A destroyed stream will never drain; waiting on it would hang.
  stream.on('close', close);

  /** Hand the queue to the stream; resolves when the stream wants more (drained) or is gone. */
  const flush = async (): Promise<void> => {
    if (controller.signal.aborted || pendingLength === 0) return;
    const text = pending.length === 1 ? pending[0] : pending.join('');
    pending = [];
    pendingLength = 0;
    let accepted = true;
    lastWrite = new Promise<void>((resolve) => {
      // An EPIPE also reaches this callback, but the 'error' handler is where it is judged.
      accepted = stream.write(text, () => resolve());
    });
    if (!accepted) await waitForDrain();
    // Let I/O events in once per chunk. A producer working from memory, on a stream that never
    // pushes back (stdout on a Linux pipe writes synchronously), would otherwise chain resolved
    // promises forever and never see the EPIPE 'error' event.
    else await new Promise<void>((resolve) => setImmediate(resolve));
  };

  // Listeners are removed on either outcome: a long run waits thousands of times.
  const waitForDrain = () =>
    new Promise<void>((resolve) => {
      if (controller.signal.aborted) return resolve();
      const wake = () => {
        stream.off('drain', wake);
        controller.signal.removeEventListener('abort', wake);
        resolve();
      };
      stream.on('drain', wake);
      controller.signal.addEventListener('abort', wake);
    });

  const settled = (): Promise<void> => (failure === null ? Promise.resolve() : Promise.reject(failure));

  return {
    get closed() {
      return controller.signal.aborted;
    },
    signal: controller.signal,
    write(text: string): Promise<void> {
      if (controller.signal.aborted || text.length === 0) return settled();
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength < chunkSize) return settled();
      return flush().then(settled);
    },
    async end(): Promise<void> {
      await flush();
      await Promise.race([lastWrite, closedPromise]);
      if (options.endStream && !controller.signal.aborted) {
        await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), closedPromise]);
      }
      return settled();
    },
  };
}

/**
 * On EPIPE from `stream`, end the process with code 0 and print nothing. Install once, early,
 * on process.stdout (the CLI does this; tests pass their own `exit`). Other errors are left
 * to the sink, which re-throws them where the output is produced.
 */
export function installEpipeExit(
  stream: Pick<Writable, 'on'> = process.stdout,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (err: unknown) => {
    if (isEpipe(err)) exit(0);
  });
}
