/**
 * Sentence splitter over tokens. A sentence ends
 *  - after a run of . ! ? ؟ … ۔ (with the closing quotes or brackets glued to it), or
 *  - before a line break (news text writes one paragraph per line; headlines carry no full stop).
 * A full stop does not end a sentence after an abbreviation: a single Arabic letter (د. م. ص. ق.م)
 * or a single Latin capital (initials: J. K.), nor inside an acronym spelled with the Arabic names
 * of Latin letters (بي. بي. سي, سي. آي. إيه): a letter name glued to the dot, another one next.
 * Decimals, URLs and e-mails are single tokens, so their dots never reach this code.
 */
import { isClosing, isTerminal } from './chars.js';
import { isCommonWordLetter, isLetterName } from './letterNames.js';
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
    if (isAbbreviationDot(u, tokens, t) || isAcronymDot(u, tokens, t)) continue;
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

/** "بي. بي. سي": the dot glued to a letter name, with a letter name right after it. */
function isAcronymDot(u: ArrayLike<number>, tokens: TokenBuffer, t: number): boolean {
  const s = tokens.start(t);
  if (u[s] !== 0x2e || tokens.end(t) - s !== 1 || t === 0 || t + 1 >= tokens.count) return false;
  const p = t - 1;
  if (tokens.end(p) !== s || tokens.kind(p) !== K_ARABIC || tokens.kind(t + 1) !== K_ARABIC || tokens.newlineBefore(t + 1)) return false;
  if (tokens.end(p) - tokens.start(p) > 5 || tokens.end(t + 1) - tokens.start(t + 1) > 5) return false;
  const text = (i: number) => { let w = ''; for (let j = tokens.start(i); j < tokens.end(i); j++) w += String.fromCharCode(u[j]); return w; };
  const before = text(p);
  if (!isLetterName(before) || !isLetterName(text(t + 1))) return false;
  if (!isCommonWordLetter(before)) return true;
  // في. or أن. right before a letter name is an acronym only inside a chain: سي. في. إس
  return p >= 2 && tokens.kind(p - 1) === K_PUNCT && u[tokens.start(p - 1)] === 0x2e && isLetterName(text(p - 2));
}
