/** Readable terminal output: findings grouped by file and sheet, and a closing line. */
import {
  type Analysis,
  type Finding,
  type Severity,
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

function findingLine(finding: Finding, lang: Lang, color: boolean): string {
  const { message, suggestion } = renderFinding(finding, lang);
  const word = severityLabel(finding.severity, lang);
  const severity = color ? `${COLOURS[finding.severity]}${word}${RESET}` : word;
  const cell = (finding.cell ?? '').padEnd(6);
  return `    ${cell} ${severity}  ${finding.code}  ${message}${suggestion ? `  → ${suggestion}` : ''}`;
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
    let sheet: string | null | undefined;
    for (const finding of mine) {
      if (finding.sheet !== sheet) {
        sheet = finding.sheet;
        lines.push(
          sheet === null
            ? formatMessage(cliMessages.fileLevel, lang)
            : formatMessage(cliMessages.sheetHeader, lang, { sheet }),
        );
      }
      lines.push(findingLine(finding, lang, color));
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
