/**
 * The summary added to a copy of the user's package, losslessly: our sheets (written by the direct
 * writer as parts of a package of ours, never zipped, their formats already numbered after the
 * user's) are grafted in — their sheet parts, drawings and charts under free part
 * names, their cell formats appended to the user's styles (the user's own formats and their indices
 * untouched), their strings written inline, our names (ownership markers, print titles) set in the
 * workbook, relationships and content types completed. Every other part of the user's package is
 * copied as it was, byte for byte; running it again replaces only the add-in's own sheets.
 * No Node imports.
 */
import { isMarkerName, markerName, quoteSheetName, type PlanSheet } from '../../core';
import { DEFAULT_LIMITS } from '../package/readXlsx';
import { PlanConflictError } from '../write/planConflict';
import { fflateDeflate, ZipEntrySink, type Deflate } from './zipWrite';
import { EditablePackage, relsPartName, type PartTexts } from './package';
import { chartXml, drawingXml } from '../chartXml';
import { worksheetXml } from '../write/sheetXml';
import { StyleTable } from '../write/styleTable';
import { escapeXmlAttr, escapeXmlText } from '../package/xml';
import { withSheetsListed } from './appProperties';
import { attr, parseStartTag, withAttr, writeStartTag, xmlTags, type StartTag } from './xml';

const NS_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** A part of the user's package in a form our sheets cannot be added to (nothing is written then). */
export class GraftError extends Error {
  constructor(readonly part: string) {
    super(`cannot add the summary: ${part} has a form we do not expect`);
    this.name = 'GraftError';
  }
}

const INLINE = { kind: 'inline' } as const;

interface SheetEntry {
  readonly name: string;
  readonly relId: string;
  readonly part: string;
  readonly index: number;
}

function workbookOf(pkg: PartTexts & Pick<EditablePackage, 'relationships'>): {
  part: string;
  sheets: SheetEntry[];
} {
  const part = pkg.relationships('').find((r) => r.kind === 'officeDocument')?.part ?? 'xl/workbook.xml';
  const text = pkg.text(part) ?? '';
  const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let index = 0;
  for (const tag of xmlTags(text)) {
    if (tag.local !== 'sheet' || tag.kind === 'close') continue;
    const start = parseStartTag(text.slice(tag.start, tag.end));
    const relId = attr(start, 'id') ?? '';
    const target = rels.get(relId)?.part;
    if (target) sheets.push({ name: attr(start, 'name') ?? '', relId, part: target, index });
    index += 1;
  }
  return { part, sheets };
}

/** Children of the first element named `local` (raw XML of each child element), and where it is. */
function listOf(
  xml: string,
  local: string,
): { items: string[]; start: number; end: number; tag: StartTag } | null {
  let depth = 0;
  let start = -1;
  let tagText = '';
  let itemStart = -1;
  const items: string[] = [];
  for (const tag of xmlTags(xml)) {
    if (start < 0) {
      if (tag.local !== local || tag.kind === 'close' || tag.kind === 'other') continue;
      start = tag.start;
      tagText = xml.slice(tag.start, tag.end);
      if (tag.kind === 'empty') return { items, start, end: tag.end, tag: parseStartTag(tagText) };
      depth = 1;
      continue;
    }
    if (tag.kind === 'other') continue;
    if (tag.kind === 'open') {
      if (depth === 1) itemStart = tag.start;
      depth += 1;
    } else if (tag.kind === 'empty') {
      if (depth === 1) items.push(xml.slice(tag.start, tag.end));
    } else {
      depth -= 1;
      if (depth === 1) items.push(xml.slice(itemStart, tag.end));
      if (depth === 0) return { items, start, end: tag.end, tag: parseStartTag(tagText) };
    }
  }
  return null;
}

/** The start tag of an element's raw XML. */
function headOf(item: string): string {
  return item.slice(0, item.indexOf('>') + 1);
}

function writeList(tag: StartTag, items: readonly string[]): string {
  const head = writeStartTag({ ...withAttr(tag, 'count', String(items.length)), empty: false });
  return `${head}${items.join('')}</${tag.name}>`;
}

/** Our formats appended to the user's styles (`part`): the new styles XML. */
function mergeStyles(part: string, user: string, ours: string): string {
  const uFonts = listOf(user, 'fonts');
  const uFills = listOf(user, 'fills');
  const uBorders = listOf(user, 'borders');
  const uXfs = listOf(user, 'cellXfs');
  if (!uFonts || !uFills || !uBorders || !uXfs) throw new GraftError(part);
  const oFonts = listOf(ours, 'fonts')?.items ?? [];
  const oFills = listOf(ours, 'fills')?.items ?? [];
  const oBorders = listOf(ours, 'borders')?.items ?? [];
  const oXfs = listOf(ours, 'cellXfs')?.items ?? [];
  const oDxfs = listOf(ours, 'dxfs')?.items ?? [];
  // Our style table has none; were it ever to have some, they would need renumbering like the rest.
  if (oDxfs.length > 0) throw new Error('differential formats are not grafted');

  // Number formats: ours get ids after every custom id the user has.
  const uNumFmts = listOf(user, 'numFmts');
  const oNumFmts = listOf(ours, 'numFmts')?.items ?? [];
  let nextId = 164;
  for (const item of uNumFmts?.items ?? []) {
    const id = Number(attr(parseStartTag(headOf(item)), 'numFmtId'));
    if (Number.isFinite(id)) nextId = Math.max(nextId, id + 1);
  }
  const numFmtMap = new Map<string, string>();
  const newNumFmts: string[] = [];
  for (const item of oNumFmts) {
    const start = parseStartTag(headOf(item));
    const id = attr(start, 'numFmtId') ?? '';
    const mapped = String(nextId);
    nextId += 1;
    numFmtMap.set(id, mapped);
    newNumFmts.push(writeStartTag({ ...withAttr(start, 'numFmtId', mapped), empty: true }));
  }
  const offset = { font: uFonts.items.length, fill: uFills.items.length, border: uBorders.items.length };
  const newXfs = oXfs.map((item) => {
    const selfClosing = item.endsWith('/>') && item.indexOf('>') === item.length - 1;
    const headEnd = item.indexOf('>') + 1;
    let start = parseStartTag(selfClosing ? item : item.slice(0, headEnd));
    const id = (key: string, by: number) => {
      const v = attr(start, key);
      if (v !== undefined) start = withAttr(start, key, String(Number(v) + by));
    };
    id('fontId', offset.font);
    id('fillId', offset.fill);
    id('borderId', offset.border);
    const numFmt = attr(start, 'numFmtId');
    if (numFmt !== undefined && numFmtMap.has(numFmt))
      start = withAttr(start, 'numFmtId', numFmtMap.get(numFmt)!);
    // Our formats sit on the user's Normal style.
    start = withAttr(start, 'xfId', '0');
    return selfClosing
      ? writeStartTag({ ...start, empty: true })
      : writeStartTag({ ...start, empty: false }) + item.slice(headEnd);
  });

  // Rebuild from the end backwards so earlier offsets stay valid.
  const edits: { start: number; end: number; text: string }[] = [
    { start: uFonts.start, end: uFonts.end, text: writeList(uFonts.tag, [...uFonts.items, ...oFonts]) },
    { start: uFills.start, end: uFills.end, text: writeList(uFills.tag, [...uFills.items, ...oFills]) },
    {
      start: uBorders.start,
      end: uBorders.end,
      text: writeList(uBorders.tag, [...uBorders.items, ...oBorders]),
    },
    { start: uXfs.start, end: uXfs.end, text: writeList(uXfs.tag, [...uXfs.items, ...newXfs]) },
  ];
  if (newNumFmts.length > 0) {
    if (uNumFmts)
      edits.push({
        start: uNumFmts.start,
        end: uNumFmts.end,
        text: writeList(uNumFmts.tag, [...uNumFmts.items, ...newNumFmts]),
      });
    else {
      const prefix = uFonts.tag.name.includes(':')
        ? uFonts.tag.name.slice(0, uFonts.tag.name.indexOf(':') + 1)
        : '';
      edits.push({
        start: uFonts.start,
        end: uFonts.start,
        text: `<${prefix}numFmts count="${newNumFmts.length}">${newNumFmts.join('')}</${prefix}numFmts>`,
      });
    }
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let xml = user;
  for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
  return xml;
}

function relsXml(rels: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXmlAttr(r.id)}" Type="${escapeXmlAttr(r.type)}" Target="${escapeXmlAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_REL}">${items}</Relationships>`;
}

function relative(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i += 1;
  return [...Array<string>(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

function rawRels(
  pkg: PartTexts,
  part: string,
): { id: string; type: string; target: string; external: boolean }[] {
  const text = pkg.text(relsPartName(part));
  if (!text) return [];
  const out: { id: string; type: string; target: string; external: boolean }[] = [];
  for (const tag of xmlTags(text)) {
    if (tag.local !== 'Relationship' || tag.kind === 'close') continue;
    const start = parseStartTag(text.slice(tag.start, tag.end));
    out.push({
      id: attr(start, 'Id') ?? '',
      type: attr(start, 'Type') ?? '',
      target: attr(start, 'Target') ?? '',
      external: attr(start, 'TargetMode') === 'External',
    });
  }
  return out;
}

export interface GraftInput {
  /** The user's workbook as read. */
  readonly user: Uint8Array;
  /** Our sheets, in the order to write them. */
  readonly sheets: readonly PlanSheet[];
  /** Sheets of the user's workbook the add-in owns (replaced when planned again, kept otherwise). */
  readonly owned: readonly string[];
  /** How changed and new parts are compressed (fflate unless the caller has a faster one). */
  readonly deflate?: Deflate;
  /** Whether our sheets get the add-in's ownership markers: summaries yes (the default), templates no. */
  readonly markOwned?: boolean;
}

export function graftSummary(input: GraftInput): Uint8Array {
  // Parts are compressed as they are set: a sheet's XML is held only while it is written.
  const pkg = new EditablePackage(
    input.user,
    DEFAULT_LIMITS.maxUncompressedBytes,
    undefined,
    input.deflate ?? fflateDeflate,
  );
  const userBook = workbookOf(pkg);
  let stylesPart = pkg.relationships(userBook.part).find((r) => r.kind === 'styles')?.part;
  const userStyles = stylesPart ? (pkg.text(stylesPart) ?? '') : null;
  // Our formats go after the user's: our sheets are written with their final indices at once.
  const userXfs = userStyles !== null ? listOf(userStyles, 'cellXfs') : null;
  if (stylesPart && !userXfs) throw new GraftError(stylesPart);
  const xfOffset = userXfs?.items.length ?? 0;
  const styleTable = new StyleTable();
  const sheetNames = input.sheets.map((sheet) => sheet.name);
  const wbRels = rawRels(pkg, userBook.part);
  const nextRelId = (() => {
    const used = new Set(wbRels.map((r) => r.id));
    let n = 1;
    return () => {
      while (used.has(`rId${n}`)) n += 1;
      used.add(`rId${n}`);
      return `rId${n}`;
    };
  })();
  let types = pkg.text('[Content_Types].xml') ?? '';
  const override = (part: string, type: string) => {
    const name = `/${part}`;
    if (types.toLowerCase().includes(`partname="${name.toLowerCase()}"`)) return;
    types = types.replace(
      '</Types>',
      `<Override PartName="${escapeXmlAttr(name)}" ContentType="${type}"/></Types>`,
    );
  };
  const taken = new Set<string>();
  const freeName = (prefix: string, ext: string) => {
    for (let n = 1; ; n += 1) {
      const name = `${prefix}${n}.${ext}`;
      if (!pkg.has(name) && !taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  let workbook = pkg.text(userBook.part) ?? '';
  const sheetsTag = listOf(workbook, 'sheets')?.tag.name ?? 'sheets';
  const ns = sheetsTag.includes(':') ? sheetsTag.slice(0, sheetsTag.indexOf(':') + 1) : '';
  let maxSheetId = 0;
  for (const tag of xmlTags(workbook))
    if (tag.local === 'sheet' && tag.kind !== 'close')
      maxSheetId = Math.max(
        maxSheetId,
        Number(attr(parseStartTag(workbook.slice(tag.start, tag.end)), 'sheetId')) || 0,
      );

  const byName = new Map(userBook.sheets.map((s) => [s.name.toLowerCase(), s]));
  const ownedLower = new Set(input.owned.map((n) => n.toLowerCase()));
  const newSheets: string[] = [];
  const sheetIndex = new Map<string, number>();
  const ourNames: string[] = [];
  for (const sheet of input.sheets) {
    const name = sheet.name;
    const existing = byName.get(name.toLowerCase());
    if (existing && !ownedLower.has(name.toLowerCase())) throw new PlanConflictError([existing.name], []);
    let part: string;
    if (existing) {
      // Our sheet written again: its old drawing and charts go, its part is rewritten in place.
      part = existing.part;
      for (const rel of pkg.relationships(part)) {
        if (rel.kind !== 'drawing' || !rel.part) continue;
        for (const chart of pkg.relationships(rel.part)) {
          if (!chart.part) continue;
          pkg.remove(chart.part);
          if (pkg.has(relsPartName(chart.part))) pkg.remove(relsPartName(chart.part));
        }
        pkg.remove(rel.part);
        if (pkg.has(relsPartName(rel.part))) pkg.remove(relsPartName(rel.part));
      }
      sheetIndex.set(name, existing.index);
    } else {
      part = freeName('xl/worksheets/sheet', 'xml');
      const relId = nextRelId();
      wbRels.push({
        id: relId,
        type: `${REL_BASE}/worksheet`,
        target: relative(userBook.part, part),
        external: false,
      });
      maxSheetId += 1;
      // In the workbook's own prefix (x:-prefixed SpreadsheetML too), the relationship namespace declared here.
      newSheets.push(
        `<${ns}sheet name="${escapeXmlAttr(name)}" sheetId="${maxSheetId}" xmlns:r="${REL_BASE}" r:id="${relId}"/>`,
      );
      sheetIndex.set(name, userBook.sheets.length + newSheets.length - 1);
      override(part, CT.worksheet);
    }
    // The sheet's drawing and charts, under free names.
    const drawing = sheet.charts.length > 0 ? freeName('xl/drawings/drawing', 'xml') : null;
    if (drawing) {
      const placed = sheet.charts.map((spec, i) => {
        const chart = freeName('xl/charts/chart', 'xml');
        pkg.setText(chart, chartXml(spec, sheet));
        override(chart, CT.chart);
        return { spec, relId: `rId${i + 1}`, target: relative(drawing, chart) };
      });
      pkg.setText(drawing, drawingXml(placed));
      pkg.setText(
        relsPartName(drawing),
        relsXml(placed.map((c) => ({ id: c.relId, type: `${REL_BASE}/chart`, target: c.target }))),
      );
      override(drawing, CT.drawing);
      pkg.setText(
        relsPartName(part),
        relsXml([{ id: 'rId1', type: `${REL_BASE}/drawing`, target: relative(part, drawing) }]),
      );
    } else if (pkg.has(relsPartName(part))) pkg.remove(relsPartName(part));
    const sink = new ZipEntrySink(part, input.deflate);
    const written = worksheetXml(sheet, styleTable, INLINE, sink, {
      ...(drawing ? { drawingRelId: 'rId1' } : {}),
      xfOffset,
    });
    pkg.setEntry(part, sink.entry());
    if (written.printTitles)
      ourNames.push(
        `<${ns}definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex.get(name)}">${escapeXmlText(written.printTitles)}</${ns}definedName>`,
      );
  }

  // Our formats, complete now, appended to the user's styles (or the styles part, if they have none).
  const ourStyles = styleTable.xml();
  if (stylesPart && userStyles !== null)
    pkg.setText(stylesPart, mergeStyles(stylesPart, userStyles, ourStyles));
  else {
    // A workbook without a styles part (Excel's defaults): ours becomes its styles part, as it is.
    stylesPart = pkg.has('xl/styles.xml') ? freeName('xl/styles', 'xml') : 'xl/styles.xml';
    wbRels.push({
      id: nextRelId(),
      type: `${REL_BASE}/styles`,
      target: relative(userBook.part, stylesPart),
      external: false,
    });
    override(stylesPart, CT.styles);
    pkg.setText(stylesPart, ourStyles);
  }

  // Workbook: new sheets after the user's, our names (markers, print titles) set afresh.
  if (newSheets.length > 0) {
    const list = listOf(workbook, 'sheets');
    if (!list || list.tag.empty) throw new GraftError(userBook.part);
    const close = list.end - `</${list.tag.name}>`.length;
    workbook = workbook.slice(0, close) + newSheets.join('') + workbook.slice(close);
  }
  const replaced = new Set(
    sheetNames
      .map((n) => byName.get(n.toLowerCase())?.index)
      .filter((i) => i !== undefined)
      .map(String),
  );
  const stillOwned = userBook.sheets
    .filter((s) => ownedLower.has(s.name.toLowerCase()) && !sheetNames.includes(s.name))
    .map((s) => s.name);
  const markers = [...(input.markOwned === false ? [] : sheetNames), ...stillOwned].map(
    (name, i) =>
      `<${ns}definedName name="${markerName(i + 1)}" hidden="1">${escapeXmlText(`${quoteSheetName(name)}!$A$1`)}</${ns}definedName>`,
  );
  const names = listOf(workbook, 'definedNames');
  const kept = (names?.items ?? []).filter((item) => {
    const start = parseStartTag(headOf(item));
    const name = attr(start, 'name') ?? '';
    const local = attr(start, 'localSheetId');
    if (isMarkerName(name)) return false;
    // The print settings of a sheet we replace are ours to set again.
    return !(local !== undefined && replaced.has(local) && name.startsWith('_xlnm.'));
  });
  const body = [...kept, ...ourNames, ...markers].join('');
  if (names)
    workbook = `${workbook.slice(0, names.start)}<${ns}definedNames>${body}</${ns}definedNames>${workbook.slice(names.end)}`;
  else {
    const after = ['externalReferences', 'functionGroups', 'sheets']
      .map((l) => listOf(workbook, l))
      .find((x) => x !== null);
    if (!after) throw new GraftError(userBook.part);
    workbook = `${workbook.slice(0, after.end)}<${ns}definedNames>${body}</${ns}definedNames>${workbook.slice(after.end)}`;
  }
  // The app properties list the sheets: the new ones added after the user's (replaced ones keep their names).
  const appPart = pkg.relationships('').find((r) => r.kind === 'extended-properties')?.part;
  const appText = appPart ? pkg.text(appPart) : null;
  if (appPart && appText !== null) {
    const listed = withSheetsListed(
      appText,
      userBook.sheets.map((s) => s.name),
      sheetNames.filter((n) => !byName.has(n.toLowerCase())),
    );
    if (listed !== null) pkg.setText(appPart, listed);
  }
  pkg.setText(userBook.part, workbook);
  pkg.setText(relsPartName(userBook.part), relsXml(wbRels));
  pkg.setText('[Content_Types].xml', types);
  return pkg.write(input.deflate);
}
