/**
 * Part names as Excel resolves them (Open Packaging Conventions): compared without case, with or
 * without a leading '/', reached through the relationships in `_rels`, never by guessing a name.
 * Two entries with the same part name are a damaged package (which of them Excel would read is not
 * something to guess). No Node imports.
 */
import { InflateLimitError, inflateText, type InflateBudget, type ZipEntry } from './zip';
import { XmlScanner } from './xml';

export class PackageError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'PackageError';
  }
}

export interface Relationship {
  readonly id: string;
  /** The type's last segment (`worksheet`, `sharedStrings`, `officeDocument`…): the same in transitional and strict OOXML. */
  readonly kind: string;
  readonly type: string;
  /** The target part's name, resolved and normalised (no leading '/'); null for an external target. */
  readonly part: string | null;
}

/** A part name as a key: no leading '/', percent-escapes decoded, lower case. */
export function partKey(name: string): string {
  let n = name.startsWith('/') ? name.slice(1) : name;
  if (n.includes('%')) {
    try {
      n = decodeURIComponent(n);
    } catch {
      // A malformed escape stays as written: it then names no part.
    }
  }
  return (n.includes('\\') ? n.replace(/\\/g, '/') : n).toLowerCase();
}

/** Resolve a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const absolute = target.startsWith('/');
  const base = absolute ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of (absolute ? target.slice(1) : target).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; '' (the package) → `_rels/.rels`. */
export function relsPartName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export class PackageParts {
  private readonly byKey = new Map<string, ZipEntry>();

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue; // a folder entry, not a part
      const key = partKey(entry.name);
      if (this.byKey.has(key)) throw new PackageError(`two parts named ${entry.name}`);
      this.byKey.set(key, entry);
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  /** Every part name (as stored). */
  names(): string[] {
    return [...this.byKey.values()].map((e) => e.name);
  }

  /** A small part's whole text (relationships, workbook, styles…), within the budget. */
  text(name: string, budget: InflateBudget): string | null {
    const entry = this.get(name);
    if (!entry) return null;
    let out = '';
    for (const piece of inflateText(this.bytes, entry, budget)) out += piece;
    return out;
  }

  /** The relationships of `part` ('' for the package's own), in file order. */
  relationships(part: string, budget: InflateBudget): Relationship[] {
    const source = part === '' ? '_rels/.rels' : relsPartName(part);
    const entry = this.get(source);
    if (!entry) return [];
    const rels: Relationship[] = [];
    const scanner = new XmlScanner();
    const text = inflateText(this.bytes, entry, budget);
    for (;;) {
      const token = scanner.next();
      if (token === 'end') break;
      if (token === 'need') {
        const next = text.next();
        if (next.done) scanner.end();
        else scanner.push(next.value);
        continue;
      }
      if (token !== 'open' || scanner.local !== 'Relationship') continue;
      const id = scanner.attr('Id') ?? '';
      const type = scanner.attr('Type') ?? '';
      const target = scanner.attr('Target') ?? '';
      const external = scanner.attr('TargetMode') === 'External';
      rels.push({
        id,
        type,
        kind: type.slice(type.lastIndexOf('/') + 1),
        part: external ? null : resolveTarget(part, target),
      });
      if (rels.length > 100_000) throw new PackageError(`too many relationships in ${source}`);
    }
    return rels;
  }
}

export { InflateLimitError };
