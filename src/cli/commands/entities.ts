/**
 * `corpus entities [paths]`: people, places, organizations and other names (PER, LOC, ORG, MISC)
 * with their original offsets and canonical names, or with --group one row per entity.
 */
import type { Command } from 'commander';
import type { Column, Row } from '../../report/types.js';
import { jsonDocument } from '../../report/json.js';
import { CorpusError } from '../errors.js';
import { addCommonOptions, resolveCommon } from '../options.js';
import { finish, openSession, requireDocuments } from '../session.js';

const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;

export const ENTITIES_FIELDS: Array<{ key: string; doc: string }> = [
  { key: 'doc', doc: 'document id' },
  { key: 'type', doc: 'PER (person), LOC (place), ORG (organization) or MISC (other names: events, currencies, products...)' },
  { key: 'text', doc: 'the name exactly as written (original slice); glued clitics stay outside: وبالمغرب gives المغرب' },
  { key: 'start', doc: 'offset of its first character in the original text, in code points' },
  { key: 'end', doc: 'offset after its last character ([...text].slice(start, end) is the name)' },
  { key: 'normalized', doc: 'the name normalized (standard profile: no diacritics, bare alef, ي for ى)' },
  { key: 'canonical', doc: 'the entity it belongs to: the full name written elsewhere in the document (الحموشي -> عبد اللطيف الحموشي), the lexicon name of an acronym or variant (FBI -> مكتب التحقيقات الفيدرالي), else the name itself' },
  { key: 'source', doc: 'model (the trained tagger), gazetteer (a lexicon name the tagger missed) or rule (a long organization name built on a head noun)' },
  { key: 'score', doc: 'confidence in [0, 1]: mean posterior probability of the tagger for its tokens; 0.5 for gazetteer, 0.4 for rule' },
];

export const GROUP_FIELDS: Array<{ key: string; doc: string }> = [
  { key: 'type', doc: 'PER, LOC, ORG or MISC' },
  { key: 'canonical', doc: 'the entity\'s name (its most frequent canonical spelling)' },
  { key: 'count', doc: 'mentions' },
  { key: 'docs', doc: 'documents mentioning it' },
  { key: 'variants', doc: 'the written forms, most frequent first' },
];

const mentionTable: Column[] = [
  { key: 'doc', role: 'dim' },
  { key: 'type' },
  { key: 'text', role: 'match' },
  { key: 'canonical', role: 'term' },
  { key: 'start', align: 'right' },
  { key: 'end', align: 'right' },
  { key: 'source', role: 'dim' },
  { key: 'score', align: 'right', display: (v) => (typeof v === 'number' ? v.toFixed(2) : '') },
];
const mentionMachine: Column[] = ENTITIES_FIELDS.map((f) => ({ key: f.key }));
const groupTable: Column[] = [
  { key: 'type' },
  { key: 'canonical', role: 'term' },
  { key: 'count', align: 'right', role: 'count' },
  { key: 'docs', align: 'right' },
  { key: 'variants', display: (v) => (Array.isArray(v) ? v.join(' | ') : String(v ?? '')) },
];
const groupMachine: Column[] = GROUP_FIELDS.map((f) => ({ key: f.key }));

function parseTypes(value: unknown): Array<(typeof TYPES)[number]> {
  if (value === undefined) return [];
  const list = String(value).split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const t of list) {
    if (!(TYPES as readonly string[]).includes(t)) throw new CorpusError(`--types: unknown type '${t}' (types: ${TYPES.join(', ')})`, { kind: 'usage' });
  }
  return list as Array<(typeof TYPES)[number]>;
}

function parseScore(value: unknown): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new CorpusError(`--min-score: expected a number between 0 and 1, got '${String(value)}'`, { kind: 'usage' });
  return n;
}

export function registerEntities(program: Command): void {
  const cmd = program
    .command('entities')
    .description('names of people, places, organizations and other things (PER, LOC, ORG, MISC), merged into entities')
    .argument('[paths...]', 'files, folders, .gz, JSONL, or - for stdin (default: seeds/)')
    .option('--group', 'one row per entity (type, canonical, count, docs, variants) instead of one per mention')
    .option('--types <list>', `types to report, comma-separated (${TYPES.join(',')})`)
    .option('--min-score <x>', 'leave out mentions with a lower confidence (0-1)')
    .option('--no-gazetteer', 'do not use the lexicons after the tagger (names it missed, spans mended)')
    .option('--no-rules', 'no rules after the tagger (long organization names, nationality adjectives)');
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Output fields (one row per mention):
${ENTITIES_FIELDS.map((f) => `  ${f.key.padEnd(11)}${f.doc}`).join('\n')}
With --group (one row per entity, most mentioned first):
${GROUP_FIELDS.map((f) => `  ${f.key.padEnd(11)}${f.doc}`).join('\n')}
With --format json: {"entities": [groups...], "mentions": [rows...]}, with or without --group.

Merging: a short person name takes the full name written elsewhere in the same document; names
merge across documents when their canonical names match (hamza, article and spacing aside), so
two people who share a family name in different documents stay apart. Acronyms and variants
merge through the lexicons in data/lexicons/entities (FBI = مكتب التحقيقات الفيدرالي).
Names are found on the standard normalization whatever --normalize says.
The tagger is trained on ANERcorp (CC BY-SA 4.0, see NOTICE).

Examples:
  corpus entities                                   the seed articles, one row per mention
  corpus entities --group                           one row per entity, variants merged
  echo "استقبل عبد اللطيف الحموشي وفدا من FBI بالرباط" | corpus entities - --format jsonl
  corpus entities news.jsonl --types PER,ORG --group --format csv > people_orgs.csv
  corpus entities news/ --format json | jq '.entities[] | select(.type == "PER") | .canonical'
  corpus entities sentences.jsonl --format jsonl    one sentence per line: doc = the line's id`);
  cmd.action(async (paths: string[], raw: Record<string, unknown>) => {
    const config = resolveCommon(paths, raw, Boolean(process.stdout.isTTY));
    const options = { types: parseTypes(raw.types), gazetteer: raw.gazetteer !== false, rules: raw.rules !== false, minScore: parseScore(raw.minScore) };
    const group = Boolean(raw.group);
    const session = openSession(config);
    const { runAnalysis, startAnalysis } = await import('../../run/runner.js');
    type Partial = import('../../analyze/entities/spec.js').EntitiesPartial;

    if (!group && config.format !== 'json') {
      const columns = config.format === 'table' ? mentionTable : mentionMachine;
      const run = startAnalysis<Partial>('entities', options, session.inputs, session.reporter.lineSpec(columns));
      await session.reporter.rows(columns, run.rows);
      if (!session.sink.closed) requireDocuments(session, (await run.result).documents);
      return finish(session);
    }

    const { rows, documents } = await runAnalysis<Partial>('entities', options, session.inputs);
    if (!requireDocuments(session, documents)) return finish(session);
    const { groupEntities } = await import('../../analyze/entities/merge.js');
    type Mention = import('../../analyze/entities/merge.js').MentionLike;
    const groups = groupEntities(rows as unknown as Mention[]);
    const groupRows = groups.map((g) => ({ type: g.type, canonical: g.canonical, count: g.count, docs: g.docs, variants: g.variants }));
    if (config.format === 'json') {
      await session.sink.write(jsonDocument({ entities: groupRows, mentions: rows }));
      await session.sink.end();
    } else {
      await session.reporter.rows(config.format === 'table' ? groupTable : groupMachine, groupRows as unknown as Row[]);
    }
    await finish(session);
  });
}
