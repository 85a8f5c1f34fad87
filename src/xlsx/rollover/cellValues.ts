/**
 * Text written into existing cells of a worksheet part, as Excel leaves a typed value: the cell keeps
 * its address, style and every other attribute; its content becomes an inline string (as the
 * rollover writes its headers), so no shared-string table is rewritten. Everything else in the part
 * is copied as written. No Node imports.
 */
import { columnLetters, parseA1 } from '../../core';
import { escapeXmlText } from '../package/xml';
import { attr, parseStartTag, withAttr, writeStartTag, xmlTags } from './xml';

export interface CellText {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly value: string;
}

export interface CellTextsResult {
  readonly xml: string;
  /** Cells not written: absent from the part, or holding a formula (whose result is Excel's to compute). */
  readonly unwritten: readonly CellText[];
}

// Columns fit in 14 bits (16,384), so a row and a column make one key.
const key = (row: number, col: number) => row * 16_384 + col;

export function withCellTexts(xml: string, edits: readonly CellText[]): CellTextsResult {
  const wanted = new Map(edits.map((e) => [key(e.row, e.col), e]));
  const unwritten: CellText[] = [];
  const out: string[] = [];
  let copied = 0;
  let row = -1;
  let nextCol = 0;
  const iter = xmlTags(xml);
  for (let step = iter.next(); !step.done && wanted.size > 0; step = iter.next()) {
    const tag = step.value;
    if (tag.kind === 'close' || tag.kind === 'other') continue;
    if (tag.local === 'row') {
      const r = Number(attr(parseStartTag(xml.slice(tag.start, tag.end)), 'r'));
      row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
      nextCol = 0;
      continue;
    }
    if (tag.local !== 'c' || row < 0) continue;
    const start = parseStartTag(xml.slice(tag.start, tag.end));
    const ref = attr(start, 'r');
    const col = ref ? (parseA1(ref)?.col ?? nextCol) : nextCol;
    nextCol = col + 1;
    const edit = wanted.get(key(row, col));
    if (!edit) continue;
    wanted.delete(key(row, col));
    let end = tag.end;
    let inner = '';
    if (tag.kind === 'open') {
      for (let t = iter.next(); !t.done; t = iter.next())
        if (t.value.local === 'c' && t.value.kind === 'close') {
          inner = xml.slice(tag.end, t.value.start);
          end = t.value.end;
          break;
        }
    }
    if (inner.includes('<f') && [...xmlTags(inner)].some((t) => t.local === 'f' && t.kind !== 'other')) {
      unwritten.push(edit);
      continue;
    }
    const prefix = start.name.includes(':') ? start.name.slice(0, start.name.indexOf(':') + 1) : '';
    // The value's metadata (rich values, cell metadata) belonged to the old value.
    let head = withAttr(withAttr(withAttr(start, 't', 'inlineStr'), 'cm', undefined), 'vm', undefined);
    if (!ref) head = { ...head, attrs: [['r', `${columnLetters(col)}${row + 1}`], ...head.attrs] };
    out.push(
      xml.slice(copied, tag.start),
      writeStartTag({ ...head, empty: false }),
      `<${prefix}is><${prefix}t xml:space="preserve">${escapeXmlText(edit.value)}</${prefix}t></${prefix}is>`,
      `</${start.name}>`,
    );
    copied = end;
  }
  unwritten.push(...wanted.values());
  if (out.length === 0) return { xml, unwritten };
  out.push(xml.slice(copied));
  return { xml: out.join(''), unwritten };
}
