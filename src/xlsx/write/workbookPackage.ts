/**
 * A workbook of our own sheets, written directly as a package: worksheets, one style table, shared
 * strings (or inline text for a package that is grafted into a user's), drawings and charts, defined
 * names (ownership markers, print titles), content types, relationships and document properties.
 * Used for new consolidated workbooks, templates, and as the source a summary is grafted from.
 * No Node imports: the pane and the preview can use it.
 */
import { markerName, quoteSheetName, type ChartSpec } from '../../core';
import { chartXml, drawingXml } from '../chartXml';
import { escapeXmlAttr, escapeXmlText } from '../package/xml';
import { toRaw, writeZip, ZipEntrySink, type Deflate, type RawZipEntry } from '../rollover/zipWrite';
import {
  NS_MAIN,
  NS_REL,
  sharedStrings,
  writeSharedStrings,
  worksheetXml,
  type SheetContent,
} from './sheetXml';
import { StyleTable } from './styleTable';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export function relsXml(rels: readonly Rel[]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeXmlAttr(r.id)}" Type="${escapeXmlAttr(r.type)}" Target="${escapeXmlAttr(r.target)}"/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

/** docProps/app.xml: the application and the sheets' names, as Excel lists them. */
export function appXml(sheetNames: readonly string[], application: string): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${escapeXmlText(application)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${sheetNames.map((n) => `<vt:lpstr>${escapeXmlText(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

function coreXml(creator: string, created: string | undefined): string {
  const when = created
    ? `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXmlText(created)}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXmlText(created)}</dcterms:modified>`
    : '';
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXmlText(creator)}</dc:creator><cp:lastModifiedBy>${escapeXmlText(creator)}</cp:lastModifiedBy>${when}</cp:coreProperties>`
  );
}

export interface WorkbookOptions {
  /** Mark every sheet as the add-in's own (ownership markers): summaries yes, templates no. */
  readonly owned: boolean;
  /** dc:creator and the application named in the document properties. */
  readonly creator: string;
  /** When it was written (W3CDTF, e.g. 2025-04-01T09:00:00+09:00). */
  readonly created?: string;
  /** 'shared' (a workbook of our own) or 'inline' (text in the cells, leaving a user's shared strings alone). */
  readonly strings?: 'shared' | 'inline';
  /** Our formats numbered from here (after a user's cellXfs, for a graft); 0 for a workbook of our own. */
  readonly xfOffset?: number;
  /** How the parts of a workbook to save are compressed (fflate unless the caller has a faster one). */
  readonly deflate?: Deflate;
}

export interface Part {
  readonly name: string;
  /** Text, or (a worksheet, compressed as it was written) the zip entry itself. */
  readonly text: string | RawZipEntry;
  readonly contentType?: string;
}

/** The parts of a workbook holding exactly these sheets, in this order. */
export function workbookParts(sheets: readonly SheetContent[], options: WorkbookOptions): Part[] {
  const styles = new StyleTable();
  const shared = sharedStrings();
  const store = options.strings === 'inline' ? ({ kind: 'inline' } as const) : shared.store;
  const parts: Part[] = [];
  const workbookRels: Rel[] = [];
  const names: string[] = [];
  let chartCount = 0;
  let drawingCount = 0;
  sheets.forEach((sheet, i) => {
    const part = `sheet${i + 1}.xml`;
    const charts: readonly ChartSpec[] = sheet.charts ?? [];
    let drawingRelId: string | undefined;
    if (charts.length > 0) {
      drawingCount += 1;
      const drawing = `drawing${drawingCount}.xml`;
      const drawingRels: Rel[] = [];
      const placed = charts.map((spec, c) => {
        chartCount += 1;
        const chart = `chart${chartCount}.xml`;
        parts.push({
          name: `xl/charts/${chart}`,
          text: chartXml(spec, sheet),
          contentType: CONTENT_TYPE.chart,
        });
        const relId = `rId${c + 1}`;
        drawingRels.push({ id: relId, type: `${REL}/chart`, target: `../charts/${chart}` });
        return { spec, relId };
      });
      parts.push({
        name: `xl/drawings/${drawing}`,
        text: drawingXml(placed),
        contentType: CONTENT_TYPE.drawing,
      });
      parts.push({ name: `xl/drawings/_rels/${drawing}.rels`, text: relsXml(drawingRels) });
      drawingRelId = 'rId1';
      parts.push({
        name: `xl/worksheets/_rels/${part}.rels`,
        text: relsXml([{ id: drawingRelId, type: `${REL}/drawing`, target: `../drawings/${drawing}` }]),
      });
    }
    const sink = new ZipEntrySink(`xl/worksheets/${part}`, options.deflate);
    const written = worksheetXml(sheet, styles, store, sink, {
      ...(drawingRelId ? { drawingRelId } : {}),
      xfOffset: options.xfOffset ?? 0,
      selected: i === 0,
    });
    parts.push({ name: `xl/worksheets/${part}`, text: sink.entry(), contentType: CONTENT_TYPE.worksheet });
    workbookRels.push({ id: `rId${i + 1}`, type: `${REL}/worksheet`, target: `worksheets/${part}` });
    if (written.printTitles)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXmlText(written.printTitles)}</definedName>`,
      );
  });
  if (options.owned)
    sheets.forEach((sheet, i) =>
      names.push(
        `<definedName name="${markerName(i + 1)}" hidden="1">${escapeXmlText(`${quoteSheetName(sheet.name)}!$A$1`)}</definedName>`,
      ),
    );
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${escapeXmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    `</sheets>${names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`;
  workbookRels.push({ id: `rId${sheets.length + 1}`, type: `${REL}/styles`, target: 'styles.xml' });
  // The style table and the strings are complete only once every sheet is written.
  parts.push({ name: 'xl/styles.xml', text: styles.xml(), contentType: CONTENT_TYPE.styles });
  if (store.kind === 'shared') {
    const sink = new ZipEntrySink('xl/sharedStrings.xml', options.deflate);
    writeSharedStrings(shared.texts, sink);
    parts.push({ name: 'xl/sharedStrings.xml', text: sink.entry(), contentType: CONTENT_TYPE.sharedStrings });
    workbookRels.push({
      id: `rId${sheets.length + 2}`,
      type: `${REL}/sharedStrings`,
      target: 'sharedStrings.xml',
    });
  }
  parts.push(
    { name: 'xl/workbook.xml', text: workbook, contentType: CONTENT_TYPE.workbook },
    { name: 'xl/_rels/workbook.xml.rels', text: relsXml(workbookRels) },
    {
      name: 'docProps/core.xml',
      text: coreXml(options.creator, options.created),
      contentType: CONTENT_TYPE.core,
    },
    {
      name: 'docProps/app.xml',
      text: appXml(
        sheets.map((s) => s.name),
        options.creator,
      ),
      contentType: CONTENT_TYPE.app,
    },
    {
      name: '_rels/.rels',
      text: relsXml([
        { id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' },
        {
          id: 'rId2',
          type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          target: 'docProps/core.xml',
        },
        { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
      ]),
    },
  );
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    parts
      .filter((p) => p.contentType)
      .map((p) => `<Override PartName="/${escapeXmlAttr(p.name)}" ContentType="${p.contentType}"/>`)
      .join('') +
    '</Types>';
  return [{ name: '[Content_Types].xml', text: types }, ...parts];
}

const encoder = new TextEncoder();

/** The workbook's package bytes. */
export function writeWorkbookPackage(sheets: readonly SheetContent[], options: WorkbookOptions): Uint8Array {
  const entries: RawZipEntry[] = workbookParts(sheets, options).map((p) =>
    typeof p.text === 'string'
      ? toRaw({ name: p.name, content: encoder.encode(p.text) }, options.deflate)
      : p.text,
  );
  return writeZip(entries);
}
