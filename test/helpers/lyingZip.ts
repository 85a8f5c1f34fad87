/**
 * A zip whose every entry declares `size` bytes unpacked (central directory and local headers), as a
 * zip bomb or a damaged file does: the reader must bound what it actually inflates, not trust this.
 */
export function lieAboutSizes(zip: Uint8Array, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 4 <= out.length; at += 1) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x02014b50) out.writeUInt32LE(size, at + 24);
    else if (sig === 0x04034b50) out.writeUInt32LE(size, at + 22);
  }
  return out;
}
