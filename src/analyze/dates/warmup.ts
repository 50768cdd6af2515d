/**
 * Runs the date grammar over a short text with one expression of every family (and a few
 * near-misses) before a thread reads real documents, with and without a reference date.
 *
 * Why: each recognizer in grammar.ts is a function V8 optimizes from the type feedback seen so
 * far; news text reaches most families only after the first optimization, and every first visit
 * threw the optimized code away. Measured on the ANT corpus with two threads: 2.7 s of optimizing
 * compiles in all (fullDate 7 times, parseAll 13 times), about a third of the CPU time of
 * `corpus dates`. The mentions found here are thrown away.
 */
import { normalizerFor } from '../../text/normalize.js';
import { prepareFlat } from '../../text/prepare.js';
import { extractDatesFlat } from './extract.js';
import { parseRefDate } from './reference.js';

const SAMPLE = [
  'أعلنت الوزارة يوم الثلاثاء 21 فبراير الجاري عن برنامج يمتد من 13 إلى 15 يوليو 2024، وبين 5 و10 أكتوبر.',
  'وفي 14 رمضان 1445 هـ الموافق 24 مارس 2024 م، وقبل ذلك في 2018 (20 شعبان 1439) وسنة 2010.',
  'وصل الوفد أمس الأول على الساعة 5:16 مساءً، ويعود غدا أو بعد غد، والاجتماع المقبل الخميس المقبل مساء.',
  'منذ 3 أيام وقبل ثلاثة أشهر وبعد خمسة وعشرين عاما، خلال الأسبوعين المقبلين والأيام الثلاثة الماضية والـ24 ساعة الماضية.',
  'الأسبوع الماضي والشهر المقبل والعام الجاري وهذا الأسبوع وهذه السنة، و21 من الشهر الجاري وفبراير الماضي ورمضان المقبل.',
  'يوليوز وغشت وشتنبر ونونبر ودجنبر 2019، جانفي وفيفري وأفريل وجوان وجويلية وأوت 2017، كانون الثاني 2016 وشباط/فبراير 2015.',
  'الأول من يناير، الحادي والعشرين من مارس، غرة محرم 1440، فاتح ماي 2023، الـ21 من أبريل، 21/02/2023 و2023-02-21 و21.02.2023 و14-09-1432 هـ و1439/09/01هـ.',
  'من يناير إلى مارس 2024، من يوم 15 إلى غاية 19 مارس، بين 2010 و2015، 2010-2015، يومي 25 و26 يونيو، 13-15 يوليو.',
  'الساعة الخامسة مساء، الثامنة والنصف، السابعة إلا ربعا، 17:30، 10 صباحا، الواحدة و14 دقيقة، العاشرة من صباح اليوم.',
  'امبارح ومبارح والبارح وبكرة وبكرا وباجر وغدوة والنهارده وليوم، الأسبوع اللي فات والشهر الجاي والسيمانة الجاية والجمعة الفايتة وهالأسبوع.',
  'من يومين ما نمت. العدد 2024 ورقم الغرفة 2017 وفي 2000 موقع وباريس 2024 وكأس العالم 2030 و100 م و3 صفر وصلاة الجمعة.',
  'قال الوزير الثلاثاء إن اليوم العالمي في اليوم نفسه، وبعد عامين من الحرب وقبل شهر رمضان، و« فبراير » والمدير العام.',
  'منتصف 2020 وأواخر العام الماضي ونهاية 2021 ومطلع 2022 وبحلول 2030 وحتى 2025م و(2024) والعام 1999.',
].join('\n');

/** Called by the runner after text/warmup.ts's warmUpTextCore. */
export function warmUpDates(rounds = 3): void {
  const normalizer = normalizerFor('standard');
  const ref = parseRefDate('2024-03-12');
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    sink += extractDatesFlat(prepareFlat(SAMPLE, normalizer), { ref }).length;
    sink += extractDatesFlat(prepareFlat(SAMPLE, normalizer), {}).length;
  }
  if (sink < 0) throw new Error('unreachable');
}
