/** The keyword analyses as runner analyses (see src/run/analyzer.ts). */
import { warmUpJsonText } from '../../io/jsonText.js';
import type { Row } from '../../report/types.js';
import type { AnalyzerSpec } from '../../run/analyzer.js';
import { KeywordCounter, KeywordPartial, KeywordSettings, mergeKeywordPartials } from './counter.js';
import { KwicSearcher, KwicSettings } from './kwic.js';

/** `keywords`, `keyness` and `collocates` count with this one. */
export const keywordsSpec: AnalyzerSpec<KeywordSettings, KeywordPartial> = {
  create(settings) {
    const counter = new KeywordCounter(settings);
    return {
      add: (doc) => {
        const terms = counter.add(doc);
        return terms ? [terms as unknown as Row] : undefined;
      },
      // without per-document terms a document is only its text (read from the JSONL bytes)
      addText: settings.perDoc ? undefined : (units, length) => counter.addUnits(units, length),
      snapshot: () => counter.snapshot(),
    };
  },
  merge: mergeKeywordPartials,
  // only the n-gram tables are pruned as they fill
  splitInvariant: (settings) => settings.ngrams <= 1,
  warmUp: () => warmUpJsonText(),
};

export interface KwicPartial {
  matches: number;
}

/** `kwic`: rows per document (in input order), the number of matches as the snapshot. */
export const kwicSpec: AnalyzerSpec<KwicSettings, KwicPartial> = {
  create(settings) {
    const searcher = new KwicSearcher(settings);
    return { add: (doc) => searcher.add(doc), snapshot: () => ({ matches: searcher.matches }) };
  },
  merge: (parts) => ({ matches: parts.reduce((a, p) => a + p.matches, 0) }),
  splitInvariant: () => true,
};
