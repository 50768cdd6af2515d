/** `stats` as a runner analysis (see src/run/analyzer.ts). */
import type { AnalyzerSpec, NormalizeSettings } from '../../run/analyzer.js';
import type { Row } from '../../report/types.js';
import { normalizerFor } from '../../text/normalize.js';
import { StatsCounter, StatsPartial, mergePartials } from './stats.js';

export interface StatsSpecOptions {
  normalize: NormalizeSettings;
  perDoc: boolean;
  top: number;
}

export const statsSpec: AnalyzerSpec<StatsSpecOptions, StatsPartial> = {
  create(o) {
    const counter = new StatsCounter({ normalizer: normalizerFor(o.normalize.profile, o.normalize.enable, o.normalize.disable), perDoc: o.perDoc, top: o.top });
    return {
      add: (doc) => {
        const row = counter.add(doc.id, doc.text);
        return row ? [row as unknown as Row] : undefined;
      },
      snapshot: () => counter.snapshot(),
    };
  },
  merge: mergePartials,
  splitInvariant: () => true,
};
