/**
 * The charts open in LibreOffice: the summary workbook is converted by LibreOffice headless to .ods,
 * and each chart must come back as a chart object of the right kind with its title and its values.
 * Needs `soffice` (Debian: libreoffice-calc-nogui); CI installs it and fails without it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const ci = process.env.CI === 'true';

if (!soffice && !ci) {
  console.warn(
    'chartsRender: skipped, LibreOffice is not installed (apt-get install libreoffice-calc-nogui)',
  );
}

const maybe = soffice || ci ? test : test.skip;

maybe(
  'LibreOffice opens every chart with its type, title and values',
  async () => {
    expect(soffice).not.toBe('');
    const dir = tmpDir();
    const xlsx = join(dir, 'summary.xlsx');
    expect((await runCli(['summarize', 'examples/kasama-r2.xlsx', '--out', xlsx])).code).toBe(0);
    execFileSync(
      soffice,
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'ods',
        '--outdir',
        dir,
        xlsx,
      ],
      { timeout: 120_000, stdio: 'ignore' },
    );
    expect(readdirSync(dir)).toContain('summary.ods');
    const ods = await JSZip.loadAsync(readFileSync(join(dir, 'summary.ods')));
    const objects = Object.keys(ods.files).filter((f) => /^Object \d+\/content\.xml$/.test(f));
    const charts = await Promise.all(
      objects.map(async (f) => {
        const xml = await ods.file(f)!.async('string');
        return {
          kind: /<chart:chart [^>]*chart:class="chart:(\w+)"/.exec(xml)?.[1],
          title: /<chart:title[^>]*><text:p>([^<]*)/.exec(xml)?.[1],
          xml,
        };
      }),
    );
    const byTitle = Object.fromEntries(charts.map((c) => [c.title, c]));
    expect(Object.keys(byTitle).sort()).toEqual(
      ['令和2年度の進捗状況', '担当部別の進捗状況', '進捗状況の内訳の推移', '進捗率の推移'].sort(),
    );
    expect(byTitle['令和2年度の進捗状況']!.kind).toBe('ring');
    expect(byTitle['進捗率の推移']!.kind).toBe('line');
    expect(byTitle['担当部別の進捗状況']!.kind).toBe('bar');
    // The doughnut's cached values are the R2 counts.
    const doughnut = byTitle['令和2年度の進捗状況']!.xml;
    for (const n of [9, 25, 17, 2]) expect(doughnut).toContain(`office:value="${n}"`);
  },
  180_000,
);
