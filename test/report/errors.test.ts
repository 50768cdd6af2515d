import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { CorpusError, EXIT, errorKind, exitCodeFor, formatError } from '../../src/cli/errors.js';

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
};

const env = {};

describe('formatError', () => {
  test('a CorpusError with a path: one line, the path first', () => {
    const err = new CorpusError('not valid UTF-8 (try --encoding windows-1256)', { path: 'news/a.txt' });
    expect(formatError(err, env)).toBe('corpus: news/a.txt: not valid UTF-8 (try --encoding windows-1256)');
    expect(exitCodeFor(err)).toBe(EXIT.input);
  });

  test('without a path', () => {
    const err = new CorpusError('unknown format "xml" (choose table, json, jsonl, csv, tsv)', { kind: 'usage' });
    expect(formatError(err, env)).toBe('corpus: unknown format "xml" (choose table, json, jsonl, csv, tsv)');
    expect(exitCodeFor(err)).toBe(2);
  });

  test('Node ENOENT and EISDIR from the real fs get human words and the path', () => {
    const missing = thrown(() => readFileSync('/nonexistent/مقال.txt'));
    expect(formatError(missing, env)).toBe('corpus: /nonexistent/مقال.txt: no such file or directory');
    expect(exitCodeFor(missing)).toBe(1);
    const dir = thrown(() => readFileSync('/'));
    expect(formatError(dir, env)).toBe('corpus: is a directory');
    expect(errorKind(dir)).toBe('input');
  });

  test('EACCES and an unlisted code keep Node wording without the syscall', () => {
    const eacces = Object.assign(new Error("EACCES: permission denied, open 'secret.txt'"), { code: 'EACCES', path: 'secret.txt', syscall: 'open' });
    expect(formatError(eacces, env)).toBe('corpus: secret.txt: permission denied');
    const exdev = Object.assign(new Error("EXDEV: cross-device link not permitted, rename 'a' -> 'b'"), { code: 'EXDEV', path: 'a' });
    expect(formatError(exdev, env)).toBe('corpus: a: cross-device link not permitted');
    expect(exitCodeFor(exdev)).toBe(1);
  });

  test('always one line, even with line breaks in message or path', () => {
    const err = new CorpusError('line 3:\n  unexpected token', { path: 'odd\nname.jsonl' });
    expect(formatError(err, env)).toBe('corpus: odd name.jsonl: line 3: unexpected token');
  });

  test('a bug is an internal error: one line, no stack, exit 3', () => {
    const err = new TypeError("Cannot read properties of undefined (reading 'length')");
    expect(formatError(err, env)).toBe("corpus: internal error: Cannot read properties of undefined (reading 'length')");
    expect(exitCodeFor(err)).toBe(EXIT.internal);
    expect(formatError('a string', env)).toBe('corpus: internal error: a string');
  });

  test('CORPUS_DEBUG=1 adds the stack after the line', () => {
    const err = new CorpusError('bad', { path: 'x', cause: new Error('root cause') });
    const text = formatError(err, { CORPUS_DEBUG: '1' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('corpus: x: bad');
    expect(lines[1]).toBe('CorpusError: bad');
    expect(lines.slice(2).some((l) => l.trimStart().startsWith('at '))).toBe(true);
    expect(text).toContain('caused by: Error: root cause');
  });

  test('commander errors are usage errors; --help exits 0', () => {
    const program = () =>
      new Command('corpus')
        .exitOverride()
        .configureOutput({ writeErr: () => {}, writeOut: () => {} })
        .option('--format <f>');
    const unknown = thrown(() => program().parse(['--bogus'], { from: 'user' }));
    expect(formatError(unknown, env)).toBe("corpus: unknown option '--bogus'");
    expect(exitCodeFor(unknown)).toBe(EXIT.usage);
    const help = thrown(() => program().parse(['--help'], { from: 'user' }));
    expect(exitCodeFor(help)).toBe(EXIT.ok);
  });
});
