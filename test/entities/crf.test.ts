import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { anercorpLabels, parseConll } from '../../src/analyze/entities/conll.js';
import { WordClusters } from '../../src/analyze/entities/clusters.js';
import { FeatureExtractor, FeatureResources, VECTOR_OFFSETS } from '../../src/analyze/entities/features.js';
import { NerModel } from '../../src/analyze/entities/model.js';
import { TaggerWeights, emissionScores } from '../../src/analyze/entities/perceptron.js';
import { NUM_TAGS } from '../../src/analyze/entities/tags.js';
import { buildExamples, makeHeader, scoreExamples, trainWeights } from '../../src/analyze/entities/train.js';
import { WordVectors, addVectorScores, projectVectors } from '../../src/analyze/entities/vectors.js';

const norm = normalizerFor('standard');
const sentences = parseConll(readFileSync(new URL('../../fixtures/entities/tiny-train.conll', import.meta.url), 'utf8'), 'tiny', anercorpLabels);
const bare: FeatureResources = { clusters: null, gazetteer: null, triggers: null };
const BITS = 16;
const T = NUM_TAGS;

describe('CRF training', () => {
  const crf = (seed: number) => {
    const examples = buildExamples(sentences, norm, new FeatureExtractor(bare, BITS));
    return { examples, weights: trainWeights(examples, { bits: BITS, epochs: 20, seed, learner: 'crf', rate: 0.1, l2: 0.01 }) };
  };

  it('fits its training sentences', () => {
    const { examples, weights } = crf(1);
    const micro = scoreExamples(weights, examples).micro();
    expect(micro.gold).toBe(16);
    expect(micro.f1).toBe(1);
  });

  it('is deterministic for a seed and gives disallowed transitions no weight', () => {
    const a = crf(3).weights;
    const b = crf(3).weights;
    expect(Buffer.from(a.emit.buffer).equals(Buffer.from(b.emit.buffer))).toBe(true);
    // O -> I-PER (tag 2) is never allowed in BIO2
    expect(a.trans[0 * T + 2]).toBe(0);
  });
});

describe('word vectors as real-valued inputs', () => {
  // two words, two dimensions; one weight: offset 0 (the token itself), dimension 0, tag B-PER (1)
  const vectors = new WordVectors(2, Float32Array.from([0.5, 1, -1, 0.25]));
  const dense = new Float32Array(VECTOR_OFFSETS.length * 2 * T);
  const self = VECTOR_OFFSETS.indexOf(0);
  dense[(self * 2 + 0) * T + 1] = 2;

  it('projects each word through its weights (hand-computed)', () => {
    const table = projectVectors(dense, vectors, VECTOR_OFFSETS, T);
    expect(table).toHaveLength(VECTOR_OFFSETS.length * 2 * T);
    expect(table[(self * 2 + 0) * T + 1]).toBe(1); // 0.5 * 2
    expect(table[(self * 2 + 1) * T + 1]).toBe(-2); // -1 * 2
    expect(table.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('adds vector scores only to the token itself for an offset-0 weight', () => {
    const scores = new Float64Array(3 * T);
    addVectorScores(dense, vectors, VECTOR_OFFSETS, Int32Array.from([0, -1, 1]), 3, T, scores);
    expect(scores[0 * T + 1]).toBe(1);
    expect(scores[1 * T + 1]).toBe(0); // no vector
    expect(scores[2 * T + 1]).toBe(-2);
    expect(scores.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('stores the projected table in the model file and prunes small emission weights', () => {
    const w = new TaggerWeights(4, undefined, undefined, dense);
    w.emit[5 * T + 0] = 1;
    w.emit[6 * T + 3] = 0.01;
    const bytes = NerModel.serialize(makeHeader(4, 1, {}), w, { vectors, prune: 0.02 });
    const back = NerModel.deserialize(bytes);
    expect(back.header.vectorWords).toBe(2);
    expect(back.vectorTable[(self * 2 + 1) * T + 1]).toBeCloseTo(-2, 6);
    expect(back.weights.emit[5 * T + 0]).toBeCloseTo(1, 4);
    expect(back.weights.emit[6 * T + 3]).toBe(0);
  });

  it('a model trained with vectors tags the same after saving and loading', () => {
    const clusters = WordClusters.parse('@leaves 2\nالرئيس\t10\t0\nالوزير\t9\t0\nالرباط\t8\t1\nمدريد\t7\t1\n');
    const vec = new WordVectors(2, Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]));
    const res: FeatureResources = { clusters, gazetteer: null, triggers: null, vectors: vec };
    const examples = buildExamples(sentences, norm, new FeatureExtractor(res, BITS));
    expect(Array.from(examples[0].vids!)).toContain(clusters.id('الرباط'));
    const weights = trainWeights(examples, { bits: BITS, epochs: 10, seed: 1, learner: 'crf', rate: 0.1, l2: 0.01, vectors: vec });
    expect(weights.dense.some((v) => v !== 0)).toBe(true);
    const loaded = NerModel.deserialize(NerModel.serialize(makeHeader(BITS, 1, {}), weights, { vectors: vec }));
    const model = new NerModel(loaded.header, loaded.weights, res, loaded.vectorTable);
    expect(scoreExamples(weights, examples, 0, vec).micro().f1).toBe(1);
    // the loaded model (its own feature extraction and per-word table) finds the gold tags
    const ex = examples[0];
    const prepared = prepareText(sentences[0].words.join(' '), norm);
    expect(prepared.tokens).toHaveLength(ex.gold.length);
    const n = ex.gold.length;
    const want = new Float64Array(n * T);
    emissionScores(weights.emit, ex.rows, n, ex.rows.length / n, want);
    const plain = Float64Array.from(want);
    addVectorScores(weights.dense, vec, VECTOR_OFFSETS, ex.vids!, n, T, want);
    expect(want.some((v, i) => Math.abs(v - plain[i]) > 0.01)).toBe(true);
    const got = model.emissions(prepared.tokens, 0, n);
    for (let i = 0; i < n * T; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(0.05);
    const out = new Int8Array(n);
    model.tag(prepared.tokens, 0, prepared.tokens.length, out);
    expect(Array.from(out)).toEqual(Array.from(ex.gold));
  });
});
