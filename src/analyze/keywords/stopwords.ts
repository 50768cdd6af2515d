/**
 * Stopword lists: data/lexicons/stopwords.txt (shipped) plus user files (`--stopwords FILE`).
 * Entries are normalized with the run's normalizer and go through the clitic analysis like
 * any token, so they compare with word keys.
 */
import { readFileSync } from 'node:fs';
import { LexiconError } from '../../text/wordLexicon.js';
import { packagePath } from '../../paths.js';

export const DEFAULT_STOPWORDS = packagePath('data/lexicons/stopwords.txt');

/** Words of a stopword file: one per line, `#` comment lines and blank lines ignored. */
export function parseStopwords(text: string, file: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/\s/.test(line)) throw new LexiconError(file, i + 1, `one word per line expected, got "${line}"`);
    out.push(line);
  }
  return out;
}

export function readStopwords(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new LexiconError(file, 0, `cannot read the stopword list (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseStopwords(text, file);
}
