/**
 * Domain model: plan items read from sheets, and the findings about them.
 * Pure data; every field that came from a cell remembers that cell.
 */

/** Canonical fiscal-year label: `H30`, `R1`, `R2`, … (see years.ts). */
export type FiscalYear = string;

/**
 * The roles of a grade. A city's own scale (◎○□▲終了, S/A/B/C, 達成/未達成, …) maps onto these (see scales.ts).
 * notEvaluated (対象外, 未評価): listed and counted, but outside the progress rate.
 */
export type MarkKey = 'ahead' | 'onPlan' | 'nearlyOnPlan' | 'behind' | 'ended' | 'notEvaluated';
/** The five roles every summary shows, in order (notEvaluated is shown where the scale has it). */
export const MARK_KEYS: readonly MarkKey[] = ['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended'];
export const ALL_MARK_KEYS: readonly MarkKey[] = [...MARK_KEYS, 'notEvaluated'];

export interface SourceRef {
  readonly file: string;
  readonly sheet: string;
  /** A1 address without the sheet. */
  readonly cell: string;
}

/** blank: empty cell; notApplicable: a dash (not in the plan that year); unknown: text that is no mark. */
export type MarkState = 'blank' | 'notApplicable' | 'mark' | 'unknown';

export interface MarkEntry {
  readonly year: FiscalYear;
  readonly state: MarkState;
  /** The cell's text as typed ('' when blank). */
  readonly raw: string;
  /** The recognised category, or null when blank or not recognised. */
  readonly mark: MarkKey | null;
  /** The grade's canonical symbol in the scale in force (`D` of A–F, whose role is behind), or null. */
  readonly grade: string | null;
}

export type ValueKind = 'number' | 'notApplicable' | 'text' | 'blank';

/** An indicator target or actual as parsed from a cell. */
export interface ParsedValue {
  /** Original text (numbers rendered plainly); '' when blank. */
  readonly raw: string;
  readonly kind: ValueKind;
  /** The number, already in the cell's own unit (`40.1%` → 40.1, with `percent: true`). */
  readonly value: number | null;
  readonly percent: boolean;
  /** Unit written after the number (`人`, `件`, `千円`), null when none; `%` is `percent`. */
  readonly unit: string | null;
  /** `39.6 (R1)`: the figure is from that year, not the table's year. */
  readonly yearTag: FiscalYear | null;
  readonly source: SourceRef | null;
}

export type Direction = 'higherIsBetter' | 'lowerIsBetter';

export interface Indicator {
  readonly name: string;
  /** ☆ marks a key indicator. */
  readonly key: boolean;
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  readonly direction: Direction;
  /** Where the direction came from: the indicator's name, the user's settings, or the default. */
  readonly directionSource: 'name' | 'settings' | 'default';
  readonly source: SourceRef | null;
}

export interface Owner {
  readonly department: string;
  readonly division: string | null;
}

export type ItemField =
  | 'policy'
  | 'measure'
  | 'number'
  | 'name'
  | 'department'
  | 'division'
  | 'indicator'
  | 'target'
  | 'actual'
  | 'result'
  | 'nextPlan';

export interface PlanItem {
  /** Identity: policy|measure|number when those are known, otherwise file|sheet|row. */
  readonly key: string;
  readonly file: string;
  readonly sheet: string;
  /** 0-based sheet row of the item (the core counts from 0; A1 text only at the edges). */
  readonly row: number;
  readonly policy: string | null;
  readonly policyNo: number | null;
  readonly measure: string | null;
  readonly measureNo: number | null;
  /** Item number as written (`①`, `12`); '' when absent. */
  readonly number: string;
  readonly numberValue: number | null;
  /** Item name without the 【重点】 tag. */
  readonly name: string;
  /** 【重点】 marks a priority item. */
  readonly priority: boolean;
  /**
   * One entry per year column of the table, in year order. Entries are values (the reader shares equal
   * ones between items); where each was read is in markSources.
   */
  readonly marks: readonly MarkEntry[];
  /** The cell of each entry of marks, in the same order. */
  readonly markSources: readonly SourceRef[];
  readonly owners: readonly Owner[];
  readonly indicator: Indicator | null;
  readonly result: string | null;
  readonly nextPlan: string | null;
  readonly sources: Readonly<Partial<Record<ItemField, SourceRef>>>;
}

// Findings are defined with their catalogue (one table: code → severity, params, text).
export type { FindingCode, Severity } from './findings/catalogue';
import type { Finding } from './findings/finding';
export type { Finding };

/** One plan table found on a sheet (for reporting sources and for actions such as dropdowns). */
export interface TableInfo {
  readonly file: string;
  readonly sheet: string;
  /** 0-based first and last header rows and last item row (the last header row when it has no item). */
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly lastRow: number;
  /** 0-based leftmost and rightmost columns the header names (number, item, owners, marks, indicator…). */
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly years: readonly FiscalYear[];
  /** 0-based columns of each year's status marks. */
  readonly markColumns: Readonly<Record<FiscalYear, number>>;
  readonly items: number;
}

export interface ReadResult {
  readonly items: readonly PlanItem[];
  readonly tables: readonly TableInfo[];
  readonly findings: readonly Finding[];
}
