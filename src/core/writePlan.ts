/**
 * Write plan: a declarative description of the sheets the add-in owns.
 * Data, not calls: the Office.js shell and the xlsx shell each apply it, and neither decides anything.
 * A plan can only name add-in-owned sheets (see ownership.ts), which is what makes "we never change
 * your data" checkable.
 */
import { columnLetters } from './grid';

/**
 * A value to write. Strings are always text: a shell must never let one become a formula
 * (user text such as `=1+1` or `-3%` stays text). Dates are not used; years are labels.
 */
export type PlanValue = string | number | boolean | null;

export type HorizontalAlign = 'left' | 'center' | 'right' | 'centerAcross';

/**
 * The font of every cell the add-in writes: explicit on every style, so no viewer falls back to a
 * serif default for bold cells. Excel has Yu Gothic (游ゴシック) on Windows and macOS; elsewhere the
 * family (sans-serif) and the Japanese character set lead LibreOffice to a Japanese sans-serif font.
 */
export const SHEET_FONT = { name: 'Yu Gothic', family: 2, charset: 128, size: 11 } as const;

/** Formatting for a rectangle of cells (A1 range on the same sheet). */
export interface PlanFormat {
  readonly range: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly fontSize?: number;
  /** `#RRGGBB` */
  readonly fontColor?: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  readonly border?: 'thin' | 'none';
  readonly wrap?: boolean;
  readonly align?: HorizontalAlign;
}

/** A link from a cell of this sheet to a cell elsewhere in the workbook (findings → their cells). */
export interface PlanLink {
  /** A1 cell on this sheet. */
  readonly cell: string;
  readonly targetSheet: string;
  /** A1 cell on the target sheet. */
  readonly targetCell: string;
}

export type ChartType = 'doughnut' | 'pie' | 'barStacked' | 'columnClustered' | 'line';

export interface ChartSeriesSpec {
  /** Series name as shown in the legend. */
  readonly name: string;
  /** A1 range on this sheet holding the values (one row or one column). */
  readonly values: string;
  /** `#RRGGBB` colour of the series (bar, line), optional. */
  readonly color?: string;
}

export interface ChartSpec {
  readonly type: ChartType;
  readonly title: string;
  /** A1 range on this sheet holding the category labels (one row or one column). */
  readonly categories: string;
  readonly series: readonly ChartSeriesSpec[];
  /** Per-point colours for pie/doughnut, in category order (`#RRGGBB`). */
  readonly pointColors?: readonly string[];
  /** Where the chart sits: top-left and bottom-right cells (A1) on this sheet. */
  readonly from: string;
  readonly to: string;
  /** Axis number format for value axes (e.g. `0%`), optional. */
  readonly valueFormat?: string;
  /** Fixed value-axis bounds (a rate's axis runs 0–100 %, so a drop is drawn to scale). */
  readonly valueAxis?: { readonly min: number; readonly max: number };
  /** Pie/doughnut: label each slice with its count and its share. */
  readonly showShares?: boolean;
}

/** Data labels never show zero (a zero segment has no room, and its label lands on its neighbours). */
export const LABEL_FORMAT_NO_ZERO = '0;-0;;@';

/**
 * Header or footer texts in Excel's header/footer codes: `&P` page, `&N` pages; a literal `&` is `&&`
 * (see headerFooterText).
 */
export interface HeaderFooterSections {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** User text inside a header or footer: `&` doubled so it is never read as a code. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

export interface PrintSetup {
  readonly orientation: 'landscape' | 'portrait';
  /** Fit all columns on one page width (height free). */
  readonly fitToWidth: boolean;
  /** First and last row (0-based) repeated at the top of every printed page, e.g. [2, 2] for row 3. */
  readonly repeatRows?: readonly [number, number];
  /** First and last column (0-based) repeated at the left of every printed page, e.g. [0, 1] for A:B. */
  readonly repeatColumns?: readonly [number, number];
  readonly header?: HeaderFooterSections;
  readonly footer?: HeaderFooterSections;
}

/**
 * An in-cell dropdown: every cell of `ranges` (A1 ranges on this sheet) offers the entries of `list`.
 * Typing something else asks before keeping it (a warning, not a stop: a department may need to type
 * a note the list does not know).
 */
export interface PlanDropdown {
  readonly ranges: readonly string[];
  readonly list: readonly string[];
}

/**
 * How a sheet is protected. `lockedHeaders`: protected without a password (people can unprotect
 * when they must), every cell of the sheet's columns editable except `lockedRanges` (headers and
 * headings), and people may still format, insert and delete rows, sort and filter. Each shell turns
 * the policy into its host's options in one place.
 */
export interface PlanProtection {
  readonly policy: 'lockedHeaders';
  readonly lockedRanges: readonly string[];
}

/**
 * The content of one sheet, summaries and templates alike: values, formats, merges, dropdowns,
 * protection, print setup, charts. Every row and column index in it is 0-based; cells and ranges are
 * A1 text because they are workbook addresses.
 */
/**
 * The print titles as workbook addresses, `3:3` and `H:J` (`$3:$3`, `$H:$J` when `absolute`): the
 * one place the 0-based print setup becomes A1 text.
 */
export function printTitles(
  print: PrintSetup,
  absolute = false,
): { readonly rows?: string; readonly columns?: string } {
  const $ = absolute ? '$' : '';
  const rows = print.repeatRows;
  const columns = print.repeatColumns;
  return {
    ...(rows ? { rows: `${$}${rows[0] + 1}:${$}${rows[1] + 1}` } : {}),
    ...(columns ? { columns: `${$}${columnLetters(columns[0])}:${$}${columnLetters(columns[1])}` } : {}),
  };
}

export interface PlanSheet {
  /** Sheet name; must be an owned name (ownership.ts) or the plan is rejected. */
  readonly name: string;
  /** Row-major values starting at A1. Rows may be ragged. */
  readonly values: readonly (readonly PlanValue[])[];
  readonly formats: readonly PlanFormat[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly links: readonly PlanLink[];
  readonly charts: readonly ChartSpec[];
  readonly print: PrintSetup;
  /** Rows/columns frozen at the top-left, optional. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Optional tab colour `#RRGGBB`. */
  readonly tabColor?: string;
  /** Merged ranges (A1), e.g. a header cell over two rows. Summaries have none (machine-readable tables). */
  readonly merges?: readonly string[];
  readonly dropdowns?: readonly PlanDropdown[];
  /** Absent: the sheet is not protected. */
  readonly protection?: PlanProtection;
}

export interface WritePlan {
  /** Sheets to create or replace, in the order they should appear. */
  readonly sheets: readonly PlanSheet[];
}
