/**
 * Aligns a gold sentence of whitespace tokens (as the CoNLL corpora give them) with the tokens the
 * text core produces for the same text joined by spaces, so that the tagger trains on exactly the
 * tokens it will see at run time. The core splits punctuation glued to words ("(د" -> "(" "د") and
 * digits from letters; edge punctuation of a word is outside the entity, the rest inherits it.
 */
import type { Normalizer } from '../../text/normalize.js';
import { PreparedText, prepareText } from '../../text/prepare.js';
import type { Token } from '../../text/tokenize.js';
import { TAG_O, repairBio, tagI, typeOf } from './tags.js';

export interface AlignedSentence {
  prepared: PreparedText;
  /** Gold tags of prepared.tokens. */
  tags: Int8Array;
  /** Start offset (UTF-16) of each whitespace word in prepared.text, plus the text length at the end. */
  wordStarts: Int32Array;
  /** For each prepared token, the index of the whitespace word holding it. */
  wordOf: Int32Array;
}

const isEdge = (t: Token) => t.kind === 'punctuation' || t.kind === 'symbol';

export function alignSentence(words: string[], wordTags: ArrayLike<number>, normalizer: Normalizer): AlignedSentence {
  const wordStarts = new Int32Array(words.length + 1);
  let pos = 0;
  for (let i = 0; i < words.length; i++) { wordStarts[i] = pos; pos += words[i].length + 1; }
  wordStarts[words.length] = pos - 1;
  const prepared = prepareText(words.join(' '), normalizer);
  const toks = prepared.tokens;
  const wordOf = new Int32Array(toks.length);
  let w = 0;
  for (let k = 0; k < toks.length; k++) {
    while (w + 1 < words.length && toks[k].start >= wordStarts[w + 1]) w++;
    wordOf[k] = w;
  }
  const tags = new Int8Array(toks.length);
  for (let k = 0; k < toks.length; ) {
    const wi = wordOf[k];
    let e = k;
    while (e < toks.length && wordOf[e] === wi) e++;
    const tag = wordTags[wi];
    if (tag !== TAG_O) {
      let a = k;
      let b = e;
      while (a < b - 1 && isEdge(toks[a])) a++;
      while (b - 1 > a && isEdge(toks[b - 1])) b--;
      tags[a] = tag;
      for (let q = a + 1; q < b; q++) tags[q] = tagI(typeOf(tag));
    }
    k = e;
  }
  repairBio(tags);
  return { prepared, tags, wordStarts, wordOf };
}

/**
 * Projects token-level spans (UTF-16 [start, end) in the sentence text, typed) back to whitespace
 * words: a word overlapping a span takes its type, B on the first such word. Used to score the
 * tool the way a whitespace-tokenized test set is scored, clitics outside spans included.
 */
export function spansToWordTags(spans: { type: number; start: number; end: number }[], wordStarts: Int32Array): Int8Array {
  const n = wordStarts.length - 1;
  const tags = new Int8Array(n);
  for (const s of spans) {
    let first = true;
    for (let i = 0; i < n; i++) {
      const ws = wordStarts[i];
      const we = i + 1 < n ? wordStarts[i + 1] - 1 : wordStarts[n];
      if (we <= s.start || ws >= s.end) continue;
      if (tags[i] !== TAG_O && !first) continue;
      tags[i] = first ? 1 + 2 * s.type : tagI(s.type);
      first = false;
    }
  }
  repairBio(tags);
  return tags;
}
