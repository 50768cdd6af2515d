/**
 * Lexicon files of the entity analyzer (data/lexicons/entities/*.txt): one entry per line,
 * `canonical | alias | alias ...`, `#` comments, and a `@type LABEL` line that says what the
 * entries are. A form written `~form` is also a common word: it feeds the tagger's features but
 * is never reported as an entity on its own. Headers say what the file holds, its source and licence. Files are validated on
 * load; every problem names the file and the line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../paths.js';

/** Entity types, plus the trigger classes that only feed features and rules. */
export const LEXICON_LABELS = ['PER', 'LOC', 'ORG', 'MISC', 'FIRST', 'TITLE', 'ORGHEAD', 'LOCHEAD', 'ORGPURPOSE', 'SURNAME', 'NOTNAME', 'DEMONYM', 'SPORT'] as const;
export type LexiconLabel = (typeof LEXICON_LABELS)[number];

export interface LexiconEntry {
  label: LexiconLabel;
  /** The name reported as `canonical` for every alias of the entry. */
  canonical: string;
  /** All written forms, the canonical first. */
  forms: string[];
  /** Parallel to `forms`: the form is also a common word (written `~form`), a hint for the tagger only. */
  weak: boolean[];
  /** Where it was read from (file:line), for messages. */
  where: string;
}

export class LexiconError extends Error {}

export function parseLexicon(text: string, file: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  let label: LexiconLabel | null = null;
  let sawHeader = { what: false, source: false, licence: false };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const where = `${file}:${n + 1}`;
    const line = lines[n].replace(/\r$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s*(what|source|licence|license)\s*:/i.exec(line);
      if (m !== null) {
        const k = m[1].toLowerCase();
        if (k === 'what') sawHeader.what = true;
        else if (k === 'source') sawHeader.source = true;
        else sawHeader.licence = true;
      }
      continue;
    }
    if (line.startsWith('@')) {
      const m = /^@type\s+(\S+)$/.exec(line);
      if (m === null) throw new LexiconError(`${where}: unknown directive "${line}" (expected "@type LABEL")`);
      if (!(LEXICON_LABELS as readonly string[]).includes(m[1]))
        throw new LexiconError(`${where}: unknown label "${m[1]}" (one of ${LEXICON_LABELS.join(', ')})`);
      label = m[1] as LexiconLabel;
      continue;
    }
    if (label === null) throw new LexiconError(`${where}: entry before any "@type" line`);
    const raw = line.split('|').map((s) => s.trim());
    const weak = raw.map((f) => f.startsWith('~'));
    const forms = raw.map((f) => (f.startsWith('~') ? f.slice(1).trim() : f));
    if (forms.some((f) => f === '')) throw new LexiconError(`${where}: empty form in "${line}"`);
    out.push({ label, canonical: forms[0], forms, weak, where });
  }
  if (!sawHeader.what || !sawHeader.source || !sawHeader.licence)
    throw new LexiconError(`${file}:1: header must have "# what:", "# source:" and "# licence:" lines`);
  return out;
}

/** The shipped lexicon folder (works from src/ under vitest and from dist/ when built). */
export function defaultLexiconDir(): string {
  return packagePath('data/lexicons/entities/');
}

/** Reads every `.txt` lexicon of a folder, in file-name order (entries keep file order). */
export function loadLexiconDir(dir: string = defaultLexiconDir()): LexiconEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const out: LexiconEntry[] = [];
  for (const f of files) out.push(...parseLexicon(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
  return out;
}
