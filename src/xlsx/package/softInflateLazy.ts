/**
 * softInflate.ts for the CLI's bundle (webpack.cli.config.js puts it in its place): fflate evaluated the
 * first time an entry needs it. The CLI inflates with Node's zlib, so most runs never do, and fflate
 * builds its Huffman tables when it is evaluated (a few ms of every start).
 */
import type { SoftInflate } from './softInflate';

let loaded: SoftInflate | undefined;

export function softInflate(): SoftInflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred load
  return (loaded ??= require('fflate') as SoftInflate);
}
