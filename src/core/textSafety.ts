/**
 * User text that looks like a formula must stay text in every output.
 */

/** Starts like a formula in Excel (also the full-width ＝ ＋ － ＠ that IMEs produce). */
export function looksLikeFormula(text: string): boolean {
  return (
    /^[=+\-@＝＋－＠]/.test(text) && !/^[-－]?\d[\d,]*(\.\d+)?%?$/.test(text) && !/^[-－―‐—]+$/.test(text)
  );
}

/** A CSV field Excel will not evaluate: formula-like text gets a leading apostrophe, then RFC 4180 quoting. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = looksLikeFormula(value) || /^[\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A value as Excel's `range.values` must receive it so that text stays text: a string that looks like
 * a formula (or starts with an apostrophe, which Excel would swallow) gets a leading apostrophe,
 * which Excel stores as "this is text" and does not show.
 */
export function asLiteralText<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return looksLikeFormula(value) || value.startsWith("'") ? `'${value}` : value;
}

/** C0 and C1 control characters (ESC, BEL, CR, NUL, DEL…) removed. A character loop, not a regular expression. */
export function stripControlChars(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && (c < 0x7f || c > 0x9f)) continue;
    out += text.slice(last, i);
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** At most `units` UTF-16 units, never ending in half a surrogate pair. */
export function truncateUnits(text: string, units: number): string {
  if (text.length <= units) return text;
  let end = units;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * Text for a terminal: control characters (ESC, BEL, CR, NUL, DEL, C1, bidi overrides, line
 * separators) shown as `\\u001b`-style escapes, so that a cell cannot retitle the window, move the
 * cursor or erase a line. Newline and tab are kept, and so are the exact sequences in `keep` (our own
 * colours). The escapes are JSON's too, so JSON text stays valid JSON meaning the same.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for (one class, linear)
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function terminalSafe(text: string, keep: readonly string[] = []): string {
  // Most text holds none of these: one native scan finds the first (or none) before the character loop.
  const first = text.search(TERMINAL_UNSAFE);
  if (first < 0) return text;
  let out = '';
  let last = 0;
  for (let i = first; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029;
    if (((c >= 0x20 && c < 0x7f) || c > 0x9f || c === 10 || c === 9) && !bidi) continue;
    const kept = c === 0x1b ? keep.find((k) => text.startsWith(k, i)) : undefined;
    if (kept) {
      i += kept.length - 1;
      continue;
    }
    out += `${text.slice(last, i)}\\u${c.toString(16).padStart(4, '0')}`;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

const WINDOWS_RESERVED = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'CONIN$',
  'CONOUT$',
  'COM1',
  'COM2',
  'COM3',
  'COM4',
  'COM5',
  'COM6',
  'COM7',
  'COM8',
  'COM9',
  'COM¹',
  'COM²',
  'COM³',
  'LPT1',
  'LPT2',
  'LPT3',
  'LPT4',
  'LPT5',
  'LPT6',
  'LPT7',
  'LPT8',
  'LPT9',
  'LPT¹',
  'LPT²',
  'LPT³',
]);
const FILE_NAME_BAD = '<>:"/\\|?*';
/** Longest file name stem we write, in UTF-16 units (every platform allows 255 for the whole name). */
const MAX_FILE_STEM = 120;

/**
 * A file name stem safe on Windows, macOS and Linux: NFC; control characters and <>:"/\\|?* replaced
 * by `_`; no trailing dots or spaces; Windows' reserved device names (CON, NUL, COM1…, also before an
 * extension) prefixed with `_`; never empty; not too long (without cutting a surrogate pair).
 */
export function safeFileStem(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || FILE_NAME_BAD.includes(ch) ? '_' : ch;
  }
  out = out.trim();
  let end = out.length;
  while (end > 0 && (out[end - 1] === '.' || out[end - 1] === ' ')) end -= 1;
  out = truncateUnits(out.slice(0, end), MAX_FILE_STEM);
  while (out.endsWith('.') || out.endsWith(' ')) out = out.slice(0, -1);
  if (out === '') return '_';
  const device = out.split('.')[0]!.trim().toUpperCase();
  return WINDOWS_RESERVED.has(device) ? `_${out}` : out;
}
