/** @jest-environment jsdom */
import './setup';
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { HostError } from '../../src/core/hostPort';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbookBuffer';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { MemoryHost } from '../helpers/memoryHost';
import { workbook } from '../helpers/snapshot';

let kasama: WorkbookSnapshot;
beforeAll(async () => {
  const outcome = await readWorkbookBuffer(readFileSync('examples/kasama-r2.xlsx'), 'kasama-r2.xlsx');
  if (!outcome.ok) throw new Error('example');
  kasama = outcome.snapshot;
});

const variantBook = () =>
  workbook('book.xlsx', [
    {
      name: '令和2年度',
      rows: [
        ['施策', '番号', '実施項目', 'R1', 'R2'],
        ['業務改善', 1, '窓口の改善', '○', '〇'],
        ['業務改善', 2, '会議の改善', '○', '△'],
        ['業務改善', 3, '研修', '◯', '○'],
      ],
    },
  ]);

async function renderPane(host: MemoryHost, lang: 'ja' | 'en' = 'ja') {
  const user = userEvent.setup();
  render(<App host={host} initialLang={lang} />);
  await waitFor(() => expect(host.callsOf('loadSettings')).toHaveLength(1));
  return user;
}

test('進捗チェック: findings by sheet; clicking one selects its cell; the severity filter hides', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await screen.findByText(/3項目（R2）: エラー 1件・警告 2件・情報 0件/);
  const unknown = await screen.findByRole('button', { name: /令和2年度!E3 へ移動/ });
  await user.click(unknown);
  expect(host.callsOf('selectCell')).toEqual([['令和2年度', 'E3']]);
  await user.click(screen.getByRole('checkbox', { name: /警告/ }));
  expect(screen.queryByRole('button', { name: /令和2年度!E2 へ移動/ })).toBeNull();
  expect(screen.getByRole('button', { name: /令和2年度!E3 へ移動/ })).toBeTruthy();
  // Hidden findings are counted, never passed off as "no findings".
  expect(screen.getByText('ほかに2件をフィルターで非表示にしています。')).toBeTruthy();
  await user.click(screen.getByRole('checkbox', { name: /エラー/ }));
  expect(screen.getByText('表示する指摘はありません（3件をフィルターで非表示にしています）。')).toBeTruthy();
  expect(screen.queryByText('指摘事項はありません。')).toBeNull();
});

test('統一する: the confirmation lists exactly the cells, and only confirming writes them', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await user.click(await screen.findByRole('button', { name: '記号を統一する（2件）' }));
  const list = await screen.findByRole('list', { name: '次のセルを書き換えます' });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    '令和2年度!E2: 〇 U+3007 漢数字のゼロ → ○ U+25CB 白丸',
    '令和2年度!D4: ◯ U+25EF 大きな白丸 → ○ U+25CB 白丸',
  ]);
  await user.click(screen.getByRole('button', { name: 'キャンセル' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(host.callsOf('writeCells')).toHaveLength(0);
  // Focus goes back to the button that opened the dialog.
  await waitFor(() => expect(document.activeElement?.textContent).toBe('記号を統一する（2件）'));
  await user.click(await screen.findByRole('button', { name: '記号を統一する（2件）' }));
  // jsdom only (timing): Fluent's modalizer leaves aria-hidden on the dialog shown a second time, so
  // the button is looked up including hidden elements here. In Chromium it is not hidden: see
  // test/browser/pane.test.ts, which opens and closes the dialog twice and reads it each time.
  await user.click(await screen.findByRole('button', { name: '書き換える', hidden: true }));
  await screen.findByText('2件のセルを統一しました。');
  expect(host.callsOf('writeCells')).toEqual([
    [
      [
        { sheet: '令和2年度', cell: 'E2', expected: '〇', value: '○' },
        { sheet: '令和2年度', cell: 'D4', expected: '◯', value: '○' },
      ],
    ],
  ]);
  expect(screen.queryByRole('button', { name: /記号を統一する/ })).toBeNull();
});

test('集計表を作成: writes the plan and shows 9 / 25 / 17 / 17 / 2 and 75.7 %', async () => {
  const host = new MemoryHost(kasama);
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '集計表を作成' }));
  await user.click(await screen.findByRole('button', { name: '集計表を作成' }));
  const rate = await screen.findByTestId('result-rate', {}, { timeout: 5000 });
  expect(rate.textContent).toBe('進捗率 75.7%（53/70）');
  const counts = screen.getByTestId('result-counts');
  expect(
    ['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended'].map(
      (k) => counts.querySelector(`[data-mark="${k}"]`)!.textContent,
    ),
  ).toEqual(['9', '25', '17', '17', '2']);
  expect(host.plans).toHaveLength(1);
  expect(host.plans[0]!.sheets[0]!.name).toBe('RP_公表用');
  expect(screen.queryByRole('note')).toBeNull();
});

test('集計表を作成 on a host without charts says that only tables were written', async () => {
  const host = new MemoryHost(kasama);
  host.caps = { ...host.caps, charts: false };
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '集計表を作成' }));
  await user.click(await screen.findByRole('button', { name: '集計表を作成' }));
  expect((await screen.findByRole('note', {}, { timeout: 5000 })).textContent).toContain(
    'ExcelApi 1.7 が必要',
  );
});

test('a user sheet named like ours: the message bar says so, nothing is written', async () => {
  const host = new MemoryHost({
    ...kasama,
    sheets: [
      ...kasama.sheets,
      { name: 'RP_集計表', top: 0, left: 0, values: [['メモ']], merges: [], hidden: false },
    ],
  });
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '集計表を作成' }));
  await user.click(await screen.findByRole('button', { name: '集計表を作成' }));
  const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
  expect(alert.textContent).toContain('シート「RP_集計表」は利用者のシートのため上書きしません');
  expect(host.plans).toHaveLength(0);
});

test('取り込み: two department files are read in the pane and consolidated into the open workbook', async () => {
  const host = new MemoryHost(workbook('open.xlsx', [{ name: 'Sheet1', rows: [] }]));
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '取り込み' }));
  const input = (await screen.findByLabelText('部局のブックを選択（複数可）')) as HTMLInputElement;
  const file = (name: string) => {
    const bytes = readFileSync(`examples/departments/${name}`);
    const f = new File([bytes], name);
    Object.defineProperty(f, 'arrayBuffer', {
      value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
    return f;
  };
  await act(async () => {
    fireEvent.change(input, { target: { files: [file('総務部.xlsx'), file('教育委員会.xlsx')] } });
  });
  await screen.findByText(/総務部\.xlsx: 21項目/, {}, { timeout: 10000 });
  expect(screen.getByText(/教育委員会\.xlsx: 2項目/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '取り込んで集計表を作成' }));
  await waitFor(() => expect(host.plans).toHaveLength(1));
  expect(host.plans[0]!.sheets.map((s) => s.name)).toContain('RP_取込項目');
  const items = host.plans[0]!.sheets.find((s) => s.name === 'RP_取込項目')!;
  expect(items.values).toHaveLength(1 + 22);
});

/** A file as the browser's file input hands it over, with the given bytes. */
function chosenFile(name: string, bytes: Uint8Array): File {
  const own = new Uint8Array(bytes); // a copy with an ArrayBuffer of its own, as a File's bytes are
  const f = new File([own], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => own.buffer });
  return f;
}

test('取り込み: a truncated and a password-protected file are named as unreadable with the reason; the good one is still consolidated', async () => {
  const host = new MemoryHost(workbook('open.xlsx', [{ name: 'Sheet1', rows: [] }]));
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '取り込み' }));
  const input = (await screen.findByLabelText('部局のブックを選択（複数可）')) as HTMLInputElement;
  const good = readFileSync('examples/departments/総務部.xlsx');
  // The same damage as test/xlsx/hostile.test.ts gives the CLI: cut in half, and an OLE2 header (what an encrypted .xlsx is).
  const truncated = chosenFile('途中まで.xlsx', good.subarray(0, Math.floor(good.length / 2)));
  const encrypted = chosenFile(
    '保護付き.xlsx',
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0x5a)]),
  );
  await act(async () => {
    fireEvent.change(input, { target: { files: [truncated, encrypted, chosenFile('総務部.xlsx', good)] } });
  });
  await screen.findByText(/総務部\.xlsx: 21項目/, {}, { timeout: 10000 });
  const rows = within(screen.getByRole('list', { name: '取り込み' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
  expect(rows).toHaveLength(3);
  expect(rows[0]).toMatch(/^途中まで\.xlsx: 読み込めません.*途中までしか保存・コピーされていません/);
  expect(rows[1]).toMatch(/^保護付き\.xlsx: 読み込めません.*パスワードで保護されている/);
  await user.click(screen.getByRole('button', { name: '取り込んで集計表を作成' }));
  await waitFor(() => expect(host.plans).toHaveLength(1));
  const sheet = (name: string) => host.plans[0]!.sheets.find((s) => s.name === name)!;
  expect(sheet('RP_項目一覧').values).toHaveLength(1 + 21);
  // The findings sheet names both files as unreadable, so the summary does not pass for all of them.
  const unreadable = sheet('RP_検証結果').values.filter((row) => row.includes('file.unreadable'));
  expect(unreadable.map((row) => row.find((v) => v === '途中まで.xlsx' || v === '保護付き.xlsx'))).toEqual([
    '途中まで.xlsx',
    '保護付き.xlsx',
  ]);
});

test('入力規則を設定: dropdowns on the detected status columns; hidden where unsupported', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await screen.findByText(/3項目/);
  await user.click(screen.getByRole('tab', { name: '入力規則' }));
  await screen.findByText(/D2:E4/);
  await user.click(screen.getByRole('button', { name: '入力規則を設定' }));
  await screen.findByText('入力規則を設定しました。');
  expect(host.callsOf('installDropdowns')).toEqual([['令和2年度', ['D2:E4'], ['◎', '○', '□', '▲', '終了']]]);
  host.caps = { ...host.caps, dataValidation: false };
  await user.click(screen.getByRole('tab', { name: '設定' }));
  await user.click(screen.getByRole('tab', { name: '入力規則' }));
  expect(await screen.findByText(/ExcelApi 1.8 が必要/)).toBeTruthy();
});

test('設定: saved in the workbook and read back; invalid stored settings are reported and defaults used', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '設定' }));
  await user.click(await screen.findByRole('radio', { name: '項目数・進捗率から除外' }));
  await user.click(screen.getByRole('radio', { name: '中間実績（10月）' }));
  await user.click(screen.getByRole('button', { name: '保存' }));
  await screen.findByText('設定をブックに保存しました。');
  expect(host.settings).toMatchObject({ endedRule: 'exclude', reportKind: 'midYear' });

  const reopened = new MemoryHost(variantBook());
  reopened.settings = host.settings;
  document.body.innerHTML = '';
  const user2 = await renderPane(reopened);
  await user2.click(screen.getByRole('tab', { name: '設定' }));
  expect(
    ((await screen.findByRole('radio', { name: '項目数・進捗率から除外' })) as HTMLInputElement).checked,
  ).toBe(true);

  const broken = new MemoryHost(variantBook());
  broken.settings = { endedRule: 'sometimes' };
  document.body.innerHTML = '';
  await renderPane(broken);
  expect(await screen.findByText(/保存されている設定が正しくないため/)).toBeTruthy();
});

test('English: every label switches', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  await user.click(screen.getByRole('button', { name: /表示言語を切り替え/ }));
  expect(screen.getByRole('button', { name: 'Run check' })).toBeTruthy();
  expect(screen.getByRole('tab', { name: 'Summary' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Run check' }));
  await screen.findByText(/3 items \(R2\): 1 errors, 2 warnings, 0 info/);
});

test('errors from Excel are shown with what to do', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  host.failNext = new HostError('cellEdit', 'InvalidOperationInCellEditMode', {});
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  expect((await screen.findByRole('alert')).textContent).toContain('セルの編集中は実行できません');
});

test('one action plumbing: busy while working, a failure in the message bar, cleared by the next action', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  let release: () => void = () => undefined;
  const read = host.readSnapshot.bind(host);
  host.readSnapshot = () => new Promise((resolve) => (release = () => resolve(read())));
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  // Busy: the button is disabled and says so until the host answers.
  expect((screen.getByRole('button', { name: 'チェック中…' }) as HTMLButtonElement).disabled).toBe(true);
  release();
  await screen.findByText(/3項目（R2）/);
  host.readSnapshot = read;
  host.failNext = new HostError('network', 'lost');
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  expect((await screen.findByRole('alert')).textContent).toContain('Excel との通信が途切れました');
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
});

test('results are announced: the live region exists before the result arrives, and holds it after', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  const live = screen.getByRole('status');
  expect(live.getAttribute('aria-live')).toBe('polite');
  expect(live.textContent).toBe('');
  await user.click(screen.getByRole('tab', { name: '設定' }));
  await user.click(await screen.findByRole('button', { name: '保存' }));
  await waitFor(() => expect(live.textContent).toBe('設定をブックに保存しました。'));
  // Another tab: the old result does not linger.
  await user.click(screen.getByRole('tab', { name: '進捗チェック' }));
  expect(live.textContent).toBe('');
});

test('設定: the grade scale is chosen in the pane; the summary then counts S/A/B/C and leaves 対象外 out of the rate', async () => {
  const book = workbook('sabc.xlsx', [
    {
      name: '令和5年度',
      rows: [
        ['施策', '番号', '取組項目', '令和5年度評価'],
        ['行政改革', 1, '窓口改善', 'S'],
        ['行政改革', 2, '電子申請', 'A'],
        ['行政改革', 3, '施設統合', 'C'],
        ['行政改革', 4, '跡地活用', '対象外'],
      ],
    },
  ]);
  const host = new MemoryHost(book);
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '設定' }));
  await user.selectOptions(await screen.findByRole('combobox', { name: '評価の段階' }), 'sabc');
  expect(await screen.findByText(/この段階の記号: S（特に良好） A（良好）/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '保存' }));
  await screen.findByText('設定をブックに保存しました。');
  expect(host.settings).toMatchObject({ scale: 'sabc' });
  await user.click(screen.getByRole('tab', { name: '集計表を作成' }));
  await user.click(await screen.findByRole('button', { name: '集計表を作成' }));
  const rate = await screen.findByTestId('result-rate', {}, { timeout: 5000 });
  expect(rate.textContent).toBe('進捗率 66.7%（2/3）');
  const rows = within(screen.getByTestId('result-counts'))
    .getAllByRole('row')
    .map((r) => r.textContent);
  expect(rows).toEqual(['S1', 'A1', 'B0', 'C1', '完了0', '対象外・未評価1']);
  // Dropdowns offer the scale's own marks.
  await user.click(screen.getByRole('tab', { name: '進捗チェック' }));
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await user.click(screen.getByRole('tab', { name: '入力規則' }));
  expect(await screen.findByText(/S A B C 完了 対象外 未評価 の選択リストを設定します: D2:D5/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '入力規則を設定' }));
  await screen.findByText('入力規則を設定しました。');
  expect(host.callsOf('installDropdowns')).toEqual([
    ['令和5年度', ['D2:D5'], ['S', 'A', 'B', 'C', '完了', '対象外', '未評価']],
  ]);
});

test('集計表を作成 with a target year no table has: says so, writes nothing', async () => {
  const host = new MemoryHost(kasama);
  host.settings = { targetYear: 'R9' };
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '集計表を作成' }));
  await user.click(await screen.findByRole('button', { name: '集計表を作成' }));
  expect(
    await screen.findByText(
      '令和9年度の進捗状況の列がどの表にもありません。設定の対象年度を確認してください。',
    ),
  ).toBeTruthy();
  expect(host.callsOf('applyPlan')).toHaveLength(0);
});

test('one findings list: after 集計表を作成 it holds the reconciliation with the hand-made tables too, in both tabs', async () => {
  const host = new MemoryHost(kasama);
  const user = await renderPane(host);
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await screen.findByText(/70項目（R2）: エラー 0件・警告 1件/);
  expect(screen.queryByText(/手入力の集計表/)).toBeNull();
  await user.click(screen.getByRole('tab', { name: '集計表を作成' }));
  await user.click(await screen.findByRole('button', { name: '集計表を作成' }));
  const list = await screen.findByRole('region', { name: /集計表を作成の結果/ }, { timeout: 5000 });
  const mismatches = within(list).getAllByText(/手入力の集計表の/);
  expect(mismatches.length).toBeGreaterThan(0);
  // Each one names its cell and takes the user there (the hand-made table is in the open workbook).
  const first = within(list).getAllByRole('button', { name: /へ移動.*手入力の集計表の/ })[0]!;
  await user.click(first);
  expect(host.callsOf('selectCell')).toHaveLength(1);
  await user.click(screen.getByRole('tab', { name: '進捗チェック' }));
  const inCheck = await screen.findByRole('region', { name: /集計表を作成の結果/ });
  expect(within(inCheck).getAllByText(/手入力の集計表の/)).toHaveLength(mismatches.length);
  expect(screen.getByText(new RegExp(`警告 ${1 + mismatches.length}件`))).toBeTruthy();
});

test('取り込み: the figures and every finding of the imported files at once; 進捗チェック then checks them and says so', async () => {
  const host = new MemoryHost(workbook('open.xlsx', [{ name: 'Sheet1', rows: [] }]));
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '取り込み' }));
  const input = (await screen.findByLabelText('部局のブックを選択（複数可）')) as HTMLInputElement;
  const good = readFileSync('examples/departments/総務部.xlsx');
  const truncated = chosenFile('途中まで.xlsx', good.subarray(0, Math.floor(good.length / 2)));
  await act(async () => {
    fireEvent.change(input, { target: { files: [truncated, chosenFile('総務部.xlsx', good)] } });
  });
  await screen.findByText(/総務部\.xlsx: 21項目/, {}, { timeout: 10000 });
  // Figures before anything is written.
  expect(screen.getByTestId('result-rate').textContent).toMatch(/^進捗率 \d+\.\d%（\d+\/\d+）$/);
  expect(host.plans).toHaveLength(0);
  const list = screen.getByRole('region', { name: '取り込みの結果' });
  // The unreadable file is in the list under its name, with its reason; cells of other files are named, not links.
  expect(within(list).getByRole('heading', { name: '途中まで.xlsx' })).toBeTruthy();
  expect(within(list).getByText(/途中までしか保存・コピーされていません/)).toBeTruthy();
  expect(within(list).queryAllByRole('button', { name: /へ移動/ })).toHaveLength(0);
  expect(await screen.findByRole('status')).toHaveProperty(
    'textContent',
    '2ファイルを読み込みました（読み込めないファイル 1件）。',
  );

  await user.click(screen.getByRole('tab', { name: '進捗チェック' }));
  expect(screen.getByText(/チェックの対象: 取り込んだファイル（途中まで\.xlsx、総務部\.xlsx）/)).toBeTruthy();
  expect(screen.getByRole('region', { name: '取り込みの結果' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await screen.findByText(/21項目（R2）/);
  expect(screen.getByRole('region', { name: '進捗チェックの結果' })).toBeTruthy();
  expect(host.callsOf('readSnapshot')).toHaveLength(0);
  // Back in 取り込み, the files read are still listed with their figures.
  await user.click(screen.getByRole('tab', { name: '取り込み' }));
  expect(await screen.findByText(/総務部\.xlsx: 21項目/)).toBeTruthy();
  expect(screen.getByTestId('result-rate').textContent).toMatch(/^進捗率 /);
  await user.click(screen.getByRole('tab', { name: '進捗チェック' }));
  await user.click(screen.getByRole('button', { name: '対象を開いているブックに戻す' }));
  expect(screen.getByText('チェックの対象: 開いているブック')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'チェックする' }));
  await screen.findByText(/0項目/);
  expect(host.callsOf('readSnapshot')).toHaveLength(1);
});

test('入力規則 finds the plan tables itself, without a check first; a workbook without any says so', async () => {
  const host = new MemoryHost(variantBook());
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '入力規則' }));
  await screen.findByText(/D2:E4/);
  expect(screen.queryByText(/まず「進捗チェック」/)).toBeNull();

  document.body.innerHTML = '';
  const empty = new MemoryHost(workbook('empty.xlsx', [{ name: 'Sheet1', rows: [['メモ']] }]));
  const user2 = await renderPane(empty);
  await user2.click(screen.getByRole('tab', { name: '入力規則' }));
  expect((await screen.findAllByText(/このブックに実施計画の表が見つかりません/)).length).toBeGreaterThan(0);
});

test('設定 shows the direction each indicator gets when the settings say nothing', async () => {
  const host = new MemoryHost(kasama);
  const user = await renderPane(host);
  await user.click(screen.getByRole('tab', { name: '設定' }));
  await screen.findByRole('group', { name: '指標の方向' }, { timeout: 5000 });
  const options = [...document.querySelectorAll('fieldset option[value=""]')].map((o) => o.textContent);
  expect(options.length).toBeGreaterThan(0);
  expect(options).not.toContain('—');
  expect(options).toContain('自動: 高いほど良い（既定）');
  expect(options.some((o) => o === '自動: 低いほど良い（名前から判定）')).toBe(true);
});
