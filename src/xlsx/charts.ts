/**
 * Adds the plan's charts to an .xlsx package written by ExcelJS: chart and drawing parts, their
 * relationships, the sheets' <drawing> elements and the content types. Also turns ExcelJS's internal
 * hyperlinks into proper in-workbook links. JSZip only: no Node imports.
 */
import JSZip from 'jszip';
import type { PlanSheet } from '../core';
import { chartXml, drawingXml, escapeXml } from './chartXml';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );
}

/** Sheet name → its part path (xl/worksheets/sheetN.xml), from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

async function addRelationship(
  zip: JSZip,
  part: string,
  id: string,
  type: string,
  target: string,
): Promise<void> {
  const path = relsPath(part);
  const existing =
    (await zip.file(path)?.async('string')) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  zip.file(
    path,
    existing.includes('</Relationships>')
      ? existing.replace('</Relationships>', `${rel}</Relationships>`)
      : existing.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`),
  );
}

// CT_Worksheet order: <drawing> comes before these elements.
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  if (sheetXml.includes('<drawing ')) throw new Error('the sheet already has a drawing');
  const element = `<drawing r:id="${relId}"/>`;
  const positions = AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0);
  const at = Math.min(...positions);
  const withNs = sheetXml.includes('xmlns:r=')
    ? sheetXml
    : sheetXml.replace(
        '<worksheet ',
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      );
  const shift = withNs.length - sheetXml.length;
  return `${withNs.slice(0, at + shift)}${element}${withNs.slice(at + shift)}`;
}

/** ExcelJS writes `#'Sheet'!A1` links as external targets; Excel wants an in-workbook location. */
export function fixInternalHyperlinks(sheetXml: string): string {
  return sheetXml.replace(
    /<hyperlink\b([^>]*?)\sr:id="[^"]*"([^>]*?)\slocation="#([^"]*)"/g,
    '<hyperlink$1$2 location="$3"',
  );
}

function nextFreeIndex(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n += 1;
  return n;
}

export async function addChartsToXlsx(
  xlsx: Uint8Array,
  sheets: readonly PlanSheet[],
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  const override = (part: string, type: string) => {
    contentTypes = contentTypes.replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="${type}"/></Types>`,
    );
  };
  for (const sheet of sheets) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`sheet not found in the package: ${sheet.name}`);
    let sheetXml = fixInternalHyperlinks(await zip.file(part)!.async('string'));
    if (sheet.charts.length > 0) {
      const drawingIndex = nextFreeIndex(zip, 'xl/drawings/drawing');
      const drawingPart = `xl/drawings/drawing${drawingIndex}.xml`;
      const charts: { spec: PlanSheet['charts'][number]; relId: string }[] = [];
      for (const [i, spec] of sheet.charts.entries()) {
        const chartPart = `xl/charts/chart${nextFreeIndex(zip, 'xl/charts/chart')}.xml`;
        zip.file(chartPart, chartXml(spec, sheet));
        override(chartPart, CT_CHART);
        const relId = `rIdRpChart${i + 1}`;
        await addRelationship(zip, drawingPart, relId, REL_CHART, `../charts/${chartPart.split('/').pop()}`);
        charts.push({ spec, relId });
      }
      zip.file(drawingPart, drawingXml(charts));
      override(drawingPart, CT_DRAWING);
      await addRelationship(zip, part, 'rIdRpDrawing', REL_DRAWING, `../drawings/drawing${drawingIndex}.xml`);
      sheetXml = insertDrawingElement(sheetXml, 'rIdRpDrawing');
    }
    zip.file(part, sheetXml);
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression });
}
