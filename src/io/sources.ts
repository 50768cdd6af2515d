/**
 * Command-line paths -> an ordered list of InputTasks (nothing is read yet).
 *
 * Folders are walked recursively and their files sorted by relative path with a plain code-unit
 * comparison, so runs are reproducible across machines and locales. Hidden entries are skipped
 * inside folders (never the folder the user named), symlinks are followed but a directory that is
 * its own ancestor is skipped, so loops cannot hang the walk. A file named explicitly is always
 * read, whatever its extension. Problems become Diagnostics and the other paths carry on.
 */
import { promises as fsp, constants as fsc, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostics, InputTask, LoadOptions } from './types.js';

/** One-line, human message for a filesystem error (no errno numbers, no stack). */
export function fsErrorMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory (a path component is a file)';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    default: {
      const msg = err instanceof Error ? err.message : String(err);
      return oneLine(msg);
    }
  }
}

/** Collapse a message to one short line so it can never break the stderr layout. */
export function oneLine(msg: string, max = 200): string {
  const flat = msg.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Extension list without dots, lowercased (users may write `.txt`). */
function normaliseExtensions(exts: string[]): string[] {
  return exts.map((e) => e.trim().replace(/^\.+/, '').toLowerCase()).filter((e) => e.length > 0);
}

/** `x.jsonl`, `x.ndjson` (also `.gz`) are JSONL; everything else is text. */
export function formatOf(name: string): { format: 'text' | 'jsonl'; gzip: boolean } {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const format = base.endsWith('.jsonl') || base.endsWith('.ndjson') ? 'jsonl' : 'text';
  return { format, gzip };
}

function matchesExtension(name: string, exts: string[]): boolean {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return exts.some((e) => base.endsWith(`.${e}`));
}

interface Found {
  rel: string;
  path: string;
  size: number;
}

/** Recursive walk; `ancestors` holds dev:ino of the directories on the current branch. */
async function walk(
  dir: string,
  rel: string,
  display: string,
  ancestors: Set<string>,
  exts: string[],
  out: Found[],
  diag: Diagnostics,
): Promise<void> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    diag({ severity: 'error', path: display, message: fsErrorMessage(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pending: Promise<void>[] = [];
  for (const ent of entries) {
    if (ent.name.startsWith('.')) continue;
    const path = join(dir, ent.name);
    const childRel = rel === '' ? ent.name : `${rel}/${ent.name}`;
    const childDisplay = joinDisplay(display, ent.name);
    const quickMatch = matchesExtension(ent.name, exts);
    // Plain files that do not match need no stat at all: the common case in big trees.
    if (ent.isFile() && !quickMatch) continue;
    if (!ent.isFile() && !ent.isDirectory() && !ent.isSymbolicLink()) continue;
    pending.push(
      (async () => {
        let st: Stats;
        try {
          st = await fsp.stat(path);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (ent.isSymbolicLink() && code === 'ENOENT') {
            if (quickMatch) diag({ severity: 'warning', path: childDisplay, message: 'broken symbolic link, skipped' });
            return;
          }
          diag({ severity: ent.isSymbolicLink() ? 'warning' : 'error', path: childDisplay, message: fsErrorMessage(err) });
          return;
        }
        if (st.isDirectory()) {
          const key = `${st.dev}:${st.ino}`;
          if (ancestors.has(key)) {
            diag({ severity: 'warning', path: childDisplay, message: 'symbolic link loop, skipped' });
            return;
          }
          const next = new Set(ancestors);
          next.add(key);
          await walk(path, childRel, childDisplay, next, exts, out, diag);
        } else if (st.isFile()) {
          if (quickMatch) out.push({ rel: childRel, path, size: st.size });
        }
      })(),
    );
  }
  await Promise.all(pending);
}

/** The user's spelling of a folder plus a relative name: `seeds` + `a.txt` -> `seeds/a.txt`. */
function joinDisplay(base: string, rel: string): string {
  return base.endsWith('/') ? `${base}${rel}` : `${base}/${rel}`;
}

/**
 * Plan the inputs. `stdinFormat` fixes the format of `-`; when omitted, stdin is marked for
 * sniffing (`sniffFormat`): text unless the first non-empty lines are all JSON objects.
 */
export async function planInputs(
  paths: string[],
  opts: LoadOptions,
  diag: Diagnostics,
  stdinFormat?: 'text' | 'jsonl',
): Promise<InputTask[]> {
  const exts = normaliseExtensions(opts.extensions);
  const tasks: InputTask[] = [];
  let stdinSeen = false;
  for (const given of paths) {
    if (given === '-') {
      if (stdinSeen) {
        diag({ severity: 'warning', path: '-', message: 'stdin given more than once, read once' });
        continue;
      }
      stdinSeen = true;
      tasks.push({
        path: '-',
        display: '-',
        format: stdinFormat ?? 'text',
        gzip: false,
        size: 0,
        ...(stdinFormat === undefined ? { sniffFormat: true } : {}),
      });
      continue;
    }
    let st: Stats;
    try {
      st = await fsp.stat(given);
    } catch (err) {
      diag({ severity: 'error', path: given, message: fsErrorMessage(err) });
      continue;
    }
    if (st.isDirectory()) {
      const found: Found[] = [];
      await walk(given, '', given, new Set([`${st.dev}:${st.ino}`]), exts, found, diag);
      if (found.length === 0) {
        const list = exts.map((e) => `.${e}`).join('/');
        diag({ severity: 'warning', path: given, message: `no ${list} files in this folder` });
        continue;
      }
      found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      for (const f of found) {
        tasks.push({ path: f.path, display: joinDisplay(given, f.rel), ...formatOf(f.rel), size: f.size });
      }
      continue;
    }
    if (!st.isFile()) {
      diag({ severity: 'error', path: given, message: 'not a regular file' });
      continue;
    }
    try {
      await fsp.access(given, fsc.R_OK);
    } catch (err) {
      diag({ severity: 'error', path: given, message: fsErrorMessage(err) });
      continue;
    }
    tasks.push({ path: given, display: given, ...formatOf(given), size: st.size });
  }
  return tasks;
}
