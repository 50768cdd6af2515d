/**
 * Sentence splitter over tokens. A sentence ends
 *  - after a run of . ! ? ؟ … ۔ (with the closing quotes or brackets glued to it), or
 *  - before a line break (news text writes one paragraph per line; headlines carry no full stop).
 * A full stop does not end a sentence after an abbreviation: a single Arabic letter (د. م. ص. ق.م)
 * or a single Latin capital (initials: J. K.). Decimals, URLs and e-mails are single tokens, so
 * their dots never reach this code.
 */
import { isClosing, isTerminal } from './chars.js';
import { K_ARABIC, K_LATIN, K_NUMBER, K_PUNCT, TokenBuffer } from './tokenize.js';

/** Writes sentence boundaries as token index pairs [first, end) into `out`; returns the count. */
export function splitSentences(u: ArrayLike<number>, tokens: TokenBuffer, out: number[] = []): number[] {
  out.length = 0;
  const n = tokens.count;
  let first = 0;
  for (let t = 0; t < n; t++) {
    if (t > first && tokens.newlineBefore(t)) {
      out.push(first, t);
      first = t;
    }
    if (tokens.kind(t) !== K_PUNCT) continue;
    const s = tokens.start(t);
    if (!isTerminal(u[s])) continue;
    if (isAbbreviationDot(u, tokens, t)) continue;
    let end = t + 1;
    // closing quotes/brackets written right after the stop belong to this sentence
    while (end < n && tokens.kind(end) === K_PUNCT && !tokens.newlineBefore(end) &&
      tokens.start(end) === tokens.end(end - 1) && isClosing(u[tokens.start(end)])) end++;
    out.push(first, end);
    first = end;
    t = end - 1;
  }
  if (first < n) out.push(first, n);
  return out;
}

function isAbbreviationDot(u: ArrayLike<number>, tokens: TokenBuffer, t: number): boolean {
  const s = tokens.start(t);
  if (u[s] !== 0x2e || tokens.end(t) - s !== 1 || t === 0) return false;
  const p = t - 1;
  if (tokens.end(p) !== s) return false; // "word ." with a space is a real stop
  const len = tokens.end(p) - tokens.start(p);
  if (len !== 1) return false;
  const k = tokens.kind(p);
  if (k === K_ARABIC) {
    // 2023م. and 1445ه. end sentences: after a number, م and ه mark the era (but 300 ق.م does not end)
    const c = u[tokens.start(p)];
    return !((c === 0x0645 || c === 0x0647) && p > 0 && tokens.kind(p - 1) === K_NUMBER);
  }
  if (k === K_LATIN) {
    const c = u[tokens.start(p)];
    return c >= 0x41 && c <= 0x5a;
  }
  return false;
}
