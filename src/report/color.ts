/**
 * A chalk instance for the colour decision of colorLevel.ts (kept apart so that runs printing
 * machine formats never load chalk).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { colorLevel, type ColorOptions } from './colorLevel.js';

export { colorLevel, outputContext, type ColorFlag, type ColorLevel, type ColorOptions } from './colorLevel.js';

/** A chalk that colours exactly when the rules above say so. */
export function resolveColor(options: ColorOptions): ChalkInstance {
  return new Chalk({ level: colorLevel(options) });
}

