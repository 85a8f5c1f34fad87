/**
 * The reader's floor: inflating the sheet and string parts of the same files (fflate, as the reader
 * uses), nothing else — no XML read, no grid built.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

function isCellPart(name: string): boolean {
  return (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) || name === 'xl/sharedStrings.xml';
}

function main(files: readonly string[]): void {
  let bytes = 0;
  for (const file of files) {
    const parts = unzipSync(readFileSync(file), { filter: (f) => isCellPart(f.name) });
    for (const data of Object.values(parts)) bytes += data.length;
  }
  if (bytes === 0) process.exitCode = 2;
}

main(process.argv.slice(2));
