/**
 * The knowledge the tagger reads besides its weights: gazetteers and trigger lists
 * (data/lexicons/entities) and word clusters (data/models/ner-clusters.tsv.gz).
 */
import { existsSync } from 'node:fs';
import { normalizerFor } from '../../text/normalize.js';
import { WordClusters } from './clusters.js';
import type { FeatureResources } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { LexiconEntry, defaultLexiconDir, loadLexiconDir } from './lexicon.js';
import { packagePath } from '../../paths.js';

const NAME_LABELS = new Set(['PER', 'LOC', 'ORG', 'MISC']);

export function defaultModelDir(): string {
  return packagePath('data/models/');
}

export function defaultClustersPath(): string {
  return defaultModelDir() + 'ner-clusters.tsv.gz';
}

/** Splits lexicon entries into the name gazetteer and the trigger gazetteer. */
export function buildGazetteers(entries: LexiconEntry[]): { gazetteer: Gazetteer; triggers: Gazetteer } {
  const norm = normalizerFor('standard');
  return {
    gazetteer: new Gazetteer(entries.filter((e) => NAME_LABELS.has(e.label)), norm),
    triggers: new Gazetteer(entries.filter((e) => !NAME_LABELS.has(e.label)), norm, { articleInsensitive: true }),
  };
}

export function defaultModelPath(): string {
  return defaultModelDir() + 'ner.bin.gz';
}

export interface ResourceOptions {
  lexiconDir?: string;
  /** Path of the clusters file; null = no clusters. */
  clustersPath?: string | null;
}

export function loadResources(opt: ResourceOptions = {}): FeatureResources {
  const entries = loadLexiconDir(opt.lexiconDir ?? defaultLexiconDir());
  const { gazetteer, triggers } = buildGazetteers(entries);
  const cp = opt.clustersPath === undefined ? defaultClustersPath() : opt.clustersPath;
  const clusters = cp !== null && existsSync(cp) ? WordClusters.load(cp) : null;
  return { clusters, gazetteer, triggers };
}
