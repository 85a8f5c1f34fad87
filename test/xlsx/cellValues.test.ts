/** Text written into cells of a worksheet part: style and address kept, inline string, the rest as written. */
import { withCellTexts } from '../../src/xlsx/rollover/cellValues';

const HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const TAIL =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

test('a shared-string cell becomes inline text with its style; every other byte stays', () => {
  const before = '<row r="3" spans="1:4"><c r="A3" s="5" t="s"><v>0</v></c>';
  const after = '<c r="C3" s="7"><v>12</v></c></row>';
  const xml = `${HEAD}<sheetData>${before}<c r="B3" s="9" t="s" cm="1"><v>4</v></c>${after}</sheetData>${TAIL}`;
  const result = withCellTexts(xml, [{ row: 2, col: 1, value: '◎ & <ok>' }]);
  expect(result.unwritten).toEqual([]);
  expect(result.xml).toBe(
    `${HEAD}<sheetData>${before}<c r="B3" s="9" t="inlineStr"><is><t xml:space="preserve">◎ &amp; &lt;ok&gt;</t></is></c>${after}</sheetData>${TAIL}`,
  );
});

test('empty cells, cells without an address, prefixed markup; text that looks like a formula stays text', () => {
  const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="2"/><x:c s="3" t="n"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const result = withCellTexts(xml, [
    { row: 0, col: 0, value: ' ○' },
    { row: 0, col: 1, value: '=1+1' },
  ]);
  expect(result.unwritten).toEqual([]);
  expect(result.xml).toBe(
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">' +
      '<x:c r="A1" s="2" t="inlineStr"><x:is><x:t xml:space="preserve"> ○</x:t></x:is></x:c>' +
      '<x:c r="B1" s="3" t="inlineStr"><x:is><x:t xml:space="preserve">=1+1</x:t></x:is></x:c>' +
      '</x:row></x:sheetData></x:worksheet>',
  );
});

test('a formula cell or a cell not in the part is not written, and said so', () => {
  const xml = `${HEAD}<sheetData><row r="1"><c r="A1"><f>B1*2</f><v>4</v></c><c r="B1"><v>2</v></c></row></sheetData>${TAIL}`;
  const result = withCellTexts(xml, [
    { row: 0, col: 0, value: 'x' },
    { row: 4, col: 4, value: 'y' },
  ]);
  expect(result.xml).toBe(xml);
  expect(result.unwritten).toEqual([
    { row: 0, col: 0, value: 'x' },
    { row: 4, col: 4, value: 'y' },
  ]);
});
