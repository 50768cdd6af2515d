/**
 * `corpus kwic PATTERN [paths]`: a concordance, clitic-aware, with exact code point offsets.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { KwicRow, KwicSettings, MatchMode } from '../../analyze/keywords/kwic.js';
import type { Column, Row } from '../../report/types.js';
import { CorpusError } from '../errors.js';
import { addCommonOptions, parsePositiveInt, resolveCommon } from '../options.js';
import { finish, openSession } from '../session.js';
import { resolveTermSettings } from './termOptions.js';

export function registerKwic(program: Command): void {
  const cmd = program
    .command('kwic')
    .description('keyword in context: every occurrence of a word or phrase, clitic forms included, with exact offsets')
    .argument('<pattern>', 'a word or a phrase (quote it): المغرب, "الأمم المتحدة"')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('-w, --width <n>', 'context characters on each side', '40')
    .addOption(new Option('--sort <by>', 'order: input order, the first word after the match, or the first word before it').choices(['none', 'right1', 'left1']).default('none'))
    .option('--stem', 'match every form of the pattern\'s stem (الحكومة finds حكومات, الحكومية)')
    .option('--exact', 'match the written form only (بالمغرب finds بالمغرب, not المغرب)')
    .option('--limit <n>', 'stop after N lines (0 = all)', '0');
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
The pattern and the text are compared word by word after the standard normalization and the
clitic analysis: المغرب finds المغرب, بالمغرب, فالمغرب, للمغرب, والمغرب; أعلن finds وأعلن and
أعلنها. A phrase matches consecutive words.

Output fields:
  doc          document id
  start, end   offsets of the match in the ORIGINAL text, in Unicode code points
               ([...text].slice(start, end) is exactly the matched words, clitics included)
  left, right  up to --width characters of context before and after (line breaks shown as spaces);
               a table shows them right to left: after | match | before
  match        the matched text as written

Examples:
  corpus kwic المغرب                               every mention in the seed articles
  corpus kwic "الأمم المتحدة" news.jsonl --width 60 --sort right1
  corpus kwic حكومة --stem articles/ --format csv > concordance.csv
  corpus kwic الإرهاب --format jsonl | jq -r '.doc' | sort | uniq -c`);
  cmd.action(async (pattern: string, paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const width = parsePositiveInt(raw.width, '--width', 0);
    const limit = parsePositiveInt(raw.limit, '--limit', 0);
    if (raw.stem && raw.exact) throw new CorpusError('--stem and --exact exclude each other', { kind: 'usage' });
    const match: MatchMode = raw.stem ? 'stem' : raw.exact ? 'exact' : 'word';
    const settings: KwicSettings = { ...resolveTermSettings({}, config), pattern, match, width };
    const session = openSession(config);
    const [{ startAnalysis }, kwic] = await Promise.all([import('../../run/runner.js'), import('../../analyze/keywords/kwic.js')]);
    if (new kwic.KwicSearcher(settings).patternKeys.length === 0) throw new CorpusError(`the pattern "${pattern}" has no word to search for`, { kind: 'usage' });
    // Arabic reads right to left: on a terminal the text after the match stands to its left and
    // the text before it to its right, each hugging the match, so a line reads on across it.
    const columns: Column[] = config.format === 'table'
      ? [
          { key: 'doc', role: 'dim' },
          { key: 'right', header: 'after', align: 'right' },
          { key: 'match', role: 'match', align: 'right' },
          { key: 'left', header: 'before', align: 'left' },
        ]
      : [{ key: 'doc' }, { key: 'start' }, { key: 'end' }, { key: 'left' }, { key: 'match' }, { key: 'right' }];
    const run = startAnalysis<{ matches: number }>('kwic', settings, session.inputs);
    const sort = raw.sort as 'none' | 'right1' | 'left1';
    // No LineSpec: --limit counts rows, so they come one by one.
    async function* limited<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
      let n = 0;
      for await (const r of rows) {
        yield r;
        if (limit > 0 && ++n >= limit) return;
      }
    }
    if (sort === 'none') {
      await session.reporter.rows(columns, limited(run.rows));
    } else {
      const all: KwicRow[] = [];
      for await (const r of run.rows) all.push(r as unknown as KwicRow);
      const sorted = kwic.sortKwic(all, sort);
      await session.reporter.rows(columns, (limit > 0 ? sorted.slice(0, limit) : sorted) as unknown as Row[]);
    }
    if (limit === 0 || sort !== 'none') {
      const { documents } = await run.result;
      if (documents === 0 && session.errors === 0) throw new CorpusError(`no documents in ${config.paths.join(', ')}`, { kind: 'input' });
    }
    await finish(session);
  });
}
