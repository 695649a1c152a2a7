import { Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Settings } from '../../api/types';
import { ErrorAlert, Loading, StatusAlert } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';

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
      {Object.entries(values).map(([key, value]) =>
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
