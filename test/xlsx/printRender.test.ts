/**
 * The printed summary: `summarize --out` on the examples, checked in the package's XML (a font named
 * on every style, no table text wider than its column, rate axes 0–100 %, legends with names, shares
 * on the doughnut, page headers and footers) and in LibreOffice's rendering (PDF → text and PNG: the
 * publication sheet's figures, page numbers and date; no serif fallback font on the summary pages).
 * Needs `soffice` (libreoffice-calc-nogui) and poppler-utils (pdftotext, pdffonts, pdftoppm); CI
 * installs them and fails without them. `RENDER_IMAGES=1` also copies the rendered pages to docs/images.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_LIMITS } from '../../src/xlsx/package/readXlsx';
import { EditablePackage } from '../../src/xlsx/rollover/package';
import { worksheetParts } from '../../src/xlsx/rollover/sheetEdits';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

const has = (tool: string) =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
const soffice = has('soffice');
const poppler = has('pdftoppm') && has('pdftotext') && has('pdffonts');
const ci = process.env.CI === 'true';
if ((!soffice || !poppler) && !ci)
  console.warn(
    'printRender: rendering skipped, needs LibreOffice and poppler-utils (apt-get install libreoffice-calc-nogui poppler-utils)',
  );
const rendering = (soffice && poppler) || ci ? test : test.skip;

const decode = (s: string) =>
  s.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );

/** Width in column units a text needs on one line, estimated independently of the layout code. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! >= 0x2e80 || /[◎○□▲△●■～]/.test(ch) ? 2 : 1;
  return n;
}

interface Xf {
  font: { name: string | null; size: number; bold: boolean };
  fill: string | null;
  bordered: boolean;
  wrap: boolean;
  horizontal: string | null;
  numFmt: string | null;
}

async function readStyles(zip: JSZip): Promise<Xf[]> {
  const xml = await zip.file('xl/styles.xml')!.async('string');
  const section = (tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
  const fonts = [...section('fonts').matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((m) => ({
    name: /<name val="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null,
    size: Number(/<sz val="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? 11),
    bold: /<b\/>/.test(m[1] ?? ''),
  }));
  const fills = [...section('fills').matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map(
    (m) => /<fgColor rgb="FF([0-9A-F]{6})"/.exec(m[1]!)?.[1] ?? null,
  );
  const borders = [...section('borders').matchAll(/<border>([\s\S]*?)<\/border>|<border\/>/g)].map((m) =>
    /style="thin"/.test(m[1] ?? ''),
  );
  const numFmts = new Map(
    [...section('numFmts').matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [
      Number(m[1]),
      decode(m[2]!),
    ]),
  );
  return [...section('cellXfs').matchAll(/<xf ([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => {
    const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(m[1]!)?.[1] ?? 0);
    const inner = m[2] ?? '';
    return {
      font: fonts[attr('fontId')]!,
      fill: fills[attr('fillId')] ?? null,
      bordered: borders[attr('borderId')] ?? false,
      wrap: /wrapText="1"/.test(inner),
      horizontal: /horizontal="(\w+)"/.exec(inner)?.[1] ?? null,
      numFmt: numFmts.get(attr('numFmtId')) ?? (attr('numFmtId') === 10 ? '0.00%' : null),
    };
  });
}

interface Cell {
  row: number;
  col: number;
  text: string;
  xf: Xf;
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

async function readSheet(zip: JSZip, part: string, styles: Xf[], strings: string[]) {
  const xml = await zip.file(part)!.async('string');
  const widths = new Map<number, number>();
  for (const m of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g))
    for (let c = Number(m[1]); c <= Number(m[2]); c += 1) widths.set(c - 1, Number(m[3]));
  const cells: Cell[] = [];
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const xf = styles[Number(/ s="(\d+)"/.exec(m[3]!)?.[1] ?? 0)]!;
    const raw = /<v>([\s\S]*?)<\/v>/.exec(m[4] ?? '')?.[1];
    const type = / t="(\w+)"/.exec(m[3]!)?.[1];
    let text = '';
    if (raw !== undefined) {
      if (type === 's') text = strings[Number(raw)]!;
      else if (type === 'str' || type === 'inlineStr') text = decode(raw);
      else if (xf.numFmt?.includes('%')) text = `${(Number(raw) * 100).toFixed(1)}%`;
      else text = Number(raw).toLocaleString('en-US');
    }
    cells.push({ row: Number(m[2]) - 1, col: colIndex(m[1]!), text, xf });
  }
  return { xml, widths, cells };
}

async function openPackage(file: string) {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const styles = await readStyles(zip);
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decode([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const parts = worksheetParts(new EditablePackage(bytes, DEFAULT_LIMITS.maxUncompressedBytes));
  const sheets = new Map<string, Awaited<ReturnType<typeof readSheet>>>();
  for (const [name, part] of parts)
    if (name.startsWith('RP_')) sheets.set(name, await readSheet(zip, part, styles, strings));
  const charts = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .map((f) => zip.file(f)!.async('string')),
  );
  return { sheets, charts };
}

/** Table text that does not fit its column (or, centred across, its run of columns) on its lines. */
function clipped(sheet: Awaited<ReturnType<typeof readSheet>>): string[] {
  const out: string[] = [];
  const width = (c: number) => sheet.widths.get(c) ?? 8.43;
  const at = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const cell of sheet.cells) {
    if (cell.text === '' || !(cell.xf.bordered || cell.xf.fill)) continue;
    let room = width(cell.col);
    if (cell.xf.horizontal === 'centerContinuous')
      for (let c = cell.col + 1; at.get(`${cell.row},${c}`)?.xf.horizontal === 'centerContinuous'; c += 1) {
        if (at.get(`${cell.row},${c}`)!.text !== '') break;
        room += width(c);
      }
    const header = cell.xf.fill !== null && cell.xf.font.bold;
    // Wrapped text may take as many lines as it needs in the body; a header at most two.
    if (cell.xf.wrap && !header) continue;
    const lines = cell.xf.wrap ? 2 : 1;
    const need = (units(cell.text) * 1.05 * (cell.xf.font.size / 11)) / lines;
    if (need > room) out.push(`${cell.text} (needs ${need.toFixed(1)}, has ${room.toFixed(1)})`);
  }
  return out;
}

function render(xlsx: string, dir: string, pdfName: string, pageRange?: string): string {
  const filter = pageRange
    ? `pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"${pageRange}"}}`
    : 'pdf';
  execFileSync(
    soffice,
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to',
      filter,
      '--outdir',
      dir,
      xlsx,
    ],
    { timeout: 120_000, stdio: 'ignore' },
  );
  const produced = join(
    dir,
    xlsx
      .split('/')
      .pop()!
      .replace(/\.xlsx$/, '.pdf'),
  );
  const target = join(dir, pdfName);
  copyFileSync(produced, target);
  return target;
}

const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
    encoding: 'utf8',
  });

function pageCount(pdf: string): number {
  let n = 0;
  while (spawnSync('pdftotext', ['-f', String(n + 1), '-l', String(n + 1), pdf, '/dev/null']).status === 0) {
    n += 1;
    if (n > 200) break;
  }
  return n;
}

const dir = tmpDir();
const kasama = join(dir, 'kasama.xlsx');
const departments = join(dir, 'departments.xlsx');

beforeAll(async () => {
  expect((await runCli(['summarize', 'examples/kasama-r2.xlsx', '--out', kasama])).code).toBe(0);
  expect((await runCli(['summarize', 'examples/departments', '--out', departments])).code).toBeLessThan(2);
}, 120_000);

describe.each([
  ['kasama-r2.xlsx', () => kasama],
  ['departments', () => departments],
])('the summary of %s in its package', (_, file) => {
  test('every style of the summary sheets names its font (no serif fallback for bold cells)', async () => {
    const { sheets } = await openPackage(file());
    expect(sheets.size).toBeGreaterThanOrEqual(8);
    for (const [name, sheet] of sheets) {
      const unnamed = sheet.cells.filter((c) => c.text !== '' && c.xf.font.name !== 'Yu Gothic');
      expect({ name, unnamed: unnamed.map((c) => c.text).slice(0, 5) }).toEqual({ name, unnamed: [] });
    }
  });

  test('no header or table text is wider than its column', async () => {
    const { sheets } = await openPackage(file());
    for (const [name, sheet] of sheets)
      expect({ name, clipped: clipped(sheet) }).toEqual({ name, clipped: [] });
  });

  test('page header and footer on every summary sheet: plan, page x / y, date of preparation', async () => {
    const { sheets } = await openPackage(file());
    for (const [name, sheet] of sheets) {
      expect({ name, footer: /<oddFooter>([^<]*)<\/oddFooter>/.exec(sheet.xml)?.[1] }).toEqual({
        name,
        footer: expect.stringMatching(
          /&amp;C.*&amp;P \/ &amp;N ページ.*&amp;R.*作成日 \d{4}年\d{1,2}月\d{1,2}日/,
        ),
      });
      expect(sheet.xml).toMatch(/<oddHeader>&amp;L[^<]*行財政改革[^<]*実施計画/);
    }
  });

  test('charts: rate axis 0–100 %, legends with names, shares on the doughnut, no label on a zero segment', async () => {
    const { charts } = await openPackage(file());
    const line = charts.find((c) => c.includes('<c:lineChart>'))!;
    expect(line).toMatch(
      /<c:scaling><c:orientation val="minMax"\/><c:max val="1"\/><c:min val="0"\/><\/c:scaling>/,
    );
    const doughnut = charts.find((c) => c.includes('<c:doughnutChart>'))!;
    expect(doughnut).toContain('<c:showVal val="1"/>');
    expect(doughnut).toContain('<c:showPercent val="1"/>');
    const columns = charts.find((c) => c.includes('<c:barDir val="col"/>'))!;
    expect(columns).toContain('<c:tx><c:v>◎ 進んでいる</c:v></c:tx>');
    expect(columns).toContain('<c:tx><c:v>▲ 遅れている</c:v></c:tx>');
    const stacked = charts.find((c) => c.includes('<c:barDir val="bar"/>'))!;
    expect(stacked).toContain('<c:tx><c:v>□ ほぼ計画どおり（計画の8割以上）</c:v></c:tx>');
    // Every zero in the stacked bars' cached values has its label deleted.
    for (const ser of stacked.split('<c:ser>').slice(1)) {
      const zeros = [...ser.matchAll(/<c:pt idx="(\d+)"><c:v>0<\/c:v><\/c:pt>/g)].map((m) => m[1]);
      for (const idx of zeros)
        expect(ser).toContain(`<c:dLbl><c:idx val="${idx}"/><c:delete val="1"/></c:dLbl>`);
    }
  });

  test('the item table prints on pages across at full size with its header and names repeated', async () => {
    const { sheets } = await openPackage(file());
    const items = [...sheets].find(([n]) => n === 'RP_項目一覧' || n === 'RP_取込項目')![1];
    expect(items.xml).not.toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(items.xml).not.toContain('<pageSetUpPr fitToPage="1"/>');
  });
});

rendering(
  'LibreOffice renders the publication sheet: H29 (as published) to R2 with 76.5 / 83.8 / 85.3 / 75.7 %, pages numbered and dated, no serif font',
  async () => {
    expect(soffice).not.toBe('');
    const whole = render(kasama, dir, 'kasama-all.pdf');
    const pages = pageCount(whole);
    const first = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
      pageText(whole, p).includes('第3次笠間市行財政改革大綱実施計画の進捗状況（平成29年度～令和2年度）'),
    )!;
    expect(first).toBeGreaterThan(0);
    const text = pageText(whole, first).replace(/[ \t]+/g, ' ');
    expect(text).toMatch(/平成29年度 平成30年度 令和元年度 令和2年度/);
    expect(text).toMatch(/公表値（項目データなし） 項目データから計算/);
    expect(text).toMatch(/進捗率 － 76\.5% 57 83\.8% 58 85\.3% 53 75\.7%/);
    expect(text).toMatch(/\d+ \/ \d+ ページ/);
    expect(text).toMatch(/作成日 \d{4}年\d{1,2}月\d{1,2}日/);

    // Only the summary's pages (the user's own sheets come first and keep their own fonts).
    const summary = render(kasama, dir, 'kasama-summary.pdf', `${first}-${pages}`);
    const fonts = execFileSync('pdffonts', [summary], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJK/);
    expect(fonts).not.toMatch(/Serif/);

    const depts = render(departments, dir, 'departments.pdf');
    const deptText = pageText(depts, 1).replace(/[ \t]+/g, ' ');
    expect(deptText).toMatch(/平成30年度 令和元年度 令和2年度/);
    expect(deptText).not.toContain('平成29年度');
    expect(execFileSync('pdffonts', [depts], { encoding: 'utf8' })).not.toMatch(/Serif/);

    // The pages as PNG (what the README shows).
    const shots: [string, string, number][] = [
      ['publication-sheet', summary, 1],
      ['summary-sheet', summary, 2],
      ['history-sheet', summary, 3],
      ['breakdown-sheet', summary, 4],
    ];
    for (const [name, pdf, page] of shots) {
      execFileSync('pdftoppm', [
        '-f',
        String(page),
        '-l',
        String(page),
        '-r',
        '80',
        '-png',
        '-singlefile',
        pdf,
        join(dir, name),
      ]);
      const png = join(dir, `${name}.png`);
      expect(statSync(png).size).toBeGreaterThan(20_000);
      if (process.env.RENDER_IMAGES === '1') copyFileSync(png, join('docs/images', `${name}.png`));
    }
  },
  300_000,
);
