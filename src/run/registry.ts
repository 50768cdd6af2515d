/**
 * Every analysis a worker thread can run, by name. A worker receives the name and the options
 * and builds the analyzer itself, because functions and class instances cannot be sent to it.
 * Loaded lazily: a `stats` worker never pays for loading the dates lexicons or the NER model.
 */
import type { AnalyzerSpec } from './analyzer.js';

const LOADERS: Record<string, () => Promise<AnalyzerSpec<any, any>>> = {
  stats: async () => (await import('../analyze/stats/spec.js')).statsSpec,
  dates: async () => (await import('../analyze/dates/spec.js')).datesSpec,
  keywords: async () => (await import('../analyze/keywords/spec.js')).keywordsSpec,
  kwic: async () => (await import('../analyze/keywords/spec.js')).kwicSpec,
  entities: async () => (await import('../analyze/entities/spec.js')).entitiesSpec,
};

export async function loadAnalyzer(name: string): Promise<AnalyzerSpec<any, any>> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown analysis '${name}'`);
  return load();
}
