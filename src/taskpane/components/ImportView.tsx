/**
 * 取り込み: several department workbooks parsed here; their figures and everything found in them
 * shown at once; then consolidated into the open workbook on request.
 */
import { Button, Field, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { generateSummary, renderFinding, type GenerateResult } from '../../core';
import { importFiles, type ImportedFile } from '../importFiles';
import { useAction, usePane, type ImportedFiles } from '../pane';
import { Figures } from './Figures';
import { FindingsPanel } from './FindingsPanel';

export function ImportView(props: { imported: ImportedFiles | null }) {
  const { host, lang, t, settings, showRun, setImported } = usePane();
  const { busy, run } = useAction();
  // The files read last time, when the tab is opened again.
  const [files, setFiles] = useState<readonly ImportedFile[]>(props.imported?.files ?? []);

  const readable = files.flatMap((f) => (f.snapshot ? [f.snapshot] : []));
  const unreadableOf = (list: readonly ImportedFile[]) => list.flatMap((f) => (f.finding ? [f.finding] : []));
  const summarize = (list: readonly ImportedFile[]) =>
    generateSummary({
      workbooks: list.flatMap((f) => (f.snapshot ? [f.snapshot] : [])),
      settings,
      lang,
      now: new Date().toISOString(),
      extraFindings: unreadableOf(list),
      includeItemSheet: true,
    });
  const [outcome, setOutcome] = useState<GenerateResult | null>(() =>
    props.imported ? summarize(props.imported.files) : null,
  );

  const choose = (list: FileList | null) =>
    run(
      async () => {
        if (!list || list.length === 0) return null;
        const read = await importFiles([...list]);
        const summary = summarize(read);
        setFiles(read);
        setOutcome(summary);
        setImported({
          files: read,
          names: read.map((f) => f.name),
          snapshots: read.flatMap((f) => (f.snapshot ? [f.snapshot] : [])),
          unreadable: unreadableOf(read),
        });
        showRun({
          source: 'import',
          analysis: summary.analysis,
          findings: summary.ok ? summary.findings : [...unreadableOf(read), ...summary.analysis.findings],
          openFile: null,
        });
        return t('importRead', {
          count: read.length,
          unreadable: read.filter((f) => !f.snapshot).length,
        });
      },
      { progress: t('parsing') },
    );

  const write = () =>
    run(async () => {
      const written = summarize(files);
      if (!written.ok) return { text: t('noItems'), intent: 'warning' };
      const applied = await host.applyPlan(written.plan);
      return t('resultSheets', { sheets: applied.written });
    });

  const perFile = outcome?.analysis;
  const findings = outcome
    ? outcome.ok
      ? outcome.findings
      : [...unreadableOf(files), ...outcome.analysis.findings]
    : [];
  return (
    <div>
      <Field label={t('chooseFiles')}>
        {(field) => (
          <input
            {...field}
            type="file"
            multiple
            accept=".xlsx,.xlsm"
            disabled={busy}
            onChange={(e) => void choose(e.target.files)}
          />
        )}
      </Field>
      {busy && <Spinner size="tiny" label={t('parsing')} />}
      <ul aria-label={t('tabImport')}>
        {files.map((f) => (
          <li key={f.name}>
            {f.snapshot && perFile
              ? t('fileRow', {
                  file: f.name,
                  items: perFile.sources.filter((s) => s.file === f.name).reduce((n, s) => n + s.items, 0),
                  findings: findings.filter((x) => x.file === f.name).length,
                })
              : t('fileUnreadable', {
                  file: f.name,
                  reason: f.finding ? renderFinding(f.finding, lang).message : '',
                })}
          </li>
        ))}
      </ul>
      {outcome?.ok && <Figures model={outcome.model} />}
      {readable.length > 0 && (
        <Button appearance="primary" disabled={busy} onClick={() => void write()}>
          {t('importWrite')}
        </Button>
      )}
      {files.length === 0 && <Text size={200}>{t('undoNote')}</Text>}
      {outcome && <FindingsPanel findings={findings} openFile={null} caption={t('runFrom_import')} />}
    </div>
  );
}
