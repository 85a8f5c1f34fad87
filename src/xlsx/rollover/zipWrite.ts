/**
 * A zip writer for packages we copy: entries we did not change are written from their raw
 * (compressed) bytes with their original CRC and sizes, never re-inflated; changed and new entries
 * are deflated here. No Node imports (the preview uses it too).
 */
import { deflateSync } from 'fflate';

export interface RawZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly size: number;
  readonly data: Uint8Array;
  readonly dosTime?: number;
  readonly dosDate?: number;
}

export interface NewZipEntry {
  readonly name: string;
  readonly content: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();

/** A fixed time (1980-01-01 00:00) for new entries: the same input gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Level 6 by default: fflate's balance of speed and size (docs/benchmarks.md has the trade-off). */
export const DEFAULT_DEFLATE_LEVEL = 6;

export function toRaw(entry: NewZipEntry, level: number = DEFAULT_DEFLATE_LEVEL): RawZipEntry {
  const deflated = deflateSync(entry.content, {
    level: Math.min(9, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9,
  });
  const stored = deflated.length >= entry.content.length;
  return {
    name: entry.name,
    method: stored ? 0 : 8,
    crc32: crc32(entry.content),
    size: entry.content.length,
    data: stored ? entry.content : deflated,
  };
}

/** An entry written as it is (an intermediate package that is only read again, never saved). */
export function storedEntry(name: string, content: Uint8Array): RawZipEntry {
  return { name, method: 0, crc32: crc32(content), size: content.length, data: content };
}

export function writeZip(entries: readonly RawZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i]!.length + e.data.length + 46 + names[i]!.length));
  if (total > 0xffffffff || entries.length > 0xffff) throw new Error('package too large for zip32');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (e: RawZipEntry, name: Uint8Array, central: boolean, offset: number) => {
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true);
      at += 2;
    }
    view.setUint16(at, 20, true); // version needed
    view.setUint16(at + 2, 0x800, true); // UTF-8 names
    view.setUint16(at + 4, e.method, true);
    view.setUint16(at + 6, e.dosTime ?? 0, true);
    view.setUint16(at + 8, e.dosDate ?? DOS_DATE, true);
    view.setUint32(at + 10, e.crc32, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true);
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, 0, true); // external attributes
      view.setUint32(at + 10, offset, true);
      at += 14;
    }
    out.set(name, at);
    at += name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, names[i]!, false, 0);
    out.set(e.data, at);
    at += e.data.length;
  });
  const directory = at;
  entries.forEach((e, i) => header(e, names[i]!, true, offsets[i]!));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
