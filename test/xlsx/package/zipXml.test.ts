/**
 * The package layers on their own: the bounded zip reader (actual inflated bytes, not declared sizes)
 * and the linear-time XML tokenizer (hostile unclosed tags of 1 MB finish, in a number of steps
 * proportional to the input).
 */
import { deflateSync, strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import {
  inflateEntryBytes,
  inflateEntryText,
  InflateLimitError,
  rawEntryData,
  readZipDirectory,
  ZipError,
} from '../../../src/xlsx/package/zip';
import {
  decodeSpreadsheetText,
  decodeXml,
  encodeSpreadsheetText,
  escapeXmlText,
  XmlError,
  XmlScanner,
  type XmlToken,
} from '../../../src/xlsx/package/xml';
import { lieAboutSizes } from '../../helpers/lyingZip';
import { nodeInflate } from '../../../src/xlsx/nodeInflate';

describe('zip', () => {
  const zip = zipSync({ 'a.txt': strToU8('hello ✓'), 'dir/b.xml': strToU8('<x/>'.repeat(1000)) });

  test('lists entries and inflates them; raw data is the stored compressed bytes', () => {
    const entries = readZipDirectory(zip, 100);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.xml']);
    const budget = { remaining: 1e6 };
    expect(new TextDecoder().decode(inflateEntryBytes(zip, entries[0]!, budget))).toBe('hello ✓');
    let text = '';
    inflateEntryText(zip, entries[1]!, budget, (t) => {
      text += t;
    });
    expect(text).toBe('<x/>'.repeat(1000));
    expect(budget.remaining).toBe(1e6 - 9 - 4000);
    expect(rawEntryData(zip, entries[1]!).length).toBe(entries[1]!.compressedSize);
  });

  test('a bomb that declares a tiny size is stopped on the bytes actually inflated', () => {
    const bomb = zipSync({ 'x.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    const lying = lieAboutSizes(bomb, 100);
    const [entry] = readZipDirectory(lying, 10);
    expect(entry!.declaredSize).toBe(100);
    let seen = 0;
    const budget = { remaining: 1024 * 1024 };
    expect(() =>
      inflateEntryText(lying, entry!, budget, (t) => {
        seen += t.length;
      }),
    ).toThrow(InflateLimitError);
    // Refused within one slice's worth of output past the limit, not after 50 MB.
    expect(seen).toBeLessThanOrEqual(1024 * 1024);
  });

  test('a small entry (one slice, inflated at once) is held to the same budget, and damaged data is a ZipError', () => {
    const bomb = lieAboutSizes(zipSync({ 'x.xml': new Uint8Array(10 * 1024 * 1024) }, { level: 9 }), 100);
    const [entry] = readZipDirectory(bomb, 10);
    expect(entry!.compressedSize).toBeLessThanOrEqual(16 * 1024);
    expect(() => inflateEntryBytes(bomb, entry!, { remaining: 1024 * 1024 })).toThrow(InflateLimitError);
    const budget = { remaining: 11 * 1024 * 1024 };
    expect(inflateEntryBytes(bomb, entry!, budget).length).toBe(10 * 1024 * 1024);
    expect(budget.remaining).toBe(1024 * 1024);
    const broken = bomb.slice();
    broken.fill(0xff, entry!.dataOffset, entry!.dataOffset + entry!.compressedSize);
    expect(() => inflateEntryBytes(broken, entry!, { remaining: 1e8 })).toThrow(ZipError);
    // Declared smaller than it is, deflated as stored blocks: read whole all the same.
    const data = new Uint8Array(5000).map((_, i) => (i * 7) % 251);
    const pieces: Uint8Array[] = [];
    const writer = new Zip((_err, piece) => {
      pieces.push(piece);
    });
    const file = new ZipDeflate('x.xml', { level: 0 });
    writer.add(file);
    file.push(data, true);
    writer.end();
    const stored = lieAboutSizes(Uint8Array.from(Buffer.concat(pieces)), 100);
    const [storedEntry] = readZipDirectory(stored, 10);
    expect([storedEntry!.method, storedEntry!.declaredSize]).toEqual([8, 100]);
    expect(inflateEntryBytes(stored, storedEntry!, { remaining: 1e6 })).toEqual(data);
  });

  test("with the platform's inflate (the CLI's Node zlib): the same bytes and budget, a lying bomb stopped at the budget, a large entry streamed", () => {
    const entries = readZipDirectory(zip, 100);
    const budget = { remaining: 1e6, native: nodeInflate };
    expect(new TextDecoder().decode(inflateEntryBytes(zip, entries[0]!, budget))).toBe('hello ✓');
    expect(new TextDecoder().decode(inflateEntryBytes(zip, entries[1]!, budget))).toBe('<x/>'.repeat(1000));
    expect(budget.remaining).toBe(1e6 - 9 - 4000);

    // 50 MB of zeros declared as 100 bytes: zlib stops at the budget, not after 50 MB.
    const lying = lieAboutSizes(zipSync({ 'x.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 }), 100);
    const [bomb] = readZipDirectory(lying, 10);
    let seen = 0;
    expect(() =>
      inflateEntryText(lying, bomb!, { remaining: 1024 * 1024, native: nodeInflate }, (t) => {
        seen += t.length;
      }),
    ).toThrow(InflateLimitError);
    expect(seen).toBe(0);
    // Within the budget but beyond one native inflation (16 MB): streamed slice by slice, every byte read.
    const streamed = { remaining: 60 * 1024 * 1024, native: nodeInflate };
    let pieces = 0;
    let total = 0;
    inflateEntryText(lying, bomb!, streamed, (t) => {
      pieces += 1;
      total += t.length;
    });
    expect(total).toBe(50 * 1024 * 1024);
    expect(pieces).toBeGreaterThan(1);
    expect(streamed.remaining).toBe(10 * 1024 * 1024);
    // …and past the budget while streaming: refused there.
    expect(() =>
      inflateEntryText(lying, bomb!, { remaining: 30 * 1024 * 1024, native: nodeInflate }, () => {}),
    ).toThrow(InflateLimitError);

    const broken = lying.slice();
    broken.fill(0xff, bomb!.dataOffset, bomb!.dataOffset + bomb!.compressedSize);
    expect(() => inflateEntryBytes(broken, bomb!, { remaining: 1e8, native: nodeInflate })).toThrow(ZipError);
    const cut = zipSync({ 'x.xml': strToU8('<row/>'.repeat(5000)) });
    const [short] = readZipDirectory(cut, 10);
    const truncated = { ...short!, compressedSize: short!.compressedSize - 10 };
    expect(() => inflateEntryBytes(cut, truncated, { remaining: 1e8, native: nodeInflate })).toThrow(
      ZipError,
    );
  });

  test('text decoded piece by piece: characters cut between pieces kept whole, a BOM dropped only at the start', () => {
    // Text that compresses poorly (so it is inflated in many pieces, ending anywhere): 1-, 2-, 3- and
    // 4-byte characters and U+FEFF in the middle, from a seeded generator.
    const ranges = [
      [0x21, 0x7e],
      [0xc0, 0x2ff],
      [0x3041, 0x30ff],
      [0x4e00, 0x9fff],
      [0xfeff, 0xfeff],
      [0x20000, 0x2a6df],
      [0x1f600, 0x1f64f],
    ] as const;
    let seed = 12345;
    const next = () => {
      // xorshift32
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    let text = '';
    while (text.length < 300_000) {
      const [from, to] = ranges[next() % ranges.length]!;
      text += String.fromCodePoint(from + (next() % (to - from + 1)));
    }
    const zip = zipSync({ 'a.xml': strToU8(text), 'b.xml': strToU8(`\uFEFF${text}`) });
    const [a, b] = readZipDirectory(zip, 10);
    expect(a!.method).toBe(8);
    expect(a!.compressedSize).toBeGreaterThan(64 * 1024);
    for (const entry of [a!, b!]) {
      const pieces: string[] = [];
      inflateEntryText(zip, entry, { remaining: 1e8 }, (t) => {
        pieces.push(t);
      });
      expect(pieces.length).toBeGreaterThan(4);
      expect(pieces.join('') === text).toBe(true);
    }
  });

  test('damaged and foreign files are told apart', () => {
    expect(() => readZipDirectory(strToU8('a,b,c\n1,2,3\n'), 10)).toThrow(ZipError);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 30), 10)).toThrow(/central directory|end/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, strToU8('x')])));
    expect(() => readZipDirectory(many, 10)).toThrow(/20 zip entries/);
    // Corrupt deflate data: a clear error, not a crash.
    const entries = readZipDirectory(zip, 10);
    const broken = zip.slice();
    broken.fill(0xff, entries[1]!.dataOffset, entries[1]!.dataOffset + entries[1]!.compressedSize);
    expect(() => inflateEntryBytes(broken, entries[1]!, { remaining: 1e6 })).toThrow(ZipError);
    expect(deflateSync(strToU8('ok')).length).toBeGreaterThan(0);
  });
});

function tokens(xml: string, chunk = xml.length): string[] {
  const s = new XmlScanner();
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const t: XmlToken = s.next();
    if (t === 'need') {
      if (at >= xml.length) s.end();
      else {
        s.push(xml.slice(at, at + chunk));
        at += chunk;
      }
      continue;
    }
    if (t === 'end') return out;
    if (t === 'open')
      out.push(
        `<${s.local}${s
          .attributes()
          .map(([k, v]) => ` ${k}=${v}`)
          .join('')}${s.selfClosing ? '/' : ''}>`,
      );
    else if (t === 'close') out.push(`</${s.local}>`);
    else if (t === 'text') out.push(`"${s.text}"`);
  }
}

describe('XML tokenizer', () => {
  const xml =
    '<?xml version="1.0"?>\n<x:a b="1 &amp; 2" c=\'q"uote>\'><!-- note --><x:b/>t&lt;ext&#x41;&#66;<![CDATA[<raw> & ]]></x:a>';
  const expected = ['<a b=1 & 2 c=q"uote>>', '<b/>', '"t<extAB"', '"<raw> & "', '</a>'];

  test('tags, attributes (a ">" inside quotes), prefixes, entities, CDATA, comments', () => {
    expect(tokens(xml).filter((t) => t !== '"\n"')).toEqual(expected);
  });

  test('the same tokens whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 7, 13])
      expect(tokens(xml, size).filter((t) => t !== '"\n"')).toEqual(expected);
  });

  test('raw text and stream offsets of each token, for rewriting', () => {
    const s = new XmlScanner();
    s.push('<a><b k="v">x</b></a>');
    s.end();
    const pieces: string[] = [];
    let t: XmlToken;
    while ((t = s.next()) !== 'end') if (t !== 'need') pieces.push(`${s.start}:${s.raw()}`);
    expect(pieces).toEqual(['0:<a>', '3:<b k="v">', '12:x', '13:</b>', '17:</a>']);
  });

  test.each(['mergeCell ref="A1:B2"', 'dataValidation sqref="A1"', 'definedName name="x"', 'c r="A1" t="s'])(
    'an unclosed <%s … of 1 MB finishes in steps linear in its size',
    (tag) => {
      const hostile = `<worksheet>${`<${tag} `.repeat(Math.ceil((1 << 20) / (tag.length + 2)))}`;
      const s = new XmlScanner();
      let pushed = 0;
      let error: unknown = null;
      try {
        for (;;) {
          const t = s.next();
          if (t === 'end') break;
          if (t === 'need') {
            if (pushed >= hostile.length) s.end();
            else s.push(hostile.slice(pushed, (pushed += 65536)));
          }
        }
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(XmlError);
      expect(s.steps).toBeLessThan(hostile.length);
    },
  );

  test('a plain cell is taken at once; anything else is left to the tokens one by one', () => {
    const s = new XmlScanner();
    s.push(
      '<c r="A1"><v>1&amp;2</v></c><c><v></v></c><c><v>3</v><f>A1</f></c><c><x:v>4</x:v></c><c><v>5</v>',
    );
    const open = () => {
      expect(s.next()).toBe('open');
      expect(s.local).toBe('c');
    };
    open();
    expect(s.takePlainCellValue()).toBe('1&2');
    open();
    expect(s.takePlainCellValue()).toBe('');
    open();
    expect(s.takePlainCellValue()).toBeNull();
    expect([s.next(), s.local]).toEqual(['open', 'v']);
    expect([s.next(), s.text]).toEqual(['text', '3']);
    expect([s.next(), s.local]).toEqual(['close', 'v']);
    expect([s.next(), s.local]).toEqual(['open', 'f']);
    expect([s.next(), s.text]).toEqual(['text', 'A1']);
    expect([s.next(), s.local]).toEqual(['close', 'f']);
    expect([s.next(), s.local]).toEqual(['close', 'c']);
    open();
    expect(s.takePlainCellValue()).toBeNull();
    expect([s.next(), s.qname]).toEqual(['open', 'x:v']);
    expect([s.next(), s.text]).toEqual(['text', '4']);
    expect([s.next(), s.local]).toEqual(['close', 'v']);
    expect([s.next(), s.local]).toEqual(['close', 'c']);
    // Cut short (the rest of the part not inflated yet): nothing taken.
    open();
    expect(s.takePlainCellValue()).toBeNull();
    expect([s.next(), s.local]).toEqual(['open', 'v']);
  });

  test('a whole plain cell is found in place and taken only when asked; anything else is left to the tokens', () => {
    const s = new XmlScanner();
    const xml =
      '<c r="B2" s="3" t="s"><v>7</v></c><c r=\'C2\' x14ac:r="Z9" r="D2"/><c  t="n" ><v>1&amp;2</v></c>' +
      '<c r="A1"><f>1</f><v>1</v></c><x:c r="A1"/><c r = "A1"/><c r="A1"><v>5</v>';
    s.push(xml);
    const at = (from: number, to: number) => (from < 0 ? null : xml.slice(from, to));
    const cell = () => [
      at(s.cellRefStart, s.cellRefEnd),
      at(s.cellStyleStart, s.cellStyleEnd),
      at(s.cellTypeStart, s.cellTypeEnd),
      at(s.cellValueStart, s.cellValueEnd),
    ];
    expect(s.peekCell()).toBe(true);
    expect(cell()).toEqual(['B2', '3', 's', '7']);
    expect(s.peekCell()).toBe(true); // not taken: found again
    s.takePeeked();
    expect(s.peekCell()).toBe(true);
    expect(cell()).toEqual(['C2', null, null, null]); // the first `r`; a prefixed one is another attribute
    s.takePeeked();
    expect(s.peekCell()).toBe(true);
    expect(cell()).toEqual([null, null, 'n', '1&amp;2']); // as written: the reader decodes it
    s.takePeeked();
    // A formula, a prefix, spaces around '=': the tokens one by one.
    for (const [kind, name] of [
      ['open', 'c'],
      ['open', 'f'],
      ['text', ''],
      ['close', 'f'],
      ['open', 'v'],
      ['text', ''],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c'],
      ['open', 'c'],
    ]) {
      expect(s.peekCell()).toBe(false);
      const token = s.next();
      expect([token, token === 'text' ? '' : s.local]).toEqual([kind, name]);
    }
    // Cut short (the rest of the part not inflated yet): not found.
    expect(s.peekCell()).toBe(false);
    expect([s.next(), s.local]).toEqual(['open', 'c']);

    // Rows: the open tag with its `r`, self-closing or not, and the end taken at once.
    const rows = new XmlScanner();
    const rowsXml = '<row r="12" spans="1:3"></row><row/><row  r = "3"><x:row r="4">';
    rows.push(rowsXml);
    expect(rows.peekCell()).toBe(false);
    expect(rows.peekRow()).toBe(true);
    expect([rowsXml.slice(rows.cellRefStart, rows.cellRefEnd), rows.peekedSelfClosing]).toEqual([
      '12',
      false,
    ]);
    rows.takePeeked();
    expect(rows.peekRow()).toBe(false);
    expect(rows.takeRowEnd()).toBe(true);
    expect(rows.peekRow()).toBe(true);
    expect([rows.cellRefStart, rows.peekedSelfClosing]).toEqual([-1, true]);
    rows.takePeeked();
    expect(rows.takeRowEnd()).toBe(false);
    expect(rows.peekRow()).toBe(false); // spaces around '=': the tokens
    expect([rows.next(), rows.local, rows.attr('r')]).toEqual(['open', 'row', '3']);
    expect(rows.peekRow()).toBe(false); // a prefix
    expect([rows.next(), rows.qname]).toEqual(['open', 'x:row']);
  });

  test('DOCTYPE (entity expansion) is refused', () => {
    expect(() => tokens('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(XmlError);
  });

  test('entity decoding keeps what it does not know', () => {
    expect(decodeXml('&lt;&unknown;&#0x;&#128512;&')).toBe('<&unknown;&#0x;😀&');
  });

  test("SpreadsheetML's _xHHHH_ escape round-trips, control characters included", () => {
    for (const text of ['a\u0001b', 'ESC\u001b[2J', '_x0041_ literal', 'plain', '𠮷']) {
      const encoded = encodeSpreadsheetText(text);
      expect([...encoded].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
      expect(decodeSpreadsheetText(decodeXml(encoded))).toBe(text);
    }
    expect(escapeXmlText('a\u0001<b>')).toBe('a&lt;b&gt;');
  });
});
