/**
 * Merging variants of one entity.
 *
 *  - Lexicon: a mention whose name is a form of a gazetteer entry takes the entry's canonical name
 *    (FBI, إف بي آي and مكتب التحقيقات الفيدرالي are one entity).
 *  - Within a document: a person mention that is the end of a longer person name in the same
 *    document (الحموشي, حموشي after عبد اللطيف الحموشي) takes that full name; when two full names
 *    end the same way, the nearest one before it wins (else the nearest after).
 *  - Across documents: mentions merge when their canonical names have the same key (normalized,
 *    article and spaces folded), so a bare family name in another document, or another person
 *    with the same family name, stays apart.
 * Canonical names are readable written forms (the lexicon's spelling, or the mention's own text
 * without clitics); identity is decided on their normalized, article-folded key (canonicalKey).
 */
import { normalizerFor } from '../../text/normalize.js';
import type { EntityMention } from './extract.js';
import type { Gazetteer } from './gazetteer.js';
import type { EntityType } from './tags.js';

const standard = normalizerFor('standard');

const isNameChar = (c: number) =>
  (c >= 0x0621 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x0671 && c <= 0x06d3) ||
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0 && c <= 0x24f;

/** Words of a normalized name, with the article folded and عبدX split (عبدالله = عبد الله). */
export function nameWords(normalized: string): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur === '') return;
    let w = cur;
    cur = '';
    if (w.length > 5 && w.startsWith('عبد')) { out.push('عبد'); w = w.slice(3); }
    if (w.length > 3 && w.startsWith('ال')) w = w.slice(2);
    out.push(w.toLowerCase());
  };
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (isNameChar(c)) cur += normalized[i];
    else flush();
  }
  flush();
  return out;
}

/** Identity key of a normalized name: its folded words joined. */
export const nameKey = (normalized: string): string => nameWords(normalized).join(' ');

/** Identity key of a canonical (written) name. */
export const canonicalKey = (canonical: string): string => nameKey(standard.normalizeString(canonical));

/** What grouping needs of a mention (an EntityMention, or an output row). */
export interface MentionLike {
  doc: string;
  type: EntityType;
  text: string;
  normalized: string;
  canonical: string;
}

/** The mention as a name: its text on one line, with the article's alef put back after لل (للمغرب -> المغرب). */
export function writtenName(m: MentionLike): string {
  const t = m.text.replace(/\s+/g, ' ').trim();
  if (t.charCodeAt(0) === 0x0644 && m.normalized.startsWith('ال') && !standard.normalizeString(t).startsWith('ال')) return 'ا' + t;
  return t;
}

function endsWith(full: string[], part: string[]): boolean {
  if (part.length === 0 || part.length >= full.length) return false;
  for (let i = 1; i <= part.length; i++) if (full[full.length - i] !== part[part.length - i]) return false;
  return true;
}

/** Sets `canonical` on the mentions of ONE document (lexicon forms, then short person names). */
export function resolveDocument(mentions: EntityMention[], gazetteer: Gazetteer | null): void {
  for (const m of mentions) {
    const entry = gazetteer?.lookupName(m.normalized);
    m.canonical = entry !== undefined ? entry.canonical : writtenName(m);
  }
  // a short person name written in full elsewhere in the document takes that full name, even if
  // the lexicon knows the short form for someone else
  const persons = mentions.filter((m) => m.type === 'PER');
  const words = persons.map((m) => nameWords(m.normalized));
  persons.forEach((m, i) => {
    let best = -1;
    let bestDist = Infinity;
    persons.forEach((f, j) => {
      if (j === i || !endsWith(words[j], words[i])) return;
      // prefer the nearest full name before the mention, then the nearest after
      const d = f.utf16Start <= m.utf16Start ? m.utf16Start - f.utf16Start : 1e12 + f.utf16Start - m.utf16Start;
      if (d < bestDist || (d === bestDist && words[j].length > words[best].length)) { bestDist = d; best = j; }
    });
    if (best >= 0) m.canonical = persons[best].canonical;
  });
  // a full name whose own canonical was shortened above keeps the longest one found (chains: A B C <- B C <- C)
  for (let round = 0; round < 2; round++) {
    for (const m of persons) {
      const target = persons.find((f) => f !== m && f.canonical !== m.canonical && nameKey(f.normalized) === canonicalKey(m.canonical));
      if (target !== undefined) m.canonical = target.canonical;
    }
  }
}

export interface EntityGroup {
  type: EntityType;
  canonical: string;
  count: number;
  /** Number of distinct documents. */
  docs: number;
  /** Distinct written forms (clitics left out, one line), most frequent first. */
  variants: string[];
  /** Document ids, in order of first mention. */
  docIds: string[];
}

/**
 * One group per (type, canonical key) over mentions of any number of documents (already resolved
 * per document). Rewrites each mention's canonical to its group's (the most frequent canonical
 * spelling of the group), so rows and groups agree.
 */
export function groupEntities(mentions: MentionLike[]): EntityGroup[] {
  const groups = new Map<string, { type: EntityType; members: MentionLike[] }>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${canonicalKey(m.canonical)}`;
    let g = groups.get(key);
    if (g === undefined) { g = { type: m.type, members: [] }; groups.set(key, g); }
    g.members.push(m);
  }
  const out: EntityGroup[] = [];
  for (const g of groups.values()) {
    const canon = mostFrequent(g.members.map((m) => m.canonical));
    for (const m of g.members) m.canonical = canon;
    const docIds: string[] = [];
    const seenDocs = new Set<string>();
    for (const m of g.members) if (!seenDocs.has(m.doc)) { seenDocs.add(m.doc); docIds.push(m.doc); }
    const counts = new Map<string, number>();
    for (const m of g.members) { const w = writtenName(m); counts.set(w, (counts.get(w) ?? 0) + 1); }
    const variants = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[0]);
    out.push({ type: g.type, canonical: canon, count: g.members.length, docs: docIds.length, variants, docIds });
  }
  out.sort((a, b) => b.count - a.count || b.docs - a.docs || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0) || (a.type < b.type ? -1 : 1));
  return out;
}

function mostFrequent(xs: string[]): string {
  const c = new Map<string, number>();
  let best = xs[0];
  let bc = 0;
  for (const x of xs) {
    const n = (c.get(x) ?? 0) + 1;
    c.set(x, n);
    // longer spelling wins ties (the full form of a name)
    if (n > bc || (n === bc && x.length > best.length)) { bc = n; best = x; }
  }
  return best;
}
