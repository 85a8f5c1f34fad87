/** Findings grouped by file in the files' order, each file's in the order they came (a stable sort). */
import fc from 'fast-check';
import { finding, type Finding } from '../../src/core';
import { inFileOrder } from '../../src/cli/pipeline';

const FILES = ['b.xlsx', 'a.xlsx', 'c.xlsx'];
const at = (file: string, n: number): Finding =>
  finding('file.macros', { file, sheet: null, cell: `A${n}` }, {});

test('the same as a stable sort by the files’ order, sorted or not', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...FILES, 'unknown.xlsx'), { maxLength: 40 }), (names) => {
      const findings = names.map((file, i) => at(file, i + 1));
      const rank = (f: Finding) => Math.max(0, FILES.indexOf(f.file));
      const expected = findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
        .map((x) => x.f);
      const result = inFileOrder(FILES, findings);
      expect(result).toEqual(expected);
      expect(result).not.toBe(findings);
    }),
  );
});
