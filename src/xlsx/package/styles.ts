/**
 * The styles part, as far as reading values needs it: each cell style's number format, and whether
 * that format shows a date (so that a serial number is read as the date Excel shows).
 */
import { XmlScanner } from './xml';

/**
 * Built-in number formats (ECMA-376 §18.8.30) as Japanese Excel shows them. 27–36 and 50–58 are the
 * East Asian date formats (ExcelJS knows no code for them, so it read such dates as plain numbers).
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

/**
 * Whether a format code shows a date or time: a date/time letter outside quotes, brackets and escapes.
 * `[h]` elapsed hours count too. A character loop, not a regular expression.
 */
export function isDateFormat(code: string): boolean {
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return false;
      const inner = code.slice(i + 1, end).toLowerCase();
      if (
        inner === 'h' ||
        inner === 'hh' ||
        inner === 'm' ||
        inner === 'mm' ||
        inner === 's' ||
        inner === 'ss'
      )
        return true;
      i = end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i += 1;
    else if ('ymdhsbeg'.includes(ch) || 'YMDHS'.includes(ch)) {
      // 'General' is a word, not a format of e and g letters.
      if ((ch === 'G' || ch === 'g') && code.slice(i, i + 7).toLowerCase() === 'general') {
        i += 6;
        continue;
      }
      if (ch === 'e' && /* 0.00E+00 is scientific */ (code[i - 1] === 'E' || code[i + 1] === '+')) continue;
      return true;
    }
  }
  return false;
}

export class Styles {
  /** Per cell style (xf index): its number format code, undefined for General. */
  private readonly formats: (string | undefined)[] = [];
  private readonly dates: boolean[] = [];

  constructor(numFmtIds: readonly number[], custom: ReadonlyMap<number, string>) {
    for (const id of numFmtIds) {
      const code = id === 0 ? undefined : (custom.get(id) ?? BUILT_IN[id]);
      this.formats.push(code === 'General' ? undefined : code);
      this.dates.push(code !== undefined && isDateFormat(code));
    }
  }

  format(style: number): string | undefined {
    return this.formats[style];
  }

  isDate(style: number): boolean {
    return this.dates[style] === true;
  }
}

export const NO_STYLES = new Styles([], new Map());

/** Limit on cell styles (Excel's own is 64,000). */
const MAX_STYLES = 65_536;

/** Reads the styles part's `numFmts` and `cellXfs`. */
export function readStyles(xml: Iterable<string>): Styles {
  const scanner = new XmlScanner();
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  const source = xml[Symbol.iterator]();
  for (;;) {
    const token = scanner.next();
    if (token === 'end') break;
    if (token === 'need') {
      const next = source.next();
      if (next.done) scanner.end();
      else scanner.push(next.value);
      continue;
    }
    if (token === 'open') {
      if (scanner.local === 'numFmt') {
        const id = Number(scanner.attr('numFmtId'));
        const code = scanner.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (scanner.local === 'cellXfs') inCellXfs = !scanner.selfClosing;
      else if (inCellXfs && scanner.local === 'xf') {
        if (ids.length >= MAX_STYLES) break;
        ids.push(Number(scanner.attr('numFmtId') ?? 0) || 0);
      }
    } else if (token === 'close' && scanner.local === 'cellXfs') inCellXfs = false;
  }
  return new Styles(ids, custom);
}
