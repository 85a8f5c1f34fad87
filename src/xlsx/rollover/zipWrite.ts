/**
 * A zip writer for packages we copy: entries we did not change are written from their raw
 * (compressed) bytes with their original CRC and sizes, never re-inflated; changed and new entries
 * are deflated here. No Node imports (the preview uses it too).
 */
import { Deflate as FflateDeflate } from 'fflate';
import { concatBytes } from '../package/zip';

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

/** CRC-32 of `data`, continuing from `crc` (the CRC of what came before; 0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i += 1) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();

/** A fixed time (1980-01-01 00:00) for new entries: the same input gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The next piece of a raw DEFLATE stream (no zlib header): `final` on the last piece. */
export type DeflatePiece = (chunk: Uint8Array, final: boolean) => Uint8Array;

/** How parts are compressed: raw DEFLATE streams, a part piece by piece as it is written, and their CRC. */
export interface Deflate {
  stream(): DeflatePiece;
  /** CRC-32 of `data`, continuing from `crc`. */
  crc32(data: Uint8Array, crc: number): number;
}

/**
 * fflate's stream at level 3: on a 50-workbook summary's 11 MB of parts, 0.2 s for 1.36 MB where
 * level 6 takes 0.6 s for 1.25 MB (docs/benchmarks.md). The CLI passes Node's zlib instead.
 */
export const fflateDeflate: Deflate = {
  stream() {
    const out: Uint8Array[] = [];
    const stream = new FflateDeflate({ level: 3 }, (data) => {
      out.push(data);
    });
    return (chunk, final) => {
      stream.push(chunk, final);
      return concatBytes(out.splice(0));
    };
  },
  crc32,
};

/** Bytes a sink gathers before they are compressed as one piece. */
const PIECE_BYTES = 262_144;

/**
 * A part written as text, piece by piece, straight into a compressed zip entry: the text is encoded
 * into one reused buffer and compressed every ~256 KB, so a large sheet is never held whole, as text
 * or as bytes.
 */
export class ZipEntrySink {
  private readonly buffer = new Uint8Array(PIECE_BYTES * 2);
  private at = 0;
  private crc = 0;
  private size = 0;
  private readonly pieces: Uint8Array[] = [];
  private readonly piece: DeflatePiece;
  private readonly crcOf: Deflate['crc32'];

  constructor(
    private readonly name: string,
    deflate: Deflate = fflateDeflate,
  ) {
    this.piece = deflate.stream();
    this.crcOf = deflate.crc32;
  }

  /** Any text (UTF-8 encoded). */
  write(text: string): void {
    const room = text.length * 3;
    if (room > PIECE_BYTES) {
      // Longer than a piece: compressed on its own, after what came before.
      this.flush(false);
      this.compress(encoder.encode(text), false);
      return;
    }
    if (this.at + room > this.buffer.length) this.flush(false);
    this.at += encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
    if (this.at >= PIECE_BYTES) this.flush(false);
  }

  private flush(final: boolean): void {
    const bytes = this.buffer.subarray(0, this.at);
    this.at = 0;
    this.compress(bytes, final);
  }

  /** `bytes` may be the sink's own buffer: both compressors copy what they keep before returning. */
  private compress(bytes: Uint8Array, final: boolean): void {
    this.crc = this.crcOf(bytes, this.crc);
    this.size += bytes.length;
    const out = this.piece(bytes, final);
    if (out.length > 0) this.pieces.push(out);
  }

  entry(): RawZipEntry {
    this.flush(true);
    return { name: this.name, method: 8, crc32: this.crc, size: this.size, data: concatBytes(this.pieces) };
  }
}

export function toRaw(entry: NewZipEntry, deflate: Deflate = fflateDeflate): RawZipEntry {
  const deflated = deflate.stream()(entry.content, true);
  const stored = deflated.length >= entry.content.length;
  return {
    name: entry.name,
    method: stored ? 0 : 8,
    crc32: deflate.crc32(entry.content, 0),
    size: entry.content.length,
    data: stored ? entry.content : deflated,
  };
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
