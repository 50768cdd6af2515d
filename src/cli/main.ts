/**
 * `corpus` entry point: builds the commander program, one module per subcommand, and turns
 * every failure into one line on stderr and an exit code (0 ok, 1 bad input, 2 bad usage).
 * Command modules load their analyses lazily, so `corpus --version` starts in a few ms.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { exitCodeFor, formatError } from './errors.js';
import { installEpipeExit } from '../report/sink.js';
import { COMMANDS } from './commands/index.js';
import { packagePath } from '../paths.js';

const pkg = createRequire(import.meta.url)(packagePath('package.json')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('corpus')
    .version(pkg.version, '-V, --version')
    .description('Arabic text analysis: statistics, keywords, entities and dates, as tables or JSON/JSONL/CSV/TSV.\nWith no path, commands read the seed articles in seeds/.')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write(`corpus: ${str.replace(/^error: /, '').trimEnd()}\n`),
    })
    .addHelpText('after', `
Examples:
  corpus stats                                   statistics of the seed articles
  corpus keywords news/ --top 30                 keywords of a folder, clitics grouped (بالمغرب, للمغرب -> المغرب)
  corpus entities --group                        people, places and organizations of the seeds, variants merged
  corpus dates news.jsonl --timeline month       when a corpus talks about, as a chart
  corpus kwic المغرب --width 40                  every occurrence in context, with exact offsets
  xzcat news.jsonl.xz | corpus stats - --per-doc --format csv > stats.csv
  echo "أعلنت وزارة الداخلية اليوم" | corpus normalize -
  corpus SUBCOMMAND --help                       options and output fields of a subcommand`);
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  installEpipeExit();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version end with code 0; parse errors were already printed by commander
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(formatError(err) + '\n');
    process.exitCode = exitCodeFor(err);
  }
}
