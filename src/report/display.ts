/**
 * Making corpus text safe and measurable for a terminal table. Only tables use this;
 * machine formats always carry the original text.
 *
 * cli-table3 measures cells with string-width 4, which counts one column per code point
 * except C0/C1 controls and Latin combining marks (U+0300-U+036F). Arabic harakat, tatweel
 * and invisible format characters are counted as one column each but take none on screen,
 * so a vowelled word would push its row out of line. Removing them makes "code points"
 * and "screen columns" agree (for Arabic and Latin text; CJK and emoji still count double).
 */

// Arabic combining marks: harakat, Quranic annotation signs, superscript alef, plus the
// honorific signs U+0610-U+061A (also combining, not in the brief's list but same problem).
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/g;
const TATWEEL = /\u0640/g;
// Zero-width and bidi controls: they have no width but string-width counts them, and stray
// bidi overrides in corpus text would scramble the rest of the terminal line.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u2060]/g;
// Line breaks and tabs would break the row in two or jump to a tab stop.
const BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Remaining C0/C1 controls, ESC included: corpus text must not drive the terminal.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/** The text as a table cell shows it: one line, no marks or controls of zero width. */
export function forDisplay(s: string): string {
  return s
    .replace(BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(INVISIBLE, '');
}

/** Width of a forDisplay()ed string, in code points (what tables and bars budget with). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * At most `width` code points; a cut string ends in '…' (which counts in the width).
 * Code points, not code units, so a surrogate pair is never split.
 */
export function truncateDisplay(s: string, width: number): string {
  if (width <= 0) return '';
  if (s.length <= width) return s; // code units >= code points: cannot be too long
  const points = Array.from(s);
  if (points.length <= width) return s;
  return points.slice(0, width - 1).join('') + '…';
}
