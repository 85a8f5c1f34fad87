/**
 * A plan definition from the items of an existing (consolidated) workbook: its policies, measures,
 * items, owners and indicators, for the next plan's templates. Targets are kept only for years of
 * the new plan; marks, results and actuals belong to the old year and are not carried.
 */
import { templateWords } from '../messages';
import type { FiscalYear, PlanItem } from '../model';
import type { PlanDefinition, PlanDefinitionItem, PlanMeasure, PlanPolicy } from './planDefinition';

export function planFromItems(
  items: readonly PlanItem[],
  options: { title: string; years: readonly FiscalYear[]; itemYear: FiscalYear | null },
): PlanDefinition {
  const policies = new Map<string, { title: string; measures: Map<string, PlanDefinitionItem[]> }>();
  const ordered = [...items].sort(
    (a, b) =>
      (a.policyNo ?? 0) - (b.policyNo ?? 0) ||
      (a.measureNo ?? 0) - (b.measureNo ?? 0) ||
      (a.numberValue ?? 0) - (b.numberValue ?? 0),
  );
  for (const item of ordered) {
    const policyTitle = item.policy ?? templateWords.unclassified;
    const measureTitle = item.measure ?? templateWords.unclassified;
    const policy = policies.get(policyTitle) ?? {
      title: policyTitle,
      measures: new Map<string, PlanDefinitionItem[]>(),
    };
    policies.set(policyTitle, policy);
    const list = policy.measures.get(measureTitle) ?? [];
    policy.measures.set(measureTitle, list);
    list.push(definitionItem(item, options));
  }
  const result: PlanPolicy[] = [...policies.values()].map((p) => ({
    title: p.title,
    measures: [...p.measures].map(([title, list]): PlanMeasure => ({ title, items: list })),
  }));
  return { title: options.title, years: options.years, policies: result };
}

function definitionItem(
  item: PlanItem,
  options: { years: readonly FiscalYear[]; itemYear: FiscalYear | null },
): PlanDefinitionItem {
  const indicator = item.indicator;
  const target = indicator?.target;
  const keepTarget =
    target &&
    target.kind !== 'blank' &&
    target.kind !== 'notApplicable' &&
    options.itemYear !== null &&
    options.years.includes(options.itemYear);
  return {
    ...(item.number !== '' ? { number: item.number } : {}),
    name: item.name,
    priority: item.priority,
    owners: item.owners.map((o) => ({ department: o.department, division: o.division ?? '' })),
    indicator: indicator
      ? {
          name: indicator.name,
          key: indicator.key,
          targets: keepTarget
            ? {
                [options.itemYear!]:
                  target.value !== null && !target.percent && target.unit === null
                    ? target.value
                    : target.raw,
              }
            : {},
        }
      : null,
  };
}
