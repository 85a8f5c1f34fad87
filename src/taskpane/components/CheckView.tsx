/** 進捗チェック: findings by sheet, filter by severity, go to a cell, unify mark variants after confirmation. */
import { Button, Checkbox, Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import {
  type Analysis,
  markVariantEdits,
  type HostPort,
  type Finding,
  type Severity,
  type Lang,
  type Settings,
} from '../../core';
import type { Translate } from '../text';
import { FindingList } from './FindingList';
import { InfoBar } from './ErrorBar';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const UnifyDialog = lazy(() =>
  import(/* webpackChunkName: "unify" */ './UnifyDialog').then((m) => ({ default: m.UnifyDialog })),
);

export function CheckView(props: {
  host: HostPort;
  lang: Lang;
  t: Translate;
  settings: Settings;
  analysis: Analysis | null;
  onCheck: () => Promise<void>;
  onError: (err: unknown) => void;
}) {
  const { host, lang, t, settings, analysis, onCheck, onError } = props;
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setDone(null);
    try {
      await work();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const findings = analysis?.findings ?? [];
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]),
  );
  const visible = findings.filter((f) => shown.has(f.severity));
  const edits = markVariantEdits(findings, settings);

  const select = (f: Finding) => {
    if (f.sheet && f.cell) void run(() => host.selectCell(f.sheet!, f.cell!));
  };

  return (
    <div>
      <Button appearance="primary" disabled={busy} onClick={() => void run(onCheck)}>
        {busy ? t('checking') : t('runCheck')}
      </Button>
      {busy && <Spinner size="tiny" label={t('checking')} />}
      <InfoBar message={done} />
      {analysis && (
        <>
          <p>
            <Text weight="semibold">
              {t('checkSummary', { items: analysis.items.length, year: analysis.year ?? '—', ...counts })}
            </Text>
          </p>
          <fieldset style={{ border: 'none', padding: 0, margin: '0 0 8px' }}>
            <legend>{t('filterLabel')}</legend>
            {SEVERITIES.map((s) => (
              <Checkbox
                key={s}
                label={`${t(`filter_${s}`)} (${counts[s]})`}
                checked={shown.has(s)}
                onChange={(_, data) => {
                  const next = new Set(shown);
                  if (data.checked) next.add(s);
                  else next.delete(s);
                  setShown(next);
                }}
              />
            ))}
          </fieldset>
          {edits.length > 0 && (
            <Button disabled={busy} onClick={() => setConfirming(true)}>
              {t('unify', { count: edits.length })}
            </Button>
          )}
          <FindingList findings={visible} lang={lang} t={t} onSelect={select} />
        </>
      )}
      {confirming && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <UnifyDialog
            t={t}
            edits={edits}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void run(async () => {
                await host.writeCells(edits);
                await onCheck();
                setDone(t('unified', { count: edits.length }));
              });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
