/**
 * Rules over items (after de-duplication) for the target year. Cell-level rules (unknown marks,
 * variants, unparsable values) are found while reading; these need the whole item.
 */
import type { Finding, FiscalYear, MarkEntry, PlanItem } from './model';
import { finding } from './findings/finding';
import { gradesOf, type Settings } from './settings';
import { inPlan } from './summary/inPlan';
import { achievementOf, consistencyOf } from './summary/indicators';
import { compareFiscalYears } from './values/years';
import { formatParsedValue } from './values/numbers';
import { markSymbol } from './values/marks';
import { markCell, ReadItem, valueCell } from './reader/items';

function markIndex(item: PlanItem, year: FiscalYear): number {
  const marks = item.marks;
  for (let i = 0; i < marks.length; i += 1) if (marks[i]!.year === year) return i;
  return -1;
}

function missingMark(item: PlanItem, year: FiscalYear, symbols: readonly string[], out: Finding[]): void {
  const index = markIndex(item, year);
  if (index < 0 || item.marks[index]!.state !== 'blank' || !inPlan(item, year, year)) return;
  out.push(
    finding(
      'mark.missing',
      { file: item.file, sheet: item.sheet, cell: markCell(item, index) },
      { year, item: item.name, symbols },
    ),
  );
}

/** A mark (other than a repeated 終了) in a year after the item ended. */
function marksAfterEnded(item: PlanItem, out: Finding[]): void {
  let ended: MarkEntry | undefined;
  const marks = item.marks;
  // By index: a for-of makes an iterator result per mark until the code is optimized.
  for (let i = 0; i < marks.length; i += 1)
    if (marks[i]!.mark === 'ended') {
      ended = marks[i];
      break;
    }
  if (!ended) return;
  for (let i = 0; i < item.marks.length; i += 1) {
    const m = item.marks[i]!;
    if (
      compareFiscalYears(m.year, ended.year) > 0 &&
      (m.state === 'mark' || m.state === 'unknown') &&
      m.mark !== 'ended'
    ) {
      out.push(
        finding(
          'mark.afterEnded',
          { file: item.file, sheet: item.sheet, cell: markCell(item, i) },
          { item: item.name, endedYear: ended.year, year: m.year, raw: m.raw },
        ),
      );
    }
  }
}

function nameCell(item: PlanItem): string | null {
  return item instanceof ReadItem ? item.cellOf('name') : (item.sources.name?.cell ?? null);
}

function indicatorCell(item: PlanItem): string | null {
  return item instanceof ReadItem ? item.cellOf('indicator') : (item.sources.indicator?.cell ?? null);
}

function noMeasure(item: PlanItem, out: Finding[]): void {
  if (item.policy !== null || item.measure !== null) return;
  out.push(
    finding(
      'item.noMeasure',
      { file: item.file, sheet: item.sheet, cell: nameCell(item) },
      { item: item.name },
    ),
  );
}

/** Indicators whose target is 0, and those whose figures contradict the year's mark (as the summary's indicator rows judge them). */
function indicatorFindings(
  items: readonly PlanItem[],
  year: FiscalYear,
  settings: Settings,
  out: Finding[],
): void {
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const indicator = item.indicator;
    if (!indicator) continue;
    const index = markIndex(item, year);
    const entry = index < 0 ? undefined : item.marks[index];
    const mark = entry?.mark ?? null;
    const { target, actual } = indicator;
    const result = achievementOf(target, actual, indicator.direction === 'lowerIsBetter');
    const mismatch = mark !== null && consistencyOf(mark, result.achievement, result.pass) === 'mismatch';
    if (result.note !== 'zeroTarget' && !mismatch) continue;
    const cell = valueCell(actual) ?? indicatorCell(item);
    const base = { file: item.file, sheet: item.sheet, cell };
    if (result.note === 'zeroTarget') {
      out.push(finding('indicator.zeroTarget', base, { item: item.name }));
    }
    if (mismatch) {
      out.push(
        finding('indicator.markMismatch', base, {
          item: item.name,
          year,
          symbol: entry?.grade ?? markSymbol(mark, gradesOf(settings)),
          target: formatParsedValue(target),
          actual: formatParsedValue(actual),
          achievement: result.achievement === null ? '—' : `${(result.achievement * 100).toFixed(1)}%`,
          mark,
          pass: result.pass === null ? '' : result.pass ? 'pass' : 'fail',
        }),
      );
    }
  }
}

export function validateItems(items: readonly PlanItem[], year: FiscalYear, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const symbols = gradesOf(settings).map((g) => g.symbol);
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    missingMark(item, year, symbols, findings);
    marksAfterEnded(item, findings);
    noMeasure(item, findings);
  }
  indicatorFindings(items, year, settings, findings);
  return findings;
}
