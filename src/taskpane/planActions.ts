/**
 * The department templates the pane creates, kept out of the components: a plan from a JSON file
 * or from the open workbook's items, then one sheet per department.
 */
import { analyse } from '../core/engine';
import type { WorkbookSnapshot } from '../core/grid';
import type { Settings } from '../core/settings';
import { parsePlanDefinition, parseYearRange, planDepartments, type PlanDefinition } from '../core/template/planDefinition';
import { planFromItems } from '../core/template/planFromItems';
import { templateSheets, type TemplateSheet } from '../core/template/templateSheet';

export type TemplateSource = { readonly kind: 'workbook'; readonly snapshot: WorkbookSnapshot } | { readonly kind: 'file'; readonly text: string };

export type TemplateOutcome =
  | { readonly ok: true; readonly plan: PlanDefinition; readonly sheets: readonly TemplateSheet[] }
  | { readonly ok: false; readonly problem: 'needYears' | 'badYears' | 'badPlan' | 'noItems'; readonly detail: string };

export function buildTemplates(source: TemplateSource, input: { years: string; title: string }, settings: Settings): TemplateOutcome {
  const yearsText = input.years.trim();
  const years = yearsText === '' ? null : parseYearRange(yearsText);
  if (yearsText !== '' && !years) return { ok: false, problem: 'badYears', detail: yearsText };
  let plan: PlanDefinition;
  if (source.kind === 'file') {
    let json: unknown;
    try {
      json = JSON.parse(source.text);
    } catch (err) {
      return { ok: false, problem: 'badPlan', detail: err instanceof Error ? err.message : String(err) };
    }
    const parsed = parsePlanDefinition(json, yearsText === '' ? undefined : yearsText);
    if (!parsed.ok) return { ok: false, problem: 'badPlan', detail: parsed.error };
    plan = input.title.trim() === '' ? parsed.plan : { ...parsed.plan, title: input.title.trim() };
  } else {
    if (!years) return { ok: false, problem: 'needYears', detail: '' };
    const analysis = analyse([source.snapshot], settings);
    if (analysis.items.length === 0) return { ok: false, problem: 'noItems', detail: '' };
    plan = planFromItems(analysis.items, { title: input.title.trim() || (source.snapshot.sheets[0]?.name ?? ''), years, itemYear: analysis.year });
  }
  return { ok: true, plan, sheets: templateSheets(plan, planDepartments(plan), settings) };
}
