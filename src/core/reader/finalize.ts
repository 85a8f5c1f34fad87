/**
 * Items for the target year: a table may have indicator target/actual columns for several years,
 * and which one counts depends on the target year, known only once every workbook is read.
 * Each item is finalized once, in place (its indicator set); the columns are picked once per table.
 */
import type { Direction, Finding, FiscalYear, Indicator, ParsedValue } from '../model';
import { finding } from '../findings/finding';
import type { Settings } from '../settings';
import { isDashOnly } from '../values/text';
import { directionFromName } from '../values/direction';
import { isPercentFormat, numberCellValue, parseIndicatorValue } from '../values/numbers';
import { stripIndicatorTags } from '../values/tags';
import { type ItemTable, ReadIndicator, type ReadItem, ReadNumber, ReadValue, ValueAtCell } from './items';

const BLANK: ParsedValue = {
  raw: '',
  kind: 'blank',
  value: null,
  percent: false,
  unit: null,
  yearTag: null,
  source: null,
};

function parseCell(table: ItemTable, row: number, col: number | null): ParsedValue {
  if (col === null) return BLANK;
  const cell = table.grid.value(row, col);
  // A number cell, as parseIndicatorValue reads it: its text is derived from the number, not kept.
  if (typeof cell === 'number' && Number.isFinite(cell)) {
    const percent = isPercentFormat(table.grid.numberFormat(row, col));
    return new ReadNumber(numberCellValue(cell, percent), percent, table, row, col);
  }
  // parseIndicatorValue looks at the number format of finite numbers only: no need to look it up here.
  const p = parseIndicatorValue(cell);
  return new ReadValue(p.raw, p.kind, p.value, p.percent, p.unit, p.yearTag, table, row, col);
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

interface NamedIndicator {
  readonly name: string;
  readonly key: boolean;
  readonly direction: Direction;
  readonly directionSource: Indicator['directionSource'];
}

/** Indicator names repeat down a table (`☆指標(件)`): their tags and direction are worked out once per name. */
const NAME_CACHE_LIMIT = 4096;

function indicatorNaming(
  text: string,
  settings: Settings,
  cache: Map<string, NamedIndicator>,
): NamedIndicator {
  let named = cache.get(text);
  if (!named) {
    const { name, key } = stripIndicatorTags(text);
    const configured = configuredDirection(settings, name);
    const fromName = directionFromName(name, settings.lowerIsBetterWords);
    named = {
      name,
      key,
      direction: configured ?? fromName ?? 'higherIsBetter',
      directionSource: configured ? 'settings' : fromName ? 'name' : 'default',
    };
    if (cache.size >= NAME_CACHE_LIMIT) cache.clear();
    cache.set(text, named);
  }
  return named;
}

function valueFindings(
  item: ReadItem,
  field: 'target' | 'actual',
  value: ParsedValue,
  year: FiscalYear | null,
  findings: Finding[],
): void {
  if (!(value instanceof ValueAtCell)) return;
  if (value.kind === 'text' && looksNumeric(value.raw)) {
    findings.push(
      finding(
        'value.unparsable',
        { file: item.file, sheet: item.sheet, cell: value.cell },
        { field, raw: value.raw, item: item.name },
      ),
    );
  }
  if (field === 'actual' && value.yearTag && year && value.yearTag !== year) {
    findings.push(
      finding(
        'value.yearTag',
        { file: item.file, sheet: item.sheet, cell: value.cell },
        { field, raw: value.raw, tag: value.yearTag, year, item: item.name },
      ),
    );
  }
}

/**
 * Sets each item's indicator for the target year (the year's target and actual columns, the name's tags
 * and direction) and adds the findings about its values. Items are finalized once.
 */
export function finalizeItems(
  items: readonly ReadItem[],
  year: FiscalYear | null,
  settings: Settings,
  findings: Finding[],
): void {
  const names = new Map<string, NamedIndicator>();
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const table = item.table;
    const columns = table.columnsFor(year);
    item.setColumns(columns);
    const row = item.row;
    const target = parseCell(table, row, columns.target);
    const actual = parseCell(table, row, columns.actual);
    const nameCol = table.map.indicator;
    const nameText = nameCol === null ? '' : table.grid.text(row, nameCol);
    const hasName = nameText !== '' && !isDashOnly(nameText);
    const hasValues =
      target.kind === 'number' ||
      actual.kind === 'number' ||
      target.kind === 'text' ||
      actual.kind === 'text';
    if (!hasName && !hasValues) continue;
    const named = indicatorNaming(hasName ? nameText : '', settings, names);
    item.indicator = new ReadIndicator(
      named.name,
      named.key,
      target,
      actual,
      named.direction,
      named.directionSource,
      table,
      row,
    );
    valueFindings(item, 'target', target, year, findings);
    valueFindings(item, 'actual', actual, year, findings);
  }
}
