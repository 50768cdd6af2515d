/**
 * Which lexicon names the extractor may add where the tagger found nothing. The lexicons list
 * names that the training corpus, by its conventions, leaves untagged (الجيش الإسرائيلي, وزارة
 * الخارجية, مجلس النواب: a body named by its function; كأس العالم; the agency marks د ب أ, أ ف ب),
 * and adding them where the tagger, trained on that corpus, said O costs precision: in end-to-end
 * cross-validation over the ANERcorp train split (scripts/ner/cv-e2e.mjs) the added names were
 * right one time in five. The audit counts, over the training sentences, how often each written
 * form of a lexicon name occurs and how often the gold tags it as exactly that span and type; a
 * form seen often enough and tagged too rarely is not added (the tagger may still tag it, and the
 * lexicon still feeds its features). The list is part of the model file: it is learned from the
 * same sentences as the weights.
 */
import type { Token } from '../../text/tokenize.js';
import type { FrequencyOf } from './clitics.js';
import type { Gazetteer, GazetteerHit } from './gazetteer.js';
import { ENTITY_TYPES, isEntityType, spansOf } from './tags.js';

/** A training sentence as the text core tokenizes it, with its gold tags on those tokens. */
export interface GoldSentence {
  tokens: Token[];
  tags: Int8Array;
}

export interface FormCount {
  /** Occurrences of the form as a non-weak lexicon match. */
  seen: number;
  /** Of those, the ones the gold tags as exactly that span with the lexicon's type. */
  tagged: number;
}

/** A hit's written form, normalized, without the proclitics of its first token: the audit's key. */
export function formKey(toks: readonly Token[], hit: GazetteerHit): string {
  let key = hit.base;
  for (let i = hit.start + 1; i < hit.end; i++) key += ' ' + toks[i].norm;
  return key;
}

export function auditLexicon(sentences: Iterable<GoldSentence>, gaz: Gazetteer, freq: FrequencyOf | null): Map<string, FormCount> {
  const counts = new Map<string, FormCount>();
  for (const s of sentences) {
    const spans = spansOf(s.tags);
    const gold = new Set(spans.map((g) => `${g.type}:${g.start}:${g.end}`));
    for (const hit of gaz.matchAll(s.tokens, 0, s.tokens.length, freq)) {
      const label = hit.entries[0].label;
      if (hit.weak || !isEntityType(label)) continue;
      // a piece of a longer gold name (ثاباتيرو in خوسيه لويس رودريغيث ثاباتيرو) says nothing of
      // the form alone: there the tagger finds the longer name and nothing is added
      if (spans.some((g) => g.start <= hit.start && hit.end <= g.end && g.end - g.start > hit.end - hit.start)) continue;
      const key = formKey(s.tokens, hit);
      const c = counts.get(key) ?? { seen: 0, tagged: 0 };
      c.seen++;
      if (gold.has(`${ENTITY_TYPES.indexOf(label)}:${hit.start}:${hit.end}`)) c.tagged++;
      counts.set(key, c);
    }
  }
  return counts;
}

/**
 * Forms seen at least `minSeen` times and tagged in under `maxShare` of them. An added name
 * raises F1 only when it is right more often than about F1 / 2 (0.38 here), hence the default.
 */
export function rarelyTagged(counts: ReadonlyMap<string, FormCount>, minSeen = 3, maxShare = 0.4): string[] {
  const out: string[] = [];
  for (const [key, c] of counts) if (c.seen >= minSeen && c.tagged < maxShare * c.seen) out.push(key);
  return out.sort();
}
