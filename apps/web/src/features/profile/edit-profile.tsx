import { Button, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorAlert, StatusAlert } from '../../components/feedback';
import { fieldOf } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';

/** "Min side": one's display name and email address (PATCH /api/me). */
export function EditProfile() {
  const { t } = useTranslation();
  const { user, setUser } = useSession();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [errors, setErrors] = useState<{ displayName?: string; email?: string }>({});
  const [done, setDone] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const save = useSubmit(
    async () => {
      const updated = await api.patch<User>('/api/me', {
        displayName: displayName.trim(),
        email: email.trim() || null,
      });
      setUser(updated);
      setDisplayName(updated.displayName);
      setEmail(updated.email ?? '');
      setDone(true);
    },
    {
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'name_taken') {
          setErrors({ displayName: t('account.errors.nameTaken') });
          nameRef.current?.focus();
          return true;
        }
        if (fieldOf(err, ['displayName'])) {
          setErrors({ displayName: t('account.errors.displayNameForm') });
          nameRef.current?.focus();
          return true;
        }
        if (fieldOf(err, ['email'])) {
          setErrors({ email: t('account.errors.email') });
          emailRef.current?.focus();
          return true;
        }
        return false;
      },
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    save.reset();
    const errs: typeof errors = {};
    if (!displayName.trim()) errs.displayName = t('account.errors.displayName');
    else if (displayName.trim().length > 50) errs.displayName = t('account.errors.displayNameLong');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errs.email = t('account.errors.email');
    setErrors(errs);
    if (errs.displayName) return nameRef.current?.focus();
    if (errs.email) return emailRef.current?.focus();
    void save.run();
  }
  return (
    <form onSubmit={submit} noValidate className="form" data-testid="edit-profile">
      <Textfield
        label={t('account.displayName')}
        description={t('account.displayNameHelp')}
        autoComplete="nickname"
        value={displayName}
        maxLength={60}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errors.displayName}
        ref={nameRef as React.Ref<HTMLInputElement>}
      />
      <Textfield
        label={t('account.email')}
        description={t('account.emailHelp')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        ref={emailRef as React.Ref<HTMLInputElement>}
      />
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      {done ? <StatusAlert message={t('account.saved')} /> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={save.busy}>
          {t('account.save')}
        </Button>
      </div>
    </form>
  );
}
