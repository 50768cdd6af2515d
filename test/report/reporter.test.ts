import { describe, expect, test } from 'vitest';
import { createReporter } from '../../src/report/reporter.js';
import { createSink } from '../../src/report/sink.js';
import type { Column, Format, OutputContext, Row } from '../../src/report/types.js';
import { brokenPipe, memoryStream } from './helpers.js';

async function render(ctx: Partial<OutputContext> & { format: Format }, use: (r: ReturnType<typeof createReporter>) => Promise<void>) {
  const out = memoryStream();
  const reporter = createReporter({ color: false, ...ctx }, createSink(out.stream));
  await use(reporter);
  return out.text();
}

const mentionColumns: Column[] = [
  { key: 'doc', header: 'document' },
  { key: 'entity', role: 'term' },
  { key: 'start' },
  { key: 'score', display: (v) => (v as number).toFixed(1) },
];
const mentions: Row[] = [
  { entity: 'القُدْس', doc: 'a.txt', start: 12, score: 0.25, internal: 'not for output' },
  { doc: 'b, "c".txt', entity: 'مصر', start: 1234567, score: 1 / 3 },
  { doc: 'd.txt', entity: 'تونس\tالعاصمة', start: 0 }, // no score
];

async function* slowly<T>(items: T[]) {
  for (const item of items) {
    await new Promise((r) => setTimeout(r, 1));
    yield item;
  }
}

describe('(a) rows', () => {
  test('jsonl: one compact object per line, column keys in column order, raw numbers, null for missing', async () => {
    expect(await render({ format: 'jsonl' }, (r) => r.rows(mentionColumns, mentions))).toBe(
      '{"doc":"a.txt","entity":"القُدْس","start":12,"score":0.25}\n' +
        '{"doc":"b, \\"c\\".txt","entity":"مصر","start":1234567,"score":0.3333333333333333}\n' +
        '{"doc":"d.txt","entity":"تونس\\tالعاصمة","start":0,"score":null}\n',
    );
  });

  test('json: a pretty array of the same objects', async () => {
    const text = await render({ format: 'json' }, (r) => r.rows(mentionColumns, slowly(mentions)));
    const expected = [
      { doc: 'a.txt', entity: 'القُدْس', start: 12, score: 0.25 },
      { doc: 'b, "c".txt', entity: 'مصر', start: 1234567, score: 1 / 3 },
      { doc: 'd.txt', entity: 'تونس\tالعاصمة', start: 0, score: null },
    ];
    expect(text).toBe(JSON.stringify(expected, null, 2) + '\n');
  });

  test('json: no rows is an empty array', async () => {
    expect(await render({ format: 'json' }, (r) => r.rows(mentionColumns, []))).toBe('[]\n');
  });

  test('csv: header of keys, quoted where needed, raw values', async () => {
    expect(await render({ format: 'csv' }, (r) => r.rows(mentionColumns, slowly(mentions)))).toBe(
      'doc,entity,start,score\n' +
        'a.txt,القُدْس,12,0.25\n' +
        '"b, ""c"".txt",مصر,1234567,0.3333333333333333\n' +
        'd.txt,تونس\tالعاصمة,0,\n',
    );
  });

  test('tsv: header of keys, escaped tabs', async () => {
    expect(await render({ format: 'tsv' }, (r) => r.rows(mentionColumns, mentions))).toBe(
      'doc\tentity\tstart\tscore\n' +
        'a.txt\tالقُدْس\t12\t0.25\n' +
        'b, "c".txt\tمصر\t1234567\t0.3333333333333333\n' +
        'd.txt\tتونس\\tالعاصمة\t0\t\n',
    );
  });

  test('table: headers, diacritics stripped, display functions, separators; no colour codes', async () => {
    const text = await render({ format: 'table' }, (r) => r.rows(mentionColumns, mentions, { title: 'الكيانات' }));
    expect(text).toBe(
      'الكيانات\n' +
        'document    entity            start  score\n' +
        '──────────────────────────────────────────\n' +
        'a.txt       القدس                12    0.3\n' +
        'b, "c".txt  مصر           1,234,567    0.3\n' +
        'd.txt       تونس العاصمة          0\n',
    );
    expect(text).not.toContain('\u001b');
  });

  test('table with colour: header escapes appear', async () => {
    const text = await render({ format: 'table', color: true }, (r) => r.rows([{ key: 'n' }], [{ n: 1 }]));
    expect(text).toBe('\u001b[1m\u001b[36mn\u001b[39m\u001b[22m\n─\n1\n');
  });

  test('a closed reader stops the iteration of an endless source', async () => {
    const pipe = brokenPipe();
    let pulled = 0;
    function* endless(): Generator<Row> {
      for (;;) yield { n: pulled++ };
    }
    const reporter = createReporter({ format: 'jsonl', color: false }, createSink(pipe.stream, { chunkSize: 0 }));
    await reporter.rows([{ key: 'n' }], endless());
    expect(pulled).toBeLessThan(10);
  });

  test('one report per reporter', async () => {
    const reporter = createReporter({ format: 'csv', color: false }, createSink(memoryStream().stream));
    await reporter.rows([{ key: 'n' }], []);
    await expect(reporter.rows([{ key: 'n' }], [])).rejects.toThrow('one report per run');
  });
});

describe('(b) summary with a list', () => {
  const summary = {
    title: 'Corpus',
    fields: [
      { key: 'documents' },
      { key: 'tokens' },
      { key: 'type_token_ratio', header: 'TTR', display: (v: unknown) => (v as number).toFixed(2) },
      { key: 'encoding' },
    ] as Column[],
    values: { documents: 3, tokens: 12045, type_token_ratio: 0.41234, encoding: 'utf-8' },
  };
  const list = {
    key: 'top_words',
    title: 'Top words',
    columns: [{ key: 'word' }, { key: 'count' }] as Column[],
    rows: [
      { word: 'فِي', count: 812 },
      { word: 'من', count: 640 },
    ],
  };

  test('json: figures at the top level, the list in its field', async () => {
    const text = await render({ format: 'json' }, (r) => r.summary(summary, list));
    expect(JSON.parse(text)).toEqual({
      documents: 3,
      tokens: 12045,
      type_token_ratio: 0.41234,
      encoding: 'utf-8',
      top_words: [
        { word: 'فِي', count: 812 },
        { word: 'من', count: 640 },
      ],
    });
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  test('jsonl: the same record on one line', async () => {
    expect(await render({ format: 'jsonl' }, (r) => r.summary(summary, list))).toBe(
      '{"documents":3,"tokens":12045,"type_token_ratio":0.41234,"encoding":"utf-8","top_words":[{"word":"فِي","count":812},{"word":"من","count":640}]}\n',
    );
  });

  test('csv/tsv: one record, the list JSON-encoded in its cell', async () => {
    expect(await render({ format: 'csv' }, (r) => r.summary(summary, list))).toBe(
      'documents,tokens,type_token_ratio,encoding,top_words\n' +
        '3,12045,0.41234,utf-8,"[{""word"":""فِي"",""count"":812},{""word"":""من"",""count"":640}]"\n',
    );
    expect(await render({ format: 'tsv' }, (r) => r.summary(summary, list))).toBe(
      'documents\ttokens\ttype_token_ratio\tencoding\ttop_words\n' +
        '3\t12045\t0.41234\tutf-8\t[{"word":"فِي","count":812},{"word":"من","count":640}]\n',
    );
  });

  test('table: a key/value block, then the list as a table', async () => {
    expect(await render({ format: 'table' }, (r) => r.summary(summary, list))).toBe(
      'Corpus\n' +
        'documents       3\n' +
        'tokens     12,045\n' +
        'TTR          0.41\n' +
        'encoding   utf-8\n' +
        '\n' +
        'Top words\n' +
        'word  count\n' +
        '───────────\n' +
        'في      812\n' +
        'من      640\n',
    );
  });

  test('figures alone', async () => {
    expect(await render({ format: 'jsonl' }, (r) => r.summary(summary))).toBe(
      '{"documents":3,"tokens":12045,"type_token_ratio":0.41234,"encoding":"utf-8"}\n',
    );
  });
});

describe('(c) chart', () => {
  const columns: Column[] = [{ key: 'period' }, { key: 'count' }];
  const timeline = [
    { period: '2024-01', count: 40 },
    { period: '2024-02', count: 10 },
    { period: '2024-03', count: 25 },
  ];

  test('table: bars scaled to the terminal width', async () => {
    const text = await render({ format: 'table', columns: 30 }, (r) =>
      r.chart(columns, timeline, { label: 'period', value: 'count', title: 'Mentions per month' }),
    );
    // 30 - 7 (label) - 2 (count) - 4 (gaps) = 17 cells for the largest value.
    expect(text).toBe(
      'Mentions per month\n' +
        `2024-01  40  ${'█'.repeat(17)}\n` +
        `2024-02  10  ████▎\n` +
        `2024-03  25  ██████████▋\n`,
    );
  });

  test('machine formats: plain rows', async () => {
    expect(await render({ format: 'csv', columns: 30 }, (r) => r.chart(columns, timeline, { label: 'period', value: 'count' }))).toBe(
      'period,count\n2024-01,40\n2024-02,10\n2024-03,25\n',
    );
    expect(await render({ format: 'jsonl' }, (r) => r.chart(columns, slowly(timeline), { label: 'period', value: 'count' }))).toBe(
      '{"period":"2024-01","count":40}\n{"period":"2024-02","count":10}\n{"period":"2024-03","count":25}\n',
    );
  });
});
