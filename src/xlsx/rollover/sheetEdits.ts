/**
 * Worksheet parts of a package edited by name: each named sheet's XML passed through its edit, the
 * copy written with only those parts replaced (every other entry copied from its raw bytes). The
 * preview's cell and dropdown edits go through here. No Node imports.
 */
import { DEFAULT_LIMITS } from '../package/readXlsx';
import { EditablePackage } from './package';
import { attr, parseStartTag, xmlTags } from './xml';

export class SheetNotFoundError extends Error {
  constructor(readonly sheet: string) {
    super(`no worksheet named ${sheet}`);
  }
}

/** Each worksheet's name and part, in the workbook's order. */
export function worksheetParts(pkg: EditablePackage): Map<string, string> {
  const workbook = pkg.relationships('').find((r) => r.kind === 'officeDocument')?.part ?? 'xl/workbook.xml';
  const text = pkg.text(workbook) ?? '';
  const rels = new Map(pkg.relationships(workbook).map((r) => [r.id, r]));
  const parts = new Map<string, string>();
  for (const tag of xmlTags(text)) {
    if (tag.local !== 'sheet' || tag.kind === 'close') continue;
    const start = parseStartTag(text.slice(tag.start, tag.end));
    const rel = rels.get(attr(start, 'id') ?? '');
    if (rel?.kind === 'worksheet' && rel.part) parts.set(attr(start, 'name') ?? '', rel.part);
  }
  return parts;
}

export function editSheets(
  bytes: Uint8Array,
  edits: ReadonlyMap<string, (xml: string) => string>,
): Uint8Array {
  const pkg = new EditablePackage(bytes, DEFAULT_LIMITS.maxUncompressedBytes);
  const parts = worksheetParts(pkg);
  let changed = false;
  for (const [sheet, edit] of edits) {
    const part = parts.get(sheet);
    const xml = part ? pkg.text(part) : null;
    if (!part || xml === null) throw new SheetNotFoundError(sheet);
    const next = edit(xml);
    if (next === xml) continue;
    pkg.setText(part, next);
    changed = true;
  }
  return changed ? pkg.write() : bytes;
}
