/**
 * Node's own zlib as the package reader's inflate (the CLI's): native, several times faster than
 * fflate's JavaScript on a workbook's parts (docs/benchmarks.md). `maxOutputLength` makes zlib stop
 * once the output passes the bound, so a size-lying entry costs the bound, never its whole output.
 * The reader stays free of Node: it takes this through its options.
 */
import * as zlib from 'node:zlib';
import type { NativeInflate } from './package/zip';

/** zlib's output buffer, the declared size plus one when within these bounds (then made only once). */
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 16 * 1024 * 1024;

export const nodeInflate: NativeInflate = (raw, maxBytes, expectedBytes) => {
  try {
    const out = zlib.inflateRawSync(raw, {
      // zlib refuses a bound of 0; one byte more is still checked below.
      maxOutputLength: Math.max(1, maxBytes),
      // An honest size: one buffer, not pieces copied together at the end. A lie costs pieces.
      chunkSize: Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, expectedBytes + 1)),
    });
    return out.length > maxBytes ? null : new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw err;
  }
};
