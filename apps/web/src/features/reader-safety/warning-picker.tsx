import { Field, Label, Select, FieldDescription } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useContentWarnings, warningLabel } from './use-warnings';

/** The writer picks a content warning (or none) from the administrators' short list. */
export function WarningPicker({ value, onChange }: { value: string | null; onChange(code: string | null): void }) {
  const { t, i18n } = useTranslation();
  const list = useContentWarnings();
  if (list.length === 0 && !value) return null;
  return (
    <Field>
      <Label>{t('readerSafety.picker.label')}</Label>
      <FieldDescription>{t('readerSafety.picker.help')}</FieldDescription>
      <Select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        data-testid="warning-picker"
      >
        <Select.Option value="">{t('readerSafety.picker.none')}</Select.Option>
        {list.map((w) => (
          <Select.Option key={w.code} value={w.code}>
            {warningLabel(list, w.code, i18n.language)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
