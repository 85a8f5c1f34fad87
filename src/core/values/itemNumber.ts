import type { CellValue } from '../grid';
import { cellText, cleanText } from './text';

/** Circled and parenthesised numbers used for item numbers, with the number they stand for. */
function circledValue(ch: string): number | null {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1; // ①–⑳
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21; // ㉑–㉟
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36; // ㊱–㊿
  if (c >= 0x2474 && c <= 0x2487) return c - 0x2474 + 1; // ⑴–⒇
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1; // ❶–❿
  return null;
}

/** `[...text].length === 1` without making the array. */
function isOneCodePoint(text: string): boolean {
  if (text.length === 1) return true;
  if (text.length !== 2) return false;
  const high = text.charCodeAt(0);
  const low = text.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

export function parseItemNumber(v: CellValue): { text: string; value: number | null } {
  if (typeof v === 'number') return { text: cellText(v), value: itemNumberValue(v, '') };
  const text = cleanText(cellText(v));
  return { text, value: itemNumberValue(v, text) };
}

/**
 * parseItemNumber(v).value without making the object, for a cell whose text the caller has read already:
 * `text` is cleanText(cellText(v)) (for a number it is not looked at).
 */
export function itemNumberValue(v: CellValue, text: string): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (text === '') return null;
  if (isOneCodePoint(text)) {
    const circled = circledValue(text);
    if (circled !== null) return circled;
  }
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(?:no\.?|№|#)?[(]?(\d{1,4})[)]?[.、:]?$/i.exec(t);
  return m ? Number(m[1]) : null;
}

/** A short cell that reads as an item number (not a sentence that starts with one). */
export function looksLikeItemNumber(v: CellValue): boolean {
  return parseItemNumber(v).value !== null;
}
