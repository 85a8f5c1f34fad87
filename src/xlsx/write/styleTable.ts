/**
 * The cell formats of the sheets we write, as one style table: each distinct combination of number
 * format, font, fill, border, alignment and protection gets one cellXfs entry, in the order first
 * used, so the same plan always gives the same table. Every font names SHEET_FONT explicitly (a
 * style without a font name falls back to a serif face in some viewers). The table stands alone
 * (a new workbook's styles part) or is appended to a user's styles (graft.ts). No Node imports.
 */
import { SHEET_FONT } from '../../core';
import { escapeXmlAttr } from '../package/xml';

export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly fontSize?: number;
  /** `#RRGGBB` */
  readonly fontColor?: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  readonly border?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right' | 'centerContinuous';
  readonly vertical?: 'top';
  readonly wrap?: boolean;
  /** Undefined: Excel's default (locked, which only matters on a protected sheet). */
  readonly locked?: boolean;
}

/** Excel's built-in number formats we use: written by id, never as a custom format. */
const BUILT_IN_FORMATS = new Map<string, number>([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);

/** The same key for equal styles, whatever the order their properties were set in. */
export function styleKey(s: CellStyle): string {
  return [
    s.numberFormat ?? '',
    s.bold ? 1 : 0,
    s.italic ? 1 : 0,
    s.underline ? 1 : 0,
    s.fontSize ?? '',
    s.fontColor?.toUpperCase() ?? '',
    s.fill?.toUpperCase() ?? '',
    s.border ? 1 : 0,
    s.horizontal ?? '',
    s.vertical ?? '',
    s.wrap ? 1 : 0,
    s.locked === undefined ? '' : s.locked ? 1 : 0,
  ].join('\u0000');
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function fontXml(s: CellStyle): string {
  // CT_Font's child order: b, i, …, u, …, sz, color, name, family, charset.
  return (
    `<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}${s.underline ? '<u/>' : ''}` +
    `<sz val="${s.fontSize ?? SHEET_FONT.size}"/>` +
    (s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : '') +
    `<name val="${escapeXmlAttr(SHEET_FONT.name)}"/><family val="${SHEET_FONT.family}"/><charset val="${SHEET_FONT.charset}"/></font>`
  );
}

function fillXml(color: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';
const THIN_BORDER =
  '<border>' +
  ['left', 'right', 'top', 'bottom'].map((s) => `<${s} style="thin"><color indexed="64"/></${s}>`).join('') +
  '<diagonal/></border>';

/**
 * One style table; `index` gives a style's cellXfs index, never 0 (Excel's default format, which in a
 * user's workbook is theirs, not ours).
 */
export class StyleTable {
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>();
  private readonly fonts: string[] = [fontXml({})];
  private readonly fontIds = new Map<string, number>([[fontXml({}), 0]]);
  private readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly fillIds = new Map<string, number>();
  private readonly numFmts: string[] = [];
  private readonly numFmtIds = new Map<string, number>();

  index(style: CellStyle): number {
    const key = styleKey(style);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const font = fontXml(style);
    let fontId = this.fontIds.get(font);
    if (fontId === undefined) {
      fontId = this.fonts.push(font) - 1;
      this.fontIds.set(font, fontId);
    }
    let fillId = 0;
    if (style.fill) {
      const known = this.fillIds.get(style.fill.toUpperCase());
      fillId = known ?? this.fills.push(fillXml(style.fill)) - 1;
      this.fillIds.set(style.fill.toUpperCase(), fillId);
    }
    const borderId = style.border ? 1 : 0;
    let numFmtId = 0;
    if (style.numberFormat !== undefined) {
      const builtIn = BUILT_IN_FORMATS.get(style.numberFormat);
      if (builtIn !== undefined) numFmtId = builtIn;
      else {
        numFmtId = this.numFmtIds.get(style.numberFormat) ?? 164 + this.numFmts.length;
        if (!this.numFmtIds.has(style.numberFormat)) {
          this.numFmtIds.set(style.numberFormat, numFmtId);
          this.numFmts.push(
            `<numFmt numFmtId="${numFmtId}" formatCode="${escapeXmlAttr(style.numberFormat)}"/>`,
          );
        }
      }
    }
    const aligned =
      style.horizontal !== undefined || style.vertical !== undefined || style.wrap !== undefined;
    const alignment = aligned
      ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}${style.vertical ? ` vertical="${style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const protection = style.locked !== undefined ? `<protection locked="${style.locked ? 1 : 0}"/>` : '';
    const applies =
      `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ''} applyFont="1"` +
      `${fillId !== 0 ? ' applyFill="1"' : ''}${borderId !== 0 ? ' applyBorder="1"' : ''}` +
      `${aligned ? ' applyAlignment="1"' : ''}${protection ? ' applyProtection="1"' : ''}`;
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xf = alignment || protection ? `${head}>${alignment}${protection}</xf>` : `${head}/>`;
    const index = this.xfs.push(xf) - 1;
    this.byKey.set(key, index);
    return index;
  }

  /** A complete styles part (Normal in SHEET_FONT), for a workbook of our own or to append to a user's. */
  xml(): string {
    const list = (name: string, items: readonly string[]) =>
      `<${name} count="${items.length}">${items.join('')}</${name}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmts.length > 0 ? list('numFmts', this.numFmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', [NO_BORDER, THIN_BORDER]) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', this.xfs) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
