/**
 * The pane's findings list, its dialog and its live region, and the preview's file opening, in Debian's
 * Chromium (playwright-core) on the preview built by `npm test` (dist/web): what a keyboard and a
 * screen-reader user meet, read from the real page.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { browserSession, describeInBrowser as maybe } from '../helpers/browser';
import { lieAboutSizes } from '../helpers/lyingZip';
import { variantWorkbook } from '../helpers/variantWorkbook';

/** A cell pointing past the end of the shared strings: our reader takes it (ExcelJS threw "reading 'richText'"). */
async function sharedStringPastTheEnd(good: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheet)!.async('string');
  zip.file(sheet, xml.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2'));
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

type Violation = { id: string; impact: string; nodes: number };

maybe('the pane and the preview, for keyboard and screen-reader users', () => {
  const session = browserSession();

  async function open(): Promise<Page> {
    const context = await session.browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${session.base}/preview.html`);
    await page.getByRole('button', { name: 'チェックする' }).waitFor();
    // Every text the pane's live region holds, in order, as a screen reader would be told them.
    await page.evaluate(() => {
      const region = document.querySelector('aside [role="status"]')!;
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => {
        const text = region.textContent ?? '';
        if (text && heard[heard.length - 1] !== text) heard.push(text);
      }).observe(region, { childList: true, subtree: true, characterData: true });
    });
    return page;
  }

  const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

  async function seriousViolations(page: Page): Promise<Violation[]> {
    if (!(await page.evaluate(() => 'axe' in window)))
      await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
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
      // The pane and Fluent's portals (dialogs); Fluent's focus-trap sentinels are invisible by design.
      const result = await axe.run(
        { include: [['aside'], ['.fui-Portal']], exclude: [['[data-tabster-dummy]']] },
        { resultTypes: ['violations'] },
      );
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  test('集計表を作成: progress and result announced, the reconciliation in the findings list, the download only once there is something new', async () => {
    const page = await open();
    const download = page.getByRole('button', { name: /ダウンロード/ });
    expect(await download.isDisabled()).toBe(true);
    await page.getByText('ダウンロードできる変更はまだありません。 / Nothing new to download yet.').waitFor();

    await page.getByRole('tab', { name: '集計表を作成' }).click();
    await page.getByRole('button', { name: '集計表を作成' }).click();
    const list = page.getByRole('region', { name: /集計表を作成の結果/ });
    await list
      .getByText(/手入力の集計表の/)
      .first()
      .waitFor();
    const mismatches = await list.getByText(/手入力の集計表の/).count();
    expect(mismatches).toBeGreaterThan(0);
    const said = await heard(page);
    expect(said).toContain('ブックを読み取っています');
    expect(said).toContain('集計しています');
    expect(said[said.length - 1]).toMatch(/^集計表を作成しました。進捗率 75\.7%・指摘 \d+件$/);
    expect(said[said.length - 1]).toContain(`指摘 ${1 + 4 + mismatches}件`);

    // A reconciliation finding goes to its cell of the hand-made table.
    const first = list.getByRole('button', { name: /へ移動.*手入力の集計表の/ }).first();
    const target = /(\S+)!([A-Z]+\d+) へ移動/.exec((await first.textContent()) ?? '')!;
    await first.click();
    await page
      .locator(`table[data-sheet="${target[1]}"] td[data-cell="${target[2]}"][aria-selected="true"]`)
      .waitFor();

    expect(await seriousViolations(page)).toEqual([]);

    // Written sheets are something new; once downloaded, nothing is until the next change.
    expect(await download.isEnabled()).toBe(true);
    await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(await download.isDisabled()).toBe(true);
    // The same list in 進捗チェック (its findings list is a lazy chunk: counted once it has rendered).
    await page.getByRole('tab', { name: '進捗チェック' }).click();
    const again = page.getByRole('region', { name: /集計表を作成の結果/ }).getByText(/手入力の集計表の/);
    await again.first().waitFor();
    expect(await again.count()).toBe(mismatches);
  }, 90_000);

  test('filters: hidden findings are counted, never passed off as none', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByText('70項目（R2）: エラー 0件・警告 1件・情報 4件').waitFor();
    expect((await heard(page)).slice(-2)).toEqual(['チェック中…', 'チェックが終わりました: 指摘 5件']);
    await page.getByRole('checkbox', { name: /情報/ }).uncheck();
    await page.getByText('ほかに4件をフィルターで非表示にしています。').waitFor();
    await page.getByRole('checkbox', { name: /警告/ }).uncheck();
    await page.getByText('表示する指摘はありません（5件をフィルターで非表示にしています）。').waitFor();
    expect(await page.getByText('指摘事項はありません。').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  test('統一: the characters named, focus on キャンセル, Esc returns focus to the button — twice; two Enters change nothing', async () => {
    const page = await open();
    await page.getByLabel(/ブックを開く/).setInputFiles({
      name: 'variants.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await variantWorkbook().xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: '令和2年度', exact: true }).waitFor();
    await page.getByRole('button', { name: 'チェックする' }).click();
    const unify = page.getByRole('button', { name: '記号を統一する（2件）' });
    await unify.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');

    for (const round of [1, 2]) {
      await unify.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('listitem').allTextContents()).toEqual([
        '令和2年度!E2: 〇 U+3007 漢数字のゼロ → ○ U+25CB 白丸',
        '令和2年度!D4: ◯ U+25EF 大きな白丸 → ○ U+25CB 白丸',
      ]);
      await page.waitForFunction(() => document.activeElement?.textContent === 'キャンセル');
      if (round === 1) expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.textContent === '記号を統一する（2件）');
      // Nothing of the pane is left hidden from assistive technology after the dialog closed.
      expect(await page.locator('aside [aria-hidden="true"]:not([data-tabster-dummy]) button').count()).toBe(
        0,
      );
      expect(await page.locator('[aria-hidden="true"] aside, aside[aria-hidden="true"]').count()).toBe(0);
    }
    // Enter opens the dialog, a second Enter presses キャンセル: no cell changes.
    await unify.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'キャンセル');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focused()).toBe('記号を統一する（2件）');
    expect(await page.locator('table[data-sheet="令和2年度"] td[data-cell="E2"]').textContent()).toBe('〇');
    // And confirming does change them.
    await unify.click();
    await page.getByRole('button', { name: '書き換える' }).click();
    await page.getByText('2件のセルを統一しました。').waitFor();
    expect(await page.locator('table[data-sheet="令和2年度"] td[data-cell="E2"]').textContent()).toBe('○');
  }, 90_000);

  test('取り込み: figures, the files read announced, every finding under its file; 進捗チェック checks the imported files', async () => {
    const page = await open();
    await page.getByRole('tab', { name: '取り込み' }).click();
    const good = readFileSync('examples/departments/総務部.xlsx');
    await page.getByLabel('部局のブックを選択（複数可）').setInputFiles([
      { name: '総務部.xlsx', mimeType: 'application/octet-stream', buffer: good },
      {
        name: '教育委員会.xlsx',
        mimeType: 'application/octet-stream',
        buffer: readFileSync('examples/departments/教育委員会.xlsx'),
      },
      {
        name: '途中まで.xlsx',
        mimeType: 'application/octet-stream',
        buffer: good.subarray(0, good.length >> 1),
      },
    ]);
    await page.getByText(/総務部\.xlsx: 21項目/).waitFor();
    expect(await page.getByTestId('result-rate').textContent()).toMatch(/^進捗率 \d+\.\d%（\d+\/22）$/);
    expect((await heard(page)).slice(-2)).toEqual([
      'ファイルを読み込んでいます…',
      '3ファイルを読み込みました（読み込めないファイル 1件）。',
    ]);
    const list = page.getByRole('region', { name: '取り込みの結果' });
    await list.getByRole('heading', { name: '途中まで.xlsx' }).waitFor();
    expect(await list.getByText(/途中までしか保存・コピーされていません/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: '進捗チェック' }).click();
    await page
      .getByText('チェックの対象: 取り込んだファイル（総務部.xlsx、教育委員会.xlsx、途中まで.xlsx）')
      .waitFor();
    await page.getByRole('button', { name: 'チェックする' }).click();
    await page.getByText(/^22項目（R2）/).waitFor();
  }, 90_000);

  test('the preview opens a damaged, encrypted, huge or non-xlsx file through the same reader as 取り込み: its message, no raw error', async () => {
    const page = await open();
    const good = readFileSync('examples/departments/総務部.xlsx');
    const cases: [string, Buffer, RegExp][] = [
      ['途中まで.xlsx', good.subarray(0, good.length >> 1), /途中までしか保存・コピーされていません/],
      [
        '保護付き.xlsx',
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(4096, 0x5a),
        ]),
        /パスワードで保護されている/,
      ],
      ['巨大.xlsx', lieAboutSizes(good, 0xf0000000), /大きすぎます/],
      [
        'メモ.xlsx',
        Buffer.from('これは表計算のファイルではありません'),
        /Excel ブック（\.xlsx）の形式ではありません/,
      ],
    ];
    for (const [name, buffer, reason] of cases) {
      await page
        .getByLabel(/ブックを開く/)
        .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
      const alert = page.locator('header [role="alert"]');
      await alert.getByText(new RegExp(`^${name.replace('.', '\\.')} を開けません`)).waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(reason);
      expect(text).toContain(`Cannot open ${name}`);
      expect(text).not.toMatch(
        /Cannot read properties|richText|Corrupted zip|JSZip|end of central directory|undefined/i,
      );
      // The workbook shown is still the one that was open.
      expect(await page.getByRole('button', { name: '令和2年度実績', exact: true }).count()).toBe(1);
    }
    // A file our reader accepts but ExcelJS could not load (a shared string past the end) opens: the
    // preview's workbook is the package as our reader reads it, as 取り込み reads it.
    await page.getByLabel(/ブックを開く/).setInputFiles({
      name: '文字列.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await sharedStringPastTheEnd(good),
    });
    await page.getByRole('button', { name: '総務課', exact: true }).waitFor();
    expect(await page.locator('header [role="alert"]').textContent()).toBe('');
  }, 90_000);
  test('部ごとのシートを作成 takes the years as 令和4〜8年度 too, and announces what it made', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'テンプレート・年度更新' }).click();
    await page.getByRole('textbox', { name: '計画の年度（例: R4-R8）' }).fill('令和4〜8年度');
    await page.getByRole('button', { name: '部ごとのシートを作成' }).click();
    await page.getByRole('button', { name: '総務部', exact: true }).click();
    expect((await heard(page)).pop()).toMatch(/^9部のシートを作成しました/);
    const cell = (a: string) => page.locator(`table[data-sheet="総務部"] td[data-cell="${a}"]`).textContent();
    expect([
      await cell('C7'),
      await cell('D7'),
      await cell('E7'),
      await cell('F7'),
      await cell('G7'),
    ]).toEqual(['R4', 'R5', 'R6', 'R7', 'R8']);
  }, 60_000);
});
