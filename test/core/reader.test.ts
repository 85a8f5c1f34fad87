import { analyse } from '../../src/core/analyse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CellValue } from '../../src/core/grid';
import { workbook, type SheetSpec } from '../helpers/snapshot';

const settings = DEFAULT_SETTINGS;
const run = (sheets: SheetSpec[], year?: string) => analyse([workbook('t.xlsx', sheets)], settings, { year });
const codes = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);

describe('published layout: heading rows and a two-row merged header', () => {
  const header1: CellValue[] = [
    '番号',
    '実施項目',
    '進捗状況',
    null,
    null,
    '担当部',
    '担当課',
    '指標',
    '計画(R2)',
    '実績(R2)',
    '具体的な取組結果(R2)',
    '令和3年度の取組計画',
  ];
  const header2: CellValue[] = [null, null, 'H30', 'R1', 'R2', null, null, null, null, null, null, null];
  const merges = (row: number) => [
    `A${row}:A${row + 1}`,
    `B${row}:B${row + 1}`,
    `C${row}:E${row}`,
    `F${row}:F${row + 1}`,
    `G${row}:G${row + 1}`,
    `H${row}:H${row + 1}`,
    `I${row}:I${row + 1}`,
    `J${row}:J${row + 1}`,
    `K${row}:K${row + 1}`,
    `L${row}:L${row + 1}`,
  ];
  const rows: CellValue[][] = [
    ['第3次実施計画 令和2年度実績'],
    [],
    ['1. 効率的な行政運営'],
    ['(1) 人材育成、働き方改革の推進'],
    header1,
    header2,
    ['①', '職員研修の充実【重点】', '○', '□', '□', '市長公室', '秘書課', '-', '-', '-', '研修を実施', '継続'],
    [
      '②',
      '働き方改革の推進',
      '○',
      '○',
      '〇',
      '市長公室',
      '秘書課',
      '☆年間時間外勤務(時間)',
      '-',
      53875,
      null,
      null,
    ],
    [],
    ['(2) 業務改善'],
    header1,
    header2,
    [
      '①',
      'タブレット端末による効率的な会議の推進',
      '◎',
      '◎',
      '◎',
      '総務部 総務課',
      '教育委員会 学務課',
      '-',
      '-',
      '-',
      null,
      null,
    ],
    ['②', '給与計算事務の外部委託', '▲', '○', '終了', '市長公室', '秘書課', '-', null, null, null, null],
    [],
    ['2. 持続可能な財政運営'],
    ['(1) 自主財源の維持確保'],
    header1,
    header2,
    [
      '①',
      '自主財源比率の向上',
      '○',
      '○',
      '□',
      '総務部',
      '財政課',
      '自主財源比率',
      40.1,
      '39.6 (R1)',
      null,
      null,
    ],
    ['②', '新規項目(新規)', null, null, '△', '総務部', '財政課', '-', null, null, null, null],
    [],
    ['◎：進んでいる'],
    ['○：計画どおり'],
    ['※進捗率は…'],
  ];
  const result = run([{ name: '令和2年度実績', rows, merges: [...merges(5), ...merges(11), ...merges(18)] }]);

  test('reads every item with policy, measure, number and marks', () => {
    expect(result.items).toHaveLength(6);
    expect(result.years).toEqual(['H30', 'R1', 'R2']);
    expect(result.year).toBe('R2');
    const first = result.items[0]!;
    expect(first).toMatchObject({
      policy: '効率的な行政運営',
      policyNo: 1,
      measure: '人材育成、働き方改革の推進',
      measureNo: 1,
      number: '①',
      numberValue: 1,
      name: '職員研修の充実',
      priority: true,
      row: 6,
    });
    expect(first.marks.map((m) => m.mark)).toEqual(['onPlan', 'nearlyOnPlan', 'nearlyOnPlan']);
    expect(first.markSources[2]).toEqual({ file: 't.xlsx', sheet: '令和2年度実績', cell: 'E7' });
    const tablet = result.items[2]!;
    expect(tablet.measure).toBe('業務改善');
    expect(tablet.owners).toEqual([
      { department: '総務部', division: '総務課' },
      { department: '教育委員会', division: '学務課' },
    ]);
    const revenue = result.items[4]!;
    expect(revenue.policy).toBe('持続可能な財政運営');
    expect(revenue.indicator?.target.value).toBe(40.1);
    expect(revenue.indicator?.actual).toMatchObject({ value: 39.6, yearTag: 'R1' });
  });

  test('findings name the exact cell', () => {
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'mark.variant@令和2年度実績!E8',
        'mark.unknown@令和2年度実績!E21',
        'value.yearTag@令和2年度実績!J20',
      ]),
    );
    expect(result.findings.find((f) => f.code === 'mark.unknown')!.params.suggested).toBe('▲');
    // Legend and notes are not items, and headings are not findings.
    expect(result.findings.filter((f) => f.code === 'item.noMeasure')).toHaveLength(0);
  });

  test('the tables are reported with their header rows and mark columns', () => {
    expect(result.tables).toHaveLength(3);
    expect(result.tables[0]).toMatchObject({
      headerTop: 4,
      headerBottom: 5,
      lastRow: 7,
      firstColumn: 0,
      lastColumn: 11,
      years: ['H30', 'R1', 'R2'],
      markColumns: { H30: 2, R1: 3, R2: 4 },
      items: 2,
    });
  });
});

describe('one-row headers with years in the text, policy and measure as columns, columns reordered', () => {
  const rows: CellValue[][] = [
    [
      '担当課',
      '基本方針',
      '施策',
      'No.',
      '実施項目',
      '担当部',
      '進捗状況H30',
      '進捗状況R1',
      '進捗状況R2',
      '実績(R2)',
      '計画(R2)',
      '指標',
    ],
    [
      '秘書課',
      '1. 効率的な行政運営',
      '(1) 人材育成',
      1,
      '職員研修の充実',
      '市長公室',
      '○',
      '□',
      '□',
      null,
      null,
      null,
    ],
    ['秘書課', null, null, 2, '人事評価制度の充実', '市長公室', '○', '□', '▲', 2, 5, '☆研修回数(回)'],
    [
      '総務課',
      null,
      '(2) 組織機構の見直し',
      1,
      '支所業務の見直し',
      '総務部',
      '□',
      '□',
      null,
      null,
      null,
      null,
    ],
  ];
  const result = run([{ name: '一覧', rows }]);

  test('carries policy and measure down blank cells and reads numbers as numbers', () => {
    expect(result.items.map((i) => [i.policy, i.measure, i.numberValue])).toEqual([
      ['効率的な行政運営', '人材育成', 1],
      ['効率的な行政運営', '人材育成', 2],
      ['効率的な行政運営', '組織機構の見直し', 1],
    ]);
    expect(result.items[1]!.indicator).toMatchObject({ name: '研修回数(回)', key: true });
    expect(result.items[1]!.indicator!.target.value).toBe(5);
    expect(result.items[1]!.indicator!.actual.value).toBe(2);
  });

  test('a blank target-year mark is mark.missing at that cell', () => {
    expect(codes(result)).toContain('mark.missing@一覧!I4');
  });
});

describe('bare era-year headers, table not at A1, unmerged group header', () => {
  const rows: CellValue[][] = [
    ['行財政改革実施計画 進捗管理表'],
    [],
    ['番号', '取組項目', '進捗状況', null, '所管部', '所管課'],
    [null, null, '平成30年度', '令和元年度', null, null],
    ['１', '窓口の見直し', '◯', '○', '市民生活部', '市民課'],
    ['２', '電子申請の拡大', '▲', '済', '市長公室', 'デジタル戦略課'],
  ];
  const result = run([{ name: 'Sheet1', rows, top: 2, left: 1 }]);

  test('reads the years below a centred group header and places cells absolutely', () => {
    expect(result.years).toEqual(['H30', 'R1']);
    expect(result.items).toHaveLength(2);
    expect(result.items[0]!.markSources[0]!.cell).toBe('D7');
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'mark.variant@Sheet1!D7',
        'mark.unknown@Sheet1!E8',
        'item.noMeasure@Sheet1!C7',
      ]),
    );
    expect(result.findings.find((f) => f.code === 'mark.unknown')!.params.suggested).toBe('終了');
  });
});

describe("a status column without a year takes the sheet name's year", () => {
  const rows: CellValue[][] = [
    ['1．効率的な行政運営'],
    ['（１）業務改善'],
    ['番号', '実施項目', '進捗状況', '担当部', '担当課'],
    ['①', '行政評価の推進', '○', '総務部', '総務課'],
  ];
  test('year from the sheet name', () => {
    const result = run([{ name: '令和2年度', rows }]);
    expect(result.years).toEqual(['R2']);
    expect(result.items[0]).toMatchObject({
      policy: '効率的な行政運営',
      measure: '業務改善',
      numberValue: 1,
    });
  });
});

describe('sheets without plan tables', () => {
  test('a sheet with a header that has no status column gets table.notFound; notes sheets are quiet', () => {
    const result = run([
      { name: 'メモ', rows: [['連絡事項'], ['提出期限は4月末']] },
      {
        name: '途中',
        rows: [
          ['番号', '実施項目', '担当課', '担当部'],
          ['①', 'x', '秘書課', '市長公室'],
        ],
      },
    ]);
    expect(codes(result)).toEqual(['table.notFound@途中!null']);
    expect(result.items).toHaveLength(0);
  });

  test('owned and hidden sheets are not read', () => {
    const rows: CellValue[][] = [
      ['番号', '実施項目', 'R2'],
      ['①', 'x', '○'],
    ];
    const result = analyse(
      [
        workbook(
          't.xlsx',
          [
            { name: 'RP_集計表', rows },
            { name: '隠し', rows, hidden: true },
          ],
          ['RP_集計表'],
        ),
      ],
      settings,
    );
    expect(result.items).toHaveLength(0);
  });
});

describe('items read twice', () => {
  const header: CellValue[] = ['基本方針', '施策', '番号', '実施項目', 'H30', 'R1', 'R2', '担当部', '担当課'];
  const a: CellValue[][] = [
    header,
    ['市民協働', '広報', '①', 'SNSによる広報の充実', '◎', '◎', '◎', '市長公室', '秘書課'],
  ];
  const same: CellValue[][] = [
    header,
    ['市民協働', '広報', '①', 'SNSによる広報の充実', '◎', '◎', '◎', '市長公室', '秘書課'],
  ];
  const other: CellValue[][] = [
    header,
    ['市民協働', '広報', '①', 'SNSによる広報の充実', '◎', '◎', '○', '市長公室', '秘書課'],
  ];

  test('same content: counted once, item.duplicate (info)', () => {
    const result = analyse(
      [workbook('a.xlsx', [{ name: 'S', rows: a }]), workbook('b.xlsx', [{ name: 'S', rows: same }])],
      settings,
    );
    expect(result.items).toHaveLength(1);
    expect(result.sources).toEqual([
      { file: 'a.xlsx', sheet: 'S', items: 1 },
      { file: 'b.xlsx', sheet: 'S', items: 1 },
    ]);
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.cell])).toEqual([
      ['item.duplicate', 'info', 'b.xlsx', 'D2'],
    ]);
  });

  test('different marks: item.conflict (error) naming both cells', () => {
    const result = analyse(
      [workbook('a.xlsx', [{ name: 'S', rows: a }]), workbook('b.xlsx', [{ name: 'S', rows: other }])],
      settings,
    );
    const conflict = result.findings.find((f) => f.code === 'item.conflict')!;
    expect(conflict).toMatchObject({ severity: 'error', file: 'b.xlsx', sheet: 'S', cell: 'G2' });
    expect(conflict.params.other).toBe('a.xlsx S!G2');
  });
});

describe('mark after ended and the target year option', () => {
  const rows: CellValue[][] = [
    ['施策', '番号', '実施項目', 'H30', 'R1', 'R2'],
    ['業務改善', 1, '地域ポイント制度', '▲', '終了', '○'],
    ['業務改善', 2, '広域連携', '○', '○', null],
  ];
  test('mark.afterEnded at the later mark; missing only for the target year', () => {
    const r2 = run([{ name: 'S', rows }]);
    expect(codes(r2)).toEqual(['mark.afterEnded@S!F2', 'mark.missing@S!F3']);
    const r1 = run([{ name: 'S', rows }], '令和元年度');
    expect(r1.year).toBe('R1');
    expect(codes(r1)).toEqual(['mark.afterEnded@S!F2']);
  });
});
