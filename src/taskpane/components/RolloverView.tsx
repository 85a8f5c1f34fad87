/** 次の年度の列を追加: a preview of exactly which columns and headers change, then the change on confirmation. */
import { Button, Checkbox, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import { columnLetters, planRollover, type ColumnInsertion, type RolloverPlan, gradesOf } from '../../core';
import { useAction, usePane } from '../pane';

function columnsText(ins: ColumnInsertion): string {
  const letters =
    ins.count === 1
      ? columnLetters(ins.at)
      : `${columnLetters(ins.at)}:${columnLetters(ins.at + ins.count - 1)}`;
  return ins.rows
    ? `${columnLetters(ins.at)}${ins.rows.top + 1}:${columnLetters(ins.at + ins.count - 1)}${ins.rows.bottom + 1}`
    : letters;
}

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = { heading: { fontSize: tokens.fontSizeBase400 } } satisfies Record<string, CSSProperties>;

export function RolloverView() {
  const { host, t, settings } = usePane();
  const { busy, run } = useAction();
  const [rename, setRename] = useState(false);
  const [plan, setPlan] = useState<RolloverPlan | null>(null);

  const preview = () =>
    run(async () => {
      const next = planRollover(await host.readSnapshot(), settings, { renameHeaders: rename });
      setPlan(next);
      return next.sheets.length > 0 ? t('changesShown') : { text: t('rolloverNothing'), intent: 'info' };
    });

  const apply = (confirmed: RolloverPlan) =>
    run(async () => {
      await host.applyRollover(
        confirmed,
        gradesOf(settings).map((m) => m.symbol),
      );
      setPlan(null);
      return t('rolloverDone', { years: [...new Set(confirmed.sheets.flatMap((s) => s.years))] });
    });

  return (
    <section aria-label={t('rolloverTitle')}>
      <h2 style={styles.heading}>{t('rolloverTitle')}</h2>
      {!host.capabilities().dataValidation && <p role="note">{t('noDropdownsOnNewCells')}</p>}
      <Checkbox
        checked={rename}
        label={t('rolloverRename')}
        onChange={(_, d) => {
          setRename(d.checked === true);
          setPlan(null);
        }}
      />
      <div>
        <Button disabled={busy} onClick={() => void preview()}>
          {t('rolloverPreview')}
        </Button>
      </div>
      {plan && plan.sheets.length > 0 && (
        <div role="region" aria-label={t('rolloverPreview')}>
          <ul aria-label={t('rolloverTitle')}>
            {plan.sheets.map((s) => (
              <li key={s.sheet}>
                {t('rolloverSheet', { sheet: s.sheet, tables: s.tables, years: s.years })}
                <br />
                {t('rolloverColumns', { columns: s.insertions.map(columnsText) })}
              </li>
            ))}
            {plan.sheets.flatMap((s) =>
              s.renames.map((r) => (
                <li key={`${s.sheet}!${r.cell}`}>
                  {t('rolloverRenameItem', { sheet: s.sheet, cell: r.cell, from: r.from, value: r.value })}
                </li>
              )),
            )}
          </ul>
          <p>{t('rolloverBody')}</p>
          <Button appearance="primary" disabled={busy} onClick={() => void apply(plan)}>
            {t('rolloverConfirm')}
          </Button>{' '}
          <Button disabled={busy} onClick={() => setPlan(null)}>
            {t('cancel')}
          </Button>
        </div>
      )}
    </section>
  );
}
