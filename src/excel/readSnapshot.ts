/**
 * The whole workbook as grid snapshots, in two round trips whatever the number of sheets and rows:
 * (1) sheet names and visibility, defined names; (2) every sheet's used range, values, number
 * formats and value types (to tell error values), and merged areas where ExcelApi 1.13 allows.
 * Values come in en-US semantics: dates as serial numbers. A workbook too large for one response
 * of Excel on the web is read again in bands of rows (more round trips, only then).
 */
import {
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
  columnLetters,
  parseRange,
  honouredOwnedSheets,
  isMarkerName,
} from '../core';
import { type ExcelEnv, runBatch } from './env';
import { guarded, toHostError } from './errors';
import { parseAreas, splitAddress } from './references';

function toCellValue(value: unknown, type: string | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'Error' && typeof value === 'string') return { error: value };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Sheets named by the add-in's ownership markers (workbook-scoped names referring to a sheet). */
export function ownedFromNames(names: readonly { name: string; value: unknown }[]): string[] {
  const owned: string[] = [];
  for (const item of names) {
    if (!isMarkerName(item.name) || typeof item.value !== 'string') continue;
    const ref = splitAddress(item.value);
    if (ref && !owned.includes(ref.sheet)) owned.push(ref.sheet);
  }
  return honouredOwnedSheets(owned);
}

/** Cells per request when a workbook is too large to read in one: values, formats and types stay well under 5 MB. */
const CELLS_PER_READ = 20_000;

interface RawSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** The used range's address, or null when the sheet is empty. */
  readonly address: string | null;
  readonly values: unknown[][];
  readonly numberFormat: unknown[][];
  readonly valueTypes: string[][];
  readonly merges: string | null;
}

function toSnapshot(
  file: string,
  raw: readonly RawSheet[],
  names: readonly { name: string; value: unknown }[],
): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = raw.map((sheet) => {
    const { name, hidden } = sheet;
    if (sheet.address === null) return { name, top: 0, left: 0, values: [], merges: [], hidden };
    const ref = splitAddress(sheet.address);
    const range = ref ? parseRange(ref.range) : null;
    const types = sheet.valueTypes;
    return {
      name,
      top: range?.top ?? 0,
      left: range?.left ?? 0,
      values: sheet.values.map((row, r) => row.map((v, c) => toCellValue(v, types[r]?.[c]))),
      numberFormats: sheet.numberFormat.map((row) => row.map((f) => (f === 'General' ? '' : String(f)))),
      merges: sheet.merges ? parseAreas(sheet.merges) : [],
      hidden,
    };
  });
  return { file, sheets, ownedSheets: ownedFromNames(names) };
}

/** Each sheet's used range (its properties loaded by `load`), and its merged areas where ExcelApi 1.13 allows. */
function queueUsedRanges(
  sheets: readonly Excel.Worksheet[],
  merges: boolean,
  load: (used: Excel.Range) => void,
) {
  return sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    load(used);
    const merged = merges ? used.getMergedAreasOrNullObject() : null;
    if (merged) merged.load('address');
    return { sheet, used, merged };
  });
}

/** The usual case: every sheet's used range in one request. */
async function readWhole(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  merges: boolean,
): Promise<RawSheet[]> {
  const reads = queueUsedRanges(sheets, merges, (used) =>
    used.load('address,values,numberFormat,valueTypes'),
  );
  await context.sync();
  return reads.map(({ sheet, used, merged }) => {
    const hidden = sheet.visibility !== 'Visible';
    if (used.isNullObject)
      return {
        name: sheet.name,
        hidden,
        address: null,
        values: [],
        numberFormat: [],
        valueTypes: [],
        merges: null,
      };
    return {
      name: sheet.name,
      hidden,
      address: used.address,
      values: used.values,
      numberFormat: used.numberFormat,
      valueTypes: used.valueTypes,
      merges: merged && !merged.isNullObject ? merged.address : null,
    };
  });
}

/**
 * A workbook whose cells do not fit in one response of Excel on the web (5 MB): the used ranges'
 * addresses first, then the cells in bands of rows, about CELLS_PER_READ cells per round trip.
 */
async function readInBands(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  merges: boolean,
): Promise<RawSheet[]> {
  const shapes = queueUsedRanges(sheets, merges, (used) => used.load('address'));
  await context.sync();

  const raw = shapes.map(({ sheet, used, merged }) => {
    const address = used.isNullObject ? null : used.address;
    const ref = address ? splitAddress(address) : null;
    return {
      name: sheet.name,
      hidden: sheet.visibility !== 'Visible',
      address,
      range: ref ? parseRange(ref.range) : null,
      values: [] as unknown[][],
      numberFormat: [] as unknown[][],
      valueTypes: [] as string[][],
      merges: merged && !merged.isNullObject ? merged.address : null,
      sheet,
    };
  });
  type Pending = { target: (typeof raw)[number]; band: Excel.Range };
  const flush = async (pending: Pending[]) => {
    await context.sync();
    for (const { target, band } of pending) {
      target.values.push(...band.values);
      target.numberFormat.push(...band.numberFormat);
      target.valueTypes.push(...band.valueTypes);
    }
  };
  let pending: Pending[] = [];
  let cells = 0;
  for (const target of raw) {
    const range = target.range;
    if (!range) continue;
    const width = range.right - range.left + 1;
    // Bands fill each request up to CELLS_PER_READ, across sheet boundaries.
    for (let top = range.top; top <= range.bottom;) {
      if (cells > 0 && cells + width > CELLS_PER_READ) {
        await flush(pending);
        pending = [];
        cells = 0;
      }
      const rows = Math.max(
        1,
        Math.min(range.bottom - top + 1, Math.floor((CELLS_PER_READ - cells) / width)),
      );
      const bottom = top + rows - 1;
      const band = target.sheet.getRange(
        `${columnLetters(range.left)}${top + 1}:${columnLetters(range.right)}${bottom + 1}`,
      );
      band.load('values,numberFormat,valueTypes');
      pending.push({ target, band });
      cells += rows * width;
      top = bottom + 1;
    }
  }
  if (pending.length > 0) await flush(pending);
  return raw;
}

export function readSnapshot(env: ExcelEnv, file: string): Promise<WorkbookSnapshot> {
  const merges = env.isSetSupported('ExcelApi', '1.13');
  return guarded(() =>
    runBatch(env, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      const names = context.workbook.names;
      names.load('items/name,items/value');
      await context.sync();

      let raw: RawSheet[];
      try {
        raw = await readWhole(context, worksheets.items, merges);
      } catch (err) {
        // Excel on the web refuses responses above 5 MB: read such a workbook's cells again, in bands.
        if (toHostError(err).code !== 'payloadTooLarge') throw err;
        raw = await readInBands(context, worksheets.items, merges);
      }
      return toSnapshot(
        file,
        raw,
        names.items.map((n) => ({ name: n.name, value: n.value })),
      );
    }),
  );
}
