import type { Message } from './format';

/** Texts of the command-line tool. */
export const cliMessages = {
  usage: {
    ja: `使い方:
  reform-progress validate <パス...> [--year 年度] [--json ファイル|-] [--lang ja|en] [--settings ファイル]

  <パス>        .xlsx ファイルまたはフォルダ（フォルダは下位も検索。~$ で始まるロックファイルは除外）
  --year        対象年度（R2、令和2年度、2020 など）。省略時は進捗状況が入力されている最新の年度
  --json        結果を JSON で書き出す（- は標準出力）
  --lang        表示言語（ja / en）
  --settings    設定ファイル（JSON。アドインの設定と同じ形式）

終了コード: 0 エラーなし / 1 エラーあり / 2 読み込めるファイルがない・使い方の誤り`,
    en: `Usage:
  reform-progress validate <path...> [--year LABEL] [--json FILE|-] [--lang ja|en] [--settings FILE]

  <path>        .xlsx files or folders (searched recursively; Excel's ~$ lock files are skipped)
  --year        target fiscal year (R2, 令和2年度, 2020…); default: the latest year that has marks
  --json        write the result as JSON (- for standard output)
  --lang        language of the output (ja / en)
  --settings    settings file (JSON, the same format as the add-in's settings)

Exit codes: 0 no errors / 1 errors found / 2 nothing readable or a usage error`,
  },
  usageError: { ja: 'reform-progress: {detail}\n「reform-progress --help」で使い方を表示します。', en: 'reform-progress: {detail}\nRun "reform-progress --help" for usage.' },
  unknownCommand: { ja: '不明なコマンドです: {command}', en: 'unknown command: {command}' },
  unknownOption: { ja: '不明なオプションです: {option}', en: 'unknown option: {option}' },
  missingValue: { ja: '{option} には値が必要です', en: '{option} needs a value' },
  badValue: { ja: '{option} の値が正しくありません: {value}', en: 'invalid value for {option}: {value}' },
  noPaths: { ja: 'ファイルまたはフォルダを指定してください', en: 'give at least one file or folder' },
  noWorkbooks: { ja: '読み込める .xlsx ファイルがありません', en: 'no readable .xlsx file' },
  settingsInvalid: { ja: '設定ファイル {file} が正しくありません: {detail}', en: 'settings file {file} is invalid: {detail}' },
  fileHeader: { ja: '{file}（{items}項目）', en: '{file} ({items} items)' },
  sheetHeader: { ja: '  シート「{sheet}」', en: '  sheet "{sheet}"' },
  fileLevel: { ja: '  （ファイル全体）', en: '  (whole file)' },
  noFindings: { ja: '  指摘事項はありません', en: '  no findings' },
  closing: {
    ja: '{files}ファイル・{items}項目（対象年度 {year}）: エラー {errors}件、警告 {warnings}件、情報 {infos}件',
    en: '{files} file(s), {items} items (target year {year}): {errors} errors, {warnings} warnings, {infos} info',
  },
  wrote: { ja: '書き出しました: {file}', en: 'written: {file}' },
  severity_error: { ja: 'エラー', en: 'error' },
  severity_warning: { ja: '警告', en: 'warning' },
  severity_info: { ja: '情報', en: 'info' },
} as const satisfies Record<string, Message>;
