/** Plan order with sections ranked once: the same order as comparing every key of every item. */
import fc from 'fast-check';
import { inPlanOrder } from '../../../src/core/summary/summarize';
import type { PlanItem } from '../../../src/core/model';

const LAST = Number.MAX_SAFE_INTEGER;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The definition: every key compared, item by item (a stable sort). */
function byEveryKey(items: readonly PlanItem[]): PlanItem[] {
  return [...items].sort(
    (a, b) =>
      (a.policyNo ?? LAST) - (b.policyNo ?? LAST) ||
      compareText(a.policy ?? '', b.policy ?? '') ||
      (a.measureNo ?? LAST) - (b.measureNo ?? LAST) ||
      compareText(a.measure ?? '', b.measure ?? '') ||
      (a.numberValue ?? LAST) - (b.numberValue ?? LAST) ||
      compareText(a.number, b.number) ||
      compareText(a.name, b.name) ||
      compareText(a.file, b.file) ||
      compareText(a.sheet, b.sheet) ||
      a.row - b.row,
  );
}

const small = <T>(values: T[]) => fc.constantFrom(...values);
const item = fc
  .record({
    policyNo: small([null, 1, 2, 3, 1.5, -0, 0]),
    policy: small([null, '', '効率的な行政運営', '効率的な行政', '持続可能な財政運営', 'A', 'a']),
    measureNo: small([null, 1, 2, 10]),
    measure: small([null, '', '人材育成', '業務改善', '人材']),
    numberValue: small([null, 1, 2, 3, 12]),
    number: small(['', '①', '1', '01', '2']),
    name: small(['項目', '項目1', '項目2', 'b']),
    file: small(['a.xlsx', 'b.xlsx']),
    sheet: small(['S1', 'S2']),
    row: fc.integer({ min: 0, max: 40 }),
  })
  .map((fields) => fields as unknown as PlanItem);

test('inPlanOrder gives the order of comparing every key, ties in their first order', () => {
  fc.assert(
    fc.property(fc.array(item, { maxLength: 60 }), (items) => {
      expect(inPlanOrder(items)).toEqual(byEveryKey(items));
      // The very objects, in the same places (equal-looking items keep their first order).
      inPlanOrder(items).forEach((x, i) => expect(x).toBe(byEveryKey(items)[i]));
    }),
    { numRuns: 2000 },
  );
});
