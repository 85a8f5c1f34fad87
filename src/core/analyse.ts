/**
 * read → validate for any number of workbooks: the front half of the engine. Grid snapshots in, plan
 * items and findings out.
 */
import type { WorkbookSnapshot } from './grid';
import type { Finding, FiscalYear, PlanItem, TableInfo } from './model';
import { finding } from './findings/finding';
import { dedupeItems } from './reader/dedupe';
import { finalizeItem, type DraftItem } from './reader/draft';
import { readSheet } from './reader/sheetReader';
import type { Settings } from './settings';
import { validateItems } from './validate';
import { compareFiscalYears, parseFiscalYear } from './values';
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

interface WorkbookRead {
  readonly drafts: DraftItem[];
  readonly tables: TableInfo[];
  readonly findings: Finding[];
}

function readWorkbook(workbook: WorkbookSnapshot, settings: Settings): WorkbookRead {
  const owned = new Set(workbook.ownedSheets);
  const drafts: DraftItem[] = [];
  const tables: TableInfo[] = [];
  const findings: Finding[] = [];
  const silent: string[] = [];
  for (const sheet of workbook.sheets) {
    // The add-in's own sheets are never plan data; hidden sheets are not what staff see and count.
    if (owned.has(sheet.name) || sheet.hidden) continue;
    const read = readSheet(sheet, workbook.file, settings);
    pushAll(drafts, read.items);
    pushAll(tables, read.tables);
    pushAll(findings, read.findings);
    const notFound = (cell: string | null): Finding =>
      finding('table.notFound', { file: workbook.file, sheet: sheet.name, cell }, { sheet: sheet.name });
    if (read.tables.length === 0 && (read.incompleteHeader || read.rejected.length > 0)) {
      // One finding for the sheet, however many rows of it read like a header.
      findings.push(notFound(read.rejected[0]?.cell ?? null));
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
  if (tables.length === 0 && !findings.some((f) => f.code === 'table.notFound')) {
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
  return { drafts, tables, findings };
}

/** The latest year in which any item has a recognised mark. */
function latestMarkedYear(drafts: readonly DraftItem[]): FiscalYear | null {
  let latest: FiscalYear | null = null;
  for (const draft of drafts) {
    for (const entry of draft.marks) {
      if (entry.state === 'mark' && (latest === null || compareFiscalYears(entry.year, latest) > 0))
        latest = entry.year;
    }
  }
  return latest;
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
  const reads = workbooks.map((w) => readWorkbook(w, settings));
  const drafts = reads.flatMap((r) => r.drafts);
  const tables = reads.flatMap((r) => r.tables);
  const findings: Finding[] = reads.flatMap((r) => r.findings);

  const years = [...new Set(tables.flatMap((t) => t.years))].sort(compareFiscalYears);
  const asked = options.year ? parseFiscalYear(options.year) : null;
  const year = asked ?? latestMarkedYear(drafts) ?? years[years.length - 1] ?? null;

  const finalized: PlanItem[] = [];
  for (const draft of drafts) {
    const done = finalizeItem(draft, year, settings);
    finalized.push(done.item);
    pushAll(findings, done.findings);
  }
  const counts = new Map<string, { file: string; sheet: string; items: number }>();
  for (const item of finalized) {
    const id = `${item.file}\u0000${item.sheet}`;
    const entry = counts.get(id) ?? { file: item.file, sheet: item.sheet, items: 0 };
    entry.items += 1;
    counts.set(id, entry);
  }
  const sources: SourceCount[] = [...counts.values()];
  const deduped = dedupeItems(finalized);
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
