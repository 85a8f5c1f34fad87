/**
 * Header recognition: which column holds which field, from one- or two-row headers,
 * whatever the column order. Header texts are matched by synonyms after folding
 * (NFKC, no spaces, dashes unified) with any fiscal year taken out of the text.
 */
import type { FiscalYear } from '../model';
import { foldForMatch } from '../values/text';
import { findFiscalYear } from '../values/years';

export type HeaderField =
  | 'number'
  | 'name'
  | 'status'
  | 'department'
  | 'division'
  | 'owner'
  | 'indicator'
  | 'target'
  | 'actual'
  | 'result'
  | 'nextPlan'
  | 'policy'
  | 'measure';

/** What one header cell says: a field (maybe with a year), a bare year, or nothing we know. */
export interface HeaderLabel {
  readonly field: HeaderField | 'year';
  readonly year: FiscalYear | null;
}

const SYNONYMS: ReadonlyArray<readonly [HeaderField, readonly string[]]> = [
  ['number', ['番号', 'no', 'no.', '項番', '№', '通し番号', '項目番号', 'ナンバー', '#', 'id']],
  [
    'name',
    [
      '実施項目',
      '取組項目',
      '実施項目名',
      '取組項目名',
      '項目',
      '項目名',
      '取組名',
      '事業名',
      '改革項目',
      '取組事項',
    ],
  ],
  ['status', ['進捗状況', '進捗', '進捗度', '達成状況', '進捗評価', '評価', '進ちょく状況', '進捗状況評価']],
  ['department', ['担当部', '担当部署', '所管部', '部', '部名', '担当部局', '部局', '主管部', '担当部名']],
  ['division', ['担当課', '所管課', '課', '課名', '担当課名', '主管課', '担当課室', '担当課等']],
  ['owner', ['担当', '担当部課', '所管', '担当部・課', '担当部課名', '所管部課', '担当部署名']],
  ['indicator', ['指標', '指標名', '成果指標', '目標指標', '数値目標', '評価指標', '指標項目']],
  ['target', ['計画', '目標', '目標値', '計画値', '計画数値', '目標数値']],
  ['actual', ['実績', '実績値', '実績数値']],
  [
    'result',
    [
      '具体的な取組結果',
      '取組結果',
      '取組実績',
      '実施内容',
      '取組状況',
      '具体的な取組内容',
      '実施結果',
      '取組内容',
      '取組の結果',
    ],
  ],
  [
    'nextPlan',
    [
      '次年度の取組計画',
      '次年度計画',
      '次年度の取組',
      '今後の取組',
      '取組計画',
      '今後の方向性',
      '今後の取組方針',
      '次年度の予定',
    ],
  ],
  ['policy', ['基本方針', '方針', '基本方針名', '大綱の基本方針']],
  ['measure', ['施策', '施策名', '推進項目', '取組方針', '主要施策', '改革の方針']],
];

/** Header cells are short; item rows are not worth folding and matching cell by cell. */
const MAX_HEADER_LENGTH = 40;

/** Header words beyond the built-in ones: a scale's own (評価結果, 事務事業名) and the settings'. */
export type ExtraHeaderWords = Readonly<Partial<Record<HeaderField, readonly string[]>>>;

/**
 * The header words in force: the built-in synonyms with a scale's and the settings' added (added words
 * win over a built-in meaning of the same word). Each keeps its own bounded cache.
 */
export class HeaderWords {
  private readonly index: ReadonlyMap<string, HeaderField>;
  private readonly cache = new Map<string, HeaderLabel | null>();

  constructor(extra: ExtraHeaderWords = {}) {
    const entries = SYNONYMS.flatMap(([field, words]) => words.map((w) => [foldForMatch(w), field] as const));
    for (const [field, words] of Object.entries(extra) as [HeaderField, readonly string[]][])
      for (const w of words ?? []) entries.push([foldForMatch(w), field] as const);
    this.index = new Map(entries);
  }

  classify(text: string): HeaderLabel | null {
    if (text.length > MAX_HEADER_LENGTH * 2) return null;
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const label = classifyUncached(text, this.index);
    // Bounded: header texts repeat (per table), item texts mostly do not.
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(text, label);
    return label;
  }
}

const vocabularies = new Map<string, HeaderWords>();

/** The header words for a set of extra words, made once per distinct set. */
export function headerWords(extra: ExtraHeaderWords = {}): HeaderWords {
  const id = JSON.stringify(extra);
  let words = vocabularies.get(id);
  if (!words) {
    if (vocabularies.size > 50) vocabularies.clear();
    words = new HeaderWords(extra);
    vocabularies.set(id, words);
  }
  return words;
}

/** Header text without its year, brackets and decoration, e.g. `計画(R2)` → `計画`. */
export function headerBase(text: string): string {
  // Year fragments as they look after folding (NFKC, lower case, no spaces).
  return foldForMatch(text)
    .replace(/(平成|令和|昭和)(元|\d{1,2})(年度|年)?/g, '')
    .replace(/fy(19|20)\d{2}/g, '')
    .replace(/(19|20)\d{2}(年度|年)?/g, '')
    .replace(/(^|[^a-z])[hrs](元|\d{1,2})(年度|年)?(?![a-z0-9])/g, '$1')
    .replace(/[()[\]{}【】〔〕<>「」『』☆★※*:：・]/g, '')
    .replace(/^の/, '');
}

export function classifyHeader(text: string, words: HeaderWords = headerWords()): HeaderLabel | null {
  return words.classify(text);
}

function classifyUncached(text: string, index: ReadonlyMap<string, HeaderField>): HeaderLabel | null {
  const folded = foldForMatch(text);
  if (folded === '' || folded.length > MAX_HEADER_LENGTH) return null;
  const year = findFiscalYear(text);
  const base = headerBase(text);
  if (base === '') return year ? { field: 'year', year } : null;
  const exact = index.get(base);
  if (exact) return { field: exact, year };
  if (/取組計画$|次年度/.test(base)) return { field: 'nextPlan', year };
  if (/取組結果|取組実績|取組状況$/.test(base)) return { field: 'result', year };
  if (/^進捗(状況)?/.test(base) && base.length <= 8) return { field: 'status', year };
  if (/^指標/.test(base) && base.length <= 8) return { field: 'indicator', year };
  if (/^(計画|目標)(値)?$/.test(base)) return { field: 'target', year };
  if (/^実績(値)?$/.test(base)) return { field: 'actual', year };
  return null;
}

/** Column positions of one plan table (0-based absolute columns). */
export interface ColumnMap {
  number: number | null;
  name: number;
  policy: number | null;
  measure: number | null;
  department: number | null;
  division: number | null;
  owner: number | null;
  indicator: number | null;
  result: number | null;
  nextPlan: number | null;
  /** Status mark columns per year, in year order of appearance. */
  status: Map<FiscalYear, number>;
  /** Indicator target and actual columns; key null when the header has no year. */
  target: Map<FiscalYear | null, number>;
  actual: Map<FiscalYear | null, number>;
}

/** The label of each column of a header block, already combined across its one or two rows. */
export type ColumnLabels = ReadonlyMap<number, HeaderLabel>;

/** Combine a group header above (進捗状況, 計画, 指標) with the label below it (H30, 計画). */
export function combineLabels(top: HeaderLabel | null, bottom: HeaderLabel | null): HeaderLabel | null {
  if (!bottom) {
    if (!top) return null;
    // A bare year on a one-row header is a status column (`H30`, `令和元年度`).
    return top.field === 'year' ? { field: 'status', year: top.year } : top;
  }
  if (!top) return bottom.field === 'year' ? { field: 'status', year: bottom.year } : bottom;
  if (bottom.field === 'year') {
    if (top.field === 'year') return { field: 'status', year: bottom.year };
    return { field: top.field, year: bottom.year };
  }
  // 指標 over 計画 / 実績, or a year over 計画 / 実績: the lower, more specific label wins.
  return { field: bottom.field, year: bottom.year ?? top.year };
}

/** Build the column map from labelled columns; null unless it has an item column and a status year. */
export function buildColumnMap(labels: ColumnLabels): ColumnMap | null {
  const columns = [...labels.keys()].sort((a, b) => a - b);
  return columnMapOf(
    columns,
    columns.map((col) => labels.get(col)!),
  );
}

/**
 * buildColumnMap for columns already in ascending order, each with its label (labels[i] for columns[i]):
 * the header reader makes them in that order, so it needs no map of labels and no sort.
 */
export function columnMapOf(columns: readonly number[], labels: readonly HeaderLabel[]): ColumnMap | null {
  const map: ColumnMap = {
    number: null,
    name: -1,
    policy: null,
    measure: null,
    department: null,
    division: null,
    owner: null,
    indicator: null,
    result: null,
    nextPlan: null,
    status: new Map(),
    target: new Map(),
    actual: new Map(),
  };
  for (let i = 0; i < columns.length; i += 1) {
    const col = columns[i]!;
    const label = labels[i]!;
    switch (label.field) {
      case 'status':
        if (label.year && !map.status.has(label.year)) map.status.set(label.year, col);
        break;
      case 'target':
        if (!map.target.has(label.year)) map.target.set(label.year, col);
        break;
      case 'actual':
        if (!map.actual.has(label.year)) map.actual.set(label.year, col);
        break;
      case 'name':
        if (map.name < 0) map.name = col;
        break;
      case 'year':
        break;
      default:
        if (map[label.field] === null) map[label.field] = col;
    }
  }
  if (map.name < 0 || map.status.size === 0) return null;
  return map;
}
