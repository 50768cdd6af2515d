/**
 * Entry point of the dates analyzer: prepared text in, one `DateMention` per date expression
 * out, with offsets into the original text in code points.
 */
import { FlatText, PreparedText } from '../../text/prepare.js';
import { CodePointIndex } from '../../text/offsets.js';
import { DateGrammar, DateSpec, Match } from './grammar.js';
import { DateLexicon, defaultLexicon } from './lexicon.js';
import { parseReference } from './reference.js';
import { resolve } from './resolve.js';
import { TokenView } from './tokens.js';
import { DateMention, ExtractOptions, RefDate } from './types.js';

/**
 * Date expressions of a document. `prepared` must come from `prepareText(text,
 * normalizerFor('standard'))` (the lexicons are matched on standard-normalized tokens).
 */
export function extractDates(prepared: PreparedText, opts: ExtractOptions = {}, lex: DateLexicon = defaultLexicon()): DateMention[] {
  if (prepared.tokens.length === 0) return [];
  const view = TokenView.fromTokens(prepared.tokens, lex, prepared.text);
  return mentions(view, prepared.text, prepared.norm.starts, prepared.norm.starts.length, () => prepared.cp, opts);
}

/**
 * The same from `prepareFlat(text, normalizerFor('standard'))`, without a `Token` object or a
 * string per token (the `dates` command).
 */
export function extractDatesFlat(flat: FlatText, opts: ExtractOptions = {}, lex: DateLexicon = defaultLexicon()): DateMention[] {
  if (flat.tokens.count === 0) return [];
  const view = TokenView.fromFlat(flat, lex);
  return mentions(view, flat.text, flat.starts, flat.length, () => new CodePointIndex(flat.text), opts);
}

function mentions(view: TokenView, text: string, starts: Int32Array, nStarts: number, cpOf: () => CodePointIndex, opts: ExtractOptions): DateMention[] {
  const ref = toRef(opts.ref);
  const matches = new DateGrammar(view).parseAll();
  if (matches.length === 0) return [];
  const ctx = { ref, docYears: writtenYears(matches) };
  const cp = cpOf();
  const out: DateMention[] = [];
  for (const m of matches) {
    const r = resolve(m.spec, ctx);
    if (!r) continue;
    const start = m.trim > 0 ? offsetInsideToken(starts, nStarts, view.start(m.first), m.trim) : view.start(m.first);
    const end = view.end(m.end - 1);
    out.push({
      text: text.slice(start, end),
      start: cp.toCodePoint(start),
      end: cp.toCodePoint(end),
      value: r.value,
      grain: r.grain,
      kind: r.kind,
      calendar: r.calendar,
      hijri: r.hijri,
      until: r.until,
      offset: r.offset,
    });
  }
  return out;
}

function toRef(ref: ExtractOptions['ref']): RefDate | null {
  if (!ref) return null;
  if ('date' in ref) return parseReference(ref.date);
  return ref;
}

/** Gregorian years written out in the document, in order of appearance (anchors for weekdays). */
function writtenYears(matches: Match[]): number[] {
  const years: number[] = [];
  const add = (s: DateSpec) => { if (s.cal === 'gregorian' && s.y !== undefined) years.push(s.y); };
  for (const m of matches) {
    if (m.spec.t === 'date') { add(m.spec); if (m.spec.alt) add(m.spec.alt); }
    else if (m.spec.t === 'range') { add(m.spec.from); add(m.spec.to); }
  }
  return years;
}

/**
 * Original offset `k` normalized units into the token that starts at original offset `start`
 * (to cut a clitic such as و or ب off the front of a span). `starts[0, n)`: original start of
 * each normalized unit.
 */
function offsetInsideToken(starts: Int32Array, n: number, start: number, k: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  const at = lo + k;
  return at < n ? starts[at] : start;
}
