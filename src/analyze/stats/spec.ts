/** `stats` as a runner analysis (see src/run/analyzer.ts). */
import type { AnalyzerSpec, NormalizeSettings } from '../../run/analyzer.js';
import type { Row } from '../../report/types.js';
import { normalizerFor } from '../../text/normalize.js';
import { warmUpJsonText } from '../../io/jsonText.js';
import { StatsCounter, StatsPartial, mergePartials } from './stats.js';

export interface StatsSpecOptions {
  normalize: NormalizeSettings;
  perDoc: boolean;
  top: number;
  /** Per-document rows carry `scope: "doc"` (the line formats, where a corpus row follows). */
  scope?: boolean;
}

export const statsSpec: AnalyzerSpec<StatsSpecOptions, StatsPartial> = {
  create(o) {
    const counter = new StatsCounter({ normalizer: normalizerFor(o.normalize.profile, o.normalize.enable, o.normalize.disable), perDoc: o.perDoc, top: o.top });
    return {
      add: (doc) => {
        const row = counter.add(doc.id, doc.text);
        if (!row) return undefined;
        return [(o.scope ? { scope: 'doc', ...row } : row) as unknown as Row];
      },
      // without per-document rows a document is only its text
      addText: o.perDoc ? undefined : (units, length) => counter.addUnits(units, length),
      snapshot: () => counter.snapshot(),
    };
  },
  merge: mergePartials,
  splitInvariant: () => true,
  // the text core is warmed by the runner; stats adds the JSONL reader it alone uses
  warmUp: () => warmUpJsonText(),
};
