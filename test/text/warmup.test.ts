import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { warmUpTextCore } from '../../src/text/warmup.js';

describe('warmUpTextCore', () => {
  it('leaves no state behind: the same text prepares the same way before and after it', () => {
    const text = 'وقال د. عبد اللطيف الحموشي، المدير العام، إن #الأمن_الوطني يتابع https://dgsn.ma 😀 منذ ٢٠٢٤.\nسطر ثان';
    const norm = normalizerFor('standard');
    const before = prepareText(text, norm);
    const snapshot = JSON.stringify({ tokens: before.tokens, sentences: before.sentences, norm: before.norm.text });
    warmUpTextCore(1);
    const after = prepareText(text, norm);
    expect(JSON.stringify({ tokens: after.tokens, sentences: after.sentences, norm: after.norm.text })).toBe(snapshot);
    expect(after.tokens.map((t) => t.kind)).toContain('hashtag');
    expect(after.tokens.map((t) => t.kind)).toContain('url');
  });
});
