import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { PanelAbout } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';

function Form({ about }: { about: PanelAbout }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [nb, setNb] = useState(about.nb);
  const [en, setEn] = useState(about.en);
  const [errors, setErrors] = useState<{ nb?: string; en?: string }>({});
  const save = useSubmit(async () => {
    await api.put<PanelAbout>('/api/admin/panel/about', { nb, en });
    confirm(t('pool.admin.about.saved'));
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...(nb.trim() ? {} : { nb: t('pool.admin.about.required') }),
      ...(en.trim() ? {} : { en: t('pool.admin.about.required') }),
    };
    setErrors(found);
    if (found.nb || found.en) {
      document.getElementById(found.nb ? 'about-nb' : 'about-en')?.focus();
      return;
    }
    void save.run();
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      {(['nb', 'en'] as const).map((lng) => (
        <Textfield
          key={lng}
          id={`about-${lng}`}
          label={t(`pool.admin.about.${lng}`)}
          description={t('pool.admin.about.markdown')}
          multiline
          rows={12}
          value={lng === 'nb' ? nb : en}
          onChange={(e) => (lng === 'nb' ? setNb : setEn)(e.target.value)}
          error={errors[lng]}
          lang={lng}
          maxLength={20000}
        />
      ))}
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      <div>
        <Button type="submit" disabled={save.busy} data-testid="save-about">
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

/** The text on /panelet, in both languages (Markdown). */
export function AboutEditor() {
  const { t } = useTranslation();
  const about = useApi<PanelAbout>('/api/panel/about');
  return (
    <>
      <Paragraph>
        {t('pool.admin.about.lead')}{' '}
        <Link to="/panelet" className="ds-link">
          {t('pool.admin.about.see')}
        </Link>
      </Paragraph>
      {about.loading ? <Loading /> : null}
      {about.error ? <ErrorAlert error={about.error} retry={about.reload} announce={false} /> : null}
      {about.data ? <Form about={about.data} /> : null}
    </>
  );
}
