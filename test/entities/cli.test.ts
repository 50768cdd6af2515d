/** `corpus entities` end to end, through bin/corpus.js (run `npm run build` first). */
import { describe, expect, it } from 'vitest';
import { corpus } from '../cli/run.js';

const jsonl = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('corpus entities', () => {
  it('reads text from stdin and prints one JSONL row per mention with every field', () => {
    const r = corpus(['entities', '-'], { input: 'ولد في فرنسا وبالمغرب قضى طفولته.' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = jsonl(r.stdout);
    expect(rows.map((m) => Object.keys(m))).toEqual([
      ['doc', 'type', 'text', 'start', 'end', 'normalized', 'canonical', 'source', 'score'],
      ['doc', 'type', 'text', 'start', 'end', 'normalized', 'canonical', 'source', 'score'],
    ]);
    expect(rows.map((m) => [m.doc, m.type, m.text, m.start, m.end, m.normalized, m.canonical, m.source])).toEqual([
      ['-', 'LOC', 'فرنسا', 7, 12, 'فرنسا', 'فرنسا', 'model'],
      ['-', 'LOC', 'المغرب', 15, 21, 'المغرب', 'المغرب', 'model'],
    ]);
  });

  it('gives one row per mention of a one-sentence-a-line JSONL file, doc = the line id', () => {
    const rows = jsonl(corpus(['entities', 'fixtures/entities/sentences.jsonl']).stdout);
    expect(rows.map((m) => [m.doc, m.type, m.text, m.start, m.end])).toEqual([
      ['s1', 'PER', 'إيمانويل ماكرون', 11, 26],
      ['s1', 'LOC', 'الرباط', 31, 37],
      ['s2', 'ORG', 'منظمة الصحة العالمية', 6, 26],
      ['s2', 'LOC', 'فرنسا', 44, 49],
      ['s2', 'LOC', 'المغرب', 52, 58],
      ['s4', 'PER', 'ماكرون', 5, 11],
      ['s4', 'LOC', 'المغرب', 26, 32],
    ]);
  });

  it('groups entities across documents with --group, filtered by --types', () => {
    const rows = jsonl(corpus(['entities', 'fixtures/entities/sentences.jsonl', '--group', '--types', 'LOC,ORG']).stdout);
    expect(rows).toEqual([
      { type: 'LOC', canonical: 'المغرب', count: 2, docs: 2, variants: ['المغرب'] },
      { type: 'LOC', canonical: 'الرباط', count: 1, docs: 1, variants: ['الرباط'] },
      { type: 'LOC', canonical: 'فرنسا', count: 1, docs: 1, variants: ['فرنسا'] },
      { type: 'ORG', canonical: 'منظمة الصحة العالمية', count: 1, docs: 1, variants: ['منظمة الصحة العالمية'] },
    ]);
  });

  it('prints the groups and the mentions as one JSON document with --format json', () => {
    const r = corpus(['entities', 'fixtures/entities/sentences.jsonl', '--types', 'PER', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['entities', 'mentions']);
    // the lexicon knows ماكرون as إيمانويل ماكرون: the bare name in s4 joins the full name of s1
    expect(out.entities).toEqual([{ type: 'PER', canonical: 'إيمانويل ماكرون', count: 2, docs: 2, variants: ['إيمانويل ماكرون', 'ماكرون'] }]);
    expect(out.mentions.map((m: { doc: string; text: string; canonical: string }) => [m.doc, m.text, m.canonical])).toEqual([
      ['s1', 'إيمانويل ماكرون', 'إيمانويل ماكرون'],
      ['s4', 'ماكرون', 'إيمانويل ماكرون'],
    ]);
  });

  it('writes CSV with a header of the documented fields', () => {
    const r = corpus(['entities', '-', '--format', 'csv'], { input: 'زار ماكرون الرباط' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('doc,type,text,start,end,normalized,canonical,source,score');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(['-,PER,ماكرون,4,10', '-,LOC,الرباط,11,17']);
  });

  it('rejects an unknown type with a usage error', () => {
    const r = corpus(['entities', '-', '--types', 'PER,DATE'], { input: 'نص' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--types: unknown type 'DATE'");
  });
});
