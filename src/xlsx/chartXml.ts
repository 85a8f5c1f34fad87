/**
 * DrawingML for native charts (ExcelJS cannot write charts): the chart part, the drawing that places
 * it on a sheet. Every series refers to the cells it shows and carries a cache of their values, so
 * Excel and LibreOffice draw it without recalculating.
 */
import {
  chartStyle,
  DEFAULT_LINE_COLOR,
  parseRange,
  quoteSheetName,
  columnLetters,
  type ChartSpec,
  type PlanSheet,
  type PlanValue,
} from '../core';
import { stripInvalidXmlChars } from './package/xml';

/** The sheet a chart's series refer to: its name and the values cached in the chart. */
export type ChartSource = Pick<PlanSheet, 'name' | 'values'>;

/** Text for a chart part: characters XML 1.0 cannot hold (a U+0001 in a department name) dropped, markup escaped. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  );
}

/** Values of an A1 range of a plan sheet, row by row. */
export function resolveRange(sheet: ChartSource, a1Range: string): PlanValue[] {
  const range = parseRange(a1Range);
  if (!range) return [];
  const out: PlanValue[] = [];
  for (let r = range.top; r <= range.bottom; r += 1) {
    for (let c = range.left; c <= range.right; c += 1) out.push(sheet.values[r]?.[c] ?? null);
  }
  return out;
}

function absolute(sheetName: string, a1Range: string): string {
  const range = parseRange(a1Range)!;
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const start = cell(range.top, range.left);
  const end = cell(range.bottom, range.right);
  return `${quoteSheetName(sheetName)}!${start === end ? start : `${start}:${end}`}`;
}

const hex = (color: string) => color.replace('#', '').toUpperCase();
const solid = (color: string) => `<a:solidFill><a:srgbClr val="${hex(color)}"/></a:solidFill>`;

function strRef(sheet: ChartSource, range: string): string {
  const values = resolveRange(sheet, range);
  const points = values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null ? '' : String(v))}</c:v></c:pt>`)
    .join('');
  return `<c:strRef><c:f>${escapeXml(absolute(sheet.name, range))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: ChartSource, range: string, format: string): string {
  const values = resolveRange(sheet, range);
  const points = values
    .map((v, i) =>
      typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '',
    )
    .join('');
  return `<c:numRef><c:f>${escapeXml(absolute(sheet.name, range))}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

function labels(options: { value: boolean; percent?: boolean; format?: string }): string {
  const numFmt = options.format
    ? `<c:numFmt formatCode="${escapeXml(options.format)}" sourceLinked="0"/>`
    : '';
  // Count and share on two lines of one label.
  const separator = options.value && options.percent ? '<c:separator>&#10;</c:separator>' : '';
  return `<c:dLbls>${numFmt}<c:showLegendKey val="0"/><c:showVal val="${options.value ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${options.percent ? 1 : 0}"/><c:showBubbleSize val="0"/>${separator}</c:dLbls>`;
}

/** Labels off on the points whose value is zero (a zero slice or segment has no room for one). */
function zeroPointLabels(sheet: ChartSource, range: string): string {
  return resolveRange(sheet, range)
    .map((v, i) => (v === 0 ? `<c:dLbl><c:idx val="${i}"/><c:delete val="1"/></c:dLbl>` : ''))
    .join('');
}

const CAT_AX = 500100;
const VAL_AX = 500200;

function axes(
  catPos: 'b' | 'l',
  valPos: 'b' | 'l',
  valueFormat: string,
  reverseCategories: boolean,
  bounds: ReturnType<typeof chartStyle>['valueAxisBounds'],
): string {
  const limits = bounds ? `<c:max val="${bounds.max}"/><c:min val="${bounds.min}"/>` : '';
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${reverseCategories ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${limits}</c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${reverseCategories ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** A series' data labels as chartStyle decides them (zeros' labels deleted where it says so). */
function seriesLabels(
  style: ReturnType<typeof chartStyle>['series'][number] | undefined,
  sheet?: ChartSource,
  values?: string,
): string {
  const xml = labels({
    value: style?.labels !== null && style?.labels !== undefined,
    percent: style?.labels?.showPercentage ?? false,
    format: style?.labels?.numberFormat,
  });
  return style?.labels?.hideZeros && sheet && values
    ? xml.replace('<c:dLbls>', `<c:dLbls>${zeroPointLabels(sheet, values)}`)
    : xml;
}

function plotArea(spec: ChartSpec, sheet: ChartSource): string {
  const valueFormat = spec.valueFormat ?? 'General';
  const style = chartStyle(spec);
  const series = (inner: (s: ChartSpec['series'][number], i: number) => string) =>
    spec.series
      .map(
        (s, i) =>
          `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${inner(s, i)}<c:cat>${strRef(sheet, spec.categories)}</c:cat><c:val>${numRef(sheet, s.values, valueFormat)}</c:val>${spec.type === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`,
      )
      .join('');
  switch (spec.type) {
    case 'doughnut':
    case 'pie': {
      const body = series((s, i) => {
        const points = (style.series[i]?.pointFills ?? [])
          .map(
            (color, p) =>
              `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${solid(color)}</c:spPr></c:dPt>`,
          )
          .join('');
        return `${points}${seriesLabels(style.series[i], sheet, s.values)}`;
      });
      return spec.type === 'doughnut'
        ? `<c:doughnutChart><c:varyColors val="1"/>${body}<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`
        : `<c:pieChart><c:varyColors val="1"/>${body}<c:firstSliceAng val="0"/></c:pieChart>`;
    }
    case 'barStacked':
    case 'columnClustered': {
      const stacked = spec.type === 'barStacked';
      const body = series((s, i) => {
        const fill = style.series[i]?.fill;
        return `${fill ? `<c:spPr>${solid(fill)}</c:spPr>` : ''}<c:invertIfNegative val="0"/>${seriesLabels(style.series[i], sheet, s.values)}`;
      });
      const dir = stacked ? 'bar' : 'col';
      const grouping = stacked ? 'stacked' : 'clustered';
      const overlap = stacked ? '<c:overlap val="100"/>' : '<c:overlap val="-10"/>';
      return (
        `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${body}<c:gapWidth val="60"/>${overlap}<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
        axes(stacked ? 'l' : 'b', stacked ? 'b' : 'l', valueFormat, stacked, style.valueAxisBounds)
      );
    }
    case 'line': {
      const body = series(
        (_, i) =>
          `<c:spPr><a:ln w="28575" cap="rnd">${solid(style.series[i]?.line ?? DEFAULT_LINE_COLOR)}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="7"/></c:marker>${seriesLabels(style.series[i])}`,
      );
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${body}<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>${axes('b', 'l', valueFormat, false, style.valueAxisBounds)}`;
    }
  }
}

export function chartXml(spec: ChartSpec, sheet: ChartSource): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="ja-JP" altLang="en-US" sz="1400" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legendPos = spec.type === 'line' ? 'b' : 'r';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:lang val="ja-JP"/><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plotArea(spec, sheet)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${legendPos}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="Yu Gothic"/><a:ea typeface="Yu Gothic"/></a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

function anchor(spec: ChartSpec, index: number, relId: string): string {
  const from = parseRange(spec.from)!;
  const to = parseRange(spec.to)!;
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.top, from.left)}${marker('to', to.top, to.left)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(`Chart ${index + 1}`)}" descr="${escapeXml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function drawingXml(charts: readonly { spec: ChartSpec; relId: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    charts.map((c, i) => anchor(c.spec, i, c.relId)).join('') +
    `</xdr:wsDr>`
  );
}
