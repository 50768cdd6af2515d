/**
 * Rules for names the tagger (trained on ANERcorp, whose organization names are mostly short)
 * misses: long descriptive organization names built on a head noun, as Moroccan and Arab news
 * write them: المختبر الوطني للشرطة العلمية والتقنية, مركز الرباط للدراسات السياسية والاستراتيجية,
 * المنتدى العالمي لمكافحة الإرهاب.
 *
 * A phrase is an organization-head noun (trig-org-heads.txt; proclitics outside the span), then
 * words that continue a noun phrase: definite words (ال), genitives with ل/لل, coordinated definite
 * words (والتقنية), and a noun of purpose, bare right after the head (مكتب مكافحة ...) or with ل
 * (لمكافحة الإرهاب), from trig-org-purposes.txt. It needs at least
 * three words after the head, one of them a ل-genitive (للدراسات, لمكافحة الإرهاب), which keeps out
 * phrases such as مكتب الرئيس, مجلس الإدارة or وزارة الخارجية الألمانية (ANERcorp leaves those
 * untagged; the tagger decides them). The rule only fills gaps: it never overrides a span the
 * tagger or the gazetteer found. A head followed by a noun of purpose and a definite word is enough
 * (مكتب مكافحة المخدرات, جمعية حماية المستهلك; trig-org-purposes.txt).
 */
import type { Token } from '../../text/tokenize.js';
import type { FrequencyOf } from './clitics.js';
import { labelIndex } from './gazetteer.js';
import type { Gazetteer } from './gazetteer.js';

export interface RuleSpan {
  start: number;
  end: number;
  /** Normalized proclitic characters cut from the first token. */
  cut: number;
  /** The first token's normalized form without them. */
  base: string;
}

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const MAX_WORDS = 8;

const ORGHEAD_BIT = 1 << labelIndex('ORGHEAD');
const TITLE_BIT = 1 << labelIndex('TITLE');
const ORG_BIT = 1 << labelIndex('ORG');
const PURPOSE_BIT = 1 << labelIndex('ORGPURPOSE');

const RELATIVES = new Set(['التي', 'الذي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي']);
/**
 * Definite words that end a name rather than continue it (normalized): days and time adjectives
 * (للتصفيات الأربعاء المقبل), participles that describe the body instead of naming it (لجنة حقوق
 * الإنسان التابعة للأمم المتحدة, الفريق الساعي للفوز).
 */
const ENDS_PHRASE = new Set(['التابع', 'التابعة', 'التابعين', 'التابعون', 'المقبل', 'المقبلة', 'الماضي', 'الماضية', 'الحالي', 'الحالية',
  'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت', 'الساعي', 'الساعية', 'الموجه', 'الموجهة', 'المسيل']);

/**
 * 0 = does not continue the phrase, 1 = definite word (ال...), 2 = genitive with لل (للدراسات),
 * 3 = ل + bare noun (لمكافحة), which must be followed by a definite word. Optional leading و.
 */
function continuation(w: string): number {
  if (RELATIVES.has(w)) return 0;
  let i = 0;
  if (w.charCodeAt(0) === WAW && w.length > 4) i = 1;
  const c0 = w.charCodeAt(i);
  const c1 = w.charCodeAt(i + 1);
  if (w.length - i < 4) return 0;
  if (c0 === ALEF && c1 === LAM) return 1;
  if (c0 === LAM && c1 === LAM) return 2;
  if (c0 === LAM) return 3;
  return 0;
}

export function orgPhrases(tokens: Token[], start: number, end: number, triggers: Gazetteer | null, names: Gazetteer | null,
  freq: FrequencyOf | null): RuleSpan[] {
  if (triggers === null) return [];
  const out: RuleSpan[] = [];
  for (let i = start; i < end - 2; i++) {
    const t = tokens[i];
    if (t.kind !== 'arabic') continue;
    const hit = triggers.matchAt(tokens, i, end, freq);
    if (hit === null || (hit.labels & ORGHEAD_BIT) === 0 || hit.end !== i + 1) continue;
    // a definite head right after a definite noun is an adjective agreeing with it: الجريمة المنظمة
    // (والمختبر, with its conjunction, starts a new name instead)
    if (i > start && hit.cut === 0 && continuation(hit.base) === 1 && tokens[i - 1].kind === 'arabic' && continuation(tokens[i - 1].norm) === 1) continue;
    let j = i + 1;
    let words = 0;
    let strong = false;
    let purpose = false;
    while (j < end && words < MAX_WORDS) {
      const u = tokens[j];
      if (u.kind !== 'arabic') break;
      // a known name of several words ends the phrase before it: الجمعية العامة | للمنظمة الدولية للشرطة الجنائية
      if (names !== null && words > 0) {
        const known = names.matchAt(tokens, j, end, freq);
        if (known !== null && !known.weak && known.end - j >= 2 && (known.labels & ORG_BIT) !== 0) break;
      }
      const trig = triggers.matchAt(tokens, j, end, freq);
      if (trig !== null && (trig.labels & TITLE_BIT) !== 0) break;
      // a second organization head starts a second name (والمديرية العامة ...)
      if (trig !== null && (trig.labels & ORGHEAD_BIT) !== 0 && trig.end === j + 1 && words > 0 && u.norm.charCodeAt(0) === WAW) break;
      if (ENDS_PHRASE.has(u.norm)) break;
      const k = continuation(u.norm);
      if (k === 0) {
        // a bare noun of purpose in construct right after the head: مكتب مكافحة المخدرات
        if (words === 0 && trig !== null && (trig.labels & PURPOSE_BIT) !== 0 && trig.cut === 0) {
          purpose = true;
          words++;
          j++;
          continue;
        }
        break;
      }
      // ل + bare noun only for a noun of purpose followed by a definite word: لمكافحة الإرهاب
      if (k === 3 && !(trig !== null && (trig.labels & PURPOSE_BIT) !== 0 &&
        j + 1 < end && tokens[j + 1].kind === 'arabic' && continuation(tokens[j + 1].norm) === 1)) break;
      if (k >= 2) strong = true;
      words++;
      j++;
    }
    if ((words >= 3 && strong) || (purpose && words >= 2)) {
      out.push({ start: i, end: j, cut: hit.cut, base: hit.base });
      i = j - 1;
    }
  }
  return out;
}
