/**
 * References adjusted for a column insert. Expected texts follow Excel's documented behaviour for
 * Insert › Sheet Columns and Insert cells › Shift cells right (what Excel shows after the insert).
 */
import {
  scanReferences,
  sheetInserts,
  shiftFormula,
  translateFormula,
  type ColumnInsert,
  type ShiftContext,
} from '../../src/core/formula';

const SHEETS = ['計画', 'Sheet2', 'My Sheet', "Bob's", 'Last'];
const WHOLE_I: ColumnInsert = { at: 8, count: 1, rows: null }; // insert before column I

function ctx(
  inserts: Record<string, ColumnInsert[]>,
  sheet: string | null = '計画',
  extra: Partial<ShiftContext> = {},
): ShiftContext {
  return { inserts: sheetInserts(Object.entries(inserts)), sheetOrder: SHEETS, sheet, ...extra };
}

const onPlan = (text: string, inserts: ColumnInsert[] = [WHOLE_I], sheet: string | null = '計画') =>
  shiftFormula(text, ctx({ 計画: inserts }, sheet)).text;

describe('A1, a whole column inserted before I on the formula’s own sheet', () => {
  test.each([
    ['H5/I5', 'H5/J5'],
    ['$H$5/$I$5', '$H$5/$J$5'],
    ['H$5+$I5', 'H$5+$J5'],
    ['SUM(H5:I5)', 'SUM(H5:J5)'], // spans the insertion: grows
    ['SUM(I5:K5)', 'SUM(J5:L5)'], // starts at it: moves
    ['SUM(A5:H5)', 'SUM(A5:H5)'], // left of it: stays
    ['SUM($A$1:$XFC$1)', 'SUM($A$1:$XFD$1)'],
    ['SUM(A1:XFD1)', 'SUM(A1:XFD1)'], // already to the sheet's edge: stays
    ['SUM(I:I)', 'SUM(J:J)'],
    ['SUM($H:$I)', 'SUM($H:$J)'],
    ['SUM(A:H)', 'SUM(A:H)'],
    ['SUM(5:7)', 'SUM(5:7)'], // whole rows
    ['SUM(K5:H5)', 'SUM(L5:H5)'], // reversed ends as typed
    ['"I5"&I5', '"I5"&J5'], // strings are left alone
    ['INDIRECT("I5")', 'INDIRECT("I5")'],
    ['IF(I5="",0,I5)', 'IF(J5="",0,J5)'],
    ['{1,2;3,4}*I5', '{1,2;3,4}*J5'],
    ['目標値*I5', '目標値*J5'], // a defined name stays
    ['TAX2019+I5', 'TAY2019+J5'], // TAX2019 is a cell (column TAX), right of I
    ['Tbl[[#This Row],[I5]]+I5', 'Tbl[[#This Row],[I5]]+J5'],
    ['_xlfn.XLOOKUP(I1,I2:I9,K2:K9)', '_xlfn.XLOOKUP(J1,J2:J9,L2:L9)'],
    ['I5:I6 I6:I7', 'J5:J6 J6:J7'], // intersection (a space)
    ['#REF!+I5', '#REF!+J5'],
    ['I5#', 'J5#'], // spill
    ['1.5E+10*I5', '1.5E+10*J5'],
    ['TRUE', 'TRUE'],
  ])('%s → %s', (before, after) => {
    expect(onPlan(before)).toBe(after);
  });
});

describe('sheet names', () => {
  test('references from another sheet follow the shifted sheet; its own references do not', () => {
    expect(shiftFormula('計画!I5+I5', ctx({ 計画: [WHOLE_I] }, 'Sheet2')).text).toBe('計画!J5+I5');
  });
  test('quoted names, with a quote inside, and case-insensitive matching', () => {
    const c = ctx({ 'My Sheet': [WHOLE_I], "Bob's": [WHOLE_I] }, 'Last');
    expect(shiftFormula("'My Sheet'!$I$1+'bob''s'!I2:K3", c).text).toBe("'My Sheet'!$J$1+'bob''s'!J2:L3");
    expect(shiftFormula('sheet2!I1', ctx({ Sheet2: [WHOLE_I] }, 'Last')).text).toBe('sheet2!J1');
  });
  test('3-D references change only when every sheet they span gets the same insert', () => {
    const all = ctx({ Sheet2: [WHOLE_I], 'My Sheet': [WHOLE_I] }, 'Last');
    expect(shiftFormula("SUM('Sheet2:My Sheet'!I5)", all).text).toBe("SUM('Sheet2:My Sheet'!J5)");
    const three = ctx(
      { Sheet2: [WHOLE_I], 'My Sheet': [WHOLE_I], "Bob's": [WHOLE_I], Last: [WHOLE_I] },
      '計画',
    );
    expect(shiftFormula('SUM(Sheet2:Last!I5)', three).text).toBe('SUM(Sheet2:Last!J5)');
    expect(shiftFormula("SUM('Sheet2:My Sheet'!I5)", all).text).toBe("SUM('Sheet2:My Sheet'!J5)");
    const none = ctx({ 計画: [WHOLE_I] }, 'Last');
    expect(shiftFormula('SUM(Sheet2:Last!I5)', none).text).toBe('SUM(Sheet2:Last!I5)');
    const partial = shiftFormula('SUM(計画:Sheet2!I5)', none);
    expect(partial.text).toBe('SUM(計画:Sheet2!I5)');
    expect(partial.problems).toEqual([{ kind: 'partial-3d', sheets: '計画:Sheet2' }]);
  });
  test('another workbook’s references are never changed', () => {
    expect(onPlan('[1]計画!I5+I5', [WHOLE_I], '計画')).toBe('[1]計画!I5+J5');
    expect(onPlan("'C:\\x\\[book.xlsx]計画'!I5+I5")).toBe("'C:\\x\\[book.xlsx]計画'!I5+J5");
  });
});

describe('defined names (no sheet of their own)', () => {
  test('print area and titles, a name over the shifted range', () => {
    const c = ctx({ 計画: [WHOLE_I] }, null);
    expect(shiftFormula('計画!$A$1:$K$40', c).text).toBe('計画!$A$1:$L$40');
    expect(shiftFormula('計画!$A:$B,計画!$1:$3', c).text).toBe('計画!$A:$B,計画!$1:$3');
    expect(shiftFormula('計画!$I$5', c).text).toBe('計画!$J$5');
  });
  test('an unqualified reference in a name is a problem, not a guess', () => {
    const result = shiftFormula('$I$5', ctx({ 計画: [WHOLE_I] }, null));
    expect(result.text).toBe('$I$5');
    expect(result.problems).toEqual([{ kind: 'unqualified-name' }]);
  });
});

describe('insert cells, shift right (rows 5–20 only)', () => {
  const band: ColumnInsert = { at: 8, count: 1, rows: { top: 4, bottom: 19 } };
  test.each([
    ['I5', 'J5'], // row 5 is in the block
    ['I4', 'I4'], // row 4 is not
    ['SUM(H5:I20)', 'SUM(H5:J20)'],
    ['SUM(I5:I21)', 'SUM(I5:I21)'], // reaches outside the block: stays
    ['SUM(I:I)', 'SUM(I:I)'],
  ])('%s → %s', (before, after) => {
    expect(onPlan(before, [band])).toBe(after);
  });
});

test('several insertions, right to left in original columns (R3 status, then 計画/実績 pair)', () => {
  const inserts: ColumnInsert[] = [
    { at: 12, count: 2, rows: null },
    { at: 8, count: 1, rows: null },
  ];
  expect(onPlan('H5+I5+L5+M5+SUM(A1:Z1)', inserts)).toBe('H5+J5+M5+P5+SUM(A1:AC1)');
});

test('a reference pushed past XFD is a problem', () => {
  const result = shiftFormula('XFD1', ctx({ 計画: [WHOLE_I] }));
  expect(result.problems).toEqual([{ kind: 'off-sheet' }]);
});

test('structured references are reported with their table', () => {
  const result = shiftFormula('SUM(実績表[達成率])+[@金額]', ctx({ 計画: [WHOLE_I] }));
  expect(result.structured).toEqual(['実績表', null]);
  expect(result.changed).toBe(false);
});

describe('R1C1', () => {
  const r1c1 = (text: string, cell: { row: number; col: number }, sheet = '計画') =>
    shiftFormula(text, ctx({ 計画: [WHOLE_I] }, sheet, { style: 'R1C1', cell })).text;
  test('a formula in K5 (moves to L5) pointing at H5 and I5', () => {
    // K5 → L5; H5 stays (now 4 left), I5 → J5 (still 2 left).
    expect(r1c1('RC[-3]/RC[-2]', { row: 4, col: 10 })).toBe('RC[-4]/RC[-2]');
    expect(r1c1('R5C8+R5C9', { row: 4, col: 10 })).toBe('R5C8+R5C10');
    expect(r1c1('SUM(RC[-3]:RC[-2])', { row: 4, col: 10 })).toBe('SUM(RC[-4]:RC[-2])');
    expect(r1c1('SUM(C[-2])', { row: 4, col: 10 })).toBe('SUM(C[-2])');
    expect(r1c1('ROUND(RC[-2],0)', { row: 4, col: 10 })).toBe('ROUND(RC[-2],0)');
  });
  test('a formula in A1 (does not move) pointing across the insert', () => {
    expect(r1c1('RC[8]+R[1]C[7]', { row: 0, col: 0 })).toBe('RC[9]+R[1]C[7]');
  });
  test('from another sheet: only the target moves', () => {
    expect(r1c1('計画!RC[8]+RC[8]', { row: 0, col: 0 }, 'Sheet2')).toBe('計画!RC[9]+RC[8]');
  });
});

describe('shared formulas read in their cells (translateFormula)', () => {
  test.each([
    ['H5/I5', 1, 0, 'H6/I6'],
    ['$H$5/I$5', 2, 3, '$H$5/L$5'],
    ['SUM(A:A)', 0, 2, 'SUM(C:C)'],
    ['A1', -1, 0, '#REF!'],
    ['"A1"&A1&Tbl[A1]', 1, 1, '"A1"&B2&Tbl[A1]'],
  ])('%s moved (%i, %i) → %s', (text, rows, cols, expected) => {
    expect(translateFormula(text, rows, cols)).toBe(expected);
  });
});

test('long and unclosed inputs are scanned in one pass (a backtracking scan would not finish)', () => {
  const long = 'I5+'.repeat(100_000) + '1';
  expect(onPlan(long).startsWith('J5+J5+')).toBe(true);
  for (const bad of ['"'.repeat(200_001), "'".repeat(200_001), '['.repeat(200_001), '{"'.repeat(100_000)]) {
    expect(scanReferences(bad, 'A1', () => 'keep').text).toBe(bad);
  }
});
