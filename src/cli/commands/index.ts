/** Every subcommand, in the order `corpus --help` lists them. */
import type { Command } from 'commander';
import { registerStats } from './stats.js';
import { registerNormalize } from './normalize.js';
import { registerKeywords } from './keywords.js';

export const COMMANDS: Array<(program: Command) => void> = [registerStats, registerKeywords, registerNormalize];
