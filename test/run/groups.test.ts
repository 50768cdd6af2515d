import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitTasks } from '../../src/io/split.js';
import type { InputTask } from '../../src/io/types.js';
import { groupByShares, groupTasks, taperTail } from '../../src/run/runner.js';
import { taskBytes } from '../../src/run/worker.js';
import { task, tempDir } from '../io/helpers.js';

const file = (name: string, size: number): InputTask => ({ path: `/x/${name}`, display: name, format: 'text', gzip: false, size });
const bytes = (g: InputTask[]) => g.reduce((a, t) => a + taskBytes(t), 0);

describe('groupByShares and groupTasks', () => {
  it('cut a list of files into contiguous groups by byte shares, keeping the order', () => {
    const files = Array.from({ length: 16 }, (_, i) => file(`f${i}`, 100));
    const groups = groupByShares(files, [0.5, 0.25, 0.125, 0.125]);
    expect(groups.map((g) => g.length)).toEqual([8, 4, 2, 2]);
    expect(groups.flat()).toEqual(files);
    expect(groupTasks(files, 4).map((g) => g.length)).toEqual([4, 4, 4, 4]);
  });

  it('close at most one group per file, so a big file does not leave empty groups', () => {
    const files = [file('big', 1000), file('a', 10), file('b', 10), file('c', 10)];
    const groups = groupTasks(files, 4);
    expect(groups.map((g) => g.map((t) => t.display))).toEqual([['big'], ['a'], ['b'], ['c']]);
  });
});

describe('taperTail', () => {
  it('re-cuts the last groups of a big JSONL file into ranges that halve towards the end', () => {
    const line = JSON.stringify({ id: 'x', text: 'خبر عاجل من الرباط '.repeat(20) }) + '\n';
    const path = join(tempDir(), 'big.jsonl');
    const content = line.repeat(Math.ceil((16 << 20) / Buffer.byteLength(line)));
    writeFileSync(path, content);
    const whole = { ...task(path, 'big.jsonl'), size: Buffer.byteLength(content) };
    const even = groupTasks(splitTasks([whole], 4, 1 << 20), 4);
    expect(even.length).toBe(4);
    const tapered = taperTail(even, 2);
    // the first two groups untouched; the last two (8 MB) become 1/4, 1/4, 1/8, 1/8, 1/16 x 4 of them
    expect(tapered.slice(0, 2)).toEqual(even.slice(0, 2));
    const tail = tapered.slice(2).map(bytes);
    const tailBytes = bytes(even[2]) + bytes(even[3]);
    expect(tail.length).toBe(8);
    const expected = [4, 4, 8, 8, 16, 16, 16, 16].map((d) => tailBytes / d);
    // within one of the quarter-size ranges the tail is first cut into
    tail.forEach((b, i) => expect(Math.abs(b - expected[i])).toBeLessThan(tailBytes / 64 + Buffer.byteLength(line)));
    // still every byte once, in order
    const ranges = tapered.flat();
    expect(ranges[0].byteStart).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].byteStart).toBe(ranges[i - 1].byteEnd);
    expect(ranges[ranges.length - 1].byteEnd).toBe(whole.size);
  });

  it('stops halving where pieces would fall under 512 KB', () => {
    const files = Array.from({ length: 64 }, (_, i) => file(`f${i}`, 64 << 10)); // 4 MB in 64 KB files
    const even = groupTasks(files, 4);
    const tail = taperTail(even, 2).slice(2).map(bytes); // a 2 MB tail: 1/4, 1/4, 1/4, 1/4
    expect(tail).toEqual([512 << 10, 512 << 10, 512 << 10, 512 << 10]);
  });

  it('leaves groups alone when the tail is too small to cut, or with one participant', () => {
    const groups = [[file('a', 1000)], [file('b', 1000)], [file('c', 1000)]];
    expect(taperTail(groups, 2)).toEqual(groups);
    expect(taperTail(groups, 1)).toEqual(groups);
  });
});
