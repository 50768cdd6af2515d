/**
 * `corpus keyness TARGET... [--reference REF...]`: keywords of a target corpus against a
 * reference corpus (or the shipped news reference), by log-likelihood with log ratio.
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

const P_CHOICES = ['0.05', '0.01', '0.001', '0.0001', '1'];

export function registerKeyness(program: Command): void {
  const cmd = program
    .command('keyness')
    .description('keywords of a target corpus against a reference: log-likelihood (G2), significance, log ratio')
    .argument('[target...]', 'the target corpus: files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('-r, --reference <paths...>', 'the reference corpus (default: the shipped news reference, see below)')
    .option('--top <n>', 'rows per direction (0 = all)', '30')
    .option('--min-count <n>', 'least count in the corpus that uses the word more', '3')
    .addOption(new Option('--p <value>', 'largest p-value kept (1 = keep all)').choices(P_CHOICES).default('0.05'))
    .addOption(new Option('--sort <by>', 'order within each direction').choices(['g2', 'log-ratio']).default('g2'))
    .addOption(new Option('--direction <which>', 'which keywords to list').choices(['both', 'positive', 'negative']).default('both'));
  addGroupOption(cmd);
  addStopwordOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Positive keywords are used significantly more in the target than in the reference, negative
ones significantly less. Both corpora are counted the same way as \`corpus keywords\` (clitics
removed, --group, stopwords).

Default reference (no --reference): the word counts shipped in data/lexicons/words.tsv.gz,
8.6 million words of news from the ANT corpus (SkyNews Arabia, Al Arabiya, France24, BBC and CNN
Arabic 2018; Jawhara FM, Tunisia, 2014-2017; Chouigui, Ben Khiroun & Elayeb 2017, 2021) and
goud.ma (MArSum, CC BY 4.0; Gaanoun et al. 2022). Forms seen fewer than 3 times there count as 0.

Output fields:
  rank, direction        positive or negative; rank within its direction
  term, key              as in \`corpus keywords\`
  target_count, reference_count, target_per_million, reference_per_million
  g2                     log-likelihood: 2 * sum(O ln(O / E)) over both corpora (Rayson & Garside 2000)
  p_value                chi-square p-value of g2 (1 degree of freedom)
  significance           p<0.0001 (g2 >= 15.13), p<0.001 (10.83), p<0.01 (6.63), p<0.05 (3.84), n.s.
  log_ratio              log2 of the ratio of relative frequencies (Hardie 2014; a zero count as 0.5):
                         1 = twice as frequent in the target, -1 = half as frequent

Examples:
  corpus keyness                                   the seed articles against the news reference
  corpus keyness goud/ --reference bbc/ --top 50   one outlet against another
  corpus keyness tweets.jsonl --direction positive --p 0.0001 --format csv
  corpus keyness 2019/ --reference 2018/ --sort log-ratio --min-count 10`);
  cmd.action(async (paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const top = parsePositiveInt(raw.top, '--top', 0);
    const minCount = parsePositiveInt(raw.minCount, '--min-count', 1);
    const referencePaths = Array.isArray(raw.reference) ? (raw.reference as string[]) : [];
    if (referencePaths.includes('-') && config.paths.includes('-')) throw new CorpusError('stdin (-) can be the target or the reference, not both', { kind: 'usage' });
    const termSettings = resolveTermSettings(raw, config);
    // stopwords are filtered at the end (both sides must count them in their totals)
    const settings: KeywordSettings = { ...termSettings, ngrams: 1, perDoc: false, numbers: false };
    const session = openSession(config);
    const [{ runAnalysis }, keynessModule, termsModule] = await Promise.all([
      import('../../run/runner.js'), import('../../analyze/keywords/keyness.js'), import('../../analyze/keywords/terms.js'),
    ]);
    const target = await runAnalysis<KeywordPartial>('keywords', settings, session.inputs);
    if (!requireDocuments(session, target.documents)) return finish(session);
    let reference;
    if (referencePaths.length) {
      const ref = await runAnalysis<KeywordPartial>('keywords', settings, { ...session.inputs, paths: referencePaths });
      if (!requireDocuments(session, ref.documents)) return finish(session);
      reference = keynessModule.frequencyListOf(ref.partial);
    } else {
      reference = keynessModule.referenceFromLexicon(new termsModule.TermAnalyzer(termSettings));
    }
    const direction = String(raw.direction);
    const rows = keynessModule.keyness(keynessModule.frequencyListOf(target.partial), reference, {
      top,
      minCount,
      p: Number(raw.p),
      sort: raw.sort as 'g2' | 'log-ratio',
      stopwords: raw.stopwords === false,
      directions: direction === 'both' ? ['positive', 'negative'] : [direction as 'positive' | 'negative'],
    });
    const table = config.format === 'table';
    const columns: Column[] = [
      { key: 'rank', align: 'right' },
      { key: 'direction', display: (v) => (v === 'positive' ? '+' : '−') },
      { key: 'term', role: 'term' },
      ...(table ? [] : [{ key: 'key' }]),
      { key: 'target_count', header: 'target', align: 'right', role: 'count', display: fmt() },
      { key: 'reference_count', header: 'reference', align: 'right', display: fmt() },
      ...(table ? [] : [{ key: 'target_per_million' }, { key: 'reference_per_million' }]),
      { key: 'g2', header: 'G2', align: 'right', display: fmt(1) },
      ...(table ? [] : [{ key: 'p_value' }]),
      { key: 'significance', header: 'p', role: 'dim' },
      { key: 'log_ratio', header: 'log ratio', align: 'right', display: fmt(2) },
    ];
    const against = referencePaths.length ? referencePaths.join(', ') : 'the news reference';
    await session.reporter.rows(columns, rows as unknown as Row[], { title: `Keywords of ${formatCount(target.documents)} document${target.documents === 1 ? '' : 's'} against ${against}` });
    await finish(session);
  });
}
