/** @jest-environment jsdom */
import './setup';
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { analyse } from '../../src/core/analyse';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { MemoryHost } from '../helpers/memoryHost';
import { exampleSnapshot, workbook } from '../helpers/snapshot';

let kasama: WorkbookSnapshot;
beforeAll(async () => {
  kasama = await exampleSnapshot();
});

async function openPlanTab(host: MemoryHost) {
  const user = userEvent.setup();
  render(<App host={host} initialLang="ja" />);
  await waitFor(() => expect(host.callsOf('loadSettings')).toHaveLength(1));
  await user.click(screen.getByRole('tab', { name: 'テンプレート・年度更新' }));
  await screen.findByRole('button', { name: '変更内容を確認' });
  return user;
}

test('年度更新: the preview lists the columns; only confirming adds them; the reader then sees R3', async () => {
  const host = new MemoryHost(kasama);
  const user = await openPlanTab(host);
  await user.click(screen.getByRole('button', { name: '変更内容を確認' }));
  const list = await screen.findByRole('list', { name: '次の年度の列を追加' });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['「令和2年度実績」: 11表に R3 の進捗状況の列を追加挿入する列: F']);
  expect(host.callsOf('applyRollover')).toHaveLength(0);
  await user.click(screen.getByRole('button', { name: '列を追加する' }));
  await screen.findByText('R3 の列を追加しました。');
  expect(host.callsOf('applyRollover')).toHaveLength(1);
  expect(analyse([host.snapshot], DEFAULT_SETTINGS).years).toEqual(['H30', 'R1', 'R2', 'R3']);
});

test('年度更新 with header renames: each renamed cell is listed; cancel writes nothing', async () => {
  const host = new MemoryHost(kasama);
  const user = await openPlanTab(host);
  await user.click(screen.getByRole('checkbox', { name: /年度を含む見出しも更新する/ }));
  await user.click(screen.getByRole('button', { name: '変更内容を確認' }));
  await screen.findByText('令和2年度実績!L6: 「具体的な取組結果(R2)」→「具体的な取組結果(R3)」');
  expect(screen.getByText('令和2年度実績!M6: 「令和3年度の取組計画」→「令和4年度の取組計画」')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'キャンセル' }));
  expect(screen.queryByRole('button', { name: '列を追加する' })).toBeNull();
  expect(host.callsOf('applyRollover')).toHaveLength(0);
});

test('テンプレート: from the example plan file, one sheet per department, read back as the plan', async () => {
  const host = new MemoryHost(workbook('open.xlsx', [{ name: 'Sheet1', rows: [] }]));
  const user = await openPlanTab(host);
  await user.click(screen.getByRole('radio', { name: '計画定義ファイル（JSON）から' }));
  const input = (await screen.findByLabelText('計画定義ファイル')) as HTMLInputElement;
  const text = readFileSync('examples/plans/kasama-4th-plan.json', 'utf8');
  const file = new File([text], 'kasama-4th-plan.json', { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => text });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await user.click(await screen.findByRole('button', { name: '部ごとのシートを作成' }));
  await screen.findByText(/9部のシートを作成しました: 市長公室、総務部/);
  const read = analyse([host.snapshot], DEFAULT_SETTINGS, { year: 'R4' });
  expect(read.items).toHaveLength(70);
  expect(read.years).toEqual(['R4', 'R5', 'R6', 'R7', 'R8']);
});

test('テンプレート from this workbook: the years are asked for; a sheet named like a department is refused', async () => {
  const host = new MemoryHost({
    ...kasama,
    sheets: [
      ...kasama.sheets,
      { name: '総務部', top: 0, left: 0, values: [['去年の表']], merges: [], hidden: false },
    ],
  });
  const user = await openPlanTab(host);
  await user.click(screen.getByRole('button', { name: '部ごとのシートを作成' }));
  await screen.findByText('新しい計画の年度を入力してください（例: R4-R8）。');
  await user.type(screen.getByRole('textbox', { name: '計画の年度（例: R4-R8）' }), 'R4-R8');
  await user.click(screen.getByRole('button', { name: '部ごとのシートを作成' }));
  expect((await screen.findByRole('alert')).textContent).toContain('総務部');
  expect(host.snapshot.sheets.map((s) => s.name)).toEqual(['令和2年度実績', '進捗状況の推移', '総務部']);
});

test('on an Excel without dropdowns (below ExcelApi 1.8) the plan tab says which Excel the dropdowns need', async () => {
  const host = new MemoryHost(kasama);
  host.caps = { ...host.caps, dataValidation: false };
  await openPlanTab(host);
  const notes = await screen.findAllByRole('note');
  expect(notes.map((n) => n.textContent)).toContain(
    'このバージョンの Excel では、新しいシートや列に記号の選択リスト（入力規則）を付けられません（ExcelApi 1.8 が必要）。それ以外はそのまま作成します。',
  );
});
