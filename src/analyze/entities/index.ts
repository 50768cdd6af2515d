/**
 * Entities (PER, LOC, ORG, MISC): the public API of the analyzer.
 *
 *   const model = loadEntityModel();
 *   const mentions = extractEntities(prepareText(text, normalizerFor('standard')), model, { doc: id });
 *   resolveDocument(mentions, model.resources.gazetteer);   // canonical names within the document
 *   const groups = groupEntities(allMentions);               // one row per entity across documents
 */
import { NerModel } from './model.js';
import { ResourceOptions, defaultModelPath, loadResources } from './resources.js';

export { extractEntities } from './extract.js';
export type { EntityMention, ExtractOptions, MentionSource } from './extract.js';
export { groupEntities, resolveDocument, canonicalKey } from './merge.js';
export type { EntityGroup } from './merge.js';
export { NerModel } from './model.js';
export { ENTITY_TYPES, isEntityType } from './tags.js';
export type { EntityType } from './tags.js';

let cached: NerModel | null = null;

/** The shipped model with the shipped lexicons and clusters (loaded once per process). */
export function loadEntityModel(path?: string, resources?: ResourceOptions): NerModel {
  if (path === undefined && resources === undefined && cached !== null) return cached;
  const m = NerModel.load(path ?? defaultModelPath(), loadResources(resources));
  if (path === undefined && resources === undefined) cached = m;
  return m;
}
