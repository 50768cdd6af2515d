/** How keyword counts group forms (`--group`). Apart from terms.ts so that option parsing does not load the clitic analysis. */
export const GROUP_MODES = ['surface', 'word', 'stem'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];
