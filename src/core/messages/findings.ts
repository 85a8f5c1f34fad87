import type { Finding, FindingCode, FindingParams } from '../model';
import { formatFiscalYear, parseFiscalYear } from '../values';
import { formatMessage, type Lang, type Message } from './format';
import { endedRuleLabels } from './summary';

type SuggestionText = Message | ((params: FindingParams) => Message);

/**
 * Text of every finding, in Japanese and English. A finding's params fill the placeholders:
 * see the validator for which params each code carries.
 */
export const findingMessages: Readonly<
  Record<FindingCode, { readonly message: Message; readonly suggestion: SuggestionText }>
> = {
  'mark.unknown': {
    message: {
      ja: '{year}の進捗状況「{raw}」は認識できない記号です。',
      en: 'The {year} status "{raw}" is not a recognised mark.',
    },
    suggestion: (p) =>
      p.suggested
        ? {
            ja: '「{suggested}」の誤りではありませんか。使える記号: {symbols}',
            en: 'Did you mean "{suggested}"? Marks in use: {symbols}',
          }
        : { ja: '使える記号: {symbols}（1つのセルに1つ）', en: 'Use one of: {symbols} (one per cell)' },
  },
  'mark.missing': {
    message: {
      ja: '「{item}」の{year}の進捗状況が空欄です。',
      en: 'The {year} status of "{item}" is blank.',
    },
    suggestion: {
      ja: '◎ ○ □ ▲ 終了 のいずれかを入力してください。',
      en: 'Enter one of ◎ ○ □ ▲ 終了.',
    },
  },
  'mark.variant': {
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
    message: {
      ja: 'シート「{sheet}」の{cell}からの表は実施計画の表ではないため読み取りません（{reason}）。',
      en: 'The table at {cell} on sheet "{sheet}" is not an implementation-plan table and was not read ({reason}).',
    },
    suggestion: {
      ja: '実施計画の表であれば、進捗状況の列に記号を、実施項目の列に項目名を入力してください。',
      en: 'If it is a plan table, put marks in its status columns and item names in its item column.',
    },
  },
  'table.statusNotMarks': {
    message: {
      ja: 'シート「{sheet}」の表の{years}の進捗状況の列には、記号ではなく数値や文章が入っています（{cells}セル）。',
      en: 'The {years} status column of the table on sheet "{sheet}" holds numbers or text, not marks ({cells} cells).',
    },
    suggestion: {
      ja: '使える記号: {symbols}。進捗状況の列でなければ、列見出しを見直してください。',
      en: 'Use one of: {symbols}. If it is not a status column, change its header.',
    },
  },
  'file.unreadable': {
    message: {
      ja: 'ファイルを読み込めません: {reason}',
      en: 'The file cannot be read: {reason}',
    },
    suggestion: {
      ja: 'Excelで開いて .xlsx 形式で保存し直してください（パスワード保護は解除してください）。',
      en: 'Open it in Excel and save it again as .xlsx (remove any password protection).',
    },
  },
  'file.macros': {
    message: {
      ja: 'このブックにはマクロ（VBA）が含まれています。マクロは実行せず、値だけを読み取りました。',
      en: 'This workbook contains macros (VBA). They were not run; only the values were read.',
    },
    suggestion: {
      ja: 'reform-progress が書き出すコピー（--out）にはマクロは含まれません（元のファイルは変更しません）。マクロを残すには、元のブックでアドインを使ってください。',
      en: 'A copy written by reform-progress (--out) does not keep the macros (the original file is not changed). To keep them, use the add-in in the original workbook.',
    },
  },
  'indicator.markMismatch': {
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
    message: {
      ja: '手入力の集計表の{year}「{label}」は{written}ですが、項目データから計算すると{computed}です。',
      en: 'The hand-made summary says {written} for {label} in {year}, but the item data give {computed}.',
    },
    suggestion: {
      ja: '集計表を作成で計算した値に置き換えることをお勧めします（終了項目の扱い: {rule}）。',
      en: 'Replace it with the computed figure (ended items counted as: {rule}).',
    },
  },
  'sheet.ownedSkipped': {
    message: {
      ja: 'シート「{sheet}」はこのアドインが作成した集計シートのため、読み取り対象外です。',
      en: 'Sheet "{sheet}" was written by this add-in and is not read as plan data.',
    },
    suggestion: { ja: '', en: '' },
  },
};

export interface RenderedFinding {
  readonly message: string;
  readonly suggestion: string;
}

const FIELD_LABELS: Readonly<Record<string, Message>> = {
  target: { ja: '計画値', en: 'target' },
  actual: { ja: '実績値', en: 'actual' },
};

const UNREADABLE_REASONS: Readonly<Record<string, Message>> = {
  notZip: { ja: '.xlsx 形式（zip）ではありません', en: 'it is not an .xlsx (zip) file' },
  truncated: { ja: 'ファイルが壊れているか途中で切れています', en: 'the file is damaged or truncated' },
  encrypted: {
    ja: 'パスワードで保護されているか、古い .xls 形式です',
    en: 'it is password-protected or in the old .xls format',
  },
  tooLarge: { ja: '大きすぎます（上限を超えています）', en: 'it is too large (over the limit)' },
  tooManySheets: { ja: 'シートが多すぎます', en: 'it has too many sheets' },
  tooManyCells: { ja: 'セルが多すぎます', en: 'it has too many cells' },
  tooManyMerges: { ja: '結合セルが多すぎます', en: 'it has too many merged areas' },
  notFound: { ja: 'ファイルが見つかりません', en: 'the file does not exist' },
  other: { ja: 'Excel ブックとして読めません', en: 'it cannot be read as an Excel workbook' },
};

const TABLE_REASONS: Readonly<Record<string, Message>> = {
  statusNotMarks: {
    ja: '年度の列に記号ではなく数値・年・文章が入っています',
    en: 'its year columns hold numbers, years or text, not marks',
  },
  rowsNotItems: {
    ja: '行が項目名ではなく単位や番号です',
    en: 'its rows are units or codes, not item names',
  },
};

const YEAR_PARAMS = ['year', 'endedYear', 'tag'] as const;

/** Params as the reader sees them: years in the language's long form, field names translated. */
function localizeParams(params: FindingParams, lang: Lang): FindingParams {
  const out: Record<string, string | number> = { ...params };
  for (const name of YEAR_PARAMS) {
    const value = params[name];
    const year = typeof value === 'string' ? parseFiscalYear(value) : null;
    if (year) out[name] = formatFiscalYear(year, lang, 'long');
  }
  const reasonCode = params.reasonCode;
  if (typeof reasonCode === 'string') {
    const reason = (UNREADABLE_REASONS[reasonCode] ?? UNREADABLE_REASONS.other!)[lang];
    out.reason = params.detail ? `${reason} (${params.detail})` : reason;
  }
  const years = params.years;
  if (typeof years === 'string')
    out.years = years
      .split(' ')
      .map((y) => {
        const year = parseFiscalYear(y);
        return year ? formatFiscalYear(year, lang, 'long') : y;
      })
      .join(lang === 'ja' ? '・' : ', ');
  const tableReason = params.tableReason;
  if (typeof tableReason === 'string' && TABLE_REASONS[tableReason])
    out.reason = TABLE_REASONS[tableReason]![lang];
  const rule = params.rule;
  if (typeof rule === 'string' && rule in endedRuleLabels)
    out.rule = endedRuleLabels[rule as keyof typeof endedRuleLabels][lang];
  const field = params.field;
  if (typeof field === 'string' && FIELD_LABELS[field]) out.field = FIELD_LABELS[field]![lang];
  return out;
}

export function renderFinding(finding: Finding, lang: Lang): RenderedFinding {
  const text = findingMessages[finding.code];
  const params = localizeParams(finding.params, lang);
  const suggestion =
    typeof text.suggestion === 'function' ? text.suggestion(finding.params) : text.suggestion;
  return {
    message: formatMessage(text.message, lang, params),
    suggestion: formatMessage(suggestion, lang, params),
  };
}
