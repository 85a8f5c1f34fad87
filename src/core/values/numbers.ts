/**
 * Indicator targets and actuals as people type them: full-width digits, thousands separators,
 * `%`, ▲/△ for minus, a unit after the number, a year tag `(R1)` for a figure from another year,
 * dashes for not applicable, or plain text such as `(年度毎に決定)`.
 */
import type { CellValue } from '../grid';
import type { ParsedValue } from '../model';
import { cellText, cleanText, isDashOnly } from './text';
import { parseFiscalYear } from './years';

export type ParsedCellValue = Omit<ParsedValue, 'source'>;

const UNITS = [
  '千円',
  '万円',
  '億円',
  '円',
  '人',
  '件',
  '時間',
  '団体',
  '箇所',
  'か所',
  'ヶ所',
  '施設',
  '校',
  '回',
  '日',
  '台',
  '本',
  '世帯',
  '社',
  '店',
  '基',
  '戸',
  'km',
  'm',
  't',
  'kg',
  'g',
];
/** Exported for the test that holds unitMatch to it. */
export const UNIT_RE = new RegExp(
  `^(.*?)(${UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
);
/**
 * The last characters of the units: UNIT_RE can only match a text that ends with one (every unit is
 * non-empty), so a text ending otherwise (most figures end with a digit) skips its long alternation.
 */
const UNIT_ENDS: ReadonlySet<number> = new Set(UNITS.map((u) => u.charCodeAt(u.length - 1)));

/** UNIT_RE.exec(body), without running it when no unit can end the text. */
export function unitMatch(body: string): RegExpExecArray | null {
  return body !== '' && UNIT_ENDS.has(body.charCodeAt(body.length - 1)) ? UNIT_RE.exec(body) : null;
}

const TAG_RE = /^(.*?)[(（]\s*([^()（）]{1,8})\s*[)）]$/;
const NUMBER_RE = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

function blank(raw: string): ParsedCellValue {
  return { raw, kind: 'blank', value: null, percent: false, unit: null, yearTag: null };
}

function textValue(raw: string): ParsedCellValue {
  return { raw, kind: 'text', value: null, percent: false, unit: null, yearTag: null };
}

/** A number format that shows a percentage (a `%` outside quoted text). */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  return !!numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, ''));
}

/** A number cell's value in its own unit: a percentage format's 0.401 is 40.1. */
export function numberCellValue(v: number, percent: boolean): number {
  return percent ? Number((v * 100).toPrecision(12)) : v;
}

export function parseIndicatorValue(v: CellValue, numberFormat?: string): ParsedCellValue {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return blank('');
    const percent = isPercentFormat(numberFormat);
    const value = numberCellValue(v, percent);
    return {
      raw: percent ? `${value}%` : cellText(v),
      kind: 'number',
      value,
      percent,
      unit: null,
      yearTag: null,
    };
  }
  if (v === null || typeof v === 'boolean' || v instanceof Date || typeof v !== 'string') {
    const raw = cellText(v);
    return raw === '' ? blank('') : textValue(raw);
  }
  const raw = cleanText(v);
  if (raw === '') return blank('');
  if (isDashOnly(raw)) return { ...blank(raw), kind: 'notApplicable' };

  let body = raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  let yearTag = null;
  const tag = TAG_RE.exec(body);
  if (tag) {
    const year = parseFiscalYear(tag[2]!);
    if (year) {
      yearTag = year;
      body = tag[1]!.trim();
    }
  }
  if (body === '' || isDashOnly(body)) {
    return {
      raw,
      kind: yearTag ? 'notApplicable' : 'blank',
      value: null,
      percent: false,
      unit: null,
      yearTag,
    };
  }
  let sign = 1;
  if (/^[▲△]/.test(body)) {
    sign = -1;
    body = body.slice(1).trim();
  } else if (/^[−‐―–]/.test(body)) {
    sign = -1;
    body = body.slice(1).trim();
  }
  let percent = false;
  if (/%$/.test(body)) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  let unit: string | null = null;
  if (!percent) {
    const withUnit = unitMatch(body);
    if (withUnit && withUnit[1]!.trim() !== '' && NUMBER_RE.test(withUnit[1]!.trim())) {
      unit = withUnit[2]!;
      body = withUnit[1]!.trim();
    }
  }
  if (body === '' || !NUMBER_RE.test(body) || !/\d/.test(body)) return { ...textValue(raw), yearTag };
  const value = sign * Number(body.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ...textValue(raw), yearTag };
  return { raw, kind: 'number', value, percent, unit, yearTag };
}

/**
 * `-1234567` → `-1,234,567`, as toLocaleString('en-US') groups a whole number, without Intl (slow
 * enough to matter at 100,000 items). Text that is not a whole number's digits is returned as it is.
 */
export function groupIntegerText(text: string): string {
  const start = text.startsWith('-') ? 1 : 0;
  if (start === text.length) return text;
  for (let i = start; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return text;
  }
  let out = '';
  for (let end = text.length; end > start; end -= 3)
    out = `${text.slice(Math.max(start, end - 3), end)}${out === '' ? '' : ','}${out}`;
  return `${text.slice(0, start)}${out}`;
}

/** 88210 → 88,210. */
function groupThousands(n: number): string {
  // Whole numbers below 1,000 (most figures) print as they are: toPrecision(12) keeps them exact.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const [int, frac] = String(Number(n.toPrecision(12))).split('.');
  const grouped = groupIntegerText(int!);
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A value for messages: `40.1`, `▲3%` → `-3%`, `39.6 (R1)`, or the text. */
export function formatParsedValue(
  p: Pick<ParsedValue, 'raw' | 'kind' | 'value' | 'percent' | 'unit' | 'yearTag'>,
): string {
  if (p.kind !== 'number' || p.value === null) return p.raw === '' ? '—' : p.raw;
  const number = `${groupThousands(p.value)}${p.percent ? '%' : ''}${p.unit ?? ''}`;
  return p.yearTag ? `${number} (${p.yearTag})` : number;
}
