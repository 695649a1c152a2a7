import { Button, Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Settings } from '../../api/types';
import { ErrorAlert, Loading, StatusAlert } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';

/** Who runs the service: shown in the privacy notice, the accessibility statement and "forgot password". */
const OPERATOR_FIELDS = [
  { key: 'operatorName', type: 'text', autoComplete: 'organization' },
  { key: 'operatorEmail', type: 'email', autoComplete: 'email' },
  { key: 'operatorPhone', type: 'tel', autoComplete: 'tel' },
  { key: 'operatorAddress', type: 'address', autoComplete: 'street-address' },
  { key: 'accessibilityStatementDate', type: 'date', autoComplete: 'off' },
] as const;
const OPERATOR_KEYS: ReadonlySet<string> = new Set(OPERATOR_FIELDS.map((f) => f.key));

export function SettingsForm() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Settings>('/api/admin/settings');
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    await api.patch('/api/admin/settings', draft ?? {});
    setSaved(true);
    setDraft(null);
    reload();
  });
  const values = draft ?? data;
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  if (!values) return null;
  return (
    <form
      className="form admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.run();
      }}
    >
      {Object.entries(values)
        .filter(([key]) => !OPERATOR_KEYS.has(key))
        .map(([key, value]) =>
          typeof value === 'boolean' ? (
            <Checkbox
              key={key}
              label={t(`admin.settings.${key}`)}
              description={t(`admin.settings.${key}Help`, { defaultValue: '' }) || undefined}
              checked={value}
              onChange={(e) => setDraft({ ...values, [key]: e.target.checked })}
            />
          ) : typeof value === 'number' ? (
            <Textfield
              key={key}
              type="number"
              inputMode="numeric"
              label={t(`admin.settings.${key}`)}
              description={t(`admin.settings.${key}Help`, { defaultValue: '' }) || undefined}
              value={String(value)}
              onChange={(e) => setDraft({ ...values, [key]: Number(e.target.value) })}
            />
          ) : (
            <Textfield
              key={key}
              label={t(`admin.settings.${key}`)}
              value={String(value)}
              onChange={(e) => setDraft({ ...values, [key]: e.target.value })}
            />
          ),
        )}
      <Fieldset>
        <Fieldset.Legend>{t('operator.settings.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('operator.settings.help')}</Fieldset.Description>
        {OPERATOR_FIELDS.map(({ key, type, autoComplete }) =>
          type === 'address' ? (
            <Textfield
              key={key}
              multiline
              rows={3}
              label={t(`operator.settings.${key}`)}
              description={t(`operator.settings.${key}Help`)}
              autoComplete={autoComplete}
              value={values[key]}
              onChange={(e) => setDraft({ ...values, [key]: e.target.value })}
            />
          ) : (
            <Textfield
              key={key}
              type={type}
              label={t(`operator.settings.${key}`)}
              description={t(`operator.settings.${key}Help`)}
              autoComplete={autoComplete}
              value={values[key]}
              onChange={(e) => setDraft({ ...values, [key]: e.target.value })}
            />
          ),
        )}
      </Fieldset>
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      {saved ? <StatusAlert message={t('admin.saved')} /> : null}
      <div>
        <Button type="submit" data-size="sm" disabled={!draft || save.busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
