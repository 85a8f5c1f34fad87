/**
 * What the publication sheet needs beyond the items: the plan's name (from the settings, else from the
 * title row of the sheet the items came from) and the years a hand-made summary table of the workbook
 * publishes but the items do not cover (平成29年度 in the seed: the items begin in 平成30年度).
 */
import type { WorkbookSnapshot } from '../grid';
import type { FiscalYear } from '../model';
import { cellText, cleanText, compareFiscalYears } from '../values';
import type { HandMadeTable } from './reconcile';
import type { YearSummary } from './types';

/** A year carried over from a hand-made table: its figures as written (null where the table has none). */
export interface PublishedYear {
  readonly year: FiscalYear;
  readonly items: number | null;
  readonly ahead: number | null;
  readonly onPlan: number | null;
  readonly nearlyOnPlan: number | null;
  readonly behind: number | null;
  readonly ended: number | null;
  /** 進捗率 as a fraction (0.765), as written. */
  readonly rate: number | null;
  readonly file: string;
  readonly sheet: string;
}

/**
 * Years of the hand-made tables that have no item data and come before the target year, earliest
 * first. The figures are the table's own; nothing is computed from them.
 */
export function carriedOverYears(
  tables: readonly { readonly file: string; readonly table: HandMadeTable }[],
  computed: readonly YearSummary[],
  target: FiscalYear,
): PublishedYear[] {
  const covered = new Set(computed.filter((y) => y.items > 0).map((y) => y.year));
  const byYear = new Map<FiscalYear, PublishedYear>();
  for (const { file, table } of tables) {
    const years = new Set(table.figures.map((f) => f.year));
    for (const year of years) {
      if (covered.has(year) || byYear.has(year) || compareFiscalYears(year, target) >= 0) continue;
      const of = (kind: string) =>
        table.figures.find((f) => f.year === year && f.kind === kind)?.value ?? null;
      const rate = of('rate');
      byYear.set(year, {
        year,
        items: of('items'),
        ahead: of('ahead'),
        onPlan: of('onPlan'),
        nearlyOnPlan: of('nearlyOnPlan'),
        behind: of('behind'),
        ended: of('ended'),
        rate: rate === null ? null : Number((rate / 100).toPrecision(12)),
        file,
        sheet: table.sheet,
      });
    }
  }
  return [...byYear.values()].sort((a, b) => compareFiscalYears(a.year, b.year));
}

const MAX_TITLE = 80;
const TITLE_WORDS = ['計画', '大綱', '改革'];
const TRAILING_WORDS = ['進捗状況調査票', '進捗状況報告', '進捗状況', '調査票', 'の', '・'];

/**
 * The plan's name from a sheet's title row: the first text in the first three rows that names a plan,
 * cut before the year or report it adds (`第3次笠間市行財政改革大綱実施計画 令和2年度実績` →
 * `第3次笠間市行財政改革大綱実施計画`). Plain string search only: the text is the user's.
 */
export function planNameFromTitle(text: string): string | null {
  let t = cleanText(text);
  if (t.length < 4 || t.length > MAX_TITLE || !TITLE_WORDS.some((w) => t.includes(w))) return null;
  const cuts = ['令和', '平成', '（', '(', '【', 'R', 'Ｒ', 'H', 'Ｈ']
    .map((w) => t.indexOf(w, 2))
    .filter((i) => i > 0);
  if (cuts.length > 0) t = t.slice(0, Math.min(...cuts));
  t = t.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const w of TRAILING_WORDS)
      if (t.endsWith(w) && t.length > w.length) {
        t = t.slice(0, -w.length).trim();
        changed = true;
      }
  }
  return t.length >= 4 && TITLE_WORDS.some((w) => t.includes(w)) ? t : null;
}

function nameInSheet(workbook: WorkbookSnapshot | undefined, sheetName: string): string | null {
  const sheet = workbook?.sheets.find((s) => s.name === sheetName);
  for (const row of sheet?.values.slice(0, 3) ?? []) {
    for (const v of row.slice(0, 3)) {
      const name = typeof v === 'string' ? planNameFromTitle(cellText(v)) : null;
      if (name) return name;
    }
  }
  return null;
}

/**
 * The plan's name from the title rows of the sheets the items were read from. One workbook: the first
 * name found. Several (departments' sheets, each titled with its department): the name most of them
 * share, if at least two do; otherwise none, and the layout says 行財政改革実施計画.
 */
export function planNameFromWorkbooks(
  workbooks: readonly WorkbookSnapshot[],
  sources: readonly { readonly file: string; readonly sheet: string }[],
): string | null {
  const byFile = new Map<string, string>();
  for (const source of sources) {
    if (byFile.has(source.file)) continue;
    const name = nameInSheet(
      workbooks.find((w) => w.file === source.file),
      source.sheet,
    );
    if (name) byFile.set(source.file, name);
  }
  if (workbooks.length <= 1) return [...byFile.values()][0] ?? null;
  const counts = new Map<string, number>();
  for (const name of byFile.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of counts) if (entry[1] >= 2 && (!best || entry[1] > best[1])) best = entry;
  return best?.[0] ?? null;
}
