/**
 * The contract between the runner and an analysis: an `Analyzer` sees documents one at a time
 * and returns a plain-data partial result; `merge` combines the partials of several workers
 * in input order. Options and partials must survive structured cloning (worker messages), so
 * they hold only plain objects, arrays, typed arrays, Maps and primitives.
 */
import type { Doc } from '../io/types.js';
import type { Profile, Step } from '../text/normalize.js';

export interface Analyzer<P> {
  add(doc: Doc): void;
  snapshot(): P;
}

export interface AnalyzerSpec<O, P> {
  create(options: O): Analyzer<P>;
  merge(parts: P[]): P;
}

/** Normalization settings as they travel to workers (a Normalizer is rebuilt from them). */
export interface NormalizeSettings {
  profile: Profile;
  enable: Step[];
  disable: Step[];
}
