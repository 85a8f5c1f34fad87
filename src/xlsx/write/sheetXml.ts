/**
 * One of our sheets as SpreadsheetML, written directly from the plan: values (strings always text,
 * never formulas), formats through the style table, column widths, freeze panes, links to cells,
 * tab colour, print setup, and for the sheets people fill: merges, mark dropdowns (disjoint ranges),
 * locked cells and sheet protection. Text is escaped with the reader's escapes and characters XML
 * cannot hold are dropped or written as Excel writes them. No Node imports.
 */
import {
  a1,
  columnLetters,
  fewestRanges,
  isSpaceCode,
  parseRange,
  printTitles,
  quoteSheetName,
  SHEET_FONT,
  type HeaderFooterSections,
  type PlanFormat,
  type PlanProtection,
  type PlanSheet,
  type PlanValue,
} from '../../core';
import { encodeSpreadsheetText, escapeXmlAttr, escapeXmlText } from '../package/xml';
import { styleKey, type CellStyle, type StyleTable } from './styleTable';

/** A sheet we write: the one sheet-content model (summaries and templates alike). */
export type SheetContent = PlanSheet;

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** How cell text is stored: in the workbook's shared strings, or inline (a graft leaves the user's table alone). */
export type StringStore =
  { readonly kind: 'inline' } | { readonly kind: 'shared'; index(text: string): number };

/**
 * The formats cells go through, interned: a cell holds a style id, and each change of a style (a
 * format, a link, locking) is worked out once per distinct style, not once per cell.
 */
class StyleStates {
  private readonly styles: CellStyle[] = [{}];
  private readonly ids = new Map<string, number>([[styleKey({}), 0]]);
  private readonly moves = new Map<number, Map<unknown, number>>();

  get(id: number): CellStyle {
    return this.styles[id]!;
  }

  /** The style `change` makes of style `from`; `token` names the change (the same token, the same change). */
  move(from: number, token: unknown, change: (style: CellStyle) => CellStyle): number {
    let moves = this.moves.get(from);
    if (!moves) this.moves.set(from, (moves = new Map()));
    const known = moves.get(token);
    if (known !== undefined) return known;
    const next = change(this.styles[from]!);
    const key = styleKey(next);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.styles.push(next) - 1;
      this.ids.set(key, id);
    }
    moves.set(token, id);
    return id;
  }
}

const LINK_COLOR = '#0563C1';

/** Excel's header/footer string: `&L…&C…&R…` (texts already in header/footer codes). */
export function headerFooterString(sections: HeaderFooterSections | undefined): string | undefined {
  if (!sections) return undefined;
  const font = `&"${SHEET_FONT.name},Regular"&9`;
  const parts = [
    sections.left ? `&L${font}${sections.left}` : '',
    sections.center ? `&C${font}${sections.center}` : '',
    sections.right ? `&R${font}${sections.right}` : '',
  ].join('');
  return parts === '' ? undefined : parts;
}

export function applyFormat(style: CellStyle | undefined, f: PlanFormat): CellStyle {
  const s: { -readonly [K in keyof CellStyle]: CellStyle[K] } = { ...style };
  if (f.numberFormat) s.numberFormat = f.numberFormat;
  if (f.bold !== undefined) s.bold = f.bold;
  if (f.italic !== undefined) s.italic = f.italic;
  if (f.fontSize) s.fontSize = f.fontSize;
  if (f.fontColor) s.fontColor = f.fontColor;
  if (f.fill) s.fill = f.fill;
  if (f.border === 'thin') s.border = true;
  if (f.wrap !== undefined || f.align) {
    s.vertical = 'top';
    if (f.wrap !== undefined) s.wrap = f.wrap;
    if (f.align) s.horizontal = f.align === 'centerAcross' ? 'centerContinuous' : f.align;
  }
  return s;
}

/** Whether two formats change a style alike: every field applyFormat reads (all but the range) equal. */
export function sameLook(a: PlanFormat, b: PlanFormat): boolean {
  return (
    a.numberFormat === b.numberFormat &&
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.fontSize === b.fontSize &&
    a.fontColor === b.fontColor &&
    a.fill === b.fill &&
    a.border === b.border &&
    a.wrap === b.wrap &&
    a.align === b.align
  );
}

const LINKED = { fontColor: LINK_COLOR, underline: true } as const;
const UNLOCKED = { locked: false } as const;
const LOCKED = { locked: true } as const;

/** A row of cells: a cell exists where `styles` has an entry (an id of the sheet's StyleStates). */
interface GridRow {
  /** The plan's own row (not copied): a value counts where `isWritten` says so. */
  readonly source: readonly PlanValue[] | undefined;
  /** A link's text, in a cell that has no value of its own. */
  links?: string[];
  readonly styles: number[];
}

/** A value the sheet shows: no empty text, null or number that is not finite. */
function isWritten(value: PlanValue | undefined): value is string | number | boolean {
  return !(
    value === null ||
    value === undefined ||
    value === '' ||
    (typeof value === 'number' && !Number.isFinite(value))
  );
}

function valueAt(row: GridRow, c: number): string | number | boolean | undefined {
  const value = row.source?.[c];
  return isWritten(value) ? value : row.links?.[c];
}

/** The sheet's cells: values, then formats in order (later ones win), then links, then locking. */
function cellGrid(sheet: SheetContent, states: StyleStates): GridRow[] {
  const rows: GridRow[] = [];
  const rowAt = (r: number): GridRow => (rows[r] ??= { source: sheet.values[r], styles: [] });
  sheet.values.forEach((values, r) => {
    let styles: number[] | undefined;
    for (let c = 0; c < values.length; c += 1) {
      if (!isWritten(values[c])) continue;
      styles ??= rowAt(r).styles;
      styles[c] = 0;
    }
  });
  const overRange = (address: string, token: unknown, change: (style: CellStyle) => CellStyle) => {
    const range = parseRange(address);
    if (!range) return;
    // Cells of a range mostly share their style: the last move is remembered.
    let lastFrom = -1;
    let lastTo = 0;
    for (let r = range.top; r <= range.bottom; r += 1) {
      const styles = rowAt(r).styles;
      for (let c = range.left; c <= range.right; c += 1) {
        const from = styles[c] ?? 0;
        if (from !== lastFrom) {
          lastFrom = from;
          lastTo = states.move(from, token, change);
        }
        styles[c] = lastTo;
      }
    }
  };
  // Formats that differ only in their range (a fill on each of a thousand cells) are one change, worked
  // out once per style it meets instead of once per format.
  let look: PlanFormat | undefined;
  for (const format of sheet.formats) {
    if (!look || !sameLook(look, format)) look = format;
    const token = look;
    overRange(format.range, token, (s) => applyFormat(s, token));
  }
  for (const link of sheet.links ?? []) {
    const p = parseRange(link.cell);
    if (!p) continue;
    const row = rowAt(p.top);
    if (valueAt(row, p.left) === undefined) (row.links ??= [])[p.left] = link.targetCell;
    row.styles[p.left] = states.move(row.styles[p.left] ?? 0, LINKED, (s) => ({ ...s, ...LINKED }));
  }
  if (sheet.protection) {
    // Editable by default (the columns' style says so too), locked where the ranges say.
    for (const row of rows)
      if (row)
        row.styles.forEach(
          (id, c) => (row.styles[c] = states.move(id, UNLOCKED, (s) => ({ ...s, ...UNLOCKED }))),
        );
    for (const address of sheet.protection.lockedRanges)
      overRange(address, LOCKED, (s) => ({ ...s, ...LOCKED }));
  }
  return rows;
}

function textXml(text: string): string {
  const encoded = encodeSpreadsheetText(text);
  // White space at either end, or a line break: kept as written (what /^\s|\s$/ and '\n' found).
  const edge =
    (text.length > 0 && (isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(text.length - 1)))) ||
    text.includes('\n');
  return edge ? `<t xml:space="preserve">${encoded}</t>` : `<t>${encoded}</t>`;
}

/** Characters of shared strings joined before each write (one write per batch, not per string). */
const STRINGS_BATCH = 16_384;

/**
 * The shared-strings part for the texts a StringStore collected, written into `out` (a compressing zip
 * entry: the part, ~40,000 texts for 50 workbooks, is never held whole as text or bytes).
 */
export function writeSharedStrings(texts: readonly string[], out: TextSink): void {
  out.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="${NS_MAIN}" count="${texts.length}" uniqueCount="${texts.length}">`,
  );
  let batch = '';
  for (const text of texts) {
    batch += `<si>${textXml(text)}</si>`;
    if (batch.length >= STRINGS_BATCH) {
      out.write(batch);
      batch = '';
    }
  }
  out.write(`${batch}</sst>`);
}

export function sharedStrings(): { store: StringStore; texts: string[] } {
  const texts: string[] = [];
  const ids = new Map<string, number>();
  return {
    texts,
    store: {
      kind: 'shared',
      index(text) {
        let id = ids.get(text);
        if (id === undefined) {
          id = texts.push(text) - 1;
          ids.set(text, id);
        }
        return id;
      },
    },
  };
}

function paneXml(freeze: { rows: number; columns: number } | undefined): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return '';
  const pane =
    freeze.rows > 0 && freeze.columns > 0 ? 'bottomRight' : freeze.rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = a1(Math.max(freeze.rows, 0), Math.max(freeze.columns, 0));
  return (
    `<pane${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ''}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ''}` +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

/** Each protection policy as SpreadsheetML: `lockedHeaders` still lets people add and delete rows, format, sort and filter. */
const PROTECTION: Readonly<Record<PlanProtection['policy'], string>> = {
  lockedHeaders:
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" insertRows="0" deleteRows="0" sort="0" autoFilter="0"/>',
};

/** Where a part's text goes, piece by piece (a compressing zip entry: rollover/zipWrite's ZipEntrySink). */
export interface TextSink {
  write(text: string): void;
}

export interface WrittenSheet {
  /** Defined names the sheet needs (print titles), formula text unescaped. */
  readonly printTitles: string | null;
}

/**
 * The worksheet part, written into `out`. `drawingRelId`: the relationship of the sheet's drawing (its charts), if any.
 * `selected`: the sheet shown when the workbook opens.
 */
export function worksheetXml(
  sheet: SheetContent,
  styles: StyleTable,
  strings: StringStore,
  out: TextSink,
  options: { drawingRelId?: string; selected?: boolean; xfOffset?: number } = {},
): WrittenSheet {
  const states = new StyleStates();
  const rows = cellGrid(sheet, states);
  // Each interned style's index in the table, looked up once.
  const indices: number[] = [];
  const offset = options.xfOffset ?? 0;
  const indexOf = (id: number) => (indices[id] ??= offset + styles.index(states.get(id)));
  out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.write(`<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  const fit = sheet.print.fitToWidth;
  if (sheet.tabColor || fit)
    out.write(
      `<sheetPr>${sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.replace('#', '').toUpperCase()}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`,
    );
  let lastRow = 0;
  let lastCol = 0;
  rows.forEach((row, r) => {
    lastRow = r;
    lastCol = Math.max(lastCol, row.styles.length - 1);
  });
  out.write(`<dimension ref="${rows.length === 0 ? 'A1' : `A1:${a1(lastRow, lastCol)}`}"/>`);
  out.write(
    `<sheetViews><sheetView${options.selected ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(sheet.freeze)}</sheetView></sheetViews>`,
  );
  out.write('<sheetFormatPr defaultRowHeight="18.75"/>');
  if (sheet.columnWidths.length > 0) {
    const unlocked = sheet.protection ? offset + styles.index({ locked: false }) : 0;
    out.write(
      `<cols>${sheet.columnWidths
        .map(
          (w, i) =>
            `<col min="${i + 1}" max="${i + 1}" width="${w}"${unlocked ? ` style="${unlocked}"` : ''} customWidth="1"/>`,
        )
        .join('')}</cols>`,
    );
  }
  out.write('<sheetData>');
  // A row's cells as one string (V8 joins short strings fast, cold or warm), encoded into the sink's buffer.
  const cellStarts: string[] = [];
  const styleAttrs: string[] = [];
  // The last text of each column and its shared-string index (a column often repeats its text).
  const lastTexts: string[] = [];
  const lastIndices: number[] = [];
  rows.forEach((row, r) => {
    const rowNumber = String(r + 1);
    let xml = `<row r="${rowNumber}">`;
    const ids = row.styles;
    for (let c = 0; c < ids.length; c += 1) {
      const id = ids[c];
      if (id === undefined) continue;
      const style = indexOf(id);
      // `<c r="B7" s="3"`, then the value: `/>`, `><v>12</v></c>`, ` t="s"><v>4</v></c>`…
      xml +=
        (cellStarts[c] ??= `<c r="${columnLetters(c)}`) +
        rowNumber +
        (styleAttrs[style] ??= style !== 0 ? `" s="${style}"` : '"');
      const v = valueAt(row, c);
      if (v === undefined) xml += '/>';
      else if (typeof v === 'number') xml += `><v>${v}</v></c>`;
      else if (typeof v === 'boolean') xml += v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>';
      else if (strings.kind === 'shared') {
        if (lastTexts[c] !== v) {
          lastTexts[c] = v;
          lastIndices[c] = strings.index(v);
        }
        xml += ` t="s"><v>${lastIndices[c]!}</v></c>`;
      } else xml += ` t="inlineStr"><is>${textXml(v)}</is></c>`;
    }
    out.write(`${xml}</row>`);
  });
  out.write('</sheetData>');
  if (sheet.protection) out.write(PROTECTION[sheet.protection.policy]);
  const merges = sheet.merges ?? [];
  if (merges.length > 0)
    out.write(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeXmlAttr(m)}"/>`).join('')}</mergeCells>`,
    );
  const dropdowns = (sheet.dropdowns ?? [])
    .map((d) => ({ ...d, ranges: fewestRanges(d.ranges) }))
    .filter((d) => d.ranges.length > 0);
  if (dropdowns.length > 0)
    out.write(
      `<dataValidations count="${dropdowns.length}">${dropdowns
        .map(
          (d) =>
            `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${escapeXmlAttr(d.ranges.join(' '))}">` +
            `<formula1>${escapeXmlText(`"${d.list.map((s) => s.replace(/"/g, '""')).join(',')}"`)}</formula1></dataValidation>`,
        )
        .join('')}</dataValidations>`,
    );
  const links = (sheet.links ?? []).filter((l) => parseRange(l.cell) !== null);
  if (links.length > 0)
    out.write(
      `<hyperlinks>${links
        .map(
          (l) =>
            `<hyperlink ref="${escapeXmlAttr(l.cell)}" location="${escapeXmlAttr(`${quoteSheetName(l.targetSheet)}!${l.targetCell}`)}" display="${escapeXmlAttr(l.targetCell)}"/>`,
        )
        .join('')}</hyperlinks>`,
    );
  out.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.write(
    `<pageSetup paperSize="9" orientation="${sheet.print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`,
  );
  const header = headerFooterString(sheet.print.header);
  const footer = headerFooterString(sheet.print.footer);
  if (header || footer)
    out.write(
      `<headerFooter>${header ? `<oddHeader>${escapeXmlText(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${escapeXmlText(footer)}</oddFooter>` : ''}</headerFooter>`,
    );
  if (options.drawingRelId) out.write(`<drawing r:id="${options.drawingRelId}"/>`);
  out.write('</worksheet>');

  const quoted = quoteSheetName(sheet.name);
  const repeat = printTitles(sheet.print, true);
  const titles = [repeat.columns, repeat.rows]
    .filter((t): t is string => t !== undefined)
    .map((t) => `${quoted}!${t}`);
  return { printTitles: titles.length > 0 ? titles.join(',') : null };
}
