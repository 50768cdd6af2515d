import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/report/numbers.js';

describe('formatCount', () => {
  it('groups thousands like en-US, whatever the locale', () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 31525, 7698476, -4200, 2 ** 31]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
    expect(formatCount(1.5)).toBe('1.5');
  });
});
