/**
 * `corpus keywords [paths]`: clitic-aware word frequencies, multiword keywords, and with
 * --per-doc the top terms of each document by TF-IDF.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { DocTerms, KeywordPartial, KeywordSettings } from '../../analyze/keywords/counter.js';
import type { Column, Row } from '../../report/types.js';
import { CorpusError } from '../errors.js';
import { addCommonOptions, parsePositiveInt, resolveCommon } from '../options.js';
import { finish, openSession, requireDocuments } from '../session.js';
import { addGroupOption, addStopwordOptions, fmt, fmtVariants, resolveTermSettings } from './termOptions.js';
import { formatCount } from '../../report/numbers.js';

export function registerKeywords(program: Command): void {
  const cmd = program
    .command('keywords')
    .description('keyword frequencies: clitics stripped and grouped, function words out; n-grams; TF-IDF per document')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('--top <n>', 'rows to print, 0 = all (default: 50; with --per-doc, 10 per document)')
    .option('--min-count <n>', 'least count of a row', '1')
    .addOption(new Option('--ngrams <n>', 'multiword keywords of 2 or 3 words (within sentences, no stopword at either edge)').choices(['1', '2', '3']).default('1'))
    .option('--per-doc', 'the top terms of every document by TF-IDF')
    .option('--numbers', 'count numbers as words')
    .option('--variants <n>', 'written forms listed per row (0 = all)', '10');
  addGroupOption(cmd);
  addStopwordOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Words are counted after the standard normalization with their clitics removed: و ف (and, so),
ب ك ل س (with, like, for, will), the pronoun endings ه ها هم هما هن ك كم كن ي نا, so بالمغرب,
والمغرب and للمغرب count as المغرب; the article ال stays part of the word. A clitic is split off
only when the rest is attested as a word in news text (data/lexicons/words.tsv.gz), so كتاب,
بلد, فيلم, لبنان and والي stay whole.

Output fields:
  rank         1 = most frequent
  term         the group's most frequent written form, clitics removed (hamza kept)
  key          the group key: normalized word (--group word), written form (surface) or light stem (stem)
  count        occurrences
  docs         documents containing it
  per_million  occurrences per million words of the input (function words included in the base)
  variants     [{form, count}]: the written forms of the group, most frequent first
With --per-doc: doc, rank, term, key, count (in the document), docs, tfidf, where
  tfidf = count * (ln((1 + N) / (1 + docs)) + 1), N = documents (smoothed idf).

Examples:
  corpus keywords                                   top keywords of the seed articles
  corpus keywords news.jsonl --top 100 --format csv > keywords.csv
  corpus keywords articles/ --ngrams 2 --min-count 5   two-word keywords (الأمم المتحدة)
  corpus keywords --group stem                      group by light stem (الحكومة, حكومات, الحكومية)
  corpus keywords --per-doc --top 5 --format jsonl  five TF-IDF terms per article
  corpus keywords tweets.jsonl --stopwords my-stopwords.txt
  echo "زار الوزير المغرب، وقال إن بالمغرب فرصا. المغرب بلد جميل." | corpus keywords -`);
  cmd.action(async (paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const perDoc = Boolean(raw.perDoc);
    const ngrams = Number(raw.ngrams) as 1 | 2 | 3;
    if (perDoc && ngrams > 1) throw new CorpusError('--per-doc works on single words: leave out --ngrams', { kind: 'usage' });
    const top = raw.top === undefined ? (perDoc ? 10 : 50) : parsePositiveInt(raw.top, '--top', 0);
    const minCount = parsePositiveInt(raw.minCount, '--min-count', 1);
    const maxVariants = parsePositiveInt(raw.variants, '--variants', 0);
    const settings: KeywordSettings = { ...resolveTermSettings(raw, config), ngrams, perDoc, numbers: Boolean(raw.numbers) };
    const session = openSession(config);
    const [{ runAnalysis }, rowsModule] = await Promise.all([import('../../run/runner.js'), import('../../analyze/keywords/rows.js')]);
    const { partial, documents, rows: docTerms } = await runAnalysis<KeywordPartial>('keywords', settings, session.inputs);
    if (!requireDocuments(session, documents)) return finish(session);
    const table = config.format === 'table';
    const options = { top, minCount, maxVariants };
    if (perDoc) {
      const columns: Column[] = [
        { key: 'doc', role: 'dim' },
        { key: 'rank', align: 'right' },
        { key: 'term', role: 'term' },
        ...(table ? [] : [{ key: 'key' }]),
        { key: 'count', align: 'right', role: 'count', display: fmt() },
        { key: 'docs', align: 'right', display: fmt() },
        { key: 'tfidf', header: 'tf-idf', align: 'right', display: fmt(2) },
      ];
      await session.reporter.rows(columns, rowsModule.perDocRows(partial, docTerms as unknown as DocTerms[], options) as unknown as Row[]);
    } else {
      const columns: Column[] = [
        { key: 'rank', align: 'right' },
        { key: 'term', role: 'term' },
        ...(table ? [] : [{ key: 'key' }]),
        { key: 'count', align: 'right', role: 'count', display: fmt() },
        { key: 'docs', align: 'right', display: fmt() },
        { key: 'per_million', header: 'per million', align: 'right', display: fmt(1) },
        { key: 'variants', role: 'dim', display: fmtVariants(4) },
      ];
      const what = ngrams > 1 ? `${ngrams}-word keywords` : 'keywords';
      await session.reporter.rows(columns, rowsModule.keywordRows(partial, options) as unknown as Row[], {
        title: `Top ${what} of ${formatCount(documents)} document${documents === 1 ? '' : 's'} (${formatCount(partial.tokens)} words)`,
      });
    }
    await finish(session);
  });
}
