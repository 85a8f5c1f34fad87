/**
 * Rules over items (after de-duplication) for the target year. Cell-level rules (unknown marks,
 * variants, unparsable values) are found while reading; these need the whole item.
 */
import type { Finding, FiscalYear, PlanItem } from './model';
import { gradesOf, type Settings } from './settings';
import { inPlan } from './summary/inPlan';
import { indicatorRows } from './summary/indicators';
import { compareFiscalYears, formatParsedValue, markSymbol } from './values';
import { pushAll } from './collections';

function missingMarks(item: PlanItem, year: FiscalYear, symbols: string): Finding[] {
  const entry = item.marks.find((m) => m.year === year);
  if (!entry || entry.state !== 'blank' || !inPlan(item, year, year)) return [];
  return [
    {
      severity: 'error',
      code: 'mark.missing',
      file: item.file,
      sheet: item.sheet,
      cell: entry.source.cell,
      params: { year, item: item.name, symbols },
    },
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
    .map((m) => ({
      severity: 'warning' as const,
      code: 'mark.afterEnded' as const,
      file: item.file,
      sheet: item.sheet,
      cell: m.source.cell,
      params: { item: item.name, endedYear: ended.year, year: m.year, raw: m.raw },
    }));
}

function noMeasure(item: PlanItem): Finding[] {
  if (item.policy !== null || item.measure !== null) return [];
  return [
    {
      severity: 'warning',
      code: 'item.noMeasure',
      file: item.file,
      sheet: item.sheet,
      cell: item.sources.name?.cell ?? null,
      params: { item: item.name },
    },
  ];
}

function indicatorFindings(items: readonly PlanItem[], year: FiscalYear, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const row of indicatorRows(items, year, settings)) {
    const cell = row.actual.source?.cell ?? row.item.sources.indicator?.cell ?? null;
    const base = { file: row.item.file, sheet: row.item.sheet, cell };
    if (row.note === 'zeroTarget') {
      findings.push({
        ...base,
        severity: 'info',
        code: 'indicator.zeroTarget',
        params: { item: row.item.name },
      });
    }
    if (row.consistency === 'mismatch' && row.mark) {
      findings.push({
        ...base,
        severity: 'warning',
        code: 'indicator.markMismatch',
        params: {
          item: row.item.name,
          year,
          symbol:
            row.item.marks.find((m) => m.year === year)?.grade ?? markSymbol(row.mark, gradesOf(settings)),
          target: formatParsedValue(row.target),
          actual: formatParsedValue(row.actual),
          achievement: row.achievement === null ? '—' : `${(row.achievement * 100).toFixed(1)}%`,
          mark: row.mark,
          pass: row.pass === null ? '' : row.pass ? 'pass' : 'fail',
        },
      });
    }
  }
  return findings;
}

export function validateItems(items: readonly PlanItem[], year: FiscalYear, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const symbols = gradesOf(settings)
    .map((g) => g.symbol)
    .join(' ');
  for (const item of items) {
    findings.push(...missingMarks(item, year, symbols), ...marksAfterEnded(item), ...noMeasure(item));
  }
  pushAll(findings, indicatorFindings(items, year, settings));
  return findings;
}
