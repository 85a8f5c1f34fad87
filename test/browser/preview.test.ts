/**
 * The real task pane in a real browser: Debian's Chromium driven by playwright-core, on the preview
 * built by `npm test` (dist/web). With CI=true a missing Chromium fails; elsewhere these tests say
 * they were skipped and how to install it.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/xlsx/package/readXlsx';
import { browserSession, describeInBrowser as maybe } from '../helpers/browser';
import { packageProblems } from '../helpers/packageRules';
import { VARIANT_SHEET, variantWorkbook } from '../helpers/variantWorkbook';

maybe('the preview in Chromium', () => {
  const session = browserSession();

  async function open(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; requests: string[] }> {
    const context = await session.browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      ...options,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${session.base}/preview.html`);
    await page.getByRole('button', { name: 'チェックする' }).waitFor();
    return { page, requests };
  }

  test('check, go to a cell, create the summary, switch to English; only localhost is contacted', async () => {
    const { page, requests } = await open();
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByText('70項目（R2）: エラー 0件・警告 1件・情報 4件').waitFor();
    const finding = page.getByRole('button', { name: /令和2年度実績!J119 へ移動/ });
    await finding.click();
    await page.locator('td[data-cell="J119"][aria-selected="true"]').waitFor();
    expect(await page.locator('td[aria-selected="true"]').count()).toBe(1);

    await page.getByRole('tab', { name: '集計表を作成' }).click();
    await page.getByRole('button', { name: '集計表を作成' }).click();
    await page.getByTestId('result-rate').waitFor();
    expect(await page.getByTestId('result-rate').textContent()).toBe('進捗率 75.7%（53/70）');
    // The publication sheet comes first, as published: R2 ◎ 9, ○ 27 (25 + 2 ended), □ 17, ▲ 17, 75.7 %.
    const cell = (sheet: string, a: string) =>
      page.locator(`table[data-sheet="${sheet}"] td[data-cell="${a}"]`).textContent();
    expect([
      await cell('RP_公表用', 'I7'),
      await cell('RP_公表用', 'I8'),
      await cell('RP_公表用', 'I10'),
      await cell('RP_公表用', 'I11'),
      await cell('RP_公表用', 'J13'),
      await cell('RP_公表用', 'D13'),
    ]).toEqual(['9', '27', '17', '17', '75.7%', '76.5%']);
    await page.getByRole('navigation', { name: 'sheets' }).getByRole('button', { name: 'RP_集計表' }).click();
    expect(await cell('RP_集計表', 'C5')).toBe('9');
    expect(await page.getByRole('img', { name: '令和2年度の進捗状況' }).count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /ダウンロード/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kasama-r2-集計.xlsx');
    const zip = unzipSync(readFileSync((await download.path())!));
    expect(Object.keys(zip).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(4);

    await page.getByRole('button', { name: /表示言語を切り替え/ }).click();
    await page.getByRole('tab', { name: 'Check' }).click();
    await page.getByRole('button', { name: 'Run check' }).click();
    await page.getByText('70 items (R2): 0 errors, 1 warnings, 4 info').waitFor();

    const hosts = new Set(requests.map((u) => new URL(u).hostname));
    expect([...hosts]).toEqual(['127.0.0.1']);
  }, 60_000);

  test("opens the department samples and the user's own file", async () => {
    const { page } = await open();
    await page.getByLabel(/サンプル/).selectOption('departments/総務部.xlsx');
    await page.getByRole('button', { name: '総務課', exact: true }).waitFor();
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByText(/21項目（R2）/).waitFor();
    await page.getByLabel(/ブックを開く/).setInputFiles('examples/departments/教育委員会.xlsx');
    await page.getByRole('button', { name: '実施計画', exact: true }).waitFor();
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByText(/2項目（R2）/).waitFor();
  }, 60_000);

  test('the next year and the department sheets, in the preview workbook', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'テンプレート・年度更新' }).click();
    await page.getByRole('button', { name: '変更内容を確認' }).click();
    await page.getByText('「令和2年度実績」: 11表に R3 の進捗状況の列を追加').waitFor();
    await page.getByRole('button', { name: '列を追加する' }).click();
    await page.getByText('R3 の列を追加しました。').waitFor();
    const cell = (a: string) =>
      page.locator(`table[data-sheet="令和2年度実績"] td[data-cell="${a}"]`).textContent();
    expect([await cell('E7'), await cell('F7'), await cell('G6')]).toEqual(['R2', 'R3', '担当部']);

    await page.getByRole('textbox', { name: '計画の年度（例: R4-R8）' }).fill('R4-R8');
    await page.getByRole('button', { name: '部ごとのシートを作成' }).click();
    await page.getByText(/9部のシートを作成しました/).waitFor();
    await page.getByRole('button', { name: '総務部', exact: true }).click();
    await page.locator('table[data-sheet="総務部"] td[data-cell="C7"]').waitFor();
    expect(await page.locator('table[data-sheet="総務部"] td[data-cell="C7"]').textContent()).toBe('R4');
  }, 60_000);

  /** The downloaded file, read back by our reader and checked against the package rules. */
  async function downloaded(page: Page) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /ダウンロード/ }).click(),
    ]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    expect(packageProblems(bytes)).toEqual([]);
    const read = await readXlsx(bytes, download.suggestedFilename());
    if (!read.ok) throw new Error('the download does not read back');
    return { bytes, snapshot: read.snapshot };
  }

  test('dropdowns, the next year, department sheets and the summary all land in the downloaded file', async () => {
    const { page } = await open();
    const sheet = '令和2年度実績';
    await page.getByRole('tab', { name: '入力規則' }).click();
    await page.getByRole('button', { name: '入力規則を設定' }).click();
    await page.getByText('入力規則を設定しました。').waitFor();
    await page.getByRole('tab', { name: 'テンプレート・年度更新' }).click();
    await page.getByRole('button', { name: '変更内容を確認' }).click();
    await page.getByRole('button', { name: '列を追加する' }).click();
    await page.getByText('R3 の列を追加しました。').waitFor();
    await page.getByRole('textbox', { name: '計画の年度（例: R4-R8）' }).fill('R4-R8');
    await page.getByRole('button', { name: '部ごとのシートを作成' }).click();
    await page.getByText(/9部のシートを作成しました/).waitFor();
    await page.getByRole('tab', { name: '集計表を作成' }).click();
    await page.getByRole('button', { name: '集計表を作成' }).click();
    await page.getByTestId('result-rate').waitFor();

    const { bytes, snapshot } = await downloaded(page);
    const names = snapshot.sheets.map((s) => s.name);
    expect(names[0]).toBe(sheet);
    expect(names).toContain('総務部');
    expect(snapshot.ownedSheets.length).toBeGreaterThan(0);
    expect(snapshot.ownedSheets.every((n) => n.startsWith('RP_'))).toBe(true);
    const data = snapshot.sheets[0]!;
    expect(data.values[6 - data.top]?.[5 - data.left]).toBe('R3');
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<formula1>"◎,○,□,▲,終了"</formula1>');
  }, 90_000);

  test('統一 in the preview changes the cells of the file itself, their style kept', async () => {
    const { page } = await open();
    const wb = variantWorkbook();
    wb.getWorksheet(VARIANT_SHEET)!.getCell('E2').font = { bold: true };
    await page.getByLabel(/ブックを開く/).setInputFiles({
      name: 'variants.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: '令和2年度', exact: true }).waitFor();
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByRole('button', { name: '記号を統一する（2件）' }).click();
    await page.getByRole('button', { name: '書き換える' }).click();
    await page.getByText('2件のセルを統一しました。').waitFor();
    const { bytes, snapshot } = await downloaded(page);
    expect(snapshot.sheets[0]!.values.map((r) => r[3 - snapshot.sheets[0]!.left] ?? null)).toEqual([
      'R1',
      '○',
      '○',
      '○',
    ]);
    expect(snapshot.sheets[0]!.values[1]![4]).toBe('○');
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    // E2 keeps its (bold) style index; its text is written inline.
    expect(xml).toMatch(/<c r="E2" s="[1-9]\d*" t="inlineStr"><is><t xml:space="preserve">○<\/t><\/is><\/c>/);
  }, 90_000);

  test('no serious accessibility violations (axe-core)', async () => {
    const { page } = await open({ bypassCSP: true });
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByText(/70項目/).waitFor();
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const serious = async () => {
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                ctx: unknown,
                opts: unknown,
              ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        // Fluent's focus-trap sentinels (data-tabster-dummy) are invisible by design; axe misreads them.
        const result = await axe.run(
          { include: [['aside']], exclude: [['[data-tabster-dummy]']] },
          { resultTypes: ['violations'] },
        );
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    };
    expect(await serious()).toEqual([]);
    await page.getByRole('tab', { name: 'テンプレート・年度更新' }).click();
    await page.getByRole('button', { name: '変更内容を確認' }).click();
    await page.getByRole('button', { name: '列を追加する' }).waitFor();
    expect(await serious()).toEqual([]);
  }, 60_000);
});
