/**
 * JSON and JSONL text. JSON.stringify leaves non-ASCII as is (Arabic stays readable) and
 * only escapes what JSON requires (quotes, backslashes, controls, lone surrogates).
 */

/** A whole document, pretty-printed with 2 spaces, newline-terminated. */
export function jsonDocument(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null') + '\n';
}

/** One JSONL line: compact, newline-terminated. */
export function jsonLine(value: unknown): string {
  return (JSON.stringify(value) ?? 'null') + '\n';
}

/**
 * Pieces of a pretty-printed JSON array written one element at a time, so `--format json`
 * can stream a long list. Concatenated, they equal `jsonDocument(array)` byte for byte.
 */
export const jsonArray = {
  open: '[',
  /** The element at `index`, indented one level (strings never hold raw newlines in JSON). */
  item(value: unknown, index: number): string {
    const body = (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n  ');
    return (index === 0 ? '\n  ' : ',\n  ') + body;
  },
  /** Closes an array of `count` elements. */
  close(count: number): string {
    return count === 0 ? ']\n' : '\n]\n';
  },
};
