/** 入力規則を設定: a list of the scale's marks (◎ ○ □ ▲ 終了) on the detected status columns of one sheet. */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { type Analysis, dropdownTargets, gradesOf } from '../../core';
import { useAction, usePane } from '../pane';

export function DropdownView(props: { analysis: Analysis | null }) {
  const { analysis } = props;
  const { host, t, settings } = usePane();
  const { busy, run } = useAction();
  const sheets = [...new Set((analysis?.tables ?? []).map((x) => x.sheet))];
  const [sheet, setSheet] = useState<string>('');
  if (!host.capabilities().dataValidation) return <Text>{t('dropdownUnsupported')}</Text>;
  if (!analysis || sheets.length === 0) return <Text>{t('noTables')}</Text>;
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
