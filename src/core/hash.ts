/**
 * SHA-256 in pure TypeScript (the core has no Node or Web Crypto), and a content hash of the sheets a
 * summary was computed from, so a printed table can be traced to the exact data.
 */
import { isCellError, type CellValue, type WorkbookSnapshot } from './grid';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** The SHA-256 state after the 64-byte blocks of `bytes` from `at` to `end` (a multiple of 64 bytes). */
function compress(h: Uint32Array, w: Uint32Array, bytes: Uint8Array, at: number, end: number): void {
  let h0 = h[0]!;
  let h1 = h[1]!;
  let h2 = h[2]!;
  let h3 = h[3]!;
  let h4 = h[4]!;
  let h5 = h[5]!;
  let h6 = h[6]!;
  let h7 = h[7]!;
  for (let offset = at; offset < end; offset += 64) {
    for (let i = 0, p = offset; i < 16; i += 1, p += 4)
      w[i] = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
    for (let i = 16; i < 64; i += 1) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let hh = h7;
    for (let i = 0; i < 64; i += 1) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
  h[3] = h3;
  h[4] = h4;
  h[5] = h5;
  h[6] = h6;
  h[7] = h7;
}

export function sha256Hex(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  // The whole blocks straight from the input; only the tail is copied, to be padded.
  const whole = bytes.length & ~63;
  compress(h, w, bytes, 0, whole);
  const rest = bytes.length - whole;
  const tail = new Uint8Array(rest + 9 > 64 ? 128 : 64);
  tail.set(bytes.subarray(whole));
  tail[rest] = 0x80;
  const view = new DataView(tail.buffer);
  const bitLength = bytes.length * 8;
  view.setUint32(tail.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(tail.length - 4, bitLength >>> 0);
  compress(h, w, tail, 0, tail.length);
  let hex = '';
  for (let i = 0; i < 8; i += 1) hex += h[i]!.toString(16).padStart(8, '0');
  return hex;
}

function canonical(v: CellValue): string {
  // The common kinds first; the same text as `${kind}:${String(v)}`.
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'boolean') return v ? 'b:true' : 'b:false';
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'd:invalid' : `d:${v.toISOString()}`;
  if (isCellError(v)) return `e:${v.error}`;
  return `s:${String(v)}`;
}

/** SHA-256 of bytes as lower-case hex: this module's own, or a shell's native one (the same digest, faster). */
export type Sha256Hex = (bytes: Uint8Array) => string;

/** Hash of sheet names and cell values (the add-in's own sheets excluded), independent of file bytes. */
export function snapshotContentHash(snapshot: WorkbookSnapshot, sha256: Sha256Hex = sha256Hex): string {
  const owned = new Set(snapshot.ownedSheets);
  const parts: string[] = [];
  for (const sheet of snapshot.sheets) {
    if (owned.has(sheet.name)) continue;
    parts.push(`#${sheet.name}@${sheet.top},${sheet.left}`);
    for (const row of sheet.values) {
      let line = '';
      for (let j = 0; j < row.length; j += 1) {
        if (j > 0) line += '\t';
        const v = row[j];
        // A hole of a ragged row is written as an empty cell, as join would.
        if (v !== null && v !== undefined) line += canonical(v);
      }
      parts.push(line);
    }
  }
  return sha256(new TextEncoder().encode(parts.join('\n')));
}
