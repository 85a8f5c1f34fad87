/**
 * What Excel checks before it opens a package without a repair prompt, as far as a test can: every
 * XML part well-formed, every part with a content type, every relationship pointing at a part that
 * exists, no overlapping data validations or merges on a sheet, no defined name twice in one scope.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { parseRange, type CellRange } from '../../src/core/grid';
import { attr, parseStartTag, xmlTags } from '../../src/xlsx/rollover/xml';

function wellFormed(name: string, xml: string): string[] {
  const stack: string[] = [];
  try {
    for (const tag of xmlTags(xml)) {
      if (tag.kind === 'other') continue;
      const raw = xml.slice(tag.start, tag.end);
      if (tag.kind === 'close') {
        const qname = raw.slice(2, -1).trim();
        const open = stack.pop();
        if (open !== qname) return [`${name}: </${qname}> closes <${open ?? ''}>`];
      } else {
        const start = parseStartTag(raw);
        const keys = start.attrs.map(([k]) => k);
        if (new Set(keys).size !== keys.length) return [`${name}: duplicate attribute in <${start.name}>`];
        if (tag.kind === 'open') stack.push(start.name);
      }
    }
  } catch (err) {
    return [`${name}: ${(err as Error).message}`];
  }
  // Characters XML 1.0 forbids.
  for (let i = 0; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13)
      return [`${name}: control character U+${c.toString(16)}`];
  }
  return stack.length === 0 ? [] : [`${name}: <${stack.join('><')}> never closed`];
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
}

function ranges(sqref: string): CellRange[] {
  return sqref
    .split(' ')
    .filter((s) => s !== '')
    .map((s) => parseRange(s.includes(':') ? s : `${s}:${s}`))
    .filter((r): r is CellRange => r !== null);
}

function noOverlap(name: string, what: string, list: CellRange[]): string[] {
  for (let i = 0; i < list.length; i += 1)
    for (let j = i + 1; j < list.length; j += 1)
      if (overlaps(list[i]!, list[j]!)) return [`${name}: overlapping ${what}`];
  return [];
}

/** Every problem found; an empty list for a package Excel opens as it is. */
export function packageProblems(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const parts = Object.keys(files).filter((n) => !n.endsWith('/'));
  const lower = new Set(parts.map((p) => p.toLowerCase()));
  const problems: string[] = [];
  const text = (n: string) => strFromU8(files[n]!);
  for (const name of parts)
    if (/\.(xml|rels)$/i.test(name) || name === '[Content_Types].xml')
      problems.push(...wellFormed(name, text(name)));

  // Content types.
  const types = text('[Content_Types].xml');
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  for (const tag of xmlTags(types)) {
    if (tag.kind === 'close' || tag.kind === 'other') continue;
    const start = parseStartTag(types.slice(tag.start, tag.end));
    if (tag.local === 'Default') defaults.add((attr(start, 'Extension') ?? '').toLowerCase());
    if (tag.local === 'Override') overrides.add((attr(start, 'PartName') ?? '').toLowerCase());
  }
  for (const name of parts) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name.toLowerCase()}`) && !defaults.has(ext))
      problems.push(`${name}: no content type`);
  }
  for (const o of overrides)
    if (!lower.has(o.slice(1))) problems.push(`${o}: content type for a missing part`);

  // Relationships.
  for (const name of parts.filter((n) => n.endsWith('.rels'))) {
    const folder = name.slice(0, name.indexOf('_rels/'));
    const rels = text(name);
    for (const tag of xmlTags(rels)) {
      if (tag.local !== 'Relationship' || tag.kind === 'close') continue;
      const start = parseStartTag(rels.slice(tag.start, tag.end));
      if (attr(start, 'TargetMode') === 'External') continue;
      const target = attr(start, 'Target') ?? '';
      const segments = target.startsWith('/') ? [] : folder.split('/').filter((s) => s !== '');
      for (const s of (target.startsWith('/') ? target.slice(1) : target).split('/')) {
        if (s === '..') segments.pop();
        else if (s !== '.' && s !== '') segments.push(s);
      }
      if (!lower.has(segments.join('/').toLowerCase())) problems.push(`${name}: ${target} does not exist`);
    }
  }

  // Sheets: validations and merges never overlap.
  for (const name of parts.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))) {
    const xml = text(name);
    const validations: CellRange[] = [];
    const merges: CellRange[] = [];
    let x14 = false;
    for (const tag of xmlTags(xml)) {
      if (tag.local === 'dataValidation' && tag.kind !== 'close') {
        const start = parseStartTag(xml.slice(tag.start, tag.end));
        x14 = start.name.includes(':');
        validations.push(...ranges(attr(start, 'sqref') ?? ''));
      }
      if (tag.local === 'sqref' && tag.kind === 'open' && x14) {
        validations.push(...ranges(xml.slice(tag.end, xml.indexOf('<', tag.end))));
        x14 = false;
      }
      if (tag.local === 'mergeCell' && tag.kind !== 'close')
        merges.push(...ranges(attr(parseStartTag(xml.slice(tag.start, tag.end)), 'ref') ?? ''));
    }
    problems.push(...noOverlap(name, 'validations', validations), ...noOverlap(name, 'merges', merges));
  }

  // Workbook: a defined name once per scope.
  const workbook = parts.find((n) => /^xl\/workbook\.xml$/i.test(n));
  if (workbook) {
    const xml = text(workbook);
    const seen = new Set<string>();
    for (const tag of xmlTags(xml)) {
      if (tag.local !== 'definedName' || tag.kind === 'close') continue;
      const start = parseStartTag(xml.slice(tag.start, tag.end));
      const key = `${(attr(start, 'name') ?? '').toLowerCase()}|${attr(start, 'localSheetId') ?? ''}`;
      if (seen.has(key)) problems.push(`${workbook}: defined name ${key} twice`);
      seen.add(key);
    }
  }
  return problems;
}
