/**
 * .xlsx bytes → grid snapshot, or a `file.unreadable` finding saying why. Hostile files are refused
 * before they cost memory: the zip's central directory is checked (sizes, sheet count) before
 * anything is inflated, and the sheets' XML (merges, validations, names: preflight.ts) before ExcelJS
 * parses it. No Node imports: the task pane uses it too.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type WorkbookSnapshot, type Finding, type UnreadableReason, finding } from '../core';
import { preflight, type PreflightLimits } from './preflight';
import { snapshotFromExcelJs, TooManyCellsError, MAX_CELLS } from './snapshotFromExcelJs';
import { storedSettings } from './storedSettings';

export interface ReadLimits extends PreflightLimits {
  /** Size of the file on disk. */
  readonly maxFileBytes: number;
  /** Sum of the uncompressed sizes of all parts (a zip bomb claims gigabytes here). */
  readonly maxUncompressedBytes: number;
  readonly maxSheets: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxSheets: 2000,
  // ExcelJS checks each merged area against all the others: 10,000 take a few seconds, 40,000 minutes.
  maxMerges: 10_000,
  // ExcelJS keeps an entry per covered cell: 2,000,000 are about 250 MB.
  maxRangeCells: 2_000_000,
};

/** The limits as the README states them. */
export const LIMITS_FOR_DOCS = { ...DEFAULT_LIMITS, maxCells: MAX_CELLS };

export type { UnreadableReason };

export type ReadOutcome =
  | {
      readonly ok: true;
      readonly snapshot: WorkbookSnapshot;
      /** The add-in's settings stored in the file, raw. */
      readonly settings: unknown;
      /** The loaded workbook, for writing a summary into it without reading the file again. */
      readonly workbook: ExcelJS.Workbook;
      /** Findings about the file as a whole that do not stop it being read (`file.macros`). */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly finding: Finding<'file.unreadable'> };

export function unreadable(file: string, reasonCode: UnreadableReason, detail = ''): ReadOutcome {
  return {
    ok: false,
    finding: finding('file.unreadable', { file, sheet: null, cell: null }, { reasonCode, detail }),
  };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Password-protected .xlsx files (and old .xls) are OLE2 compound files, not zips.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

interface ZipEntryInternals {
  readonly _data?: { readonly uncompressedSize?: number };
}

async function checkPackage(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
): Promise<{ refused: ReadOutcome } | { zip: JSZip }> {
  if (bytes.length > limits.maxFileBytes)
    return { refused: unreadable(file, 'tooLarge', `${bytes.length} bytes`) };
  if (startsWith(bytes, CFB_MAGIC)) return { refused: unreadable(file, 'encrypted') };
  if (!startsWith(bytes, ZIP_MAGIC)) return { refused: unreadable(file, 'notZip') };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (err) {
    return { refused: unreadable(file, 'truncated', err instanceof Error ? err.message : '') };
  }
  let total = 0;
  let sheets = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    // JSZip keeps each entry's declared size from the central directory; nothing is inflated yet.
    total += (entry as unknown as ZipEntryInternals)._data?.uncompressedSize ?? 0;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) sheets += 1;
  }
  if (total > limits.maxUncompressedBytes)
    return { refused: unreadable(file, 'tooLarge', `${total} bytes uncompressed`) };
  if (sheets > limits.maxSheets) return { refused: unreadable(file, 'tooManySheets', `${sheets}`) };
  if (!zip.file('xl/workbook.xml')) return { refused: unreadable(file, 'other', 'no xl/workbook.xml') };
  return { zip };
}

// Where Excel keeps a macro-enabled workbook's VBA. Macros are never run; ExcelJS drops them when it writes.
const VBA_PART = /(^|\/)vbaProject\.bin$/i;

/** A warning when the package holds macros, so that a copy written without them does not pass silently. */
function fileNotices(zip: JSZip, file: string): Finding[] {
  const hasMacros = Object.keys(zip.files).some((name) => VBA_PART.test(name));
  return hasMacros ? [finding('file.macros', { file, sheet: null, cell: null }, {})] : [];
}

export async function readWorkbookBuffer(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ReadOutcome> {
  const checked = await checkPackage(bytes, file, limits);
  if ('refused' in checked) return checked.refused;
  try {
    const looked = await preflight(checked.zip, limits);
    if (!looked.ok) return unreadable(file, looked.reason, looked.detail);
    // Sheets preflight rewrote (overlapping merges dropped, validations cut) go to ExcelJS; the file itself is untouched.
    const loadable = looked.rewritten
      ? await checked.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
      : bytes;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(loadable as unknown as ArrayBuffer);
    return {
      ok: true,
      snapshot: snapshotFromExcelJs(workbook, file),
      settings: await storedSettings(checked.zip),
      workbook,
      findings: fileNotices(checked.zip, file),
    };
  } catch (err) {
    if (err instanceof TooManyCellsError) return unreadable(file, 'tooManyCells', `${err.cells}`);
    return unreadable(file, 'other', err instanceof Error ? err.message.slice(0, 200) : String(err));
  }
}
