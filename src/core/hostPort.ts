/**
 * The port between the task pane (and the ribbon command) and a workbook host.
 * Implemented by the Office.js shell (src/excel/) and by the browser preview over an in-memory workbook.
 * Components and commands talk only to this interface, never to Office.js.
 */
import type { WorkbookSnapshot } from './grid';
import type { RolloverPlan } from './rollover/planRollover';
import type { TemplateSheet } from './template/templateSheet';
import type { WritePlan } from './writePlan';

export interface HostCapabilities {
  /** In-cell dropdowns (ExcelApi 1.8). */
  readonly dataValidation: boolean;
  /** Settings stored in the workbook (ExcelApi 1.4, else Office.context.document.settings). */
  readonly workbookSettings: boolean;
  /** Links from a cell to another cell (ExcelApi 1.7). */
  readonly hyperlinks: boolean;
  /** Native charts. */
  readonly charts: boolean;
}

/** A single cell edit the user confirmed (e.g. 〇 → ○). */
export interface CellEdit {
  readonly sheet: string;
  readonly cell: string;
  /** The value the cell must still hold; the edit is refused if it changed meanwhile. */
  readonly expected: string;
  readonly value: string;
}

export interface CreateSheetsResult {
  readonly created: readonly string[];
  /** Whether the header cells could be locked (sheet protection without a password). */
  readonly protectedHeaders: boolean;
}

export interface ApplyResult {
  readonly written: readonly string[];
  readonly replaced: readonly string[];
}

export { HostError, type HostErrorCode } from './hostErrors';

export interface HostPort {
  /** One batched read of every sheet. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Create or replace the add-in's own sheets; refuses (HostError 'conflict') to touch any other. */
  applyPlan(plan: WritePlan): Promise<ApplyResult>;
  /** Activate the sheet and select the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Write exactly these cells after the user confirmed them; nothing else. */
  writeCells(edits: readonly CellEdit[]): Promise<void>;
  /** Install an in-cell list (dropdown) of the given symbols on the given A1 ranges of a sheet. */
  installDropdowns(sheet: string, ranges: readonly string[], symbols: readonly string[]): Promise<void>;
  /** Add new sheets for people to fill (department templates); refuses ('conflict') when a name is taken, writing nothing. */
  createSheets(sheets: readonly TemplateSheet[]): Promise<CreateSheetsResult>;
  /**
   * Insert a year rollover's columns and write exactly its cells, after checking that the sheets
   * still hold what the plan was made from ('changedMeanwhile' otherwise, nothing written).
   */
  applyRollover(plan: RolloverPlan, markSymbols: readonly string[]): Promise<void>;
  /** Raw stored settings (outside data: the caller parses them with zod), or null when none. */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: unknown): Promise<void>;
  capabilities(): HostCapabilities;
}
