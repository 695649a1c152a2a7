import { Alert, Button, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { DirectoryServiceUpdate, HsdsService } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { DeleteConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';

const STATUSES = ['active', 'temporarily closed', 'inactive'] as const;

/** A moderator's edit, check and retirement of one offer. */
export function ModTools({ service, onChange }: { service: HsdsService; onChange(s: HsdsService): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'edit' | 'retire' | null>(null);
  const [v, setV] = useState({
    name: service.name,
    description: service.description,
    status: service.status as string,
    alert: service.alert ?? '',
  });
  const verify = useSubmit(async () => {
    onChange(await api.post<HsdsService>(`/api/directory/services/${service.id}/verify`));
    announce(t('directory.mod.verified'));
  });
  const save = useSubmit(async () => {
    const body: DirectoryServiceUpdate = {
      name: v.name,
      description: v.description,
      status: v.status as DirectoryServiceUpdate['status'],
      alert: v.alert,
    };
    onChange(await api.patch<HsdsService>(`/api/directory/services/${service.id}`, body));
    setMode(null);
    announce(t('directory.mod.saved'));
  });
  const retire = useSubmit(async () => {
    await api.delete(`/api/directory/services/${service.id}`);
    announce(t('directory.mod.retired'));
    void navigate('/aktiviteter');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };

  return (
    <section className="section mod-tools" aria-labelledby="directory-mod-heading">
      <Heading level={2} data-size="xs" id="directory-mod-heading">
        {t('directory.mod.heading')}
      </Heading>
      {mode === 'edit' ? (
        <form onSubmit={submit} className="form" noValidate>
          <Textfield
            label={t('directory.form.name')}
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
          <Textfield
            label={t('directory.form.description')}
            multiline
            rows={4}
            value={v.description}
            onChange={(e) => setV({ ...v, description: e.target.value })}
          />
          <div className="ds-field-like">
            <label htmlFor="directory-status" className="ds-label">
              {t('directory.mod.status')}
            </label>
            <Select id="directory-status" value={v.status} onChange={(e) => setV({ ...v, status: e.target.value })}>
              {STATUSES.map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`directory.mod.statuses.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <Textfield
            label={t('directory.mod.alert')}
            value={v.alert}
            onChange={(e) => setV({ ...v, alert: e.target.value })}
          />
          {save.failure ? <ErrorAlert error={save.failure} /> : null}
          <div className="button-row">
            <Button type="submit" data-size="sm" disabled={save.busy}>
              {t('directory.mod.save')}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setMode(null)}>
              {t('directory.mod.cancel')}
            </Button>
          </div>
        </form>
      ) : mode === 'retire' ? (
        <Alert data-color="warning">
          <Paragraph>{t('directory.mod.retireConfirm')}</Paragraph>
          {retire.failure ? <ErrorAlert error={retire.failure} /> : null}
          <div className="button-row mt-2">
            <DeleteConfirmButton onClick={() => void retire.run()} disabled={retire.busy}>
              {t('directory.mod.retire')}
            </DeleteConfirmButton>
            <Button variant="tertiary" onClick={() => setMode(null)}>
              {t('directory.mod.cancel')}
            </Button>
          </div>
        </Alert>
      ) : (
        <div className="button-row">
          <Button
            data-size="sm"
            onClick={() => void verify.run()}
            disabled={verify.busy}
            data-testid="directory-verify"
          >
            {t('directory.mod.verify')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => setMode('edit')}>
            {t('directory.mod.edit')}
          </Button>
          <Button data-size="sm" variant="secondary" data-color="danger" onClick={() => setMode('retire')}>
            {t('directory.mod.retire')}
          </Button>
        </div>
      )}
      {verify.failure ? <ErrorAlert error={verify.failure} /> : null}
    </section>
  );
}
