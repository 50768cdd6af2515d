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

/** Words that are never part of a name (not-names.txt), read after the tagger, not by it. */
const NOT_NAME = 'NOTNAME';
/** Nationality adjectives (trig-demonyms.txt), also read after the tagger only: the model was trained without them. */
const DEMONYM = 'DEMONYM';
/** Words of a match report (trig-sports.txt), read by the extractor only. */
const SPORT = 'SPORT';

/**
 * Splits lexicon entries into the name gazetteer, the trigger gazetteer, the words that are
 * never part of a name (normalized form -> weak: true when the form is a name only alone) and the
 * nationality adjectives (normalized forms).
 */
export function buildGazetteers(entries: LexiconEntry[]): { gazetteer: Gazetteer; triggers: Gazetteer; notNames: Map<string, boolean>; demonyms: Map<string, boolean>; sportCues: Gazetteer } {
  const norm = normalizerFor('standard');
  const notNames = new Map<string, boolean>();
  // normalized form -> weak: also a common adjective (المالية "financial"), not cut at the end of a name
  const demonyms = new Map<string, boolean>();
  for (const e of entries) if (e.label === DEMONYM) e.forms.forEach((f, i) => demonyms.set(norm.normalizeString(f), e.weak[i]));
  // with و glued too (واللي), so that the extractor looks each token up once, without slicing
  for (const e of entries) {
    if (e.label !== NOT_NAME) continue;
    e.forms.forEach((f, i) => {
      const form = norm.normalizeString(f);
      notNames.set(form, e.weak[i]);
      notNames.set('و' + form, e.weak[i]);
    });
  }
  return {
    gazetteer: new Gazetteer(entries.filter((e) => NAME_LABELS.has(e.label)), norm),
    triggers: new Gazetteer(entries.filter((e) => !NAME_LABELS.has(e.label) && e.label !== NOT_NAME && e.label !== DEMONYM && e.label !== SPORT), norm, { articleInsensitive: true }),
    sportCues: new Gazetteer(entries.filter((e) => e.label === SPORT), norm, { articleInsensitive: true }),
    notNames,
    demonyms,
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
  const { gazetteer, triggers, notNames, demonyms, sportCues } = buildGazetteers(entries);
  const cp = opt.clustersPath === undefined ? defaultClustersPath() : opt.clustersPath;
  const clusters = cp !== null && existsSync(cp) ? WordClusters.load(cp) : null;
  return { clusters, gazetteer, triggers, notNames, demonyms, sportCues };
}
