/** SheetBuilder counts rows from 0 and builds summaries and templates into the one sheet-content model. */
import fc from 'fast-check';
import {
  MAX_COLUMN_WIDTH,
  rowRuns,
  PERCENT,
  SheetBuilder,
  columnRange,
  rowRange,
  span,
  widthFor,
} from '../../../src/core/layout/sheetBuilder';
import { printTitles, type PlanValue } from '../../../src/core/writePlan';

test('rows are 0-based; the A1 text is made from them', () => {
  const b = new SheetBuilder('RP_x');
  expect(b.nextRow).toBe(0);
  expect(b.title('Title')).toBe(0);
  b.blank();
  const table = b.table(
    ['a', 'b'],
    [
      [1, 2],
      [3, 4],
    ],
    {},
    { repeatHeader: true },
  );
  expect(table).toEqual({ header: 2, first: 3, last: 4, left: 0, right: 1 });
  expect(columnRange(table, 1)).toBe('B4:B5');
  expect(rowRange(table.header, 0, 1)).toBe('A3:B3');
  expect(span(0, 0, 0, 0)).toBe('A1:A1');
  b.link(table.first, 1, 'Other', 'C7');
  const sheet = b.build([10, 10], { rows: table.header + 1, columns: 0 });
  expect(sheet.links).toEqual([{ cell: 'B4', targetSheet: 'Other', targetCell: 'C7' }]);
  expect(sheet.formats.slice(0, 2).map((f) => f.range)).toEqual(['A1', 'A3:B3']);
  expect(sheet.print.repeatRows).toEqual([2, 2]);
  expect(printTitles(sheet.print)).toEqual({ rows: '3:3' });
  expect(printTitles({ ...sheet.print, repeatColumns: [7, 9] }, true)).toEqual({
    rows: '$3:$3',
    columns: '$H:$J',
  });
  // A summary merges nothing, has no dropdown and is not protected.
  expect(sheet).not.toHaveProperty('merges');
  expect(sheet).not.toHaveProperty('dropdowns');
  expect(sheet).not.toHaveProperty('protection');
});

test("a template's header, dropdowns and protection in the same model", () => {
  const b = new SheetBuilder('総務部');
  b.lock(span(b.title('計画'), 0, b.subheading('(1) 施策'), 0));
  const header = b.mergedHeader(
    [
      ['No.', '進捗状況', null],
      [null, 'R4', 'R5'],
    ],
    [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ],
  );
  expect(header).toEqual({ top: 2, left: 0, bottom: 3, right: 2 });
  const rows = [b.add(['①']), b.add(['②'])];
  b.dropdown(span(rows[0]!, 1, rows[0]!, 2), ['◎', '○']);
  b.dropdown(span(rows[1]!, 1, rows[1]!, 2), ['◎', '○']);
  b.protect('lockedHeaders');
  const sheet = b.build([6, 6, 6]);
  expect(sheet.merges).toEqual(['A3:A4', 'B3:C3']);
  expect(sheet.formats.find((f) => f.range === 'A3:C4')).toMatchObject({ bold: true, fill: '#DDEBF7' });
  // Ranges of one list joined into the fewest, so a row inserted inside the table keeps the list.
  expect(sheet.dropdowns).toEqual([{ ranges: ['B5:C6'], list: ['◎', '○'] }]);
  expect(sheet.protection).toEqual({ policy: 'lockedHeaders', lockedRanges: ['A1:A2'] });
  // A template's header text is not fitted: its columns keep the widths given.
  expect(sheet.columnWidths).toEqual([6, 6, 6]);
});

describe('fitting column widths', () => {
  /** The definition: every body and header cell's text measured, as shown, in text units. */
  function measuredWidths(
    header: string[],
    body: PlanValue[][],
    formats: Record<number, string>,
    given: number[],
    maxWidths: number[],
  ): { widths: number[]; wrapped: number[] } {
    const widths = [...given];
    const wrapped = new Set<number>();
    const max = (c: number) => maxWidths[c] ?? MAX_COLUMN_WIDTH;
    const rows: [PlanValue[], boolean][] = [
      [header, true],
      ...body.map((r): [PlanValue[], boolean] => [r, false]),
    ];
    for (const [values, isHeader] of rows)
      values.forEach((value, c) => {
        if (value === null || value === '') return;
        let text: string;
        if (typeof value !== 'number') text = String(value);
        else if (!isHeader && formats[c]?.includes('%')) text = `${(value * 100).toFixed(1)}%`;
        else if (Number.isInteger(value)) text = value.toLocaleString('en-US', { maximumFractionDigits: 20 });
        else text = value.toFixed(2);
        let need = widthFor(text);
        if (isHeader && need > Math.max(widths[c] ?? 0, 10)) need = Math.max(need / 2 + 1.5, 10);
        if (need > max(c)) {
          wrapped.add(c);
          need = max(c);
        }
        widths[c] = Math.max(widths[c] ?? 8.43, need);
      });
    return { widths, wrapped: [...wrapped].sort((a, b) => a - b) };
  }

  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.boolean(),
    fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.double({ min: 0, max: 2, noNaN: true }),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: fc.constantFrom('あ', '漢', '◎', 'a', '1', ' ', '𠮷'), maxLength: 40 }),
  );

  test('passing over the cells that change nothing gives the widths of measuring every cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 4, max: 30, noNaN: true }), { maxLength: 5 }),
        fc.array(fc.double({ min: 8, max: 50, noNaN: true }), { maxLength: 5 }),
        fc.array(fc.string({ unit: fc.constantFrom('項', '目', 'A', 'b'), maxLength: 12 }), {
          minLength: 5,
          maxLength: 5,
        }),
        (body, given, maxWidths, header) => {
          const formats = { 1: PERCENT };
          const b = new SheetBuilder('RP_x');
          b.table(header, body, formats);
          const sheet = b.build(given, undefined, {}, maxWidths);
          const expected = measuredWidths(header, body, formats, given, maxWidths);
          expect(sheet.columnWidths).toEqual(expected.widths);
          const wrappedColumns = sheet.formats
            .filter((f) => f.wrap === true && f.range !== 'A1:E1')
            .map((f) => f.range.charCodeAt(0) - 65);
          expect([...new Set(wrappedColumns)].sort((a, b) => a - b)).toEqual(expected.wrapped);
        },
      ),
      { numRuns: 300 },
    );
  });
});

test('row runs read from the keys are the runs of the sorted keys', () => {
  /** The definition: the keys sorted, consecutive ones joined. */
  const sortedRuns = (keys: number[]): [number, number][] => {
    const runs: [number, number][] = [];
    for (const row of [...keys].sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && row === last[1] + 1) last[1] = row;
      else runs.push([row, row]);
    }
    return runs;
  };
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
      fc.boolean(),
      (keys, sort) => {
        const rows = sort ? [...keys].sort((a, b) => a - b) : keys;
        const map = new Map(rows.map((r) => [r, {}]));
        expect(rowRuns(map)).toEqual(sortedRuns(rows));
      },
    ),
    { numRuns: 500 },
  );
});
