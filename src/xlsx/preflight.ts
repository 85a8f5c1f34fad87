/**
 * A look at the package's XML before ExcelJS loads it, for the things ExcelJS handles at a cost out of
 * all proportion to the file's size:
 * - it checks every merged area against every other (quadratic: 40,000 merges in a 200 KB file take
 *   minutes) and throws on overlapping ones, which Excel's own repair simply drops;
 * - it lists every cell a data validation or a defined name covers, one by one (a dropdown on
 *   A1:J1048576 is ten million entries and minutes of work; a name on A1:XFD1048576 exhausts memory).
 * So merged areas are counted and overlapping ones dropped, validations are cut off at the sheet's last
 * row and column (the cells beyond hold nothing to read), and the cells that validations and names
 * still cover are counted. The XML is searched as text, not parsed: a wrong guess here can only refuse
 * a file or shorten a dropdown in a copy, never change a value read. Inflating each sheet once more
 * costs about a tenth of ExcelJS's own reading. No Node imports: the task pane uses it too.
 */
import type JSZip from 'jszip';
import { parseRange, rangeToA1, type CellRange } from '../core';

export interface PreflightLimits {
  /** Merged areas in the whole workbook. */
  readonly maxMerges: number;
  /** Cells covered by data validations (after the cut at the last row and column) and by defined names. */
  readonly maxRangeCells: number;
}

export type Preflight =
  | { readonly ok: true; readonly rewritten: boolean }
  | { readonly ok: false; readonly reason: 'tooManyMerges' | 'tooManyCells'; readonly detail: string };

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
// Elements with an optional namespace prefix (`<x:mergeCell …/>`); `mergeCell\b` does not match `mergeCells`.
const MERGE_CELL = /<([\w.-]+:)?mergeCell\b[^>]*?\bref="([^"]*)"[^>]*?(?:\/>|>\s*<\/\1mergeCell>)/g;
const VALIDATION_SQREF = /(<(?:[\w.-]+:)?dataValidation\b[^>]*?\bsqref=")([^"]*)(")/g;
const DEFINED_NAME = /<(?:[\w.-]+:)?definedName\b[^>]*>([^<]*)</g;
const PREFIXED_ROW = /<[\w.-]+:row\b[^>]*?\br="(\d+)"/g;
const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*?\bref="([^"]*)"/;

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** 1-based number of the sheet's last row element, or null when the rows do not say. Rows are in order in the file. */
function lastRowNumber(xml: string): number | null {
  const at = xml.lastIndexOf('<row ');
  if (at >= 0) {
    const r = /^<row\b[^>]*?\br="(\d+)"/.exec(xml.slice(at, at + 300));
    return r ? Number(r[1]) : null;
  }
  let last: number | null = null;
  for (const m of xml.matchAll(PREFIXED_ROW)) last = Number(m[1]);
  return last;
}

interface SheetScan {
  readonly merges: number;
  readonly rangeCells: number;
  /** The sheet's XML rewritten (overlapping merges dropped, validations cut), or null when nothing changed. */
  readonly xml: string | null;
}

/** Merged areas: each one that overlaps an earlier one is dropped. Counted first, so the pairwise check stays bounded. */
function dropOverlappingMerges(xml: string, budget: number): { merges: number; xml: string | null } | null {
  const refs: (CellRange | null)[] = [];
  for (const m of xml.matchAll(MERGE_CELL)) {
    if (refs.length === budget) return null;
    refs.push(parseRange(m[2] ?? ''));
  }
  const kept: CellRange[] = [];
  const drop = new Set<number>();
  refs.forEach((r, i) => {
    if (!r) return;
    if (kept.some((k) => overlaps(k, r))) drop.add(i);
    else kept.push(r);
  });
  if (drop.size === 0) return { merges: refs.length, xml: null };
  let index = 0;
  const edited = xml.replace(MERGE_CELL, (whole) => (drop.has(index++) ? '' : whole));
  return { merges: refs.length, xml: edited };
}

/**
 * Where the sheet's cells end (0-based): the last row element (exact) and the dimension's right edge.
 * A dimension may claim more than the sheet holds; then less is cut, and the count still bounds the cost.
 */
function sheetEnd(xml: string): { readonly row: number; readonly col: number } {
  const dimension = parseRange(DIMENSION.exec(xml)?.[1] ?? '');
  const lastRow = lastRowNumber(xml);
  return {
    row: lastRow !== null ? lastRow - 1 : (dimension?.bottom ?? Infinity),
    col: dimension?.right ?? Infinity,
  };
}

/** Data validations cut off where the cells end (a range wholly beyond keeps its first row or column), and the cells they cover. */
function cutValidations(xml: string): { cells: number; xml: string | null } {
  if (!xml.includes('dataValidation')) return { cells: 0, xml: null };
  const end = sheetEnd(xml);
  let cells = 0;
  let changed = false;
  const edited = xml.replace(VALIDATION_SQREF, (_whole, open: string, sqref: string, close: string) => {
    const pieces = sqref.split(/\s+/).filter((p) => p !== '');
    const cut = pieces.map((piece) => {
      const r = parseRange(piece);
      if (!r) return piece;
      const range = {
        ...r,
        bottom: Math.min(r.bottom, Math.max(r.top, end.row)),
        right: Math.min(r.right, Math.max(r.left, end.col)),
      };
      cells += cellCount(range);
      if (range.bottom === r.bottom && range.right === r.right) return piece;
      changed = true;
      return rangeToA1(range);
    });
    return `${open}${cut.join(' ')}${close}`;
  });
  return { cells, xml: changed ? edited : null };
}

function scanSheet(xml: string, mergeBudget: number): SheetScan | 'tooManyMerges' {
  const merges = dropOverlappingMerges(xml, mergeBudget);
  if (!merges) return 'tooManyMerges';
  const validations = cutValidations(merges.xml ?? xml);
  return { merges: merges.merges, rangeCells: validations.cells, xml: validations.xml ?? merges.xml };
}

/** Cells the workbook's defined names cover, as ExcelJS would list them (whole rows or columns it does not list). */
async function definedNameCells(zip: JSZip): Promise<number> {
  const part = zip.file('xl/workbook.xml');
  if (!part) return 0;
  let cells = 0;
  for (const m of (await part.async('string')).matchAll(DEFINED_NAME)) {
    for (const piece of (m[1] ?? '').split(',')) {
      const r = parseRange(piece.trim());
      if (r) cells += cellCount(r);
    }
  }
  return cells;
}

/** Check (and where needed rewrite, in `zip`) every sheet before ExcelJS sees the package. */
export async function preflight(zip: JSZip, limits: PreflightLimits): Promise<Preflight> {
  let merges = 0;
  let rangeCells = await definedNameCells(zip);
  let rewritten = false;
  const tooManyCells = (): Preflight => ({
    ok: false,
    reason: 'tooManyCells',
    detail: `${rangeCells} cells under data validations and names`,
  });
  if (rangeCells > limits.maxRangeCells) return tooManyCells();
  for (const name of Object.keys(zip.files).filter((n) => SHEET_PART.test(n))) {
    const scan = scanSheet(await zip.file(name)!.async('string'), limits.maxMerges - merges);
    if (scan === 'tooManyMerges')
      return { ok: false, reason: 'tooManyMerges', detail: `> ${limits.maxMerges}` };
    merges += scan.merges;
    rangeCells += scan.rangeCells;
    if (rangeCells > limits.maxRangeCells) return tooManyCells();
    if (scan.xml !== null) {
      zip.file(name, scan.xml);
      rewritten = true;
    }
  }
  return { ok: true, rewritten };
}
