/**
 * A package opened for editing: part texts on demand, relationships as Excel resolves them, and a
 * copy written with only the changed parts replaced (every other entry copied from its raw bytes).
 * No Node imports.
 */
import { inflateSync } from 'fflate';
import {
  inflateEntryBytes,
  rawEntryData,
  readZipDirectory,
  ZipError,
  type InflateBudget,
  type ZipEntry,
} from '../package/zip';
import { relsPartName, resolveTarget } from '../package/parts';
import { toRaw, writeZip, type Deflate, type RawZipEntry } from './zipWrite';
import { attr, parseStartTag, xmlTags } from './xml';

export interface Relationship {
  readonly id: string;
  /** The type's last segment: worksheet, comments, vmlDrawing, drawing, table… */
  readonly kind: string;
  /** The resolved part name, or null for an external target. */
  readonly part: string | null;
}

export function partKey(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
}

// Part-name resolution is the reader's (one rule for reading and editing).
export { relsPartName, resolveTarget };

/** What relationships are read from: a part's text by name. */
export interface PartTexts {
  text(name: string): string | null;
}

/** A part's relationships, as Excel resolves them (`''` for the package's own). */
export function relationshipsOf(pkg: PartTexts, part: string): Relationship[] {
  const text = pkg.text(part === '' ? '_rels/.rels' : relsPartName(part));
  if (text === null) return [];
  const rels: Relationship[] = [];
  for (const tag of xmlTags(text)) {
    if (tag.local !== 'Relationship' || tag.kind === 'close') continue;
    const start = parseStartTag(text.slice(tag.start, tag.end));
    const type = attr(start, 'Type') ?? '';
    const target = attr(start, 'Target') ?? '';
    rels.push({
      id: attr(start, 'Id') ?? '',
      kind: type.slice(type.lastIndexOf('/') + 1),
      part: attr(start, 'TargetMode') === 'External' ? null : resolveTarget(part, target),
    });
  }
  return rels;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export class EditablePackage {
  private readonly entries: readonly ZipEntry[];
  private readonly byKey = new Map<string, ZipEntry>();
  /** A changed part: its bytes, or (when parts are compressed as they are set) its zip entry. */
  private readonly replaced = new Map<string, Uint8Array | RawZipEntry | null>();
  /** Parts new to the package (key → name as written), in the order they were added. */
  private readonly added = new Map<string, string>();
  private readonly budget: InflateBudget;

  /**
   * `maxInflatedBytes` bounds the bytes actually inflated from the package, over all parts read.
   * `compressAsSet`: parts are compressed when they are set, so a large part's text and bytes are not
   * held until the copy is written.
   */
  constructor(
    private readonly bytes: Uint8Array,
    maxInflatedBytes: number,
    maxEntries = 50_000,
    private readonly compressAsSet?: Deflate,
  ) {
    this.entries = readZipDirectory(bytes, maxEntries);
    this.budget = { remaining: maxInflatedBytes };
    for (const entry of this.entries) {
      // Folder entries are copied too (the copy lists what the input listed); they are not parts.
      if (entry.name.endsWith('/')) continue;
      const key = partKey(entry.name);
      if (this.byKey.has(key)) throw new ZipError('unsupported', `two parts named ${entry.name}`);
      this.byKey.set(key, entry);
    }
  }

  names(): string[] {
    return [...[...this.byKey.values()].map((e) => e.name), ...this.added.values()].filter(
      (n) => this.replaced.get(partKey(n)) !== null,
    );
  }

  has(name: string): boolean {
    const replaced = this.replaced.get(partKey(name));
    return replaced === undefined ? this.byKey.has(partKey(name)) : replaced !== null;
  }

  text(name: string): string | null {
    const key = partKey(name);
    const replaced = this.replaced.get(key);
    if (replaced === null) return null;
    if (replaced instanceof Uint8Array) return decoder.decode(replaced);
    if (replaced !== undefined)
      return decoder.decode(replaced.method === 0 ? replaced.data : inflateSync(replaced.data));
    const entry = this.byKey.get(key);
    if (!entry) return null;
    const text = decoder.decode(inflateEntryBytes(this.bytes, entry, this.budget));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  relationships(part: string): Relationship[] {
    return relationshipsOf(this, part);
  }

  setText(name: string, text: string): void {
    this.setBytes(name, encoder.encode(text));
  }

  /** A part's new content, as a zip entry already compressed (a sheet written piece by piece). */
  setEntry(name: string, entry: RawZipEntry): void {
    const key = partKey(name);
    if (!this.byKey.has(key) && !this.added.has(key)) this.added.set(key, name);
    this.replaced.set(key, entry);
  }

  /** A part's new content, UTF-8. */
  setBytes(name: string, content: Uint8Array): void {
    const key = partKey(name);
    if (!this.byKey.has(key) && !this.added.has(key)) this.added.set(key, name);
    this.replaced.set(key, this.compressAsSet ? toRaw({ name, content }, this.compressAsSet) : content);
  }

  remove(name: string): void {
    this.replaced.set(partKey(name), null);
  }

  changedParts(): string[] {
    return [
      ...this.entries.filter((e) => this.replaced.has(partKey(e.name))).map((e) => e.name),
      ...this.added.values(),
    ];
  }

  /** The copy: unchanged entries from their raw bytes (never re-inflated), changed ones deflated anew. */
  write(deflate?: Deflate): Uint8Array {
    const out: RawZipEntry[] = [];
    for (const entry of this.entries) {
      const replaced = entry.name.endsWith('/') ? undefined : this.replaced.get(partKey(entry.name));
      if (replaced === null) continue;
      if (replaced instanceof Uint8Array) out.push(toRaw({ name: entry.name, content: replaced }, deflate));
      else if (replaced !== undefined) out.push({ ...replaced, name: entry.name });
      else
        out.push({
          name: entry.name,
          method: entry.method,
          crc32: entry.crc32,
          size: entry.declaredSize,
          data: rawEntryData(this.bytes, entry),
          dosTime: entry.dosTime,
          dosDate: entry.dosDate,
        });
    }
    for (const [key, name] of this.added) {
      const content = this.replaced.get(key);
      if (content instanceof Uint8Array) out.push(toRaw({ name, content }, deflate));
      else if (content) out.push({ ...content, name });
    }
    return writeZip(out);
  }
}

/** Whether the package is a macro-enabled workbook (its main part's content type says so). */
export function isMacroPackage(bytes: Uint8Array): boolean {
  const pkg = new EditablePackage(bytes, 64 * 1024 * 1024);
  return (pkg.text('[Content_Types].xml') ?? '').includes(
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
}

/** A copy keeps the package's kind: a macro workbook must be written as .xlsm, any other as .xlsx. */
export function extensionFits(bytes: Uint8Array | null, out: string): boolean {
  const xlsm = out.toLowerCase().endsWith('.xlsm');
  return bytes === null ? !xlsm : isMacroPackage(bytes) === xlsm;
}
