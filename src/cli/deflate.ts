/**
 * Node's own zlib for the parts the CLI writes: native DEFLATE and CRC-32, about twice fflate's speed
 * at the same level and size (docs/benchmarks.md); the writers take it as a parameter and stay free
 * of Node. Each
 * piece is compressed on its own and ends with a sync flush (byte-aligned, not final), the last one
 * with the final block, so the pieces concatenated are one valid DEFLATE stream.
 */
import * as zlib from 'node:zlib';
import { crc32 as jsCrc32, type Deflate } from '../xlsx/rollover/zipWrite';

// zlib.crc32 is native from Node 20.15; on an older Node 20 the writer's own.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, crc: number) => number }).crc32;

export const nodeDeflate: Deflate = {
  stream: () => (chunk, final) => {
    // Level 2: on the 50-workbook summary's 10.9 MB of sheet XML, 35 ms for 1.42 MB where level 3
    // takes 60 ms for 1.38 MB and level 6 125 ms for 1.21 MB (docs/benchmarks.md).
    const out = zlib.deflateRawSync(chunk, {
      level: 2,
      finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  crc32: nativeCrc32 ? (data, crc) => nativeCrc32(data, crc) : jsCrc32,
};
