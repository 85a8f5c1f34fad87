/**
 * Node's own zlib as the package reader's inflate (the CLI's): native, several times faster than
 * fflate's JavaScript on a workbook's parts (docs/benchmarks.md). `maxOutputLength` makes zlib stop
 * once the output passes the bound, so a size-lying entry costs the bound, never its whole output.
 * The reader stays free of Node: it takes this through its options.
 */
import * as zlib from 'node:zlib';
import type { NativeInflate } from './package/zip';

export const nodeInflate: NativeInflate = (raw, maxBytes) => {
  try {
    // zlib refuses a bound of 0; one byte more is still checked below.
    const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
    return out.length > maxBytes ? null : new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw err;
  }
};
