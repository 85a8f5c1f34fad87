/** Readable terminal output: findings grouped by file and sheet, and a closing line. */
import {
  type Analysis,
  type Finding,
  type Severity,
  formatList,
  formatMessage,
  renderFinding,
  type RenderedFinding,
  severityLabel,
  type Lang,
} from '../core';
import { cliMessages } from './messages';

const COLOURS: Readonly<Record<Severity, string>> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
};
const RESET = '\u001b[0m';
/** Our own escape sequences: the only ones that reach the terminal as they are. */
export const OUR_SEQUENCES: readonly string[] = [...Object.values(COLOURS), RESET];

/** Ranges written between the first and last cell of a run (E3–E7). */
const RANGE_DASH = '–';
/** Cells listed on a grouped line before the rest is counted. */
const MAX_LISTED_RANGES = 12;

function splitCell(cell: string): { col: string; row: number } | null {
  let i = 0;
  while (i < cell.length && cell[i]! >= 'A' && cell[i]! <= 'Z') i += 1;
  const row = Number(cell.slice(i));
  return i > 0 && Number.isInteger(row) && row > 0 ? { col: cell.slice(0, i), row } : null;
}

/** `E3–E7, E9, F2` for a set of cells: each column's consecutive rows as one range, in order. */
export function compactCells(cells: readonly string[], lang: Lang): string {
  const byColumn = new Map<string, number[]>();
  const other: string[] = [];
  for (const cell of cells) {
    const at = splitCell(cell);
    if (!at) other.push(cell);
    else {
      const rows = byColumn.get(at.col);
      if (rows) rows.push(at.row);
      else byColumn.set(at.col, [at.row]);
    }
  }
  const ranges: string[] = [];
  for (const [col, rows] of byColumn) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0]!;
    let prev = start;
    for (let i = 1; i <= sorted.length; i += 1) {
      const row = i < sorted.length ? sorted[i]! : Infinity;
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      ranges.push(start === prev ? `${col}${start}` : `${col}${start}${RANGE_DASH}${col}${prev}`);
      start = row;
      prev = row;
    }
  }
  const all = ranges.length === 0 ? other : other.length === 0 ? ranges : [...ranges, ...other];
  const shown = all.length > MAX_LISTED_RANGES ? all.slice(0, MAX_LISTED_RANGES) : all;
  const rest = all.length - shown.length;
  return rest > 0
    ? `${formatList(shown, lang)}${formatMessage(cliMessages.moreRanges, lang, { count: rest })}`
    : formatList(shown, lang);
}

/** Findings that print as one line: the same code, text and severity. */
interface SameFindings {
  readonly first: Finding;
  readonly rendered: RenderedFinding;
  readonly cells: (string | null)[];
}

function findingLine(group: SameFindings, lang: Lang, color: boolean): string {
  const { first: finding, rendered } = group;
  const { message, suggestion } = rendered;
  const word = severityLabel(finding.severity, lang);
  const severity = color ? `${COLOURS[finding.severity]}${word}${RESET}` : word;
  const text = `${message}${suggestion ? `  → ${suggestion}` : ''}`;
  if (group.cells.length === 1) {
    const cell = (finding.cell ?? '').padEnd(6);
    return `    ${cell} ${severity}  ${finding.code}  ${text}`;
  }
  // The same finding in many cells (a sheet typed with 〇): one line, with the count and the cells.
  const cells = group.cells.filter((c): c is string => c !== null);
  const count = formatMessage(cliMessages.cellCount, lang, { count: group.cells.length });
  return `    ${count.padEnd(6)} ${severity}  ${finding.code}  ${text}  [${compactCells(cells, lang)}]`;
}

/**
 * Findings of one sheet, those with the same code, text and severity together (in first-seen order).
 * Each finding is rendered once, here.
 */
function groupSame(findings: readonly Finding[], from: number, to: number, lang: Lang): SameFindings[] {
  const groups = new Map<string, SameFindings>();
  for (let i = from; i < to; i += 1) {
    const f = findings[i]!;
    const rendered = renderFinding(f, lang);
    // Severity and code hold no space; the message's length marks where the suggestion starts.
    const key = `${f.severity} ${f.code} ${rendered.message.length} ${rendered.message}${rendered.suggestion}`;
    const group = groups.get(key);
    if (group) group.cells.push(f.cell);
    else groups.set(key, { first: f, rendered, cells: [f.cell] });
  }
  return [...groups.values()];
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Files in the order read (readable files first as analysed, then the unreadable ones). */
export function formatFindings(
  files: readonly string[],
  analysis: Pick<Analysis, 'sources'>,
  findings: readonly Finding[],
  lang: Lang,
  color: boolean,
): string {
  const itemsByFile = new Map<string, number>();
  for (const s of analysis.sources) itemsByFile.set(s.file, (itemsByFile.get(s.file) ?? 0) + s.items);
  const findingsByFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const mine = findingsByFile.get(f.file);
    if (mine) mine.push(f);
    else findingsByFile.set(f.file, [f]);
  }
  let out = '';
  let firstLine = true;
  const line = (text: string): void => {
    out += firstLine ? text : `\n${text}`;
    firstLine = false;
  };
  for (const file of files) {
    line(formatMessage(cliMessages.fileHeader, lang, { file, items: itemsByFile.get(file) ?? 0 }));
    const mine = findingsByFile.get(file) ?? [];
    if (mine.length === 0) line(formatMessage(cliMessages.noFindings, lang));
    // Runs of findings on the same sheet, as ordered; within a run, identical findings share a line.
    for (let start = 0; start < mine.length;) {
      const sheet = mine[start]!.sheet;
      let end = start + 1;
      while (end < mine.length && mine[end]!.sheet === sheet) end += 1;
      line(
        sheet === null
          ? formatMessage(cliMessages.fileLevel, lang)
          : formatMessage(cliMessages.sheetHeader, lang, { sheet }),
      );
      for (const group of groupSame(mine, start, end, lang)) line(findingLine(group, lang, color));
      start = end;
    }
  }
  return `${out}\n`;
}

export function closingLine(
  fileCount: number,
  analysis: Analysis,
  findings: readonly Finding[],
  lang: Lang,
): string {
  const counts = countBySeverity(findings);
  return `${formatMessage(cliMessages.closing, lang, {
    files: fileCount,
    items: analysis.items.length,
    year: analysis.year ?? '—',
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
  })}\n`;
}
