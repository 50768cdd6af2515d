/**
 * The contract between the runner and an analysis.
 *
 * An analysis sees documents one at a time. For each it may return output rows (entity
 * mentions, dates, per-document figures): the runner delivers them in input order, streamed.
 * Whatever it accumulates over the whole corpus (counts, type tables) it returns from
 * `snapshot()` as plain data; `merge` combines the snapshots of several workers. Snapshots must
 * not depend on document order (workers see interleaved groups of documents); anything
 * order-dependent belongs in rows.
 *
 * Options, rows and snapshots cross thread boundaries by structured cloning: plain objects,
 * arrays, typed arrays, Maps and primitives only.
 */
import type { Doc } from '../io/types.js';
import type { Row } from '../report/types.js';
import type { Profile, Step } from '../text/normalize.js';

export interface Analyzer<P> {
  add(doc: Doc): Row[] | void;
  /**
   * Optional: a document known only by its text, as UTF-16 units[0, length) (valid during the
   * call), for an analysis that needs neither its id nor its other fields and returns no rows.
   * Workers then read JSONL lines straight from their bytes (io/jsonText.ts); the result must be
   * what `add` would give.
   */
  addText?(units: Uint16Array, length: number): void;
  snapshot(): P;
}

export interface AnalyzerSpec<O, P> {
  create(options: O): Analyzer<P>;
  merge(parts: P[]): P;
  /**
   * True when the merged snapshot is the same however the documents were split between threads
   * (exact counts). Then the runner hands groups to whichever thread is free; otherwise (tables
   * pruned per thread) it keeps a fixed split so that results do not vary from run to run.
   */
  splitInvariant?(options: O): boolean;
  /**
   * Runs the analysis' hot code over a sample once, before a big input (see text/warmup.ts):
   * the runner calls it in every thread that will read more than a few MB, never for small inputs,
   * where it would cost more than it saves.
   */
  warmUp?(): void;
}

/** Normalization settings as they travel to workers (a Normalizer is rebuilt from them). */
export interface NormalizeSettings {
  profile: Profile;
  enable: Step[];
  disable: Step[];
}
