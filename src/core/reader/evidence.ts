/**
 * Positive evidence that a table is a plan table: its status columns hold marks (of the scale in force,
 * or grades of another scale), not numbers, years or free text; its item rows name items, not units
 * (千円, 人) or numeric codes. A data sheet that happens to have a row reading like a header (a unit
 * 「項目」 under an item-like column, an era year 昭和49 under a year-like one) fails both.
 */
import type { CellValue } from '../grid';
import { ANY_SCALE_TOKENS } from '../scales';
import { cellText, cleanText, foldsToItself, isDashOnly } from '../values/text';
import type { MarkParse } from '../values/marks';

/** What one status cell says about its column. */
export type StatusEvidence = 'empty' | 'mark' | 'gradeLike' | 'other';

/** Near misses people type for a mark (△, 済, ○○, ■): still a status column, with unknown marks. */
const NEAR_MISS = /^([△▽∆■◆●◇☆★×✕✓✔]|済|[◯〇○◎◉]{2,}|[◯〇○◎◉□▲△](\/|・|、)?[◯〇○◎◉□▲△])$/;

export function statusEvidence(value: CellValue, parsed: MarkParse): StatusEvidence {
  if (parsed.kind === 'blank' || parsed.kind === 'notApplicable') return 'empty';
  if (parsed.kind === 'mark') return 'mark';
  if (typeof value !== 'string') return 'other';
  const text = cleanText(cellText(value)).replace(/[\s\u3000]+/g, '');
  if (isDashOnly(text)) return 'empty';
  // Digits make it a number, a year (昭和49) or a code: never a grade.
  if (text.length > 6 || /[0-9０-９]/.test(text)) return 'other';
  if (ANY_SCALE_TOKENS.has(text) || ANY_SCALE_TOKENS.has(text.normalize('NFKC'))) return 'gradeLike';
  return NEAR_MISS.test(text) ? 'gradeLike' : 'other';
}

/** Counts of one status column's cells over a table's rows. */
export interface ColumnEvidence {
  filled: number;
  marks: number;
  gradeLike: number;
}

/** A status column whose filled cells are mostly marks or grades; an empty column says nothing either way. */
export function isStatusColumn(e: ColumnEvidence): boolean {
  return e.filled === 0 || (e.marks + e.gradeLike) * 2 >= e.filled;
}

const UNIT_WORDS =
  '円|人|件|回|日|時間|分|t|kg|g|l|m|km|㎡|m2|ha|%|箇所|か所|ヶ所|カ所|世帯|団体|団地|基|地点|海域|個|本|台|冊|校|園|施設|社|戸|棟|名|枚|頭|匹|項目|品目|点|路線|区間|日数|人日|人回|件数|ポイント|倍|割|年|月|週|床|席|区画|筆|kw|kwh|mwh'.split(
    '|',
  );
const UNIT = `(${UNIT_WORDS.join('|')})`;
/** Exported for the test that holds isUnitText to it. */
export const UNIT_TEXT = new RegExp(`^(千|百万|万|億|十)?${UNIT}([/／・]${UNIT})?$`);
/** The last characters of the units: a unit text ends with one (every unit is non-empty). */
const UNIT_ENDS: ReadonlySet<number> = new Set(UNIT_WORDS.map((u) => u.charCodeAt(u.length - 1)));

/** UNIT_TEXT.test(text), without running its long alternation on a text no unit can end (most names). */
export function isUnitText(text: string): boolean {
  return text !== '' && UNIT_ENDS.has(text.charCodeAt(text.length - 1)) && UNIT_TEXT.test(text);
}

/** Item names that are no item: a unit (千円, 人, 個/㎡) or a numeric code (0086, 10103). */
export function isItemName(name: string): boolean {
  const text = foldsToItself(name) ? name : name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (text === '') return false;
  if (/^[0-9.,-]+$/.test(text)) return false;
  return !(text.length <= 8 && isUnitText(text));
}
