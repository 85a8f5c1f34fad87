/**
 * The browser preview's workbook: an ExcelJS workbook held in memory, standing in for the one open in
 * Excel. It implements the same host port as the Office.js shell, so the real pane runs on it.
 */
import ExcelJS from 'exceljs';
import {
  type Finding,
  parseA1,
  type WorkbookSnapshot,
  takenSheetNames,
  HostError,
  type ApplyResult,
  type CellEdit,
  type HostCapabilities,
  type HostPort,
  type PlanSheet,
  type WritePlan,
} from '../core';
import { addChartsToXlsx } from '../xlsx/charts';
import { readXlsx } from '../xlsx/package/readXlsx';
import { disjointValidations } from '../xlsx/rollover/validations';
import { ownedSheetNames, snapshotFromExcelJs } from '../xlsx/snapshotFromExcelJs';
import { PlanConflictError, writePlanToWorkbook } from '../xlsx/writeWorkbook';
import { applyRolloverToPackage } from '../xlsx/rollover/applyToPackage';
import { addTemplateSheet } from '../xlsx/writeTemplate';

export class PreviewWorkbook {
  /** The add-in's sheets as last planned (the charts are drawn from these specs). */
  planSheets = new Map<string, PlanSheet>();
  selected: { sheet: string; cell: string } | null = null;
  activeSheet: string | null = null;
  settings: unknown = null;
  private readonly listeners = new Set<() => void>();
  version = 0;
  /** Changes to the workbook's content (not the selection): what a download would carry that the file did not. */
  edits = 0;

  constructor(
    public workbook: ExcelJS.Workbook,
    public fileName: string,
  ) {
    this.activeSheet = workbook.worksheets[0]?.name ?? null;
  }

  /**
   * A workbook opened in the preview: read first by the same bounded reader as 取り込み (damaged,
   * encrypted, truncated or huge files get its finding, never a library's raw error); only a file it
   * accepted is loaded into ExcelJS, the editable stand-in for Excel.
   */
  static async open(
    bytes: ArrayBuffer,
    fileName: string,
  ): Promise<
    | { readonly ok: true; readonly book: PreviewWorkbook }
    | { readonly ok: false; readonly finding: Finding | null }
  > {
    const read = await readXlsx(new Uint8Array(bytes), fileName, {
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      sliceMs: 50,
    });
    if (!read.ok) return { ok: false, finding: read.finding };
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes);
    } catch {
      // Our reader took it but ExcelJS cannot model it: the preview says so rather than show ExcelJS's words.
      return { ok: false, finding: null };
    }
    const book = new PreviewWorkbook(workbook, fileName);
    book.settings = read.settings;
    return { ok: true, book };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: the content (an edit a download would carry) or only the view (the selection). */
  changed(content = true): void {
    this.version += 1;
    if (content) this.edits += 1;
    for (const l of this.listeners) l();
  }

  snapshot(): WorkbookSnapshot {
    return snapshotFromExcelJs(this.workbook, this.fileName);
  }

  /** The workbook as an .xlsx, with the charts of the add-in's sheets. */
  async toXlsx(): Promise<Uint8Array> {
    const bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    const sheets = [...this.planSheets.values()].filter((s) => this.workbook.getWorksheet(s.name));
    // ExcelJS regroups per-cell dropdowns into rectangles that can overlap: Excel would ask to repair.
    return disjointValidations(await addChartsToXlsx(bytes, sheets));
  }
}

export function createPreviewHost(book: PreviewWorkbook): HostPort {
  const capabilities: HostCapabilities = {
    dataValidation: true,
    workbookSettings: true,
    hyperlinks: true,
    charts: true,
  };
  return {
    readSnapshot: async () => book.snapshot(),
    applyPlan: async (plan: WritePlan): Promise<ApplyResult> => {
      const owned = ownedSheetNames(book.workbook);
      try {
        writePlanToWorkbook(book.workbook, plan, owned);
      } catch (err) {
        if (err instanceof PlanConflictError)
          throw new HostError('conflict', err.message, {
            sheets: [...err.conflicts, ...err.invalidNames],
          });
        throw err;
      }
      for (const sheet of plan.sheets) book.planSheets.set(sheet.name, sheet);
      book.activeSheet = plan.sheets[0]?.name ?? book.activeSheet;
      book.changed();
      const lower = new Set(owned.map((n) => n.toLowerCase()));
      return {
        written: plan.sheets.map((s) => s.name),
        replaced: plan.sheets.map((s) => s.name).filter((n) => lower.has(n.toLowerCase())),
      };
    },
    selectCell: async (sheet, cell) => {
      book.activeSheet = sheet;
      book.selected = { sheet, cell };
      book.changed(false);
    },
    writeCells: async (edits: readonly CellEdit[]) => {
      const cells = edits.map((e) => ({ e, cell: book.workbook.getWorksheet(e.sheet)?.getCell(e.cell) }));
      const changed = cells.filter(({ e, cell }) => !cell || String(cell.value ?? '') !== e.expected);
      if (changed.length > 0)
        throw new HostError('changedMeanwhile', 'changed', {
          cells: changed.map(({ e }) => `${e.sheet}!${e.cell}`),
        });
      for (const { e, cell } of cells) cell!.value = e.value;
      book.changed();
    },
    installDropdowns: async (sheet, ranges, symbols) => {
      const ws = book.workbook.getWorksheet(sheet);
      if (!ws) throw new HostError('notFound', sheet, { detail: sheet });
      for (const range of ranges) {
        const [from, to] = range.split(':');
        const a = parseA1(from!)!;
        const b = parseA1(to ?? from!)!;
        for (let r = a.row; r <= b.row; r += 1) {
          for (let c = a.col; c <= b.col; c += 1) {
            ws.getCell(r + 1, c + 1).dataValidation = {
              type: 'list',
              allowBlank: true,
              formulae: [`"${symbols.join(',')}"`],
            };
          }
        }
      }
      book.changed();
    },
    createSheets: async (sheets) => {
      const conflicts = takenSheetNames(
        book.workbook.worksheets.map((ws) => ws.name),
        sheets.map((s) => s.name),
      );
      if (conflicts.length > 0) throw new HostError('conflict', 'sheet exists', { sheets: conflicts });
      for (const sheet of sheets) await addTemplateSheet(book.workbook, sheet);
      book.activeSheet = sheets[0]?.name ?? book.activeSheet;
      book.changed();
      return { created: sheets.map((s) => s.name), protectedHeaders: true };
    },
    applyRollover: async (plan, symbols) => {
      const changed = plan.sheets.flatMap((roll) =>
        roll.checks
          .filter(
            (c) =>
              String(book.workbook.getWorksheet(roll.sheet)?.getCell(c.cell).value ?? '').trim() !== c.from,
          )
          .map((c) => `${roll.sheet}!${c.cell}`),
      );
      if (changed.length > 0) throw new HostError('changedMeanwhile', 'changed', { cells: changed });
      // As the CLI does it: the package edited as Excel's column insert (formulas, names, formats,
      // notes… follow their cells), then read back into the preview's workbook.
      const bytes = new Uint8Array(await book.workbook.xlsx.writeBuffer());
      const result = applyRolloverToPackage(bytes, plan, symbols);
      if (result.kind === 'refused')
        throw new HostError('rolloverRefused', 'rollover refused', {
          reasons: [...new Set(result.refusals.map((r) => r.where))],
        });
      const rolled = new ExcelJS.Workbook();
      await rolled.xlsx.load(result.bytes as unknown as ExcelJS.Buffer);
      book.workbook = rolled;
      book.changed();
    },
    loadSettings: async () => book.settings,
    saveSettings: async (settings) => {
      book.settings = JSON.parse(JSON.stringify(settings)) as unknown;
    },
    capabilities: () => capabilities,
  };
}
