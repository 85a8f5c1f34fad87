/**
 * 入力規則を設定: a list of the scale's marks (◎ ○ □ ▲ 終了) on the detected status columns of one
 * sheet. Finds the plan tables itself when nothing has read the workbook yet.
 */
import { Button, Field, Select, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { type Analysis, dropdownTargets, gradesOf } from '../../core';
import { useAction, usePane } from '../pane';

export function DropdownView(props: {
  analysis: Analysis | null;
  onDetect: () => Promise<{ analysis: Analysis }>;
}) {
  const { analysis, onDetect } = props;
  const { host, t, settings } = usePane();
  const { busy, run } = useAction();
  const [sheet, setSheet] = useState<string>('');
  const supported = host.capabilities().dataValidation;
  const sheets = [...new Set((analysis?.tables ?? []).map((x) => x.sheet))];

  useEffect(() => {
    // Once, when the tab opens on a workbook nothing has read yet.
    if (supported && !analysis)
      void run(async () => {
        const found = new Set((await onDetect()).analysis.tables.map((x) => x.sheet)).size;
        return found > 0
          ? t('tablesFound', { count: found })
          : { text: t('noTablesInBook'), intent: 'warning' };
      });
  }, []);

  if (!supported) return <Text>{t('dropdownUnsupported')}</Text>;
  if (!analysis) return busy ? <Spinner size="tiny" label={t('working')} /> : null;
  if (sheets.length === 0) return <Text>{t('noTablesInBook')}</Text>;
  const chosen = sheet || sheets[0]!;
  const ranges = dropdownTargets(analysis.tables, chosen);
  const symbols = gradesOf(settings).map((m) => m.symbol);
  const install = () =>
    run(async () => {
      await host.installDropdowns(chosen, ranges, symbols);
      return t('dropdownDone');
    });
  return (
    <div>
      <Field label={t('dropdownSheet')}>
        <Select value={chosen} onChange={(_, data) => setSheet(data.value)}>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <p>{t('dropdownRanges', { ranges, symbols })}</p>
      <Button appearance="primary" disabled={busy} onClick={() => void install()}>
        {t('dropdownInstall')}
      </Button>
    </div>
  );
}
