/**
 * 進捗チェック: checks the open workbook (or the files 取り込み read, and says which), and shows what the
 * last check, summary or import found; unifies mark variants after confirmation.
 */
import { Button, Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense, useRef, useState } from 'react';
import { countBySeverity, markVariantEdits } from '../../core';
import { useAction, usePane, type ImportedFiles, type PaneRun } from '../pane';

// Loaded when there is something to list: nothing of it is needed for the pane's first paint.
const FindingsPanel = lazy(() =>
  import(/* webpackChunkName: "findings" */ './FindingsPanel').then((m) => ({ default: m.FindingsPanel })),
);
const UnifyDialog = lazy(() =>
  import(/* webpackChunkName: "unify" */ './UnifyDialog').then((m) => ({ default: m.UnifyDialog })),
);

export function CheckView(props: {
  run: PaneRun | null;
  imported: ImportedFiles | null;
  onCheck: () => Promise<PaneRun>;
  onCheckOpenWorkbook: () => void;
}) {
  const { run: last, imported, onCheck, onCheckOpenWorkbook } = props;
  const { host, t, settings } = usePane();
  const { busy, run } = useAction();
  // Mounted once opened and then only shown or hidden, so that Fluent closes it (and releases the
  // rest of the pane from aria-hidden) as a dialog, not as a vanished element.
  const [dialog, setDialog] = useState<'never' | 'open' | 'closed'>('never');
  const unifyButton = useRef<HTMLButtonElement>(null);

  const summary = (r: PaneRun) =>
    t('checkSummary', {
      items: r.analysis.items.length,
      year: r.analysis.year ?? '—',
      ...countBySeverity(r.findings),
    });
  const check = () =>
    run(async () => t('checked', { count: (await onCheck()).findings.length }), { progress: t('checking') });
  const edits = last?.openFile
    ? markVariantEdits(
        last.findings.filter((f) => f.file === last.openFile),
        settings,
      )
    : [];
  const close = () => {
    setDialog('closed');
    unifyButton.current?.focus();
  };

  return (
    <div>
      <p>
        {imported ? t('checkScopeImported', { files: imported.names }) : t('checkScopeOpen')}{' '}
        {imported && (
          <Button size="small" disabled={busy} onClick={onCheckOpenWorkbook}>
            {t('checkOpenInstead')}
          </Button>
        )}
      </p>
      <Button appearance="primary" disabled={busy} onClick={() => void check()}>
        {busy ? t('checking') : t('runCheck')}
      </Button>
      {busy && <Spinner size="tiny" label={t('checking')} />}
      {last && (
        <>
          <p>
            <Text weight="semibold">{summary(last)}</Text>
          </p>
          {edits.length > 0 && (
            <Button ref={unifyButton} disabled={busy} onClick={() => setDialog('open')}>
              {t('unify', { count: edits.length })}
            </Button>
          )}
          <Suspense fallback={<Spinner size="tiny" />}>
            <FindingsPanel
              findings={last.findings}
              openFile={last.openFile}
              caption={t(`runFrom_${last.source}`)}
            />
          </Suspense>
        </>
      )}
      {dialog !== 'never' && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <UnifyDialog
            open={dialog === 'open'}
            edits={edits}
            onCancel={close}
            onConfirm={() => {
              close();
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
