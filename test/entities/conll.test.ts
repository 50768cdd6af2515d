import { describe, expect, it } from 'vitest';
import { anercorpLabels, aqmarLabels, newsfaneLabels, parseConll, parseWojood } from '../../src/analyze/entities/conll.js';
import { TAG_NAMES } from '../../src/analyze/entities/tags.js';

const names = (tags: Int8Array) => Array.from(tags, (x) => TAG_NAMES[x]);

describe('CoNLL readers', () => {
  it('reads ANERcorp "token TAG" lines, PERS as PER, blank lines between sentences', () => {
    const text = 'وقال O\nرئيس O\nالاتحاد O\nبرند B-PERS\nجوتشولك I-PERS\n. O\n\nفي O\nألمانيا B-LOC\n';
    const s = parseConll(text, 'anercorp', anercorpLabels);
    expect(s).toHaveLength(2);
    expect(s[0].words).toEqual(['وقال', 'رئيس', 'الاتحاد', 'برند', 'جوتشولك', '.']);
    expect(names(s[0].tags)).toEqual(['O', 'O', 'O', 'B-PER', 'I-PER', 'O']);
    expect(names(s[1].tags)).toEqual(['O', 'B-LOC']);
  });

  it('maps AQMAR MIS classes (with their typos) to MISC and drops language tags', () => {
    const text = 'ريال B-ORG\nمدريد I-ORG\nالليغا B-MIS1`\nو O\nالدوري B-MISS1\nFootball B-ENGLISH\nكرة I--ORG\n';
    expect(names(parseConll(text, 'aqmar', aqmarLabels)[0].tags)).toEqual(['B-ORG', 'I-ORG', 'B-MISC', 'O', 'B-MISC', 'O', 'B-ORG']);
  });

  it('reads NewsFANE: tab-separated, CRLF, direction marks before tokens, fine classes to the four types', () => {
    const text = '\u200eاتحاد\tB-Government\r\n\u200eصناعة\tI-Government\r\n\u200eفي\tO\r\n\u200eالمانيا\tB-Nation\r\n\t\r\n';
    const s = parseConll(text, 'newsfane', newsfaneLabels);
    expect(s[0].words).toEqual(['اتحاد', 'صناعة', 'في', 'المانيا']);
    expect(names(s[0].tags)).toEqual(['B-ORG', 'I-ORG', 'O', 'B-LOC']);
  });

  it('keeps the outermost mapped span of nested Wojood tags and skips the $#$ placeholder', () => {
    const text = 'سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n$#$ O\n';
    const s = parseWojood(text);
    expect(s[0].words).toEqual(['سكرتير', 'اللجنة', 'القومية', 'في', 'نابلس']);
    expect(names(s[0].tags)).toEqual(['O', 'B-ORG', 'I-ORG', 'O', 'B-LOC']);
  });
});
