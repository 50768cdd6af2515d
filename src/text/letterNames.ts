/**
 * The Latin letters as Arabic news spells them in acronyms (بي بي سي, إف بي آي, سي إن إن), for
 * the sentence splitter (no sentence ends at the dots of بي. بي. سي) and the entity rules (such a
 * dotted chain is one name). Compared with hamza, madda and final ى folded, so that any
 * normalization profile gives the same answer.
 */
const LETTER_NAMES = new Set([
  'اي', 'ايه', 'بي', 'سي', 'دي', 'اف', 'جي', 'اتش', 'اش', 'كي', 'ال', 'ام', 'ان', 'او', 'كيو',
  'ار', 'اس', 'تي', 'يو', 'في', 'دبليو', 'اكس', 'واي', 'زد', 'زي', 'جاي',
]);
/** Letter names that are also common words (any, that, or, in, the article). */
const COMMON_WORDS = new Set(['اي', 'ان', 'او', 'في', 'ال']);

function fold(w: string): string {
  return w.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي');
}

/** Whether the word is the Arabic name of a Latin letter (بي, سي, إف, آي, ...). */
export const isLetterName = (w: string): boolean => w.length <= 5 && LETTER_NAMES.has(fold(w));

/** Whether the letter name is also a common word (أي, أن, أو, في), trusted only inside a chain. */
export const isCommonWordLetter = (w: string): boolean => COMMON_WORDS.has(fold(w));
