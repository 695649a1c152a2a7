import { Button, ErrorSummary, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { User } from '../api/types';
import { ErrorAlert } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { useSubmit } from '../lib/use-submit';
import { useSession } from '../session';
import { useConfirm } from '../components/announcer';
import { ForgotPassword } from '../components/operator-contact';

/** Only paths inside the app are followed after login. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const login = useSubmit(async () => {
    const user = await api.post<User>('/api/auth/login', { username: username.trim(), password });
    setUser(user);
    confirm(t('login.welcome', { name: user.displayName || user.username }));
    navigate(safeNext(params.get('neste')), { replace: true });
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!username.trim()) next.username = t('login.errors.username');
    if (!password) next.password = t('login.errors.password');
    setErrors(next);
    login.reset();
    if (next.username || next.password) {
      setAttempt((n) => n + 1);
      return;
    }
    void login.run();
  }

  const list = Object.entries(errors).filter(([, v]) => v);
  return (
    <div className="narrow">
      <PageHeader title={t('login.title')} />
      {list.length > 0 ? (
        <ErrorSummary key={attempt} className="block">
          <ErrorSummary.Heading>{t('form.summary')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {list.map(([field, message]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#login-${field}`}>{message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="login-username"
          label={t('login.username')}
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
          name="username"
        />
        <Textfield
          id="login-password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          name="password"
        />
        {login.failure ? <ErrorAlert error={login.failure} /> : null}
        <div>
          <Button type="submit" disabled={login.busy} aria-busy={login.busy || undefined}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph className="mt-4">
        {t('login.noAccount')}{' '}
        <Link to="/registrer" className="ds-link">
          {t('login.register')}
        </Link>
      </Paragraph>
      <ForgotPassword />
    </div>
  );
}
