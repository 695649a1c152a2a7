import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ErrorAlert, StatusAlert } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { useSubmit } from '../lib/use-submit';

/** The token arrives in the fragment (never sent to a server). */
function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  // Once the page is shown, the token leaves the address bar (and the history), so it is not left
  // behind on a shared computer. Done after commit: a render React throws away must not lose it.
  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<{ password?: string; password2?: string }>({});
  const [done, setDone] = useState(false);
  const ref1 = useRef<HTMLInputElement>(null);
  const ref2 = useRef<HTMLInputElement>(null);

  const save = useSubmit(async () => {
    await api.post('/api/auth/reset-password', { token, newPassword: password });
    setDone(true);
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (password.length < 10) errs.password = t('register.errors.password');
    else if (password !== password2) errs.password2 = t('register.errors.password2');
    setErrors(errs);
    save.reset();
    if (errs.password) return ref1.current?.focus();
    if (errs.password2) return ref2.current?.focus();
    void save.run();
  }

  return (
    <div className="narrow">
      <PageHeader title={t('reset.title')} lead={t('reset.lead')} />
      {!token ? (
        <Alert data-color="info" className="block">
          <Paragraph>{t('reset.noToken')}</Paragraph>
        </Alert>
      ) : done ? (
        <StatusAlert message={t('reset.done')}>
          <Paragraph className="mt-2">
            <Link to="/logg-inn" className="ds-link">
              {t('nav.login')}
            </Link>
          </Paragraph>
        </StatusAlert>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <Textfield
            label={t('profile.newPassword')}
            description={t('register.passwordHelp')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            ref={ref1 as React.Ref<HTMLInputElement>}
          />
          <Textfield
            label={t('register.password2')}
            type="password"
            autoComplete="new-password"
            value={password2}
            onChange={(e) => setPassword2(e.target.value)}
            error={errors.password2}
            ref={ref2 as React.Ref<HTMLInputElement>}
          />
          {save.failure ? <ErrorAlert error={save.failure} /> : null}
          <div>
            <Button type="submit" disabled={save.busy}>
              {t('reset.submit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
