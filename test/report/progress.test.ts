import { describe, expect, test } from 'vitest';
import { createProgress, formatEta, progressLine } from '../../src/cli/progress.js';

function terminal(isTTY = true, columns = 200) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (s: string) => writes.push(s) } };
}

function clock() {
  let t = 0;
  return { now: () => t, set: (ms: number) => (t = ms) };
}

const CLEAR = '\r\u001b[2K';

describe('createProgress', () => {
  test('nothing during the first second', () => {
    const term = terminal();
    const time = clock();
    const p = createProgress({ totalBytes: 1000e6, totalFiles: 120, enabled: true, stream: term.stream, now: time.now });
    for (const ms of [0, 100, 500, 999]) {
      time.set(ms);
      p.advance(1e6, 1);
    }
    p.done();
    expect(term.writes).toEqual([]);
  });

  test('after a second: one line per 100 ms at most, cleared by done()', () => {
    const term = terminal();
    const time = clock();
    const p = createProgress({ totalBytes: 1000e6, totalFiles: 120, enabled: true, stream: term.stream, now: time.now });
    time.set(1000);
    p.advance(25e6, 3);
    expect(term.writes).toEqual([CLEAR + '[▌                   ] 2%  3/120 files  25.0/1000.0 MB  25.0 MB/s  ETA 0:39']);
    time.set(1050);
    p.advance(25e6, 3);
    expect(term.writes).toHaveLength(1);
    time.set(1100);
    p.advance(0);
    expect(term.writes).toHaveLength(2);
    p.done();
    expect(term.writes[2]).toBe(CLEAR);
    time.set(5000);
    p.advance(1e6, 1);
    expect(term.writes).toHaveLength(3);
  });

  test('nothing when disabled (--quiet), even on a terminal and after a long time', () => {
    const term = terminal();
    const time = clock();
    const p = createProgress({ totalBytes: 10, totalFiles: 1, enabled: false, stream: term.stream, now: time.now });
    time.set(60_000);
    p.advance(5, 1);
    p.done();
    expect(term.writes).toEqual([]);
  });

  test('nothing when stderr is not a terminal', () => {
    const term = terminal(false);
    const time = clock();
    const p = createProgress({ totalBytes: 10, totalFiles: 1, enabled: true, stream: term.stream, now: time.now });
    time.set(60_000);
    p.advance(5, 1);
    p.done();
    expect(term.writes).toEqual([]);
  });

  test('the line is cut short of the terminal width so it never wraps', () => {
    const term = terminal(true, 30);
    const time = clock();
    const p = createProgress({ totalBytes: 100, totalFiles: 4, enabled: true, stream: term.stream, now: time.now });
    time.set(2000);
    p.advance(50, 2);
    expect(term.writes).toEqual([CLEAR + '[██████████          ] 50%  2']);
  });
});

test('progressLine: percentage, files, MB, speed, ETA', () => {
  expect(progressLine({ bytes: 250e6, totalBytes: 1000e6, files: 30, totalFiles: 120, elapsedMs: 10_000 })).toBe(
    '[█████               ] 25%  30/120 files  250.0/1000.0 MB  25.0 MB/s  ETA 0:30',
  );
  // stdin: sizes unknown, so no bar by bytes, no total, no ETA.
  expect(progressLine({ bytes: 3.5e6, totalBytes: 0, files: 0, totalFiles: 0, elapsedMs: 2000 })).toBe('0 files  3.5 MB  1.8 MB/s');
});

test('formatEta', () => {
  expect(formatEta(0)).toBe('0:00');
  expect(formatEta(75)).toBe('1:15');
  expect(formatEta(3725)).toBe('1:02:05');
});
