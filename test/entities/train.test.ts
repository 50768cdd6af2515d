import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { anercorpLabels, parseConll } from '../../src/analyze/entities/conll.js';
import { extractEntities } from '../../src/analyze/entities/extract.js';
import { FeatureExtractor, FeatureResources } from '../../src/analyze/entities/features.js';
import { NerModel } from '../../src/analyze/entities/model.js';
import { buildExamples, makeHeader, scoreExamples, trainWeights } from '../../src/analyze/entities/train.js';

const norm = normalizerFor('standard');
const sentences = parseConll(readFileSync(new URL('../../fixtures/entities/tiny-train.conll', import.meta.url), 'utf8'), 'tiny', anercorpLabels);
// no lexicons, no clusters: the tagger must learn from the eight sentences alone
const bare: FeatureResources = { clusters: null, gazetteer: null, triggers: null };
const BITS = 16;

function train(seed: number) {
  const fx = new FeatureExtractor(bare, BITS);
  const examples = buildExamples(sentences, norm, fx);
  return { examples, weights: trainWeights(examples, { bits: BITS, epochs: 15, seed }) };
}

describe('training on a tiny corpus', () => {
  it('reads the fixture: 8 sentences, 16 entities', () => {
    expect(sentences).toHaveLength(8);
    const entities = sentences.reduce((a, s) => a + Array.from(s.tags).filter((t) => t % 2 === 1).length, 0);
    expect(entities).toBe(16);
  });

  it('fits its training sentences', () => {
    const { examples, weights } = train(1);
    const micro = scoreExamples(weights, examples).micro();
    expect(micro.gold).toBe(16);
    expect(micro.f1).toBe(1);
  });

  it('is deterministic for a seed, and the saved model tags like the trained weights', () => {
    const a = train(7);
    const b = train(7);
    expect(Buffer.from(a.weights.emit.buffer).equals(Buffer.from(b.weights.emit.buffer))).toBe(true);
    const bytes = NerModel.serialize(makeHeader(BITS, 1, { test: true }), a.weights);
    const loaded = NerModel.deserialize(bytes);
    expect(loaded.header.training).toEqual({ test: true });
    const model = new NerModel(loaded.header, loaded.weights, bare);
    const text = 'وصل الرئيس إيمانويل ماكرون إلى الرباط .';
    const ms = extractEntities(prepareText(text, norm), model, { scores: false });
    expect(ms.map((m) => [m.type, m.text, m.source])).toEqual([['PER', 'إيمانويل ماكرون', 'model'], ['LOC', 'الرباط', 'model']]);
  });

  it('rejects a file that is not a model', () => {
    expect(() => NerModel.deserialize(Buffer.from([0x1f, 0x8b, 0, 0]), 'x.bin.gz')).toThrow();
  });
});
