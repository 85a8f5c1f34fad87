/**
 * The CLI benchmark's floor: ExcelJS merely loading the same files, one after another, as the CLI
 * does. Nothing is read into grids, checked or summarised.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

async function main(files: readonly string[]): Promise<void> {
  let sheets = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    sheets += workbook.worksheets.length;
  }
  if (sheets === 0) process.exitCode = 2;
}

void main(process.argv.slice(2));
