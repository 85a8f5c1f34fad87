import type { EndedRule } from '../settings';
import type { Direction, Finding, FiscalYear, MarkKey, ParsedValue, PlanItem } from '../model';

/** Raw mark counts for one year (what the sheets say, before any rule). */
export interface MarkCounts {
  readonly ahead: number;
  readonly onPlan: number;
  readonly nearlyOnPlan: number;
  readonly behind: number;
  readonly ended: number;
  /** 対象外・未評価: counted among the items, outside the rate. */
  readonly notEvaluated: number;
}

/** 進捗率 as a fraction under the ended-item rule in force; rate is null when the denominator is 0. */
export interface Progress {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

export type ReportKind = 'midYear' | 'yearEnd';

export interface YearSummary {
  readonly year: FiscalYear;
  /** 中間実績 (October) or 実績 (March): the target year is what the settings say; earlier years are year-end. */
  readonly kind: ReportKind;
  /** Items in the plan that year. */
  readonly items: number;
  readonly counts: MarkCounts;
  /** Items in the plan that year whose mark is blank or not recognised (in the denominator, never the numerator). */
  readonly unmarked: number;
  readonly progress: Progress;
}

export interface GroupRow {
  readonly key: string;
  /** For department/division rows: the department of a division (to tell 総務部/総務課 from 消防本部/総務課). */
  readonly parent?: string;
  readonly items: number;
  readonly counts: MarkCounts;
  readonly unmarked: number;
  readonly progress: Progress;
}

export interface SummaryGroups {
  readonly policy: readonly GroupRow[];
  readonly measure: readonly GroupRow[];
  readonly department: readonly GroupRow[];
  readonly division: readonly GroupRow[];
}

export interface MarkChange {
  readonly item: PlanItem;
  readonly from: MarkKey;
  readonly to: MarkKey;
  readonly fromYear: FiscalYear;
  readonly direction: 'up' | 'down';
}

export type AchievementFormula = 'actualOverTarget' | 'targetOverActual' | 'passFail' | 'none';

export interface IndicatorRow {
  readonly item: PlanItem;
  readonly name: string;
  readonly key: boolean;
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  readonly direction: Direction;
  readonly formula: AchievementFormula;
  /** Achievement as a fraction (1 = 100 %), capped to 0–2; null when it cannot be computed. */
  readonly achievement: number | null;
  /** Target met (true), not met (false), or unknown (null). */
  readonly pass: boolean | null;
  /** The target year's mark of the item. */
  readonly mark: MarkKey | null;
  readonly consistency: 'consistent' | 'mismatch' | 'unknown';
  /** Why the achievement could not be computed or is doubtful (message key for the catalogue). */
  readonly note: 'zeroTarget' | 'notNumeric' | 'yearTag' | null;
}

export interface SourceSummary {
  readonly file: string;
  readonly sheet: string;
  readonly items: number;
}

export interface InputSummary {
  readonly file: string;
  /** SHA-256 (hex) of the sheet contents the figures were computed from. */
  readonly contentHash: string;
  readonly sheets: readonly SourceSummary[];
}

export interface Provenance {
  readonly tool: string;
  readonly version: string;
  /** ISO 8601 time of the run (given by the shell: the core reads no clock). */
  readonly generatedAt: string;
  readonly year: FiscalYear;
  readonly ended: EndedRule;
  readonly reportKind: ReportKind;
  readonly inputs: readonly InputSummary[];
}

export interface SummaryModel {
  readonly year: FiscalYear;
  readonly ended: EndedRule;
  /** Every year present up to the target year, in order, computed from the items. */
  readonly years: readonly YearSummary[];
  /** Mid-year reports kept from the workbook's earlier summary (the marks they counted have since been updated). */
  readonly earlierReports: readonly YearSummary[];
  /** Breakdowns for the target year. */
  readonly groups: SummaryGroups;
  /** Items behind (▲) in the target year. */
  readonly behind: readonly PlanItem[];
  /** Items whose target-year mark is 終了. */
  readonly endedItems: readonly PlanItem[];
  /** Items whose mark rose or fell since the previous year. */
  readonly changes: readonly MarkChange[];
  readonly indicators: readonly IndicatorRow[];
  readonly items: readonly PlanItem[];
  /** Findings of the summary stage (e.g. summary.mismatch from reconciliation). */
  readonly findings: readonly Finding[];
  readonly provenance: Provenance;
}
