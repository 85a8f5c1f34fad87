/**
 * The engine's front door: grid snapshots in, plan items and findings out.
 * Shells call only this module (and summary/layout), never the reader's internals.
 */
import type { Finding, FiscalYear, PlanItem, TableInfo } from './model';

export interface SourceCount {
  readonly file: string;
  readonly sheet: string;
  readonly items: number;
}

export interface Analysis {
  /** Items after de-duplication across sheets and files (an item read twice counts once). */
  readonly items: readonly PlanItem[];
  readonly tables: readonly TableInfo[];
  /** Items read per file and sheet (before de-duplication). */
  readonly sources: readonly SourceCount[];
  /** Every year that appears in a status column, in order. */
  readonly years: readonly FiscalYear[];
  /** The target year: the one asked for, else the latest year that has marks; null when there is none. */
  readonly year: FiscalYear | null;
  /** The year asked for when no plan table has a status column for it (nothing can be said about it). */
  readonly yearNotInPlan: FiscalYear | null;
  /** Reader and validator findings, sorted by file, sheet, row, column. */
  readonly findings: readonly Finding[];
}

export interface AnalyseOptions {
  /** Target year label as the user typed it (`R2`, `令和2年度`, `2020`). */
  readonly year?: string | null;
}

export { analyse } from './analyse';
