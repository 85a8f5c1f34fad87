/**
 * Node's own zlib for the parts the CLI writes: native DEFLATE, about three times fflate's speed for a
 * smaller result (docs/benchmarks.md); the writers take it as a parameter and stay free of Node. Each
 * piece is compressed on its own and ends with a sync flush (byte-aligned, not final), the last one
 * with the final block, so the pieces concatenated are one valid DEFLATE stream.
 */
import { constants, deflateRawSync } from 'node:zlib';
import type { Deflate } from '../xlsx/rollover/zipWrite';

export const nodeDeflate: Deflate = () => (chunk, final) => {
  const out = deflateRawSync(chunk, {
    level: 6,
    finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};
