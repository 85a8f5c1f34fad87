/**
 * Department templates from a plan definition file's text or from the items of workbooks: what the
 * pane's 部ごとのシートを作成 and `reform-progress template` both do, problems returned as data.
 */
import { analyse, type Analysis } from '../analyse';
import type { WorkbookSnapshot } from '../grid';
import type { Settings } from '../settings';
import { parsePlanDefinition, parseYearRange, planDepartments, type PlanDefinition } from './planDefinition';
import { planFromItems } from './planFromItems';
import { templateSheets, type TemplateSheet } from './templateSheet';

export type TemplateSource =
  | { readonly kind: 'workbooks'; readonly snapshots: readonly WorkbookSnapshot[] }
  | { readonly kind: 'file'; readonly text: string };

export type TemplateOutcome =
  | { readonly ok: true; readonly plan: PlanDefinition; readonly sheets: readonly TemplateSheet[] }
  | { readonly ok: false; readonly problem: 'needYears' | 'badYears' | 'badPlan'; readonly detail: string }
  /** The workbooks hold no plan item; the analysis says why. */
  | { readonly ok: false; readonly problem: 'noItems'; readonly detail: string; readonly analysis: Analysis };

/** `years` and `title` as typed ('' when not given): they override the plan file's. */
export function buildTemplates(
  source: TemplateSource,
  input: { years: string; title: string },
  settings: Settings,
): TemplateOutcome {
  const yearsText = input.years.trim();
  const title = input.title.trim();
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
    plan = title === '' ? parsed.plan : { ...parsed.plan, title };
  } else {
    if (!years) return { ok: false, problem: 'needYears', detail: '' };
    const analysis = analyse(source.snapshots, settings);
    if (analysis.items.length === 0) return { ok: false, problem: 'noItems', detail: '', analysis };
    plan = planFromItems(analysis.items, {
      title: title || (source.snapshots[0]?.sheets[0]?.name ?? ''),
      years,
      itemYear: analysis.year,
    });
  }
  return { ok: true, plan, sheets: templateSheets(plan, planDepartments(plan), settings) };
}
