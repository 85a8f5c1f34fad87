/**
 * A part written piece by piece into a compressed zip entry: with fflate's stream and with Node's zlib
 * (each piece compressed on its own, sync-flushed, the last one final) the pieces make one DEFLATE
 * stream that inflates to exactly the text written, with the CRC and size of the whole.
 */
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import { nodeDeflate, threadedDeflate } from '../../src/cli/deflate';
import { crc32, fflateDeflate, writeZip, ZipEntrySink } from '../../src/xlsx/rollover/zipWrite';

const pieces = Array.from({ length: 30_000 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>進捗${i % 7}◎`);
const text = pieces.join('');

test.each([
  ['fflate', fflateDeflate],
  ['zlib', nodeDeflate],
])('%s: many pieces inflate to the text written, CRC and size of the whole', (_, deflate) => {
  const sink = new ZipEntrySink('xl/worksheets/sheet1.xml', deflate);
  for (const p of pieces) sink.write(p);
  const entry = sink.entry();
  const bytes = new TextEncoder().encode(text);
  expect(entry.size).toBe(bytes.length);
  expect(entry.crc32).toBe(crc32(bytes));
  expect(entry.data.length).toBeLessThan(bytes.length / 4);
  expect(strFromU8(inflateSync(entry.data))).toBe(text);
  // And as a zip entry another reader opens.
  expect(strFromU8(unzipSync(writeZip([entry]))['xl/worksheets/sheet1.xml']!)).toBe(text);
});

test('an empty part is a valid entry too', () => {
  for (const deflate of [fflateDeflate, nodeDeflate]) {
    const entry = new ZipEntrySink('a.xml', deflate).entry();
    expect([entry.size, strFromU8(inflateSync(entry.data))]).toEqual([0, '']);
  }
});

test.each([
  ['fflate', fflateDeflate],
  ['zlib', nodeDeflate],
])('%s: a piece longer than the buffer between short ones keeps its place', (_, deflate) => {
  const long = '進捗◎'.repeat(150_000);
  const parts = ['<a>', long, '</a>', ...pieces.slice(0, 100), long.slice(1), 'x'];
  const sink = new ZipEntrySink('a.xml', deflate);
  for (const p of parts) sink.write(p);
  const entry = sink.entry();
  const whole = parts.join('');
  expect(entry.size).toBe(new TextEncoder().encode(whole).length);
  expect(strFromU8(inflateSync(entry.data))).toBe(whole);
});

describe("the CLI's compressing thread", () => {
  const threaded = threadedDeflate();
  afterAll(() => threaded.stop());

  const written = (deflate: typeof nodeDeflate, parts: readonly string[]) => {
    const sink = new ZipEntrySink('a.xml', deflate);
    for (const p of parts) sink.write(p);
    return sink.entry();
  };

  test('gives byte for byte the entry compressed on the main thread', () => {
    expect(threaded.onThread).toBe(true);
    const long = '進捗◎'.repeat(150_000);
    for (const parts of [
      pieces,
      ['<a>', long, '</a>', ...pieces.slice(0, 100), long.slice(1), 'x'],
      ['x'],
      [],
    ]) {
      const entry = written(threaded.deflate, parts);
      expect(entry).toEqual(written(nodeDeflate, parts));
      expect(strFromU8(inflateSync(entry.data))).toBe(parts.join(''));
    }
  });

  test('two parts written at once each get their own pieces, in order', () => {
    const a = new ZipEntrySink('a.xml', threaded.deflate);
    const b = new ZipEntrySink('b.xml', threaded.deflate);
    pieces.forEach((p, i) => {
      a.write(p);
      b.write(`${i}${p}`);
    });
    // The second part finished first: the thread's pieces of the first stay for it.
    const second = b.entry();
    const first = a.entry();
    expect(strFromU8(inflateSync(first.data))).toBe(text);
    expect(strFromU8(inflateSync(second.data))).toBe(pieces.map((p, i) => `${i}${p}`).join(''));
  });
});
