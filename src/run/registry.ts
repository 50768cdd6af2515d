/**
 * Every analysis a worker thread can run, by name. A worker receives the name and the options
 * and builds the analyzer itself, because functions and class instances cannot be sent to it.
 */
import type { AnalyzerSpec } from './analyzer.js';
import { statsSpec } from '../analyze/stats/spec.js';
import { datesSpec } from '../analyze/dates/spec.js';
import { keywordsSpec, kwicSpec } from '../analyze/keywords/spec.js';

export const ANALYZERS: Record<string, AnalyzerSpec<any, any>> = {
  stats: statsSpec,
  dates: datesSpec,
  keywords: keywordsSpec,
  kwic: kwicSpec,
};
