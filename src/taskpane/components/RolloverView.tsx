/** 次の年度の列を追加: a preview of exactly which columns and headers change, then the change on confirmation. */
import { Button, Checkbox } from '@fluentui/react-components';
import { useState } from 'react';
import {
  columnLetters,
  type HostPort,
  planRollover,
  type ColumnInsertion,
  type RolloverPlan,
  type Settings,
} from '../../core';
import type { Translate } from '../text';
import { InfoBar } from './ErrorBar';

function columnsText(ins: ColumnInsertion): string {
  const letters =
    ins.count === 1
      ? columnLetters(ins.at)
      : `${columnLetters(ins.at)}:${columnLetters(ins.at + ins.count - 1)}`;
  return ins.rows
    ? `${columnLetters(ins.at)}${ins.rows.top + 1}:${columnLetters(ins.at + ins.count - 1)}${ins.rows.bottom + 1}`
    : letters;
}

export function RolloverView(props: {
  host: HostPort;
  t: Translate;
  settings: Settings;
  onError: (err: unknown) => void;
}) {
  const { host, t, settings, onError } = props;
  const [rename, setRename] = useState(false);
  const [plan, setPlan] = useState<RolloverPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const preview = async () => {
    setDone(null);
    setBusy(true);
    try {
      setPlan(planRollover(await host.readSnapshot(), settings, { renameHeaders: rename }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      await host.applyRollover(
        plan,
        settings.marks.map((m) => m.symbol),
      );
      setDone(t('rolloverDone', { years: [...new Set(plan.sheets.flatMap((s) => s.years))] }));
      setPlan(null);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('rolloverTitle')}>
      <h2 style={{ fontSize: 15 }}>{t('rolloverTitle')}</h2>
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
      {plan && plan.sheets.length === 0 && <InfoBar intent="info" message={t('rolloverNothing')} />}
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
          <Button appearance="primary" disabled={busy} onClick={() => void apply()}>
            {t('rolloverConfirm')}
          </Button>{' '}
          <Button disabled={busy} onClick={() => setPlan(null)}>
            {t('cancel')}
          </Button>
        </div>
      )}
      <InfoBar message={done} />
    </section>
  );
}
