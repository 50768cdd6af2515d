import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { anercorpLabels, parseConll } from '../../src/analyze/entities/conll.js';
import { DOC_SLOTS, aggregateSentence, docKeys, docRows } from '../../src/analyze/entities/docstage.js';
import { extractEntities } from '../../src/analyze/entities/extract.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, FeatureResources } from '../../src/analyze/entities/features.js';
import { feat1, feat2, hashRange } from '../../src/analyze/entities/hash.js';
import { NerModel } from '../../src/analyze/entities/model.js';
import { TaggerWeights } from '../../src/analyze/entities/perceptron.js';
import { NUM_TAGS } from '../../src/analyze/entities/tags.js';
import { buildExamples, docExamples, makeHeader, outOfFold, trainWeights } from '../../src/analyze/entities/train.js';

const norm = normalizerFor('standard');
const bare: FeatureResources = { clusters: null, gazetteer: null, triggers: null };
const T = NUM_TAGS;
const BITS = 16;
const MASK = (1 << BITS) - 1;
const B_PER = 1, I_PER = 2;
// the name in full in the first sentence, the family name alone in the second
const TEXT = 'التقى برند جوتشولك بالوزير .\nوقال جوتشولك إن العام صعب .';

describe('document keys', () => {
  it('meet across proclitics and skip punctuation', () => {
    const p = prepareText('زار الرباط ووصف والرباط بالجميلة .', norm);
    const keys = new Int32Array(p.tokens.length);
    docKeys(p.tokens, 0, p.tokens.length, null, keys);
    const at = (w: string) => keys[p.tokens.findIndex((t) => t.norm === w)];
    expect(at('الرباط')).not.toBe(0);
    expect(at('والرباط')).toBe(at('الرباط'));
    expect(at('ووصف')).not.toBe(at('الرباط'));
    expect(at('.')).toBe(0);
  });
});

describe('document rows', () => {
  const p = prepareText(TEXT, norm);
  const n = p.tokens.length;
  const keys = new Int32Array(n);
  docKeys(p.tokens, 0, n, null, keys);
  const bounds = p.sentences.map((s) => [s.firstToken, s.endToken]);
  // first-pass output: everything O, except برند جوتشولك (B-PER I-PER, sure)
  const tags = new Int8Array(n);
  const marg = new Float64Array(n * T);
  for (let i = 0; i < n; i++) marg[i * T] = 1;
  const name = p.tokens.findIndex((t) => t.norm === 'برند');
  tags[name] = B_PER; tags[name + 1] = I_PER;
  marg[name * T] = 0; marg[name * T + B_PER] = 1;
  marg[(name + 1) * T] = 0; marg[(name + 1) * T + I_PER] = 1;
  const aggs = bounds.map(([a, b]) => aggregateSentence(keys, marg, a, b));
  const rowsOf = (si: number, window: number) => {
    const [a, b] = bounds[si];
    const out = new Int32Array((b - a) * DOC_SLOTS);
    docRows(si, bounds, aggs, keys, tags, marg, window, MASK, out, DOC_SLOTS, 0);
    return (i: number) => Array.from(out.subarray((i - a) * DOC_SLOTS, (i - a + 1) * DOC_SLOTS));
  };

  it('the bare family name reads that the first pass tagged it PER in the other sentence', () => {
    expect(p.sentences).toHaveLength(2);
    const bare2 = p.tokens.findIndex((t, i) => i > name + 1 && t.norm === 'جوتشولك');
    const r = rowsOf(1, 8)(bare2);
    expect(r[0]).toBe(feat1(200, 1) & MASK); // seen once elsewhere
    expect(r[2]).toBe(feat2(202, 1, 6) & MASK); // its most likely entity type elsewhere: PER, all of the mass
    // a window of 0 sentences sees only its own sentence, where the name does not recur
    expect(rowsOf(1, 0)(bare2)).toEqual([feat1(200, 0) & MASK, -1, -1, -1, -1, -1]);
  });

  it('a word seen nowhere else has only the "not seen" row', () => {
    const said = p.tokens.findIndex((t) => t.norm === 'وقال');
    expect(rowsOf(1, 8)(said)).toEqual([feat1(200, 0) & MASK, -1, -1, -1, -1, -1]);
  });
});

describe('the document-level second pass', () => {
  // a first pass that knows one thing: برند is a first name (B-PER) and the word after it I-PER
  const first = new TaggerWeights(BITS);
  const h = hashRange('برند');
  first.emit[(feat1(1, h) & MASK) * T + B_PER] = 10;
  first.emit[(feat1(4, h) & MASK) * T + I_PER] = 10;
  first.emit[(feat1(0, 0) & MASK) * T + 0] = 2; // O otherwise
  // the second pass adds: a word the first pass tagged PER elsewhere in the document starts a name
  const second = new TaggerWeights(BITS, Float32Array.from(first.emit), Float32Array.from(first.trans));
  second.emit[(feat2(202, 1, 6) & MASK) * T + B_PER] = 5;
  const header = makeHeader(BITS, 1, { test: true });

  it('finds the bare family name by itself, where the one-pass model left it to the repeat rule', () => {
    const one = NerModel.deserialize(NerModel.serialize(header, first));
    const two = NerModel.deserialize(NerModel.serialize(header, first, { doc: { weights: second, window: 8, temperature: 1 } }));
    expect(one.doc).toBeUndefined();
    expect(two.header.doc).toMatchObject({ window: 8, temperature: 1 });
    const m1 = new NerModel(one.header, one.weights, bare, one.vectorTable);
    const m2 = new NerModel(two.header, two.weights, bare, two.vectorTable, two.doc);
    expect(m1.documentLevel).toBe(false);
    expect(m2.documentLevel).toBe(true);
    const rows = (m: NerModel) => extractEntities(prepareText(TEXT, norm), m).map((x) => [x.type, x.text, x.source]);
    expect(rows(m1)).toEqual([['PER', 'برند جوتشولك', 'model'], ['PER', 'جوتشولك', 'rule']]);
    expect(rows(m2)).toEqual([['PER', 'برند جوتشولك', 'model'], ['PER', 'جوتشولك', 'model']]);
    // each sentence alone, the second pass has nothing to read and agrees with the first
    const alone = extractEntities(prepareText('وقال جوتشولك إن العام صعب .', norm), m2);
    expect(alone).toEqual([]);
  });

  it('a one-pass model file keeps version 3, a two-pass file is version 4', () => {
    const v = (b: Buffer) => gunzipSync(b).readUInt32LE(4);
    expect(v(NerModel.serialize(header, first))).toBe(3);
    expect(v(NerModel.serialize(header, first, { doc: { weights: second, window: 8, temperature: 1 } }))).toBe(4);
  });

  it('trains on jackknifed first-pass tags, deterministically, and the saved model finds a training name', () => {
    const sentences = parseConll(readFileSync(new URL('../../fixtures/entities/tiny-train.conll', import.meta.url), 'utf8'), 'tiny', anercorpLabels);
    const ex = buildExamples(sentences, norm, new FeatureExtractor(bare, BITS));
    const cfg = { bits: BITS, epochs: 10, seed: 1, learner: 'crf' as const, rate: 0.1, l2: 0.01 };
    const train2 = () => {
      const p1 = outOfFold(ex, 2, cfg);
      expect(p1.map((o) => o.tags.length)).toEqual(ex.map((e) => e.gold.length));
      const ex2 = docExamples(ex, p1, 8, BITS);
      expect(ex2[0].rows.length).toBe(ex[0].gold.length * (FEATURES_PER_TOKEN + DOC_SLOTS));
      return trainWeights(ex2, { ...cfg, featuresPerToken: FEATURES_PER_TOKEN + DOC_SLOTS });
    };
    const a = train2();
    const b = train2();
    expect(Buffer.from(a.emit.buffer).equals(Buffer.from(b.emit.buffer))).toBe(true);
    const w1 = trainWeights(ex, cfg);
    const file = NerModel.deserialize(NerModel.serialize(header, w1, { doc: { weights: a, window: 8, temperature: 1 } }));
    const model = new NerModel(file.header, file.weights, bare, file.vectorTable, file.doc);
    const text = sentences.map((s) => s.words.join(' ')).join('\n');
    const ms = extractEntities(prepareText(text, norm), model, { consistency: false });
    expect(ms.filter((m) => m.source === 'model').map((m) => m.text)).toContain('إيمانويل ماكرون');
  });
});
