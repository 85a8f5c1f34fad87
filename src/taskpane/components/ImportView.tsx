/** 取り込み: several department workbooks parsed here, then consolidated into the open workbook. */
import { Button, Field, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { analyse, generateSummary, renderFinding } from '../../core';
import { importFiles, type ImportedFile } from '../importFiles';
import { useAction, usePane } from '../pane';

export function ImportView() {
  const { host, lang, t, settings } = usePane();
  const { busy, run } = useAction();
  const [files, setFiles] = useState<ImportedFile[]>([]);

  const choose = (list: FileList | null) =>
    run(async () => {
      if (!list || list.length === 0) return;
      setFiles(await importFiles([...list]));
    });

  const readable = files.flatMap((f) => (f.snapshot ? [f.snapshot] : []));
  const perFile = readable.length > 0 ? analyse(readable, settings) : null;

  const write = () =>
    run(async () => {
      const extra = files.flatMap((f) => (f.finding ? [f.finding] : []));
      const outcome = generateSummary({
        workbooks: readable,
        settings,
        lang,
        now: new Date().toISOString(),
        extraFindings: extra,
        includeItemSheet: true,
      });
      if (!outcome.ok) return { text: t('noItems'), intent: 'warning' };
      const applied = await host.applyPlan(outcome.plan);
      return t('resultSheets', { sheets: applied.written });
    });

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
                  findings: perFile.findings.filter((x) => x.file === f.name).length,
                })
              : t('fileUnreadable', {
                  file: f.name,
                  reason: f.finding ? renderFinding(f.finding, lang).message : '',
                })}
          </li>
        ))}
      </ul>
      {readable.length > 0 && (
        <Button appearance="primary" disabled={busy} onClick={() => void write()}>
          {t('importWrite')}
        </Button>
      )}
      {files.length === 0 && <Text size={200}>{t('undoNote')}</Text>}
    </div>
  );
}
