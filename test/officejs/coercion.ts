/**
 * What Excel makes of a string written through `range.values` on an en-US host (Office.js always
 * parses in en-US): a leading apostrophe marks text; `=` starts a formula (`+`, `-` and `@` before
 * something that is not a number, too); numbers with thousands separators, a currency sign, a
 * percent sign or accounting parentheses become numbers; `1/2`, `4-1`, `2020-04-01` become dates
 * (serial numbers with a date format); `5:30` a time; `TRUE`/`FALSE` booleans. A cell formatted as
 * Text (`@`) keeps any string as it is. Written from Microsoft's documentation of Excel's entry
 * rules, for the simulated host only.
 */
export type Coerced =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; format?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string };

/** The year Excel assumes for a date typed without one (the simulated host's "today"). */
export const CURRENT_YEAR = 2026;

const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?(%)?$/;

function parseNumber(text: string): { value: number; format?: string } | null {
  let body = text.trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    body = paren[1]!.trim();
    negative = true;
  }
  const m = NUMBER.exec(body);
  if (!m || (m[3] === undefined && m[4] === undefined)) return null;
  if (paren && m[1]) return null;
  const digits = `${(m[3] ?? '0').replace(/,/g, '')}.${m[4] ?? '0'}e${m[5] ?? '0'}`;
  let value = Number(digits);
  if (m[1] === '-') negative = !negative;
  if (m[6]) value /= 100;
  const format = m[6] ? '0%' : m[2] ? '$#,##0' : m[3]?.includes(',') ? '#,##0' : undefined;
  return { value: negative ? -value : value, ...(format ? { format } : {}) };
}

/** Days from 1899-12-30 (Excel's serial date, 1900 system). */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = Date.UTC(year, month - 1, day);
  if (new Date(date).getUTCDate() !== day) return null;
  return Math.round((date - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function parseDate(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    let year = m[4] === undefined ? CURRENT_YEAR : Number(m[4]);
    if (m[4]?.length === 2) year += year < 30 ? 2000 : 1900;
    return serial(year, Number(m[1]), Number(m[3]));
  }
  return null;
}

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text.trim());
  if (!m) return null;
  let hours = Number(m[1]);
  if (m[4]) {
    if (hours > 12) return null;
    hours = (hours % 12) + (/p/i.test(m[4]) ? 12 : 0);
  }
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? 0);
  if (minutes > 59 || seconds > 59) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** What a cell holds after `value` is written to it, given its number format. */
export function coerce(value: string | number | boolean | null, numberFormat: string): Coerced {
  if (value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (numberFormat === '@') return { kind: 'text', value };
  if (value.startsWith("'")) return { kind: 'text', value: value.slice(1) };
  if (value.length > 1 && value.startsWith('=')) return { kind: 'formula', formula: value };
  const upper = value.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  const number = parseNumber(value);
  if (number) return { kind: 'number', ...number };
  const date = parseDate(value);
  if (date !== null) return { kind: 'number', value: date, format: 'm/d/yyyy' };
  const time = parseTime(value);
  if (time !== null) return { kind: 'number', value: time, format: 'h:mm' };
  if (value.length > 1 && /^[+\-@]/.test(value)) return { kind: 'formula', formula: `=${value}` };
  return { kind: 'text', value };
}
