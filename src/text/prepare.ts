/**
 * The shared text pipeline for analyzers that work on words and spans (keywords, entities,
 * dates): normalize with an offset map, tokenize, split sentences. Counting code (stats) uses
 * the flat buffers directly instead, to avoid allocating per token.
 */
import { NormalizedText, Normalizer, NormBuffer, unitsToString } from './normalize.js';
import { CodePointIndex } from './offsets.js';
import { splitSentences } from './sentences.js';
import { Token, TokenBuffer, materialize, tokenizeUnits } from './tokenize.js';

export interface Sentence {
  /** Original offsets (UTF-16 code units) of the sentence's first and last token. */
  start: number;
  end: number;
  /** Token index range [firstToken, endToken). */
  firstToken: number;
  endToken: number;
}

export interface PreparedText {
  /** The original text. */
  text: string;
  norm: NormalizedText;
  tokens: Token[];
  sentences: Sentence[];
  /** UTF-16 -> code point conversion for reported offsets. */
  cp: CodePointIndex;
}

const normBuf = new NormBuffer();
const tokBuf = new TokenBuffer();
const bounds: number[] = [];

export function prepareText(text: string, normalizer: Normalizer): PreparedText {
  const len = normalizer.normalizeInto(text, normBuf, true);
  const units = normBuf.units;
  tokenizeUnits(units, len, tokBuf);
  splitSentences(units, tokBuf, bounds);
  const norm: NormalizedText = {
    original: text,
    text: unitsToString(units, len),
    starts: normBuf.starts.slice(0, len),
    ends: normBuf.ends.slice(0, len),
  };
  const tokens = materialize(norm, tokBuf);
  const sentences: Sentence[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const a = bounds[i];
    const b = bounds[i + 1];
    sentences.push({ start: tokens[a].start, end: tokens[b - 1].end, firstToken: a, endToken: b });
  }
  return { text, norm, tokens, sentences, cp: new CodePointIndex(text) };
}

