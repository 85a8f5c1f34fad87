/**
 * The reader's floor: inflating the sheet and string parts of the same files with what the CLI's
 * reader inflates with (Node's zlib, src/xlsx/nodeInflate.ts), nothing else — no XML read, no grid
 * built, no module of ours loaded (the zip directory is walked here in a few lines).
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

function isCellPart(name: string): boolean {
  return (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) || name === 'xl/sharedStrings.xml';
}

/** Each entry's name, method and compressed bytes, from the central directory. */
function* entries(zip: Buffer): Generator<{ name: string; method: number; data: Buffer }> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip');
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i -= 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + zip.readUInt32LE(at + 20));
    yield { name, method: zip.readUInt16LE(at + 10), data };
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}

function main(files: readonly string[]): void {
  let bytes = 0;
  for (const file of files) {
    for (const entry of entries(readFileSync(file))) {
      if (!isCellPart(entry.name)) continue;
      bytes += (entry.method === 8 ? inflateRawSync(entry.data) : entry.data).length;
    }
  }
  if (bytes === 0) process.exitCode = 2;
}

main(process.argv.slice(2));
