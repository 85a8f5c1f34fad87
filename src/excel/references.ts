/** Parsing the addresses Office.js gives back (`'My sheet'!A1:C3`, `=Sheet1!$A$1`). */
import { parseRange, type CellRange } from '../core';

export function splitAddress(address: string): { sheet: string; range: string } | null {
  const text = address.replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: text.slice(bang + 1).replace(/\$/g, '') };
}

/** `Sheet1!A1:C1, Sheet1!B3:B4` → ranges. */
export function parseAreas(address: string): CellRange[] {
  return address
    .split(',')
    .map((part) => splitAddress(part.trim()))
    .map((a) => (a ? parseRange(a.range) : null))
    .filter((r): r is CellRange => r !== null);
}
