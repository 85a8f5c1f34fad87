import { z } from 'zod';
import {
  type Grade,
  gradeSchema,
  type HeaderSynonyms,
  headerSynonymsSchema,
  isPresetScale,
  PRESET_SCALES,
  type Scale,
  scaleSchema,
} from './scales';

/**
 * Settings shared by the pane (stored in the workbook) and the CLI (a JSON file).
 * Parsed with zod wherever they enter: a workbook setting or a file is outside data.
 */

export const markKeySchema = z.enum(['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended']);
export { markRoleSchema } from './scales';

export const endedRuleSchema = z.enum(['on-plan', 'exclude', 'not-achieved']);
export type EndedRule = z.infer<typeof endedRuleSchema>;

/** One mark of the scale in force: its symbol, variants and role (see scales.ts). */
export const markSymbolSchema = gradeSchema;
export type MarkSymbol = Grade;

/** The kasama scale's marks: what `marks` holds unless the settings rename them. */
export const DEFAULT_MARKS: readonly MarkSymbol[] = PRESET_SCALES.kasama.grades;

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

const scaleNameSchema = z.string().min(1).max(40);

export const settingsSchema = z
  .object({
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
    /**
     * The grade scale in force: a preset (kasama, sabc, a-f, achievement, status) or a name in `scales`.
     * kasama's marks are `marks` (which the settings may rename).
     */
    scale: scaleNameSchema.default('kasama'),
    /** The city's own scales, by name. */
    scales: z
      .record(scaleNameSchema, scaleSchema)
      .refine((r) => Object.keys(r).length <= 20, { message: 'at most 20 scales' })
      .default({}),
    /** Header words added to the built-in ones and the scale's own (評価結果, 事務事業名, …). */
    headers: headerSynonymsSchema.default({}),
    /** The plan's name on the publication sheet and in page headers; null: the title row of the items' sheet. */
    planName: z.string().trim().min(1).max(100).nullable().default(null),
    /** The municipality, written before the plan's name when the name does not already say it. */
    municipality: z.string().trim().min(1).max(40).nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (!isPresetScale(s.scale) && !Object.prototype.hasOwnProperty.call(s.scales, s.scale))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scale'], message: `unknown scale "${s.scale}"` });
  });
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** The scale in force, with its header words and the settings' own added. */
export interface ScaleInForce {
  readonly name: string;
  readonly grades: readonly Grade[];
  readonly headers: HeaderSynonyms;
}

const resolved = new WeakMap<Settings, ScaleInForce>();

export function scaleOf(settings: Settings): ScaleInForce {
  const known = resolved.get(settings);
  if (known) return known;
  const name = settings.scale ?? 'kasama';
  const custom = settings.scales?.[name];
  const scale: Scale =
    custom && Object.prototype.hasOwnProperty.call(settings.scales, name)
      ? custom
      : isPresetScale(name)
        ? PRESET_SCALES[name]
        : PRESET_SCALES.kasama;
  const extra = settings.headers;
  const headers = Object.fromEntries(
    Object.entries(scale.headers).map(([field, words]) => [
      field,
      [...words, ...(extra?.[field as keyof HeaderSynonyms] ?? [])],
    ]),
  ) as unknown as HeaderSynonyms;
  const result: ScaleInForce = {
    name,
    // kasama's marks may be renamed in the settings (the pane's 設定 edits them).
    grades: name === 'kasama' && !custom ? settings.marks : scale.grades,
    headers,
  };
  resolved.set(settings, result);
  return result;
}

/** The grades of the scale in force (symbols, variants, roles). */
export function gradesOf(settings: Settings): readonly Grade[] {
  return scaleOf(settings).grades;
}

/** Parse settings from outside data; on failure return the defaults and the reason. */
export function parseSettings(input: unknown): { settings: Settings; error: string | null } {
  const result = settingsSchema.safeParse(input ?? {});
  if (result.success) return { settings: result.data, error: null };
  return {
    settings: DEFAULT_SETTINGS,
    error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
  };
}
