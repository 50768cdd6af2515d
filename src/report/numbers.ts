/**
 * Whole numbers with thousands separators ("12,345") for titles, without Intl: the first Intl
 * number formatter of a process costs about 20 ms (ICU data), which a run printing JSON or JSONL
 * should not pay for a title it may not even show.
 */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
