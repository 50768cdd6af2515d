/**
 * Entity mentions of one prepared document: the tagger labels each sentence, spans are cut out
 * of the ORIGINAL text with proclitics left outside (وبالمغرب -> المغرب, للمغرب -> لمغرب whose
 * normalized form is المغرب), and, optionally, gazetteer names the tagger missed are added.
 * Offsets in the rows are code points (prepared.cp); canonical names come from merge.ts.
 */
import type { PreparedText } from '../../text/prepare.js';
import type { Token } from '../../text/tokenize.js';
import { lastLetter } from '../../text/charsets.js';
import { splitProclitics, type FrequencyOf } from './clitics.js';
import type { NerModel } from './model.js';
import { labelIndex, type Gazetteer, type GazetteerHit } from './gazetteer.js';
import { orgPhrases } from './rules.js';
import {
  FAMILY_MAX_FREQ, FIRST_BIT, ORG, bareStart, completeAtConnectors, cutAtNotNames, cutDescriptorHeads, cutLeadingDemonym, cutLeadingTitles,
  cutTrailingDemonym, demonymCut, dropDescribedNouns, extendRegnalNumbers, isQuotedSpan, joinDottedAcronyms, oneLabel, quotedPlacesAsOrganizations, readsAsDialect, sameEntry, splitAtConjoinedFirstName, splitAtListedConjunct,
} from './spanRules.js';
import { formKey } from './backoff.js';
import { ENTITY_TYPES, EntityType, NUM_TAGS, isEntityType, spansOf } from './tags.js';

export type MentionSource = 'model' | 'gazetteer' | 'rule';

export interface EntityMention {
  doc: string;
  type: EntityType;
  /** Exactly the original slice text[start, end) (code points). */
  text: string;
  start: number;
  end: number;
  /** Normalized form (standard profile), the article's alef put back after لل. */
  normalized: string;
  /** The name of the merged entity (merge.ts); the gazetteer's canonical name or `normalized` until merged. */
  canonical: string;
  source: MentionSource;
  /** Confidence in [0, 1]: mean posterior of the span's tags (model), fixed for lexicon matches. */
  score: number;
  /** UTF-16 offsets of the span in the original text (for slicing in JavaScript). */
  utf16Start: number;
  utf16End: number;
  /** Token index range [first, end) in prepared.tokens. */
  tokenStart: number;
  tokenEnd: number;
}

export interface ExtractOptions {
  /** Document id written in every row. */
  doc?: string;
  /**
   * Compute confidence scores (forward-backward); otherwise score = 1 for model spans, and a span's
   * type is never taken from the lexicons (that needs the scores). Default true.
   */
  scores?: boolean;
  /**
   * Use the lexicons after the tagger: add names it missed (not weak forms), and mend its spans
   * (a fragment of a longer lexicon name takes the name, a name + its acronym is two mentions,
   * the lexicon's type, clitic cut and canonical). Default true.
   */
  gazetteerBackoff?: boolean;
  /**
   * Rules: long organization names built on a head noun that the tagger missed (rules.ts), two
   * names joined by و split, a leading nationality adjective cut from a person. Default true.
   */
  orgRule?: boolean;
  /**
   * One name, one reading per document: untagged repeats of a name found elsewhere in the
   * document, and of the family name of a person found with first and family name, are added
   * (source rule). Default true.
   */
  consistency?: boolean;
}

const LOCHEAD_BIT = 1 << labelIndex('LOCHEAD');
const ALEF_MAKSURA = 0x0649;
const GAZETTEER_SCORE = 0.5;
const RULE_SCORE = 0.4;
/** Mean tag marginal under which a model span exactly matching a lexicon name takes the lexicon's type. */
const RETYPE_BELOW = 0.8;

/** First normalized unit of a token (binary search on the offset map). */
function normStartOf(p: PreparedText, t: Token): number {
  const starts = p.norm.starts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < t.start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function normEndOf(p: PreparedText, t: Token): number {
  const ends = p.norm.ends;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] <= t.end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const collapseSpaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Builds a mention over tokens [a, b), cutting `cut` normalized proclitic characters off token a. */
function mentionOf(p: PreparedText, doc: string, type: EntityType, a: number, b: number, cut: number, base: string,
  source: MentionSource, score: number, canonical?: string): EntityMention {
  const first = p.tokens[a];
  const last = p.tokens[b - 1];
  let start = first.start;
  const nFirst = normStartOf(p, first);
  if (cut > 0) start = p.norm.starts[nFirst + cut];
  const end = last.end;
  const nEnd = normEndOf(p, last);
  const firstEnd = normEndOf(p, first);
  const normalized = collapseSpaces((cut > 0 ? base : first.norm) + p.norm.text.slice(firstEnd, nEnd));
  return {
    doc, type, text: p.text.slice(start, end),
    start: p.cp.toCodePoint(start), end: p.cp.toCodePoint(end),
    normalized, canonical: canonical ?? normalized, source, score,
    utf16Start: start, utf16End: end, tokenStart: a, tokenEnd: b,
  };
}

export function extractEntities(prepared: PreparedText, model: NerModel, options: ExtractOptions = {}): EntityMention[] {
  const doc = options.doc ?? '';
  const withScores = options.scores !== false;
  const freq = model.resources.clusters?.freq ?? null;
  const gaz = model.resources.gazetteer;
  const out: EntityMention[] = [];
  const toks = prepared.tokens;
  const dialect = readsAsDialect(toks, model.resources.notNames);
  let tags = new Int8Array(256);
  let marg = new Float64Array(256 * NUM_TAGS);
  for (const s of prepared.sentences) {
    const a0 = s.firstToken;
    const n = s.endToken - a0;
    if (n === 0) continue;
    if (tags.length < n) { tags = new Int8Array(n * 2); marg = new Float64Array(n * 2 * NUM_TAGS); }
    if (withScores) model.tagWithMarginals(toks, a0, s.endToken, tags, marg);
    else model.tag(toks, a0, s.endToken, tags);
    const useGaz = options.gazetteerBackoff !== false && gaz !== null;
    const rules = options.orgRule !== false;
    // lexicon matches feed the backoff and the rules alike
    const hits = gaz !== null && (useGaz || rules) ? gaz.matchAll(toks, a0, s.endToken, freq) : [];
    let spans = cutAtNotNames(spansOf(tags.subarray(0, n)), toks, a0, model.resources.notNames, dialect);
    if (rules) spans = splitAtListedConjunct(spans, hits, toks, a0);
    if (rules) spans = splitAtConjoinedFirstName(spans, toks, a0, model.resources.triggers, freq);
    if (rules) spans = completeAtConnectors(spans, toks, a0, n, model.resources.triggers, freq);
    if (rules) spans = cutLeadingDemonym(spans, toks, a0, model.resources.demonyms, freq);
    if (rules) spans = cutLeadingTitles(spans, toks, a0, model.resources.triggers, freq);
    if (rules) spans = dropDescribedNouns(spans, toks, a0, n, model.resources.demonyms, freq);
    if (rules) spans = cutDescriptorHeads(spans, toks, a0, freq);
    if (rules) spans = cutTrailingDemonym(spans, a0, { toks, demonyms: model.resources.demonyms, triggers: model.resources.triggers, gaz, hits, freq });
    if (rules) spans = quotedPlacesAsOrganizations(spans, toks, a0, n);
    if (rules) spans = joinDottedAcronyms(spans, toks, a0, n);
    if (rules) spans = extendRegnalNumbers(spans, toks, a0, n, model.resources.triggers, freq);
    const covered = new Uint8Array(n);
    for (const sp of spans) {
      if (covered[sp.start] === 1) continue;
      let score = 1;
      if (withScores) {
        let sum = 0;
        for (let i = sp.start; i < sp.end; i++) sum += marg[i * NUM_TAGS + tags[i]];
        score = sum / (sp.end - sp.start);
      }
      const rounded = Math.round(score * 1000) / 1000;
      const a = a0 + sp.start;
      const first = toks[a];
      let split = first.kind === 'arabic' ? splitProclitics(first.norm, freq) : { cut: 0, base: first.norm };
      // a word the lexicons list whole keeps its first letters: فيصل is no ف + يصل, لمجرد no ل + مجرد
      if (split.cut > 0 && listedWhole(toks, a, model, freq)) split = { cut: 0, base: first.norm };
      // a clitic before a word too short for the splitter (وتل أبيب) is cut where a lexicon name
      // over exactly the span's words says so
      if (split.cut === 0 && useGaz) {
        const h = hits.find((x) => x.start === a && x.end === a0 + sp.end && x.cut > 0 && !x.weak);
        if (h !== undefined) split = { cut: h.cut, base: h.base };
      }
      // a span that is nothing but clitics (a lone و tagged by mistake) is dropped
      if (split.cut >= first.norm.length && sp.end - sp.start === 1) continue;
      // a name followed by its own acronym or other form (منظمة الدول المصدرة للنفط أوبك) read as one
      // span is two mentions of the entity, as ANERcorp tags them
      const pair = useGaz ? repeatedName(hits, a, a0 + sp.end) : undefined;
      if (pair !== undefined) {
        for (const h of pair) out.push(mentionOf(prepared, doc, h.entries[0].label as EntityType, h.start, h.end, h.cut, h.base, 'model', rounded, h.entries[0].canonical));
        for (let i = sp.start; i < sp.end; i++) covered[i] = 1;
        continue;
      }
      // a span the tagger found inside a longer lexicon name of another entity is a piece of that
      // name: أفريقيا in جنوب أفريقيا, المغرب in المغرب التطواني; not when the lexicon lists the span
      // as a form of the same entity (هآرتس in صحيفة هآرتس: the descriptor stays outside, as in
      // ANERcorp), and not for an event or title (MISC): ANERcorp tags the place in دوري أبطال
      // أوروبا and leaves كأس العالم untagged, so the place stays a place
      const outer = useGaz ? enclosingName(hits, a, a0 + sp.end, gaz!, toks, freq) : undefined;
      if (outer !== undefined && isFree(covered, outer.start - a0, outer.end - a0)) {
        const entry = outer.entries[0];
        out.push(mentionOf(prepared, doc, entry.label as EntityType, outer.start, outer.end, outer.cut, outer.base, 'model', rounded, entry.canonical));
        covered.fill(1, outer.start - a0, outer.end - a0);
        continue;
      }
      // an organization span that a lexicon name extends to the left by one word is a fragment of
      // that name, unless the lexicon knows the span as a name of its own: الاستخبارات المركزية in
      // ووكالة الاستخبارات المركزية becomes the whole name, هآرتس in صحيفة هآرتس stays (ANERcorp
      // leaves such descriptors outside)
      const wide = !useGaz || sp.type !== ORG ? undefined : hits.find((h) => !h.weak && h.start === a - 1 && h.end === a0 + sp.end && h.entries[0].label === 'ORG');
      const known = wide === undefined ? null : gaz!.matchAt(toks, a, a0 + sp.end, freq);
      if (wide !== undefined && (known === null || known.end !== a0 + sp.end) && isFree(covered, wide.start - a0, wide.end - a0)) {
        out.push(mentionOf(prepared, doc, ENTITY_TYPES[sp.type], wide.start, wide.end, wide.cut, wide.base, 'model', rounded, wide.entries[0].canonical));
        covered.fill(1, wide.start - a0, wide.end - a0);
        continue;
      }
      // the tagger unsure of the type of a span the lexicons list as exactly that name under one
      // type (الناتو read as a place, بريمن as a place in a football report): the lexicon's type
      // (not a quoted organization, which the quotation rule typed: «الشرق الأوسط», the daily)
      const quotedOrg = rules && sp.type === ORG && isQuotedSpan(sp, toks, a0, n);
      const type = useGaz && score < RETYPE_BELOW && !quotedOrg ? lexiconType(hits, a, a0 + sp.end) ?? ENTITY_TYPES[sp.type] : ENTITY_TYPES[sp.type];
      // a lexicon name over exactly the same words knows where the name begins inside the first
      // word (the ل of لمراقبة التراب الوطني stays outside) and which entity it is
      const same = hits.find((h) => !h.weak && h.start === a && h.end === a0 + sp.end && h.entries[0].label === type);
      if (same !== undefined && same.cut > split.cut) {
        out.push(mentionOf(prepared, doc, type, a, a0 + sp.end, same.cut, same.base, 'model', rounded, same.entries[0].canonical));
      } else {
        out.push(mentionOf(prepared, doc, type, a, a0 + sp.end, split.cut, split.base, 'model', rounded));
      }
      for (let i = sp.start; i < sp.end; i++) covered[i] = 1;
    }
    if (rules) {
      for (const r of orgPhrases(toks, a0, s.endToken, model.resources.triggers, gaz, freq)) {
        // a one-word place inside the phrase (مركز الرباط للدراسات ...) gives way to it
        const inside = out.filter((m) => m.tokenStart >= r.start && m.tokenStart < r.end);
        if (inside.some((m) => m.tokenStart === r.start || m.tokenEnd > r.end || m.type !== 'LOC' || m.tokenEnd - m.tokenStart > 1)) continue;
        for (const m of inside) out.splice(out.indexOf(m), 1);
        out.push(mentionOf(prepared, doc, 'ORG', r.start, r.end, r.cut, r.base, 'rule', RULE_SCORE));
        covered.fill(1, r.start - a0, r.end - a0);
      }
    }
    if (useGaz) {
      for (const hit of hits) {
        if (!isFree(covered, hit.start - a0, hit.end - a0)) continue;
        const entry = hit.entries[0];
        if (!isEntityType(entry.label)) continue;
        // a form the training data mostly leaves untagged (وزارة الخارجية, الجيش الإسرائيلي): the tagger's O stands
        if (model.backoffSkip.has(formKey(toks, hit))) continue;
        // a weak form (also a common word) counts only right after a place noun: منطقة الساحل
        if (hit.weak && !(entry.label === 'LOC' && afterPlaceHead(toks, a0, hit.start, model, freq))) continue;
        // a club the lexicon lists with its nationality adjective (ليل الفرنسي) is named without it
        const cut = rules && entry.label === 'ORG' ? demonymCut(hit.start, hit.end, { toks, demonyms: model.resources.demonyms, triggers: model.resources.triggers, gaz, hits, freq }) : -1;
        const end = cut > 0 ? cut : hit.end;
        // the lexicon's descriptor form (صحيفة هآرتس, حركة طالبان) is named without the descriptor,
        // and a person without a title (الإمام علي)
        const bare = rules ? bareStart(entry.label, hit.start, end, toks, model.resources.triggers, freq) : hit.start;
        if (bare > hit.start) out.push(mentionOf(prepared, doc, entry.label, bare, end, 0, toks[bare].norm, 'gazetteer', GAZETTEER_SCORE, entry.canonical));
        else out.push(mentionOf(prepared, doc, entry.label, hit.start, end, hit.cut, hit.base, 'gazetteer', GAZETTEER_SCORE, entry.canonical));
        covered.fill(1, hit.start - a0, hit.end - a0);
      }
    }
    if (rules) clubsInMatchReports(out, hits, toks, a0, s.endToken, model, freq);
  }
  if (options.consistency !== false && out.length > 0) addRepeats(prepared, doc, model, out, freq);
  out.sort((x, y) => x.utf16Start - y.utf16Start);
  return out;
}

/** Two non-weak lexicon names of the same entry, one after the other, covering exactly tokens [a, b). */
function repeatedName(hits: GazetteerHit[], a: number, b: number): [GazetteerHit, GazetteerHit] | undefined {
  const i = hits.findIndex((h) => h.start === a);
  if (i < 0 || i + 1 >= hits.length) return undefined;
  const first = hits[i];
  const second = hits[i + 1];
  if (first.end >= b || second.start !== first.end || second.end !== b || first.weak || second.weak) return undefined;
  if (!oneLabel(first) || first.labels !== second.labels || !isEntityType(first.entries[0].label)) return undefined;
  return sameEntry(first, second) ? [first, second] : undefined;
}

/**
 * A non-weak lexicon name of one entity type other than MISC that strictly contains tokens [a, b) and names
 * another entity than [a, b) itself: the span is not a name the lexicons know, or is one of a
 * different entry. A span the lexicons do not know at all is left alone (ANERcorp leaves the
 * descriptors of صحيفة هآرتس, شركة شل outside, and the lexicons list such forms).
 */
function enclosingName(hits: GazetteerHit[], a: number, b: number, gaz: Gazetteer, toks: Token[], freq: FrequencyOf | null): GazetteerHit | undefined {
  const h = hits.find((x) => x.start <= a && x.end >= b && x.end - x.start > b - a);
  if (h === undefined || h.weak || !oneLabel(h)) return undefined;
  const label = h.entries[0].label;
  if (!isEntityType(label) || label === 'MISC') return undefined;
  const own = gaz.matchAt(toks, a, b, freq);
  // a span the lexicons do not know that begins the name is the name cut short: الولايات in
  // الولايات المتحدة, شبه in شبه الجزيرة العربية, كوت in كوت ديفوار
  if (own === null || own.end !== b) return h.start === a ? h : undefined;
  return sameEntry(h, own) ? undefined : h;
}

/** The one entity type of a non-weak lexicon name spanning exactly tokens [a, b), if any. */
export function lexiconType(hits: GazetteerHit[], a: number, b: number): EntityType | undefined {
  const same = hits.find((h) => !h.weak && h.start === a && h.end === b);
  if (same === undefined || !oneLabel(same)) return undefined;
  const label = same.entries[0].label;
  return isEntityType(label) ? label : undefined;
}

/**
 * In a match report (a word of trig-sports.txt in the sentence), a place the lexicons also list as
 * a club (روما, ليون, بوردو: org-sports.txt) is the club: تعادل روما مع ميلان. ANERcorp's train
 * split tags such names ORG in 33 of 42 sentences with a sports word, and LOC in 22 of 36 without
 * one. Not when the sentence places it: a ب glued to it (بروما), or after في, إلى or a place
 * noun (مدينة, ملعب); the mentions of tokens [a0, end) are retyped in place.
 */
function clubsInMatchReports(out: EntityMention[], hits: readonly GazetteerHit[], toks: Token[], a0: number, end: number,
  model: NerModel, freq: FrequencyOf | null): void {
  const cues = model.resources.sportCues;
  if (cues === null || cues === undefined || cues.matchAll(toks, a0, end, freq).length === 0) return;
  for (let k = 0; k < out.length; k++) {
    const m = out[k];
    if (m.type !== 'LOC' || m.tokenStart < a0 || m.tokenEnd > end) continue;
    const hit = hits.find((h) => h.start === m.tokenStart && h.end === m.tokenEnd);
    if (hit === undefined || (hit.labels & ORG_LABEL_BIT) === 0) continue;
    if (hit.cut > 0 && toks[m.tokenStart].norm.slice(0, hit.cut).includes('ب')) continue;
    const prev = m.tokenStart > a0 ? toks[m.tokenStart - 1].norm : '';
    if (PLACE_PREPOSITIONS.has(prev) || afterPlaceHead(toks, a0, m.tokenStart, model, freq)) continue;
    const club = hit.entries.find((e) => e.label === 'ORG')!;
    out[k] = { ...m, type: 'ORG', canonical: club.canonical };
  }
}

// normalized forms (standard profile: إلى is الي)
const PLACE_PREPOSITIONS = new Set(['في', 'وفي', 'الي', 'والي', 'من', 'قرب', 'بمدينة', 'ملعب', 'بملعب']);
const ORG_LABEL_BIT = 1 << labelIndex('ORG');

/** Whether token i - 1 (in the sentence from a0) is a noun that announces a place (مدينة, منطقة). */
function afterPlaceHead(toks: Token[], a0: number, i: number, model: NerModel, freq: ((w: string) => number) | null): boolean {
  const trig = model.resources.triggers;
  if (trig === null || i - 1 < a0) return false;
  const h = trig.matchAt(toks, i - 1, i, freq);
  return h !== null && h.end === i && (h.labels & LOCHEAD_BIT) !== 0;
}

const REPEAT_MIN_SCORE = 0.6;
const REPEAT_SCORE_FACTOR = 0.8;
/**
 * How far (in tokens, either way) a confident reading reaches. A news article runs a few hundred
 * to about a thousand words; a file of many articles read as one document must not let a name of
 * one article retag a common word in another (on the dev split read as one document, precision
 * fell from 83.1 to 81.0 without a limit).
 */
export const REPEAT_WINDOW = 1000;

/**
 * Document-level consistency: a name the tagger found confidently (or the family name of a
 * person written in full) is tagged again where it recurs untagged nearby in the same document
 * (within REPEAT_WINDOW tokens), unless the readings nearby give it two types.
 */
function addRepeats(p: PreparedText, doc: string, model: NerModel, out: EntityMention[], freq: ((w: string) => number) | null): void {
  const toks = p.tokens;
  const covered = new Uint8Array(toks.length);
  for (const m of out) covered.fill(1, m.tokenStart, m.tokenEnd);
  // key (normalized words joined by a space) -> its confident readings, by token position
  const names = new Map<string, { at: number; type: EntityType }[]>();
  // how each name's words end as written (ى or not): علي the name is not على the preposition,
  // though both normalize to علي
  const endings = new Map<string, Set<string>>();
  const note = (key: string, at: number, type: EntityType, written: string) => {
    const list = names.get(key);
    if (list === undefined) names.set(key, [{ at, type }]);
    else list.push({ at, type });
    const e = endings.get(key);
    if (e === undefined) endings.set(key, new Set([written]));
    else e.add(written);
  };
  const writtenEndings = (a: number, b: number) => {
    let w = '';
    for (let i = a; i < b; i++) w += lastLetter(toks[i].text) === ALEF_MAKSURA ? 'y' : '-';
    return w;
  };
  const baseOf = (t: Token) => (t.kind === 'arabic' ? splitProclitics(t.norm, freq).base : t.norm);
  const triggers = model.resources.triggers;
  for (const m of out) {
    if (m.source === 'model' && m.score < REPEAT_MIN_SCORE) continue;
    const words: string[] = [];
    // the first word as the mention has it: without its proclitics, or whole when it kept them (لمجرد)
    const whole = m.utf16Start === toks[m.tokenStart].start;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) words.push(i === m.tokenStart && !whole ? baseOf(toks[i]) : toks[i].norm);
    if (words.join('').length < 3) continue;
    note(words.join(' '), m.tokenStart, m.type, writtenEndings(m.tokenStart, m.tokenEnd));
    if (m.type === 'PER' && words.length >= 2) {
      const last = toks[m.tokenEnd - 1];
      const f = freq === null ? 0 : freq(last.norm);
      const isTrigger = triggers?.matchAt(toks, m.tokenEnd - 1, m.tokenEnd, freq) != null;
      if (last.kind === 'arabic' && last.norm.length >= 4 && f < FAMILY_MAX_FREQ && !isTrigger) note(last.norm, m.tokenEnd - 1, 'PER', writtenEndings(m.tokenEnd - 1, m.tokenEnd));
    }
  }
  const byFirst = new Map<string, string[][]>();
  for (const [key, list] of names) {
    list.sort((x, y) => x.at - y.at);
    const words = key.split(' ');
    const group = byFirst.get(words[0]) ?? [];
    group.push(words);
    byFirst.set(words[0], group);
  }
  for (const group of byFirst.values()) group.sort((a, b) => b.length - a.length);
  const sentenceOf = sentenceIndex(p);
  const added: EntityMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (covered[i]) continue;
    const t = toks[i];
    if (t.kind !== 'arabic' && t.kind !== 'latin') continue;
    let cut = 0;
    let base = t.norm;
    let cands = byFirst.get(t.norm);
    if (cands === undefined && t.kind === 'arabic') {
      const split = splitProclitics(t.norm, freq);
      if (split.cut > 0) { cands = byFirst.get(split.base); cut = split.cut; base = split.base; }
    }
    if (cands === undefined) continue;
    for (const words of cands) {
      const end = i + words.length;
      if (end > toks.length) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) if (covered[i + k] || toks[i + k].norm !== words[k]) ok = false;
      if (!ok) continue;
      const key = words.join(' ');
      if (!endings.get(key)!.has(writtenEndings(i, end))) continue;
      const type = readingNear(names.get(key)!, i);
      if (type === undefined) continue;
      // only within one sentence
      if (sentenceOf[i] !== sentenceOf[end - 1]) continue;
      added.push(mentionOf(p, doc, type, i, end, cut, base, 'rule', Math.round(REPEAT_SCORE_FACTOR * 1000) / 1000));
      covered.fill(1, i, end);
      i = end - 1;
      break;
    }
  }
  out.push(...added);
}

/** The one type of the readings within REPEAT_WINDOW of token i (sorted by position), if they agree. */
function readingNear(readings: readonly { at: number; type: EntityType }[], i: number): EntityType | undefined {
  let lo = 0, hi = readings.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (readings[mid].at < i - REPEAT_WINDOW) lo = mid + 1; else hi = mid; }
  let type: EntityType | undefined;
  for (let k = lo; k < readings.length && readings[k].at <= i + REPEAT_WINDOW; k++) {
    if (type === undefined) type = readings[k].type;
    else if (type !== readings[k].type) return undefined;
  }
  return type;
}

/** The sentence number of every token (-1 for a token outside every sentence). */
function sentenceIndex(p: PreparedText): Int32Array {
  const of = new Int32Array(p.tokens.length).fill(-1);
  p.sentences.forEach((s, k) => of.fill(k, s.firstToken, s.endToken));
  return of;
}

/** Token i, as written, is a first name or the first word of a lexicon name, with no proclitic cut. */
function listedWhole(toks: Token[], i: number, model: NerModel, freq: FrequencyOf | null): boolean {
  const first = model.resources.triggers?.matchAt(toks, i, i + 1, freq);
  if (first != null && first.cut === 0 && (first.labels & FIRST_BIT) !== 0) return true;
  const name = model.resources.gazetteer?.matchAt(toks, i, toks.length, freq);
  return name != null && name.cut === 0 && !name.weak && name.entries.some((e) => isEntityType(e.label));
}

function isFree(covered: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (covered[i] !== 0) return false;
  return true;
}
