/**
 * The one table of findings: for every code, its severity, the params it carries and its text in
 * Japanese and English. A finding is built only by `finding(code, at, params)` (finding.ts), which
 * takes its severity from here and whose params the compiler checks against `FindingParamsByCode`.
 *
 * To add a finding: add its params to FindingParamsByCode and its entry to FINDINGS (the compiler
 * then asks for both), emit it with `finding(...)`, and give it a sample in
 * test/core/findings/catalogue.test.ts (which checks both languages and that every code is emitted).
 *
 * This module imports nothing but the message format, so that the model can refer to findings
 * without an import cycle; years are `FiscalYear` labels (`R2`), written as strings here.
 */
import type { Message } from '../messages/format';

export type Severity = 'error' | 'warning' | 'info';

/** Why a file could not be read (the `reasonCode` of `file.unreadable`). */
export type UnreadableReason =
  | 'notZip'
  | 'truncated'
  | 'encrypted'
  | 'tooLarge'
  | 'tooManySheets'
  | 'tooManyCells'
  | 'tooManyMerges'
  | 'notFound'
  | 'other';

/** What each finding carries. Years are canonical labels (`R2`); the renderer writes them out per language. */
export interface FindingParamsByCode {
  'mark.unknown': {
    readonly year: string;
    readonly raw: string;
    readonly item: string;
    /** The mark the text most likely meant, null when none is close. */
    readonly suggested: string | null;
    /** The marks in use, in order. */
    readonly symbols: readonly string[];
  };
  /** `symbols`: the marks of the scale in force, in order. */
  'mark.missing': { readonly year: string; readonly item: string; readonly symbols: readonly string[] };
  'mark.variant': {
    readonly year: string;
    readonly raw: string;
    readonly symbol: string;
    readonly item: string;
  };
  'mark.afterEnded': {
    readonly item: string;
    readonly endedYear: string;
    readonly year: string;
    readonly raw: string;
  };
  'value.unparsable': { readonly field: 'target' | 'actual'; readonly raw: string; readonly item: string };
  'value.yearTag': {
    readonly field: 'target' | 'actual';
    readonly raw: string;
    /** The year the figure is from. */
    readonly tag: string;
    readonly year: string;
    readonly item: string;
  };
  /** `other`: where the first copy is (`file sheet!cell`). */
  'item.duplicate': { readonly item: string; readonly other: string };
  'item.conflict': {
    readonly item: string;
    readonly year: string;
    readonly raw: string;
    /** `sheet!cell` of this copy. */
    readonly cell: string;
    readonly other: string;
    readonly otherRaw: string;
  };
  'item.noMeasure': { readonly item: string };
  /** `sheet`: the sheet without a plan table ('' when the file has no sheet at all). */
  'table.notFound': { readonly sheet: string };
  /** A table-like block that is not a plan table: where it starts (A1) and why. */
  'table.rejected': { readonly sheet: string; readonly cell: string; readonly tableReason: TableRejection };
  /** A table whose unknown marks are all grades of another preset scale: its name and a few of them. */
  'table.otherScale': {
    readonly sheet: string;
    readonly scale: string;
    readonly examples: readonly string[];
  };
  /** Status columns that hold numbers or text: their years, the first of them, how many such cells. */
  'table.statusNotMarks': {
    readonly sheet: string;
    readonly years: readonly string[];
    readonly year: string;
    readonly cells: number;
    readonly symbols: readonly string[];
  };
  'file.unreadable': { readonly reasonCode: UnreadableReason; readonly detail: string };
  'file.macros': Readonly<Record<string, never>>;
  /** Input files whose stored add-in settings differ (every file that stores some, sorted). */
  'settings.conflict': { readonly files: readonly string[] };
  'indicator.markMismatch': {
    readonly item: string;
    readonly year: string;
    readonly symbol: string;
    /** Target, actual and achievement as displayed (`40.1%`, `—`). */
    readonly target: string;
    readonly actual: string;
    readonly achievement: string;
    /** The mark's category (a MarkKey). */
    readonly mark: string;
    /** Whether the indicator meets its target; '' when it cannot be judged. */
    readonly pass: 'pass' | 'fail' | '';
  };
  'indicator.zeroTarget': { readonly item: string };
  'summary.mismatch': {
    readonly year: string;
    readonly label: string;
    readonly written: string;
    readonly computed: string;
    /** How ended items were counted (an EndedRule). */
    readonly rule: 'on-plan' | 'exclude' | 'not-achieved';
  };
}

export type FindingCode = keyof FindingParamsByCode;

interface FindingEntry<P> {
  readonly severity: Severity;
  readonly message: Message;
  readonly suggestion: Message | ((params: P) => Message);
}

export const FINDINGS: { readonly [C in FindingCode]: FindingEntry<FindingParamsByCode[C]> } = {
  'mark.unknown': {
    severity: 'error',
    message: {
      ja: '{year}の進捗状況「{raw}」は認識できない記号です。',
      en: 'The {year} status "{raw}" is not a recognised mark.',
    },
    suggestion: (p) =>
      p.suggested
        ? {
            ja: '「{suggested}」の誤りではありませんか。使える記号: {symbols:spaced}',
            en: 'Did you mean "{suggested}"? Marks in use: {symbols:spaced}',
          }
        : {
            ja: '使える記号: {symbols:spaced}（1つのセルに1つ）',
            en: 'Use one of: {symbols:spaced} (one per cell)',
          },
  },
  'mark.missing': {
    severity: 'error',
    message: {
      ja: '「{item}」の{year}の進捗状況が空欄です。',
      en: 'The {year} status of "{item}" is blank.',
    },
    suggestion: {
      ja: '{symbols:spaced} のいずれかを入力してください。',
      en: 'Enter one of {symbols:spaced}.',
    },
  },
  'mark.variant': {
    severity: 'warning',
    message: {
      ja: '{year}の進捗状況「{raw}」を「{symbol}」として読み取りました。',
      en: 'The {year} status "{raw}" was read as "{symbol}".',
    },
    suggestion: {
      ja: '「{symbol}」に統一すると集計が確実になります。',
      en: 'Replace it with "{symbol}" so that every tool counts it the same way.',
    },
  },
  'mark.afterEnded': {
    severity: 'warning',
    message: {
      ja: '「{item}」は{endedYear}に終了していますが、{year}に「{raw}」が入力されています。',
      en: '"{item}" ended in {endedYear}, but {year} has the mark "{raw}".',
    },
    suggestion: {
      ja: '終了した項目の以降の年度は空欄にするか、終了を取り消してください。',
      en: 'Leave the years after the end blank, or remove the 終了 mark.',
    },
  },
  'value.unparsable': {
    severity: 'warning',
    message: {
      ja: '{field}「{raw}」を数値として読み取れません。',
      en: 'The {field} "{raw}" cannot be read as a number.',
    },
    suggestion: {
      ja: '数値は「40.1」「▲3%」のように入力してください。文字のままで良い場合はこのままで構いません。',
      en: 'Type numbers like "40.1" or "▲3%". If the text is intended, nothing needs to change.',
    },
  },
  'value.yearTag': {
    severity: 'info',
    message: {
      ja: '{field}「{raw}」は{tag}の数値です（対象年度は{year}）。',
      en: 'The {field} "{raw}" is a figure from {tag} (the target year is {year}).',
    },
    suggestion: {
      ja: '{year}の数値が判明したら更新してください。',
      en: 'Update it when the {year} figure is known.',
    },
  },
  'item.duplicate': {
    severity: 'info',
    message: {
      ja: '「{item}」は{other}にも同じ内容で記載されています（1件として集計します）。',
      en: '"{item}" also appears with the same content at {other} (counted once).',
    },
    suggestion: {
      ja: '重複が意図したものでなければ一方を削除してください。',
      en: 'Remove one of them if the repetition is not intended.',
    },
  },
  'item.conflict': {
    severity: 'error',
    message: {
      ja: '「{item}」の{year}の進捗状況が食い違っています: {cell}は「{raw}」、{other}は「{otherRaw}」。',
      en: '"{item}" has conflicting {year} statuses: {cell} says "{raw}", {other} says "{otherRaw}".',
    },
    suggestion: {
      ja: 'どちらが正しいか担当課に確認し、一方に揃えてください。',
      en: 'Ask the owning division which is right and make them agree.',
    },
  },
  'item.noMeasure': {
    severity: 'warning',
    message: {
      ja: '「{item}」の基本方針・施策が分かりません。',
      en: 'The basic policy and measure of "{item}" are unknown.',
    },
    suggestion: {
      ja: '表の上に「1. 基本方針」「(1) 施策」の見出し行を置くか、基本方針・施策の列を設けてください。',
      en: 'Put "1. policy" and "(1) measure" heading rows above the table, or add 基本方針 / 施策 columns.',
    },
  },
  'table.notFound': {
    severity: 'warning',
    message: {
      ja: 'シート「{sheet}」に実施計画の表が見つかりません。',
      en: 'No implementation-plan table was found on sheet "{sheet}".',
    },
    suggestion: {
      ja: '見出し行に「実施項目」と「進捗状況」（または年度）の列が必要です。',
      en: 'A header row needs an item column (実施項目) and status columns (進捗状況 or year labels).',
    },
  },
  'table.rejected': {
    severity: 'warning',
    message: {
      ja: 'シート「{sheet}」の{cell}からの表は実施計画の表ではないため読み取りません（{reason}）。',
      en: 'The table at {cell} on sheet "{sheet}" is not an implementation-plan table and was not read ({reason}).',
    },
    suggestion: {
      ja: '実施計画の表であれば、進捗状況の列に記号を、実施項目の列に項目名を入力してください。',
      en: 'If it is a plan table, put marks in its status columns and item names in its item column.',
    },
  },
  'table.otherScale': {
    severity: 'warning',
    message: {
      ja: 'シート「{sheet}」の表の進捗状況は「{scale}」の段階で評価されているようです（{examples:spaced}）。',
      en: 'The statuses of the table on sheet "{sheet}" look like the "{scale}" scale ({examples:spaced}).',
    },
    suggestion: {
      ja: '設定の「評価の段階」を「{scale}」にするか、reform-progress に --scale {scale} を付けてください。',
      en: 'Choose the "{scale}" scale in the settings, or run reform-progress with --scale {scale}.',
    },
  },
  'table.statusNotMarks': {
    severity: 'error',
    message: {
      ja: 'シート「{sheet}」の表の{years}の進捗状況の列には、記号ではなく数値や文章が入っています（{cells}セル）。',
      en: 'The {years} status column of the table on sheet "{sheet}" holds numbers or text, not marks ({cells|cell|cells}).',
    },
    suggestion: {
      ja: '使える記号: {symbols:spaced}。進捗状況の列でなければ、列見出しを見直してください。',
      en: 'Use one of: {symbols:spaced}. If it is not a status column, change its header.',
    },
  },
  'file.unreadable': {
    severity: 'error',
    message: {
      ja: 'ファイルを読み込めません: {reason}',
      en: 'The file cannot be read: {reason}',
    },
    // One fix per cause: what to do about a password is not what to do about a truncated copy.
    suggestion: (p) => unreadableFixes[p.reasonCode],
  },
  'file.macros': {
    severity: 'warning',
    message: {
      ja: 'このブックにはマクロ（VBA）が含まれています。マクロは実行せず、値だけを読み取りました。',
      en: 'This workbook contains macros (VBA). They were not run; only the values were read.',
    },
    suggestion: {
      ja: 'reform-progress が書き出すコピー（--out）はマクロをそのまま残します。保存先は .xlsm にしてください（元のファイルは変更しません）。',
      en: 'A copy written by reform-progress (--out) keeps the macros as they are; give it an .xlsm name (the original file is not changed).',
    },
  },
  'settings.conflict': {
    severity: 'warning',
    message: {
      ja: '入力ファイルに保存されたアドインの設定が一致しません（{files}）。どのファイルの設定も使わず、--settings の設定（指定がなければ既定値）で集計しました。',
      en: 'The add-in settings stored in the input files differ ({files}). None of them was used: the run used the --settings file, or the defaults.',
    },
    suggestion: {
      ja: '事務局の設定を --settings で指定するか、各ファイルの設定をそろえてください。',
      en: "Give the secretariat's settings with --settings, or make the files' settings the same.",
    },
  },
  'indicator.markMismatch': {
    severity: 'warning',
    message: {
      ja: '「{item}」は{year}が「{symbol}」ですが、指標の達成状況（計画 {target}、実績 {actual}、達成率 {achievement}）と合いません。',
      en: '"{item}" is "{symbol}" in {year}, which does not match its indicator (target {target}, actual {actual}, achievement {achievement}).',
    },
    suggestion: (p) =>
      p.pass === 'pass'
        ? {
            ja: '指標は目標を達成しています。進捗状況の記号を見直すか、理由を取組結果に記載してください。',
            en: 'The indicator meets its target: check the mark, or explain in the results.',
          }
        : {
            ja: '指標は目標の8割に届いていません。進捗状況の記号を見直すか、理由を取組結果に記載してください。',
            en: 'The indicator is below 80 % of its target: check the mark, or explain in the results.',
          },
  },
  'indicator.zeroTarget': {
    severity: 'info',
    message: {
      ja: '「{item}」の指標の計画値が0のため、達成率を計算できません（達成・未達のみ判定します）。',
      en: 'The indicator target of "{item}" is 0, so no percentage can be computed (pass/fail only).',
    },
    suggestion: {
      ja: '目標が「0にする」ものであれば問題ありません。',
      en: 'Nothing to do if the target really is zero.',
    },
  },
  'summary.mismatch': {
    severity: 'warning',
    message: {
      ja: '手入力の集計表の{year}「{label}」は{written}ですが、項目データから計算すると{computed}です。',
      en: 'The hand-made summary says {written} for {label} in {year}, but the item data give {computed}.',
    },
    suggestion: {
      ja: '集計表を作成で計算した値に置き換えることをお勧めします（終了項目の扱い: {rule}）。',
      en: 'Replace it with the computed figure ({rule}).',
    },
  },
};

export const FINDING_CODES = Object.keys(FINDINGS) as readonly FindingCode[];

/** The one set of severity words: findings sheet, CLI, pane. */
export const severityLabels: Readonly<Record<Severity, Message>> = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
};

/** Words the renderer puts into finding params (field names, unreadable reasons). */
export const fieldLabels: Readonly<Record<'target' | 'actual', Message>> = {
  target: { ja: '計画値', en: 'target' },
  actual: { ja: '実績値', en: 'actual' },
};

export const unreadableReasons: Readonly<Record<UnreadableReason, Message>> = {
  notZip: {
    ja: 'Excel ブック（.xlsx）の形式ではありません（CSV など別の形式に .xlsx の名前が付いている可能性があります）',
    en: 'it is not an Excel workbook (.xlsx); it may be a CSV or another format named .xlsx',
  },
  truncated: {
    ja: 'ファイルが壊れているか、途中までしか保存・コピーされていません',
    en: 'the file is damaged, or was saved or copied only in part',
  },
  encrypted: {
    ja: 'パスワードで保護されているか、古い .xls 形式です',
    en: 'it is password-protected, or in the old .xls format',
  },
  tooLarge: {
    ja: '大きすぎます（ファイルは 50 MB まで、展開後の中身は 500 MB まで読み込みます）',
    en: 'it is too large (up to 50 MB on disk and 500 MB unpacked are read)',
  },
  tooManySheets: {
    ja: 'シートが多すぎます（2,000 シートまで読み込みます）',
    en: 'it has too many sheets (up to 2,000 are read)',
  },
  tooManyCells: {
    ja: 'セルや文字列が多すぎます（セルは書式だけの空白セルも含めて 500 万まで、入力規則・名前の範囲は 200 万セルまで）',
    en: 'it has too many cells or strings (up to 5 million cells, blank formatted ones included, and 2 million cells under dropdowns and names)',
  },
  tooManyMerges: {
    ja: '結合セルが多すぎます（1 万か所まで読み込みます）',
    en: 'it has too many merged areas (up to 10,000 are read)',
  },
  notFound: { ja: 'ファイルが見つかりません', en: 'the file does not exist' },
  other: {
    ja: 'Excel ブックとして読めません（Word 文書など、別の種類のファイルの可能性があります）',
    en: 'it cannot be read as an Excel workbook; it may be another kind of file, such as a Word document',
  },
};

/** What to do about each cause, in the same language as the reason. */
export const unreadableFixes: Readonly<Record<UnreadableReason, Message>> = {
  notZip: {
    ja: 'Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください。',
    en: 'Open it in Excel and use Save As → "Excel Workbook (*.xlsx)".',
  },
  truncated: {
    ja: '元のファイルをもう一度コピーしてください。Excel で開ける場合は（修復を求められたら修復して）保存し直してください。',
    en: 'Copy the original file again. If Excel opens it (repairing it if asked), save it again.',
  },
  encrypted: {
    ja: 'Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消してから保存してください。.xls の場合は「Excel ブック (*.xlsx)」で保存し直してください。',
    en: 'Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save; an .xls file: Save As "Excel Workbook (*.xlsx)".',
  },
  tooLarge: {
    ja: '実施計画のシートだけを新しいブックにコピーするか、画像や別の大きな表を別のブックに移してください。',
    en: 'Copy the plan sheets into a new workbook, or move pictures and other large tables to another workbook.',
  },
  tooManySheets: {
    ja: '実施計画のシートだけを新しいブックにコピーしてください。',
    en: 'Copy the plan sheets into a new workbook.',
  },
  tooManyCells: {
    ja: '表の下や右に続く不要な行・列（書式や入力規則だけのものを含む）を削除して保存し直してください。',
    en: 'Delete the unused rows and columns below and to the right of the tables (also those holding only formats or dropdowns), then save.',
  },
  tooManyMerges: {
    ja: '不要なセル結合を解除して保存し直してください。',
    en: 'Unmerge the cells that do not need merging, then save.',
  },
  notFound: {
    ja: 'パスの綴りと、ファイルが移動・削除されていないかを確認してください。',
    en: 'Check the path, and whether the file was moved or deleted.',
  },
  other: {
    ja: 'Excel で開けるか確かめてください。開ける場合は「Excel ブック (*.xlsx)」で保存し直してください。',
    en: 'Check that Excel opens it; if it does, save it again as "Excel Workbook (*.xlsx)".',
  },
};

/** Why a table was not read as a plan table (the `tableReason` of `table.rejected`). */
export type TableRejection = 'statusNotMarks' | 'rowsNotItems';

export const tableRejections: Readonly<Record<TableRejection, Message>> = {
  statusNotMarks: {
    ja: '年度の列に記号ではなく数値・年・文章が入っています',
    en: 'its year columns hold numbers, years or text, not marks',
  },
  rowsNotItems: {
    ja: '行が項目名ではなく単位や番号です',
    en: 'its rows are units or codes, not item names',
  },
};
