/** One worksheet part after a column insert: shared and array formulas, column widths, a block of rows. */
import { sheetInserts, type ColumnInsert } from '../../src/core/formula';
import { rolloverSheetXml } from '../../src/xlsx/rollover/sheetXml';

const HEAD =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">';

function roll(xml: string, inserts: ColumnInsert[]) {
  return rolloverSheetXml(xml, {
    name: 'S',
    inserts,
    formulaContext: (cell) => ({
      inserts: sheetInserts([['S', inserts]]),
      sheetOrder: ['S'],
      sheet: 'S',
      ...(cell ? { cell } : {}),
    }),
    roll: null,
    symbols: [],
  });
}

const WHOLE_C: ColumnInsert = { at: 2, count: 1, rows: null };

test('a shared formula across the insert is written out cell by cell, each adjusted', () => {
  const xml = `${HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><f t="shared" ref="D1:D3" si="0">A1+C1</f><v>4</v></c></row><row r="2"><c r="D2"><f t="shared" si="0"/><v>0</v></c></row><row r="3"><c r="D3"><f t="shared" si="0"/><v>0</v></c></row></sheetData></worksheet>`;
  const out = roll(xml, [WHOLE_C]).xml;
  expect(out).toContain('<c r="E1"><f>A1+D1</f><v>4</v></c>');
  expect(out).toContain('<c r="E2"><f>A2+D2</f><v>0</v></c>');
  expect(out).toContain('<c r="E3"><f>A3+D3</f><v>0</v></c>');
  expect(out).not.toContain('shared');
});

test('a shared group the insert does not concern stays shared, byte for byte', () => {
  const xml = `${HEAD}<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>4</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>0</v></c></row></sheetData></worksheet>`;
  const result = roll(xml, []);
  expect(result.changed).toBe(false);
  expect(result.xml).toBe(xml);
});

test('array formulas, widths (the new column takes its left neighbour’s), the dimension and x14 validations', () => {
  const xml = `${HEAD}<dimension ref="A1:D2"/><cols><col min="1" max="2" width="9" customWidth="1"/><col min="4" max="4" width="30" customWidth="1"/></cols><sheetData><row r="1" spans="1:4"><c r="B1" s="3"><v>1</v></c><c r="D1"><f t="array" ref="D1:D2">B1:B2*C1:C2</f><v>1</v></c></row></sheetData><extLst><ext><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>C1:D9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;
  const out = roll(xml, [WHOLE_C]).xml;
  expect(out).toContain('<dimension ref="A1:E2"/>');
  expect(out).toContain(
    '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="3" max="3" width="9" customWidth="1"/><col min="5" max="5" width="30" customWidth="1"/></cols>',
  );
  expect(out).toContain('<row r="1">'); // spans dropped: optional, and now wrong
  expect(out).toContain('<c r="C1" s="3"/>'); // the inserted cell formatted like its left neighbour
  expect(out).toContain('<f t="array" ref="E1:E2">B1:B2*D1:D2</f>');
  expect(out).toContain('<xm:sqref>D1:E9</xm:sqref>');
  expect(out).toContain('<xm:f>Lists!$A$1:$A$5</xm:f>');
});

test('insert cells, shift right on rows 2–3 only: other rows and references reaching outside stay', () => {
  const band: ColumnInsert = { at: 1, count: 1, rows: { top: 1, bottom: 2 } };
  const xml = `${HEAD}<sheetData><row r="1"><c r="B1"><v>1</v></c><c r="E1"><f>SUM(B2:B3)+B1+SUM(B1:B3)</f></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells></worksheet>`;
  const out = roll(xml, [band]).xml;
  expect(out).toContain('<c r="B1"><v>1</v></c><c r="E1"><f>SUM(C2:C3)+B1+SUM(B1:B3)</f></c>');
  expect(out).toContain('<row r="2"><c r="C2"><v>2</v></c></row>');
  expect(out).toContain('<mergeCell ref="C2:D3"/>');
});
