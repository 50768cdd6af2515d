/**
 * Options shared by keywords, keyness, kwic and collocates: grouping and stopwords, resolved
 * into plain TermSettings (workers rebuild the analyzer from them). Stopword files are read
 * here, in the main thread, so a bad file is one clear error before any work starts.
 */
import { Command, Option } from 'commander';
import { readStopwords } from '../../analyze/keywords/stopwords.js';
import { GROUP_MODES, type GroupMode } from '../../analyze/keywords/groupModes.js';
import type { TermSettings } from '../../analyze/keywords/terms.js';
import { LexiconError } from '../../text/wordLexicon.js';
import { CorpusError } from '../errors.js';
import type { CommonConfig } from '../options.js';
import { formatCount } from '../../report/numbers.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function addGroupOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('-g, --group <mode>', 'surface: written forms; word: clitics removed (بالمغرب counts as المغرب); stem: light stems').choices(GROUP_MODES as unknown as string[]).default('word'),
  );
}

export function addStopwordOptions(cmd: Command): Command {
  return cmd
    .option('--stopwords <file>', 'more stopwords, one word per line (repeatable)', collect)
    .option('--no-stopwords', 'keep function words (the shipped list data/lexicons/stopwords.txt is not used)');
}

export function resolveTermSettings(raw: Record<string, unknown>, config: CommonConfig, group?: GroupMode): TermSettings {
  const files = Array.isArray(raw.stopwords) ? (raw.stopwords as string[]) : [];
  const extra: string[] = [];
  for (const file of files) {
    try {
      extra.push(...readStopwords(file));
    } catch (err) {
      if (err instanceof LexiconError) throw new CorpusError(err.what, { kind: 'input', path: err.line > 0 ? `${file}:${err.line}` : file });
      throw err;
    }
  }
  return {
    normalize: config.normalize,
    group: group ?? ((raw.group as GroupMode | undefined) ?? 'word'),
    stopwords: raw.stopwords !== false,
    extraStopwords: extra,
  };
}

/** Number formatting for tables. */
export const fmt = (decimals = 0) => (v: unknown): string =>
  v === null || v === undefined ? '–' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: decimals }) : String(v);

/** Variants as one table cell: "بالمغرب 103، والمغرب 98، …". */
export const fmtVariants = (max: number) => (v: unknown): string => {
  if (!Array.isArray(v)) return '';
  const list = v as Array<{ form: string; count: number }>;
  const shown = list.slice(0, max).map((x) => `${x.form} ${formatCount(x.count)}`);
  return shown.join('، ') + (list.length > max ? '، …' : '');
};
