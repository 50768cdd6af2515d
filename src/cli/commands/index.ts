/** Every subcommand, in the order `corpus --help` lists them. */
import type { Command } from 'commander';
import { registerStats } from './stats.js';
import { registerNormalize } from './normalize.js';
import { registerDates } from './dates.js';
import { registerKeywords } from './keywords.js';
import { registerKeyness } from './keyness.js';
import { registerKwic } from './kwic.js';
import { registerCollocates } from './collocates.js';
import { registerEntities } from './entities.js';

export const COMMANDS: Array<(program: Command) => void> = [
  registerStats, registerKeywords, registerKeyness, registerKwic, registerCollocates, registerEntities, registerDates, registerNormalize,
];
