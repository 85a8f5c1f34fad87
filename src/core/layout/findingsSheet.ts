/** RP_検証結果: every finding, with a link to its cell where the cell is in the workbook being written. */
import { renderFinding, severityLabel } from '../findings';
import type { PlanSheet } from '../writePlan';
import type { LayoutContext } from './context';
import { SheetBuilder, span } from './sheetBuilder';

export const FINDINGS_SHEET = 'RP_検証結果';

export function findingsSheet(ctx: LayoutContext): PlanSheet {
  const b = new SheetBuilder(FINDINGS_SHEET);
  const title = ctx.t('findingsTitle');
  b.title(title);
  const findings = ctx.options.findings;
  if (findings.length === 0) {
    b.note(ctx.t('noFindings'));
    return b.build([10, 24, 30, 18, 8, 70, 60], undefined, ctx.print(title));
  }
  b.blank();
  // A message naming another file (a duplicate's other place) names it the way the sheets do.
  const renames = Object.entries(ctx.options.fileNames ?? {}).filter(([from, to]) => from !== to);
  // Most messages name no file: one search for what every renamed path shares settles those.
  const shared = renames.reduce((prefix, [from]) => {
    let n = 0;
    while (n < prefix.length && n < from.length && prefix[n] === from[n]) n += 1;
    return prefix.slice(0, n);
  }, renames[0]?.[0] ?? '');
  const relative = (text: string) =>
    renames.length === 0 || (shared !== '' && !text.includes(shared))
      ? text
      : renames.reduce((t, [from, to]) => t.split(from).join(to), text);
  const rows = findings.map((f) => {
    const rendered = renderFinding(f, ctx.lang);
    const message = relative(rendered.message);
    const suggestion = relative(rendered.suggestion);
    return [
      severityLabel(f.severity, ctx.lang),
      f.code,
      ctx.fileName(f.file),
      f.sheet ?? '',
      f.cell ?? '',
      message,
      suggestion,
    ];
  });
  const table = b.table(
    [
      ctx.t('severity'),
      ctx.t('code'),
      ctx.t('file'),
      ctx.t('sheet'),
      ctx.t('cell'),
      ctx.t('message'),
      ctx.t('suggestion'),
    ],
    rows,
    {},
    { repeatHeader: true },
  );
  b.format({ range: span(table.first, 5, table.last, 6), wrap: true });
  findings.forEach((f, i) => {
    if (f.file === ctx.options.linkableFile && f.sheet && f.cell) b.link(table.first + i, 4, f.sheet, f.cell);
  });
  return b.build(
    [10, 22, 24, 18, 8, 60, 50],
    { rows: table.header + 1, columns: 0 },
    ctx.print(title),
    [12, 24, 36, 24, 10, 60, 50],
  );
}
