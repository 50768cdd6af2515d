import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { anercorpLabels, parseConll } from '../../src/analyze/entities/conll.js';
import { FeatureExtractor, FeatureResources } from '../../src/analyze/entities/features.js';
import { confidentExamples, sentenceExamples } from '../../src/analyze/entities/selftrain.js';
import { buildExamples, trainWeights } from '../../src/analyze/entities/train.js';

const norm = normalizerFor('standard');
const sentences = parseConll(readFileSync(new URL('../../fixtures/entities/tiny-train.conll', import.meta.url), 'utf8'), 'tiny', anercorpLabels);
const bare: FeatureResources = { clusters: null, gazetteer: null, triggers: null };
const BITS = 16;
const fx = new FeatureExtractor(bare, BITS);
const weights = trainWeights(buildExamples(sentences, norm, fx), { bits: BITS, epochs: 15, seed: 1, learner: 'crf', rate: 0.05, l2: 0.1 });
// unlabeled text: the training sentences themselves (the tagger fits them), one per line
const text = sentences.map((s) => s.words.join(' ')).join('\n');

describe('self-training pieces', () => {
  it('turns the sentences of a text into examples, within the length bounds', () => {
    const p = prepareText(text, norm);
    const all = sentenceExamples(p, fx, 1, 1000);
    expect(all.length).toBe(p.sentences.length);
    expect(all.every((e) => e.gold.every((t) => t === 0) && e.rows.length > 0)).toBe(true);
    const long = sentenceExamples(p, fx, 8, 1000);
    expect(long.every((e) => e.gold.length >= 8)).toBe(true);
    expect(long.length).toBeLessThan(all.length);
  });

  it('keeps the sentences tagged with confidence, their tags as gold, up to the token cap', () => {
    const unl = sentenceExamples(prepareText(text, norm), fx, 1, 1000);
    const c = confidentExamples(weights, unl, null, 0.5, 1e9);
    expect(c.examples.length).toBeGreaterThan(0);
    expect(c.withEntity).toBeGreaterThanOrEqual(c.examples.length);
    expect(c.examples.every((e) => e.gold.some((t) => t !== 0))).toBe(true);
    expect(c.tokens).toBe(c.examples.reduce((a, e) => a + e.gold.length, 0));
    expect(unl.every((e) => e.gold.every((t) => t === 0))).toBe(true);
    expect(confidentExamples(weights, unl, null, 1.01, 1e9).examples).toHaveLength(0);
    const capped = confidentExamples(weights, unl, null, 0.5, c.examples[0].gold.length);
    expect(capped.examples).toHaveLength(1);
  });
});
