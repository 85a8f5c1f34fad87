/** An in-memory HostPort over a workbook snapshot, recording what the pane asks of it. */
import type { WorkbookSnapshot } from '../../src/core/grid';
import {
  HostError,
  type ApplyResult,
  type CellEdit,
  type CreateSheetsResult,
  type HostCapabilities,
  type HostPort,
} from '../../src/core/hostPort';
import { applyRolloverToSnapshot } from '../../src/core/rollover/applyToSnapshot';
import type { RolloverPlan } from '../../src/core/rollover/planRollover';
import type { TemplateSheet } from '../../src/core/template/templateSheet';
import { checkPlan, takenSheetNames } from '../../src/core/ownership';
import type { WritePlan } from '../../src/core/writePlan';
import { cellAt, parseA1, parseRange } from '../../src/core/grid';

export class MemoryHost implements HostPort {
  readonly calls: { op: string; args: unknown[] }[] = [];
  plans: WritePlan[] = [];
  settings: unknown = null;
  failNext: HostError | null = null;
  caps: HostCapabilities = { dataValidation: true, workbookSettings: true, hyperlinks: true, charts: true };

  constructor(public snapshot: WorkbookSnapshot) {}

  private record(op: string, ...args: unknown[]): void {
    this.calls.push({ op, args });
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = null;
      throw err;
    }
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.record('readSnapshot');
    return this.snapshot;
  }

  async applyPlan(plan: WritePlan): Promise<ApplyResult> {
    this.record('applyPlan', plan);
    const check = checkPlan(plan, {
      sheetNames: this.snapshot.sheets.map((s) => s.name),
      ownedSheets: this.snapshot.ownedSheets,
    });
    if (check.conflicts.length > 0) throw new HostError('conflict', 'conflict', { sheets: check.conflicts });
    this.plans.push(plan);
    return { written: plan.sheets.map((s) => s.name), replaced: check.replaced };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record('selectCell', sheet, cell);
  }

  async writeCells(edits: readonly CellEdit[]): Promise<void> {
    this.record('writeCells', edits);
    const sheets = this.snapshot.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
    for (const edit of edits) {
      const sheet = sheets.find((s) => s.name === edit.sheet)!;
      const p = parseA1(edit.cell)!;
      sheet.values[p.row - sheet.top]![p.col - sheet.left] = edit.value;
    }
    this.snapshot = { ...this.snapshot, sheets };
  }

  async installDropdowns(
    sheet: string,
    ranges: readonly string[],
    symbols: readonly string[],
  ): Promise<void> {
    this.record('installDropdowns', sheet, ranges, symbols);
  }

  async createSheets(sheets: readonly TemplateSheet[]): Promise<CreateSheetsResult> {
    this.record('createSheets', sheets);
    const conflicts = takenSheetNames(
      this.snapshot.sheets.map((s) => s.name),
      sheets.map((s) => s.name),
    );
    if (conflicts.length > 0) throw new HostError('conflict', 'conflict', { sheets: conflicts });
    const added = sheets.map((s) => ({
      name: s.name,
      top: 0,
      left: 0,
      values: s.values.map((r) => [...r]),
      merges: (s.merges ?? []).map((m) => parseRange(m)!),
      hidden: false,
    }));
    this.snapshot = { ...this.snapshot, sheets: [...this.snapshot.sheets, ...added] };
    return { created: sheets.map((s) => s.name), protectedHeaders: true };
  }

  async applyRollover(plan: RolloverPlan, symbols: readonly string[]): Promise<void> {
    this.record('applyRollover', plan, symbols);
    const changed = plan.sheets.flatMap((roll) => {
      const sheet = this.snapshot.sheets.find((s) => s.name === roll.sheet)!;
      return roll.checks.filter((c) => {
        const p = parseA1(c.cell)!;
        return String(cellAt(sheet, p.row, p.col) ?? '').trim() !== c.from;
      });
    });
    if (changed.length > 0)
      throw new HostError('changedMeanwhile', 'changed', { cells: changed.map((c) => c.cell) });
    this.snapshot = applyRolloverToSnapshot(this.snapshot, plan);
  }

  async loadSettings(): Promise<unknown> {
    this.record('loadSettings');
    return this.settings;
  }

  async saveSettings(settings: unknown): Promise<void> {
    this.record('saveSettings', settings);
    this.settings = JSON.parse(JSON.stringify(settings));
  }

  capabilities(): HostCapabilities {
    return this.caps;
  }

  callsOf(op: string): unknown[][] {
    return this.calls.filter((c) => c.op === op).map((c) => c.args);
  }
}
