/** 入力規則を設定: a ◎ ○ □ ▲ 終了 list on the detected status columns of one sheet, after confirmation. */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { type Analysis, dropdownTargets, type HostPort, type Settings } from '../../core';
import type { Translate } from '../text';
import { InfoBar } from './ErrorBar';

export function DropdownView(props: {
  host: HostPort;
  t: Translate;
  settings: Settings;
  analysis: Analysis | null;
  onError: (err: unknown) => void;
}) {
  const { host, t, settings, analysis, onError } = props;
  const sheets = [...new Set((analysis?.tables ?? []).map((x) => x.sheet))];
  const [sheet, setSheet] = useState<string>('');
  const [done, setDone] = useState<string | null>(null);
  if (!host.capabilities().dataValidation) return <Text>{t('dropdownUnsupported')}</Text>;
  if (!analysis || sheets.length === 0) return <Text>{t('noTables')}</Text>;
  const chosen = sheet || sheets[0]!;
  const ranges = dropdownTargets(analysis.tables, chosen);
  const install = async () => {
    try {
      await host.installDropdowns(
        chosen,
        ranges,
        settings.marks.map((m) => m.symbol),
      );
      setDone(t('dropdownDone'));
    } catch (err) {
      onError(err);
    }
  };
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
      <p>{t('dropdownRanges', { ranges })}</p>
      <Button appearance="primary" onClick={() => void install()}>
        {t('dropdownInstall')}
      </Button>
      <InfoBar message={done} />
    </div>
  );
}
