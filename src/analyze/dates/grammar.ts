/**
 * The grammar of Arabic date expressions: a hand-written parser over the token stream.
 *
 * At each token that can start a date, a handful of small recognizers try their pattern and
 * the longest match wins; the scan then continues after it. Every recognizer looks at a
 * bounded number of tokens (the longest pattern, a double dating with weekday and time, is
 * about 20 tokens), so the whole pass is linear in the number of tokens whatever the input.
 *
 * Recognizers return `Spec`s: what was written (day, month, year, weekday, offset...), not
 * values; `resolve.ts` turns them into ISO values against the reference date.
 *
 * Precision rules (decided here, tested in test/dates):
 *  - a bare number is a year only after سنة/عام, before هـ/م, inside parentheses (2024), after
 *    a month name, after a cue word (في، منذ، حتى، بحلول، مطلع...) when it has four digits in
 *    1900-2100 and no counted noun follows (في 2000 موقع is not a year), or in a year range;
 *  - an ambiguous month name (مارس, آب, رمضان, رجب, صفر...) needs a day, a year, شهر, a paired
 *    form or a relative word; Gregorian ones also accept a cue word (في مارس);
 *  - a weekday counts alone when unambiguous (الثلاثاء، الخميس...); الأحد، الاثنين، الجمعة need
 *    يوم, a part of day, a relative word, a modifier or a date; a weekday after صلاة/خطبة... never;
 *  - اليوم/الليلة are "today" unless a noun of "the day of" follows (اليوم العالمي، اليوم التالي,
 *    an ordinal) or they follow في without a weekday (مرتين في اليوم = per day);
 *  - a duration after منذ/قبل/بعد counts from the reference, except when من/على follows (بعد
 *    عامين من الحرب counts from the war) or the unit heads a date (قبل شهر رمضان، بعد يوم الجمعة).
 */
import { K_ARABIC, K_NUMBER, K_PUNCT } from '../../text/tokenize.js';
import { Calendar, Unit } from './types.js';
import { Reading, categoryBit as cb, roleBit as rb } from './lexicon.js';
import { Hit, SP_ARTICLE, SP_NUMBER, SP_PAREN, TokenView } from './tokens.js';

export interface Time { h: number; min?: number }

export interface DateSpec {
  t: 'date';
  cal: Calendar;
  y?: number;
  m?: number;
  d?: number;
  /** Weekday as written (ISO 1-7): evidence for the year when it is missing. */
  wd?: number;
  /** Month name with a modifier: -1 last (فبراير الماضي), 0 current (الجاري), 1 next (المقبل). */
  dir?: number;
  /** Year relative to the reference (فبراير من العام الماضي = -1). */
  yShift?: number;
  /** The other calendar's date in a double dating (الموافق). */
  alt?: DateSpec;
  time?: Time;
}
/** Reference moved by n units (اليوم، أمس، الأسبوع الماضي، منذ 3 أيام، هذا العام). */
export interface ShiftSpec { t: 'shift'; unit: Unit; n: number; time?: Time }
/** A weekday relative to the reference: dir -1 last, 1 next, 0 this week, null bare (most recent). */
export interface WeekdaySpec { t: 'weekday'; wd: number; dir: number | null; future: boolean; time?: Time }
/** Day of a month relative to the reference (21 من الشهر الجاري). */
export interface DomSpec { t: 'dom'; d: number; months: number; time?: Time }
/** n units before (dir -1) or after (dir 1) the reference (خلال الأيام الثلاثة المقبلة). */
export interface SpanSpec { t: 'span'; unit: Unit; n: number; dir: number }
/** A clock time with no day: the reference day. */
export interface TimeSpec { t: 'time'; time: Time }
export interface RangeSpec { t: 'range'; from: DateSpec; to: DateSpec }

export type Spec = DateSpec | ShiftSpec | WeekdaySpec | DomSpec | SpanSpec | TimeSpec | RangeSpec;

export interface Match {
  /** First token and the token after the last. */
  first: number;
  end: number;
  /** Normalized units of a clitic prefix (و، ب، ل) to cut from the first token. */
  trim: number;
  spec: Spec;
}

type DaySpec = DateSpec | ShiftSpec | WeekdaySpec | DomSpec;

interface DayNum { d: number; end: number; ordinal: boolean; trim: number }
interface MonthHit { m: number; cal: Calendar; amb: boolean; numberWord: boolean; word: boolean; paired: boolean; end: number; trim: number }
interface YearHit { y: number; era: 'h' | 'g' | null; end: number }

// Which recognizers can start at a token, by the bits of its readings (numbers, 'ال' and '('
// are tested apart). Most tokens have no reading and cost one comparison.
const ENDPOINT_START = cb('gmonth') | cb('hmonth') | cb('ordinal') | cb('weekday') | rb('day-word') | rb('year-word') | rb('years-word') | rb('month-word');
const RANGE_LEAD = rb('from') | rb('between') | rb('days-word') | rb('years-word');
const DAY_START = cb('tod') | rb('day-word') | cb('weekday') | cb('ordinal') | rb('month-word') | cb('gmonth') | cb('hmonth') | cb('relative');
const REL_START = rb('ago') | rb('ago-colloquial') | rb('after') | cb('pre-modifier') | cb('unit');
const TIME_START = rb('hour-word') | cb('ordinal');
const YEAR_START = rb('year-word') | rb('years-word');
const PRE_MODIFIER = cb('pre-modifier');

const DASHES = new Set(['-', '–', '—']);
const OPEN_QUOTES = new Set(['«', '"', '“', '„', "'", '‘']);
const CLOSE_QUOTES = new Set(['»', '"', '”', "'", '’']);
const COMMAS = new Set(['،', ',']);
// token forms are compared after normalization: على is written علي here
const TIME_JOINERS = new Set(['في', 'علي', 'عند', 'حوالي', 'نحو', 'وفي', 'وعند', 'مع']); // مع: Moroccan "at" (مع 18:00)
const MAX_DURATION = 999;

/** The longer of two matches (the first one on a tie). */
const longer = (best: Match | null, m: Match | null): Match | null => (m && (!best || m.end > best.end) ? m : best);
const trimOf = (h: Hit | null): number => (h && h.r.prefix > 0 ? h.r.prefix : 0);
const post = (r: Reading) => !r.entry.pre;

export class DateGrammar {
  constructor(private readonly v: TokenView) {}

  parseAll(): Match[] {
    const v = this.v;
    const out: Match[] = [];
    let i = 0;
    const mask = v.mask;
    const special = v.special;
    while (i < v.n) {
      // most tokens can start nothing: skip them without a call
      if (mask[i] === 0 && special[i] === 0) { i++; continue; }
      const m = this.at(i);
      if (!m) { i++; continue; }
      // السنة الجارية (2024): the document says which year it means
      if (m.spec.t === 'shift' && m.spec.unit === 'year' && v.is(m.end, '(')) {
        const y = this.yearExpr(m.end);
        if (y && y.spec.t === 'date' && v.is(y.end, ')')) { m.spec = y.spec; m.end = y.end + 1; }
      }
      out.push(m);
      i = m.end;
      // coordinated years: عام 2010 و2015، في 2019 و2020
      if (isYearOnly(m.spec)) {
        while (v.is(i, 'و') && v.isNum(i + 1) && v.digits[i + 1] === 4 && plausibleYear(v.num[i + 1])) {
          const y = this.yearNum(i + 1, true);
          if (!y) break;
          out.push({ first: i + 1, end: y.end, trim: 0, spec: { t: 'date', cal: y.era === 'h' ? 'hijri' : 'gregorian', y: y.y } });
          i = y.end;
        }
      }
    }
    return out;
  }

  /** Best (longest) match starting at token i, or null. */
  at(i: number): Match | null {
    const v = this.v;
    const mask = v.mask[i];
    let best: Match | null = null;
    if (mask === 0) {
      const sp = v.special[i];
      if (sp === 0) return null;
      if (sp === SP_NUMBER) {
        best = longer(best, this.range(i));
        best = longer(best, this.dayExpr(i));
        best = longer(best, this.timeExpr(i));
        best = longer(best, this.yearExpr(i));
      } else if (sp === SP_ARTICLE) {
        best = longer(best, this.dayExpr(i));
        best = longer(best, this.relUnit(i));
      } else if (sp === SP_PAREN) {
        best = longer(best, this.yearExpr(i));
      }
      return best;
    }
    if (mask & RANGE_LEAD) {
      const next = i + 1;
      if (v.isNum(next) || (v.mask[next] & ENDPOINT_START) !== 0 || v.is(next, 'ال')) best = longer(best, this.range(i));
    }
    if (mask & ENDPOINT_START) best = longer(best, this.range(i));
    if (mask & DAY_START) best = longer(best, this.dayExpr(i));
    if (mask & REL_START) best = longer(best, this.relUnit(i));
    if (mask & TIME_START) best = longer(best, this.timeExpr(i));
    if (mask & YEAR_START) best = longer(best, this.yearExpr(i));
    return best;
  }

  // ---------------------------------------------------------------- day-level expressions

  /** A day expression with an optional part of day before it and time or double dating after. */
  private dayExpr(i: number): Match | null {
    const v = this.v;
    const tod = v.cat(i, 'tod');
    if (tod) {
      // مساء الثلاثاء، صباح اليوم، فجر أمس، ليلة 27 رجب
      const inner = this.dayCore(tod.end, true);
      if (inner) return this.extend({ ...inner, first: i, trim: trimOf(tod) });
    }
    const core = this.dayCore(i, false);
    return core ? this.extend(core) : null;
  }

  private dayCore(i: number, hasCtx: boolean): Match | null {
    let best: Match | null = null;
    best = longer(best, this.fullDate(i, hasCtx));
    best = longer(best, this.numericDate(i));
    best = longer(best, this.relDay(i));
    best = longer(best, this.weekdayExpr(i, hasCtx));
    return best;
  }

  /** Adds a double dating (الموافق ...) and a clock time after a day-level match. */
  private extend(m: Match): Match {
    const v = this.v;
    this.doubleDating(m);
    const spec = m.spec as DaySpec;
    if (spec.t === 'date' && spec.d === undefined) return m;
    // time after the day: الثلاثاء 21 فبراير 2023 الساعة 5:16 مساء / ... في العاشرة صباحا
    let j = m.end;
    if (COMMAS.has(v.norm(j))) j++;
    if (TIME_JOINERS.has(v.norm(j))) j++;
    const t = this.timeCore(j);
    if (t && t.time) {
      spec.time = t.time;
      m.end = t.end;
    } else {
      // a bare part of day after the day (الثلاثاء مساء) belongs to the expression
      const tod = v.cat(m.end, 'tod');
      if (tod && !v.has(tod.end, 'weekday') && !v.has(tod.end, 'relative')) m.end = tod.end;
    }
    return m;
  }

  /** 14 رمضان 1445 هـ الموافق 24 مارس 2024 م / 21 فبراير 2023 (1 شعبان 1444): joins the other calendar's date. */
  private doubleDating(m: Match): Match {
    const v = this.v;
    const spec = m.spec;
    if (spec.t === 'date' && spec.d !== undefined) {
      let j = m.end;
      if (COMMAS.has(v.norm(j))) j++;
      let paren = false;
      if (v.is(j, '(')) { paren = true; j++; }
      else {
        const e = v.role(j, 'equiv');
        j = e > 0 ? e : -1;
      }
      if (j > 0) {
        const other = this.fullDate(j, true) ?? this.numericDate(j);
        const o = other?.spec;
        if (other && o && o.t === 'date' && o.d !== undefined && o.cal !== spec.cal) {
          spec.alt = o;
          m.end = other.end;
          if (paren && v.is(m.end, ')')) m.end++;
        }
      }
    }
    return m;
  }

  /**
   * Weekday, day, month, year in the orders news writes them:
   * [يوم] [الثلاثاء][،] [الموافق] (21 | الـ21 | الحادي والعشرين) [من] [شهر] فبراير[/شباط] [الجاري | [من] [عام] 2023 [م]]
   * and a month without a day: [شهر] فبراير [2023 | الماضي | من العام الماضي].
   */
  private fullDate(i: number, hasCtx: boolean): Match | null {
    const v = this.v;
    let j = i;
    let wd: number | undefined;
    let trim = 0;
    let ctx = hasCtx;
    const dw = v.role(i, 'day-word');
    if (dw > 0) {
      const w = v.cat(dw, 'weekday');
      if (w) { wd = w.r.entry.n; j = w.end; }
      else if (this.dayNum(dw)) j = dw;
      else j = -1;
      if (j > 0) { ctx = true; trim = trimOf(v.cat(i, 'ctx', (r) => r.entry.tag === 'day-word')); }
      else j = i;
    }
    if (wd === undefined && j === i) {
      const w = v.cat(i, 'weekday');
      if (w) { wd = w.r.entry.n; j = w.end; trim = trimOf(w); }
    }
    if (wd !== undefined) {
      const mod = v.cat(j, 'modifier', post);
      if (mod) j = mod.end;
      if (COMMAS.has(v.norm(j))) j++;
      const e = v.role(j, 'equiv');
      if (e > 0) j = e;
    }
    const dn = this.dayNum(j);
    // الأسبوع الثاني من أبريل is a week of April, not its second day
    if (dn && dn.ordinal && j === i && v.has(i - 1, 'unit')) return null;
    if (dn) {
      if (j === i) trim = dn.trim;
      let k = dn.end;
      const of = v.role(k, 'of');
      if (of > 0) k = of;
      const mon = this.month(k);
      if (!mon) {
        // 21 من الشهر الجاري / الماضي
        const u = v.cat(k, 'unit', (r) => r.article && r.entry.unit === 'month' && r.entry.n === 1 && r.prefix === 0);
        const mod = u ? v.cat(u.end, 'modifier', post) : null;
        if (u && mod) return { first: i, end: mod.end, trim, spec: { t: 'dom', d: dn.d, months: mod.r.entry.n } };
        return null;
      }
      if (mon.cal === 'gregorian' ? dn.d > 31 : dn.d > 30) return null;
      const spec: DateSpec = { t: 'date', cal: mon.cal, m: mon.m, d: dn.d, wd };
      const end = this.yearTail(mon.end, spec);
      // صفر is also "zero": 3 صفر is a score unless a year, شهر or an ordinal day says otherwise
      if (mon.numberWord && spec.y === undefined && !mon.word && !dn.ordinal) return null;
      return { first: i, end, trim, spec };
    }
    if (wd !== undefined) return null;
    const mon = this.month(i);
    if (!mon) return null;
    const spec: DateSpec = { t: 'date', cal: mon.cal, m: mon.m };
    const end = this.yearTail(mon.end, spec);
    const anchored = spec.y !== undefined || spec.dir !== undefined || spec.yShift !== undefined;
    if (mon.amb && !mon.word && !mon.paired && !anchored) {
      if (mon.cal === 'hijri') return null;
      if (!ctx && !this.cueBefore(i)) return null;
    }
    if (mon.numberWord && !mon.word && spec.y === undefined) return null;
    // « فبراير »: a month name alone between quotes is a title (the Moroccan daily Febrayer)
    if (!anchored && !mon.word && OPEN_QUOTES.has(v.norm(i - 1)) && CLOSE_QUOTES.has(v.norm(end))) return null;
    return { first: i, end, trim: mon.trim, spec };
  }

  /** After a month: modifier (الجاري), or [من] [عام|العام] YEAR [era], or من العام الماضي. */
  private yearTail(j: number, spec: DateSpec): number {
    const v = this.v;
    const mod = v.cat(j, 'modifier', post);
    if (mod) { spec.dir = mod.r.entry.n; return mod.end; }
    let k = j;
    const of = v.role(k, 'of');
    if (of > 0) k = of;
    const yw = v.role(k, 'year-word');
    if (yw > 0) {
      const ymod = v.cat(yw, 'modifier', post);
      if (ymod && v.cat(k, 'unit', (r) => r.article)) { spec.yShift = ymod.r.entry.n; return ymod.end; }
      k = yw;
    }
    const y = this.yearNum(k, true, spec.cal);
    if (!y) return j;
    if (y.era === 'h' && spec.cal === 'gregorian') return j; // a Gregorian month with a Hijri year is not one date
    spec.y = y.y;
    if (y.era === 'g' && spec.cal === 'hijri') return j;
    return y.end;
  }

  private dayNum(j: number): DayNum | null {
    const v = this.v;
    if (v.isNum(j) && v.digits[j] <= 2) {
      const d = v.num[j];
      return d >= 1 && d <= 31 ? { d, end: j + 1, ordinal: false, trim: 0 } : null;
    }
    if (v.is(j, 'ال') && v.isNum(j + 1) && v.digits[j + 1] <= 2 && v.touching(j)) {
      const d = v.num[j + 1];
      return d >= 1 && d <= 31 ? { d, end: j + 2, ordinal: true, trim: 0 } : null;
    }
    const o = v.cat(j, 'ordinal');
    if (o) return { d: o.r.entry.n, end: o.end, ordinal: true, trim: trimOf(o) };
    return null;
  }

  /** [شهر] MONTH [/ (PAIR)] */
  private month(j: number): MonthHit | null {
    const v = this.v;
    let k = j;
    let word = false;
    let trim = 0;
    const mw = v.role(j, 'month-word');
    if (mw > 0) { k = mw; word = true; trim = trimOf(v.cat(j, 'ctx', (r) => r.entry.tag === 'month-word')); }
    let h = v.cat(k, 'gmonth');
    let cal: Calendar = 'gregorian';
    if (!h) { h = v.cat(k, 'hmonth'); cal = 'hijri'; }
    if (!h) return null;
    if (!word) trim = trimOf(h);
    const e = h.r.entry;
    let end = h.end;
    let paired = false;
    if (cal === 'gregorian') {
      // paired forms: شباط/فبراير، فبراير (شباط)، فبراير - شباط
      const sep = v.norm(end);
      if ((sep === '/' || sep === '(' || DASHES.has(sep)) && v.sameLine(end - 1)) {
        const h2 = v.cat(end + 1, 'gmonth');
        if (h2 && h2.r.entry.n === e.n) {
          end = h2.end;
          paired = true;
          if (sep === '(' && v.is(end, ')')) end++;
        }
      } else if (v.sameLine(end - 1)) {
        // written side by side: يونيو حزيران
        const h2 = v.cat(end, 'gmonth', (r) => r.prefix === 0);
        if (h2 && h2.r.entry.n === e.n && h2.r.entry !== e) { end = h2.end; paired = true; }
      }
    }
    return { m: e.n, cal, amb: e.ambiguous, numberWord: e.numberWord, word, paired, end, trim };
  }

  /**
   * A year number at k. `strong`: the context already says "year" (سنة، a month before), so
   * three or four digits suffice; otherwise an era marker (هـ، م) is required.
   */
  private yearNum(k: number, strong: boolean, cal?: Calendar): YearHit | null {
    const v = this.v;
    if (!v.isNum(k)) return null;
    const y = v.num[k];
    const dg = v.digits[k];
    if (dg > 4 || (k > 0 && v.hasRole(k - 1, 'century'))) return null;
    let era: 'h' | 'g' | null = null;
    let end = k + 1;
    const eh = v.role(end, 'era-hijri');
    const eg = eh > 0 ? -1 : v.role(end, 'era-greg');
    if (eh > 0 && v.sameLine(k)) { era = 'h'; end = eh; }
    else if (eg > 0 && v.sameLine(k)) { era = 'g'; end = eg; }
    if (era === 'h') return y >= 1 && y <= 1600 ? { y, era, end } : null;
    if (era === 'g') {
      if (v.norm(eg - 1) === 'م') {
        // a lone م is also "metres" (100 م) and "million" (1095 م د): a year needs four digits
        // in 1000-2200, or a year context, and no currency letter after it
        if (v.kind(eg) === K_ARABIC && v.norm(eg).length === 1) return null;
        if (!strong && (dg < 4 || y < 1000)) return null;
      }
      return y >= 1 && y <= 2200 ? { y, era, end } : null;
    }
    if (!strong || dg < 3) return null;
    if (cal === 'hijri') return y >= 1 && y <= 1600 ? { y, era, end } : null;
    return y >= 100 && y <= 2200 ? { y, era, end } : null;
  }

  /** The token before i is a cue that lets a month or a four-digit number be a date. */
  private cueBefore(i: number): boolean {
    const v = this.v;
    if (i === 0) return false;
    return v.hasRole(i - 1, 'year-cue') || v.hasRole(i - 1, 'to') || v.hasRole(i - 1, 'from');
  }

  /** Dates in digits: 21/02/2023, 2023-02-21, 14-09-1432 هـ, 21.02.2023. */
  private numericDate(i: number): Match | null {
    const v = this.v;
    let a: number, b: number, c: number, da: number, dc: number, end: number;
    if (v.isNum(i)) {
      const sep = v.norm(i + 1);
      if (!(sep === '/' || sep === '-' || sep === '.') || !v.touching(i) || !v.touching(i + 1) || !v.isNum(i + 2)) return null;
      if (v.norm(i + 3) !== sep || !v.touching(i + 2) || !v.touching(i + 3) || !v.isNum(i + 4)) return null;
      a = v.num[i]; b = v.num[i + 2]; c = v.num[i + 4];
      da = v.digits[i]; dc = v.digits[i + 4];
      if (v.digits[i + 2] > 2) return null;
      end = i + 5;
    } else if (v.kind(i) === K_NUMBER) {
      const parts = v.norm(i).split('.');
      if (parts.length !== 3 || parts[1].length > 2) return null;
      a = Number(parts[0]); b = Number(parts[1]); c = Number(parts[2]);
      da = parts[0].length; dc = parts[2].length;
      end = i + 1;
    } else return null;
    let y: number, m: number, d: number;
    if (da === 4 && dc <= 2) { y = a; m = b; d = c; }
    else if (dc === 4 && da <= 2) { d = a; m = b; y = c; if (m > 12 && d <= 12) [m, d] = [d, m]; }
    else return null;
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    let cal: Calendar = y >= 1300 && y < 1500 ? 'hijri' : 'gregorian';
    const eh = v.role(end, 'era-hijri');
    const eg = eh > 0 ? -1 : v.role(end, 'era-greg');
    if (eh > 0) { cal = 'hijri'; end = eh; }
    else if (eg > 0) { cal = 'gregorian'; end = eg; }
    if (cal === 'gregorian' && (y < 1000 || y > 2200)) return null;
    if (cal === 'hijri' && (d > 30 || y > 1600)) return null;
    return { first: i, end, trim: 0, spec: { t: 'date', cal, y, m, d } };
  }

  /** اليوم، أمس، أول أمس، غدا، بكرة ... optionally with the weekday (اليوم الثلاثاء، أمس الاثنين). */
  private relDay(i: number): Match | null {
    const v = this.v;
    // يوم أمس، نهار اليوم
    const dw = v.role(i, 'day-word');
    if (dw > 0 && v.has(dw, 'relative') && !v.is(i, 'اليوم')) {
      const inner = this.relDay(dw);
      if (inner) return { ...inner, first: i, trim: trimOf(v.cat(i, 'ctx', (r) => r.entry.tag === 'day-word')) };
    }
    const h = v.cat(i, 'relative');
    if (!h) return null;
    const e = h.r.entry;
    const next = h.end;
    if (v.hasRole(next, 'today-head')) return null;
    if (e.n === 0 && h.r.article) {
      if (v.has(next, 'ordinal') || v.isNum(next)) return null;
      if (i > 0 && v.is(i - 1, 'في') && !v.has(next, 'weekday')) return null;
    }
    let end = h.end;
    const w = v.cat(end, 'weekday');
    if (w && w.r.prefix === 0) end = w.end;
    return { first: i, end, trim: trimOf(h), spec: { t: 'shift', unit: 'day', n: e.n } };
  }

  /** يوم الجمعة، الثلاثاء الماضي، الخميس المقبل، and bare weekdays where unambiguous. */
  private weekdayExpr(i: number, hasCtx: boolean): Match | null {
    const v = this.v;
    let j = i;
    let ctx = hasCtx;
    let trim = 0;
    const dw = v.role(i, 'day-word');
    if (dw > 0 && v.has(dw, 'weekday')) {
      j = dw;
      ctx = true;
      trim = trimOf(v.cat(i, 'ctx', (r) => r.entry.tag === 'day-word'));
    }
    const w = v.cat(j, 'weekday');
    if (!w) return null;
    if (j === i) trim = trimOf(w);
    if (i > 0 && v.hasRole(i - 1, 'weekday-head')) return null;
    if (v.hasRole(w.end, 'weekday-tail')) return null; // الأحد عشر = the eleven
    // من الأحد إلى الخميس: a weekly schedule, not a date
    if (v.hasRole(i - 1, 'to') && v.has(i - 2, 'weekday')) return null;
    if (v.hasRole(w.end, 'to') && v.has(w.end + 1, 'weekday')) return null;
    let end = w.end;
    let dir: number | null = null;
    const mod = v.cat(end, 'modifier', post);
    if (mod) { dir = mod.r.entry.n; end = mod.end; ctx = true; }
    if (!ctx && w.r.entry.ambiguous) return null;
    return { first: i, end, trim, spec: { t: 'weekday', wd: w.r.entry.n, dir, future: this.futureCue(i) } };
  }

  /** Token i starts a clause: first token, after punctuation, or after a line break. */
  private clauseStart(i: number): boolean {
    const v = this.v;
    if (i === 0) return true;
    const k = v.kind(i - 1);
    return k === K_PUNCT || !v.sameLine(i - 1);
  }

  private futureCue(i: number): boolean {
    const v = this.v;
    for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
      const s = v.norm(k);
      if (s === '.' || s === '؟' || s === '!') return false;
      if (v.hasRole(k, 'future-cue')) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- relative units

  /** منذ 3 أيام، قبل أسبوعين، بعد يومين، الأسبوع الماضي، هذا العام، هالشهر، الأيام الثلاثة المقبلة. */
  private relUnit(i: number): Match | null {
    const v = this.v;
    for (const role of ['ago', 'ago-colloquial', 'after'] as const) {
      const k = v.role(i, role);
      if (k < 0) continue;
      // colloquial من يومين (two days ago) opens its clause; elsewhere من + duration is mostly a
      // quantity (أكثر من 3 أيام، مكون من ثلاثة أيام، من 5 سنوات إلى سنتين)
      if (role === 'ago-colloquial' && !this.clauseStart(i)) continue;
      let j = k;
      if (v.is(j, 'مرور')) j++;
      const dur = this.duration(j);
      if (!dur) continue;
      const next = dur.end;
      if (v.is(next, 'من') || v.is(next, 'علي') || v.is(next, 'عن')) return null;
      if (role === 'ago-colloquial' && (dur.n === 1 || v.hasRole(next, 'to'))) continue;
      const sign = role === 'after' ? 1 : -1;
      return { first: i, end: dur.end, trim: 0, spec: { t: 'shift', unit: dur.unit, n: sign * dur.n } };
    }
    // هذا الأسبوع، هذه السنة
    // only start readings are pre-modifiers, and they set their own mask bit
    const pm = (v.mask[i] & PRE_MODIFIER) !== 0 ? v.cat(i, 'modifier', (r) => r.entry.pre) : null;
    if (pm) {
      const u = v.cat(pm.end, 'unit', (r) => r.article && r.entry.n === 1 && r.prefix === 0);
      if (u && u.r.entry.unit !== 'hour' && u.r.entry.unit !== 'minute') {
        return { first: i, end: u.end, trim: trimOf(pm), spec: { t: 'shift', unit: u.r.entry.unit!, n: 0 } };
      }
      return null;
    }
    // الـ24 ساعة الماضية
    if (v.is(i, 'ال') && v.isNum(i + 1) && v.touching(i)) {
      const n = v.num[i + 1];
      const u = v.cat(i + 2, 'unit', (r) => !r.article && r.entry.n !== 2);
      const mod = u ? v.cat(u.end, 'modifier', (r) => post(r) && r.entry.n !== 0) : null;
      if (u && mod && n >= 1 && n <= MAX_DURATION) {
        return { first: i, end: mod.end, trim: 0, spec: { t: 'span', unit: u.r.entry.unit!, n, dir: mod.r.entry.n } };
      }
      return null;
    }
    const u = v.cat(i, 'unit');
    if (!u) return null;
    const unit = u.r.entry.unit!;
    if (u.r.demonstrative) {
      return u.r.entry.n === 1 ? { first: i, end: u.end, trim: 0, spec: { t: 'shift', unit, n: 0 } } : null;
    }
    if (!u.r.article) return null;
    const count = u.r.entry.n;
    if (count === 1) {
      if (unit === 'year' && i > 0 && v.hasRole(i - 1, 'general-head')) return null;
      if (unit === 'day' || unit === 'hour' || unit === 'minute') return null; // اليوم is relDay; الساعة is a clock
      const mod = v.cat(u.end, 'modifier', post);
      if (!mod) return null;
      return { first: i, end: mod.end, trim: trimOf(u), spec: { t: 'shift', unit, n: mod.r.entry.n } };
    }
    let n = 2;
    let j = u.end;
    if (count === 0) {
      // الأيام الثلاثة، الساعات الـ24، الأشهر الستة
      const nw = v.cat(j, 'number', (r) => r.article);
      if (nw) { n = nw.r.entry.n; j = nw.end; }
      else if (v.is(j, 'ال') && v.isNum(j + 1) && v.touching(j)) { n = v.num[j + 1]; j += 2; }
      else if (v.isNum(j)) { n = v.num[j]; j += 1; }
      else return null;
    }
    const mod = v.cat(j, 'modifier', (r) => post(r) && r.entry.n !== 0);
    if (!mod || n < 1 || n > MAX_DURATION) return null;
    return { first: i, end: mod.end, trim: trimOf(u), spec: { t: 'span', unit, n, dir: mod.r.entry.n } };
  }

  /** 3 أيام، ثلاثة أشهر، خمسة وعشرين عاما، يومين، أسبوع — an indefinite duration. */
  private duration(j: number): { n: number; unit: Unit; end: number } | null {
    const v = this.v;
    let n = 0;
    let k = j;
    if (v.isNum(j)) {
      n = v.num[j];
      k = j + 1;
    } else {
      const nw = v.cat(j, 'number', (r) => !r.article && r.prefix === 0);
      if (nw) {
        n = nw.r.entry.n;
        k = nw.end;
        if (n < 10) {
          const tens = v.cat(k, 'number', (r) => r.prefix === 1 && r.entry.n >= 20 && r.entry.n < 100 && r.entry.n % 10 === 0);
          if (tens) { n += tens.r.entry.n; k = tens.end; }
        }
      }
    }
    if (k > j) {
      // minutes after منذ/بعد count match time or narrative far more often than the reference
      const u = v.cat(k, 'unit', (r) => !r.article && r.prefix === 0 && r.entry.unit !== 'minute');
      if (!u || n < 1 || n > MAX_DURATION) return null;
      return { n, unit: u.r.entry.unit!, end: u.end };
    }
    const u = v.cat(j, 'unit', (r) => !r.article && r.prefix === 0 && r.entry.n > 0 && r.entry.unit !== 'minute');
    if (!u) return null;
    // the unit heads a date, not a duration: قبل شهر رمضان، بعد يوم الجمعة، قبل عام 2020
    const next = u.end;
    if (v.isNum(next) || v.has(next, 'gmonth') || v.has(next, 'hmonth') || v.has(next, 'weekday') || v.has(next, 'relative') || v.has(next, 'ordinal')) return null;
    return { n: u.r.entry.n, unit: u.r.entry.unit!, end: u.end };
  }

  // ---------------------------------------------------------------- clock times

  /** A clock time, possibly followed by its day (الساعة الخامسة مساء أمس، العاشرة من صباح اليوم). */
  private timeExpr(i: number): Match | null {
    const v = this.v;
    const t = this.timeCore(i);
    if (!t || !t.time) return null;
    let j = t.end;
    if (v.is(j, 'من') && v.has(j + 1, 'tod')) {
      // التاسعة والنصف من مساء يوم الاثنين: the part of day sets the 12-hour reading
      const tod = v.cat(j + 1, 'tod');
      if (tod) {
        j = tod.end;
        if (!t.period) t.time.h = withPeriod(t.time.h, tod.r.entry.tag);
      }
    }
    const day = this.dayCore(j, true);
    if (day && (day.spec.t === 'date' ? day.spec.d !== undefined : true) && day.spec.t !== 'range') {
      const dated = this.doubleDating(day);
      (dated.spec as DaySpec).time = t.time;
      return { first: i, end: dated.end, trim: t.trim, spec: dated.spec };
    }
    return { first: i, end: t.end, trim: t.trim, spec: { t: 'time', time: t.time } };
  }

  /**
   * [الساعة] (H[:MM] | ordinal [والنصف|إلا ربعا]) [part of day]. Without الساعة the time needs
   * minutes (17:30) or a part of day (10 صباحا، الخامسة مساء).
   */
  private timeCore(i: number): { time: Time | null; end: number; trim: number; period: string } | null {
    const v = this.v;
    let j = i;
    let marker = false;
    let trim = 0;
    const hw = v.role(i, 'hour-word');
    if (hw > 0) { j = hw; marker = true; trim = trimOf(v.cat(i, 'ctx', (r) => r.entry.tag === 'hour-word')); }
    let h: number;
    let min: number | undefined;
    let end: number;
    let clock = false;
    let ordinalOne = false;
    if (v.isNum(j) && v.digits[j] <= 2) {
      h = v.num[j];
      end = j + 1;
      if (v.is(end, ':') && v.touching(j) && v.touching(end) && v.isNum(end + 1) && v.digits[end + 1] === 2) {
        min = v.num[end + 1];
        end += 2;
        clock = true;
      }
    } else {
      const o = v.cat(j, 'ordinal', (r) => r.entry.hour && r.prefix === 0);
      if (!o) return null;
      h = o.r.entry.n;
      end = o.end;
      ordinalOne = h === 1;
      const f = v.cat(end, 'fraction');
      if (f) {
        const mins = f.r.entry.n;
        if (mins < 0) { h = h === 1 ? 12 : h - 1; min = 60 + mins; }
        else min = mins;
        end = f.end;
      }
    }
    if (min === undefined && v.is(end, 'و') && v.isNum(end + 1) && v.num[end + 1] < 60 && v.cat(end + 2, 'unit', (r) => r.entry.unit === 'minute')) {
      min = v.num[end + 1];
      end = v.cat(end + 2, 'unit')!.end;
    }
    let period = '';
    const tod = v.cat(end, 'tod', (r) => r.prefix === 0);
    if (tod) { period = tod.r.entry.tag; end = tod.end; }
    else if (clock && (v.is(end, 'م') || v.is(end, 'ص'))) { period = v.is(end, 'م') ? 'evening' : 'morning'; end++; }
    // العاشرة من صباح اليوم: the part of day follows من (timeExpr applies it)
    // (not after a unit: الساعات الأولى من صباح اليوم is "the first hours of this morning")
    const periodAfterOf = !period && v.is(end, 'من') && v.has(end + 1, 'tod') && !v.has(i - 1, 'unit');
    if (!marker && !clock && !period && !periodAfterOf) return null;
    // الساعة الواحدة alone is also "one hour" (تكلفة الساعة الواحدة)
    if (ordinalOne && min === undefined && !period && !periodAfterOf) return null;
    if (!marker && !clock && v.isNum(j) && h > 12) return null;
    if (min !== undefined && min > 59) return null;
    h = withPeriod(h, period);
    if (h > 23) return null;
    return { time: min === undefined ? { h } : { h, min }, end, trim, period };
  }

  // ---------------------------------------------------------------- years and ranges

  /** سنة 2024، عام 1445 هـ، (2024)، 2024م، في 2025، منذ 2011. */
  private yearExpr(i: number): Match | null {
    const v = this.v;
    const yw = Math.max(v.role(i, 'year-word'), v.role(i, 'years-word'));
    if (yw > 0) {
      const y = this.yearNum(yw, true);
      if (!y) return null;
      const trim = trimOf(v.cat(i, 'ctx', (r) => r.entry.tag === 'year-word' || r.entry.tag === 'years-word'));
      return { first: i, end: y.end, trim, spec: { t: 'date', cal: y.era === 'h' ? 'hijri' : 'gregorian', y: y.y } };
    }
    if (v.is(i, '(') && v.isNum(i + 1) && v.digits[i + 1] === 4 && plausibleYear(v.num[i + 1])) {
      const y = this.yearNum(i + 1, true);
      if (y && v.is(y.end, ')')) return { first: i + 1, end: y.end, trim: 0, spec: { t: 'date', cal: y.era === 'h' ? 'hijri' : 'gregorian', y: y.y } };
      return null;
    }
    if (!v.isNum(i)) return null;
    const withEra = this.yearNum(i, false);
    if (withEra) return { first: i, end: withEra.end, trim: 0, spec: { t: 'date', cal: withEra.era === 'h' ? 'hijri' : 'gregorian', y: withEra.y } };
    if (v.digits[i] === 4 && plausibleYear(v.num[i]) && i > 0 && v.hasRole(i - 1, 'year-cue') && !this.countedNounAfter(i + 1) &&
      !v.hasRole(i - 2, 'quantity-head')) {
      return { first: i, end: i + 1, trim: 0, spec: { t: 'date', cal: 'gregorian', y: v.num[i] } };
    }
    return null;
  }

  /** An indefinite word after a number reads as what is counted (في 2000 موقع). */
  private countedNounAfter(j: number): boolean {
    const v = this.v;
    if (j >= v.n || v.kind(j) !== K_ARABIC || !v.sameLine(j - 1)) return false;
    const s = v.norm(j);
    if (s.startsWith('ال') || s.startsWith('و') || s.startsWith('ف')) return false;
    if (v.known(j)) return false;
    return true;
  }

  /**
   * من X إلى Y، بين X و Y، يومي 25 و26 يونيو، X-Y; the left end borrows the month, year and
   * calendar it lacks from the right one (من 13 إلى 15 يوليو 2023).
   */
  private range(i: number): Match | null {
    const v = this.v;
    let j = i;
    let lead: 'from' | 'between' | 'days' | null = null;
    let k: number;
    if ((k = v.role(i, 'from')) > 0) { lead = 'from'; j = k; }
    else if ((k = v.role(i, 'between')) > 0) { lead = 'between'; j = k; }
    else if ((k = v.role(i, 'days-word')) > 0) { lead = 'days'; j = k; }
    if (lead !== 'days' && (k = v.role(j, 'years-word')) > 0) j = k;
    const left = this.endpoint(j, true);
    if (!left) return null;
    let c = left.end;
    if (lead === 'from' && (k = v.role(c, 'to')) > 0) c = v.is(k, 'ل') && v.touching(k) ? k + 1 : k;
    else if ((lead === 'between' || lead === 'days') && v.is(c, 'و')) c++;
    else if ((lead === 'between' || lead === 'days') && v.norm(c).startsWith('و') && !v.isNum(c)) { /* glued: ومايو 2023 */ }
    else if (DASHES.has(v.norm(c)) && v.sameLine(c - 1) && v.sameLine(c)) c++;
    else if (v.is(c, '/') && left.spec.m !== undefined && left.spec.d !== undefined) c++;
    else return null;
    const right = this.endpoint(c, lead !== null);
    if (!right) return null;
    const a = left.spec;
    const b = right.spec;
    if (a.d !== undefined && a.m === undefined) {
      if (b.d === undefined || b.m === undefined) return null;
      a.m = b.m; a.cal = b.cal;
    }
    if (a.m !== undefined && b.m === undefined) return null;
    if (a.y === undefined && b.y !== undefined && a.m !== undefined && a.cal === b.cal) a.y = b.y;
    if (a.y === undefined && a.dir === undefined && b.dir !== undefined) a.dir = b.dir;
    if (a.y === undefined && a.yShift === undefined && b.yShift !== undefined) a.yShift = b.yShift;
    if ((a.d === undefined) !== (b.d === undefined) || (a.m === undefined) !== (b.m === undefined)) return null;
    if (a.m === undefined) {
      // years: plausible and increasing
      if (a.y === undefined || b.y === undefined || a.y >= b.y || b.y - a.y > 200) return null;
      if (lead === null && !(plausibleYear(a.y) && plausibleYear(b.y))) return null;
    } else if (a.y === b.y && a.m === b.m && a.cal === b.cal && a.d !== undefined && b.d !== undefined && a.d >= b.d) {
      return null;
    }
    return { first: i, end: right.end, trim: this.leadTrim(i, lead), spec: { t: 'range', from: a, to: b } };
  }

  private leadTrim(i: number, lead: string | null): number {
    if (!lead) return 0;
    return trimOf(this.v.cat(i, 'ctx', (r) => r.entry.tag === lead));
  }

  /** One end of a range: a full date, a month, a bare day (left end) or a year. */
  private endpoint(j: number, ctx: boolean): { spec: DateSpec; end: number } | null {
    const v = this.v;
    const fd = this.fullDate(j, true);
    if (fd && fd.spec.t === 'date') return { spec: fd.spec, end: fd.end };
    const nd = this.numericDate(j);
    if (nd) return { spec: nd.spec as DateSpec, end: nd.end };
    let k = j;
    const yw = v.role(j, 'year-word');
    if (yw > 0) k = yw;
    if (v.isNum(k) && v.digits[k] === 4) {
      const y = this.yearNum(k, true);
      if (y && (yw > 0 || ctx || plausibleYear(y.y))) return { spec: { t: 'date', cal: y.era === 'h' ? 'hijri' : 'gregorian', y: y.y }, end: y.end };
      return null;
    }
    // [يوم] [الاثنين] 10 (the left end of من الاثنين 10 إلى الجمعة 14 أكتوبر)
    let k2 = j;
    const dw = v.role(k2, 'day-word');
    if (dw > 0) k2 = dw;
    const w = v.cat(k2, 'weekday');
    if (w) k2 = w.end;
    const dn = this.dayNum(k2);
    if (dn) return { spec: { t: 'date', cal: 'gregorian', d: dn.d, wd: w?.r.entry.n }, end: dn.end };
    return null;
  }
}

/** The 24-hour reading of a 12-hour clock time with its part of day (الخامسة مساء = 17). */
function withPeriod(h: number, period: string): number {
  if (period === 'evening' || period === 'afternoon') return h < 12 ? h + 12 : h;
  if (period === 'night') return h >= 6 && h < 12 ? h + 12 : h === 12 ? 0 : h;
  if (period === 'noon') return h >= 1 && h <= 4 ? h + 12 : h;
  if (period === 'morning') return h === 12 ? 0 : h;
  return h;
}

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

function isYearOnly(s: Spec): boolean {
  return (s.t === 'date' && s.m === undefined && s.y !== undefined) || (s.t === 'range' && s.to.m === undefined);
}
