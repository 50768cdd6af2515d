/**
 * Contracts of the input layer. Everything the analyzers see is a `Doc`;
 * everything that can go wrong with an input is reported through a `Diagnostics` sink
 * (never thrown past the loader), so one bad file never stops a run.
 */

/** One document, as the loader yields it. */
export interface Doc {
  /** Stable id: for a plain file the path as the user gave it; for JSONL the `--id-field` value, else `FILE:LINE`. */
  id: string;
  /** The decoded ORIGINAL text (BOM removed, CRLF kept). All reported offsets point into this string. */
  text: string;
  /** Other JSONL fields (the dates analyzer reads `date`); `{}` for plain files. */
  meta: Record<string, unknown>;
  /** Path of the file it came from as the user gave it (`-` for stdin). */
  source: string;
}

export interface LoadOptions {
  /** `auto` (BOM, UTF-8, else Windows-1256 when it looks Arabic) or a WHATWG label such as `windows-1256`, `utf-16le`, `utf-8`, `iso-8859-6`. */
  encoding: string;
  /** JSONL field holding the text. */
  textField: string;
  /** JSONL field holding the id. */
  idField: string;
  /** Extensions read when walking a folder, without the dot and without `.gz` (`gz` variants are always accepted). */
  extensions: string[];
}

export const DEFAULT_EXTENSIONS = ['txt', 'md', 'jsonl', 'ndjson'];

/**
 * A unit of input work: one file, or one byte range of a big uncompressed JSONL file
 * (ranges are cut at newlines so each worker reads its own part of the file).
 */
export interface InputTask {
  /** Filesystem path, or `-` for stdin. */
  path: string;
  /** How the file is named in ids and messages: the path as the user gave it (or as found under the folder the user gave). */
  display: string;
  /** `jsonl` for .jsonl/.ndjson (also under .gz), else `text`. */
  format: 'text' | 'jsonl';
  /**
   * Added for stdin: the user did not fix the format, so `readDocs` looks at the first lines and
   * switches `text` to `jsonl` when they all parse as JSON objects. The planner cannot decide this
   * itself without consuming stdin, hence a flag on the task instead of a decision.
   */
  sniffFormat?: boolean;
  gzip: boolean;
  /** Byte size on disk (0 for stdin). */
  size: number;
  /** For a JSONL range: first byte (inclusive) and last byte (exclusive); absent = whole file. */
  byteStart?: number;
  byteEnd?: number;
}

/** Severity decides the exit code: any `error` makes the run end with exit code 1 after the rest was analyzed. */
export type Severity = 'warning' | 'error';

export interface Diagnostic {
  severity: Severity;
  /** File (as the user named it), with `:LINE` for a JSONL line. */
  path: string;
  message: string;
}

export type Diagnostics = (d: Diagnostic) => void;
