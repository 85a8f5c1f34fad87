/**
 * A year rollover applied to an .xlsx package as Excel's column insert applies it: the sheets' own
 * XML (sheetXml.ts), and around them notes (comments, their VML boxes, threaded comments), drawings
 * anchored in cells, tables, charts' series, defined names (print areas and titles, the filter
 * database) and every other sheet's formulas. What cannot be adjusted safely — pivot tables and
 * their caches, slicers and query tables on a shifted sheet, tables the insert would cut, structured
 * references to tables we do not know, 3-D references over sheets shifted differently — refuses
 * the whole rollover before anything is written. Every part not changed is copied as it was.
 * No Node imports.
 */
import type { Deflate } from './zipWrite';
import {
  parseRange,
  type CellRange,
  shiftColumn,
  shiftFormula,
  sheetInserts,
  type ColumnInsert,
  type ShiftContext,
  type ShiftProblem,
  type RolloverPlan,
  type SheetRollover,
} from '../../core';
import { DEFAULT_LIMITS } from '../package/readXlsx';
import { EditablePackage, relsPartName } from './package';
import { rolloverSheetXml } from './sheetXml';
import { decodeXml, escapeXmlText } from '../package/xml';
import { attr, parseStartTag, withAttr, writeStartTag, xmlTags } from './xml';

export type RefusalReason =
  | 'pivot'
  | 'slicer'
  | 'queryTable'
  | 'tableCut'
  | 'structuredRef'
  | 'partial3d'
  | 'offSheet'
  | 'unqualifiedName'
  | 'dataTable';

export interface Refusal {
  readonly reason: RefusalReason;
  /** Sheet and cell, part, or name. */
  readonly where: string;
}

export type PackageRolloverResult =
  | { readonly kind: 'written'; readonly bytes: Uint8Array; readonly changedParts: readonly string[] }
  | { readonly kind: 'refused'; readonly refusals: readonly Refusal[] };

interface SheetPart {
  readonly name: string;
  readonly part: string;
  readonly index: number;
}

const PROBLEM_REASON: Record<ShiftProblem['kind'] | 'data-table', RefusalReason> = {
  'partial-3d': 'partial3d',
  'off-sheet': 'offSheet',
  'unqualified-name': 'unqualifiedName',
  'data-table': 'dataTable',
};

function sheetsOf(pkg: EditablePackage): { workbook: string; sheets: SheetPart[] } {
  const office = pkg.relationships('').find((r) => r.kind === 'officeDocument');
  const workbook = office?.part ?? 'xl/workbook.xml';
  const text = pkg.text(workbook) ?? '';
  const rels = new Map(pkg.relationships(workbook).map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const tag of xmlTags(text)) {
    if (tag.local !== 'sheet' || tag.kind === 'close') continue;
    const start = parseStartTag(text.slice(tag.start, tag.end));
    const rel = rels.get(attr(start, 'id') ?? '');
    if (rel?.part) sheets.push({ name: attr(start, 'name') ?? '', part: rel.part, index: sheets.length });
  }
  return { workbook, sheets };
}

/** One anchored object's columns after the insert (Excel's move-and-size rules). */
function shiftAnchor(
  from: { col: number; row: number },
  to: { col: number; colOff: number; row: number } | null,
  mode: 'twoCell' | 'oneCell' | 'absolute',
  list: readonly ColumnInsert[],
): { from: number; to: number | null } {
  let f = from.col;
  let t = to?.col ?? null;
  if (mode === 'absolute') return { from: f, to: t };
  for (const ins of list) {
    const bottom = to?.row ?? from.row;
    if (ins.rows && (from.row < ins.rows.top || bottom > ins.rows.bottom)) continue;
    if (f >= ins.at) {
      f += ins.count;
      if (t !== null) t += ins.count;
    } else if (t !== null && mode === 'twoCell' && (t > ins.at || (t === ins.at && to!.colOff > 0)))
      t += ins.count;
  }
  return { from: f, to: t };
}

/** Text of the first element named `local` inside `xml` (start and end of the text), or null. */
function elementText(xml: string, local: string, from = 0): { start: number; end: number } | null {
  let open = -1;
  for (const tag of xmlTags(xml.slice(from))) {
    if (tag.local !== local) continue;
    if (tag.kind === 'open') open = from + tag.end;
    else if (tag.kind === 'close' && open >= 0) return { start: open, end: from + tag.start };
  }
  return null;
}

function replaceText(xml: string, spans: { start: number; end: number; text: string }[]): string {
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let copied = 0;
  for (const s of spans) {
    out += xml.slice(copied, s.start) + s.text;
    copied = s.end;
  }
  return out + xml.slice(copied);
}

function rewriteDrawing(xml: string, list: readonly ColumnInsert[]): string {
  const spans: { start: number; end: number; text: string }[] = [];
  const iter = xmlTags(xml);
  for (let step = iter.next(); !step.done; step = iter.next()) {
    const tag = step.value;
    const isAnchor = tag.local === 'twoCellAnchor' || tag.local === 'oneCellAnchor';
    if (!isAnchor || tag.kind !== 'open') continue;
    const start = parseStartTag(xml.slice(tag.start, tag.end));
    const edit = attr(start, 'editAs');
    const mode =
      tag.local === 'oneCellAnchor' || edit === 'oneCell'
        ? 'oneCell'
        : edit === 'absolute'
          ? 'absolute'
          : 'twoCell';
    const fromEl = elementText(xml, 'from', tag.end);
    if (!fromEl) continue;
    const read = (at: number, limit: number) => {
      const col = elementText(xml, 'col', at);
      const colOff = elementText(xml, 'colOff', at);
      const row = elementText(xml, 'row', at);
      if (!col || !row || col.start > limit || row.start > limit) return null;
      return {
        col: Number(xml.slice(col.start, col.end)),
        colOff: colOff && colOff.start < limit ? Number(xml.slice(colOff.start, colOff.end)) : 0,
        row: Number(xml.slice(row.start, row.end)),
        span: col,
      };
    };
    const from = read(fromEl.start, fromEl.end);
    const toEl = tag.local === 'twoCellAnchor' ? elementText(xml, 'to', fromEl.end) : null;
    const to = toEl ? read(toEl.start, toEl.end) : null;
    if (!from) continue;
    const moved = shiftAnchor(from, to, mode, list);
    if (moved.from !== from.col) spans.push({ ...from.span, text: String(moved.from) });
    if (to && moved.to !== null && moved.to !== to.col) spans.push({ ...to.span, text: String(moved.to) });
  }
  return spans.length === 0 ? xml : replaceText(xml, spans);
}

/** Notes' VML boxes: the note's cell (x:Row, x:Column) and its box (x:Anchor) move with the cell. */
function rewriteVml(xml: string, list: readonly ColumnInsert[]): string {
  const spans: { start: number; end: number; text: string }[] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf('ClientData', at);
    if (open < 0) break;
    const close = xml.indexOf('ClientData>', open + 10);
    const end = close < 0 ? xml.length : close;
    const block = { start: open, end };
    at = end + 11;
    const inside = (local: string) => {
      const found = elementText(xml.slice(0, block.end), local, block.start);
      return found && found.start >= block.start ? found : null;
    };
    const rowEl = inside('Row');
    const colEl = inside('Column');
    const anchorEl = inside('Anchor');
    const row = rowEl ? Number(xml.slice(rowEl.start, rowEl.end).trim()) : null;
    const col = colEl ? Number(xml.slice(colEl.start, colEl.end).trim()) : null;
    let delta = 0;
    if (row !== null && col !== null) {
      delta = shiftColumn(col, row, list) - col;
      if (delta !== 0) spans.push({ ...colEl!, text: String(col + delta) });
    }
    if (anchorEl) {
      const parts = xml
        .slice(anchorEl.start, anchorEl.end)
        .split(',')
        .map((s) => Number(s.trim()));
      if (parts.length === 8 && parts.every(Number.isFinite)) {
        let [left, right] = [parts[0]!, parts[4]!];
        if (row !== null && col !== null) {
          left += delta;
          right += delta;
        } else {
          const moved = shiftAnchor(
            { col: left, row: parts[2]! },
            { col: right, colOff: parts[5]!, row: parts[6]! },
            'twoCell',
            list,
          );
          left = moved.from;
          right = moved.to!;
        }
        if (left !== parts[0] || right !== parts[4]) {
          parts[0] = left;
          parts[4] = right;
          spans.push({ ...anchorEl, text: ` ${parts.join(', ')}` });
        }
      }
    }
  }
  return spans.length === 0 ? xml : replaceText(xml, spans);
}

/** Every `ref` attribute of a part (comments, threaded comments) as a cell or range on the shifted sheet. */
function rewriteRefAttrs(xml: string, locals: readonly string[], shift: (ref: string) => string): string {
  const spans: { start: number; end: number; text: string }[] = [];
  for (const tag of xmlTags(xml)) {
    if (tag.kind === 'close' || !locals.includes(tag.local)) continue;
    const start = parseStartTag(xml.slice(tag.start, tag.end));
    const ref = attr(start, 'ref');
    if (ref === undefined) continue;
    const moved = shift(ref);
    if (moved !== ref)
      spans.push({ start: tag.start, end: tag.end, text: writeStartTag(withAttr(start, 'ref', moved)) });
  }
  return spans.length === 0 ? xml : replaceText(xml, spans);
}

/** Text of every element named in `locals` run through `shift` (chart series, defined names). */
function rewriteTexts(
  xml: string,
  locals: readonly string[],
  shift: (text: string, tag: string) => string,
): string {
  const spans: { start: number; end: number; text: string }[] = [];
  let open: { end: number; raw: string } | null = null;
  for (const tag of xmlTags(xml)) {
    if (!locals.includes(tag.local)) continue;
    if (tag.kind === 'open') open = { end: tag.end, raw: xml.slice(tag.start, tag.end) };
    else if (tag.kind === 'close' && open) {
      const raw = xml.slice(open.end, tag.start);
      // Text only: an element with children is not a formula.
      if (raw.includes('<')) {
        open = null;
        continue;
      }
      const text = decodeXml(raw);
      const moved = shift(text, open.raw);
      if (moved !== text) spans.push({ start: open.end, end: tag.start, text: escapeXmlText(moved) });
      open = null;
    }
  }
  return spans.length === 0 ? xml : replaceText(xml, spans);
}

export function applyRolloverToPackage(
  bytes: Uint8Array,
  plan: RolloverPlan,
  symbols: readonly string[],
  /** How changed parts are compressed (fflate unless the caller has a faster one). */
  deflate?: Deflate,
): PackageRolloverResult {
  const pkg = new EditablePackage(bytes, DEFAULT_LIMITS.maxUncompressedBytes);
  const { workbook, sheets } = sheetsOf(pkg);
  const refusals: Refusal[] = [];
  const rolls = new Map<string, SheetRollover>(plan.sheets.map((s) => [s.sheet, s]));
  const inserts = sheetInserts(plan.sheets.map((s) => [s.sheet, s.insertions as ColumnInsert[]]));
  const order = sheets.map((s) => s.name);
  const context = (sheet: string | null, cell?: { row: number; col: number }): ShiftContext => ({
    inserts,
    sheetOrder: order,
    sheet,
    ...(cell ? { cell } : {}),
  });
  const shiftIn = (sheet: string | null, where: string) => (text: string) => {
    const result = shiftFormula(text, context(sheet));
    for (const p of result.problems) refusals.push({ reason: PROBLEM_REASON[p.kind], where });
    return result.text;
  };

  // Tables: where they are, whether the insert cuts them, their names for structured references.
  const tables = new Map<string, { sheet: string; ref: CellRange | null; part: string; moves: boolean }>();
  for (const sheet of sheets) {
    const list = rolls.get(sheet.name)?.insertions ?? [];
    const rels = pkg.relationships(sheet.part);
    for (const rel of rels) {
      if (!rel.part) continue;
      if (
        list.length > 0 &&
        (rel.kind === 'pivotTable' ||
          rel.kind === 'queryTable' ||
          rel.kind === 'slicer' ||
          rel.kind === 'timeline')
      )
        refusals.push({
          reason: rel.kind === 'pivotTable' ? 'pivot' : rel.kind === 'queryTable' ? 'queryTable' : 'slicer',
          where: sheet.name,
        });
      if (rel.kind !== 'table') continue;
      const text = pkg.text(rel.part) ?? '';
      for (const tag of xmlTags(text)) {
        if (tag.local !== 'table' || tag.kind === 'close') continue;
        const start = parseStartTag(text.slice(tag.start, tag.end));
        const ref = parseRange(attr(start, 'ref') ?? '');
        const name = attr(start, 'name') ?? attr(start, 'displayName') ?? '';
        let moves = false;
        for (const ins of list) {
          if (!ref) continue;
          const inBand = ins.rows === null || (ref.top >= ins.rows.top && ref.bottom <= ins.rows.bottom);
          const overlapsBand =
            ins.rows === null || (ref.bottom >= ins.rows.top && ref.top <= ins.rows.bottom);
          if (ref.right < ins.at || !overlapsBand) continue;
          if (!inBand || ref.left < ins.at)
            refusals.push({ reason: 'tableCut', where: `${sheet.name}!${attr(start, 'ref')} (${name})` });
          else moves = true;
        }
        tables.set(name.toUpperCase(), { sheet: sheet.name, ref, part: rel.part, moves });
        tables.set((attr(start, 'displayName') ?? name).toUpperCase(), {
          sheet: sheet.name,
          ref,
          part: rel.part,
          moves,
        });
        break;
      }
    }
  }
  // Pivot caches reading from a shifted sheet (or from a name we cannot see through).
  for (const name of pkg.names()) {
    if (!isPartIn(name, 'xl/pivotcache/pivotcachedefinition')) continue;
    const text = pkg.text(name) ?? '';
    for (const tag of xmlTags(text)) {
      if (tag.local !== 'worksheetSource' || tag.kind === 'close') continue;
      const start = parseStartTag(text.slice(tag.start, tag.end));
      const sheet = attr(start, 'sheet');
      if ((sheet !== undefined && rolls.has(sheet)) || (sheet === undefined && plan.sheets.length > 0))
        refusals.push({ reason: 'pivot', where: name });
    }
  }

  // Every sheet: its XML; for shifted sheets also its notes, drawings and tables.
  for (const sheet of sheets) {
    const text = pkg.text(sheet.part);
    if (text === null) continue;
    const roll = rolls.get(sheet.name) ?? null;
    const list = (roll?.insertions ?? []) as readonly ColumnInsert[];
    const result = rolloverSheetXml(text, {
      name: sheet.name,
      inserts: list,
      formulaContext: (cell) => context(sheet.name, cell),
      roll,
      symbols,
    });
    for (const p of result.problems)
      refusals.push({ reason: PROBLEM_REASON[p.problem.kind], where: p.where });
    // Structured references must name a table we know (and, being known, not cut: refused above).
    for (const f of structuredIn(text))
      if (f !== null && !tables.has(f.toUpperCase()))
        refusals.push({ reason: 'structuredRef', where: `${sheet.name} (${f})` });
    if (result.changed) pkg.setText(sheet.part, result.xml);
    if (list.length === 0) continue;
    const cellShift = (ref: string) => shiftFormula(ref, context(sheet.name)).text;
    for (const rel of pkg.relationships(sheet.part)) {
      if (!rel.part || !pkg.has(rel.part)) continue;
      const part = pkg.text(rel.part) ?? '';
      let next = part;
      if (rel.kind === 'comments') next = rewriteRefAttrs(part, ['comment'], cellShift);
      else if (rel.kind === 'threadedComment') next = rewriteRefAttrs(part, ['threadedComment'], cellShift);
      else if (rel.kind === 'vmlDrawing') next = rewriteVml(part, list);
      else if (rel.kind === 'drawing') next = rewriteDrawing(part, list);
      else if (rel.kind === 'table') {
        next = rewriteRefAttrs(part, ['table', 'autoFilter', 'sortState', 'sortCondition'], cellShift);
        next = rewriteTexts(
          next,
          ['calculatedColumnFormula', 'totalsRowFormula'],
          shiftIn(sheet.name, rel.part),
        );
      }
      if (next !== part) pkg.setText(rel.part, next);
    }
  }

  // Charts anywhere may draw from a shifted sheet.
  for (const name of pkg.names()) {
    if (!isPartIn(name, 'xl/charts/chart')) continue;
    const text = pkg.text(name) ?? '';
    const next = rewriteTexts(text, ['f'], shiftIn(null, name));
    if (next !== text) pkg.setText(name, next);
  }

  // Defined names: print areas and titles, the filter database, the user's names.
  const wbText = pkg.text(workbook) ?? '';
  const names = rewriteTexts(wbText, ['definedName'], (text, raw) => {
    const local = attr(parseStartTag(raw), 'localSheetId');
    const owner = local !== undefined ? (sheets[Number(local)]?.name ?? null) : null;
    const label = attr(parseStartTag(raw), 'name') ?? '';
    // A name's references name their sheets; a sheet-level name's bare references mean its own sheet.
    const result = shiftFormula(text, context(owner));
    for (const p of result.problems) refusals.push({ reason: PROBLEM_REASON[p.kind], where: label });
    for (const f of result.structured)
      if (f !== null && !tables.has(f.toUpperCase()))
        refusals.push({ reason: 'structuredRef', where: label });
    return result.text;
  });
  if (refusals.length > 0) return { kind: 'refused', refusals: dedupe(refusals) };
  if (names !== wbText) pkg.setText(workbook, names);

  // The calculation chain lists formula cells by address: Excel rebuilds it when it is missing.
  dropCalcChain(pkg, workbook);
  return { kind: 'written', bytes: pkg.write(deflate), changedParts: pkg.changedParts() };
}

/** `xl/charts/chart7.xml` is in 'xl/charts/chart' (case-insensitive, no deeper folder). */
function isPartIn(name: string, prefix: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(prefix) && lower.endsWith('.xml') && !lower.slice(prefix.length).includes('/');
}

function structuredIn(sheetXml: string): (string | null)[] {
  const found: (string | null)[] = [];
  if (!sheetXml.includes('[')) return found;
  for (const f of formulasIn(sheetXml))
    found.push(...shiftFormula(f, { inserts: new Map(), sheetOrder: [], sheet: null }).structured);
  return found;
}

function formulasIn(xml: string): string[] {
  const out: string[] = [];
  let open = -1;
  for (const tag of xmlTags(xml)) {
    if (tag.local !== 'f' && tag.local !== 'formula' && tag.local !== 'formula1' && tag.local !== 'formula2')
      continue;
    if (tag.kind === 'open') open = tag.end;
    else if (tag.kind === 'close' && open >= 0) {
      const text = xml.slice(open, tag.start);
      if (text.includes('[')) out.push(decodeXml(text));
      open = -1;
    }
  }
  return out;
}

function dropCalcChain(pkg: EditablePackage, workbook: string): void {
  const rel = pkg.relationships(workbook).find((r) => r.kind === 'calcChain');
  if (!rel?.part || !pkg.has(rel.part)) return;
  pkg.remove(rel.part);
  const relsName = relsPartName(workbook);
  const rels = pkg.text(relsName) ?? '';
  pkg.setText(
    relsName,
    withoutElements(rels, 'Relationship', (s) => attr(s, 'Id') === rel.id),
  );
  const types = pkg.text('[Content_Types].xml') ?? '';
  const partName = `/${rel.part}`.toLowerCase();
  pkg.setText(
    '[Content_Types].xml',
    withoutElements(types, 'Override', (s) => (attr(s, 'PartName') ?? '').toLowerCase() === partName),
  );
}

function withoutElements(
  xml: string,
  local: string,
  drop: (tag: ReturnType<typeof parseStartTag>) => boolean,
): string {
  const spans: { start: number; end: number; text: string }[] = [];
  for (const tag of xmlTags(xml)) {
    if (tag.local !== local || tag.kind !== 'empty') continue;
    if (drop(parseStartTag(xml.slice(tag.start, tag.end))))
      spans.push({ start: tag.start, end: tag.end, text: '' });
  }
  return spans.length === 0 ? xml : replaceText(xml, spans);
}

function dedupe(list: Refusal[]): Refusal[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.reason}|${r.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
