/**
 * `corpus collocates WORD [paths]`: the words found near WORD, with MI, t-score and log-likelihood.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { KeywordPartial, KeywordSettings } from '../../analyze/keywords/counter.js';
import type { Column, Row } from '../../report/types.js';
import { CorpusError } from '../errors.js';
import { addCommonOptions, parsePositiveInt, resolveCommon } from '../options.js';
import { finish, openSession, requireDocuments } from '../session.js';
import { addGroupOption, addStopwordOptions, fmt, resolveTermSettings } from './termOptions.js';
import { formatCount } from '../../report/numbers.js';

export function registerCollocates(program: Command): void {
  const cmd = program
    .command('collocates')
    .description('words that occur near a word (within a window, inside sentences): count, MI, t-score, log-likelihood')
    .argument('<word>', 'the node word (its clitic forms count too): المغرب')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('--window <n>', 'words on each side', '5')
    .option('--top <n>', 'rows to print (0 = all)', '30')
    .option('--min-count <n>', 'least number of co-occurrences', '3')
    .addOption(new Option('--sort <by>', 'order of the rows').choices(['log-likelihood', 'mi', 't-score', 'count']).default('log-likelihood'));
  addGroupOption(cmd);
  addStopwordOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Words are counted as in \`corpus keywords\` (clitics removed, --group). The window holds the
--window words before and after each occurrence of WORD inside its sentence; function words
take up window positions but are not listed (unless --no-stopwords).

Output fields:
  rank, term, key    as in \`corpus keywords\`
  count              co-occurrences O: times the word stood in a window of WORD
  left, right        of which before / after WORD
  frequency          f: occurrences of the word in the whole input
  expected           E = W * f / N, W = word positions in all windows, N = words in the input
  mi                 log2(O / E) (mutual information; favours rare words)
  t_score            (O - E) / sqrt(O) (favours frequent words)
  log_likelihood     G2 of the table [[O, W - O], [f - O, N - W - f + O]] (Dunning 1993)

Examples:
  corpus collocates الأمن                          near الأمن in the seed articles
  corpus collocates ترامب news.jsonl --window 3 --sort mi --min-count 10
  corpus collocates الحكومة articles/ --group stem --format csv`);
  cmd.action(async (word: string, paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const window = parsePositiveInt(raw.window, '--window', 1);
    const top = parsePositiveInt(raw.top, '--top', 0);
    const minCount = parsePositiveInt(raw.minCount, '--min-count', 1);
    const settings: KeywordSettings = { ...resolveTermSettings(raw, config), ngrams: 1, perDoc: false, numbers: false, collocates: { node: word, window } };
    const session = openSession(config);
    const [{ runAnalysis }, rowsModule, counter, terms] = await Promise.all([
      import('../../run/runner.js'), import('../../analyze/keywords/rows.js'), import('../../analyze/keywords/counter.js'), import('../../analyze/keywords/terms.js'),
    ]);
    const nodeKeys = counter.wordKeysOf(new terms.TermAnalyzer(settings), word);
    if (nodeKeys.length !== 1) throw new CorpusError(`the node must be one word, got "${word}"`, { kind: 'usage' });
    const { partial, documents } = await runAnalysis<KeywordPartial>('keywords', settings, session.inputs);
    if (!requireDocuments(session, documents)) return finish(session);
    const rows = rowsModule.collocateRows(partial, { top, minCount, sort: raw.sort as 'log-likelihood', stopwords: raw.stopwords === false });
    const table = config.format === 'table';
    const columns: Column[] = [
      { key: 'rank', align: 'right' },
      { key: 'term', role: 'term' },
      ...(table ? [] : [{ key: 'key' }]),
      { key: 'count', align: 'right', role: 'count', display: fmt() },
      { key: 'left', align: 'right', display: fmt() },
      { key: 'right', align: 'right', display: fmt() },
      { key: 'frequency', align: 'right', display: fmt() },
      ...(table ? [] : [{ key: 'expected' }]),
      { key: 'mi', header: 'MI', align: 'right', display: fmt(2) },
      { key: 't_score', header: 't-score', align: 'right', display: fmt(2) },
      { key: 'log_likelihood', header: 'log-likelihood', align: 'right', display: fmt(1) },
    ];
    const node = partial.collocates;
    const occurrences = node ? partial.groupCounts[partial.groups.indexOf(node.node)] ?? 0 : 0;
    await session.reporter.rows(columns, rows as unknown as Row[], { title: `Collocates of ${word} (${formatCount(occurrences || 0)} occurrences, window ±${window})` });
    await finish(session);
  });
}
