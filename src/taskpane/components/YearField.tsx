/** The target-year choice: the years the sheets have, or the latest automatically (''). */
import { Field, Select } from '@fluentui/react-components';
import { type Lang, formatFiscalYear } from '../../core';
import type { Translate } from '../text';

export function YearField(props: {
  t: Translate;
  lang: Lang;
  years: readonly string[];
  value: string;
  onChange: (year: string) => void;
}) {
  const { t, lang, years, value, onChange } = props;
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
