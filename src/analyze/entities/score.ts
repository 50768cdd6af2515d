/**
 * conlleval-style scoring: typed exact spans (same type, same first and last token) counted over
 * all sentences; precision, recall and F1 per type and micro-averaged over the four types.
 */
import { ENTITY_TYPES } from './tags.js';
import { spansOf } from './tags.js';

export interface TypeScore {
  type: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export class SpanScorer {
  private readonly gold = new Array<number>(ENTITY_TYPES.length).fill(0);
  private readonly pred = new Array<number>(ENTITY_TYPES.length).fill(0);
  private readonly ok = new Array<number>(ENTITY_TYPES.length).fill(0);

  /** Adds one sentence: gold and predicted BIO2 tag sequences of equal length. */
  add(gold: ArrayLike<number>, predicted: ArrayLike<number>): void {
    const g = spansOf(gold);
    const p = spansOf(predicted);
    for (const s of g) this.gold[s.type]++;
    for (const s of p) this.pred[s.type]++;
    const key = (s: { type: number; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;
    const gs = new Set(g.map(key));
    for (const s of p) if (gs.has(key(s))) this.ok[s.type]++;
  }

  /** Adds the counts of another scorer (pooled cross-validation). */
  merge(o: SpanScorer): void {
    for (let i = 0; i < this.gold.length; i++) { this.gold[i] += o.gold[i]; this.pred[i] += o.pred[i]; this.ok[i] += o.ok[i]; }
  }

  scores(): TypeScore[] {
    const row = (type: string, gold: number, predicted: number, correct: number): TypeScore => {
      const precision = predicted === 0 ? 0 : correct / predicted;
      const recall = gold === 0 ? 0 : correct / gold;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { type, gold, predicted, correct, precision, recall, f1 };
    };
    const out = ENTITY_TYPES.map((t, i) => row(t, this.gold[i], this.pred[i], this.ok[i]));
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    out.push(row('micro', sum(this.gold), sum(this.pred), sum(this.ok)));
    return out;
  }

  micro(): TypeScore { return this.scores()[ENTITY_TYPES.length]; }
}
