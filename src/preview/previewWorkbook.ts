/**
 * The browser preview's workbook: the package's bytes themselves, standing in for the one open in
 * Excel, with its snapshot as our reader reads it. Every change is a package edit the .xlsx shell
 * also makes — the summary grafted into the copy as `summarize --out` does, templates grafted the
 * same way, the rollover as Excel's column insert, dropdowns and cell values edited in the sheet's
 * XML — so the file downloaded is the file the CLI would write, every other part kept byte for byte.
 * It implements the same host port as the Office.js shell, so the real pane runs on it.
 */
import {
  a1,
  type Finding,
  parseA1,
  parseRange,
  type WorkbookSnapshot,
  takenSheetNames,
  HostError,
  type ApplyResult,
  type CellEdit,
  type CellValue,
  type HostCapabilities,
  type HostPort,
  type PlanSheet,
  type WritePlan,
} from '../core';
import { readXlsx } from '../xlsx/package/readXlsx';
import { PlanConflictError } from '../xlsx/write/planConflict';
import { applyRolloverToPackage } from '../xlsx/rollover/applyToPackage';
import { withCellTexts, type CellText } from '../xlsx/rollover/cellValues';
import { graftSummary, GraftError } from '../xlsx/rollover/graft';
import { editSheets, SheetNotFoundError } from '../xlsx/rollover/sheetEdits';
import { applyDropdowns } from '../xlsx/rollover/sheetXml';
import { summaryInCopy } from '../xlsx/rollover/summaryInCopy';

type Read =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot; readonly settings: unknown }
  | { readonly ok: false; readonly finding: Finding };

/** The bounded reader, giving the page a turn now and then while it reads. */
async function read(bytes: Uint8Array, fileName: string): Promise<Read> {
  const result = await readXlsx(bytes, fileName, {
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    sliceMs: 50,
  });
  return result.ok ? { ok: true, snapshot: result.snapshot, settings: result.settings } : result;
}

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
    private bytes: Uint8Array,
    private current: WorkbookSnapshot,
    public fileName: string,
  ) {
    this.activeSheet = current.sheets[0]?.name ?? null;
  }

  /**
   * A workbook opened in the preview: read by the same bounded reader as 取り込み (damaged, encrypted,
   * truncated or huge files get its finding, never a library's raw error).
   */
  static async open(
    bytes: ArrayBuffer,
    fileName: string,
  ): Promise<
    { readonly ok: true; readonly book: PreviewWorkbook } | { readonly ok: false; readonly finding: Finding }
  > {
    const data = new Uint8Array(bytes);
    const opened = await read(data, fileName);
    if (!opened.ok) return opened;
    const book = new PreviewWorkbook(data, opened.snapshot, fileName);
    book.settings = opened.settings;
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
    return this.current;
  }

  /** The package after an edit becomes the workbook, read again by our reader (what the view shows). */
  async replace(bytes: Uint8Array): Promise<void> {
    const next = await read(bytes, this.fileName);
    // Our own edit that our reader cannot read back is a defect of ours, not the user's file.
    if (!next.ok) throw new HostError('unknown', 'edited package unreadable', { detail: this.fileName });
    this.bytes = bytes;
    this.current = next.snapshot;
    this.changed();
  }

  /** The workbook as an .xlsx: the package as it stands. */
  async toXlsx(): Promise<Uint8Array> {
    return this.bytes;
  }

  get packageBytes(): Uint8Array {
    return this.bytes;
  }

  /** A cell's value as the reader saw it (null outside the used range or on a sheet that is not there). */
  valueAt(sheet: string, cell: string): CellValue | undefined {
    const s = this.current.sheets.find((x) => x.name === sheet);
    const p = parseA1(cell);
    if (!s || !p) return undefined;
    return s.values[p.row - s.top]?.[p.col - s.left] ?? null;
  }
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined
    ? ''
    : value instanceof Date
      ? value.toISOString()
      : String(value);
}

/** A package edit's failure in the words of the host port. */
function hostError(err: unknown): unknown {
  if (err instanceof PlanConflictError)
    return new HostError('conflict', err.message, { sheets: [...err.conflicts, ...err.invalidNames] });
  if (err instanceof SheetNotFoundError) return new HostError('notFound', err.message, { detail: err.sheet });
  if (err instanceof GraftError) return new HostError('notGraftable', err.message, { part: err.part });
  return err;
}

async function edit(book: PreviewWorkbook, make: () => Uint8Array): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = make();
  } catch (err) {
    throw hostError(err);
  }
  await book.replace(bytes);
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
      const snapshot = book.snapshot();
      // As `summarize --out` does: our sheets grafted into the package, the user's parts kept as they are.
      await edit(book, () => summaryInCopy(book.packageBytes, plan, snapshot));
      for (const sheet of plan.sheets) book.planSheets.set(sheet.name, sheet);
      book.activeSheet = plan.sheets[0]?.name ?? book.activeSheet;
      book.changed(false);
      const lower = new Set(snapshot.ownedSheets.map((n) => n.toLowerCase()));
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
      const changed = edits.filter((e) => text(book.valueAt(e.sheet, e.cell)) !== e.expected);
      if (changed.length > 0)
        throw new HostError('changedMeanwhile', 'changed', {
          cells: changed.map((e) => `${e.sheet}!${e.cell}`),
        });
      const bySheet = new Map<string, CellText[]>();
      for (const e of edits) {
        const p = parseA1(e.cell)!;
        bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), { row: p.row, col: p.col, value: e.value }]);
      }
      const unwritten: string[] = [];
      await edit(book, () =>
        editSheets(
          book.packageBytes,
          new Map(
            [...bySheet].map(([sheet, cells]) => [
              sheet,
              (xml: string) => {
                const result = withCellTexts(xml, cells);
                unwritten.push(...result.unwritten.map((c) => `${sheet}!${a1(c.row, c.col)}`));
                return result.xml;
              },
            ]),
          ),
        ),
      );
      if (unwritten.length > 0) throw new HostError('changedMeanwhile', 'not written', { cells: unwritten });
    },
    installDropdowns: async (sheet, ranges, symbols) => {
      if (!book.snapshot().sheets.some((s) => s.name === sheet))
        throw new HostError('notFound', sheet, { detail: sheet });
      const valid = ranges.filter((r) => parseRange(r.includes(':') ? r : `${r}:${r}`) !== null);
      await edit(book, () =>
        editSheets(
          book.packageBytes,
          new Map([[sheet, (xml: string) => applyDropdowns(xml, valid, symbols)]]),
        ),
      );
    },
    createSheets: async (sheets) => {
      const snapshot = book.snapshot();
      const conflicts = takenSheetNames(
        snapshot.sheets.map((s) => s.name),
        sheets.map((s) => s.name),
      );
      if (conflicts.length > 0) throw new HostError('conflict', 'sheet exists', { sheets: conflicts });
      // Department sheets are the user's, not the add-in's: grafted without ownership markers.
      await edit(book, () =>
        graftSummary({ user: book.packageBytes, sheets, owned: snapshot.ownedSheets, markOwned: false }),
      );
      book.activeSheet = sheets[0]?.name ?? book.activeSheet;
      book.changed(false);
      return { created: sheets.map((s) => s.name), protectedHeaders: true };
    },
    applyRollover: async (plan, symbols) => {
      const changed = plan.sheets.flatMap((roll) =>
        roll.checks
          .filter((c) => text(book.valueAt(roll.sheet, c.cell)).trim() !== c.from)
          .map((c) => `${roll.sheet}!${c.cell}`),
      );
      if (changed.length > 0) throw new HostError('changedMeanwhile', 'changed', { cells: changed });
      // As the CLI does it: the package edited as Excel's column insert (formulas, names, formats,
      // notes… follow their cells).
      const result = applyRolloverToPackage(book.packageBytes, plan, symbols);
      if (result.kind === 'refused')
        throw new HostError('rolloverRefused', 'rollover refused', {
          reasons: [...new Set(result.refusals.map((r) => r.where))],
        });
      await book.replace(result.bytes);
    },
    loadSettings: async () => book.settings,
    saveSettings: async (settings) => {
      book.settings = JSON.parse(JSON.stringify(settings)) as unknown;
    },
    capabilities: () => capabilities,
  };
}
