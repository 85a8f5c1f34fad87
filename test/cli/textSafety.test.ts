/**
 * Text from files reaching a terminal or an XML part we write: control characters shown escaped in
 * the terminal, dropped from chart parts; template file and sheet names safe on every platform.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { safeFileStem, terminalSafe, truncateUnits } from '../../src/core/textSafety';
import { sheetNameFor } from '../../src/core/template/templateSheet';
import { readXlsx } from '../../src/xlsx/package/readXlsx';
import { buildWorkbook, runCli, tmpDir } from '../helpers/buildWorkbook';

/** Every C0/C1 control character other than newline and tab, or a bidi override, raw in the text. */
function rawControls(text: string): string[] {
  return [...text].filter((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && c !== 10 && c !== 9) || (c >= 0x7f && c <= 0x9f) || c === 0x202e;
  });
}

test("Excel's _x001B_ escape in a cell reaches the terminal escaped, not as ESC", async () => {
  const dir = tmpDir('rp-term-');
  const path = join(dir, 'esc.xlsx');
  await buildWorkbook(path, [
    {
      name: 'S',
      rows: [
        ['番号', '実施項目', '進捗状況R1', '進捗状況R2'],
        ['①', '窓口の改善', '○', '○'],
        ['②', '会議の削減', '○', 'placeholder'],
      ],
    },
  ]);
  // Written as Excel writes a control character in a string: the _xHHHH_ escape.
  const zip = await JSZip.loadAsync(readFileSync(path));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', strings.replace('placeholder', '_x001B_]0;owned_x0007__x001B_[2K\u202e'));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  const run = await runCli(['validate', path]);
  expect(run.stdout).toContain('mark.unknown');
  expect(rawControls(run.stdout + run.stderr)).toEqual([]);
  expect(run.stdout).toContain('\\u001b]0;owned\\u0007');
  // JSON stays valid and means the same text.
  const json = await runCli(['validate', path, '--json', '-']);
  expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b]0;owned\\u0007');
});

test('terminalSafe keeps our own colours, newlines and tabs', () => {
  expect(terminalSafe('\u001b[31mエラー\u001b[0m\tA\n\r\u0000', ['\u001b[31m', '\u001b[0m'])).toBe(
    '\u001b[31mエラー\u001b[0m\tA\n\\u000d\\u0000',
  );
});

test('template file names: reserved device names, <>:"|?*, control characters, trailing dots, NFC', () => {
  expect(safeFileStem('CON')).toBe('_CON');
  expect(safeFileStem('nul.txt')).toBe('_nul.txt');
  expect(safeFileStem('Com1')).toBe('_Com1');
  expect(safeFileStem('a<b>:c"d|e?f*g/h\\i')).toBe('a_b__c_d_e_f_g_h_i');
  expect(safeFileStem('tab\there\u0000nul\u001b')).toBe('tab_here_nul_');
  expect(safeFileStem('部署. . ')).toBe('部署');
  expect(safeFileStem('...')).toBe('_');
  expect(safeFileStem('ｶﾞ\u30ab\u3099')).toBe('ｶﾞ\u30ac');
  const long = safeFileStem('𠮷'.repeat(200));
  expect(long.length).toBeLessThanOrEqual(120);
  expect(long.length % 2).toBe(0);
});

test('sheet names: at most 31 UTF-16 units, never half a surrogate pair', () => {
  for (const name of ['𠮷'.repeat(20), `a${'😀'.repeat(20)}`, `${'部'.repeat(30)}𠮷`]) {
    const sheet = sheetNameFor(name);
    expect(sheet.length).toBeLessThanOrEqual(31);
    expect(sheet).toBe(truncateUnits(sheet, 31));
    expect(/[\ud800-\udbff]$/.test(sheet)).toBe(false);
    expect([...sheet].every((ch) => name.includes(ch))).toBe(true);
  }
  expect(sheetNameFor('総務\u0001部')).toBe('総務部');
});

test('template: hostile department names become safe files, all written', async () => {
  const plan = JSON.parse(readFileSync('examples/plans/kasama-4th-plan.json', 'utf8')) as {
    policies: { measures: { items: { owners: { department: string }[] }[] }[] }[];
  };
  const names = ['CON', 'a<b>|"c', 'tab\tname', 'NUL', 'x\u0000y', '𠮷'.repeat(25), 'end. '];
  let i = 0;
  for (const policy of plan.policies)
    for (const measure of policy.measures)
      for (const item of measure.items) item.owners = [{ department: names[i++ % names.length]! }];
  const dir = tmpDir('rp-names-');
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, JSON.stringify(plan));
  const out = join(dir, 'out');
  const run = await runCli(['template', '--plan', planPath, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const files = readdirSync(out);
  expect(files).toHaveLength(names.length);
  for (const f of files) {
    expect(f).toBe(`${safeFileStem(f.slice(0, -5))}.xlsx`);
    const read = await readXlsx(readFileSync(join(out, f)), f);
    expect(read.ok).toBe(true);
  }
  expect(files).toEqual(
    expect.arrayContaining(['_CON.xlsx', '_NUL.xlsx', 'a_b___c.xlsx', 'tabname.xlsx', 'xy.xlsx', 'end.xlsx']),
  );
});

test('a department name with U+0001: the chart parts stay well-formed XML', async () => {
  const dir = tmpDir('rp-chart-');
  const path = join(dir, 'dept.xlsx');
  await buildWorkbook(path, [
    {
      name: 'S',
      rows: [
        ['番号', '実施項目', '進捗状況R1', '進捗状況R2', '担当部'],
        ['①', '窓口の改善', '○', '○', '総務\u0001部'],
        ['②', '会議の削減', '○', '▲', '企画部'],
      ],
    },
  ]);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  // ExcelJS drops the character when writing; put it back as Excel stores it.
  zip.file('xl/sharedStrings.xml', strings.replace('総務部', '総務_x0001_部'));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  const out = join(dir, 'summary.xlsx');
  const run = await runCli(['summarize', path, '--out', out]);
  expect(run.code).toBeLessThan(2);
  const written = await JSZip.loadAsync(readFileSync(out));
  const charts = Object.keys(written.files).filter((f) => f.startsWith('xl/charts/') && f.endsWith('.xml'));
  expect(charts.length).toBeGreaterThan(0);
  for (const part of [...charts, ...Object.keys(written.files).filter((f) => f.endsWith('.xml'))]) {
    const xml = await written.file(part)!.async('string');
    expect({ part, bad: rawControls(xml).length }).toEqual({ part, bad: 0 });
  }
  const chartText = (await Promise.all(charts.map((c) => written.file(c)!.async('string')))).join('');
  expect(chartText).toContain('総務部');
  expect((await readXlsx(readFileSync(out), 'summary.xlsx')).ok).toBe(true);
});

/** terminalSafe's definition, character by character (terminalSafe first looks for the first such character). */
function terminalSafeReference(text: string, keep: readonly string[]): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029;
    const kept = c === 0x1b ? keep.find((k) => text.startsWith(k, i)) : undefined;
    if (kept) {
      out += kept;
      i += kept.length - 1;
    } else if (((c >= 0x20 && c < 0x7f) || c > 0x9f || c === 10 || c === 9) && !bidi) out += text[i];
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

test('terminalSafe: the same as escaping character by character, for any text', () => {
  const keep = ['\u001b[31m', '\u001b[0m'];
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(
      '\u001b',
      '\u001b[31m',
      '\u001b[0m',
      '\u202e',
      '\u2066',
      '\u2028',
      '\u0085',
      '\t',
      '\n',
      'a',
      '令',
    ),
  );
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
      const text = units.join('');
      expect(terminalSafe(text, keep)).toBe(terminalSafeReference(text, keep));
    }),
    { numRuns: 3000 },
  );
});
