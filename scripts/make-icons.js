#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80/128.png): a green rounded square with a white
 * rising bar chart. Plain Node (zlib): no image library needed for a few flat shapes.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREEN = [46, 125, 50, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/** Coverage-free drawing in unit coordinates (0–1), sampled with 4×4 supersampling. */
function icon(size) {
  const inRounded = (u, v) => {
    const r = 0.18;
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  const bars = [
    [0.2, 0.62],
    [0.43, 0.45],
    [0.66, 0.26],
  ];
  const inBar = (u, v) => bars.some(([x, top]) => u >= x && u <= x + 0.15 && v >= top && v <= 0.8);
  return png(size, (x, y) => {
    let acc = [0, 0, 0, 0];
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 4; j += 1) {
        const u = (x - 0.5 + (i + 0.5) / 4) / size;
        const v = (y - 0.5 + (j + 0.5) / 4) / size;
        const c = !inRounded(u, v) ? CLEAR : inBar(u, v) ? WHITE : GREEN;
        acc = acc.map((s, k) => s + c[k]);
      }
    }
    return acc.map((s) => Math.round(s / 16));
  });
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
process.stdout.write('icons written to assets/\n');
