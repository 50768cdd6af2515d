/**
 * `corpus normalize [paths]`: a filter that prints the normalized text (stdin to stdout works),
 * or `{doc, text}` records in machine formats. Documents stream one at a time.
 */
import type { Command } from 'commander';
import { FORMATS, type Row } from '../../report/types.js';
import { PROFILES, PROFILE_NAMES, STEPS, STEP_INFO, normalizerFor } from '../../text/normalize.js';
import { addCommonOptions, resolveCommon } from '../options.js';
import { finish, openSession, requireDocuments } from '../session.js';

export function registerNormalize(program: Command): void {
  const cmd = program
    .command('normalize')
    .description('print normalized text (a filter: stdin to stdout), or {doc, text} records')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('--list-steps', 'list the normalization steps and profiles, then exit');
  addCommonOptions(cmd, { formats: ['text', ...FORMATS], formatHelp: 'text (default) prints the normalized text; json/jsonl/csv/tsv print {doc, text}' });
  cmd.addHelpText('after', `
Profiles (--normalize): ${PROFILE_NAMES.map((p) => `${p} = ${PROFILES[p].join(' ') || '(nothing)'}`).join('\n                        ')}

Examples:
  echo "أَعْلَنَتْ وزارةُ الداخليـــة" | corpus normalize -           -> اعلنت وزارة الداخلية
  corpus normalize article.txt --normalize aggressive
  corpus normalize news.jsonl --format jsonl | jq -r .text
  corpus normalize --with ta-marbuta --without alef file.txt`);
  cmd.action(async (paths: string[], raw: Record<string, unknown>) => {
    if (raw.listSteps) {
      const lines = STEPS.map((s) => {
        const inProfiles = PROFILE_NAMES.filter((p) => PROFILES[p].includes(s)).join(',');
        return `${s.padEnd(13)}${STEP_INFO[s].does}\n${' '.repeat(13)}e.g. ${STEP_INFO[s].example[0]} -> ${STEP_INFO[s].example[1]}   [${inProfiles}]`;
      });
      process.stdout.write(lines.join('\n') + '\n');
      return;
    }
    const textOut = raw.format === undefined || raw.format === 'text';
    const config = resolveCommon(paths, { ...raw, format: textOut ? 'jsonl' : raw.format }, Boolean(process.stdout.isTTY));
    const session = openSession(config);
    const { documents } = await import('../../run/runner.js');
    const normalizer = normalizerFor(config.normalize.profile, config.normalize.enable, config.normalize.disable);
    let count = 0;
    async function* rows(): AsyncGenerator<Row> {
      for await (const doc of documents(session.inputs)) {
        count++;
        yield { doc: doc.id, text: normalizer.normalizeString(doc.text) };
        if (session.sink.closed) return;
      }
    }
    if (textOut) {
      for await (const row of rows()) {
        const text = row.text as string;
        await session.sink.write(text.endsWith('\n') ? text : text + '\n');
      }
    } else {
      await session.reporter.rows([{ key: 'doc' }, { key: 'text' }], rows());
    }
    if (!session.sink.closed) requireDocuments(session, count);
    await finish(session);
  });
}
