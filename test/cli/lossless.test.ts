/**
 * summarize --out adds the summary to a copy of the user's package: every part of the input is the
 * output's, byte for byte, except the parts the add-in must change (workbook, its relationships,
 * content types, app properties — and styles, to which our formats are appended, the user's own
 * kept as they were); macros survive in .xlsm; a second run replaces only the add-in's parts. Every
 * workbook the CLI writes passes the package rules Excel checks before opening without repair.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { runCli, tmpDir } from '../helpers/buildWorkbook';
import { packageProblems } from '../helpers/packageRules';
import { attr, parseStartTag, xmlTags } from '../../src/xlsx/rollover/xml';

const MAY_CHANGE = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
  'docProps/app.xml',
  'xl/styles.xml',
]);

function entries(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

function changed(before: Record<string, Uint8Array>, after: Record<string, Uint8Array>): string[] {
  return Object.keys(before).filter(
    (n) => !after[n] || Buffer.compare(Buffer.from(before[n]!), Buffer.from(after[n]!)) !== 0,
  );
}

/** The children (raw XML) of a styles list, its count attribute, and where the list sits. */
function styleList(
  xml: string,
  local: string,
): { items: string[]; count: string | undefined; span: [number, number] } | null {
  let depth = 0;
  let begin = -1;
  let itemStart = -1;
  let count: string | undefined;
  const items: string[] = [];
  for (const tag of xmlTags(xml)) {
    if (tag.kind === 'other') continue;
    if (begin < 0) {
      if (tag.local !== local || tag.kind === 'close') continue;
      begin = tag.start;
      count = attr(parseStartTag(xml.slice(tag.start, tag.end)), 'count');
      if (tag.kind === 'empty') return { items, count, span: [begin, tag.end] };
      depth = 1;
      continue;
    }
    if (tag.kind === 'open') {
      if (depth === 1) itemStart = tag.start;
      depth += 1;
    } else if (tag.kind === 'empty') {
      if (depth === 1) items.push(xml.slice(tag.start, tag.end));
    } else {
      depth -= 1;
      if (depth === 1) items.push(xml.slice(itemStart, tag.end));
      if (depth === 0) return { items, count, span: [begin, tag.end] };
    }
  }
  return null;
}

const APPENDED = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const;
const UNTOUCHED = ['cellStyleXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;

/**
 * The styles part after the graft: the user's numFmts, fonts, fills, borders and cellXfs entries kept
 * in order, ours only appended after them, each count the number of entries; the user's named styles,
 * differential formats and everything else in the part unchanged.
 */
function stylesKept(before: string, after: string): void {
  const outside = (xml: string) => {
    const spans = [...APPENDED]
      .map((l) => styleList(xml, l)?.span)
      .filter((x): x is [number, number] => x !== undefined)
      .sort((a, b) => b[0] - a[0]);
    let rest = xml;
    for (const [a, b] of spans) rest = rest.slice(0, a) + rest.slice(b);
    return rest;
  };
  expect(outside(after)).toEqual(outside(before));
  const added: Record<string, string[]> = {};
  for (const list of APPENDED) {
    const mine = styleList(before, list);
    const ours = styleList(after, list)!;
    const kept = mine?.items ?? [];
    expect([list, ours.items.slice(0, kept.length)]).toEqual([list, kept]);
    expect([list, ours.count]).toEqual([list, String(ours.items.length)]);
    added[list] = ours.items.slice(kept.length);
  }
  const unspanned = (l: ReturnType<typeof styleList>) => l && { items: l.items, count: l.count };
  for (const list of UNTOUCHED)
    expect([list, unspanned(styleList(after, list))]).toEqual([list, unspanned(styleList(before, list))]);
  // Ours: fonts naming their face; our formats pointing only at our fonts, fills, borders and number formats.
  expect(added.fonts!.length).toBeGreaterThan(0);
  for (const font of added.fonts!) expect(font).toContain('<name val="Yu Gothic"/>');
  const base = (list: string) => styleList(before, list)?.items.length ?? 0;
  const ourNumFmts = new Set(
    added.numFmts!.map((n) => attr(parseStartTag(n.slice(0, n.indexOf('>') + 1)), 'numFmtId')),
  );
  expect(added.cellXfs!.length).toBeGreaterThan(10);
  for (const xf of added.cellXfs!) {
    const head = parseStartTag(xf.slice(0, xf.indexOf('>') + 1));
    expect(Number(attr(head, 'fontId'))).toBeGreaterThanOrEqual(base('fonts'));
    expect(Number(attr(head, 'borderId'))).toBeGreaterThanOrEqual(base('borders'));
    const fill = Number(attr(head, 'fillId'));
    expect(fill === 0 || fill >= base('fills')).toBe(true);
    const numFmt = attr(head, 'numFmtId')!;
    expect(Number(numFmt) < 164 || ourNumFmts.has(numFmt)).toBe(true);
  }
}

function macroWorkbook(from: string, to: string): void {
  const files = unzipSync(readFileSync(from));
  files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  const types = strFromU8(files['[Content_Types].xml']!)
    .replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    )
    .replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    );
  files['[Content_Types].xml'] = strToU8(types);
  writeFileSync(to, zipSync(files));
}

test('kasama-r2.xlsx (a real city workbook): every original part kept byte for byte; a second run replaces only ours', async () => {
  const dir = tmpDir();
  const first = join(dir, 'summary.xlsx');
  const second = join(dir, 'again.xlsx');
  expect((await runCli(['summarize', 'examples/kasama-r2.xlsx', '--out', first])).code).toBe(0);
  const input = entries('examples/kasama-r2.xlsx');
  const output = entries(first);
  expect(changed(input, output).filter((n) => !MAY_CHANGE.has(n))).toEqual([]);
  stylesKept(strFromU8(input['xl/styles.xml']!), strFromU8(output['xl/styles.xml']!));
  // Our sheets, drawings and charts were added.
  const added = Object.keys(output).filter((n) => !input[n]);
  expect(added.filter((n) => n.startsWith('xl/worksheets/sheet'))).toHaveLength(9);
  expect(added.some((n) => n.startsWith('xl/charts/chart'))).toBe(true);
  expect(packageProblems(readFileSync(first))).toEqual([]);
  // The app properties list the new sheets after the user's, counted.
  const titles = (xml: string) =>
    [...xml.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]).filter((t) => t !== 'Worksheets');
  const app = strFromU8(output['docProps/app.xml']!);
  const ours = added.length > 0 ? titles(app).slice(2) : [];
  expect(titles(app).slice(0, 2)).toEqual(['令和2年度実績', '進捗状況の推移']);
  expect(ours).toHaveLength(9);
  expect(ours.every((t) => t!.startsWith('RP_'))).toBe(true);
  expect(app).toContain('<vt:i4>11</vt:i4>');
  expect(app).toContain('<vt:vector size="11" baseType="lpstr">');

  // Summarising the copy again: the user's parts still the input's, our sheets replaced in place.
  expect((await runCli(['summarize', first, '--out', second])).code).toBe(0);
  const again = entries(second);
  expect(changed(input, again).filter((n) => !MAY_CHANGE.has(n))).toEqual([]);
  expect(Object.keys(again).sort()).toEqual(Object.keys(output).sort());
  expect(strFromU8(again['docProps/app.xml']!)).toEqual(app);
  expect(packageProblems(readFileSync(second))).toEqual([]);
});

test('a package without a styles part gets ours: every original part kept, the styles part added', async () => {
  const dir = tmpDir();
  const input = join(dir, 'nostyles.xlsx');
  const out = join(dir, 'summary.xlsx');
  const files = unzipSync(readFileSync('examples/kasama-r2.xlsx'));
  delete files['xl/styles.xml'];
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  files['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace(/<Relationship [^>]*styles\.xml"\/>/, ''));
  const types = strFromU8(files['[Content_Types].xml']!);
  files['[Content_Types].xml'] = strToU8(types.replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''));
  expect(strFromU8(files['xl/_rels/workbook.xml.rels']!)).not.toContain('styles.xml');
  writeFileSync(input, zipSync(files));
  const run = await runCli(['summarize', input, '--out', out]);
  expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining('注意')]);
  const before = entries(input);
  const after = entries(out);
  expect(changed(before, after).filter((n) => !MAY_CHANGE.has(n))).toEqual([]);
  expect(strFromU8(after['xl/_rels/workbook.xml.rels']!)).toContain('Target="styles.xml"');
  expect(strFromU8(after['xl/styles.xml']!)).toContain('<name val="Yu Gothic"/>');
  expect(packageProblems(readFileSync(out))).toEqual([]);
});

test('a package whose styles the summary cannot be appended to is refused: nothing written, the user told why', async () => {
  const dir = tmpDir();
  const input = join(dir, 'nofonts.xlsx');
  const out = join(dir, 'summary.xlsx');
  const files = unzipSync(readFileSync('examples/kasama-r2.xlsx'));
  const styles = strFromU8(files['xl/styles.xml']!);
  const fonts = styles.indexOf('<fonts');
  files['xl/styles.xml'] = strToU8(
    styles.slice(0, fonts) + styles.slice(styles.indexOf('</fonts>') + '</fonts>'.length),
  );
  writeFileSync(input, zipSync(files));
  const run = await runCli(['summarize', input, '--out', out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('何も書き込みませんでした');
  // The part is named; the reason is in the user's language, with no English inside the Japanese.
  expect(run.stderr).toContain('ブック内の xl/styles.xml が想定外の形式のため');
  expect(run.stderr.replace(/xl\/styles\.xml|summary\.xlsx|Excel|\/[^\s（）]+/g, '')).not.toMatch(
    /[A-Za-z]{3,}/,
  );
  expect(existsSync(out)).toBe(false);
  const english = await runCli(['summarize', input, '--out', out, '--lang', 'en']);
  expect(english.stderr).toContain('nothing was written');
  expect(english.stderr).toContain('xl/styles.xml inside it has a form we do not expect');
});

test('.xlsm: the summary goes into a copy that keeps its macros', async () => {
  const dir = tmpDir();
  const input = join(dir, 'plan.xlsm');
  const out = join(dir, 'summary.xlsm');
  macroWorkbook('examples/kasama-r2.xlsx', input);
  expect((await runCli(['summarize', input, '--out', out])).code).toBe(0);
  const before = entries(input);
  const after = entries(out);
  expect(Buffer.from(after['xl/vbaProject.bin']!)).toEqual(Buffer.from(before['xl/vbaProject.bin']!));
  expect(strFromU8(after['[Content_Types].xml']!)).toContain('macroEnabled.main+xml');
  expect(strFromU8(after['xl/_rels/workbook.xml.rels']!)).toContain('vbaProject.bin');
  stylesKept(strFromU8(before['xl/styles.xml']!), strFromU8(after['xl/styles.xml']!));
  expect(changed(before, after).filter((n) => !MAY_CHANGE.has(n))).toEqual([]);
  expect(packageProblems(readFileSync(out))).toEqual([]);
});

test('every workbook the CLI writes passes the package rules (summaries, consolidated, templates, rollover)', async () => {
  const dir = tmpDir();
  const outputs: string[] = [];
  const run = async (args: string[], out: string) => {
    const result = await runCli([...args, out]);
    expect([args.join(' '), result.code]).toEqual([args.join(' '), 0]);
    outputs.push(out);
  };
  await run(['summarize', 'examples/kasama-r2.xlsx', '--out'], join(dir, 'single.xlsx'));
  await run(['summarize', 'examples/departments', '--out'], join(dir, 'consolidated.xlsx'));
  await run(['rollover', 'examples/kasama-r2.xlsx', '--out'], join(dir, 'rolled.xlsx'));
  await run(['template', '--plan', 'examples/plans/kasama-4th-plan.json', '--out'], join(dir, 'templates'));
  const templates = (await import('node:fs'))
    .readdirSync(join(dir, 'templates'))
    .map((f) => join(dir, 'templates', f));
  for (const file of [...outputs.filter((o) => o.endsWith('.xlsx')), ...templates])
    expect([file, packageProblems(readFileSync(file))]).toEqual([file, []]);
  expect(templates.length).toBeGreaterThan(0);
});
