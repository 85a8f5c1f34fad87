/**
 * An item as read from its row, before the target year is known: a table may have indicator
 * target/actual columns for several years, and which one counts depends on the target year.
 */
import type { CellValue } from '../grid';
import type { Direction, Finding, FiscalYear, Indicator, ParsedValue, PlanItem, SourceRef } from '../model';
import { finding } from '../findings/finding';
import type { Settings } from '../settings';
import {
  cellText,
  cleanText,
  directionFromName,
  isDashOnly,
  parseIndicatorValue,
  stripIndicatorTags,
} from '../values';

export interface ValueCell {
  readonly value: CellValue;
  readonly numberFormat: string | undefined;
  readonly source: SourceRef;
}

export interface DraftItem extends Omit<PlanItem, 'indicator' | 'sources'> {
  sources: { -readonly [K in keyof PlanItem['sources']]: PlanItem['sources'][K] };
  readonly indicatorName: ValueCell | null;
  readonly targets: ReadonlyMap<FiscalYear | null, ValueCell>;
  readonly actuals: ReadonlyMap<FiscalYear | null, ValueCell>;
  /** The year a target / actual column without a year in its header belongs to (the sheet's year). */
  readonly tableYear: FiscalYear;
}

/**
 * The target year's column: the one whose header names that year, else one without a year when the
 * table is that year's. Never another year's figures: a `計画(R2)` is no target for R1.
 */
function pickColumn(
  cells: ReadonlyMap<FiscalYear | null, ValueCell>,
  year: FiscalYear | null,
  tableYear: FiscalYear,
): ValueCell | null {
  if (year === null) return cells.get(null) ?? null;
  return cells.get(year) ?? (year === tableYear ? (cells.get(null) ?? null) : null);
}

const BLANK: ParsedValue = {
  raw: '',
  kind: 'blank',
  value: null,
  percent: false,
  unit: null,
  yearTag: null,
  source: null,
};

function parseCell(cell: ValueCell | null): ParsedValue {
  if (!cell) return BLANK;
  // Literal objects, not spreads: this runs for every item, and spreads copy property by property.
  const p = parseIndicatorValue(cell.value, cell.numberFormat);
  return {
    raw: p.raw,
    kind: p.kind,
    value: p.value,
    percent: p.percent,
    unit: p.unit,
    yearTag: p.yearTag,
    source: cell.source,
  };
}

/** Text that has digits but is no number we understand (`約40`, `3割`) deserves a finding; `(年度毎に決定)` does not. */
function looksNumeric(raw: string): boolean {
  return /[0-9０-９]/.test(raw);
}

/**
 * The direction the settings give this indicator. Own keys only: the name comes from the sheet, and an
 * indicator named `constructor` or `valueOf` must not pick up Object's methods (found by fuzzing).
 */
function configuredDirection(settings: Settings, name: string): Direction | undefined {
  const directions = settings.indicatorDirections;
  return Object.prototype.hasOwnProperty.call(directions, name) ? directions[name] : undefined;
}

/** The draft's sources, and the target year's target and actual cells after them. */
function itemSources(
  sources: DraftItem['sources'],
  targetCell: ValueCell | null,
  actualCell: ValueCell | null,
): PlanItem['sources'] {
  // One copy, not a spread of temporary objects per item.
  const out: DraftItem['sources'] = { ...sources };
  if (targetCell) out.target = targetCell.source;
  if (actualCell) out.actual = actualCell.source;
  return out;
}

/** Draft → item for the target year, with the findings about its indicator values. Pure. */
export function finalizeItem(
  draft: DraftItem,
  year: FiscalYear | null,
  settings: Settings,
): { item: PlanItem; findings: Finding[] } {
  const { indicatorName, targets, actuals, sources } = draft;
  const findings: Finding[] = [];
  const targetCell = pickColumn(targets, year, draft.tableYear);
  const actualCell = pickColumn(actuals, year, draft.tableYear);
  const target = parseCell(targetCell);
  const actual = parseCell(actualCell);
  const nameText = indicatorName ? cleanText(cellText(indicatorName.value)) : '';
  const hasName = nameText !== '' && !isDashOnly(nameText);
  const hasValues =
    target.kind === 'number' || actual.kind === 'number' || target.kind === 'text' || actual.kind === 'text';
  let indicator: Indicator | null = null;
  if (hasName || hasValues) {
    const { name, key } = stripIndicatorTags(hasName ? nameText : '');
    const configured = configuredDirection(settings, name);
    const fromName = directionFromName(name, settings.lowerIsBetterWords);
    indicator = {
      name,
      key,
      target,
      actual,
      direction: configured ?? fromName ?? 'higherIsBetter',
      directionSource: configured ? 'settings' : fromName ? 'name' : 'default',
      source: indicatorName?.source ?? null,
    };
    for (const [field, value] of [
      ['target', target],
      ['actual', actual],
    ] as const) {
      if (!value.source) continue;
      if (value.kind === 'text' && looksNumeric(value.raw)) {
        findings.push(
          finding(
            'value.unparsable',
            { file: draft.file, sheet: draft.sheet, cell: value.source.cell },
            { field, raw: value.raw, item: draft.name },
          ),
        );
      }
      if (field === 'actual' && value.yearTag && year && value.yearTag !== year) {
        findings.push(
          finding(
            'value.yearTag',
            { file: draft.file, sheet: draft.sheet, cell: value.source.cell },
            { field, raw: value.raw, tag: value.yearTag, year, item: draft.name },
          ),
        );
      }
    }
  }
  const item: PlanItem = {
    key: draft.key,
    file: draft.file,
    sheet: draft.sheet,
    row: draft.row,
    policy: draft.policy,
    policyNo: draft.policyNo,
    measure: draft.measure,
    measureNo: draft.measureNo,
    number: draft.number,
    numberValue: draft.numberValue,
    name: draft.name,
    priority: draft.priority,
    marks: draft.marks,
    owners: draft.owners,
    indicator,
    result: draft.result,
    nextPlan: draft.nextPlan,
    // The draft is left as it was: the same draft may be finalized for another year.
    sources: itemSources(sources, targetCell, actualCell),
  };
  return { item, findings };
}
