/** The target-year choice: the years the sheets have, or the latest automatically (''). */
import { Field, Select } from '@fluentui/react-components';
import { formatFiscalYear } from '../../core';
import { usePane } from '../pane';

export function YearField(props: {
  years: readonly string[];
  value: string;
  onChange: (year: string) => void;
}) {
  const { years, value, onChange } = props;
  const { lang, t } = usePane();
  return (
    <Field label={t('targetYear')}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('latestYear')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {formatFiscalYear(y, lang, 'long')}
          </option>
        ))}
      </Select>
    </Field>
  );
}
