/**
 * .xlsx bytes → grid snapshot, the add-in's stored settings and findings about the file, or a
 * `file.unreadable` finding saying why not. The package is read the way Excel reads it (relationships
 * from `_rels`, part names without case), every part streamed through the bounded inflater and the
 * linear tokenizer, and every limit counted while reading: refusing a hostile file costs time and
 * memory in proportion to the limit, not to the file. No Node imports: the CLI and the pane both use it.
 */
import {
  type WorkbookSnapshot,
  type SheetSnapshot,
  parseRange,
  type Finding,
  finding,
  type UnreadableReason,
  honouredOwnedSheets,
  isMarkerName,
} from '../../core';
import { PackageError, PackageParts, type Relationship } from './parts';
import { readStyles, NO_STYLES, type Styles } from './styles';
import { ReadRefusal, SheetReader, TAKE_AT_ONCE, type WorkbookBudget } from './sheetPart';
import { decodeSpreadsheetText, XmlError, XmlScanner } from './xml';
import {
  InflateLimitError,
  inflateText,
  readZipDirectory,
  ZipError,
  type InflateBudget,
  type NativeInflate,
} from './zip';

export interface ReadLimits {
  /** Size of the file. */
  readonly maxFileBytes: number;
  /** Bytes actually inflated from the parts read (and, early, what the directory declares). */
  readonly maxUncompressedBytes: number;
  readonly maxSheets: number;
  /** Merged areas in the whole workbook. */
  readonly maxMerges: number;
  /** Cells covered by data validations (cut at each sheet's last row and column) and by defined names. */
  readonly maxRangeCells: number;
  /** Cells in the whole workbook: every `<c>` element of every sheet, empty ones included. */
  readonly maxCells: number;
  /** Shared strings: how many, and their characters in all. */
  readonly maxStrings: number;
  readonly maxStringChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxSheets: 2000,
  maxMerges: 10_000,
  maxRangeCells: 2_000_000,
  maxCells: 5_000_000,
  maxStrings: 2_000_000,
  maxStringChars: 50_000_000,
};

export type { UnreadableReason };

export type ReadOutcome =
  | {
      readonly ok: true;
      readonly snapshot: WorkbookSnapshot;
      /** The add-in's settings stored in the file, raw (the caller checks them with zod); null when none. */
      readonly settings: unknown;
      /** Findings about the file as a whole that do not stop it being read (`file.macros`). */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly finding: Finding<'file.unreadable'> };

export function unreadable(
  file: string,
  reasonCode: UnreadableReason,
  detail = '',
): { readonly ok: false; readonly finding: Finding<'file.unreadable'> } {
  return {
    ok: false,
    finding: finding('file.unreadable', { file, sheet: null, cell: null }, { reasonCode, detail }),
  };
}

export interface ReadOptions {
  readonly limits?: ReadLimits;
  /**
   * Called now and then while reading (about every `sliceMs`); awaiting it gives the page a turn, so
   * that reading a large file in the pane never blocks it for long. The CLI passes nothing.
   */
  readonly pause?: () => Promise<void>;
  readonly sliceMs?: number;
  /** The platform's inflate (the CLI passes Node's zlib, src/xlsx/nodeInflate.ts); fflate's when absent. */
  readonly inflate?: NativeInflate;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Password-protected .xlsx files (and old .xls) are OLE2 compound files, not zips.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SETTINGS_KEY = 'reformProgress.settings';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A pull loop over a part: the scanner fed from the inflater, with a turn for the page now and then. */
class PartStream {
  readonly scanner = new XmlScanner();
  private readonly source: Iterator<string>;

  constructor(parts: PackageParts, name: string, budget: InflateBudget) {
    const entry = parts.get(name);
    if (!entry) throw new PackageError(`${name} is missing`);
    this.source = inflateText(parts.bytes, entry, budget)[Symbol.iterator]();
  }

  /** The next token; 'need' never comes out (more input is pulled here). */
  next(): 'open' | 'close' | 'text' | 'end' {
    for (;;) {
      const token = this.scanner.next();
      if (token === 'other') continue;
      if (token !== 'need') return token;
      const more = this.source.next();
      if (more.done) this.scanner.end();
      else this.scanner.push(more.value);
    }
  }
}

class Clock {
  private last = Date.now();
  private count = 0;
  constructor(private readonly options: ReadOptions) {}
  /**
   * Cheap to call per token: true every 4,096 tokens (or cells read at once: `weight`) once a time
   * slice has passed, and only when the caller gave a pause (the CLI does not: it never awaits per token).
   */
  due(weight = 1): boolean {
    if (!this.options.pause) return false;
    this.count += weight;
    if (this.count < 4096) return false;
    this.count = 0;
    return Date.now() - this.last >= (this.options.sliceMs ?? 50);
  }

  async pause(): Promise<void> {
    await this.options.pause?.();
    this.last = Date.now();
  }
}

interface WorkbookPart {
  readonly date1904: boolean;
  readonly sheets: { name: string; hidden: boolean; relId: string }[];
  /** Sheets that the add-in's ownership markers point at. */
  readonly markerSheets: string[];
}

/** Splits a defined name's formula into its areas: `'My sheet'!$A$1,Sheet2!$B:$B`. Quotes respected. */
function nameAreas(formula: string): { sheet: string | null; ref: string }[] {
  const out: { sheet: string | null; ref: string }[] = [];
  let i = 0;
  while (i < formula.length) {
    let sheet: string | null = null;
    if (formula[i] === "'") {
      let name = '';
      let j = i + 1;
      for (;;) {
        const q = formula.indexOf("'", j);
        if (q < 0) return out;
        name += formula.slice(j, q);
        if (formula[q + 1] === "'") {
          name += "'";
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      sheet = name;
      i = j;
    }
    let comma = formula.indexOf(',', i);
    if (comma < 0) comma = formula.length;
    const piece = formula.slice(i, comma).trim();
    const bang = piece.lastIndexOf('!');
    if (bang >= 0) {
      if (sheet === null) sheet = piece.slice(0, bang);
      out.push({ sheet, ref: piece.slice(bang + 1) });
    } else out.push({ sheet, ref: piece });
    i = comma + 1;
  }
  return out;
}

async function readWorkbookPart(
  parts: PackageParts,
  name: string,
  budget: InflateBudget,
  limits: ReadLimits,
  used: WorkbookBudget,
  clock: Clock,
): Promise<WorkbookPart> {
  const stream = new PartStream(parts, name, budget);
  const s = stream.scanner;
  let date1904 = false;
  const sheets: WorkbookPart['sheets'] = [];
  const markerSheets: string[] = [];
  let definedName: string | null = null;
  let formula = '';
  let sheetCount = 0;
  for (;;) {
    const token = stream.next();
    if (token === 'end') break;
    if (clock.due()) await clock.pause();
    if (token === 'open') {
      switch (s.local) {
        case 'workbookPr': {
          const v = s.attr('date1904');
          date1904 = v === '1' || v === 'true';
          break;
        }
        case 'sheet': {
          // Counted to the end (the part is small next to its sheets), kept only up to the limit.
          sheetCount += 1;
          if (sheetCount > limits.maxSheets) break;
          const state = s.attr('state');
          sheets.push({
            name: s.attr('name') ?? '',
            hidden: state === 'hidden' || state === 'veryHidden',
            relId: s.attrLocal('id') ?? '',
          });
          break;
        }
        case 'definedName':
          definedName = s.attr('name') ?? '';
          formula = '';
          if (s.selfClosing) definedName = null;
          break;
        default:
          break;
      }
    } else if (token === 'text') {
      if (definedName !== null) formula += s.text;
    } else if (s.local === 'definedName' && definedName !== null) {
      for (const area of nameAreas(formula)) {
        const r = parseRange(area.ref);
        if (r) {
          used.rangeCells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
          if (used.rangeCells > used.maxRangeCells)
            throw new ReadRefusal(
              'tooManyCells',
              `${used.rangeCells} cells under data validations and names`,
            );
        }
        if (isMarkerName(definedName) && area.sheet !== null && !markerSheets.includes(area.sheet))
          markerSheets.push(area.sheet);
      }
      definedName = null;
    }
  }
  if (sheetCount > limits.maxSheets) throw new ReadRefusal('tooManySheets', `${sheetCount}`);
  return { date1904, sheets, markerSheets };
}

async function readSharedStrings(
  parts: PackageParts,
  name: string,
  budget: InflateBudget,
  limits: ReadLimits,
  clock: Clock,
): Promise<string[]> {
  const stream = new PartStream(parts, name, budget);
  const s = stream.scanner;
  const strings: string[] = [];
  let chars = 0;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  for (;;) {
    const token = stream.next();
    if (token === 'end') break;
    if (clock.due()) await clock.pause();
    if (token === 'text') {
      if (inText && phonetic === 0) text += s.text;
      continue;
    }
    const local = s.local;
    if (token === 'open') {
      if (local === 'si') {
        inItem = true;
        text = '';
        if (s.selfClosing) {
          inItem = false;
          strings.push('');
        }
      } else if (!inItem) continue;
      else if (local === 'rPh') phonetic += s.selfClosing ? 0 : 1;
      else if (local === 't' && !s.selfClosing) inText = true;
    } else if (local === 't') inText = false;
    else if (local === 'rPh') phonetic = Math.max(0, phonetic - 1);
    else if (local === 'si' && inItem) {
      inItem = false;
      const value = decodeSpreadsheetText(text);
      chars += value.length;
      strings.push(value);
      if (strings.length > limits.maxStrings)
        throw new ReadRefusal('tooLarge', `> ${limits.maxStrings} strings`);
      if (chars > limits.maxStringChars)
        throw new ReadRefusal('tooLarge', `> ${limits.maxStringChars} characters of strings`);
    }
  }
  return strings;
}

/** The stored settings from the add-in's web-extension parts, reached from the package's relationships. */
function readStoredSettings(
  parts: PackageParts,
  packageRels: readonly Relationship[],
  budget: InflateBudget,
): unknown {
  const extensions: string[] = [];
  for (const rel of packageRels) {
    if (rel.kind !== 'webextensiontaskpanes' || rel.part === null) continue;
    for (const pane of parts.relationships(rel.part, budget))
      if (pane.kind === 'webextension' && pane.part !== null) extensions.push(pane.part);
  }
  for (const part of extensions) {
    const xml = parts.text(part, budget);
    if (xml === null) continue;
    const s = new XmlScanner();
    s.push(xml);
    s.end();
    for (let token = s.next(); token !== 'end'; token = s.next()) {
      if (token !== 'open' || s.local !== 'property' || s.attr('name') !== SETTINGS_KEY) continue;
      let decoded: unknown = s.attr('value') ?? '';
      // Office encodes the stored value as JSON, sometimes more than once.
      for (let i = 0; i < 3 && typeof decoded === 'string'; i += 1) {
        try {
          decoded = JSON.parse(decoded) as unknown;
        } catch {
          break;
        }
      }
      return decoded;
    }
  }
  return null;
}

function byKind(rels: readonly Relationship[], kind: string): Relationship | undefined {
  return rels.find((r) => r.kind === kind && r.part !== null);
}

async function readSheet(
  parts: PackageParts,
  part: string,
  reader: SheetReader,
  budget: InflateBudget,
  clock: Clock,
): Promise<SheetSnapshot> {
  const stream = new PartStream(parts, part, budget);
  const s = stream.scanner;
  for (;;) {
    const token = stream.next();
    if (token === 'end') break;
    let taken = reader.token(token, s);
    if (clock.due(1 + taken)) await clock.pause();
    while (taken === TAKE_AT_ONCE) {
      taken = reader.more(s);
      if (clock.due(taken)) await clock.pause();
    }
  }
  return reader.finish();
}

/** Where Excel keeps a macro-enabled workbook's VBA. Macros are never run; a copy may drop them. */
function hasMacros(parts: PackageParts): boolean {
  return parts.names().some((n) => n.toLowerCase().endsWith('vbaproject.bin'));
}

export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<ReadOutcome> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.maxFileBytes) return unreadable(file, 'tooLarge', `${bytes.length} bytes`);
  if (startsWith(bytes, CFB_MAGIC)) return unreadable(file, 'encrypted');
  if (!startsWith(bytes, ZIP_MAGIC)) return unreadable(file, 'notZip');
  const clock = new Clock(options);
  try {
    const entries = readZipDirectory(bytes, limits.maxSheets * 4 + 10_000);
    let declared = 0;
    for (const e of entries) declared += e.declaredSize;
    // A bomb that declares its size costs nothing; one that lies is stopped by the budget below.
    if (declared > limits.maxUncompressedBytes)
      return unreadable(file, 'tooLarge', `${declared} bytes uncompressed`);
    const budget: InflateBudget = {
      remaining: limits.maxUncompressedBytes,
      ...(options.inflate ? { native: options.inflate } : {}),
    };
    const parts = new PackageParts(bytes, entries);
    const packageRels = parts.relationships('', budget);
    const office = byKind(packageRels, 'officeDocument');
    if (!office?.part || !parts.get(office.part)) return unreadable(file, 'other', 'no workbook part');
    const workbookName = office.part;
    const used: WorkbookBudget = {
      cells: 0,
      merges: 0,
      rangeCells: 0,
      maxCells: limits.maxCells,
      maxMerges: limits.maxMerges,
      maxRangeCells: limits.maxRangeCells,
    };
    const rels = parts.relationships(workbookName, budget);
    const workbook = await readWorkbookPart(parts, workbookName, budget, limits, used, clock);
    const stringsRel = byKind(rels, 'sharedStrings');
    const sharedStrings =
      stringsRel?.part && parts.get(stringsRel.part)
        ? await readSharedStrings(parts, stringsRel.part, budget, limits, clock)
        : [];
    const stylesRel = byKind(rels, 'styles');
    let styles: Styles = NO_STYLES;
    if (stylesRel?.part && parts.get(stylesRel.part)) {
      const entry = parts.get(stylesRel.part)!;
      styles = readStyles(inflateText(bytes, entry, budget));
    }
    const relById = new Map(rels.map((r) => [r.id, r]));
    const sheets: SheetSnapshot[] = [];
    for (const sheet of workbook.sheets) {
      const rel = relById.get(sheet.relId);
      // Chart sheets and dialog sheets hold no cells.
      if (!rel || rel.kind !== 'worksheet' || rel.part === null) continue;
      if (!parts.get(rel.part)) return unreadable(file, 'truncated', `${rel.part} is missing`);
      const reader = new SheetReader({
        name: sheet.name,
        hidden: sheet.hidden,
        sharedStrings,
        styles,
        date1904: workbook.date1904,
        budget: used,
      });
      sheets.push(await readSheet(parts, rel.part, reader, budget, clock));
    }
    const findings: Finding[] = hasMacros(parts)
      ? [finding('file.macros', { file, sheet: null, cell: null }, {})]
      : [];
    return {
      ok: true,
      snapshot: {
        file,
        sheets,
        ownedSheets: honouredOwnedSheets(workbook.markerSheets),
      },
      settings: readStoredSettings(parts, packageRels, budget),
      findings,
    };
  } catch (err) {
    if (err instanceof ReadRefusal) return unreadable(file, err.reason, err.message);
    if (err instanceof InflateLimitError) return unreadable(file, 'tooLarge', err.message);
    if (err instanceof ZipError)
      return unreadable(
        file,
        err.problem === 'notZip'
          ? 'notZip'
          : err.problem === 'encrypted'
            ? 'encrypted'
            : err.problem === 'tooLarge'
              ? 'tooLarge'
              : 'truncated',
        err.message,
      );
    if (err instanceof XmlError || err instanceof PackageError)
      return unreadable(file, 'truncated', err.message);
    throw err;
  }
}
