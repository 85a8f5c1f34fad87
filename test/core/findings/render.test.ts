/**
 * Year params are shown in the language's long form, read once per distinct text: the same texts
 * whatever the order, the language, a repeat, or more distinct texts than are remembered.
 */
import { finding, formatFiscalYear, parseFiscalYear, renderFinding, type Lang } from '../../../src/core';

const at = { file: 'a.xlsx', sheet: 'S', cell: 'C3' };
const yearTag = (tag: string, year: string) =>
  finding('value.yearTag', at, { field: 'actual', raw: `5 (${tag})`, tag, year, item: '項目' });

/** A text in the long form of `lang` when it is a year, as it is otherwise. */
function long(text: string, lang: Lang): string {
  const parsed = parseFiscalYear(text);
  return parsed ? formatFiscalYear(parsed, lang, 'long') : text;
}

test('long years: the same for repeats, both languages, and texts past those remembered', () => {
  const texts = ['R1', '令和2年度', 'FY2019', '平成30年度', 'H30', 'not a year', ''];
  // Past the few hundred remembered texts, each read again.
  for (let n = 0; n < 400; n += 1) texts.push(`R${(n % 30) + 1} (${n})`);
  for (const round of [1, 2])
    for (const tag of texts) {
      const ja = renderFinding(yearTag(tag, 'R2'), 'ja').message;
      expect([round, ja]).toEqual([
        round,
        `実績値「5 (${tag})」は${long(tag, 'ja')}の数値です（対象年度は令和2年度）。`,
      ]);
      expect(renderFinding(yearTag(tag, 'R2'), 'en').message).toContain(long(tag, 'en'));
    }
  expect(renderFinding(yearTag('R1', 'R2'), 'ja').message).toBe(
    '実績値「5 (R1)」は令和元年度の数値です（対象年度は令和2年度）。',
  );
  expect(renderFinding(yearTag('R1', 'R2'), 'en').message).toContain('FY2019');
});
