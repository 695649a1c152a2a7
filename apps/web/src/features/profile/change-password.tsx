import { Button, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ErrorAlert, StatusAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';

export function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [done, setDone] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const change = useSubmit(
    async () => {
      await api.post('/api/me/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
    },
    {
      onError: (err) => {
        if (!(err instanceof ApiError && err.code === 'invalid_credentials')) return false;
        setErrors({ current: t('profile.errors.wrongPassword') });
        currentRef.current?.focus();
        return true;
      },
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    change.reset();
    const errs: typeof errors = {};
    if (!current) errs.current = t('profile.errors.currentPassword');
    if (next.length < 10) errs.next = t('register.errors.password');
    setErrors(errs);
    if (errs.current) return currentRef.current?.focus();
    if (errs.next) return nextRef.current?.focus();
    void change.run();
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <Textfield
        label={t('profile.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.current}
        ref={currentRef as React.Ref<HTMLInputElement>}
      />
      <Textfield
        label={t('profile.newPassword')}
        description={t('register.passwordHelp')}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={errors.next}
        ref={nextRef as React.Ref<HTMLInputElement>}
      />
      {change.failure ? <ErrorAlert error={change.failure} /> : null}
      {done ? <StatusAlert message={t('profile.passwordChanged')} /> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={change.busy}>
          {t('profile.changePassword')}
        </Button>
      </div>
    </form>
  );
}
