/**
 * InputTask -> stream of Docs. Problems become one-line Diagnostics; nothing is printed or
 * thrown past this module, so one bad file or line never stops a run.
 * Text inputs are read whole (a document is one string anyway) and decoded by decode.ts.
 * JSONL is streamed in 1 MiB chunks split at `\n` bytes: complete lines are decoded straight
 * from the chunk (one UTF-8 validation per chunk, not per line); only a line straddling a chunk
 * edge is copied. Line numbers are whole-file numbers; for a byte range the newlines before it
 * are counted only when a number is needed (missing id or bad line).
 * Stdin may be gzip (magic bytes) and, unless its format was fixed, is JSONL when its first
 * non-empty lines are all JSON objects, else one text document `-`.
 */
import { isUtf8 } from 'node:buffer';
import { decodeValidUtf8 } from './utf8.js';
import { readTextField, type TextUnits } from './jsonText.js';
import { promises as fsp } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { canonicalEncoding, decodeBytes, firstInvalidUtf8, isBinary, sniffUtf16NoBom } from './decode.js';
import { fsErrorMessage, oneLine } from './sources.js';
import type { Diagnostics, Doc, InputTask, LoadOptions } from './types.js';

type FileHandle = fsp.FileHandle;
type Chunks = AsyncIterable<Buffer>;

const CHUNK = 1024 * 1024;
/** Non-empty lines stdin sniffing looks at before calling it JSONL. */
const SNIFF_LINES = 5;
const NL = 0x0a;

function errorMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  const code = e?.code ?? '';
  if (code === 'Z_BUF_ERROR') return 'truncated gzip data (unexpected end of file)';
  if (code.startsWith('Z_')) return `corrupt gzip data (${oneLine(e?.message ?? code)})`;
  const tooLarge = code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG' || code === 'ERR_BUFFER_TOO_LARGE';
  if (tooLarge || (err instanceof RangeError && /string length|allocation failed/i.test(err.message))) {
    return 'too large to hold as one string in memory';
  }
  return fsErrorMessage(err);
}

async function* fileChunks(fh: FileHandle, start: number, end: number): Chunks {
  let pos = start;
  while (pos < end) {
    const len = Math.min(CHUNK, end - pos);
    // A fresh buffer per read: the JSONL splitter may keep a slice of the previous one.
    const buf = Buffer.allocUnsafe(len);
    const { bytesRead } = await fh.read(buf, 0, len, pos);
    if (bytesRead === 0) return;
    yield bytesRead < len ? buf.subarray(0, bytesRead) : buf;
    pos += bytesRead;
  }
}

async function* asBuffers(src: AsyncIterable<Buffer | string>): Chunks {
  for await (const c of src) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
}

function gunzip(src: Chunks): Chunks {
  const gz = createGunzip({ chunkSize: 256 * 1024 });
  // pipeline forwards a source error into gz, so the consumer's for-await sees every failure.
  pipeline(Readable.from(src, { objectMode: false }), gz, () => {});
  return gz;
}

async function collect(src: Chunks): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of src) parts.push(c);
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/**
 * Read ahead from a stream until `enough(headSoFar)` holds or the stream ends, and give back
 * the head plus a stream that replays it followed by the rest: sniffing must not lose bytes.
 */
async function peek(src: Chunks, enough: (head: Buffer[], bytes: number) => boolean): Promise<{ head: Buffer; replay: Chunks }> {
  const it = src[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let bytes = 0;
  let done = false;
  while (!enough(head, bytes)) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    bytes += r.value.length;
  }
  const headBuf = head.length === 1 ? head[0] : Buffer.concat(head);
  async function* replay(): Chunks {
    let finished = done;
    try {
      if (headBuf.length > 0) yield headBuf;
      while (!finished) {
        const r = await it.next();
        if (r.done) finished = true;
        else yield r.value;
      }
    } finally {
      // The consumer stopped early: let the source release its file or stream.
      if (!finished) await it.return?.();
    }
  }
  return { head: headBuf, replay: replay() };
}

// ---------------------------------------------------------------- text documents

function textDoc(buf: Buffer, task: InputTask, opts: LoadOptions, diag: Diagnostics): Doc | null {
  const path = task.display;
  if (buf.length === 0) {
    diag({ severity: 'warning', path, message: 'empty file, skipped' });
    return null;
  }
  if (isBinary(buf, opts.encoding)) {
    diag({ severity: 'warning', path, message: 'binary file, skipped' });
    return null;
  }
  const r = decodeBytes(buf, opts.encoding, path);
  if ('error' in r) {
    diag({ severity: 'error', path, message: r.error });
    return null;
  }
  if (r.text.length === 0) {
    diag({ severity: 'warning', path, message: 'empty file, skipped' });
    return null;
  }
  return { id: path, text: r.text, meta: {}, source: path };
}

// ---------------------------------------------------------------- JSONL

type LineResult = { doc: Doc; needsId: boolean } | { error: string } | null;

interface JsonlState {
  task: InputTask;
  opts: LoadOptions;
  /** null = UTF-8 fast path; else a fatal decoder for a forced ASCII-compatible encoding. */
  decoder: TextDecoder | null;
  /** Lines seen so far in this task (the current line's number relative to the task start). */
  line: number;
  /** True while the next line is the first line of the whole file (BOM may sit there). */
  atFileStart: boolean;
  /** Lines whose text goes straight to an analysis as units (see FastText); null = every line is parsed. */
  fast: FastText | null;
}

/**
 * For an analysis that needs only each document's text (`corpus stats`): lines of the common
 * shape (see jsonText.ts) are not parsed into a Doc; their text field is decoded from the bytes
 * into `out` and handed to `visit`. Every other line takes the usual path (and its Doc is
 * yielded), so diagnostics and line numbers are the same either way.
 */
export interface FastText {
  field: Uint8Array;
  out: TextUnits;
  visit(units: Uint16Array, length: number): void;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function parseLine(st: JsonlState, buf: Buffer, start: number, end: number, validUtf8: boolean): LineResult {
  st.line++;
  if (st.atFileStart) {
    st.atFileStart = false;
    if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
  }
  // A CRLF line keeps its `\r`: JSON.parse treats it as whitespace, and the blank test below skips it.
  let k = start;
  while (k < end && (buf[k] === 0x20 || buf[k] === 0x09 || buf[k] === 0x0d)) k++;
  if (k === end) return null;

  let json: string;
  if (st.decoder === null) {
    if (!validUtf8 && !isUtf8(buf.subarray(start, end))) {
      const bad = firstInvalidUtf8(buf.subarray(start, end));
      const b = buf[start + bad] ?? 0;
      return { error: `not valid UTF-8 (byte 0x${b.toString(16).padStart(2, '0')} at byte ${bad + 1} of the line; use --encoding)` };
    }
    json = decodeValidUtf8(buf, start, end);
  } else {
    try {
      json = st.decoder.decode(buf.subarray(start, end));
    } catch {
      return { error: `not valid ${st.decoder.encoding}` };
    }
  }

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { error: `invalid JSON (${oneLine(err instanceof Error ? err.message : String(err), 160)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: `not a JSON object (got ${typeName(value)})` };
  }
  const { textField, idField } = st.opts;
  const obj = value as Record<string, unknown>;
  const text = obj[textField];
  if (typeof text !== 'string') {
    return { error: text === undefined ? `no string field "${textField}"` : `no string field "${textField}" (found ${typeName(text)})` };
  }
  // Rest destructuring copies with define semantics, so a "__proto__" key stays plain data.
  const { [textField]: _text, [idField]: rawId, ...meta } = obj;
  void _text;
  let id = '';
  let needsId = true;
  if (rawId !== undefined && rawId !== null && rawId !== '') {
    id = typeof rawId === 'object' ? JSON.stringify(rawId) : String(rawId);
    needsId = false;
  }
  return { doc: { id, text, meta, source: st.task.display }, needsId };
}

async function countNewlines(fh: FileHandle, end: number): Promise<number> {
  let count = 0;
  for await (const chunk of fileChunks(fh, 0, end)) {
    for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, i + 1)) count++;
  }
  return count;
}

/**
 * Split chunks into lines and turn them into Docs, yielded as the batch of each chunk: one
 * generator step per MB rather than per document (three nested async generators per document
 * cost about as much as parsing a short one, and made V8 optimize them again and again).
 * `lineBase` gives the number of lines before the task's first byte; it is only awaited when a
 * line number is needed.
 */
async function* jsonlDocs(src: Chunks, st: JsonlState, lineBase: () => Promise<number>, diag: Diagnostics): AsyncGenerator<Doc[]> {
  let base: number | undefined;
  const display = st.task.display;
  /** A line that failed or needs its number as id: reported, or given `FILE:LINE`; then kept in `out`. */
  const settle = (r: LineResult, out: Doc[]): void => {
    if (r === null) return;
    const where = `${display}:${base! + st.line}`;
    if ('error' in r) {
      diag({ severity: 'error', path: where, message: r.error });
      return;
    }
    if (r.needsId) r.doc.id = where;
    out.push(r.doc);
  };

  let carry: Buffer[] = [];
  for await (const chunk of src) {
    const out: Doc[] = [];
    let visited = false; // lines handed to st.fast: an empty batch still reports the chunk's progress
    let pos = 0;
    if (carry.length > 0) {
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        carry.push(chunk);
        continue;
      }
      carry.push(chunk.subarray(0, nl));
      const line = Buffer.concat(carry);
      carry = [];
      const r = parseLine(st, line, 0, line.length, false);
      if (r !== null && ('error' in r || r.needsId)) base ??= await lineBase();
      settle(r, out);
      pos = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= pos) {
      // One validation for all complete lines of the chunk; per-line checks only if it fails.
      const valid = st.decoder === null && isUtf8(chunk.subarray(pos, last + 1));
      const fast = valid ? st.fast : null;
      while (pos <= last) {
        const nl = chunk.indexOf(NL, pos);
        if (fast !== null && !st.atFileStart) {
          const n = readTextField(chunk, pos, nl, fast.field, fast.out);
          if (n >= 0) {
            st.line++;
            visited = true;
            fast.visit(fast.out.units, n);
            pos = nl + 1;
            continue;
          }
        }
        const r = parseLine(st, chunk, pos, nl, valid);
        pos = nl + 1;
        if (r !== null && !('error' in r) && !r.needsId) {
          out.push(r.doc);
          continue;
        }
        if (r !== null) base ??= await lineBase();
        settle(r, out);
      }
    }
    if (pos < chunk.length) carry.push(chunk.subarray(pos));
    if (out.length > 0 || visited) yield out;
  }
  if (carry.length > 0) {
    const line = carry.length === 1 ? carry[0] : Buffer.concat(carry);
    const out: Doc[] = [];
    const r = parseLine(st, line, 0, line.length, false);
    if (r !== null && ('error' in r || r.needsId)) base ??= await lineBase();
    settle(r, out);
    if (out.length > 0) yield out;
  }
}

/** The per-task line decoder, or an error message when JSONL cannot be read in that encoding. */
function jsonlDecoder(encoding: string): { decoder: TextDecoder | null } | { error: string } {
  const requested = encoding.trim().toLowerCase();
  if (requested === 'auto' || requested === '') return { decoder: null };
  const canon = canonicalEncoding(requested);
  if (canon === null || canon === 'replacement') return { error: `unknown encoding '${encoding}'` };
  if (canon === 'utf-8') return { decoder: null };
  if (canon.startsWith('utf-16')) return { error: `JSONL must be UTF-8 (or an ASCII-compatible encoding), not ${canon}` };
  return { decoder: new TextDecoder(canon, { fatal: true, ignoreBOM: true }) };
}

/** File-level checks on the first bytes of a JSONL stream; returns a diagnostic or null. */
function jsonlHeadProblem(head: Buffer): { severity: 'warning' | 'error'; message: string } | null {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return { severity: 'error', message: 'UTF-16 JSONL is not supported (convert it to UTF-8)' };
  }
  if (head.subarray(0, 64 * 1024).indexOf(0) !== -1) {
    if (sniffUtf16NoBom(head)) return { severity: 'error', message: 'UTF-16 JSONL is not supported (convert it to UTF-8)' };
    return { severity: 'warning', message: 'binary file, skipped' };
  }
  return null;
}

async function* readJsonl(src: Chunks, task: InputTask, opts: LoadOptions, diag: Diagnostics, lineBase: () => Promise<number>, fromFileStart: boolean, fast: FastText | null): AsyncGenerator<Doc[]> {
  const dec = jsonlDecoder(opts.encoding);
  if ('error' in dec) {
    diag({ severity: 'error', path: task.display, message: dec.error });
    return;
  }
  let stream = src;
  if (fromFileStart) {
    const { head, replay } = await peek(src, (_h, bytes) => bytes >= 64 * 1024);
    const problem = jsonlHeadProblem(head);
    if (problem) {
      diag({ ...problem, path: task.display });
      return;
    }
    stream = replay;
  }
  const st: JsonlState = { task, opts, decoder: dec.decoder, line: 0, atFileStart: fromFileStart, fast };
  yield* jsonlDocs(stream, st, lineBase, diag);
}

// ---------------------------------------------------------------- stdin

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** First byte that is neither whitespace nor part of a UTF-8 BOM, or -1 if none yet. */
function firstContentByte(bufs: Buffer[]): number {
  let index = 0;
  for (const b of bufs) {
    for (let i = 0; i < b.length; i++, index++) {
      const c = b[i];
      if (index < 3 && (c === 0xef || c === 0xbb || c === 0xbf)) continue;
      if (!isSpace(c)) return c;
    }
  }
  return -1;
}

/**
 * Stateful "have we seen enough" test for stdin sniffing. It only scans the chunks added since
 * the last call, so a huge first line arriving in thousands of chunks stays linear.
 */
function sniffEnough(): (head: Buffer[]) => boolean {
  let scanned = 0;
  let index = 0;
  let first = -1;
  let lines = 0;
  let content = false;
  return (head) => {
    for (; scanned < head.length; scanned++) {
      const b = head[scanned];
      for (let i = 0; i < b.length; i++, index++) {
        const c = b[i];
        if (first === -1) {
          if (index < 3 && (c === 0xef || c === 0xbb || c === 0xbf)) continue;
          if (isSpace(c)) continue;
          first = c;
          if (first !== 0x7b) return true; // not `{`: text, no need to read further
        }
        if (c === NL) {
          if (content) lines++;
          content = false;
          if (lines >= SNIFF_LINES) return true;
        } else if (!isSpace(c)) content = true;
      }
    }
    return false;
  };
}

/** True when every one of the first few non-empty lines parses as a JSON object. */
function looksLikeJsonl(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  // The head ends either after SNIFF_LINES complete non-empty lines (we stop before any cut
  // line) or at end of input (the last piece is then a real, complete line).
  let checked = 0;
  for (const raw of lines) {
    if (checked >= SNIFF_LINES) break;
    const line = raw.trim();
    if (line === '') continue;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    } catch {
      return false;
    }
    checked++;
  }
  return checked > 0;
}

async function* readStdin(task: InputTask, opts: LoadOptions, diag: Diagnostics, stdin: AsyncIterable<Buffer | string>): AsyncGenerator<Doc[]> {
  let src: Chunks = asBuffers(stdin);
  const magic = await peek(src, (_h, bytes) => bytes >= 2);
  src = magic.head.length >= 2 && magic.head[0] === 0x1f && magic.head[1] === 0x8b ? gunzip(magic.replay) : magic.replay;

  let format = task.format;
  if (task.sniffFormat) {
    const sniff = await peek(src, sniffEnough());
    src = sniff.replay;
    if (firstContentByte([sniff.head]) === 0x7b && looksLikeJsonl(sniff.head)) format = 'jsonl';
  }
  if (format === 'jsonl') {
    yield* readJsonl(src, task, opts, diag, async () => 0, true, null);
    return;
  }
  const doc = textDoc(await collect(src), task, opts, diag);
  if (doc) yield [doc];
}

// ---------------------------------------------------------------- entry point

/**
 * Stream the Docs of one task. `stdin` is injectable for tests; it defaults to process.stdin.
 */
export async function* readDocs(
  task: InputTask,
  opts: LoadOptions,
  diag: Diagnostics,
  stdin: AsyncIterable<Buffer | string> = process.stdin,
): AsyncGenerator<Doc> {
  for await (const batch of readDocBatches(task, opts, diag, stdin)) yield* batch;
}

/**
 * The Docs of one task in batches (the documents of each chunk read), for the loops that go over
 * every document of a corpus: no generator step per document.
 */
export async function* readDocBatches(
  task: InputTask,
  opts: LoadOptions,
  diag: Diagnostics,
  stdin: AsyncIterable<Buffer | string> = process.stdin,
  fast: FastText | null = null,
): AsyncGenerator<Doc[]> {
  const path = task.display;
  if (task.path === '-') {
    try {
      yield* readStdin(task, opts, diag, stdin);
    } catch (err) {
      diag({ severity: 'error', path, message: errorMessage(err) });
    }
    return;
  }

  let fh: FileHandle;
  try {
    fh = await fsp.open(task.path, 'r');
  } catch (err) {
    diag({ severity: 'error', path, message: errorMessage(err) });
    return;
  }
  try {
    const start = task.byteStart ?? 0;
    const end = task.byteEnd ?? Infinity;
    if (task.format === 'text') {
      const buf = task.gzip ? await collect(gunzip(fileChunks(fh, 0, Infinity))) : await fh.readFile();
      const doc = textDoc(buf, task, opts, diag);
      if (doc) yield [doc];
      return;
    }
    const src = task.gzip ? gunzip(fileChunks(fh, 0, Infinity)) : fileChunks(fh, start, end);
    const lineBase = start > 0 && !task.gzip ? () => countNewlines(fh, start) : async () => 0;
    yield* readJsonl(src, task, opts, diag, lineBase, task.gzip || start === 0, fast);
  } catch (err) {
    diag({ severity: 'error', path, message: errorMessage(err) });
  } finally {
    await fh.close().catch(() => {});
  }
}
