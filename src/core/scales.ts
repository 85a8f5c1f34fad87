/**
 * Grade scales: the vocabularies cities grade their reform items with (◎○□▲終了 in 笠間市, S/A/B/C in
 * 木津川市, A–F in 甲府市's 事務事業評価, 達成/未達成, 完了/取組中/未着手), each grade mapped onto a role
 * the summary understands. Pure data and zod schemas; the scale in force is chosen in settings.ts.
 */
import { z } from 'zod';

/** What a grade means to the summary. notEvaluated items are listed and counted but leave the rate. */
export const markRoleSchema = z.enum(['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended', 'notEvaluated']);

const labelSchema = z.object({ ja: z.string().min(1).max(40), en: z.string().min(1).max(40) });

export const gradeSchema = z.object({
  /** The canonical symbol written by the add-in and shown in legends and dropdowns. */
  symbol: z.string().min(1).max(10),
  key: markRoleSchema,
  /** Other spellings accepted as this grade, reported as `mark.variant`. */
  variants: z.array(z.string().min(1).max(10)).max(20).default([]),
  /**
   * Whether the grade counts toward 進捗率. Default by role: ahead, onPlan and nearlyOnPlan count; behind
   * does not; ended follows the ended-item rule; notEvaluated is outside the rate.
   */
  counts: z.boolean().optional(),
  /** The grade's name in the legend and the summary (default: the role's name). */
  label: labelSchema.optional(),
});
export type Grade = z.infer<typeof gradeSchema>;

const synonymList = z.array(z.string().min(1).max(40)).max(50).default([]);

/** Extra header words, added to the built-in ones (進捗状況, 実施項目, 担当部, …). */
export const headerSynonymsSchema = z.object({
  status: synonymList,
  name: synonymList,
  number: synonymList,
  department: synonymList,
  division: synonymList,
  owner: synonymList,
});
export type HeaderSynonyms = z.infer<typeof headerSynonymsSchema>;

export const scaleSchema = z.object({
  label: labelSchema.optional(),
  grades: z.array(gradeSchema).min(1).max(20),
  headers: headerSynonymsSchema.default({}),
});
export type Scale = z.infer<typeof scaleSchema>;

/** Full-width letters are what a Japanese IME often types: Ａ for A. */
function letter(symbol: string, key: Grade['key'], counts: boolean, label: Grade['label']): Grade {
  const fullWidth = String.fromCharCode(symbol.charCodeAt(0) + 0xfee0);
  return { symbol, key, variants: [fullWidth, symbol.toLowerCase()], counts, label };
}

const NOT_EVALUATED: readonly Grade[] = [
  { symbol: '対象外', key: 'notEvaluated', variants: [], label: { ja: '対象外', en: 'not applicable' } },
  { symbol: '未評価', key: 'notEvaluated', variants: [], label: { ja: '未評価', en: 'not evaluated' } },
];

export type PresetScaleName = 'kasama' | 'sabc' | 'a-f' | 'achievement' | 'status';

function headers(extra: Partial<HeaderSynonyms>): HeaderSynonyms {
  return { status: [], name: [], number: [], department: [], division: [], owner: [], ...extra };
}

export const PRESET_SCALES: Readonly<Record<PresetScaleName, Scale>> = {
  kasama: {
    label: { ja: '◎ ○ □ ▲ 終了（笠間市方式）', en: '◎ ○ □ ▲ 終了 (Kasama)' },
    grades: [
      { symbol: '◎', key: 'ahead', variants: ['◉'] },
      // 〇 (U+3007) and ◯ (U+25EF) are what Japanese IMEs often give for ○ (U+25CB).
      { symbol: '○', key: 'onPlan', variants: ['〇', '◯'] },
      { symbol: '□', key: 'nearlyOnPlan', variants: ['◻', '☐', '⬜'] },
      { symbol: '▲', key: 'behind', variants: ['▴'] },
      { symbol: '終了', key: 'ended', variants: ['事業終了'] },
    ],
    headers: headers({}),
  },
  sabc: {
    label: { ja: 'S A B C', en: 'S A B C' },
    grades: [
      letter('S', 'ahead', true, { ja: '特に良好', en: 'excellent' }),
      letter('A', 'onPlan', true, { ja: '良好', en: 'good' }),
      letter('B', 'nearlyOnPlan', true, { ja: '概ね進捗', en: 'mostly on track' }),
      letter('C', 'behind', false, { ja: '進捗に課題あり', en: 'behind' }),
      { symbol: '完了', key: 'ended', variants: ['終了'], label: { ja: '完了', en: 'completed' } },
      ...NOT_EVALUATED,
    ],
    headers: headers({
      status: ['評価', '総合評価', '評価結果', '進捗評価'],
      name: ['取組項目', '事業名', '事務事業名'],
    }),
  },
  'a-f': {
    label: { ja: 'A〜F', en: 'A–F' },
    grades: [
      letter('A', 'ahead', true, { ja: 'A', en: 'A' }),
      letter('B', 'onPlan', true, { ja: 'B', en: 'B' }),
      letter('C', 'nearlyOnPlan', true, { ja: 'C', en: 'C' }),
      letter('D', 'behind', false, { ja: 'D', en: 'D' }),
      letter('E', 'behind', false, { ja: 'E', en: 'E' }),
      letter('F', 'behind', false, { ja: 'F', en: 'F' }),
      ...NOT_EVALUATED,
    ],
    headers: headers({ status: ['評価', '総合評価', '評価結果'], name: ['事業名', '事務事業名'] }),
  },
  achievement: {
    label: { ja: '達成／概ね達成／一部達成／未達成', en: 'achieved / mostly / partly / not achieved' },
    grades: [
      { symbol: '達成', key: 'ahead', variants: [], counts: true, label: { ja: '達成', en: 'achieved' } },
      {
        symbol: '概ね達成',
        key: 'onPlan',
        variants: ['おおむね達成'],
        counts: true,
        label: { ja: '概ね達成', en: 'mostly achieved' },
      },
      {
        symbol: '一部達成',
        key: 'nearlyOnPlan',
        variants: [],
        counts: false,
        label: { ja: '一部達成', en: 'partly achieved' },
      },
      {
        symbol: '未達成',
        key: 'behind',
        variants: [],
        counts: false,
        label: { ja: '未達成', en: 'not achieved' },
      },
      ...NOT_EVALUATED,
    ],
    headers: headers({ status: ['達成度', '達成状況', '評価', '評価結果'], name: ['取組項目', '事業名'] }),
  },
  status: {
    label: { ja: '完了／取組中／未着手', en: 'done / in progress / not started' },
    grades: [
      { symbol: '完了', key: 'ended', variants: ['済'], label: { ja: '完了', en: 'done' } },
      { symbol: '取組中', key: 'onPlan', variants: ['実施中'], label: { ja: '取組中', en: 'in progress' } },
      { symbol: '未着手', key: 'behind', variants: [], label: { ja: '未着手', en: 'not started' } },
      ...NOT_EVALUATED,
    ],
    headers: headers({ status: ['実施状況'], name: ['取組項目', '事業名'] }),
  },
};
export const PRESET_SCALE_NAMES = Object.keys(PRESET_SCALES) as PresetScaleName[];

export function isPresetScale(name: string): name is PresetScaleName {
  return Object.prototype.hasOwnProperty.call(PRESET_SCALES, name);
}

/**
 * Every symbol and variant of every preset: a cell holding one of these is a grade of some scale, even
 * when not of the scale in force (a table graded S/A/B/C read with ◎○□▲ is a plan table with unknown
 * marks, not a data sheet).
 */
export const ANY_SCALE_TOKENS: ReadonlySet<string> = new Set(
  Object.values(PRESET_SCALES).flatMap((s) => s.grades.flatMap((g) => [g.symbol, ...g.variants])),
);

/** The preset a set of cell texts fits best, when one fits them all (for a hint on a table of unknown marks). */
export function presetFitting(texts: readonly string[]): PresetScaleName | null {
  if (texts.length === 0) return null;
  for (const name of PRESET_SCALE_NAMES) {
    const scale = PRESET_SCALES[name];
    const tokens = new Set(scale.grades.flatMap((g) => [g.symbol, ...g.variants]));
    if (texts.every((t) => tokens.has(t))) return name;
  }
  return null;
}
