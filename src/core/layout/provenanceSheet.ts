/** RP_出典: where the figures came from, so a printed table can be traced to its data. */
import { reportKindLabels } from '../messages';
import { japanTime } from '../values';
import type { PlanSheet } from '../writePlan';
import type { LayoutContext } from './context';
import { SheetBuilder } from './sheetBuilder';

export const PROVENANCE_SHEET = 'RP_出典';

export function provenanceSheet(ctx: LayoutContext): PlanSheet {
  const p = ctx.model.provenance;
  const b = new SheetBuilder(PROVENANCE_SHEET);
  const title = ctx.t('sourceTitle');
  b.title(title);
  b.note(ctx.t('sourceIntro'));
  b.blank();
  b.table(
    [
      ctx.t('tool'),
      ctx.t('generatedAt'),
      ctx.t('generatedAtIso'),
      ctx.t('targetYear'),
      ctx.t('rule'),
      ctx.t('reportKind'),
    ],
    [
      [
        `${p.tool} ${p.version}`,
        japanTime(p.generatedAt, ctx.lang)?.text ?? p.generatedAt,
        p.generatedAt,
        `${ctx.year(p.year)} (${p.year})`,
        ctx.ruleText(),
        reportKindLabels[p.reportKind][ctx.lang],
      ],
    ],
  );
  b.blank();
  const rows = p.inputs.flatMap((input) =>
    input.sheets.map((s) => [ctx.fileName(input.file), s.sheet, s.items, input.contentHash]),
  );
  b.table([ctx.t('file'), ctx.t('sheet'), ctx.t('itemsRead'), ctx.t('contentHash')], rows);
  return b.build([30, 22, 14, 30, 24], undefined, ctx.print(title), [48, 30, 20, 68, 30]);
}
