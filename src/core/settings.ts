import { z } from 'zod';

/**
 * Settings shared by the pane (stored in the workbook) and the CLI (a JSON file).
 * Parsed with zod wherever they enter: a workbook setting or a file is outside data.
 */

export const markKeySchema = z.enum(['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended']);

export const endedRuleSchema = z.enum(['on-plan', 'exclude', 'not-achieved']);
export type EndedRule = z.infer<typeof endedRuleSchema>;

export const markSymbolSchema = z.object({
  /** The canonical symbol written by the add-in and shown in the legend. */
  symbol: z.string().min(1).max(10),
  key: markKeySchema,
  /** Other spellings accepted as this mark, reported as `mark.variant`. */
  variants: z.array(z.string().min(1).max(10)).default([]),
});
export type MarkSymbol = z.infer<typeof markSymbolSchema>;

export const DEFAULT_MARKS: readonly MarkSymbol[] = [
  { symbol: '◎', key: 'ahead', variants: ['◉'] },
  // 〇 (U+3007) and ◯ (U+25EF) are what Japanese IMEs often give for ○ (U+25CB).
  { symbol: '○', key: 'onPlan', variants: ['〇', '◯'] },
  { symbol: '□', key: 'nearlyOnPlan', variants: ['◻', '☐', '⬜'] },
  { symbol: '▲', key: 'behind', variants: ['▴'] },
  { symbol: '終了', key: 'ended', variants: ['事業終了'] },
];

/** Words in an indicator's name that mean a lower figure is better. */
export const DEFAULT_LOWER_IS_BETTER_WORDS: readonly string[] = [
  '排出量',
  '時間外',
  '経常収支比率',
  '削減',
  '赤字',
  '繰入',
  '負担',
  '待機',
  '件数(苦情)',
];

export const settingsSchema = z.object({
  /** Target fiscal year label (`R2`); null means the latest year that has marks. */
  targetYear: z.string().max(20).nullable().default(null),
  endedRule: endedRuleSchema.default('on-plan'),
  /** Direction per indicator name, overriding what the name suggests. */
  indicatorDirections: z.record(z.string(), z.enum(['higherIsBetter', 'lowerIsBetter'])).default({}),
  marks: z
    .array(markSymbolSchema)
    .min(1)
    .max(20)
    .default([...DEFAULT_MARKS]),
  lowerIsBetterWords: z
    .array(z.string().min(1).max(40))
    .max(200)
    .default([...DEFAULT_LOWER_IS_BETTER_WORDS]),
  /** 中間実績 (mid-year, October) or 実績 (year end, March). */
  reportKind: z.enum(['midYear', 'yearEnd']).default('yearEnd'),
  /** The plan's name on the publication sheet and in page headers; null: the title row of the items' sheet. */
  planName: z.string().trim().min(1).max(100).nullable().default(null),
  /** The municipality, written before the plan's name when the name does not already say it. */
  municipality: z.string().trim().min(1).max(40).nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Parse settings from outside data; on failure return the defaults and the reason. */
export function parseSettings(input: unknown): { settings: Settings; error: string | null } {
  const result = settingsSchema.safeParse(input ?? {});
  if (result.success) return { settings: result.data, error: null };
  return {
    settings: DEFAULT_SETTINGS,
    error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
  };
}
