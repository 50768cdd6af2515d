/**
 * Options shared by every subcommand (input, normalization, output), declared once and
 * resolved into one checked `CommonConfig`, so that keywords, entities and dates accept
 * exactly what stats accepts. Raw commander values never reach the analyses.
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { Command, Option } from 'commander';
import { canonicalEncoding } from '../io/decode.js';
import { DEFAULT_EXTENSIONS, type LoadOptions } from '../io/types.js';
import { FORMATS, type Format } from '../report/types.js';
import type { NormalizeSettings } from '../run/analyzer.js';
import { PROFILE_NAMES, STEPS, type Profile, type Step } from '../text/normalize.js';
import { CorpusError } from './errors.js';
import { packagePath } from '../paths.js';

export interface CommonConfig {
  paths: string[];
  format: Format;
  quiet: boolean;
  jobs: number;
  color: 'auto' | 'always' | 'never';
  load: LoadOptions;
  normalize: NormalizeSettings;
}

/**
 * The default corpus when no path is given: the seed articles shipped with the package, named
 * relative to the working directory so ids read `seeds/...` when run from the project.
 */
export function defaultPaths(): string[] {
  const seeds = packagePath('seeds');
  const rel = relative(process.cwd(), seeds);
  return [rel && !rel.startsWith('..') ? rel : seeds];
}

export function addCommonOptions(cmd: Command, opts: { normalize?: Profile; formats?: string[]; formatHelp?: string } = {}): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', opts.formatHelp ?? 'output format (default: table on a terminal, jsonl otherwise)').choices(opts.formats ?? (FORMATS as unknown as string[])))
    .option('-q, --quiet', 'no progress bar and no warnings (errors are still printed)')
    .option('-j, --jobs <n>', 'worker threads for big inputs (default: number of cores)')
    .addOption(new Option('--color <when>', 'colour in tables').choices(['auto', 'always', 'never']).default('auto'))
    .option('--no-color', 'same as --color never')
    .option('--encoding <enc>', 'input encoding: auto (BOM, UTF-8, else Windows-1256 when it looks Arabic) or a label such as windows-1256, utf-16le', 'auto')
    .option('--text-field <name>', 'JSONL field holding the text', 'text')
    .option('--id-field <name>', 'JSONL field holding the document id (else FILE:LINE)', 'id')
    .option('--ext <list>', 'extensions read in folders, comma-separated', DEFAULT_EXTENSIONS.join(','))
    .addOption(new Option('-n, --normalize <profile>', 'normalization profile').choices(PROFILE_NAMES).default(opts.normalize ?? 'standard'))
    .option('--with <steps>', `add normalization steps (comma-separated: ${STEPS.join(', ')})`)
    .option('--without <steps>', 'remove normalization steps from the profile');
}

function parseSteps(value: string | undefined, flag: string): Step[] {
  if (!value) return [];
  const steps = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of steps) {
    if (!(STEPS as readonly string[]).includes(s)) throw new CorpusError(`${flag}: unknown step '${s}' (steps: ${STEPS.join(', ')})`, { kind: 'usage' });
  }
  return steps as Step[];
}

export function parsePositiveInt(value: unknown, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CorpusError(`${flag}: expected an integer >= ${min}, got '${String(value)}'`, { kind: 'usage' });
  return n;
}

export function resolveCommon(paths: string[], raw: Record<string, unknown>, stdoutIsTTY: boolean): CommonConfig {
  const format = (raw.format as Format | undefined) ?? (stdoutIsTTY ? 'table' : 'jsonl');
  let color = (raw.color as CommonConfig['color']) ?? 'auto';
  if (raw.color === false) color = 'never';
  const jobs = raw.jobs === undefined ? availableParallelism() : parsePositiveInt(raw.jobs, '--jobs');
  const extensions = String(raw.ext ?? DEFAULT_EXTENSIONS.join(','))
    .split(',')
    .map((e) => e.trim().replace(/^\./, '').toLowerCase())
    .filter(Boolean);
  if (extensions.length === 0) throw new CorpusError('--ext: give at least one extension', { kind: 'usage' });
  const encoding = String(raw.encoding ?? 'auto');
  if (encoding !== 'auto' && canonicalEncoding(encoding) === null) {
    throw new CorpusError(`--encoding: unknown encoding '${encoding}' (auto, utf-8, windows-1256, utf-16le, utf-16be, iso-8859-6, ...)`, { kind: 'usage' });
  }
  return {
    paths: paths.length ? paths : defaultPaths(),
    format,
    quiet: Boolean(raw.quiet),
    jobs,
    color,
    load: {
      encoding,
      textField: String(raw.textField ?? 'text'),
      idField: String(raw.idField ?? 'id'),
      extensions,
    },
    normalize: {
      profile: (raw.normalize as Profile) ?? 'standard',
      enable: parseSteps(raw.with as string | undefined, '--with'),
      disable: parseSteps(raw.without as string | undefined, '--without'),
    },
  };
}
