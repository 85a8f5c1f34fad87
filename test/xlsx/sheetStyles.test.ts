/**
 * The writer treats formats that differ only in their range as one style change (worked out once):
 * sameLook must hold only where applyFormat gives the same style for both, whatever the style before.
 */
import fc from 'fast-check';
import type { PlanFormat } from '../../src/core/writePlan';
import { applyFormat, sameLook } from '../../src/xlsx/write/sheetXml';
import type { CellStyle } from '../../src/xlsx/write/styleTable';

const look = {
  numberFormat: fc.constantFrom('0.0%', '#,##0', '@'),
  bold: fc.boolean(),
  italic: fc.boolean(),
  fontSize: fc.constantFrom(11, 12, 14),
  fontColor: fc.constantFrom('#595959', '#0563C1'),
  fill: fc.constantFrom('#DDEBF7', '#FCE4E4'),
  border: fc.constantFrom('thin' as const, 'none' as const),
  wrap: fc.boolean(),
  align: fc.constantFrom('center' as const, 'left' as const, 'centerAcross' as const),
};
const format: fc.Arbitrary<PlanFormat> = fc.record(
  { range: fc.constantFrom('A1', 'B2:C3'), ...look },
  { requiredKeys: ['range'] },
);
const style: fc.Arbitrary<CellStyle> = fc.record(
  {
    numberFormat: fc.constantFrom('0.0%', '#,##0'),
    bold: fc.boolean(),
    fill: fc.constantFrom('#DDEBF7', '#FFFFFF'),
    border: fc.boolean(),
    wrap: fc.boolean(),
    horizontal: fc.constantFrom('center' as const, 'left' as const),
    vertical: fc.constant('top' as const),
    locked: fc.boolean(),
  },
  { requiredKeys: [] },
);
const field = fc.constantFrom(...(Object.keys(look) as (keyof typeof look)[]));

test('formats of the same look (all but the range) change every style alike; others are told apart', () => {
  fc.assert(
    fc.property(
      format,
      style,
      field,
      fc.option(fc.constantFrom<unknown>(undefined, true, false, 12, '#FCE4E4', 'thin', 'center', '0%')),
      fc.constantFrom('A1', 'D4:E9'),
      (a, before, name, value, range) => {
        // The same format over another range, with at most one field changed (or removed).
        const b: Record<string, unknown> = { ...a, range };
        if (value !== null) {
          if (value === undefined) delete b[name];
          else b[name] = value;
        }
        const other = b as unknown as PlanFormat;
        const alike = JSON.stringify(applyFormat(before, a)) === JSON.stringify(applyFormat(before, other));
        const fieldsEqual = (Object.keys(look) as (keyof typeof look)[]).every((k) => a[k] === other[k]);
        expect(sameLook(a, other)).toBe(fieldsEqual);
        if (sameLook(a, other)) expect(alike).toBe(true);
      },
    ),
    { numRuns: 2000 },
  );
});
