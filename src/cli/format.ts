/** Readable terminal output: findings grouped by file and sheet, and a closing line. */
import {
  type Analysis,
  type Finding,
  type Severity,
  formatList,
  formatMessage,
  renderFinding,
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
    else byColumn.set(at.col, [...(byColumn.get(at.col) ?? []), at.row]);
  }
  const ranges: string[] = [];
  for (const [col, rows] of byColumn) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0]!;
    let prev = start;
    for (const row of [...sorted.slice(1), Infinity]) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      ranges.push(start === prev ? `${col}${start}` : `${col}${start}${RANGE_DASH}${col}${prev}`);
      start = row;
      prev = row;
    }
  }
  const all = [...ranges, ...other];
  const shown = all.slice(0, MAX_LISTED_RANGES);
  const rest = all.length - shown.length;
  return rest > 0
    ? `${formatList(shown, lang)}${formatMessage(cliMessages.moreRanges, lang, { count: rest })}`
    : formatList(shown, lang);
}

function findingLine(group: readonly Finding[], lang: Lang, color: boolean): string {
  const finding = group[0]!;
  const { message, suggestion } = renderFinding(finding, lang);
  const word = severityLabel(finding.severity, lang);
  const severity = color ? `${COLOURS[finding.severity]}${word}${RESET}` : word;
  const text = `${message}${suggestion ? `  → ${suggestion}` : ''}`;
  if (group.length === 1) {
    const cell = (finding.cell ?? '').padEnd(6);
    return `    ${cell} ${severity}  ${finding.code}  ${text}`;
  }
  // The same finding in many cells (a sheet typed with 〇): one line, with the count and the cells.
  const cells = group.map((f) => f.cell).filter((c): c is string => c !== null);
  const count = formatMessage(cliMessages.cellCount, lang, { count: group.length });
  return `    ${count.padEnd(6)} ${severity}  ${finding.code}  ${text}  [${compactCells(cells, lang)}]`;
}

/** Findings of one sheet, those with the same code, text and severity together (in first-seen order). */
function groupSame(findings: readonly Finding[], lang: Lang): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const { message, suggestion } = renderFinding(f, lang);
    const key = JSON.stringify([f.severity, f.code, message, suggestion]);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
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
  const lines: string[] = [];
  for (const file of files) {
    const items = analysis.sources.filter((s) => s.file === file).reduce((n, s) => n + s.items, 0);
    lines.push(formatMessage(cliMessages.fileHeader, lang, { file, items }));
    const mine = findings.filter((f) => f.file === file);
    if (mine.length === 0) lines.push(formatMessage(cliMessages.noFindings, lang));
    // Runs of findings on the same sheet, as ordered; within a run, identical findings share a line.
    const runs: Finding[][] = [];
    for (const finding of mine) {
      const run = runs[runs.length - 1];
      if (run && run[0]!.sheet === finding.sheet) run.push(finding);
      else runs.push([finding]);
    }
    for (const run of runs) {
      const sheet = run[0]!.sheet;
      lines.push(
        sheet === null
          ? formatMessage(cliMessages.fileLevel, lang)
          : formatMessage(cliMessages.sheetHeader, lang, { sheet }),
      );
      for (const group of groupSame(run, lang)) lines.push(findingLine(group, lang, color));
    }
  }
  return `${lines.join('\n')}\n`;
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
