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

/** What `prepareFlat` returns: views of shared buffers, valid until the next call. */
export interface FlatText {
  /** The original text. */
  text: string;
  /** Normalized UTF-16 units [0, length). */
  units: Uint16Array;
  length: number;
  /** Original [start, end) of each normalized unit. */
  starts: Int32Array;
  ends: Int32Array;
  /** Tokens as (start, end, kind) in normalized coordinates. */
  tokens: TokenBuffer;
}

const flatNorm = new NormBuffer();
const flatTok = new TokenBuffer();

/**
 * Normalize and tokenize without a `Token` object or a string per token (no sentences): for
 * analyzers that look at few tokens closely (dates). The buffers are reused by the next call.
 */
export function prepareFlat(text: string, normalizer: Normalizer): FlatText {
  const len = normalizer.normalizeInto(text, flatNorm, true);
  tokenizeUnits(flatNorm.units, len, flatTok);
  return { text, units: flatNorm.units, length: len, starts: flatNorm.starts, ends: flatNorm.ends, tokens: flatTok };
}
