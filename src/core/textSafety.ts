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
