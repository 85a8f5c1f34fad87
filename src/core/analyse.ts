/**
 * read → validate for any number of workbooks: the front half of the engine. Grid snapshots in, plan
 * items and findings out.
 */
import type { WorkbookSnapshot } from './grid';
import type { Finding, FiscalYear, PlanItem, TableInfo } from './model';
import { finding } from './findings/finding';
import { dedupeItems } from './reader/dedupe';
import { finalizeItems } from './reader/finalize';
import type { ReadItem } from './reader/items';
import { ReadContext, readSheet } from './reader/sheetReader';
import type { Settings } from './settings';
import { validateItems } from './validate';
import { compareFiscalYears, parseFiscalYear } from './values/years';
import { sortFindings } from './findingOrder';
import { pushAll } from './collections';

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

/** What one workbook adds to the analysis: its items, tables and findings go straight into these. */
interface AnalysisParts {
  readonly items: ReadItem[];
  readonly tables: TableInfo[];
  readonly findings: Finding[];
}

/** Reads one workbook into the parts; returns the latest year its items have a mark for. */
function readWorkbook(
  workbook: WorkbookSnapshot,
  settings: Settings,
  context: ReadContext,
  parts: AnalysisParts,
): FiscalYear | null {
  const owned = new Set(workbook.ownedSheets);
  const { items, findings } = parts;
  let latestMarked: FiscalYear | null = null;
  let tableCount = 0;
  let notFoundSaid = false;
  const silent: string[] = [];
  for (const sheet of workbook.sheets) {
    // The add-in's own sheets are never plan data; hidden sheets are not what staff see and count.
    if (owned.has(sheet.name) || sheet.hidden) continue;
    const read = readSheet(sheet, workbook.file, settings, context);
    pushAll(items, read.items);
    latestMarked = laterYear(latestMarked, read.latestMarkedYear);
    pushAll(parts.tables, read.tables);
    tableCount += read.tables.length;
    pushAll(findings, read.findings);
    const notFound = (cell: string | null): Finding =>
      finding('table.notFound', { file: workbook.file, sheet: sheet.name, cell }, { sheet: sheet.name });
    if (read.tables.length === 0 && (read.incompleteHeader || read.rejected.length > 0)) {
      // One finding for the sheet, however many rows of it read like a header.
      findings.push(notFound(read.rejected[0]?.cell ?? null));
      notFoundSaid = true;
    } else if (read.tables.length > 0) {
      for (const table of read.rejected) {
        findings.push(
          finding(
            'table.rejected',
            { file: workbook.file, sheet: sheet.name, cell: table.cell },
            { sheet: sheet.name, cell: table.cell, tableReason: table.reason },
          ),
        );
      }
    } else if (sheet.values.length > 0) silent.push(sheet.name);
  }
  if (tableCount === 0 && !notFoundSaid) {
    // No plan anywhere in the file: say so for each sheet that has anything on it, by its name.
    const names = silent.length > 0 ? silent : workbook.sheets.slice(0, 1).map((s) => s.name);
    for (const name of names) {
      findings.push(
        finding('table.notFound', { file: workbook.file, sheet: name, cell: null }, { sheet: name }),
      );
    }
    if (names.length === 0) {
      findings.push(
        finding('table.notFound', { file: workbook.file, sheet: null, cell: null }, { sheet: '' }),
      );
    }
  }
  return latestMarked;
}

function laterYear(a: FiscalYear | null, b: FiscalYear | null): FiscalYear | null {
  if (a === null) return b;
  return b !== null && compareFiscalYears(b, a) > 0 ? b : a;
}

/** Files in name order: which reading of a conflicting item is kept must not depend on the order files were given in. */
function byFileName(workbooks: readonly WorkbookSnapshot[]): WorkbookSnapshot[] {
  return [...workbooks].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function analyse(
  given: readonly WorkbookSnapshot[],
  settings: Settings,
  options: AnalyseOptions = {},
): Analysis {
  const workbooks = byFileName(given);
  const items: ReadItem[] = [];
  const tables: TableInfo[] = [];
  const findings: Finding[] = [];
  let latestMarked: FiscalYear | null = null;
  const context = new ReadContext(settings);
  for (const workbook of workbooks)
    latestMarked = laterYear(
      latestMarked,
      readWorkbook(workbook, settings, context, { items, tables, findings }),
    );

  const years = [...new Set(tables.flatMap((t) => t.years))].sort(compareFiscalYears);
  const asked = options.year ? parseFiscalYear(options.year) : null;
  const year = asked ?? latestMarked ?? years[years.length - 1] ?? null;

  finalizeItems(items, year, settings, findings);
  // Items per file and sheet, from the tables (which hold the same items, in the same order).
  const counts = new Map<string, { file: string; sheet: string; items: number }>();
  for (const table of tables) {
    if (table.items === 0) continue;
    const id = `${table.file}\u0000${table.sheet}`;
    const entry = counts.get(id) ?? { file: table.file, sheet: table.sheet, items: 0 };
    entry.items += table.items;
    counts.set(id, entry);
  }
  const sources: SourceCount[] = [...counts.values()];
  const deduped = dedupeItems(items);
  pushAll(findings, deduped.findings);
  if (year) pushAll(findings, validateItems(deduped.items, year, settings));
  const yearNotInPlan = asked && tables.length > 0 && !years.includes(asked) ? asked : null;
  return {
    items: deduped.items,
    tables,
    sources,
    years,
    year,
    yearNotInPlan,
    findings: sortFindings(findings, workbooks),
  };
}
