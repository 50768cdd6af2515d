/** The dates analyzer: every way Arabic news writes a date, as ISO 8601 values. */
export { extractDates, extractDatesFlat } from './extract.js';
export { timeline, fillGaps, chartWindow, periodOf, TIMELINE_GRAINS } from './timeline.js';
export type { TimelineGrain, TimelineRow } from './timeline.js';
export { parseReference, parseRefDate, formatRef } from './reference.js';
export { defaultLexicon, loadLexicon, LexiconError, LEXICON_DIR } from './lexicon.js';
export { FALLBACK_YEAR } from './resolve.js';
export { hijriToDay, dayToHijri, fmtDay, dayNumber } from './calendar.js';
export type { DateMention, Grain, MentionKind, Calendar, RefDate, ExtractOptions } from './types.js';
export { GRAINS } from './types.js';
