/**
 * Feature extraction for the linear-chain tagger. Every feature is a 32-bit hash of a template id
 * and the values it looks at, reduced to a row of the weight table; strings are hashed over
 * code-unit ranges, so a token costs a few Map lookups (clusters, gazetteer) and no slices beyond
 * the clitic-stripped base.
 *
 * Per token: word, base (without و/ف/ب/ك/ل), stem (base without ال), clitic pattern, prefixes and
 * suffixes 1-3 of the stem, shape and kind, length, corpus frequency band, word clusters at
 * several granularities, gazetteer and trigger membership (B/I of a match), over a window of
 * -2..+2, plus word and cluster bigrams. The previous tag enters through the transition weights.
 */
import type { Token } from '../../text/tokenize.js';
import { lastLetter } from '../../text/charsets.js';
import { splitProclitics } from './clitics.js';
import type { WordClusters } from './clusters.js';
import type { Gazetteer } from './gazetteer.js';
import { feat1, feat2, hashRange } from './hash.js';
import type { WordVectors } from './vectors.js';

export interface FeatureResources {
  clusters: WordClusters | null;
  /** Names (PER/LOC/ORG/MISC entries). */
  gazetteer: Gazetteer | null;
  /** Trigger words: titles, organization and place heads, first names. */
  triggers: Gazetteer | null;
  /** Dense word vectors aligned with the clusters' word ids (optional). */
  vectors?: WordVectors | null;
  /** Words never part of a name (normalized form -> true when only a whole span of it is dropped); read by the extractor, not a feature. */
  notNames?: ReadonlyMap<string, boolean>;
  /** Nationality adjectives (normalized, with the article), cut from the start of a person span; read by the extractor, not a feature. */
  demonyms?: ReadonlyMap<string, boolean>;
  /** Words of a match report (trig-sports.txt): a club named like its city is the club there; read by the extractor, not a feature. */
  sportCues?: Gazetteer | null;
}

/** Token offsets whose word vectors are real-valued inputs of a token (word before, word, word after). */
export const VECTOR_OFFSETS = [-1, 0, 1];

/** Feature slots per token (some may be empty = -1). */
export const FEATURES_PER_TOKEN = 57;
const PAD = 2;
const CLUSTER_LEVELS = 4;

const BOS = 0x5a17b0e1;
const EOS = 0x3c0ffee5;
const UNK = -1;

// shape codes
const SH_ARABIC = 1, SH_LATIN_UPPER = 2, SH_LATIN_CAP = 3, SH_LATIN_LOWER = 4, SH_NUMBER = 5, SH_MIXED = 6, SH_URL = 7, SH_TAG = 8, SH_OTHER = 9;

function shapeOf(t: Token): number {
  switch (t.kind) {
    case 'arabic': return SH_ARABIC;
    case 'number': return SH_NUMBER;
    case 'mixed': return SH_MIXED;
    case 'url': case 'email': return SH_URL;
    case 'hashtag': case 'mention': return SH_TAG;
    case 'latin': {
      const s = t.norm;
      let upper = 0;
      for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0x41 && c <= 0x5a) upper++; }
      if (upper === s.length) return SH_LATIN_UPPER;
      const c0 = s.charCodeAt(0);
      return c0 >= 0x41 && c0 <= 0x5a ? SH_LATIN_CAP : SH_LATIN_LOWER;
    }
    case 'punctuation': case 'symbol': return 100 + t.norm.charCodeAt(0);
    default: return SH_OTHER;
  }
}

/**
 * What normalization folds away from the written word: a final ى or ي (على the preposition, علي
 * the name, one form once normalized) and the hamza of a leading alef.
 */
function rawSpelling(text: string): number {
  const c = lastLetter(text);
  const fin = c === 0x0649 ? 1 : c === 0x064a ? 2 : 0;
  const c0 = text.charCodeAt(0);
  const ini = c0 === 0x0623 ? 1 : c0 === 0x0625 ? 2 : c0 === 0x0622 ? 3 : c0 === 0x0627 ? 4 : 0;
  return 1 + fin * 8 + ini;
}

function lengthBand(n: number): number {
  return n <= 2 ? n : n <= 4 ? 3 : n <= 6 ? 4 : n <= 8 ? 5 : 6;
}

function freqBand(f: number): number {
  if (f === 0) return 0;
  return Math.min(12, 1 + Math.floor(Math.log2(f) / 1.5));
}

/** Reusable per-sentence scratch arrays (grown on demand). */
class Scratch {
  cap = 0;
  hw = new Int32Array(0);
  hb = new Int32Array(0);
  hs = new Int32Array(0);
  pre = new Int32Array(0);
  suf = new Int32Array(0);
  clitic = new Int32Array(0);
  shape = new Int32Array(0);
  len = new Int32Array(0);
  fband = new Int32Array(0);
  cl = new Int32Array(0);
  clb = new Int32Array(0);
  gaz = new Int32Array(0);
  trig = new Int32Array(0);
  vid = new Int32Array(0);
  raw = new Int32Array(0);
  ensure(n: number): void {
    if (n <= this.cap) return;
    const c = Math.max(n, this.cap * 2, 64);
    this.cap = c;
    this.hw = new Int32Array(c); this.hb = new Int32Array(c); this.hs = new Int32Array(c);
    this.pre = new Int32Array(c * 3); this.suf = new Int32Array(c * 3);
    this.clitic = new Int32Array(c); this.shape = new Int32Array(c); this.len = new Int32Array(c);
    this.fband = new Int32Array(c);
    this.cl = new Int32Array(c * CLUSTER_LEVELS); this.clb = new Int32Array(c);
    this.gaz = new Int32Array(c); this.trig = new Int32Array(c); this.vid = new Int32Array(c); this.raw = new Int32Array(c);
  }
}

export class FeatureExtractor {
  readonly res: FeatureResources;
  readonly mask: number;
  private readonly s = new Scratch();
  private readonly levels: number[];
  private readonly freq: ((w: string) => number) | null;
  /** Word ids below this have a vector. */
  private readonly vecSize: number;

  /** `vectorWords`: word ids below it have a vector (default: those of res.vectors). */
  constructor(res: FeatureResources, bits: number, vectorWords = res.vectors?.size ?? 0) {
    this.res = res;
    this.mask = (1 << bits) - 1;
    const c = res.clusters;
    this.freq = c === null ? null : c.freq;
    this.vecSize = vectorWords;
    const n = c === null ? 0 : c.levelSizes.length;
    this.levels = [];
    for (let l = 0; l < Math.min(n, CLUSTER_LEVELS); l++) this.levels.push(l);
  }

  /**
   * Writes FEATURES_PER_TOKEN weight-table rows (or -1) for each token of [start, end) into
   * `out`, token by token. `out` must hold (end - start) * FEATURES_PER_TOKEN ints. With `vids`,
   * also writes each token's word id in the clusters (-1 if none) for its word vector.
   */
  extract(tokens: Token[], start: number, end: number, out: Int32Array, vids?: Int32Array): void {
    const n = end - start;
    const s = this.s;
    s.ensure(n + 2 * PAD);
    this.fillPadding(0);
    this.fillPadding(1);
    this.fillPadding(n + PAD);
    this.fillPadding(n + PAD + 1);
    s.hw[0] = s.hw[1] = BOS; s.hw[n + PAD] = s.hw[n + PAD + 1] = EOS;
    s.hb[0] = s.hb[1] = BOS; s.hb[n + PAD] = s.hb[n + PAD + 1] = EOS;
    s.hs[0] = s.hs[1] = BOS; s.hs[n + PAD] = s.hs[n + PAD + 1] = EOS;
    for (let j = 0; j < n; j++) this.tokenInfo(tokens[start + j], j + PAD);
    this.lexiconCodes(this.res.gazetteer, tokens, start, end, s.gaz);
    this.lexiconCodes(this.res.triggers, tokens, start, end, s.trig);

    const F = FEATURES_PER_TOKEN;
    const m = this.mask;
    const L = CLUSTER_LEVELS;
    for (let j = 0; j < n; j++) {
      const p = j + PAD;
      const o = j * F;
      let k = 0;
      const put = (h: number) => { out[o + k++] = h & m; };
      const cl = (q: number, level: number) => s.cl[q * L + level];
      put(feat1(0, 0));
      put(feat1(1, s.hw[p]));
      put(feat1(2, s.hb[p]));
      put(feat1(3, s.hs[p]));
      put(feat1(4, s.hw[p - 1]));
      put(feat1(5, s.hw[p + 1]));
      put(feat1(6, s.hw[p - 2]));
      put(feat1(7, s.hw[p + 2]));
      put(feat1(8, s.hs[p - 1]));
      put(feat1(9, s.hs[p + 1]));
      put(feat1(10, s.hs[p - 2]));
      put(feat1(11, s.hs[p + 2]));
      for (let a = 0; a < 3; a++) put(feat1(12 + a, s.pre[p * 3 + a]));
      for (let a = 0; a < 3; a++) put(feat1(15 + a, s.suf[p * 3 + a]));
      put(feat1(18, s.clitic[p]));
      put(feat1(19, s.shape[p]));
      put(feat2(20, s.shape[p - 1], s.shape[p]));
      put(feat2(21, s.shape[p], s.shape[p + 1]));
      put(feat2(22, s.len[p], s.shape[p]));
      put(feat1(23, s.fband[p]));
      put(feat2(24, s.hw[p - 1], s.hs[p]));
      put(feat2(25, s.hs[p], s.hw[p + 1]));
      put(feat2(26, s.hw[p - 1], s.hw[p + 1]));
      put(feat2(27, s.hs[p - 2], s.hs[p - 1]));
      put(feat2(28, s.hs[p + 1], s.hs[p + 2]));
      for (let l = 0; l < L; l++) put(feat2(29, l, cl(p, l)));
      put(feat2(33, 0, cl(p - 1, 0)));
      put(feat2(33, 1, cl(p - 1, 2)));
      put(feat2(34, 0, cl(p + 1, 0)));
      put(feat2(34, 1, cl(p + 1, 2)));
      put(feat1(35, cl(p - 2, 1)));
      put(feat1(36, cl(p + 2, 1)));
      put(feat1(37, s.clb[p]));
      put(feat2(38, cl(p - 1, 1), cl(p, 1)));
      put(feat2(39, cl(p, 1), cl(p + 1, 1)));
      put(feat2(40, cl(p, 2), s.suf[p * 3 + 1]));
      put(feat1(41, s.gaz[p]));
      put(feat1(42, s.gaz[p - 1]));
      put(feat1(43, s.gaz[p + 1]));
      put(feat2(44, s.gaz[p], s.trig[p - 1]));
      put(feat1(45, s.trig[p]));
      put(feat1(46, s.trig[p - 1]));
      put(feat1(47, s.trig[p - 2]));
      put(feat1(48, s.trig[p + 1]));
      put(feat2(49, s.trig[p - 1], cl(p, 1)));
      put(feat2(50, s.hw[p - 1], cl(p, 0)));
      put(feat2(51, cl(p, 0), s.hw[p + 1]));
      put(feat2(52, s.trig[p], s.hw[p + 1]));
      put(feat2(53, s.hs[p], s.gaz[p]));
      put(feat2(54, s.hw[p], s.raw[p]));
      // templates are numbered so that a new one must be added above; a miscount would let one
      // token's last features spill into the next token's first slots (two templates, a frequency
      // band by shape and a sentence-start flag, once did so unseen: removed, CV 77.25 against
      // 77.19 with them working, noise)
      if (k !== F) throw new Error(`feature count ${k}, expected ${F}`);
    }
    if (vids !== undefined) for (let j = 0; j < n; j++) vids[j] = s.vid[j + PAD];
  }

  private fillPadding(p: number): void {
    const s = this.s;
    s.pre[p * 3] = s.pre[p * 3 + 1] = s.pre[p * 3 + 2] = BOS;
    s.suf[p * 3] = s.suf[p * 3 + 1] = s.suf[p * 3 + 2] = BOS;
    s.clitic[p] = 0; s.shape[p] = 0; s.len[p] = 0; s.fband[p] = -1;
    for (let l = 0; l < CLUSTER_LEVELS; l++) s.cl[p * CLUSTER_LEVELS + l] = -2;
    s.clb[p] = -2; s.gaz[p] = 0; s.trig[p] = 0; s.vid[p] = -1; s.raw[p] = 0;
  }

  private tokenInfo(t: Token, p: number): void {
    const s = this.s;
    const w = t.norm;
    const arabic = t.kind === 'arabic';
    const split = arabic ? splitProclitics(w, this.freq) : { cut: 0, base: w, article: false };
    const base = split.base;
    const stemStart = split.article ? 2 : 0;
    s.hw[p] = hashRange(w);
    s.hb[p] = split.cut > 0 ? hashRange(base) : s.hw[p];
    s.hs[p] = stemStart > 0 ? hashRange(base, stemStart) : s.hb[p];
    const sl = base.length - stemStart;
    for (let a = 0; a < 3; a++) {
      const k = a + 1;
      s.pre[p * 3 + a] = k <= sl ? hashRange(base, stemStart, stemStart + k) : UNK;
      s.suf[p * 3 + a] = k <= sl ? hashRange(base, base.length - k) : UNK;
    }
    s.clitic[p] = (split.cut > 0 ? hashRange(w, 0, split.cut) : 0) ^ (split.article ? 0x40000000 : 0);
    s.shape[p] = shapeOf(t);
    s.raw[p] = arabic ? rawSpelling(t.text) : 0;
    s.len[p] = lengthBand(sl);
    const c = this.res.clusters;
    if (c === null) {
      s.fband[p] = 0;
      for (let l = 0; l < CLUSTER_LEVELS; l++) s.cl[p * CLUSTER_LEVELS + l] = UNK;
      s.clb[p] = UNK;
      s.vid[p] = -1;
      return;
    }
    let id = c.id(w);
    s.fband[p] = freqBand(c.freqOfId(id));
    let idBase = split.cut > 0 ? c.id(base) : id;
    if (idBase < 0 && split.article) idBase = c.id(base.slice(2));
    if (id < 0) id = idBase;
    for (let l = 0; l < CLUSTER_LEVELS; l++)
      s.cl[p * CLUSTER_LEVELS + l] = l < this.levels.length ? c.clusterOfId(id, l) : UNK;
    s.clb[p] = c.clusterOfId(idBase, 0);
    s.vid[p] = id < this.vecSize ? id : -1;
  }

  /** Per-token codes of the lexicon matches: 0 = none, else the labels, weakness and B/I of the match. */
  private lexiconCodes(g: Gazetteer | null, tokens: Token[], start: number, end: number, out: Int32Array): void {
    if (g === null) return;
    for (let i = start; i < end; ) {
      const hit = g.matchAt(tokens, i, end, this.freq);
      if (hit === null) { out[i - start + PAD] = 0; i++; continue; }
      const code = 4 * hit.labels + (hit.weak ? 2 : 0);
      out[i - start + PAD] = code + 1;
      for (let j = i + 1; j < hit.end; j++) out[j - start + PAD] = code + 0x10000;
      i = hit.end;
    }
  }
}
