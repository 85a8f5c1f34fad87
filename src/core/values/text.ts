import { isCellError, type CellValue } from '../grid';

/**
 * Dash-like characters that mean "not applicable" in real sheets. NFKC folds － (U+FF0D) to '-',
 * but not ― (U+2015), − (U+2212), ‐ (U+2010), — (U+2014) or – (U+2013): hence an explicit table.
 */
const DASHES = ['-', '－', '―', '‐', '—', '−', '–', '‑', 'ー', '─', '━'];
const DASH_CODES: ReadonlySet<number> = new Set(DASHES.map((d) => d.charCodeAt(0)));
const DASH_RE = new RegExp(`[${DASHES.map((d) => (d === '-' ? '\\-' : d)).join('')}]`, 'g');

/** Spaces real cells are padded with: ASCII, U+3000 (full-width) and NBSP. */
const EDGE_SPACES = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Text of a cell as a person would read it (dates as yyyy-mm-dd, errors as their code). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    // Whole numbers print exactly; others are rounded to Excel's 15 significant digits.
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : '';
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    return Number.isNaN(v.getTime())
      ? ''
      : `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1, 2)}-${pad(v.getUTCDate(), 2)}`;
  }
  if (isCellError(v)) return v.error;
  return '';
}

/** Trimmed (ASCII, full-width and no-break spaces), with line breaks as LF. */
export function cleanText(s: string): string {
  // Most cells need nothing done: skip the two regular expressions for them.
  if (
    s === '' ||
    (!s.includes('\r') && !mayBeSpace(s.charCodeAt(0)) && !mayBeSpace(s.charCodeAt(s.length - 1)))
  )
    return s;
  return s.replace(/\r\n?/g, '\n').replace(EDGE_SPACES, '');
}

/** Whether a UTF-16 code unit is white space as a regular expression's `\s` takes it (U+3000 and NBSP included). */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether a character may be one `\s`, U+3000 or NBSP match: every one of them, and a few more (C0
 * controls, NEL). It only decides whether to run a regular expression, so a superset is safe.
 */
export function mayBeSpace(code: number): boolean {
  return code <= 0x20 || code === 0x85 || isSpaceCode(code);
}

/**
 * Whether folding leaves a text as it is: every character is a CJK ideograph (U+4E00–9FFF), hiragana,
 * katakana (ァ–ヶ), 【】, an ASCII digit or lower-case letter — none of which NFKC maps, none a space, a dash or
 * upper case, and none a combining mark that could compose with its neighbour. Most item names and
 * cells are; checking is much cheaper than normalizing.
 */
export function foldsToItself(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3041 && c <= 0x3096) ||
      (c >= 0x30a1 && c <= 0x30f6) ||
      c === 0x3010 ||
      c === 0x3011 ||
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x61 && c <= 0x7a)
    )
      continue;
    return false;
  }
  return true;
}

/** For matching headers and keywords: NFKC, no whitespace, dashes unified to '-', lower case. */
export function foldForMatch(s: string): string {
  if (foldsToItself(s)) return s;
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(DASH_RE, '-')
    .toLowerCase();
}

/** A cell that says "not applicable": dashes only (any kind, any number), or 該当なし. */
export function isDashOnly(s: string): boolean {
  // Text whose first character that may not be a space is no dash and no 該 (most cells) is not one:
  // spaces removed, it would start with that character. No regular expression for it.
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (mayBeSpace(code)) continue;
    if (!DASH_CODES.has(code) && code !== 0x8a72) return false;
    break;
  }
  const t = s.replace(/[\s\u3000\u00a0]+/g, '');
  if (t === '') return false;
  if (t === '該当なし' || t === '該当無し') return true;
  return t.replace(DASH_RE, '') === '';
}
