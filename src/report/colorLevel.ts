/**
 * Whether output gets colour, decided in one place (no chalk here: it is loaded only when a
 * table is drawn, see reporter.ts).
 *
 * chalk 5 decides by itself from the process (and ignores NO_COLOR on a terminal), and it
 * looks at stdout even when we write elsewhere; so we compute the level ourselves and build
 * a `new Chalk({ level })`. Rules, first match wins:
 *
 * 1. `--color=never` → no colour. `--color=always` → colour (an explicit per-run flag beats the
 *    environment, as no-color.org asks).
 * 2. `FORCE_COLOR` set: `0`/`false` → no colour; `1`-`3` → that level; empty or `true` → level 1.
 *    (Node itself lets FORCE_COLOR win over NO_COLOR; it is the more deliberate, per-run request.)
 * 3. `NO_COLOR` set and non-empty → no colour (no-color.org: an empty value does not count).
 * 4. The stream is not a TTY, or `TERM=dumb` → no colour.
 * 5. Otherwise level 1 (16 colours): bold, dim and the basic colours are all we use, and they
 *    work on every terminal.
 */
import type { Format, OutputContext } from './types.js';

export type ColorFlag = 'auto' | 'always' | 'never';
export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorOptions {
  flag: ColorFlag;
  /** The stream the coloured text goes to (process.stdout for reports). */
  stream: { isTTY?: boolean };
  /** Injectable for tests; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** FORCE_COLOR as a level, or undefined when unset or unreadable. */
function forcedLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'true') return 1;
  if (v === 'false') return 0;
  const n = Number(v);
  if (Number.isInteger(n) && n >= 0) return Math.min(n, 3) as ColorLevel;
  return undefined;
}

export function colorLevel({ flag, stream, env = process.env }: ColorOptions): ColorLevel {
  const forced = forcedLevel(env.FORCE_COLOR);
  if (flag === 'never') return 0;
  if (flag === 'always') return forced && forced > 1 ? forced : 1;
  if (forced !== undefined) return forced;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (stream.isTTY !== true || env.TERM === 'dumb') return 0;
  return 1;
}

/**
 * The OutputContext for a report written to `stream`: colour by the rules above, and the
 * terminal width when the stream is a terminal (tables truncate long text to fit it).
 */
export function outputContext(options: ColorOptions & { format: Format; stream: { isTTY?: boolean; columns?: number } }): OutputContext {
  const { stream } = options;
  return {
    format: options.format,
    color: colorLevel(options) > 0,
    columns: stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined,
  };
}
