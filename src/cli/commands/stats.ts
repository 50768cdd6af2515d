/**
 * `corpus stats [paths]`: corpus figures, top words, and with --per-doc the same per document.
 */
import type { Command } from 'commander';
import type { Column, Row } from '../../report/types.js';
import { addCommonOptions, parsePositiveInt, resolveCommon } from '../options.js';
import { finish, openSession, requireDocuments } from '../session.js';
import { formatCount } from '../../report/numbers.js';

export const STATS_FIELDS: Array<{ key: string; header: string; doc: string; decimals?: number }> = [
  { key: 'documents', header: 'documents', doc: 'documents read' },
  { key: 'characters', header: 'characters', doc: 'Unicode code points of the original text' },
  { key: 'tokens', header: 'tokens', doc: 'all tokens: words, numbers, punctuation, symbols, URLs...' },
  { key: 'words', header: 'words', doc: 'arabic + latin + mixed + other-script tokens' },
  { key: 'arabic_tokens', header: 'arabic tokens', doc: 'tokens in Arabic script' },
  { key: 'latin_tokens', header: 'latin tokens', doc: 'tokens in Latin script (FBI, Maroc)' },
  { key: 'mixed_tokens', header: 'mixed tokens', doc: 'letters with digits or mixed scripts (G20, mp3)' },
  { key: 'other_script_tokens', header: 'other-script tokens', doc: 'letters of other scripts' },
  { key: 'number_tokens', header: 'numbers', doc: 'numbers, separators kept (2,000 1.5 ٢٠٢٤)' },
  { key: 'punctuation', header: 'punctuation', doc: 'punctuation tokens (a run like ... or ؟! is one)' },
  { key: 'symbols', header: 'symbols', doc: 'symbols and emoji' },
  { key: 'urls', header: 'URLs', doc: 'URLs' },
  { key: 'emails', header: 'e-mails', doc: 'e-mail addresses' },
  { key: 'hashtags', header: 'hashtags', doc: '#hashtags' },
  { key: 'mentions', header: 'mentions', doc: '@mentions' },
  { key: 'types', header: 'types', doc: 'distinct normalized word forms (Latin case folded)' },
  { key: 'hapax', header: 'hapax', doc: 'types seen once' },
  { key: 'ttr', header: 'type/token ratio', doc: 'types / words (falls as a corpus grows)', decimals: 4 },
  { key: 'ttr_1000', header: 'TTR per 1,000 words', doc: 'expected types in a random 1,000-word sample / 1,000; comparable across sizes (null under 1,000 words)', decimals: 4 },
  { key: 'sentences', header: 'sentences', doc: 'sentences (. ! ? ؟ … ۔ and line breaks)' },
  { key: 'mean_token_length', header: 'mean word length', doc: 'mean length of words in characters (normalized)', decimals: 2 },
  { key: 'mean_sentence_tokens', header: 'mean sentence length', doc: 'non-punctuation tokens per sentence', decimals: 1 },
  { key: 'diacritized_share', header: 'diacritized share', doc: 'share of Arabic tokens carrying at least one diacritic', decimals: 4 },
];

const fmtNumber = (decimals?: number) => (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: decimals ?? 0, minimumFractionDigits: decimals ?? 0 }) : String(v);

const figureColumns: Column[] = STATS_FIELDS.map((f) => ({ key: f.key, header: f.header, align: 'right', display: fmtNumber(f.decimals) }));

const topColumns: Column[] = [
  { key: 'rank', align: 'right' },
  { key: 'word', role: 'term' },
  { key: 'count', align: 'right', role: 'count', display: fmtNumber() },
  { key: 'per_million', header: 'per million', align: 'right', display: fmtNumber(1) },
];

/** Columns of the per-document table on a terminal (the full set goes to machine formats). */
const PER_DOC_TABLE = ['doc', 'words', 'types', 'ttr', 'sentences', 'mean_token_length', 'diacritized_share'];

export function registerStats(program: Command): void {
  const cmd = program
    .command('stats')
    .description('corpus statistics: tokens by kind, types, hapax, lexical diversity, sentences, top words')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('--top <n>', 'number of top words', '20')
    .option('--per-doc', 'also give the figures of every document');
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Output fields (snake_case; with --format json the corpus figures sit at the top level, so \`jq .tokens\` works):
${STATS_FIELDS.map((f) => `  ${f.key.padEnd(22)}${f.doc}`).join('\n')}
  top_words             [{word, count, per_million}], most frequent normalized words (function words included)
  per_doc               with --per-doc (json): the same figures for every document, with "doc" = its id
With --per-doc, jsonl/csv/tsv give one row per document ("scope": "doc") and a last row "scope": "corpus".

Examples:
  corpus stats                                  the seed articles, as a table on a terminal
  echo "المغرب بلد جميل، والمغاربة كرماء." | corpus stats - --format json
  corpus stats news/ --format json | jq '{tokens, types, ttr_1000}'
  corpus stats corpus.jsonl --text-field body --per-doc --format csv > per_doc.csv
  corpus stats --normalize none --top 10        count words as written, diacritics included
  cat article.txt | corpus stats -`);
  cmd.action(async (paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const top = parsePositiveInt(raw.top, '--top', 0);
    const perDoc = Boolean(raw.perDoc);
    const session = openSession(config);
    const [{ runAnalysis, startAnalysis }, stats] = await Promise.all([import('../../run/runner.js'), import('../../analyze/stats/stats.js')]);
    type Partial = import('../../analyze/stats/stats.js').StatsPartial;
    const lineColumns: Column[] = [{ key: 'scope' }, { key: 'doc' }, ...figureColumns, { key: 'top_words' }];
    const lines = perDoc ? session.reporter.lineSpec(lineColumns) : null;

    if (lines) {
      // jsonl, csv, tsv: document rows stream out as they are counted (memory stays flat on a
      // million-line JSONL, and `| head` ends the run), the corpus row comes last.
      const run = startAnalysis<Partial>('stats', { normalize: config.normalize, perDoc, top, scope: true }, session.inputs, lines);
      async function* withCorpusRow() {
        yield* run.rows;
        const { partial } = await run.result;
        if (partial.sums.documents > 0) yield { scope: 'corpus', doc: null, ...stats.rowOf(partial, top) } as unknown as Row;
      }
      await session.reporter.rows(lineColumns, withCorpusRow());
      if (!session.sink.closed) requireDocuments(session, (await run.result).documents);
      return finish(session);
    }

    const { partial, rows: docRows } = await runAnalysis<Partial>('stats', { normalize: config.normalize, perDoc, top }, session.inputs);
    if (!requireDocuments(session, partial.sums.documents)) return finish(session);
    const corpus = stats.rowOf(partial, top);
    const ranked = (words: typeof corpus.top_words) => words.map((w, i) => ({ rank: i + 1, ...w }));
    const { reporter } = session;

    if (!perDoc) {
      await reporter.summary(
        { title: `${formatCount(corpus.documents)} document${corpus.documents === 1 ? '' : 's'}`, fields: figureColumns, values: corpus as unknown as Row },
        { key: 'top_words', title: `Top ${top} words`, columns: topColumns, rows: ranked(corpus.top_words) as unknown as Row[] },
      );
    } else if (config.format === 'json') {
      await session.sink.write(JSON.stringify({ ...corpus, per_doc: docRows }, null, 2) + '\n');
    } else {
      // table: all rows are needed to size the columns
      const rows = [...docRows, { doc: 'ALL', ...corpus }] as unknown as Row[];
      const columns: Column[] = [{ key: 'doc', role: 'term' }, ...figureColumns.filter((c) => PER_DOC_TABLE.includes(c.key))];
      await reporter.rows(columns, rows);
    }
    await finish(session);
  });
}
