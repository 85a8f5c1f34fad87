/** SheetBuilder counts rows from 0 and builds summaries and templates into the one sheet-content model. */
import { SheetBuilder, columnRange, rowRange, span } from '../../../src/core/layout/sheetBuilder';
import { printTitles } from '../../../src/core/writePlan';

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
