/** Runs the built CLI (bin/corpus.js) as a user would, capturing stdout, stderr and the exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/corpus.js', import.meta.url));

export interface Result {
  stdout: string;
  stderr: string;
  code: number | null;
}

export function corpus(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 1 << 28,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}
