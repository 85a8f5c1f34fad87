/** 進捗チェック: findings by sheet, filter by severity, go to a cell, unify mark variants after confirmation. */
import { Button, Checkbox, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState, type CSSProperties } from 'react';
import { type Analysis, markVariantEdits, type Finding, type Severity } from '../../core';
import { useAction, usePane } from '../pane';
import { FindingList } from './FindingList';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const UnifyDialog = lazy(() =>
  import(/* webpackChunkName: "unify" */ './UnifyDialog').then((m) => ({ default: m.UnifyDialog })),
);

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  filter: { border: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalS}` },
} satisfies Record<string, CSSProperties>;

export function CheckView(props: { analysis: Analysis | null; onCheck: () => Promise<void> }) {
  const { analysis, onCheck } = props;
  const { host, t, settings } = usePane();
  const { busy, run } = useAction();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [confirming, setConfirming] = useState(false);

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
      {/* The summary line is announced when a check ends (the region exists before it does). */}
      <div aria-live="polite">
        {analysis && (
          <p>
            <Text weight="semibold">
              {t('checkSummary', { items: analysis.items.length, year: analysis.year ?? '—', ...counts })}
            </Text>
          </p>
        )}
      </div>
      {analysis && (
        <>
          <fieldset style={styles.filter}>
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
          {visible.length > 0 && visible.length < findings.length && (
            <Text>{t('someHidden', { count: findings.length - visible.length })}</Text>
          )}
          <FindingList findings={visible} onSelect={select} hidden={findings.length - visible.length} />
        </>
      )}
      {confirming && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <UnifyDialog
            edits={edits}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void run(async () => {
                await host.writeCells(edits);
                await onCheck();
                return t('unified', { count: edits.length });
              });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
