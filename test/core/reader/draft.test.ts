/** finalizeItem is pure: a draft finalized for one year is unchanged and can be finalized again. */
import { finalizeItem } from '../../../src/core/reader/draft';
import { readSheet } from '../../../src/core/reader/sheetReader';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { workbook } from '../../helpers/snapshot';

test('finalizing a draft leaves it as it was; the item carries the indicator cells', () => {
  const book = workbook('a.xlsx', [
    {
      name: '令和2年度',
      rows: [
        ['施策', '番号', '実施項目', '指標', '計画', '実績', 'R1', 'R2'],
        ['業務改善', 1, '窓口の改善', '処理件数', 10, 12, '○', '◎'],
      ],
    },
  ]);
  const read = readSheet(book.sheets[0]!, book.file, DEFAULT_SETTINGS);
  expect(read.items).toHaveLength(1);
  const draft = read.items[0]!;
  const before = JSON.stringify(draft.sources);
  const first = finalizeItem(draft, 'R2', DEFAULT_SETTINGS);
  const second = finalizeItem(draft, 'R1', DEFAULT_SETTINGS);
  expect(JSON.stringify(draft.sources)).toBe(before);
  expect(draft.sources.target).toBeUndefined();
  expect(first.item.sources.target?.cell).toBe('E2');
  expect(first.item.sources.actual?.cell).toBe('F2');
  // The undated 計画/実績 columns are the table's year's (R2): finalized for R1 the item has none, and
  // nothing of the R2 finalization leaks into it (the draft's sources were once written in place).
  expect(second.item.sources.target).toBeUndefined();
  expect(second.item.sources.actual).toBeUndefined();
  expect(first.item.indicator).toMatchObject({ name: '処理件数' });
});
