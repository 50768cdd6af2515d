/**
 * What the user sees when a run fails: exactly one line on stderr, `corpus: PATH: message`
 * (or `corpus: message`), in the style of `cat: x: No such file or directory`, and an exit
 * code that says whose fault it was. Stack traces are for developers: only with CORPUS_DEBUG=1.
 *
 * Exit codes: 0 ok; 1 input (a file could not be read or parsed; also what Diagnostics
 * errors end with); 2 usage (bad flag or argument, as commander and POSIX utilities use);
 * 3 internal (a bug in corpus).
 */

export type ErrorKind = 'usage' | 'input' | 'internal';

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** An error we expected and can explain; anything else is reported as internal. */
export class CorpusError extends Error {
  readonly kind: ErrorKind;
  /** The file concerned, as the user named it. */
  readonly path?: string;

  constructor(message: string, options: { kind?: ErrorKind; path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CorpusError';
    this.kind = options.kind ?? 'input';
    this.path = options.path;
  }
}

/** Node system error codes in the words of `strerror` (lower-case, as GNU tools print them). */
const SYSTEM_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in system',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EBUSY: 'device or resource busy',
  ENXIO: 'no such device or address',
  EINVAL: 'invalid argument',
  EFBIG: 'file too large',
  ENOMEM: 'out of memory',
  // zlib: a .gz that is not gzip, or is cut short.
  Z_DATA_ERROR: 'not valid gzip data',
  Z_BUF_ERROR: 'unexpected end of gzip data',
};

interface SystemLike {
  code?: unknown;
  path?: unknown;
  message?: unknown;
  exitCode?: unknown;
}

const codeOf = (err: unknown): string | undefined => {
  const code = typeof err === 'object' && err !== null ? (err as SystemLike).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** commander's errors (`commander.unknownOption`, ...) are usage errors; its text starts with "error: ". */
const isCommander = (err: unknown): boolean => codeOf(err)?.startsWith('commander.') === true;

/** An error from the OS or zlib about a file (has a code we know or an errno-style code). */
const isSystem = (err: unknown): boolean => {
  const code = codeOf(err);
  return code !== undefined && (code in SYSTEM_MESSAGES || /^E[A-Z]+$/.test(code));
};

export function errorKind(err: unknown): ErrorKind {
  if (err instanceof CorpusError) return err.kind;
  if (isCommander(err)) return 'usage';
  if (isSystem(err)) return 'input';
  return 'internal';
}

export function exitCodeFor(err: unknown): number {
  // `--help` and `--version` come through commander's exitOverride as errors with exit code 0.
  if (isCommander(err) && (err as SystemLike).exitCode === 0) return EXIT.ok;
  return EXIT[errorKind(err)];
}

/** One line, whatever the text holds: line breaks become spaces, other controls are escaped. */
function oneLine(s: string): string {
  return s
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, (c) => (c === '\t' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`))
    .trim();
}

function messageOf(err: unknown): { path?: string; message: string } {
  if (err instanceof CorpusError) return { path: err.path, message: err.message };
  const e = (typeof err === 'object' && err !== null ? err : {}) as SystemLike;
  const raw = typeof e.message === 'string' ? e.message : String(err);
  if (isCommander(err)) return { message: raw.replace(/^error:\s*/, '') };
  const code = codeOf(err);
  if (code !== undefined && isSystem(err)) {
    const path = typeof e.path === 'string' ? e.path : undefined;
    // Node's own text is "ENOENT: no such file or directory, open 'x'": keep the middle.
    const fallback = raw.replace(new RegExp(`^${code}:\\s*`), '').replace(/,\s*\w+\s+'[^']*'(\s*->\s*'[^']*')?$/, '');
    return { path, message: SYSTEM_MESSAGES[code] ?? fallback };
  }
  return { message: `internal error: ${raw}` };
}

/**
 * `corpus: PATH: message` or `corpus: message`, no trailing newline. With CORPUS_DEBUG=1 the
 * stack (and causes) follow on the next lines.
 */
export function formatError(err: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const { path, message } = messageOf(err);
  const line = `corpus: ${path !== undefined && path !== '' ? `${oneLine(path)}: ` : ''}${oneLine(message)}`;
  if (env.CORPUS_DEBUG !== '1') return line;
  const stacks: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.stack) stacks.push(depth === 0 ? e.stack : `caused by: ${e.stack}`);
  }
  return [line, ...stacks].join('\n');
}
