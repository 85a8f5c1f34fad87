/**
 * Rules over items (after de-duplication) for the target year. Cell-level rules (unknown marks,
 * variants, unparsable values) are found while reading; these need the whole item.
 */
import type { Finding, FiscalYear, PlanItem } from './model';
import { finding } from './findings/finding';
import { gradesOf, type Settings } from './settings';
import { inPlan } from './summary/inPlan';
import { indicatorRows } from './summary/indicators';
import { compareFiscalYears, formatParsedValue, markSymbol } from './values';
import { pushAll } from './collections';

function missingMarks(item: PlanItem, year: FiscalYear, symbols: readonly string[]): Finding[] {
  const entry = item.marks.find((m) => m.year === year);
  if (!entry || entry.state !== 'blank' || !inPlan(item, year, year)) return [];
  return [
    finding(
      'mark.missing',
      { file: item.file, sheet: item.sheet, cell: entry.source.cell },
      { year, item: item.name, symbols },
    ),
  ];
}

/** A mark (other than a repeated 終了) in a year after the item ended. */
function marksAfterEnded(item: PlanItem): Finding[] {
  const ended = item.marks.find((m) => m.mark === 'ended');
  if (!ended) return [];
  return item.marks
    .filter(
      (m) =>
        compareFiscalYears(m.year, ended.year) > 0 &&
        (m.state === 'mark' || m.state === 'unknown') &&
        m.mark !== 'ended',
    )
    .map((m) =>
      finding(
        'mark.afterEnded',
        { file: item.file, sheet: item.sheet, cell: m.source.cell },
        { item: item.name, endedYear: ended.year, year: m.year, raw: m.raw },
      ),
    );
}

function noMeasure(item: PlanItem): Finding[] {
  if (item.policy !== null || item.measure !== null) return [];
  return [
    finding(
      'item.noMeasure',
      { file: item.file, sheet: item.sheet, cell: item.sources.name?.cell ?? null },
      { item: item.name },
    ),
  ];
}

function indicatorFindings(items: readonly PlanItem[], year: FiscalYear, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const row of indicatorRows(items, year, settings)) {
    const cell = row.actual.source?.cell ?? row.item.sources.indicator?.cell ?? null;
    const base = { file: row.item.file, sheet: row.item.sheet, cell };
    if (row.note === 'zeroTarget') {
      findings.push(finding('indicator.zeroTarget', base, { item: row.item.name }));
    }
    if (row.consistency === 'mismatch' && row.mark) {
      findings.push(
        finding('indicator.markMismatch', base, {
          item: row.item.name,
          year,
          symbol:
            row.item.marks.find((m) => m.year === year)?.grade ?? markSymbol(row.mark, gradesOf(settings)),
          target: formatParsedValue(row.target),
          actual: formatParsedValue(row.actual),
          achievement: row.achievement === null ? '—' : `${(row.achievement * 100).toFixed(1)}%`,
          mark: row.mark,
          pass: row.pass === null ? '' : row.pass ? 'pass' : 'fail',
        }),
      );
    }
  }
  return findings;
}

export function validateItems(items: readonly PlanItem[], year: FiscalYear, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const symbols = gradesOf(settings).map((g) => g.symbol);
  for (const item of items) {
    findings.push(...missingMarks(item, year, symbols), ...marksAfterEnded(item), ...noMeasure(item));
  }
  pushAll(findings, indicatorFindings(items, year, settings));
  return findings;
}
