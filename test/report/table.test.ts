import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { bar, renderBars } from '../../src/report/bars.js';
import { fitWidths, formatNumber, renderKeyValue, renderTable, renderTitle } from '../../src/report/table.js';
import type { Column } from '../../src/report/types.js';

const plain = new Chalk({ level: 0 });
const colored = new Chalk({ level: 1 });

describe('renderTable', () => {
  const columns: Column[] = [{ key: 'word' }, { key: 'count' }];
  const rows = [
    { word: 'الْكِتَابُ', count: 1234 },
    { word: 'قَلَم', count: 7.12345 },
  ];

  test('colour off: plain text, diacritics stripped, numbers right-aligned with separators', () => {
    expect(renderTable(columns, rows, { chalk: plain })).toBe(
      'word    count\n' + //
        '─────────────\n' +
        'الكتاب  1,234\n' +
        'قلم     7.123\n',
    );
  });

  test('colour on: bold cyan header, roles painted, layout unchanged', () => {
    const painted: Column[] = [{ key: 'word', role: 'term' }, { key: 'count', role: 'count' }];
    expect(renderTable(painted, [rows[0]], { chalk: colored })).toBe(
      '\u001b[1m\u001b[36mword\u001b[39m\u001b[22m    \u001b[1m\u001b[36mcount\u001b[39m\u001b[22m\n' +
        '─────────────\n' +
        '\u001b[32mالكتاب\u001b[39m  \u001b[33m1,234\u001b[39m\n',
    );
  });

  test('Column header, display and align are used; missing values are blank', () => {
    const cols: Column[] = [
      { key: 'entity', header: 'الكيان' },
      { key: 'share', header: 'share', display: (v) => `${((v as number) * 100).toFixed(1)}%`, align: 'right' },
      { key: 'docs' },
    ];
    expect(renderTable(cols, [{ entity: 'مصر', share: 0.5, docs: ['a', 'b'] }, { entity: 'تونس', share: 0.125 }], { chalk: plain })).toBe(
      'الكيان  share  docs\n' + //
        '───────────────────\n' +
        'مصر     50.0%  a, b\n' +
        'تونس    12.5%\n',
    );
  });

  test('tabs and newlines in cells do not break rows', () => {
    expect(renderTable([{ key: 'text' }], [{ text: 'سطر\nثان\tثالث' }], { chalk: plain })).toBe('text\n────────────\nسطر ثان ثالث\n');
  });

  test('long text columns are cut to the terminal width; numbers are not', () => {
    const cols: Column[] = [{ key: 'doc' }, { key: 'context' }, { key: 'count' }];
    const row = { doc: 'a.txt', context: 'واصل المغرب، خلال السنة الجارية لفت انتباه', count: 123456 };
    expect(renderTable(cols, [row], { chalk: plain, columns: 32 })).toBe(
      'doc    context             count\n' + //
        '────────────────────────────────\n' +
        'a.txt  واصل المغرب، خل…  123,456\n',
    );
    // Without a known width nothing is cut.
    expect(renderTable(cols, [row], { chalk: plain })).toContain('لفت انتباه');
  });

  test('an empty list still shows its header', () => {
    expect(renderTable(columns, [], { chalk: plain })).toBe('word  count\n───────────\n');
  });
});

test('fitWidths cuts the widest text columns to a common cap, not below their minimum', () => {
  expect(fitWidths([5, 40, 30, 6], [5, 8, 8, 6], [true, true, true, false], 100)).toEqual([5, 40, 30, 6]);
  expect(fitWidths([5, 40, 30, 6], [5, 8, 8, 6], [true, true, true, false], 51)).toEqual([5, 20, 20, 6]);
  expect(fitWidths([5, 40, 30, 6], [5, 8, 8, 6], [true, true, true, false], 10)).toEqual([5, 8, 8, 6]);
});

test('formatNumber: thousands separators, at most 3 decimals, Latin digits', () => {
  expect(formatNumber(1234567.891234)).toBe('1,234,567.891');
  expect(formatNumber(0.0004)).toBe('0');
  expect(formatNumber(-42)).toBe('-42');
});

test('renderKeyValue: labels left, numbers right, text left', () => {
  expect(
    renderKeyValue(
      [
        ['documents', 1200],
        ['tokens', 3456789.5],
        ['encoding', 'utf-8'],
        ['أطول كلمة', 'اسْتِقْلَالِيَّة'],
      ],
      { chalk: plain },
    ),
  ).toBe(
    'documents        1,200\n' + //
      'tokens     3,456,789.5\n' +
      'encoding   utf-8\n' +
      'أطول كلمة  استقلالية\n',
  );
  expect(renderKeyValue([['a', 1]], { chalk: colored })).toBe('\u001b[36ma\u001b[39m  1\n');
});

test('renderTitle', () => {
  expect(renderTitle('إحصاءات\n', { chalk: plain })).toBe('إحصاءات \n');
  expect(renderTitle('Stats', { chalk: colored })).toBe('\u001b[1mStats\u001b[22m\n');
});

describe('renderBars', () => {
  test('eighth blocks, scaled to the room left; any non-zero value is visible', () => {
    expect(bar(0)).toBe('');
    expect(bar(1)).toBe('▏');
    expect(bar(7)).toBe('▉');
    expect(bar(8)).toBe('█');
    expect(bar(19)).toBe('██▍');
    const bars = [
      { label: '2024-01', value: 8 },
      { label: '2024-02', value: 3 },
      { label: '2024-03', value: 0 },
      { label: '2024-04', value: 0.01 },
    ];
    // 24 columns - 7 (label) - 4 (count) - 4 (gaps) = 9, raised to the minimum of 10.
    expect(renderBars(bars, { chalk: plain, columns: 24 })).toBe(
      '2024-01     8  ██████████\n' + //
        '2024-02     3  ███▊\n' +
        '2024-03     0\n' +
        '2024-04  0.01  ▏\n',
    );
  });

  test('the widest bar fills the terminal width', () => {
    const out = renderBars([{ label: 'يناير', value: 2000 }, { label: 'فبراير', value: 1000 }], { chalk: plain, columns: 40 });
    expect(out).toBe(`يناير   2,000  ${'█'.repeat(25)}\nفبراير  1,000  ${'█'.repeat(12)}▌\n`);
    expect(Array.from(out.split('\n')[0]).length).toBe(40);
  });

  test('colour: count yellow, bar cyan', () => {
    expect(renderBars([{ label: 'x', value: 1 }], { chalk: colored, columns: 16 })).toBe(
      'x  \u001b[33m1\u001b[39m  \u001b[36m' + '█'.repeat(10) + '\u001b[39m\n',
    );
  });
});
