/**
 * A plan definition: what a new implementation plan holds before any year is reported — basic
 * policies, measures, items with owners and indicators, and the plan's fiscal years. It comes from
 * a JSON file (outside data: parsed with zod) or from the items of an existing workbook.
 */
import { z } from 'zod';
import type { FiscalYear } from '../model';
import { compareFiscalYears, nextFiscalYear, parseFiscalYear } from '../values';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ownerSchema = z.object({
  department: text(60),
  division: z.string().trim().max(60).default(''),
});

export const indicatorSchema = z.object({
  name: text(120),
  /** ☆: a key indicator. */
  key: z.boolean().default(false),
  /** Target per fiscal year label (`R4`, `令和4年度`); a number or the text people write (`(年度毎に決定)`). */
  targets: z.record(z.string(), z.union([z.number().finite(), z.string().max(120)])).default({}),
});

export const planItemSchema = z.object({
  /** As printed (`①`, `3`); blank numbers are given ①, ②, … within the measure. */
  number: z.string().max(10).optional(),
  name: text(200),
  /** 【重点】 */
  priority: z.boolean().default(false),
  owners: z.array(ownerSchema).min(1).max(10),
  indicator: indicatorSchema.nullable().default(null),
});

export const measureSchema = z.object({ title: text(120), items: z.array(planItemSchema).min(1).max(2000) });
export const policySchema = z.object({ title: text(120), measures: z.array(measureSchema).min(1).max(200) });

export const planDefinitionSchema = z.object({
  /** Printed at the top of every sheet, e.g. 第4次笠間市行財政改革大綱実施計画. */
  title: text(200),
  /** The plan's fiscal years, e.g. ["R4", "R5", "R6", "R7", "R8"] or "R4-R8". */
  years: z.union([z.string(), z.array(z.string()).min(1)]),
  policies: z.array(policySchema).min(1).max(50),
});

export type PlanOwner = z.infer<typeof ownerSchema>;
export type PlanIndicator = z.infer<typeof indicatorSchema>;
export type PlanDefinitionItem = z.infer<typeof planItemSchema>;
export type PlanMeasure = z.infer<typeof measureSchema>;
export type PlanPolicy = z.infer<typeof policySchema>;
/** A parsed plan definition, years resolved to canonical labels in order. */
export type PlanDefinition = Omit<z.infer<typeof planDefinitionSchema>, 'years'> & {
  readonly years: readonly FiscalYear[];
};

/** A plan runs for at most this many years (the 4th plan has 5; a 10-year 総合計画 is the longest seen). */
export const MAX_PLAN_YEARS = 12;

/**
 * `R4-R8`, `令和4年度〜令和8年度`, `令和4〜8年度`, `2022-2026` or a list → canonical labels, consecutive and in order;
 * null when the text is not a range of fiscal years.
 */
export function parseYearRange(input: string | readonly string[]): FiscalYear[] | null {
  if (typeof input !== 'string') {
    const years = input.map((y) => parseFiscalYear(y));
    if (years.some((y) => y === null) || years.length === 0 || years.length > MAX_PLAN_YEARS) return null;
    const sorted = [...new Set(years as FiscalYear[])].sort(compareFiscalYears);
    return sorted.length === years.length ? sorted : null;
  }
  const parts = input.split(/\s*(?:-|‐|－|~|～|〜|から|to)\s*/).filter((p) => p !== '');
  if (parts.length === 1) {
    const single = parseFiscalYear(parts[0]!);
    return single ? [single] : null;
  }
  if (parts.length !== 2) return null;
  // `令和4〜8年度`: the era written once before the first year, 年度 once after the last.
  const [first, last] = parts as [string, string];
  const digitAt = [...first].findIndex((ch) => /[0-9０-９元]/.test(ch));
  const era = digitAt > 0 ? first.slice(0, digitAt) : '';
  const from = parseFiscalYear(first) ?? parseFiscalYear(`${first}年度`);
  const to =
    parseFiscalYear(last) ?? (era && /^[0-9０-９]/.test(last) ? parseFiscalYear(`${era}${last}`) : null);
  if (!from || !to || compareFiscalYears(from, to) > 0) return null;
  const years: FiscalYear[] = [from];
  while (years[years.length - 1] !== to) {
    if (years.length >= MAX_PLAN_YEARS) return null;
    years.push(nextFiscalYear(years[years.length - 1]!));
  }
  return years;
}

export type PlanParse =
  { readonly ok: true; readonly plan: PlanDefinition } | { readonly ok: false; readonly error: string };

/** Outside data → a plan definition, or the reasons it is not one (path: message; …). */
export function parsePlanDefinition(input: unknown, yearsOverride?: string): PlanParse {
  const result = planDefinitionSchema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    };
  }
  const years = parseYearRange(yearsOverride ?? result.data.years);
  if (!years) return { ok: false, error: `years: ${JSON.stringify(yearsOverride ?? result.data.years)}` };
  return { ok: true, plan: { ...result.data, years } };
}

/** Departments of the plan in first-mention order: one template per department. */
export function planDepartments(plan: PlanDefinition): string[] {
  const seen = new Set<string>();
  for (const policy of plan.policies)
    for (const measure of policy.measures)
      for (const item of measure.items) for (const o of item.owners) seen.add(o.department);
  return [...seen];
}
