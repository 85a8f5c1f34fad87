/**
 * References adjusted for inserted columns, by Excel's rules for Insert (whole columns) and Insert
 * cells › Shift cells right (a block of rows):
 * - a cell at or right of the insertion moves right (absolute or relative alike);
 * - a range that starts at or right of it moves; one that spans it grows; one left of it stays;
 * - for a block of rows, only references lying wholly inside those rows change (a range reaching
 *   outside them, whole columns and whole rows stay as written);
 * - a 3-D reference changes only when every sheet it spans gets the same insertions;
 * - references into other workbooks, strings, names and structured references stay as written.
 */
import {
  MAX_COLUMNS,
  scanReferences,
  type FormulaStyle,
  type FoundReference,
  type RefArea,
  type RefPart,
} from './references';

/** Columns inserted before 0-based column `at`; `rows` limits the insertion to a block of rows. */
export interface ColumnInsert {
  readonly at: number;
  readonly count: number;
  readonly rows: { readonly top: number; readonly bottom: number } | null;
}

/** Insertions per sheet, applied in order (right to left, each in the original coordinates). */
export type SheetInserts = ReadonlyMap<string, readonly ColumnInsert[]>;

export interface ShiftContext {
  readonly inserts: SheetInserts;
  /** The workbook's sheets in order (for 3-D references). */
  readonly sheetOrder: readonly string[];
  /** The sheet holding the formula; null for a defined name (its references name their sheets). */
  readonly sheet: string | null;
  readonly style?: FormulaStyle;
  /** The formula's own cell, 0-based, before the insert: needed for R1C1's relative references. */
  readonly cell?: { readonly row: number; readonly col: number };
}

export type ShiftProblem =
  /** A 3-D reference over sheets that do not all get the same insertions. */
  | { readonly kind: 'partial-3d'; readonly sheets: string }
  /** A reference would leave the sheet (past column XFD). */
  | { readonly kind: 'off-sheet' }
  /** A defined name with a reference that names no sheet. */
  | { readonly kind: 'unqualified-name' };

export interface ShiftResult {
  readonly text: string;
  readonly changed: boolean;
  readonly problems: readonly ShiftProblem[];
  /** Tables named by structured references (null: this table). */
  readonly structured: readonly (string | null)[];
}

const key = (name: string) => name.normalize('NFC').toUpperCase();

export function sheetInserts(entries: Iterable<readonly [string, readonly ColumnInsert[]]>): SheetInserts {
  const map = new Map<string, readonly ColumnInsert[]>();
  for (const [sheet, list] of entries) if (list.length > 0) map.set(key(sheet), list);
  return map;
}

function insertsFor(inserts: SheetInserts, sheet: string): readonly ColumnInsert[] {
  return inserts.get(key(sheet)) ?? [];
}

const inRows = (ins: ColumnInsert, top: number, bottom: number) =>
  ins.rows === null || (top >= ins.rows.top && bottom <= ins.rows.bottom);

/** Where column `col` of row `row` ends up (null: pushed off the sheet). */
export function shiftColumn(col: number, row: number, list: readonly ColumnInsert[]): number {
  let c = col;
  for (const ins of list) if (inRows(ins, row, row) && c >= ins.at) c += ins.count;
  return c;
}

/** A span of columns [left, right] over rows [top, bottom] (null rows: whole columns). */
function shiftSpan(
  left: number,
  right: number,
  rows: { top: number; bottom: number } | null,
  list: readonly ColumnInsert[],
): [number, number] {
  let l = left;
  let r = right;
  for (const ins of list) {
    if (rows === null ? ins.rows !== null : !inRows(ins, rows.top, rows.bottom)) continue;
    if (l >= ins.at) {
      l += ins.count;
      r += ins.count;
    } else if (r >= ins.at) r += ins.count;
  }
  return [l, r];
}

interface Absolute {
  readonly row: number | null;
  readonly col: number | null;
}

export function shiftFormula(text: string, ctx: ShiftContext): ShiftResult {
  const style = ctx.style ?? 'A1';
  const problems: ShiftProblem[] = [];
  const origin = ctx.cell ?? { row: 0, col: 0 };
  const ownList = ctx.sheet === null ? [] : insertsFor(ctx.inserts, ctx.sheet);
  const newOrigin = { row: origin.row, col: shiftColumn(origin.col, origin.row, ownList) };
  let changed = false;

  const listOf = (ref: FoundReference): readonly ColumnInsert[] | null => {
    if (ref.external) return [];
    if (ref.sheet === null) {
      if (ctx.sheet === null) {
        if (ctx.inserts.size > 0) problems.push({ kind: 'unqualified-name' });
        return [];
      }
      return ownList;
    }
    if (ref.sheet.last === null) return insertsFor(ctx.inserts, ref.sheet.first);
    // A 3-D span: every sheet in it must get the same insertions, or none of them any.
    const order = ctx.sheetOrder.map(key);
    const a = order.indexOf(key(ref.sheet.first));
    const b = order.indexOf(key(ref.sheet.last));
    if (a < 0 || b < 0) return [];
    const span = ctx.sheetOrder.slice(Math.min(a, b), Math.max(a, b) + 1);
    const lists = span.map((s) => JSON.stringify(insertsFor(ctx.inserts, s)));
    if (lists.every((l) => l === lists[0])) return insertsFor(ctx.inserts, span[0]!);
    problems.push({ kind: 'partial-3d', sheets: `${ref.sheet.first}:${ref.sheet.last}` });
    return null;
  };

  // R1C1 relative parts are offsets from the formula's cell: resolve them, shift, and make them relative again.
  const abs = (p: RefPart, base: number) => (p.absolute || style === 'A1' ? p.index : base + p.index);
  const rel = (p: RefPart, index: number, base: number): RefPart =>
    p.absolute || style === 'A1' ? { index, absolute: p.absolute } : { index: index - base, absolute: false };

  const shiftArea = (area: RefArea, list: readonly ColumnInsert[]): RefArea | 'off-sheet' => {
    const o = origin;
    const no = newOrigin;
    switch (area.kind) {
      case 'cell': {
        const target: Absolute = { row: abs(area.row, o.row), col: abs(area.col, o.col) };
        const col = shiftColumn(target.col!, target.row!, list);
        if (col >= MAX_COLUMNS) return 'off-sheet';
        return { kind: 'cell', row: rel(area.row, target.row!, no.row), col: rel(area.col, col, no.col) };
      }
      case 'area': {
        const [t, b] = [abs(area.top, o.row), abs(area.bottom, o.row)];
        const [l, r] = [abs(area.left, o.col), abs(area.right, o.col)];
        const rows = { top: Math.min(t, b), bottom: Math.max(t, b) };
        const [nl, nr] = shiftSpan(Math.min(l, r), Math.max(l, r), rows, list);
        if (nl >= MAX_COLUMNS) return 'off-sheet';
        const right = Math.min(nr, MAX_COLUMNS - 1);
        const [newLeft, newRight] = l <= r ? [nl, right] : [right, nl];
        return {
          kind: 'area',
          top: rel(area.top, t, no.row),
          bottom: rel(area.bottom, b, no.row),
          left: rel(area.left, newLeft, no.col),
          right: rel(area.right, newRight, no.col),
        };
      }
      case 'columns': {
        const [l, r] = [abs(area.left, o.col), abs(area.right, o.col)];
        const [nl, nr] = shiftSpan(Math.min(l, r), Math.max(l, r), null, list);
        if (nl >= MAX_COLUMNS) return 'off-sheet';
        const right = Math.min(nr, MAX_COLUMNS - 1);
        const [newLeft, newRight] = l <= r ? [nl, right] : [right, nl];
        return {
          kind: 'columns',
          left: rel(area.left, newLeft, no.col),
          right: rel(area.right, newRight, no.col),
        };
      }
      case 'rows':
        return {
          kind: 'rows',
          top: rel(area.top, abs(area.top, o.row), no.row),
          bottom: rel(area.bottom, abs(area.bottom, o.row), no.row),
        };
    }
  };

  const scanned = scanReferences(text, style, (ref) => {
    const list = listOf(ref);
    if (list === null) return 'keep';
    // In R1C1 a relative reference changes when its own cell moves, even if its target does not.
    if (
      list.length === 0 &&
      (style === 'A1' || (newOrigin.col === origin.col && newOrigin.row === origin.row))
    )
      return 'keep';
    const next = shiftArea(ref.area, list);
    if (next === 'off-sheet') {
      problems.push({ kind: 'off-sheet' });
      return 'keep';
    }
    if (JSON.stringify(next) === JSON.stringify(ref.area)) return 'keep';
    changed = true;
    return next;
  });
  return { text: scanned.text, changed, problems, structured: scanned.structured };
}

/**
 * A formula written for one cell, as it reads in a cell `rows` down and `cols` right (what a shared
 * formula means in each of its cells): relative A1 parts move, absolute ones stay, and a reference
 * pushed off the sheet becomes #REF!, as Excel copies a formula.
 */
export function translateFormula(text: string, rows: number, cols: number): string {
  return scanReferences(text, 'A1', (ref) => {
    const move = (p: RefPart, by: number, limit: number): RefPart | null => {
      if (p.absolute) return p;
      const index = p.index + by;
      return index < 0 || index >= limit ? null : { index, absolute: false };
    };
    const area = ref.area;
    const R = (p: RefPart) => move(p, rows, 1048576);
    const C = (p: RefPart) => move(p, cols, MAX_COLUMNS);
    let next: RefArea | null = null;
    switch (area.kind) {
      case 'cell': {
        const [row, col] = [R(area.row), C(area.col)];
        next = row && col ? { kind: 'cell', row, col } : null;
        break;
      }
      case 'area': {
        const [top, left, bottom, right] = [R(area.top), C(area.left), R(area.bottom), C(area.right)];
        next = top && left && bottom && right ? { kind: 'area', top, left, bottom, right } : null;
        break;
      }
      case 'columns': {
        const [left, right] = [C(area.left), C(area.right)];
        next = left && right ? { kind: 'columns', left, right } : null;
        break;
      }
      case 'rows': {
        const [top, bottom] = [R(area.top), R(area.bottom)];
        next = top && bottom ? { kind: 'rows', top, bottom } : null;
        break;
      }
    }
    return next ?? 'ref-error';
  }).text;
}
