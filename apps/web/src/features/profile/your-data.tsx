import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { AccountExport } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, StatusAlert } from '../../components/feedback';
import { isStatus } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';

/** One's own data: download it all, or delete the account. */
export function YourData() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const say = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [exportMissing, setExportMissing] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const download = useSubmit(
    async () => {
      const data = await api.get<AccountExport>('/api/me/export');
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'erfaringsforum-mine-data.json';
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(t('profile.exported'));
    },
    {
      // A server without the export (404) is told plainly, with what to do instead.
      onError: (err) => {
        if (!isStatus(err, 404)) return false;
        setExportMissing(true);
        return true;
      },
    },
  );
  const remove = useSubmit(
    async () => {
      await api.delete('/api/me', { password });
      setUser(null);
      say(t('profile.deleted'));
      navigate('/');
    },
    {
      onError: (err) => {
        if (!(err instanceof ApiError && (err.code === 'invalid_credentials' || err.status === 400))) return false;
        setError(t('profile.errors.wrongPassword'));
        ref.current?.focus();
        return true;
      },
    },
  );
  const failure = download.failure ?? remove.failure;

  function deleteAccount(e: FormEvent) {
    e.preventDefault();
    if (!password) {
      setError(t('profile.errors.currentPassword'));
      ref.current?.focus();
      return;
    }
    download.reset();
    void remove.run();
  }

  return (
    <>
      <Paragraph>{t('profile.exportIntro')}</Paragraph>
      <Button variant="secondary" className="mt-2" disabled={download.busy} onClick={() => void download.run()}>
        {t('profile.export')}
      </Button>
      {exportMissing ? <StatusAlert color="info" message={t('profile.exportUnavailable')} /> : null}
      <Heading level={3} data-size="xs" className="mt-6">
        {t('profile.deleteHeading')}
      </Heading>
      <Paragraph>{t('profile.deleteIntro')}</Paragraph>
      {confirming ? (
        <form onSubmit={deleteAccount} noValidate className="inline-form">
          <Textfield
            label={t('profile.deleteConfirmPassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error}
            ref={ref as React.Ref<HTMLInputElement>}
          />
          <div className="button-row">
            <Button type="submit" data-color="danger" disabled={remove.busy}>
              {t('profile.deleteConfirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" data-color="danger" className="mt-2" onClick={() => setConfirming(true)}>
          {t('profile.delete')}
        </Button>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}
