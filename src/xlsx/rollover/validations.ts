/**
 * Data validations made disjoint, as Excel needs them to open a file without a repair prompt: each
 * validation keeps only the cells no earlier one has (ExcelJS's own grouping of per-cell dropdowns
 * can overlap), as the fewest rectangles of those cells. Only sheets that need it are rewritten; every other part is copied as it was.
 * No Node imports.
 */
import { fewestRanges, parseRange, rangeToA1, type CellRange } from '../../core';
import { DEFAULT_LIMITS } from '../package/readXlsx';
import { EditablePackage } from './package';
import { sqrefMinus } from './sheetXml';
import { attr, parseStartTag, type StartTag, withAttr, writeStartTag, type XmlTag, xmlTags } from './xml';

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
    // Then the same cells as the fewest rectangles (ExcelJS writes per-cell rules as runs).
    const after = fewestRanges(
      rangesOf(sqrefMinus(before, taken)).map(
        (r) =>
          `${rangeToA1({ ...r, bottom: r.top, right: r.left })}:${rangeToA1({ ...r, top: r.bottom, left: r.right })}`,
      ),
    ).join(' ');
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

/**
 * Rules that differ only in their cells (ExcelJS writes one rule's cells as several elements) joined
 * into the first of them, with the fewest rectangles of all their cells. Run after the disjoint pass,
 * so the joined cells still overlap no other rule. Unprefixed dataValidations only.
 */
export function joinSameRules(xml: string): string {
  const rules: { start: number; end: number; key: string; sqref: string }[] = [];
  let block: { open: XmlTag; close: XmlTag } | null = null;
  let open: XmlTag | null = null;
  let current: { tag: XmlTag; head: StartTag } | null = null;
  for (const tag of xmlTags(xml)) {
    if (tag.local === 'dataValidations') {
      const prefixed = xml.slice(tag.start, tag.end).includes(':dataValidations');
      if (prefixed) continue;
      if (tag.kind === 'open') open = tag;
      else if (tag.kind === 'close' && open) block = { open, close: tag };
      continue;
    }
    if (tag.local !== 'dataValidation' || !open || block) continue;
    if (tag.kind === 'close' && current) {
      const head = writeStartTag(withAttr(current.head, 'sqref', undefined));
      rules.push({
        start: current.tag.start,
        end: tag.end,
        key: head + xml.slice(current.tag.end, tag.start),
        sqref: attr(current.head, 'sqref') ?? '',
      });
      current = null;
    } else if (tag.kind !== 'close') {
      const head = parseStartTag(xml.slice(tag.start, tag.end));
      if (head.name.includes(':')) continue;
      if (tag.kind === 'open') current = { tag, head };
      else
        rules.push({
          start: tag.start,
          end: tag.end,
          key: writeStartTag(withAttr(head, 'sqref', undefined)),
          sqref: attr(head, 'sqref') ?? '',
        });
    }
  }
  if (!block || rules.length === 0) return xml;
  const byKey = new Map<string, string[]>();
  for (const rule of rules) byKey.set(rule.key, [...(byKey.get(rule.key) ?? []), rule.sqref]);
  if (byKey.size === rules.length) return xml;
  const out: string[] = [xml.slice(0, rules[0]!.start)];
  const written = new Set<string>();
  let copied = rules[0]!.start;
  for (const rule of rules) {
    out.push(xml.slice(copied, rule.start));
    copied = rule.end;
    if (written.has(rule.key)) continue;
    written.add(rule.key);
    const cells = byKey
      .get(rule.key)!
      .join(' ')
      .split(' ')
      .filter((a) => a !== '')
      .map((a) => (a.includes(':') ? a : `${a}:${a}`));
    const element = xml.slice(rule.start, rule.end);
    const headEnd = element.indexOf('>') + 1;
    const head = parseStartTag(element.slice(0, headEnd));
    out.push(writeStartTag(withAttr(head, 'sqref', fewestRanges(cells).join(' '))) + element.slice(headEnd));
  }
  out.push(xml.slice(copied));
  const result = out.join('');
  for (const tag of xmlTags(result))
    if (tag.local === 'dataValidations' && tag.kind === 'open') {
      const head = parseStartTag(result.slice(tag.start, tag.end));
      if (head.name.includes(':')) continue;
      return (
        result.slice(0, tag.start) +
        writeStartTag(withAttr(head, 'count', String(written.size))) +
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
    const next = joinSameRules(disjointSheetValidations(xml));
    if (next !== xml) {
      pkg.setText(name, next);
      changed = true;
    }
  }
  return changed ? pkg.write() : bytes;
}
