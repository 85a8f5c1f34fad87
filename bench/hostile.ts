/**
 * Hostile files through the CLI, each next to a good file (`validate good.xlsx hostile.xlsx`) in a
 * fresh process: wall time and peak RSS until the hostile file is refused and the good one read.
 * The files are generated here, streamed through a deflater (nothing big is committed or held in
 * memory): 3 million rows, 12 million cells, entries whose directory lies about their size, and
 * tags that never close.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { strToU8 } from 'fflate';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The small parts of a one-sheet workbook. */
export function smallParts(workbookXml?: string): Record<string, Uint8Array> {
  return {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      workbookXml ??
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  };
}

interface Entry {
  readonly name: string;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * A zip written as it is generated: the small parts stored, the sheet deflated piece by piece from
 * `sheet` (strings), its directory entry claiming `declaredSize` when given (a size-lying entry).
 */
export async function writeStreamedZip(
  path: string,
  small: Record<string, Uint8Array>,
  sheet: () => Generator<string>,
  declaredSize?: number,
): Promise<number> {
  const fd = openSync(path, 'w');
  let offset = 0;
  const entries: Entry[] = [];
  const write = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    offset += bytes.length;
  };
  const header = (name: string, method: number, crc: number, compressed: number, size: number) => {
    const n = strToU8(name);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x800, true);
    h.setUint16(8, method, true);
    h.setUint32(14, crc, true);
    h.setUint32(18, compressed, true);
    h.setUint32(22, size, true);
    h.setUint16(26, n.length, true);
    write(new Uint8Array(h.buffer));
    write(n);
  };
  for (const [name, data] of Object.entries(small)) {
    const at = offset;
    const crc = crc32(data);
    header(name, 0, crc, data.length, data.length);
    write(data);
    entries.push({ name, crc, compressed: data.length, size: data.length, offset: at });
  }
  // The sheet: a local header with sizes patched afterwards, then the deflated stream.
  const sheetAt = offset;
  const sheetName = 'xl/worksheets/sheet1.xml';
  header(sheetName, 8, 0, 0, 0);
  const dataStart = offset;
  let size = 0;
  let crc = 0;
  const deflate = createDeflateRaw({ level: 1, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY });
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('data', (chunk: Buffer) => write(chunk));
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (const piece of sheet()) {
    const bytes = strToU8(piece);
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const compressed = offset - dataStart;
  const patch = new DataView(new ArrayBuffer(12));
  patch.setUint32(0, crc, true);
  patch.setUint32(4, compressed, true);
  patch.setUint32(8, declaredSize ?? Math.min(size, 0xffffffff), true);
  writeSync(fd, new Uint8Array(patch.buffer), 0, 12, sheetAt + 14);
  entries.push({
    name: sheetName,
    crc,
    compressed,
    size: declaredSize ?? Math.min(size, 0xffffffff),
    offset: sheetAt,
  });
  const directoryAt = offset;
  for (const e of entries) {
    const n = strToU8(e.name);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, e.name === sheetName ? 8 : 0, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, e.compressed, true);
    c.setUint32(24, e.size, true);
    c.setUint16(28, n.length, true);
    c.setUint32(42, e.offset, true);
    write(new Uint8Array(c.buffer));
    write(n);
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, offset - directoryAt, true);
  end.setUint32(16, directoryAt, true);
  write(new Uint8Array(end.buffer));
  closeSync(fd);
  return size;
}

export function* rows(count: number, cellsPerRow: number): Generator<string> {
  const letters = Array.from({ length: cellsPerRow }, (_, i) =>
    i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`,
  );
  yield `<worksheet xmlns="${MAIN_NS}"><sheetData>`;
  let batch = '';
  for (let r = 1; r <= count; r += 1) {
    batch += `<row r="${r}">`;
    for (const l of letters) batch += `<c r="${l}${r}"><v>${r % 97}</v></c>`;
    batch += '</row>';
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

export function* repeated(head: string, unit: string, bytes: number, tail = ''): Generator<string> {
  yield head;
  const block = unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length)));
  for (let n = 0; n < bytes; n += block.length) yield block;
  yield tail;
}

export interface HostileResult {
  readonly name: string;
  /** Bytes of the file on disk, and what its parts inflate to. */
  readonly fileMB: number;
  readonly inflatedMB: number;
  readonly ms: number;
  readonly rssMB: number;
  /** The hostile file refused with this reason; the good file read (its items counted). */
  readonly refused: string;
  readonly goodRead: boolean;
}

const MB = 1024 * 1024;

export const HOSTILE_CASES: { name: string; make: (path: string) => Promise<number> }[] = [
  { name: '3,000,000 rows', make: (p) => writeStreamedZip(p, smallParts(), () => rows(3_000_000, 2)) },
  { name: '12,000,000 cells', make: (p) => writeStreamedZip(p, smallParts(), () => rows(1_000_000, 12)) },
  {
    name: 'size-lying entry, 2 GB of zeros declared as 1 KB',
    make: (p) =>
      writeStreamedZip(p, smallParts(), () => repeated('', '\u0000'.repeat(4096), 2048 * MB), 1024),
  },
  {
    name: 'size-lying entry, 1 GB of empty cells declared as 1 KB',
    make: (p) =>
      writeStreamedZip(
        p,
        smallParts(),
        () =>
          repeated(
            `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">`,
            '<c r="A1"/>',
            1024 * MB,
            '</row></sheetData></worksheet>',
          ),
        1024,
      ),
  },
  {
    name: 'unclosed <mergeCell, 1 MB',
    make: (p) =>
      writeStreamedZip(p, smallParts(), () =>
        repeated(`<worksheet xmlns="${MAIN_NS}"><sheetData/><mergeCells>`, '<mergeCell ref="A1:B2"', MB),
      ),
  },
  {
    name: 'unclosed <dataValidation, 1 MB',
    make: (p) =>
      writeStreamedZip(p, smallParts(), () =>
        repeated(
          `<worksheet xmlns="${MAIN_NS}"><sheetData/><dataValidations>`,
          '<dataValidation sqref="A1:A9" ',
          MB,
        ),
      ),
  },
  {
    name: 'unclosed <definedName, 1 MB',
    make: (p) =>
      writeStreamedZip(
        p,
        smallParts(
          `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><definedNames>${'<definedName name="x" '.repeat(MB / 21)}`,
        ),
        () => rows(10, 2),
      ),
  },
];

export async function hostileBench(root: string, goodFile: string): Promise<HostileResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-progress-hostile-'));
  const cli = join(root, 'bin', 'reform-progress.js');
  const results: HostileResult[] = [];
  try {
    for (const c of HOSTILE_CASES) {
      process.stderr.write(`hostile: ${c.name}…\n`);
      const path = join(dir, 'hostile.xlsx');
      const inflated = await c.make(path);
      const fileMB = readFileSync(path).length / MB;
      const report = join(dir, 'rss.json');
      const started = performance.now();
      const run = spawnSync(
        process.execPath,
        ['--require', join(__dirname, 'rssReporter.js'), cli, 'validate', goodFile, path, '--json', '-'],
        {
          env: { ...process.env, BENCH_RSS_REPORT: report, NO_COLOR: '1' },
          encoding: 'utf8',
          maxBuffer: 64 * MB,
        },
      );
      const ms = performance.now() - started;
      const rssMB = (JSON.parse(readFileSync(report, 'utf8')) as { rssMB: number }).rssMB;
      const json = JSON.parse(run.stdout) as {
        items: number;
        findings: { code: string; file: string; params: { reasonCode?: string } }[];
      };
      const refusal = json.findings.find((f) => f.code === 'file.unreadable' && f.file === path);
      results.push({
        name: c.name,
        fileMB: Number(fileMB.toFixed(2)),
        inflatedMB: Number((inflated / MB).toFixed(0)),
        ms: Number(ms.toFixed(0)),
        rssMB: Number(rssMB.toFixed(0)),
        refused: refusal?.params.reasonCode ?? 'NOT REFUSED',
        goodRead:
          json.items > 0 && !json.findings.some((f) => f.code === 'file.unreadable' && f.file === goodFile),
      });
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
