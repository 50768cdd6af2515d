/**
 * `corpus dates [paths]`: every date expression of the documents as an ISO 8601 value, or with
 * --timeline the number of dated mentions per year, month or day (a bar chart on a terminal).
 */
import { Option, type Command } from 'commander';
import type { Column, Row } from '../../report/types.js';
import { CorpusError } from '../errors.js';
import { addCommonOptions, resolveCommon } from '../options.js';
import { finish, openSession, requireDocuments } from '../session.js';
import { formatCount } from '../../report/numbers.js';

export const DATES_FIELDS: Array<{ key: string; doc: string }> = [
  { key: 'doc', doc: 'document id' },
  { key: 'text', doc: 'the expression exactly as written (original slice)' },
  { key: 'start', doc: 'offset of its first character in the original text, in code points' },
  { key: 'end', doc: 'offset after its last character (so [...text].slice(start, end) is the expression)' },
  { key: 'value', doc: 'ISO 8601 cut at the grain: 2024, 2023-02, 2024-W10, 2023-02-21, 2015-01-06T17, 2015-01-06T17:16; a Hijri month or year gives its first Gregorian day (last in until); null when a reference or a year is missing' },
  { key: 'grain', doc: 'year, month, week, day, hour or minute' },
  { key: 'kind', doc: 'absolute (a calendar date), relative (needs the reference: أمس، الأسبوع الماضي), range (من 13 إلى 15 يوليو)' },
  { key: 'calendar', doc: 'gregorian, or hijri when the text is Hijri (Umm al-Qura conversion)' },
  { key: 'hijri', doc: 'the Hijri date as written (1445-09-14, 1445-09, 1445), Hijri expressions only' },
  { key: 'until', doc: 'last value of a range (same format as value); last day of a Hijri month or year' },
  { key: 'offset', doc: 'relative expression without a reference: how it moves from it, e.g. {"days": -1}' },
];

const TIMELINE_GRAINS = ['year', 'month', 'day'] as const;
/** A terminal chart fills the empty periods between the first and last, up to this many bars. */
const MAX_CHART_BARS = 400;
/** Share of the mentions a terminal chart draws: a few historical dates would stretch it over decades. */
const CHART_SHARE = 0.9;

const tableColumns: Column[] = [
  { key: 'doc', role: 'dim' },
  { key: 'text', role: 'match' },
  { key: 'value', role: 'term' },
  { key: 'grain' },
  { key: 'kind' },
  { key: 'hijri' },
  { key: 'until' },
  { key: 'start', align: 'right' },
  { key: 'end', align: 'right' },
];
const machineColumns: Column[] = DATES_FIELDS.map((f) => ({ key: f.key }));

export function registerDates(program: Command): void {
  const cmd = program
    .command('dates')
    .description('date expressions (Gregorian, Hijri, relative, times) as ISO 8601 values, or a timeline')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('--ref-date <date>', 'reference for relative expressions and missing years: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: each document\'s "date" field)')
    .addOption(new Option('--timeline [grain]', 'count dated mentions per period instead of listing them').choices(TIMELINE_GRAINS as unknown as string[]).preset('month'));
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Output fields (one row per expression):
${DATES_FIELDS.map((f) => `  ${f.key.padEnd(10)}${f.doc}`).join('\n')}
With --timeline: rows {period, count} (a bar chart on a terminal), counting each resolved mention
once at its start; mentions coarser than the grain (a bare year on a monthly timeline) are left out.
On a terminal the chart draws the central 90% of the mentions, empty periods included.

Reference date: --ref-date, else the document's "date" metadata (JSONL; ISO 8601, RFC 822 such as
"Sun, 18 Feb 2018 21:35:43 +0400", 18/02/2018 ...), else none: relative expressions then keep
value null with their offset. The clock is never read.
A missing year comes from a written weekday (الثلاثاء 21 فبراير: the matching year nearest the
reference, else nearest a year written in the document, else the latest one up to 2025), then
from the reference (the nearest occurrence).
Dates are matched on the standard normalization whatever --normalize says.

Examples:
  corpus dates                                     the seed articles, as a table on a terminal
  echo "وصل الوفد يوم الثلاثاء 21 فبراير 2023 الساعة 5:16 مساءً" | corpus dates - --format jsonl
  echo "أعلنت الوزارة أمس عن إجراءات جديدة" | corpus dates - --ref-date 2024-03-12
  echo "يبدأ الصيام في 1 رمضان 1445 هـ" | corpus dates - --format json | jq '.[0].value'
  corpus dates news.jsonl --format csv > dates.csv         reference = each article's "date"
  corpus dates news.jsonl --timeline year                  when does the corpus talk about?
  corpus dates tweets/ --ref-date 2024-03-12T10:00 --timeline day --format csv`);
  cmd.action(async (paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const { parseRefDate } = await import('../../analyze/dates/reference.js');
    let ref = null;
    if (raw.refDate !== undefined) {
      ref = parseRefDate(String(raw.refDate));
      if (!ref) throw new CorpusError(`--ref-date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (a real date), got '${String(raw.refDate)}'`, { kind: 'usage' });
    }
    const grain = (raw.timeline as (typeof TIMELINE_GRAINS)[number] | undefined) ?? null;
    const session = openSession(config);
    const { runAnalysis, startAnalysis } = await import('../../run/runner.js');
    type Partial = import('../../analyze/dates/spec.js').DatesPartial;
    const options = { ref, timeline: grain };

    if (!grain) {
      const columns = config.format === 'table' ? tableColumns : machineColumns;
      const run = startAnalysis<Partial>('dates', options, session.inputs, session.reporter.lineSpec(columns));
      await session.reporter.rows(columns, run.rows);
      if (!session.sink.closed) requireDocuments(session, (await run.result).documents);
      return finish(session);
    }

    const { partial, documents } = await runAnalysis<Partial>('dates', options, session.inputs);
    if (!requireDocuments(session, documents)) return finish(session);
    const { chartWindow } = await import('../../analyze/dates/timeline.js');
    let rows = [...partial.periods].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([period, count]) => ({ period, count }));
    const total = rows.reduce((a, r) => a + r.count, 0);
    let outside = 0;
    if (config.format === 'table') {
      // a terminal chart shows the central CHART_SHARE (filled with empty periods); machine formats get every period
      ({ rows, outside } = chartWindow(rows, grain, CHART_SHARE, MAX_CHART_BARS));
    }
    const left = [
      partial.unresolved ? `${formatCount(partial.unresolved)} without a value` : '',
      partial.coarser ? `${formatCount(partial.coarser)} coarser than a ${grain}` : '',
      outside ? `${formatCount(outside)} outside the central ${Math.round(CHART_SHARE * 100)}%` : '',
    ].filter(Boolean).join(', ');
    await session.reporter.chart(
      [{ key: 'period', role: 'term' }, { key: 'count', align: 'right', role: 'count' }],
      rows as unknown as Row[],
      { label: 'period', value: 'count', title: `${total.toLocaleString('en-US')} dated mentions by ${grain}${left ? ` (not drawn: ${left})` : ''}` },
    );
    await finish(session);
  });
}
