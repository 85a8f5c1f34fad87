/**
 * Data validations made disjoint, as Excel needs them to open a file without a repair prompt: each
 * validation keeps only the cells no earlier one has (ExcelJS's own grouping of per-cell dropdowns
 * can overlap). Only sheets that need it are rewritten; every other part is copied as it was.
 * No Node imports.
 */
import { parseRange, type CellRange } from '../../core';
import { DEFAULT_LIMITS } from '../package/readXlsx';
import { EditablePackage } from './package';
import { sqrefMinus } from './sheetXml';
import { attr, parseStartTag, withAttr, writeStartTag, xmlTags } from './xml';

function rangesOf(sqref: string): CellRange[] {
  return sqref
    .split(' ')
    .filter((s) => s !== '')
    .map((s) => parseRange(s.includes(':') ? s : `${s}:${s}`))
    .filter((r): r is CellRange => r !== null);
}

/** The sheet's XML with each main-namespace validation cut to the cells no earlier one covers. */
export function disjointSheetValidations(xml: string): string {
  const taken: CellRange[] = [];
  const out: string[] = [];
  let copied = 0;
  let changed = false;
  for (const tag of xmlTags(xml)) {
    if (tag.local !== 'dataValidation' || tag.kind === 'close') continue;
    const start = parseStartTag(xml.slice(tag.start, tag.end));
    if (start.name.includes(':')) continue;
    const before = attr(start, 'sqref') ?? '';
    const after = sqrefMinus(before, taken);
    taken.push(...rangesOf(before));
    if (after === before) continue;
    changed = true;
    if (after === '') {
      // Nothing left of it: the whole element goes.
      const end =
        tag.kind === 'empty' ? tag.end : xml.indexOf('>', xml.indexOf(`</${start.name}>`, tag.end)) + 1;
      out.push(xml.slice(copied, tag.start));
      copied = end;
    } else {
      out.push(xml.slice(copied, tag.start), writeStartTag(withAttr(start, 'sqref', after)));
      copied = tag.end;
    }
  }
  if (!changed) return xml;
  out.push(xml.slice(copied));
  // The count follows what is left.
  const result = out.join('');
  let count = 0;
  for (const tag of xmlTags(result))
    if (
      tag.local === 'dataValidation' &&
      tag.kind !== 'close' &&
      !result.slice(tag.start, tag.end).startsWith('<x')
    )
      count += 1;
  for (const tag of xmlTags(result))
    if (tag.local === 'dataValidations' && tag.kind === 'open') {
      const head = parseStartTag(result.slice(tag.start, tag.end));
      if (head.name.includes(':')) continue;
      return (
        result.slice(0, tag.start) +
        writeStartTag(withAttr(head, 'count', String(count))) +
        result.slice(tag.end)
      );
    }
  return result;
}

export function disjointValidations(bytes: Uint8Array): Uint8Array {
  const pkg = new EditablePackage(bytes, DEFAULT_LIMITS.maxUncompressedBytes);
  let changed = false;
  for (const name of pkg.names()) {
    if (!name.toLowerCase().startsWith('xl/worksheets/') || !name.toLowerCase().endsWith('.xml')) continue;
    const xml = pkg.text(name) ?? '';
    if (!xml.includes('dataValidation')) continue;
    const next = disjointSheetValidations(xml);
    if (next !== xml) {
      pkg.setText(name, next);
      changed = true;
    }
  }
  return changed ? pkg.write() : bytes;
}
