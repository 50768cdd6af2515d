/**
 * Readers for the CoNLL-style NER corpora the tagger trains and is scored on. Each reader turns
 * its corpus' own tag set into the four types used here (PER, LOC, ORG, MISC) and returns
 * sentences of whitespace tokens with valid BIO2 tags (I-X without a preceding X becomes B-X).
 */
import { ENTITY_TYPES, EntityType, NUM_TAGS, TAG_O, repairBio, tagB, tagI } from './tags.js';

export interface LabeledSentence {
  words: string[];
  tags: Int8Array;
  /** Corpus name, for domain features and reports. */
  corpus: string;
}

/** Maps a corpus label (without B-/I-) to one of the four types, or null for "not an entity here". */
export type LabelMap = (label: string) => EntityType | null;

const typeIndex = (t: EntityType): number => ENTITY_TYPES.indexOf(t);

/** Parses "B-XXX"/"I-XXX"/"O" through a label map into a tag number. */
function tagNumber(raw: string, map: LabelMap): number {
  const m = /^([BI])-+(.+)$/.exec(raw);
  if (m === null) return TAG_O;
  const type = map(m[2]);
  if (type === null) return TAG_O;
  return m[1] === 'B' ? tagB(typeIndex(type)) : tagI(typeIndex(type));
}

function finish(words: string[], tags: number[], corpus: string, out: LabeledSentence[]): void {
  if (words.length === 0) return;
  const t = Int8Array.from(tags);
  repairBio(t);
  out.push({ words: words.slice(), tags: t, corpus });
  words.length = 0;
  tags.length = 0;
}

/**
 * Generic reader: one token per line, `token TAG` separated by a space or tab, blank line
 * between sentences. Invisible direction marks (NewsFANE prefixes most tokens with U+200E)
 * and a BOM are dropped; a line whose token is empty ends the sentence.
 */
export function parseConll(text: string, corpus: string, map: LabelMap): LabeledSentence[] {
  const out: LabeledSentence[] = [];
  const words: string[] = [];
  const tags: number[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/[\r\u200e\u200f\ufeff]/g, '');
    const sep = line.search(/[ \t]/);
    const word = sep < 0 ? line.trim() : line.slice(0, sep).trim();
    if (word === '') { finish(words, tags, corpus, out); continue; }
    const rest = sep < 0 ? '' : line.slice(sep + 1).trim();
    const first = rest.split(/[ \t]+/)[0] ?? 'O';
    words.push(word);
    tags.push(tagNumber(first, map));
  }
  finish(words, tags, corpus, out);
  return out;
}

/** ANERcorp (CAMeL Lab split): PERS, LOC, ORG, MISC. */
export const anercorpLabels: LabelMap = (l) =>
  l === 'PERS' || l === 'PER' ? 'PER' : l === 'LOC' ? 'LOC' : l === 'ORG' ? 'ORG' : l === 'MISC' ? 'MISC' : null;

/**
 * AQMAR: PER, LOC, ORG and per-article MIS0-MIS3 classes (with typos such as MISS1, MIS-2),
 * which usual practice maps to MISC. Language tags (B-ENGLISH) are not names.
 */
export const aqmarLabels: LabelMap = (l) => {
  if (l === 'PER' || l === 'LOC' || l === 'ORG') return l;
  if (/^MISS?-?\d?`?$/.test(l)) return 'MISC';
  return null;
};

/**
 * NewsFANE fine classes to the four types. GPE and geographic classes are places (ANERcorp tags
 * countries and cities LOC); facilities are places too; products, works and events are MISC.
 */
const NEWSFANE: Record<string, EntityType> = {};
for (const c of ['Politician', 'Athlete', 'Artist', 'Scientist', 'Businessperson', 'Lawyer', 'Engineer', 'Police', 'Religious_PER', 'Other_PER', 'Group'])
  NEWSFANE[c] = 'PER';
for (const c of ['Government', 'Non-Governmental', 'Commercial', 'Educational', 'Media', 'Sports', 'Religious_ORG', 'Medical-Science', 'Entertainment'])
  NEWSFANE[c] = 'ORG';
for (const c of ['Nation', 'Population-Center', 'State-or-Province', 'County-or-District', 'GPE-Cluster', 'Continent', 'Water-Body',
  'Land-Region-Natural', 'Celestial', 'Building-Grounds', 'Airport', 'Path', 'Subarea-Facility', 'Plant', 'Address', 'Boundary'])
  NEWSFANE[c] = 'LOC';
for (const c of ['Land', 'Air', 'Water', 'Projectile', 'Shooting', 'Book', 'Movie', 'Software', 'Hardware', 'Food', 'Drug', 'Sound', 'Blunt', 'Exploding', 'Nuclear', 'Chemical', 'Biological', 'Sharp', 'Subarea-Vehicle', 'Spacecraft'])
  NEWSFANE[c] = 'MISC';
export const newsfaneLabels: LabelMap = (l) => NEWSFANE[l] ?? null;

/**
 * Wojood (nested, 21 types). Only the outermost name-like spans are kept: PERS -> PER, GPE, LOC
 * and FAC -> LOC, ORG -> ORG, EVENT -> MISC; dates, numbers, NORP and OCC are not names here.
 */
const WOJOOD: Record<string, EntityType> = { PERS: 'PER', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', ORG: 'ORG', EVENT: 'MISC' };

export function parseWojood(text: string, corpus = 'wojood'): LabeledSentence[] {
  const out: LabeledSentence[] = [];
  let words: string[] = [];
  let layers: string[][] = [];
  const flush = () => {
    if (words.length > 0) out.push(outermost(words, layers, corpus));
    words = [];
    layers = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/[\r\ufeff]/g, '').trim();
    if (line === '') { flush(); continue; }
    const parts = line.split(/[ \t]+/);
    if (parts[0] === '$#$') continue; // paragraph placeholder of the source, not a word
    words.push(parts[0]);
    layers.push(parts.slice(1));
  }
  flush();
  return out;
}

function outermost(words: string[], layers: string[][], corpus: string): LabeledSentence {
  // Collect spans per mapped type: B-T opens, I-T continues the open T span.
  const spans: { type: EntityType; start: number; end: number }[] = [];
  const open = new Map<string, { type: EntityType; start: number; end: number }>();
  for (let i = 0; i < words.length; i++) {
    const seen = new Set<string>();
    for (const raw of layers[i]) {
      const m = /^([BI])-(.+)$/.exec(raw);
      if (m === null) continue;
      const label = m[2];
      const type = WOJOOD[label];
      if (type === undefined) continue;
      seen.add(label);
      const cur = open.get(label);
      if (m[1] === 'I' && cur !== undefined && cur.end === i) { cur.end = i + 1; continue; }
      const s = { type, start: i, end: i + 1 };
      spans.push(s);
      open.set(label, s);
    }
    for (const label of [...open.keys()]) if (!seen.has(label)) open.delete(label);
  }
  spans.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const tags = new Int8Array(words.length);
  for (const s of spans) {
    let free = true;
    for (let i = s.start; i < s.end; i++) if (tags[i] !== TAG_O) free = false;
    if (!free) continue;
    const k = typeIndex(s.type);
    tags[s.start] = tagB(k);
    for (let i = s.start + 1; i < s.end; i++) tags[i] = tagI(k);
  }
  return { words, tags, corpus };
}

/** Tag counts per tag number, for reports. */
export function tagCounts(sentences: LabeledSentence[]): number[] {
  const c = new Array<number>(NUM_TAGS).fill(0);
  for (const s of sentences) for (const t of s.tags) c[t]++;
  return c;
}
