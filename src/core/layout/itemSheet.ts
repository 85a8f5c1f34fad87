/**
 * RP_項目一覧 (and RP_取込項目 when several files are consolidated): the normalized item table that
 * follows Japan's guidance for machine-readable tables: one datum per cell, numbers as numbers, no
 * merged cells, the header on row 1, the western year beside the era. The CLI's --csv writes the same rows.
 */
import type { FiscalYear, MarkKey, ParsedValue, PlanItem } from '../model';
import { formatMessage, layoutMessages, type Lang } from '../messages';
import type { MarkSymbol } from '../settings';
import { fiscalYearToWestern, markSymbol } from '../values';
import type { PlanSheet, PlanValue, PrintSetup } from '../writePlan';
import { ReadItem } from '../reader/items';
import { SheetBuilder } from './sheetBuilder';

export const ITEM_SHEET = 'RP_項目一覧';
export const CONSOLIDATED_SHEET = 'RP_取込項目';

const t = (key: keyof typeof layoutMessages, lang: Lang, params = {}) =>
  formatMessage(layoutMessages[key], lang, params);

function pushValueColumns(row: PlanValue[], v: ParsedValue | undefined): void {
  if (!v) row.push('', null, '', '');
  else
    row.push(v.raw, v.kind === 'number' ? v.value : null, v.percent ? '%' : (v.unit ?? ''), v.yearTag ?? '');
}

export function itemTableRows(
  items: readonly PlanItem[],
  years: readonly FiscalYear[],
  lang: Lang,
  marks: readonly MarkSymbol[],
  fileName: (file: string) => string = (file) => file,
): { header: string[]; rows: PlanValue[][] } {
  const header = [
    t('file', lang),
    t('sheet', lang),
    t('row', lang),
    t('policyNo', lang),
    t('policy', lang),
    t('measureNo', lang),
    t('measure', lang),
    t('number', lang),
    t('numberText', lang),
    t('name', lang),
    t('priority', lang),
    t('department1', lang),
    t('division1', lang),
    t('department2', lang),
    t('division2', lang),
    ...years.map((y) => t('markOf', lang, { year: `${y} (${fiscalYearToWestern(y)})` })),
    t('indicator', lang),
    t('keyIndicator', lang),
    t('targetRaw', lang),
    t('targetNumber', lang),
    t('targetUnit', lang),
    t('targetTag', lang),
    t('actualRaw', lang),
    t('actualNumber', lang),
    t('actualUnit', lang),
    t('actualTag', lang),
    t('sourceCell', lang),
  ];
  const symbols = new Map<MarkKey, string>();
  const symbolOf = (key: MarkKey): string => {
    let symbol = symbols.get(key);
    if (symbol === undefined) symbols.set(key, (symbol = markSymbol(key, marks)));
    return symbol;
  };
  const rows = items.map((i): PlanValue[] => {
    const row: PlanValue[] = [
      fileName(i.file),
      i.sheet,
      i.row + 1,
      i.policyNo,
      i.policy ?? '',
      i.measureNo,
      i.measure ?? '',
      i.numberValue,
      i.number,
      i.name,
      i.priority,
      i.owners[0]?.department ?? '',
      i.owners[0]?.division ?? '',
      i.owners[1]?.department ?? '',
      i.owners[1]?.division ?? '',
    ];
    for (const y of years) {
      const entry = i.marks.find((m) => m.year === y);
      row.push(entry?.mark ? (entry.grade ?? symbolOf(entry.mark)) : (entry?.raw ?? ''));
    }
    const indicator = i.indicator;
    row.push(indicator?.name ?? '', indicator ? indicator.key : null);
    pushValueColumns(row, indicator?.target);
    pushValueColumns(row, indicator?.actual);
    // The reader's items give the cell without making every field's SourceRef.
    row.push((i instanceof ReadItem ? i.cellOf('name') : i.sources.name?.cell) ?? '');
    return row;
  });
  return { header, rows };
}

export function itemSheet(
  name: string,
  items: readonly PlanItem[],
  years: readonly FiscalYear[],
  lang: Lang,
  marks: readonly MarkSymbol[],
  print: Partial<PrintSetup> = {},
  fileName: (file: string) => string = (file) => file,
): PlanSheet {
  const { header, rows } = itemTableRows(items, years, lang, marks, fileName);
  const b = new SheetBuilder(name);
  b.table(header, rows, {}, { repeatHeader: true });
  // Machine-readable, but printed readably: pages across at full size (not one page shrunk to
  // illegibility), the header row and the item's number and name repeated on every page.
  return b.build(
    header.map((h, i) => (i === 9 ? 40 : Math.max(8, Math.min(24, h.length * 2)))),
    { rows: 1, columns: 0 },
    { ...print, fitToWidth: false, repeatColumns: [7, 9] },
    header.map((_, i) => (i === 9 ? 44 : 30)),
  );
}
