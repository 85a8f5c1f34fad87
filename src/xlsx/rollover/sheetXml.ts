/**
 * One worksheet part after a column insert, as Excel leaves it: cells (values, styles, formulas)
 * moved right, the inserted cells formatted like their left neighbours, column widths, merges,
 * conditional formats, validations (also x14), hyperlinks, the autofilter, selections and page
 * breaks moved or grown; every formula that refers to a shifted sheet adjusted; then the plan's
 * header cells, format copies, merges and mark dropdowns written. Untouched XML is copied as written.
 */
import {
  columnLetters,
  parseA1,
  parseRange,
  rangeToA1,
  type CellRange,
  MAX_COLUMNS,
  shiftColumn,
  shiftFormula,
  translateFormula,
  type ColumnInsert,
  type ShiftContext,
  type ShiftProblem,
  type SheetRollover,
} from '../../core';
import { decodeXml, escapeXmlAttr, escapeXmlText } from '../package/xml';
import { attr, parseStartTag, withAttr, writeStartTag, xmlTags, type StartTag } from './xml';

export interface Located {
  readonly where: string;
  readonly problem: ShiftProblem | { readonly kind: 'data-table' };
}

export interface SheetContext {
  readonly name: string;
  /** This sheet's own insertions (empty when only its formulas may change). */
  readonly inserts: readonly ColumnInsert[];
  readonly formulaContext: (cell?: { row: number; col: number }) => ShiftContext;
  readonly roll: SheetRollover | null;
  readonly symbols: readonly string[];
}

export interface SheetResult {
  readonly xml: string;
  readonly changed: boolean;
  readonly problems: readonly Located[];
}

const FORMULA_TEXT = new Set(['formula', 'formula1', 'formula2', 'f']);
const REF_ATTRS = new Set(['ref', 'sqref', 'topLeftCell', 'activeCell']);

function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon + 1) : '';
}

/** Index just past the close tag matching the open tag at `from` (same local name, counting nesting). */
function closeOf(xml: string, from: number, local: string): { innerEnd: number; end: number } {
  let depth = 0;
  for (const tag of xmlTags(xml.slice(from))) {
    if (tag.local !== local) continue;
    if (tag.kind === 'open') depth += 1;
    else if (tag.kind === 'close') {
      depth -= 1;
      if (depth === 0) return { innerEnd: from + tag.start, end: from + tag.end };
    }
  }
  return { innerEnd: xml.length, end: xml.length };
}

interface Cell {
  col: number;
  tag: StartTag;
  inner: string | null;
}

interface Row {
  index: number;
  tag: StartTag;
  cells: Cell[];
}

export function rolloverSheetXml(xml: string, sheet: SheetContext): SheetResult {
  const problems: Located[] = [];
  const own = sheet.inserts;
  let changed = false;
  const shiftText = (text: string, where: string, cell?: { row: number; col: number }) => {
    const result = shiftFormula(text, sheet.formulaContext(cell));
    for (const problem of result.problems) problems.push({ where, problem });
    if (result.changed) changed = true;
    return result.text;
  };
  const at = (where: string) => `${sheet.name}!${where}`;

  // Pass 1: sheet data, columns, every reference-bearing attribute and formula text.
  const out: string[] = [];
  let copied = 0;
  const iter = xmlTags(xml);
  const skipTo = (end: number) => {
    for (let t = iter.next(); !t.done; t = iter.next()) if (t.value.end >= end) return;
  };
  let autoFilter: CellRange | null = null;
  for (let step = iter.next(); !step.done; step = iter.next()) {
    const tag = step.value;
    if (tag.kind === 'close' || tag.kind === 'other') continue;
    const raw = xml.slice(tag.start, tag.end);
    if (tag.local === 'sheetData') {
      const close =
        tag.kind === 'empty' ? { innerEnd: tag.end, end: tag.end } : closeOf(xml, tag.start, 'sheetData');
      const inner = tag.kind === 'empty' ? '' : xml.slice(tag.end, close.innerEnd);
      const rows = rewriteRows(inner, prefixOf(parseStartTag(raw).name));
      if (rows !== null) {
        const start = parseStartTag(raw);
        out.push(
          xml.slice(copied, tag.start),
          writeStartTag({ ...start, empty: false }),
          rows,
          `</${start.name}>`,
        );
        copied = close.end;
        changed = true;
      }
      if (tag.kind === 'open') skipTo(close.end);
      continue;
    }
    if (tag.local === 'cols' && tag.kind === 'open' && own.some((i) => i.rows === null)) {
      const close = closeOf(xml, tag.start, 'cols');
      out.push(xml.slice(copied, tag.end), rewriteCols(xml.slice(tag.end, close.innerEnd)));
      copied = close.innerEnd;
      changed = true;
      skipTo(close.innerEnd);
      continue;
    }
    let start: StartTag | null = null;
    const parsed = () => (start ??= parseStartTag(raw));
    let edited = false;
    const st = parsed();
    for (const [key] of st.attrs) {
      const local = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
      if (!REF_ATTRS.has(local) && !(local === 'location' && tag.local === 'hyperlink')) continue;
      const before = attr(st, key)!;
      const after = shiftText(before, at(`${tag.local}@${local}`));
      if (after !== before) {
        start = withAttr(parsed(), key, after);
        edited = true;
      }
    }
    if (tag.local === 'autoFilter') autoFilter = parseRange(attr(st, 'ref') ?? '');
    if (tag.local === 'filterColumn' && autoFilter) {
      const colId = Number(attr(st, 'colId'));
      const left = autoFilter.left;
      const movedLeft = shiftColumn(left, autoFilter.top, spanInserts(autoFilter));
      const moved = shiftColumn(left + colId, autoFilter.top, spanInserts(autoFilter)) - movedLeft;
      if (Number.isInteger(colId) && moved !== colId) {
        start = withAttr(parsed(), 'colId', String(moved));
        edited = true;
      }
    }
    if (
      tag.local === 'brk' &&
      own.some((i) => i.rows === null) &&
      xml.lastIndexOf('colBreaks', tag.start) > xml.lastIndexOf('rowBreaks', tag.start)
    ) {
      const id = Number(attr(st, 'id'));
      const moved = shiftColumn(
        id,
        0,
        own.filter((i) => i.rows === null),
      );
      if (Number.isInteger(id) && moved !== id) {
        start = withAttr(parsed(), 'id', String(moved));
        edited = true;
      }
    }
    if (edited) {
      out.push(xml.slice(copied, tag.start), writeStartTag(start!));
      copied = tag.end;
      changed = true;
    }
    if ((FORMULA_TEXT.has(tag.local) || tag.local === 'sqref') && tag.kind === 'open') {
      // Only an element holding text alone (<x14:formula1> holds an <xm:f>, which comes next).
      const next = xml.indexOf('<', tag.end);
      if (next < 0 || xml.charCodeAt(next + 1) !== 47) continue;
      const text = decodeXml(xml.slice(tag.end, next));
      const after = shiftText(text, at(tag.local));
      if (after !== text) {
        out.push(xml.slice(copied, tag.end), escapeXmlText(after));
        copied = next;
      }
    }
  }
  out.push(xml.slice(copied));
  let result = out.join('');

  if (sheet.roll) {
    result = applyMerges(result, sheet.roll);
    if (sheet.roll.markRanges.length > 0)
      result = applyDropdowns(result, sheet.roll.markRanges, sheet.symbols);
    changed = true;
  }
  return { xml: changed ? result : xml, changed, problems };

  /** The insertions that move an area's columns (a block of rows moves only areas inside it). */
  function spanInserts(area: CellRange): ColumnInsert[] {
    return own.filter((i) => i.rows === null || (area.top >= i.rows.top && area.bottom <= i.rows.bottom));
  }

  function rewriteCols(inner: string): string {
    const whole = own.filter((i) => i.rows === null);
    const cols: StartTag[] = [];
    for (const t of xmlTags(inner))
      if (t.local === 'col' && t.kind !== 'close') cols.push(parseStartTag(inner.slice(t.start, t.end)));
    let list = cols.map((c) => ({
      min: Number(attr(c, 'min')) - 1,
      max: Number(attr(c, 'max')) - 1,
      tag: c,
    }));
    for (const ins of whole) {
      const next: typeof list = [];
      for (const c of list) {
        if (c.min >= ins.at) next.push({ ...c, min: c.min + ins.count, max: c.max + ins.count });
        else if (c.max >= ins.at) next.push({ ...c, max: c.max + ins.count });
        else {
          next.push(c);
          // The inserted columns take the width and format of the column on their left.
          if (c.max === ins.at - 1) next.push({ ...c, min: ins.at, max: ins.at + ins.count - 1 });
        }
      }
      list = next
        .filter((c) => c.min < MAX_COLUMNS)
        .map((c) => ({ ...c, max: Math.min(c.max, MAX_COLUMNS - 1) }))
        .sort((a, b) => a.min - b.min);
    }
    return list
      .map((c) =>
        writeStartTag(
          withAttr(withAttr({ ...c.tag, empty: true }, 'min', String(c.min + 1)), 'max', String(c.max + 1)),
        ),
      )
      .join('');
  }

  function rewriteRows(inner: string, prefix: string): string | null {
    const rows = readRows(inner);
    if (rows === null) return null;
    let touched = own.length > 0 || sheet.roll !== null;
    // Shared formulas: each cell's own text, in original coordinates.
    const masters = new Map<string, { text: string; row: number; col: number }>();
    for (const row of rows)
      for (const cell of row.cells) {
        const f = formulaOf(cell);
        if (f && attr(f.tag, 't') === 'shared' && attr(f.tag, 'ref') !== undefined)
          masters.set(attr(f.tag, 'si') ?? '', { text: f.text, row: row.index, col: cell.col });
      }
    // A shared group is written out cell by cell when any of its cells changes (or its cells move).
    const expand = new Set<string>();
    const shared: { cell: Cell; row: number; text: string; si: string }[] = [];
    for (const row of rows)
      for (const cell of row.cells) {
        const f = formulaOf(cell);
        if (!f || attr(f.tag, 't') !== 'shared') continue;
        const si = attr(f.tag, 'si') ?? '';
        const master = masters.get(si);
        if (!master) continue;
        const text = translateFormula(master.text, row.index - master.row, cell.col - master.col);
        shared.push({ cell, row: row.index, text, si });
        if (
          own.length > 0 ||
          shiftFormula(text, sheet.formulaContext({ row: row.index, col: cell.col })).changed
        )
          expand.add(si);
      }
    const sharedText = new Map(shared.map((s) => [s.cell, s]));
    for (const row of rows)
      for (const cell of row.cells) {
        const f = formulaOf(cell);
        if (!f) continue;
        const where = at(`${colName(cell.col)}${row.index + 1}`);
        const type = attr(f.tag, 't');
        if (type === 'dataTable') {
          if (own.length > 0) problems.push({ where, problem: { kind: 'data-table' } });
          continue;
        }
        let text = f.text;
        let tag = f.tag;
        if (type === 'shared') {
          const mine = sharedText.get(cell);
          if (!mine || !expand.has(mine.si)) continue;
          text = mine.text;
          tag = withAttr(withAttr(withAttr(tag, 't', undefined), 'si', undefined), 'ref', undefined);
        }
        if (type === 'array') {
          const ref = attr(tag, 'ref');
          if (ref) tag = withAttr(tag, 'ref', shiftText(ref, where, { row: row.index, col: cell.col }));
        }
        const after = shiftText(text, where, { row: row.index, col: cell.col });
        if (after === f.text && tag === f.tag) continue;
        const head = writeStartTag({ ...tag, empty: false });
        cell.inner = `${cell.inner!.slice(0, f.start)}${head}${escapeXmlText(after)}</${tag.name}>${cell.inner!.slice(f.end)}`;
        touched = true;
      }
    if (!touched) return null;

    const byIndex = new Map(rows.map((r) => [r.index, r]));
    const rowAt = (index: number): Row => {
      let row = byIndex.get(index);
      if (!row) {
        row = {
          index,
          tag: { name: `${prefix}row`, attrs: [['r', String(index + 1)]], empty: false },
          cells: [],
        };
        byIndex.set(index, row);
      }
      return row;
    };
    for (const ins of own) {
      for (const row of byIndex.values()) {
        if (ins.rows && (row.index < ins.rows.top || row.index > ins.rows.bottom)) continue;
        let leftStyle: string | undefined;
        for (const cell of row.cells) {
          if (cell.col === ins.at - 1) leftStyle = attr(cell.tag, 's');
          if (cell.col < ins.at) continue;
          cell.col += ins.count;
          if (cell.col >= MAX_COLUMNS)
            problems.push({ where: at(`row ${row.index + 1}`), problem: { kind: 'off-sheet' } });
        }
        if (leftStyle !== undefined && leftStyle !== '0')
          for (let k = 0; k < ins.count; k += 1)
            row.cells.push({
              col: ins.at + k,
              tag: { name: `${prefix}c`, attrs: [['s', leftStyle]], empty: true },
              inner: null,
            });
        row.cells.sort((a, b) => a.col - b.col);
      }
    }
    const cellAt = (rowIndex: number, col: number): Cell => {
      const row = rowAt(rowIndex);
      let cell = row.cells.find((c) => c.col === col);
      if (!cell) {
        cell = { col, tag: { name: `${prefix}c`, attrs: [], empty: true }, inner: null };
        row.cells.push(cell);
        row.cells.sort((a, b) => a.col - b.col);
      }
      return cell;
    };
    const roll = sheet.roll;
    if (roll) {
      for (const copy of roll.formatCopies)
        for (let r = copy.top; r <= copy.bottom; r += 1) {
          const style = byIndex.get(r)?.cells.find((c) => c.col === copy.from)?.tag;
          const s = style ? attr(style, 's') : undefined;
          const target = byIndex.get(r)?.cells.find((c) => c.col === copy.to);
          if (!target && (s === undefined || s === '0')) continue;
          const cell = target ?? cellAt(r, copy.to);
          cell.tag = withAttr(cell.tag, 's', s);
        }
      for (const write of [...roll.headers, ...roll.renames]) {
        const p = parseA1(write.cell);
        if (!p) continue;
        const cell = cellAt(p.row, p.col);
        const t = `<${prefix}is><${prefix}t xml:space="preserve">${escapeXmlText(write.value)}</${prefix}t></${prefix}is>`;
        cell.tag = { ...withAttr(cell.tag, 't', 'inlineStr'), empty: false };
        cell.inner = t;
      }
    }
    const sorted = [...byIndex.values()].sort((a, b) => a.index - b.index);
    return sorted
      .map((row) => {
        const tag = own.length > 0 ? withAttr(row.tag, 'spans', undefined) : row.tag;
        const cells = row.cells
          .map((cell) => {
            const address = `${colName(cell.col)}${row.index + 1}`;
            // A new cell gets its address first, as Excel writes it.
            const start = cell.tag.attrs.some(([k]) => k === 'r')
              ? withAttr(cell.tag, 'r', address)
              : { ...cell.tag, attrs: [['r', address] as [string, string], ...cell.tag.attrs] };
            return cell.inner === null
              ? writeStartTag({ ...start, empty: true })
              : `${writeStartTag({ ...start, empty: false })}${cell.inner}</${cell.tag.name}>`;
          })
          .join('');
        return cells === '' && row.tag.empty
          ? writeStartTag({ ...tag, empty: true })
          : `${writeStartTag({ ...tag, empty: false })}${cells}</${row.tag.name}>`;
      })
      .join('');
  }
}

const colName = columnLetters;

function readRows(inner: string): Row[] | null {
  const rows: Row[] = [];
  let row: Row | null = null;
  let nextRow = 0;
  let nextCol = 0;
  let cellStart = -1;
  let cell: Cell | null = null;
  for (const tag of xmlTags(inner)) {
    if (tag.local === 'row' && tag.kind !== 'close' && cell === null) {
      const start = parseStartTag(inner.slice(tag.start, tag.end));
      const r = Number(attr(start, 'r'));
      const index = Number.isInteger(r) && r >= 1 ? r - 1 : nextRow;
      row = { index, tag: start, cells: [] };
      rows.push(row);
      nextRow = index + 1;
      nextCol = 0;
      if (tag.kind === 'empty') row = null;
    } else if (tag.local === 'row' && tag.kind === 'close' && cell === null) row = null;
    else if (tag.local === 'c' && row && tag.kind !== 'close' && cell === null) {
      const start = parseStartTag(inner.slice(tag.start, tag.end));
      const ref = attr(start, 'r');
      const col = ref ? (parseA1(ref)?.col ?? nextCol) : nextCol;
      nextCol = col + 1;
      const made: Cell = { col, tag: start, inner: null };
      row.cells.push(made);
      if (tag.kind === 'open') {
        cell = made;
        cellStart = tag.end;
      }
    } else if (tag.local === 'c' && tag.kind === 'close' && cell) {
      cell.inner = inner.slice(cellStart, tag.start);
      cell = null;
    }
  }
  return rows;
}

function formulaOf(cell: Cell): { tag: StartTag; text: string; start: number; end: number } | null {
  if (cell.inner === null || !cell.inner.includes('f')) return null;
  for (const tag of xmlTags(cell.inner)) {
    if (tag.local !== 'f' || tag.kind === 'close') continue;
    const start = parseStartTag(cell.inner.slice(tag.start, tag.end));
    if (tag.kind === 'empty') return { tag: start, text: '', start: tag.start, end: tag.end };
    const close = cell.inner.indexOf('</', tag.end);
    const end = cell.inner.indexOf('>', close) + 1;
    return { tag: start, text: decodeXml(cell.inner.slice(tag.end, close)), start: tag.start, end };
  }
  return null;
}

/** Top-level sheet elements that come after mergeCells / dataValidations (ECMA-376 CT_Worksheet order). */
const AFTER_MERGES = [
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const AFTER_VALIDATIONS = AFTER_MERGES.slice(AFTER_MERGES.indexOf('hyperlinks'));

/** Where a new top-level section goes: before the first element that must follow it. */
function insertionPoint(xml: string, after: readonly string[]): number {
  let depth = 0;
  for (const tag of xmlTags(xml)) {
    if (tag.kind === 'open') depth += 1;
    if (tag.kind === 'close') {
      depth -= 1;
      if (depth === 0) return tag.start;
    }
    const level = tag.kind === 'open' ? depth - 1 : depth;
    if (level === 1 && tag.kind !== 'close' && after.includes(tag.local)) return tag.start;
  }
  return xml.length;
}

function rootPrefix(xml: string): string {
  for (const tag of xmlTags(xml))
    if (tag.kind === 'open') return prefixOf(parseStartTag(xml.slice(tag.start, tag.end)).name);
  return '';
}

function applyMerges(xml: string, roll: SheetRollover): string {
  if (roll.merges.length === 0) return xml;
  const p = rootPrefix(xml);
  let refs: string[] = [];
  let section: { start: number; end: number } | null = null;
  for (const tag of xmlTags(xml)) {
    if (tag.local === 'mergeCells' && tag.kind !== 'close') {
      const close = tag.kind === 'empty' ? { end: tag.end } : closeOf(xml, tag.start, 'mergeCells');
      section = { start: tag.start, end: close.end };
      const inner = xml.slice(tag.start, close.end);
      for (const t of xmlTags(inner))
        if (t.local === 'mergeCell' && t.kind !== 'close')
          refs.push(attr(parseStartTag(inner.slice(t.start, t.end)), 'ref') ?? '');
      break;
    }
  }
  for (const change of roll.merges) {
    if (change.from) refs = refs.filter((r) => r !== change.from);
    refs.push(change.to);
  }
  const body = `<${p}mergeCells count="${refs.length}">${refs.map((r) => `<${p}mergeCell ref="${escapeXmlAttr(r)}"/>`).join('')}</${p}mergeCells>`;
  if (section) return xml.slice(0, section.start) + body + xml.slice(section.end);
  const point = insertionPoint(xml, AFTER_MERGES);
  return xml.slice(0, point) + body + xml.slice(point);
}

/** Rectangles of `a` not covered by `b`. */
function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (b.right < a.left || b.left > a.right || b.bottom < a.top || b.top > a.bottom) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

export function sqrefMinus(sqref: string, cut: readonly CellRange[]): string {
  let ranges = sqref
    .split(' ')
    .filter((s) => s !== '')
    .map((s) => parseRange(s.includes(':') ? s : `${s}:${s}`));
  if (ranges.some((r) => r === null)) return sqref;
  let list = ranges as CellRange[];
  for (const c of cut) list = list.flatMap((r) => subtract(r, c));
  ranges = list;
  return list
    .map((r) => (r.top === r.bottom && r.left === r.right ? rangeToA1(r).split(':')[0]! : rangeToA1(r)))
    .join(' ');
}

/** The mark list on the given cells; any older validation over those cells gives them up, as in Excel. */
export function applyDropdowns(xml: string, ranges: readonly string[], symbols: readonly string[]): string {
  const cut = ranges.map((r) => parseRange(r)).filter((r): r is CellRange => r !== null);
  const p = rootPrefix(xml);
  // 1. Older validations (and x14 ones, whose cells sit in <xm:sqref>) give up the new cells.
  const out: string[] = [];
  let copied = 0;
  let inX14 = false;
  for (const tag of xmlTags(xml)) {
    if (tag.local === 'dataValidation' && tag.kind !== 'close') {
      const start = parseStartTag(xml.slice(tag.start, tag.end));
      inX14 = prefixOf(start.name) !== p;
      const before = attr(start, 'sqref');
      if (before === undefined) continue;
      const after = sqrefMinus(before, cut);
      if (after === before) continue;
      if (after === '') {
        const close = tag.kind === 'empty' ? { end: tag.end } : closeOf(xml, tag.start, 'dataValidation');
        out.push(xml.slice(copied, tag.start));
        copied = close.end;
      } else {
        out.push(xml.slice(copied, tag.start), writeStartTag(withAttr(start, 'sqref', after)));
        copied = tag.end;
      }
    } else if (tag.local === 'dataValidation' && tag.kind === 'close') inX14 = false;
    else if (inX14 && tag.local === 'sqref' && tag.kind === 'open' && tag.start >= copied) {
      const close = closeOf(xml, tag.start, 'sqref');
      const before = decodeXml(xml.slice(tag.end, close.innerEnd));
      const after = sqrefMinus(before, cut);
      // An x14 validation left with no cells keeps its (now empty-looking) place; Excel drops it on save.
      if (after !== before && after !== '') {
        out.push(xml.slice(copied, tag.end), escapeXmlText(after));
        copied = close.innerEnd;
      }
    }
  }
  out.push(xml.slice(copied));
  const trimmed = out.join('');

  // 2. The new validations, in the sheet's own dataValidations (created where the schema wants it).
  const list = `"${symbols.join(',')}"`;
  const added = ranges
    .map(
      (r) =>
        `<${p}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${escapeXmlAttr(r)}"><${p}formula1>${escapeXmlText(list)}</${p}formula1></${p}dataValidation>`,
    )
    .join('');
  for (const tag of xmlTags(trimmed)) {
    if (tag.local !== 'dataValidations' || tag.kind === 'close') continue;
    const start = parseStartTag(trimmed.slice(tag.start, tag.end));
    if (prefixOf(start.name) !== p) continue;
    const close =
      tag.kind === 'empty'
        ? { innerEnd: tag.end, end: tag.end }
        : closeOf(trimmed, tag.start, 'dataValidations');
    const inner = tag.kind === 'empty' ? '' : trimmed.slice(tag.end, close.innerEnd);
    let count = ranges.length;
    for (const t of xmlTags(inner)) if (t.local === 'dataValidation' && t.kind !== 'close') count += 1;
    const head = writeStartTag({ ...withAttr(start, 'count', String(count)), empty: false });
    return `${trimmed.slice(0, tag.start)}${head}${inner}${added}</${start.name}>${trimmed.slice(close.end)}`;
  }
  const point = insertionPoint(trimmed, AFTER_VALIDATIONS);
  return `${trimmed.slice(0, point)}<${p}dataValidations count="${ranges.length}">${added}</${p}dataValidations>${trimmed.slice(point)}`;
}
