/**
 * `entities` as a runner analysis (see src/run/analyzer.ts): one row per mention, canonical names
 * resolved within each document. Merging across documents (--group) happens on the rows, in input
 * order, after the run. The model is loaded once per thread.
 */
import type { AnalyzerSpec } from '../../run/analyzer.js';
import type { Row } from '../../report/types.js';
import { normalizerFor } from '../../text/normalize.js';
import { prepareText } from '../../text/prepare.js';
import { extractEntities } from './extract.js';
import { loadEntityModel } from './index.js';
import { resolveDocument } from './merge.js';
import type { EntityType } from './tags.js';

export interface EntitiesSpecOptions {
  /** Types to report (all four when empty). */
  types: EntityType[];
  /** Add lexicon names the tagger missed. */
  gazetteer: boolean;
  /** Add long organization names found by rule. */
  rules: boolean;
  /** Drop mentions scored below this. */
  minScore: number;
}

export interface EntitiesPartial {
  mentions: number;
  byType: Record<string, number>;
}

export const ENTITY_ROW_KEYS = ['doc', 'type', 'text', 'start', 'end', 'normalized', 'canonical', 'source', 'score'] as const;

export const entitiesSpec: AnalyzerSpec<EntitiesSpecOptions, EntitiesPartial> = {
  create(o) {
    // the tagger was trained on the standard profile: entities ignore --normalize
    const normalizer = normalizerFor('standard');
    const model = loadEntityModel();
    const keep = new Set<string>(o.types);
    const partial: EntitiesPartial = { mentions: 0, byType: {} };
    return {
      add(doc) {
        const ms = extractEntities(prepareText(doc.text, normalizer), model, { doc: doc.id, gazetteerBackoff: o.gazetteer, orgRule: o.rules });
        resolveDocument(ms, model.resources.gazetteer);
        const rows: Row[] = [];
        for (const m of ms) {
          if ((keep.size > 0 && !keep.has(m.type)) || m.score < o.minScore) continue;
          rows.push({ doc: m.doc, type: m.type, text: m.text, start: m.start, end: m.end, normalized: m.normalized, canonical: m.canonical, source: m.source, score: m.score });
          partial.byType[m.type] = (partial.byType[m.type] ?? 0) + 1;
        }
        partial.mentions += rows.length;
        return rows;
      },
      snapshot: () => partial,
    };
  },
  merge(parts) {
    const out: EntitiesPartial = { mentions: 0, byType: {} };
    for (const p of parts) {
      out.mentions += p.mentions;
      for (const [k, n] of Object.entries(p.byType)) out.byType[k] = (out.byType[k] ?? 0) + n;
    }
    return out;
  },
  splitInvariant: () => true,
};
