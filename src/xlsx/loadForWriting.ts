/**
 * A workbook loaded into ExcelJS only to write a copy of it (`summarize --out` with one input,
 * `rollover`): reading is done by the package reader, which has already accepted the file within the
 * limits. ExcelJS still handles two things at a cost out of proportion to the file, so the sheets are
 * first rewritten through the tokenizer (never a regular expression): a merged area overlapping an
 * earlier one is dropped (ExcelJS throws on it; Excel's repair drops it too), and a data validation is
 * cut where the sheet's cells end (ExcelJS lists every cell a dropdown covers: a whole column is a
 * million entries). Everything else goes to ExcelJS as it was. No Node imports.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { parseRange, rangeToA1, type CellRange } from '../core';
import { PackageParts } from './package/parts';
import { escapeXmlAttr, XmlScanner } from './package/xml';
import { inflateEntryBytes, inflateText, readZipDirectory, type InflateBudget } from './package/zip';
import { DEFAULT_LIMITS } from './package/readXlsx';

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** 0-based row and column of an `r` attribute, without a regular expression. */
function refPosition(ref: string): { row: number; col: number } | null {
  const r = parseRange(ref);
  return r ? { row: r.top, col: r.left } : null;
}

/** The sheet's XML with overlapping merges dropped and validations cut; null when nothing changed. */
export function rewriteSheetForExcelJs(text: Iterable<string>): string | null {
  const s = new XmlScanner();
  const source = text[Symbol.iterator]();
  const out: string[] = [];
  const kept: CellRange[] = [];
  let changed = false;
  let lastRow = -1;
  let lastCol = -1;
  let skipping: string | null = null; // the qname of a dropped element whose close tag is still to come
  for (;;) {
    const token = s.next();
    if (token === 'end') break;
    if (token === 'need') {
      const next = source.next();
      if (next.done) s.end();
      else s.push(next.value);
      continue;
    }
    if (skipping !== null) {
      if (token === 'close' && s.qname === skipping) skipping = null;
      continue;
    }
    if (token === 'open') {
      if (s.local === 'c' || s.local === 'row') {
        const at = s.local === 'c' ? refPosition(s.attr('r') ?? '') : null;
        const row = s.local === 'row' ? Number(s.attr('r')) - 1 : at?.row;
        if (row !== undefined && Number.isFinite(row) && row > lastRow) lastRow = row;
        if (at && at.col > lastCol) lastCol = at.col;
      } else if (s.local === 'mergeCell') {
        const r = parseRange(s.attr('ref') ?? '');
        if (r && kept.some((k) => overlaps(k, r))) {
          changed = true;
          if (!s.selfClosing) skipping = s.qname;
          continue;
        }
        if (r) kept.push(r);
      } else if (s.local === 'dataValidation') {
        const sqref = s.attr('sqref') ?? '';
        const cut = sqref
          .split(' ')
          .filter((p) => p !== '')
          .map((piece) => {
            const r = parseRange(piece);
            if (!r) return piece;
            const range = {
              ...r,
              bottom: Math.min(r.bottom, Math.max(r.top, lastRow)),
              right: Math.min(r.right, Math.max(r.left, lastCol)),
            };
            return range.bottom === r.bottom && range.right === r.right ? piece : rangeToA1(range);
          })
          .join(' ');
        if (cut !== sqref) {
          changed = true;
          const attrs = s
            .attributes()
            .map(([name, value]) => ` ${name}="${escapeXmlAttr(name === 'sqref' ? cut : value)}"`)
            .join('');
          out.push(`<${s.qname}${attrs}${s.selfClosing ? '/' : ''}>`);
          continue;
        }
      }
    }
    out.push(s.raw());
  }
  return changed ? out.join('') : null;
}

/** The package with its worksheets rewritten where needed, or the same bytes when none needed it. */
export function packageForExcelJs(bytes: Uint8Array): Uint8Array {
  const budget: InflateBudget = { remaining: DEFAULT_LIMITS.maxUncompressedBytes };
  const parts = new PackageParts(bytes, readZipDirectory(bytes, 100_000));
  const office = parts.relationships('', budget).find((r) => r.kind === 'officeDocument' && r.part);
  if (!office?.part) return bytes;
  const rewritten = new Map<string, string>();
  for (const rel of parts.relationships(office.part, budget)) {
    if (rel.kind !== 'worksheet' || !rel.part) continue;
    const entry = parts.get(rel.part);
    if (!entry) continue;
    const xml = rewriteSheetForExcelJs(inflateText(bytes, entry, budget));
    if (xml !== null) rewritten.set(entry.name, xml);
  }
  if (rewritten.size === 0) return bytes;
  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  for (const entry of parts.entries) {
    if (entry.name.endsWith('/')) continue;
    const xml = rewritten.get(entry.name);
    files[entry.name] = xml !== undefined ? encoder.encode(xml) : inflateEntryBytes(bytes, entry, budget);
  }
  // Stored: ExcelJS inflates it again at once; compressing would only cost time.
  return zipSync(files, { level: 0 });
}

/** The workbook as ExcelJS loads it, for writing a copy. The bytes must have been read by readXlsx first. */
export async function loadForWriting(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(packageForExcelJs(bytes) as unknown as ArrayBuffer);
  return workbook;
}
