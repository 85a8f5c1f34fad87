/**
 * The worksheet reader's cells read in place (`takeCells`, for whole plain cells) against the same
 * cells read token by token: the same snapshot for every kind of value, and the same refusals.
 */
import fc from 'fast-check';
import type { SheetSnapshot } from '../../../src/core/grid';
import { ReadRefusal, SheetReader, type WorkbookBudget } from '../../../src/xlsx/package/sheetPart';
import { readStyles } from '../../../src/xlsx/package/styles';
import { XmlScanner } from '../../../src/xlsx/package/xml';

const styles = readStyles([
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>' +
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>',
]);

function budget(maxCells = 1_000_000): WorkbookBudget {
  return { cells: 0, merges: 0, rangeCells: 0, maxCells, maxMerges: 100, maxRangeCells: 1_000_000 };
}

/** The sheet read with the XML pushed `step` characters at a time (1: no cell is ever whole ahead). */
function read(xml: string, step: number, maxCells?: number): SheetSnapshot {
  const reader = new SheetReader({
    name: 's',
    hidden: false,
    sharedStrings: ['zero', 'one', 'two'],
    styles,
    date1904: false,
    budget: budget(maxCells),
  });
  const s = new XmlScanner();
  let at = 0;
  for (;;) {
    const token = s.next();
    if (token === 'end') break;
    if (token === 'need') {
      if (at >= xml.length) s.end();
      else s.push(xml.slice(at, (at += step)));
      continue;
    }
    if (token !== 'other') reader.token(token, s);
  }
  return reader.finish();
}

const cells = [
  '<c r="A1" t="s"><v>1</v></c>',
  '<c r="B1" t="s"><v> 2 </v></c>', // spaces: read as text, then trimmed
  '<c r="C1" t="s"><v>9</v></c>', // past the strings: no value
  '<c r="D1" t="s"><v></v></c>',
  '<c r="E1"><v>-42</v></c>',
  '<c r="F1" t="n"><v>1.5E3</v></c>',
  '<c r="G1"><v>123456789012345678</v></c>',
  '<c r="H1"><v>007</v></c>',
  '<c r="I1"><v>-0</v></c>',
  '<c r="J1"><v>12abc</v></c>',
  '<c r="K1"><v>-</v></c>',
  '<c r="A2" s="1"><v>44286</v></c>', // a date by its style
  '<c r="B2" s="2"><v>0.25</v></c>',
  '<c r="C2" s="1234567890"><v>3</v></c>', // no such style
  '<c r="D2" t="str"><v>a &amp; &lt;b&gt;</v></c>',
  '<c r="E2" t="b"><v>1</v></c>',
  '<c r="F2" t="b"><v>0</v></c>',
  '<c r="G2" t="e"><v>#N/A</v></c>',
  '<c r="H2" t="d"><v>2021-03-31T00:00:00Z</v></c>',
  '<c r="I2" t="inlineStr"><is><t>in</t><rPh><t>ルビ</t></rPh><t>line</t></is></c>',
  '<c r="J2" t="inlineStr"><v>x</v></c>',
  '<c r="K2" t="weird"><v>5</v></c>',
  '<c r="L2"><f>A1</f><v>6</v></c>',
  '<c r="M2"/>',
  '<c><v>7</v></c>', // no reference: after the previous cell
  '<c r="$O$2"><v>8</v></c>',
  '<c r="P2" s="1" s="0"><v>1</v></c>', // the first of a repeated attribute
  "<c r='Q2' t='s'><v>0</v></c>",
  '<c r="R2"><v>&#49;&#50;</v></c>',
];

test('cells read in place give the snapshot the tokens one by one give', () => {
  const rows = [
    `<row r="1">${cells.slice(0, 11).join('')}</row>`,
    `<row r="2">${cells.slice(11).join('')}</row>`,
    '<row r="3" spans="1:1"/>',
    '<row r="4"><c r="B4"/></row>',
    '<row><c r="A5" t="s"><v>0</v></c></row>',
    '<x:row r="6"><c r="A6"><v>6</v></c></x:row>',
    '<row r="7"><c><v>7</v></c></row>',
  ];
  const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const whole = read(xml, xml.length);
  expect(read(xml, 1)).toEqual(whole);
  expect(read(xml, 7)).toEqual(whole);
  expect(whole.values[0]).toEqual(['one', 'two', null, null, -42, 1500, 123456789012345680, 7, -0, 12]);
  expect(whole.values[1]).toEqual([
    new Date(Date.UTC(2021, 2, 31)),
    0.25,
    3,
    'a & <b>',
    true,
    false,
    { error: '#N/A' },
    new Date('2021-03-31T00:00:00Z'),
    'inline',
    null,
    5,
    6,
    null,
    7,
    8,
    new Date(Date.UTC(1900, 0, 0)),
    'zero',
    12,
  ]);
  expect(whole.values[4]).toEqual(['zero']);
  expect(whole.values.slice(5)).toEqual([[6], [7]]);
});

test('a cell reference outside the grid, a column past the last, and the cell limit refuse the sheet either way', () => {
  for (const step of [1, 1000]) {
    expect(() => read('<sheetData><row><c r="A1048577"><v>1</v></c></row></sheetData>', step)).toThrow(
      ReadRefusal,
    );
    expect(() => read('<sheetData><row r="1048577"></row></sheetData>', step)).toThrow(ReadRefusal);
    expect(() => read('<sheetData><row r="123456789"></row></sheetData>', step)).toThrow(ReadRefusal);
    expect(() => read('<sheetData><row r="0"/></sheetData>', step)).toThrow(ReadRefusal);
    expect(() => read('<sheetData><row r="1048576"/><row/></sheetData>', step)).toThrow(ReadRefusal);
    expect(() => read('<sheetData><row><c r="XFD1"/><c><v>1</v></c></row></sheetData>', step)).toThrow(
      ReadRefusal,
    );
    const many = `<sheetData><row>${'<c/>'.repeat(5)}${'<c><v>1</v></c>'.repeat(5)}</row></sheetData>`;
    expect(() => read(many, step, 9)).toThrow(ReadRefusal);
    expect(read(many, step, 10).values[0]).toEqual([1, 1, 1, 1, 1]);
  }
});

test('cells out of order are put in place, and of two at one address the later one wins, merged or not', () => {
  for (const merges of ['', '<mergeCells><mergeCell ref="C1:C2"/></mergeCells>']) {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
      '<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>' +
      `<row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData>${merges}`;
    for (const step of [1, xml.length]) expect(read(xml, step).values).toEqual([['one'], [2, 1]]);
  }
});

test('a cell written in any form Excel, ExcelJS or another writer may use reads the same in place as token by token', () => {
  // Attributes in any order, quotes and spacing: the in-place reading takes Excel's own form
  // (r, s, t in that order) by a shortcut and every other form by the general reading.
  const attribute = fc.oneof(
    fc.constantFrom('r="A1"', 'r="B1"', "r='C1'", 'r="D1"'),
    fc.constantFrom('s="1"', 's="2"', "s='0'", 's="7"'),
    fc.constantFrom('t="s"', 't="n"', 't="str"', "t='b'", 't="e"'),
    fc.constantFrom('cm="1"', 'x14ac:dyDescent="0.25"'),
  );
  const separator = fc.constantFrom(' ', '  ', '\t', '\n');
  const cell = fc
    .tuple(
      fc.array(fc.tuple(separator, attribute), { maxLength: 4 }),
      fc.constantFrom('', ' '),
      fc.constantFrom('<v>1</v></c>', '<v>0</v></c>', '<v>-2.5</v></c>', '/>', '></c>'),
    )
    .map(([attributes, end, body]) => {
      const open = `<c${attributes.map(([sep, a]) => sep + a).join('')}${end}`;
      return body === '/>' ? `${open}/>` : `${open}${body.startsWith('>') ? body : `>${body}`}`;
    });
  // Excel's own form, the shortcut's, as often as the others.
  const excelCell = fc
    .tuple(
      fc.constantFrom('A1', 'B1', 'C1', '$D$1'),
      fc.constantFrom('', ' s="1"', ' s="2"', ' s=""'),
      fc.constantFrom('', ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t=""'),
      fc.constantFrom('><v>1</v></c>', '><v>2</v></c>', '/>', '></c>', ' ><v>1</v></c>'),
    )
    .map(([ref, style, type, body]) => `<c r="${ref}"${style}${type}${body}`);
  fc.assert(
    fc.property(fc.array(fc.oneof(cell, excelCell), { minLength: 1, maxLength: 6 }), (cells) => {
      const xml = `<worksheet><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`;
      let whole: SheetSnapshot | Error;
      let pieces: SheetSnapshot | Error;
      try {
        whole = read(xml, xml.length);
      } catch (err) {
        whole = err as Error;
      }
      try {
        pieces = read(xml, 1);
      } catch (err) {
        pieces = err as Error;
      }
      expect(whole).toEqual(pieces);
    }),
    { numRuns: 2000 },
  );
});
