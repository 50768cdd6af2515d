/**
 * Rules that reshape the tagger's spans of one sentence before they become mentions (token
 * indices relative to the sentence start a0): Darija words cut out, two names joined by و split,
 * names completed at link words (بن, أبي, آل), titles, nationality adjectives and descriptor heads
 * cut. Each rule returns the input array itself when it changes nothing. The counts quoted come
 * from the ANERcorp train split (docs/ENTITIES.md).
 */
import { isLetterName } from '../../text/letterNames.js';
import type { Token } from '../../text/tokenize.js';
import { splitProclitics, type FrequencyOf } from './clitics.js';
import { labelIndex, type Gazetteer, type GazetteerHit } from './gazetteer.js';
import { ENTITY_TYPES, type TagSpan } from './tags.js';

const ORGHEAD_BIT = 1 << labelIndex('ORGHEAD');
export const FIRST_BIT = 1 << labelIndex('FIRST');
const TITLE_BIT = 1 << labelIndex('TITLE');
export const ORG = ENTITY_TYPES.indexOf('ORG');
const PER = ENTITY_TYPES.indexOf('PER');
/** Corpus frequency from which a word is too common to be a family name or a name on its own. */
export const FAMILY_MAX_FREQ = 3000;

/** The hit's entries all carry one label. */
export const oneLabel = (h: GazetteerHit): boolean => (h.labels & (h.labels - 1)) === 0;

/** Two hits share an entry (the same canonical name): two forms of one entity. */
export function sameEntry(x: GazetteerHit, y: GazetteerHit): boolean {
  return x.entries.some((e) => y.entries.some((f) => f.canonical === e.canonical));
}

/** Each span passed through `f`; the input array itself when `f` changed none. */
function mapSpans(spans: TagSpan[], f: (sp: TagSpan) => TagSpan): TagSpan[] {
  let out: TagSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    const next = f(sp);
    if (next === sp) { out?.push(sp); continue; }
    out ??= spans.slice(0, k);
    out.push(next);
  }
  return out ?? spans;
}

/**
 * The tagger's spans without the words that are never part of a name (Darija function words,
 * not-names.txt): a span is cut at them (سليمان الريسوني اللي كاين -> سليمان الريسوني); a weak
 * form (هادي, also a name) never cuts, and goes only when it is the whole span in a document that
 * reads as Darija (`dialect`, see readsAsDialect). What follows such a word is kept
 * only when it is two words or more (هاد بن زايد -> بن زايد): one word after it was a dialect
 * word in most of the Darija news looked at (ماشي ساهل, اللي دار, فاش كيلبسو), and a name the
 * lexicons know comes back through the gazetteer (هاد الإمارات -> الإمارات).
 */
export function cutAtNotNames(spans: TagSpan[], toks: Token[], a0: number, notNames: ReadonlyMap<string, boolean> | undefined, dialect: boolean): TagSpan[] {
  if (notNames === undefined || notNames.size === 0) return spans;
  const never = (i: number, alone: boolean): boolean => {
    const weak = notNames.get(toks[a0 + i].norm);
    return weak !== undefined && (!weak || (alone && dialect));
  };
  let out: TagSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    let cut = false;
    for (let i = sp.start; i < sp.end && !cut; i++) cut = never(i, sp.end - sp.start === 1);
    if (!cut) {
      out?.push(sp);
      continue;
    }
    out ??= spans.slice(0, k);
    let from = sp.start;
    for (let i = sp.start; i <= sp.end; i++) {
      if (i < sp.end && !never(i, sp.end - sp.start === 1)) continue;
      if (i - from > (from > sp.start ? 1 : 0)) out.push({ type: sp.type, start: from, end: i });
      from = i + 1;
    }
  }
  return out ?? spans;
}

/**
 * A person span with an inner word that is و + a first name (فيصل ملكاوي وغيث الطراونة, وحازم
 * أمام ووليد) is two people: cut before that word. ANERcorp's train split starts a new person at
 * a و-word right after a person 149 times; inside a name the و-words are ones such as ولد (ولد
 * داداه), وقاص, وايت, which are no first name after و. A name that itself starts with و (وليد,
 * وديع) matches the first-name list whole, with nothing cut, and stays. A و-word whose remainder
 * the clitic splitter believes (the news has فرج six times as often as وفرج, جونيور and never
 * وجونيور) is cut too, except after a link word (سعد بن أبي وقاص); وايت, وانغ and وقاص are as
 * frequent whole and stay. End-to-end CV 79.74 -> 79.77.
 */
export function splitAtConjoinedFirstName(spans: TagSpan[], toks: Token[], a0: number, triggers: Gazetteer | null, freq: FrequencyOf | null): TagSpan[] {
  if (triggers === null) return spans;
  let out: TagSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    const cuts: number[] = [];
    if (sp.type === PER) {
      for (let i = sp.start + 1; i < sp.end; i++) {
        const t = toks[a0 + i];
        if (t.kind !== 'arabic' || t.norm.charCodeAt(0) !== 0x0648) continue;
        const hit = triggers.matchAt(toks, a0 + i, a0 + i + 1, freq);
        if (hit !== null && hit.cut === 1 && (hit.labels & FIRST_BIT) !== 0) cuts.push(i);
        else if (freq !== null && !NAME_LINKS.has(toks[a0 + i - 1].norm) && splitProclitics(t.norm, freq).cut === 1) cuts.push(i);
      }
    }
    if (cuts.length === 0) { out?.push(sp); continue; }
    out ??= spans.slice(0, k);
    let from = sp.start;
    for (const c of cuts) { out.push({ type: sp.type, start: from, end: c }); from = c; }
    out.push({ type: sp.type, start: from, end: sp.end });
  }
  return out ?? spans;
}

/** Normalized words that join the parts of a name and never end one: بن, أبي, ولد, عبد, آل, دو. */
const NAME_LINKS = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ابا', 'بو', 'ولد', 'عبد', 'ال', 'ذو', 'ذي', 'دو', 'دي', 'دا', 'فان', 'فون']);
/** Links after which a first name is the start of the same name: عائشة بنت أبي بكر. */
const PATRONYM_LINKS = new Set(['بن', 'ابن', 'بنت', 'ولد']);
const LINK_NEXT_MAX_FREQ = 10000;

/**
 * A person span that ends on a link word (علي بن أبي, الحسين بن, جان مارك دو) runs on to the next
 * word, or into the person span right after it; one that starts right after بن, بنت or ولد takes
 * the first name before the link (أبي بكر in عائشة بنت أبي بكر), and one followed by آل + a word
 * takes them (حمد بن جاسم آل ثاني). ANERcorp's names never end on a link, and it tags the nasab
 * and the آل family whole.
 */
export function completeAtConnectors(spans: TagSpan[], toks: Token[], a0: number, n: number, triggers: Gazetteer | null, freq: FrequencyOf | null): TagSpan[] {
  if (spans.length === 0) return spans;
  const isName = (i: number) => toks[a0 + i].kind === 'arabic';
  // آبي (Abe) normalizes like أبي; only آل is a link written with madda
  const isLink = (t: Token) => NAME_LINKS.has(t.norm) && (t.norm === 'ال' || t.text.charCodeAt(0) !== 0x0622);
  // a function word (من, قد, في) after the link: the span was no name; a first name always counts (علي is also على)
  const canFollow = (i: number) => isName(i) && ((freq?.(toks[a0 + i].norm) ?? 0) < LINK_NEXT_MAX_FREQ ||
    ((triggers?.matchAt(toks, a0 + i, a0 + i + 1, freq)?.labels ?? 0) & FIRST_BIT) !== 0);
  let changed = false;
  const out: TagSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    let sp = spans[k];
    if (sp.type === PER) {
      const prevEnd = out.length > 0 ? out[out.length - 1].end : 0;
      if (sp.start >= 2 && prevEnd <= sp.start - 2 && PATRONYM_LINKS.has(toks[a0 + sp.start - 1].norm) && isName(sp.start - 2) && triggers !== null &&
        ((triggers.matchAt(toks, a0 + sp.start - 2, a0 + sp.start - 1, freq)?.labels ?? 0) & FIRST_BIT) !== 0) {
        sp = { ...sp, start: sp.start - 2 };
        changed = true;
      }
      // a lone أبي is as often "my father"; a lone أبو starts a kunya
      while (isLink(toks[a0 + sp.end - 1]) && (sp.end - sp.start >= 2 || toks[a0 + sp.start].norm === 'ابو') && sp.end < n && canFollow(sp.end)) {
        const next = spans[k + 1];
        if (next !== undefined && next.start === sp.end) {
          if (next.type !== PER) break;
          sp = { ...sp, end: next.end };
          k++;
        } else {
          sp = { ...sp, end: sp.end + 1 };
        }
        changed = true;
      }
      // a family written آل + name right after the span belongs to it: حمد بن جاسم بن جبر آل ثاني
      const al = sp.end + 1 < n ? toks[a0 + sp.end] : null;
      const next = spans[k + 1];
      if (al !== null && al.norm === 'ال' && al.text.charCodeAt(0) === 0x0622 && isName(sp.end + 1) &&
        (next === undefined || next.start > sp.end + 1 || (next.start === sp.end + 1 && next.type === PER))) {
        if (next !== undefined && next.start === sp.end + 1) { sp = { ...sp, end: next.end }; k++; }
        else sp = { ...sp, end: sp.end + 2 };
        changed = true;
      }
    }
    out.push(sp);
  }
  return changed ? out : spans;
}

/**
 * Two names joined by و that the tagger read as one (مانشستر يونايتد وليون, أرسنال وموناكو): a span
 * is cut before an inner و + a name of the lexicons (not a weak form) that ends inside it, unless
 * the lexicons know the whole span as one name (البوسنة والهرسك).
 */
export function splitAtListedConjunct(spans: TagSpan[], hits: GazetteerHit[], toks: Token[], a0: number): TagSpan[] {
  if (hits.length === 0) return spans;
  let out: TagSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    const a = a0 + sp.start;
    const b = a0 + sp.end;
    let at = -1;
    if (sp.end - sp.start > 1 && !hits.some((h) => h.start === a && h.end === b)) {
      for (const h of hits) {
        // a weak second name (الأمن الوطني) counts when the words before it are a listed name too:
        // الديستي والأمن الوطني is two organizations
        const listed = !h.weak || hits.some((x) => !x.weak && x.start === a && x.end === h.start);
        if (listed && h.start > a && h.end <= b && h.cut === 1 && toks[h.start].norm.charCodeAt(0) === 0x0648 && (at < 0 || h.start < at)) at = h.start;
      }
    }
    if (at < 0) {
      out?.push(sp);
      continue;
    }
    out ??= spans.slice(0, k);
    out.push({ type: sp.type, start: sp.start, end: at - a0 }, { type: sp.type, start: at - a0, end: sp.end });
  }
  return out ?? spans;
}

/** Whether a document reads as Darija: two different unmarked forms of the not-names list in it. */
export function readsAsDialect(toks: Token[], notNames: ReadonlyMap<string, boolean> | undefined): boolean {
  if (notNames === undefined) return false;
  let first: string | null = null;
  for (const t of toks) {
    if (t.kind !== 'arabic' || notNames.get(t.norm) !== false) continue;
    if (first === null) first = t.norm;
    else if (t.norm !== first) return true;
  }
  return false;
}

/**
 * A person span of two words or more that starts with a nationality adjective loses it: the
 * adjective announces the name (للبرازيلي فريد, اللاعب الفرنسي زين الدين زيدان) and ANERcorp
 * leaves it outside. Only at the start: at the end المصري or المغربي is as often a family name.
 */
export function cutLeadingDemonym(spans: TagSpan[], toks: Token[], a0: number, demonyms: ReadonlyMap<string, boolean> | undefined, freq: FrequencyOf | null): TagSpan[] {
  if (demonyms === undefined || demonyms.size === 0) return spans;
  return mapSpans(spans, (sp) => {
    const first = toks[a0 + sp.start];
    const lead = sp.type === PER && sp.end - sp.start >= 2 && first.kind === 'arabic' &&
      (demonyms.has(first.norm) || demonyms.has(splitProclitics(first.norm, freq).base));
    return lead ? { ...sp, start: sp.start + 1 } : sp;
  });
}

/**
 * A person span that starts with a title of trig-titles.txt (الإمبراطور جاتشينغ, لمحامي باريرا,
 * الصحابي سعد بن أبي وقاص) loses it, and a second one after it: the title announces the name. The
 * ANERcorp train split has these words right before a person 420 times and at the start of one
 * once (البابا, kept). Only titles with the article: سيد and شيخ without it begin names there
 * (سيد محمد خاتمي, شيخ شريف). A title that is also a first name is kept.
 */
export function cutLeadingTitles(spans: TagSpan[], toks: Token[], a0: number, triggers: Gazetteer | null, freq: FrequencyOf | null): TagSpan[] {
  if (triggers === null) return spans;
  return mapSpans(spans, (sp) => {
    let start = sp.start;
    if (sp.type === PER) {
      for (let round = 0; round < 2 && sp.end - start >= 2; round++) {
        const hit = toks[a0 + start].kind === 'arabic' ? triggers.matchAt(toks, a0 + start, a0 + sp.end - 1, freq) : null;
        if (hit === null || (hit.labels & TITLE_BIT) === 0 || (hit.labels & FIRST_BIT) !== 0 || !hit.base.startsWith('ال') || hit.base === 'البابا') break;
        start = hit.end - a0;
      }
    }
    return start === sp.start ? sp : { ...sp, start };
  });
}

/**
 * Head nouns that ANERcorp leaves outside the organization they announce (normalized; counts in
 * its train split, inside the span / right before it): فريق 0/32, شركة 1/21, صحيفة 0/19, حركة
 * 5/18, نادي 5/17, النادي 4/7, مجلة 0/7, قيادة 0/7, قوات 0/6, جريدة 0/6, مدرسة 0/6, قناة 0/5.
 * حزب (99/0), مجلس, جامعة (30/6), الاتحاد and منظمة are inside and not listed; nor is وكالة (3/9):
 * وكالة الصحافة الفرنسية and وكالة الأنباء القطرية are the agencies' names. Definite heads (الشركة
 * السعودية للكهرباء) begin descriptive names and are not listed, but for النادي (النادي الأهلي).
 */
const DESCRIPTOR_HEADS = new Set(['فريق', 'شركة', 'صحيفة', 'حركة', 'نادي', 'النادي', 'مجلة', 'قيادة',
  'قوات', 'جريدة', 'مدرسة', 'قناة', 'بعثة', 'مفوضية']);

/**
 * An organization span that starts with a descriptor head (حركة طالبان, شركة نيسان, نادي تشارلتون,
 * صحيفة هآرتس) loses it, as ANERcorp tags them (not before a second head).
 */
export function cutDescriptorHeads(spans: TagSpan[], toks: Token[], a0: number, freq: FrequencyOf | null): TagSpan[] {
  return mapSpans(spans, (sp) => {
    const first = toks[a0 + sp.start];
    const cut = sp.type === ORG && sp.end - sp.start >= 2 && first.kind === 'arabic' &&
      (DESCRIPTOR_HEADS.has(first.norm) || DESCRIPTOR_HEADS.has(splitProclitics(first.norm, freq).base)) &&
      !DESCRIPTOR_HEADS.has(toks[a0 + sp.start + 1].norm);
    return cut ? { ...sp, start: sp.start + 1 } : sp;
  });
}

/**
 * A one-word person span with the article followed by a nationality adjective (الأسد الهندي, the
 * Indian lion) is a common noun and its adjective: ANERcorp's train split has no person so written
 * (a definite word before a nationality adjective is untagged 1,107 times). Weak adjectives
 * (السعودية, also the country) do not count.
 */
export function dropDescribedNouns(spans: TagSpan[], toks: Token[], a0: number, n: number, demonyms: ReadonlyMap<string, boolean> | undefined, freq: FrequencyOf | null): TagSpan[] {
  if (demonyms === undefined || demonyms.size === 0) return spans;
  const drop = (sp: TagSpan) => {
    if (sp.type !== PER || sp.end - sp.start !== 1 || sp.end >= n) return false;
    const t = toks[a0 + sp.start];
    const next = toks[a0 + sp.end];
    return t.kind === 'arabic' && splitProclitics(t.norm, freq).base.startsWith('ال') && next.kind === 'arabic' && demonyms.get(next.norm) === false;
  };
  return spans.some(drop) ? spans.filter((sp) => !drop(sp)) : spans;
}

/** Compass adjectives that complete a nationality adjective: الكورية الشمالية. */
const COMPASS = new Set(['الشمالي', 'الشماليه', 'الشمالية', 'الجنوبي', 'الجنوبيه', 'الجنوبية']);

/** Lexicon resources the trailing-adjective rule reads. */
export interface DemonymContext {
  toks: Token[];
  demonyms: ReadonlyMap<string, boolean> | undefined;
  triggers: Gazetteer | null;
  gaz: Gazetteer | null;
  hits: readonly GazetteerHit[];
  freq: FrequencyOf | null;
}

/**
 * Organization spans of two words or more that end with a nationality adjective lose it when
 * the name before it is a proper name (see demonymCut): الزمالك المصري -> الزمالك.
 */
export function cutTrailingDemonym(spans: TagSpan[], a0: number, cx: DemonymContext): TagSpan[] {
  if (cx.demonyms === undefined || cx.demonyms.size === 0) return spans;
  return mapSpans(spans, (sp) => {
    const end = sp.type === ORG ? demonymCut(a0 + sp.start, a0 + sp.end, cx) : -1;
    return end < 0 ? sp : { ...sp, end: end - a0 };
  });
}

/**
 * Where an organization name over tokens [a, b) ends without its trailing nationality adjective
 * (and compass word: الكورية الشمالية), or -1 to keep it whole. ANERcorp leaves the adjective
 * outside after a proper name (الزمالك المصري, ريال مدريد الإسباني: outside 71 times in its train
 * split, inside twice). Kept whole: a name on a head noun (منظمة التحرير الفلسطينية, وكالة الأنباء
 * المصرية: inside 10 times, outside 16; حزب العمال البريطاني), a descriptive phrase of two
 * definite words or more (الخطوط الجوية الإيرانية, الحرس الثوري الإيراني), a rest of one frequent
 * word (الجيش الإسرائيلي: no name alone), and a name the lexicons know whole unless the same entry
 * lists it without the adjective (الزمالك المصري | الزمالك: listed to tell the club from the
 * word). Weak forms are common adjectives too (المالية "financial", السعودية the country) and
 * never cut.
 */
export function demonymCut(a: number, b: number, cx: DemonymContext): number {
  const { toks, demonyms, triggers, gaz, hits, freq } = cx;
  if (demonyms === undefined || b - a < 2) return -1;
  let end = b - 1;
  if (COMPASS.has(toks[end].norm) && end - 1 > a) end--;
  if (toks[end].kind !== 'arabic' || demonyms.get(toks[end].norm) !== false) return -1;
  if (triggers !== null && ((triggers.matchAt(toks, a, a + 1, freq)?.labels ?? 0) & ORGHEAD_BIT) !== 0) return -1;
  if (end - a >= 2) {
    let definite = true;
    for (let i = a; i < end && definite; i++) definite = toks[i].kind === 'arabic' && splitProclitics(toks[i].norm, freq).base.startsWith('ال');
    if (definite) return -1;
  } else if ((freq?.(toks[a].norm) ?? 0) >= FAMILY_MAX_FREQ && !hits.some((h) => !h.weak && h.start === a && h.end === end)) {
    return -1;
  }
  const whole = hits.find((h) => h.start === a && h.end === b);
  if (whole !== undefined) {
    const short = gaz?.matchAt(toks, a, end, freq) ?? null;
    if (short === null || short.end !== end || !sameEntry(whole, short)) return -1;
  }
  return end;
}

/**
 * Where a lexicon name over tokens [a, b) (absolute indices) begins once its descriptor head
 * (صحيفة هآرتس, حركة طالبان) or, for a person, its title (الإمام علي) is cut: the same rules as
 * for the tagger's spans.
 */
export function bareStart(type: string, a: number, b: number, toks: Token[], triggers: Gazetteer | null, freq: FrequencyOf | null): number {
  const one = [{ type: ENTITY_TYPES.indexOf(type as (typeof ENTITY_TYPES)[number]), start: a, end: b }];
  if (type === 'ORG') return cutDescriptorHeads(one, toks, 0, freq)[0].start;
  if (type === 'PER') return cutLeadingTitles(one, toks, 0, triggers, freq)[0].start;
  return a;
}

const LOC = ENTITY_TYPES.indexOf('LOC');
/** Quotation marks and the mark that closes each. */
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '«': '»', '"': '"', '“': '”' };

/**
 * A place span that is exactly the text between quotation marks names a newspaper, a company or
 * another organization called after a place: «الشرق الأوسط» (the London daily), «طنجة المتوسط»
 * (the port), «الخليج». ANERcorp's train split has a quoted name as LOC 13 times and as ORG 113
 * (الشرق الأوسط quoted: ORG 10, LOC 4). End-to-end CV 79.91 -> 79.93.
 */
export function quotedPlacesAsOrganizations(spans: TagSpan[], toks: Token[], a0: number, n: number): TagSpan[] {
  return mapSpans(spans, (sp) => (sp.type === LOC && isQuotedSpan(sp, toks, a0, n) ? { type: ORG, start: sp.start, end: sp.end } : sp));
}

/** The span's words are exactly what stands between a pair of quotation marks. */
export function isQuotedSpan(sp: TagSpan, toks: Token[], a0: number, n: number): boolean {
  if (sp.start === 0 || sp.end >= n) return false;
  const close = CLOSING_QUOTE[toks[a0 + sp.start - 1].text];
  return close !== undefined && toks[a0 + sp.end].text === close;
}

/**
 * An acronym spelled with dotted letter names (بي. بي. سي, سي. آي. إيه) is one name: the tagger,
 * which reads the dots as tokens, may tag its letters as separate spans (three organizations بي,
 * بي, سي). Spans that touch such a chain of two letters or more become one span over the chain
 * and them, with the type of the first.
 */
export function joinDottedAcronyms(spans: TagSpan[], toks: Token[], a0: number, n: number): TagSpan[] {
  if (spans.length < 1) return spans;
  const letter = (i: number) => toks[a0 + i].kind === 'arabic' && isLetterName(toks[a0 + i].norm);
  const gluedDot = (i: number) => toks[a0 + i].text === '.' && toks[a0 + i].start === toks[a0 + i - 1].end;
  let out = spans;
  for (let i = 0; i < n; i++) {
    if (!letter(i)) continue;
    let j = i + 1;
    let letters = 1;
    while (j + 1 < n && gluedDot(j) && letter(j + 1)) { j += 2; letters++; }
    if (letters >= 2) {
      const touching = out.filter((sp) => sp.start < j && sp.end > i);
      if (touching.length > 0 && !(touching.length === 1 && touching[0].start <= i && touching[0].end >= j)) {
        const joined: TagSpan = { type: touching[0].type, start: Math.min(i, touching[0].start), end: Math.max(j, touching[touching.length - 1].end) };
        out = [...out.filter((sp) => sp.end <= i || sp.start >= j), joined].sort((x, y) => x.start - y.start);
      }
    }
    i = j - 1;
  }
  return out;
}

/** Ordinal adjectives of regnal numbers, normalized (الأول, الثاني, ... العاشر, الحادي عشر). */
const REGNAL = new Set(['الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر', 'الحادي']);

/**
 * A person span followed by a regnal number takes it: الحسن الثاني, البابا بنديكت السادس عشر,
 * خايمي الأول. ANERcorp's train split has the ordinal inside the name 33 times after a person,
 * outside 6.
 */
export function extendRegnalNumbers(spans: TagSpan[], toks: Token[], a0: number, n: number, triggers: Gazetteer | null, freq: FrequencyOf | null): TagSpan[] {
  return mapSpans(spans, (sp) => {
    if (sp.type !== PER || sp.end >= n || !REGNAL.has(toks[a0 + sp.end].norm)) return sp;
    // a king is named by one name (خايمي الأول) or after his title (البابا بنديكت السادس عشر); a
    // player of two names with an ordinal after is ranked (فرناندو غونزاليز العاشر)
    const titled = sp.start > 0 && triggers !== null && ((triggers.matchAt(toks, a0 + sp.start - 1, a0 + sp.start, freq)?.labels ?? 0) & TITLE_BIT) !== 0;
    if (sp.end - sp.start > 1 && !titled) return sp;
    if (spans.some((x) => x !== sp && x.start === sp.end)) return sp;
    let end = sp.end + 1;
    if (end < n && toks[a0 + end].norm === 'عشر' && !spans.some((x) => x.start === end)) end++;
    return { type: sp.type, start: sp.start, end };
  });
}
