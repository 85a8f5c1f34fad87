import type { Message } from '../core';

/** Texts of the command-line tool. */
export const cliMessages = {
  usage: {
    ja: `使い方:
  reform-progress validate <パス...> [--year 年度] [--scale 段階] [--json ファイル|-] [--force] [--lang ja|en] [--settings ファイル]
  reform-progress summarize <パス...> [--year 年度] [--scale 段階] [--ended on-plan|exclude|not-achieved]
                            [--out ファイル.xlsx] [--csv ファイル.csv] [--json ファイル|-] [--force] [--lang ja|en] [--settings ファイル]
  reform-progress template (--plan 計画定義.json | --from ブック.xlsx) [--years R4-R8] [--title 計画名] --out フォルダ
  reform-progress rollover <ブック.xlsx> --out 新しいブック.xlsx [--rename-headers] [--scale 段階]

  <パス>        .xlsx ファイルまたはフォルダ（フォルダは下位も検索。~$ で始まるロックファイルは除外）
  --year        対象年度（R2、令和2年度、2020 など）。省略時は進捗状況が入力されている最新の年度
  --scale       評価の段階: kasama（◎ ○ □ ▲ 終了・既定）、sabc（S A B C 完了 対象外）、a-f（A〜F）、
                achievement（達成 概ね達成 一部達成 未達成）、status（完了 取組中 未着手）、または設定で定義した段階
  --ended       終了項目の扱い: on-plan（計画どおりとして計上。公表資料の方法・既定）、exclude（除外）、
                not-achieved（未達成として分母のみに計上）
  --out         集計シートを追加したブックを書き出す（入力ファイルは変更しません。複数入力時は取込項目シート付きの新しいブック）
  --csv         項目一覧（1セル1データ）を CSV (UTF-8 BOM付き) で書き出す
  --json        結果を JSON で書き出す（- は標準出力）
  --force       既にある出力ファイルを置き換える（入力ファイルは決して置き換えません。template では使えません）
  --lang        表示言語（ja / en）
  --settings    設定ファイル（JSON。アドインの設定と同じ形式）
  --plan        template: 計画定義（基本方針・施策・実施項目・担当・指標・年度。examples/plans/ を参照）
  --from        template: 既存の（取りまとめ済みの）ブックの実施項目から次の計画のテンプレートを作る
  --years       template: 計画の年度（R4-R8、令和4年度〜令和8年度 など）
  --out         template: 部ごとのブックを書き出すフォルダ（既存のファイルは上書きしません）
  --rename-headers  rollover: 年度を含む見出し（具体的な取組結果(R2)、令和3年度の取組計画 など）も次の年度にする

終了コード: 0 エラーなし / 1 エラーあり / 2 実施計画の表がない・対象年度の列がない・使い方の誤り`,
    en: `Usage:
  reform-progress validate <path...> [--year LABEL] [--scale NAME] [--json FILE|-] [--force] [--lang ja|en] [--settings FILE]
  reform-progress summarize <path...> [--year LABEL] [--scale NAME] [--ended on-plan|exclude|not-achieved]
                            [--out FILE.xlsx] [--csv FILE.csv] [--json FILE|-] [--force] [--lang ja|en] [--settings FILE]
  reform-progress template (--plan PLAN.json | --from WORKBOOK.xlsx) [--years R4-R8] [--title NAME] --out FOLDER
  reform-progress rollover <WORKBOOK.xlsx> --out NEW.xlsx [--rename-headers] [--scale NAME]

  <path>        .xlsx files or folders (searched recursively; Excel's ~$ lock files are skipped)
  --year        target fiscal year (R2, 令和2年度, 2020…); default: the latest year that has marks
  --scale       grade scale: kasama (◎ ○ □ ▲ 終了; default), sabc (S A B C 完了 対象外), a-f (A–F),
                achievement (達成 概ね達成 一部達成 未達成), status (完了 取組中 未着手), or one the settings define
  --ended       how ended items count: on-plan (as on plan, the published method; default),
                exclude (left out), not-achieved (in the denominator only)
  --out         write a copy of the workbook with the summary sheets added (inputs are never changed;
                several inputs: a new workbook with the consolidated items)
  --csv         write the item table (one datum per cell) as CSV (UTF-8 with BOM)
  --json        write the result as JSON (- for standard output)
  --force       replace an output file that already exists (never an input; not for template)
  --lang        language of the output (ja / en)
  --settings    settings file (JSON, the same format as the add-in's settings)
  --plan        template: a plan definition (policies, measures, items, owners, indicators, years;
                see examples/plans/)
  --from        template: make the next plan's templates from the items of an existing workbook
  --years       template: the plan's fiscal years (R4-R8, 令和4年度〜令和8年度, …)
  --out         template: the folder for one workbook per department (existing files are never overwritten)
  --rename-headers  rollover: also move year-bearing headers (具体的な取組結果(R2), 令和3年度の取組計画…) to the next year

Exit codes: 0 no errors / 1 errors found / 2 no plan table, no column for the year, or a usage error`,
  },
  usageError: {
    ja: 'reform-progress: {detail}\n「reform-progress --help」で使い方を表示します。',
    en: 'reform-progress: {detail}\nRun "reform-progress --help" for usage.',
  },
  unknownCommand: { ja: '不明なコマンドです: {command}', en: 'unknown command: {command}' },
  unknownOption: { ja: '不明なオプションです: {option}', en: 'unknown option: {option}' },
  missingValue: { ja: '{option} には値が必要です', en: '{option} needs a value' },
  badValue: { ja: '{option} の値が正しくありません: {value}', en: 'invalid value for {option}: {value}' },
  noPaths: { ja: 'ファイルまたはフォルダを指定してください', en: 'give at least one file or folder' },
  onePath: { ja: 'rollover にはブックを1つだけ指定してください', en: 'rollover takes exactly one workbook' },
  rolloverSheet: {
    ja: 'シート「{sheet}」: {tables}表に {years} の列を追加',
    en: 'sheet "{sheet}": column {years} added to {tables|table|tables}',
  },
  rolloverRename: { ja: '  {cell}: 「{from}」→「{value}」', en: '  {cell}: "{from}" → "{value}"' },
  rolloverNothing: {
    ja: '年度を追加する表がありません（次の年度の列は既にあるか、表が見つかりません）',
    en: "no table to roll over (the next year's column exists already, or no table was found)",
  },
  outExtension: {
    ja: '--out の拡張子が元のブックと合いません: マクロ有効ブックは .xlsm、それ以外（複数ファイルの集計を含む）は .xlsx で保存してください（{file}）',
    en: "--out's extension does not fit: a macro-enabled workbook is written as .xlsm, any other (and a summary of several files) as .xlsx ({file})",
  },
  outNotGrafted: {
    ja: 'ブック内の {part} が想定外の形式のため、コピーに集計表を追加できません。何も書き込みませんでした（{file}）。元のブックは変更していません。Excel でブックを開き、アドインで集計表を作成してください',
    en: 'The summary cannot be added to a copy of this workbook: {part} inside it has a form we do not expect, so nothing was written ({file}). The original workbook is unchanged; open it in Excel and create the summary with the add-in',
  },
  rolloverRefused: {
    ja: 'この年度更新はファイルのままでは安全に行えないため、何も書き込みませんでした。Excel でブックを開き、アドインの「テンプレート・年度更新」から実行してください（Excel が列の挿入に合わせて調整します）:',
    en: 'This rollover cannot be done safely on the file, so nothing was written. Open the workbook in Excel and run it from the add-in (テンプレート・年度更新), where Excel adjusts everything for the inserted columns:',
  },
  rolloverRefusal: {
    ja: '  {where}: {reason}',
    en: '  {where}: {reason}',
  },
  templateSource: {
    ja: '--plan（計画定義 JSON）か --from（既存のブック）のどちらか一方を指定してください',
    en: 'give either --plan (a plan definition JSON) or --from (an existing workbook)',
  },
  planInvalid: {
    ja: '計画定義 {file} が正しくありません: {detail}',
    en: 'plan definition {file} is invalid: {detail}',
  },
  planFromNothing: {
    ja: '{file} から実施項目を読み取れませんでした（テンプレートを作れません）',
    en: 'no plan items could be read from {file}: no template to make',
  },
  templateYearsNeeded: {
    ja: '--from では --years（例: R4-R8）で新しい計画の年度を指定してください',
    en: "with --from, give the new plan's years with --years (e.g. R4-R8)",
  },
  templateExists: {
    ja: '{files} は既にあるため上書きしません。何も書き出していません。別の --out フォルダを指定してください。',
    en: '{files} already exist(s), so nothing is overwritten and nothing was written. Choose another --out folder.',
  },
  templateWrote: {
    ja: '{department}: {items}項目 → {file}',
    en: '{department}: {items|item|items} → {file}',
  },
  templateDone: {
    ja: '{count}部のテンプレートを書き出しました（{years}）',
    en: '{count|department template|department templates} written ({years})',
  },
  noWorkbooks: { ja: '読み込める .xlsx ファイルがありません', en: 'no readable .xlsx file' },
  settingsInvalid: {
    ja: '設定ファイル {file} が正しくありません: {detail}',
    en: 'settings file {file} is invalid: {detail}',
  },
  cellCount: { ja: '{count}セル', en: '{count|cell|cells}' },
  moreRanges: { ja: ' ほか{count}か所', en: ' and {count} more' },
  fileHeader: { ja: '{file}（{items}項目）', en: '{file} ({items|item|items})' },
  sheetHeader: { ja: '  シート「{sheet}」', en: '  sheet "{sheet}"' },
  fileLevel: { ja: '  （ファイル全体）', en: '  (whole file)' },
  noFindings: { ja: '  指摘事項はありません', en: '  no findings' },
  closing: {
    ja: '{files}ファイル・{items}項目（対象年度 {year}）: エラー {errors}件、警告 {warnings}件、情報 {infos}件',
    en: '{files|file|files}, {items|item|items} (target year {year}): {errors|error|errors}, {warnings|warning|warnings}, {infos} info',
  },
  wrote: { ja: '書き出しました: {file}', en: 'written: {file}' },
  noItems: {
    ja: '実施項目が見つかりません（集計できません）',
    en: 'no plan items found: nothing to summarize',
  },
  noYear: {
    ja: '進捗状況の年度が分かりません（集計できません）',
    en: 'no year with status marks: nothing to summarize',
  },
  badScale: {
    ja: '--scale {value} は使えません（使える段階: {names}）',
    en: '--scale {value} is not a scale (scales: {names})',
  },
  noTables: {
    ja: 'どの入力にも実施計画の表が見つかりません',
    en: 'no implementation-plan table was found in any input',
  },
  yearNotInPlan: {
    ja: '{year}の進捗状況の列はどの表にもありません（表にある年度: {years}）',
    en: 'no plan table has a status column for {year} (the tables have: {years})',
  },
  tableTitle: { ja: '進捗状況の集計（{year}）', en: 'Progress summary ({year})' },
  tableOnPlanNote: { ja: '（計画どおり {raw} ＋ 終了 {ended}）', en: '(on plan {raw} + ended {ended})' },
  historyTitle: { ja: '推移', en: 'By year' },
  historyYear: { ja: '年度', en: 'Year' },
  historyLine: {
    ja: '  {year}  実施項目数 {items}  ◎{ahead} ○{onPlan} □{nearlyOnPlan} ▲{behind} 終了{ended}  進捗率 {rate} ({numerator}/{denominator})',
    en: '  {year}  items {items}  ◎{ahead} ○{onPlan} □{nearlyOnPlan} ▲{behind} ended {ended}  progress {rate} ({numerator}/{denominator})',
  },
  historyLineScale: {
    ja: '  {year}  実施項目数 {items}  {marks}  進捗率 {rate} ({numerator}/{denominator})',
    en: '  {year}  items {items}  {marks}  progress {rate} ({numerator}/{denominator})',
  },
  conflict: {
    ja: 'シート{sheets:quoted}は利用者のシートのため上書きしません。何も書き出していません。シート名を変えてから再実行してください。',
    en: 'Sheet {sheets:quoted} belongs to you, so it is not overwritten. Nothing was written. Rename it and run again.',
  },
  storedSettings: {
    ja: '設定: {file} に保存されたアドインの設定を使います',
    en: 'settings: using the add-in settings stored in {file}',
  },
  storedSettingsInvalid: {
    ja: '設定: {file} に保存された設定が正しくないため既定値を使います（{detail}）',
    en: 'settings: the settings stored in {file} are invalid, so the defaults are used ({detail})',
  },
  output_exists: {
    ja: '{file} は既にあるため書き出しませんでした。置き換えるには --force を付けてください。',
    en: '{file} already exists, so it was not written. Add --force to replace it.',
  },
  output_isInput: {
    ja: '{file} は入力ファイルそのもの（リンクや別の綴りを含む）のため書き出しません。別の名前を指定してください。',
    en: '{file} is one of the input files (perhaps through a link or another spelling), so it is not written. Choose another name.',
  },
  output_sameOutput: {
    ja: '{file} に二つの出力を書き出そうとしています。別々の名前を指定してください。',
    en: 'two outputs would be written to {file}. Give them different names.',
  },
  output_denied: {
    ja: '{file} に書き込む権限がありません。何も書き出していません。',
    en: 'no permission to write {file}. Nothing was written.',
  },
  output_readOnly: {
    ja: '{file} のある場所は読み取り専用です。何も書き出していません。',
    en: 'the place of {file} is read-only. Nothing was written.',
  },
  output_noFolder: {
    ja: '{file} のフォルダがありません。何も書き出していません。',
    en: 'the folder of {file} does not exist. Nothing was written.',
  },
  output_noSpace: {
    ja: 'ディスクの空きが足りず {file} を書き出せませんでした。元のファイルはそのままです。',
    en: 'not enough disk space to write {file}; any previous file there is unchanged.',
  },
  output_isFolder: {
    ja: '{file} はフォルダです。ファイル名を指定してください。',
    en: '{file} is a folder. Give a file name.',
  },
  output_other: {
    ja: '{file} を書き出せませんでした（{detail}）。何も残していません。',
    en: '{file} could not be written ({detail}). Nothing was left behind.',
  },
} as const satisfies Record<string, Message>;

/** Why a rollover on the file was refused, one text per reason (the keys are the package editor's). */
export const rolloverRefusalReasons = {
  pivot: {
    ja: 'ピボットテーブルがこのシートを元にしているか、シート上にあります',
    en: 'a pivot table reads from this sheet or sits on it',
  },
  slicer: { ja: 'スライサーまたはタイムラインがあります', en: 'a slicer or timeline is on the sheet' },
  queryTable: {
    ja: '外部データのクエリ テーブルがあります',
    en: 'an external-data query table is on the sheet',
  },
  tableCut: {
    ja: 'テーブル（リスト）の途中に列が入ります',
    en: 'the new column would cut through an Excel table',
  },
  structuredRef: {
    ja: 'ブックにないテーブルを参照する構造化参照があります',
    en: 'a structured reference names a table this workbook does not have',
  },
  partial3d: {
    ja: '複数シートにまたがる参照（3-D 参照）の一部のシートだけに列が入ります',
    en: 'a 3-D reference spans sheets of which only some get the new column',
  },
  offSheet: {
    ja: '列を挿入するとセルや参照がシートの右端（XFD 列）を越えます',
    en: 'the insert would push cells or references past column XFD',
  },
  unqualifiedName: {
    ja: '名前の定義にシート名のない参照があります',
    en: 'a defined name holds a reference without a sheet name',
  },
  dataTable: { ja: 'データ テーブル（What-If 分析）があります', en: 'a what-if data table is on the sheet' },
} as const satisfies Record<string, Message>;
