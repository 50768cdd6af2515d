import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STOPWORDS, parseStopwords, readStopwords } from '../../src/analyze/keywords/stopwords.js';
import { DEFAULT_TERM_SETTINGS, TermAnalyzer, isNoiseWord } from '../../src/analyze/keywords/terms.js';
import { LexiconError, WordLexicon } from '../../src/text/wordLexicon.js';

describe('stopword lists', () => {
  it('reads the shipped list: MSA and dialect function words', () => {
    const words = new Set(readStopwords(DEFAULT_STOPWORDS));
    for (const w of ['في', 'الذي', 'كانت', 'هذه', 'ديال', 'اللي', 'مش', 'شو']) expect(words.has(w), w).toBe(true);
    for (const w of ['المغرب', 'حكومة', 'دول']) expect(words.has(w), w).toBe(false);
  });

  it('skips comments and blank lines, rejects two words on a line with file and line', () => {
    expect(parseStopwords('# header\n\nفي\n  من  \n', 'x.txt')).toEqual(['في', 'من']);
    expect(() => parseStopwords('في\nما زال\n', 'x.txt')).toThrow('x.txt:2: one word per line expected, got "ما زال"');
  });

  it('names the file it cannot read', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'sw-')), 'none.txt');
    expect(() => readStopwords(missing)).toThrow(LexiconError);
    expect(() => readStopwords(missing)).toThrow(`${missing}: cannot read the stopword list (ENOENT)`);
  });

  it('matches clitic forms of a stopword and normalized spellings', () => {
    const t = new TermAnalyzer(DEFAULT_TERM_SETTINGS);
    for (const w of ['وفي', 'فيه', 'عليه', 'وعلى', 'والتي', 'الى', 'وإن']) expect(t.info(w, true).stop, w).toBe(true);
    expect(t.info('والمغرب', true).stop).toBe(false);
  });

  it('drops a preposition left alone before a quote or a number (لـ”كود”، ل4 هيئات), as keywords of Moroccan news showed', () => {
    const t = new TermAnalyzer(DEFAULT_TERM_SETTINGS);
    for (const w of ['ل', 'ب', 'ك', 'و', 'ف']) expect(t.info(w, true).stop, w).toBe(true);
    expect(t.info('لكود', true).stop).toBe(false);
  });

  it('drops Arabizi, French and English function words and tweet markers (keywords of Maghrebi tweets), not content words', () => {
    const t = new TermAnalyzer(DEFAULT_TERM_SETTINGS);
    for (const w of ['3la', 'ghir', 'dyal', 'Machi', 'wach', 'les', 'dans', 'The', 'RT']) expect(t.info(w, false).stop, w).toBe(true);
    for (const w of ['Maroc', 'Benkirane', 'FBI', 'Rabat', 'hanane']) expect(t.info(w, false).stop, w).toBe(false);
  });

  it('never takes one letter, or one letter repeated, for a keyword; --no-stopwords keeps them', () => {
    for (const w of ['ل', 'م', 't', 'ههههه', 'hhhh', '😂😂😂']) expect(isNoiseWord(w), w).toBe(true);
    for (const w of ['في', 'هه', 'co', 'ممم2', 'المغرب', '😂']) expect(isNoiseWord(w), w).toBe(w === '😂');
    const t = new TermAnalyzer(DEFAULT_TERM_SETTINGS);
    expect(t.info('ههههه', true).stop).toBe(true);
    expect(t.info('hhh', false).stop).toBe(true);
    expect(t.info('م', true).stop).toBe(true);
    const keepAll = new TermAnalyzer({ ...DEFAULT_TERM_SETTINGS, stopwords: false });
    expect(keepAll.info('ههههه', true).stop).toBe(false);
    expect(keepAll.info('t', false).stop).toBe(false);
  });

  it('adds words from the caller, normalized', () => {
    const t = new TermAnalyzer({ ...DEFAULT_TERM_SETTINGS, extraStopwords: ['أمس'] }, WordLexicon.empty());
    expect(t.info('امس', true).stop).toBe(true);
  });
});

describe('word lexicon file', () => {
  it('parses counts and header totals; rejects bad lines with file and line', () => {
    const lex = WordLexicon.parse('# tokens: 100\n# documents: 2\nالمغرب\t7\nفي\t3\n', 'w.tsv');
    expect(lex.count('المغرب')).toBe(7);
    expect(lex.count('الجزائر')).toBe(0);
    expect([lex.tokens, lex.documents]).toEqual([100, 2]);
    expect(lex.countUnits(Uint16Array.from('المغرب', (c) => c.charCodeAt(0)), 0, 6)).toBe(7);
    expect(() => WordLexicon.parse('المغرب\t7\nفي\tثلاثة\n', 'w.tsv')).toThrow('w.tsv:2: count is not a positive integer: "ثلاثة"');
    expect(() => WordLexicon.parse('المغرب 7\n', 'w.tsv')).toThrow('w.tsv:1: expected "form<TAB>count"');
  });
  it('writes the total of the pruned counts itself when the header has none', () => {
    expect(WordLexicon.parse('a\t2\nb\t3\n', 'w.tsv').tokens).toBe(5);
  });
});

describe('other normalization profiles', () => {
  it('folds the lexicon like an aggressive profile, so clitics still come off', () => {
    const t = new TermAnalyzer({ ...DEFAULT_TERM_SETTINGS, normalize: { profile: 'aggressive', enable: [], disable: [] } });
    // ة is ه in the aggressive spelling: the lexicon's الحكومة must be found as الحكومه
    expect(t.info(t.spelling.normalizeString('للحكومة'), true)).toMatchObject({ key: 'الحكومه', word: 'الحكومه' });
    expect(t.info(t.spelling.normalizeString('وبالمسؤولين'), true).key).toBe('المسءولين');
  });
});
