import { Button, Checkbox, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import type { User } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorAlert } from '../components/feedback';
import { LegalBody, useLegalText } from '../components/legal-text';
import { PageHeader } from '../components/page-header';
import { fieldOf } from '../lib/errors';
import { useSubmit } from '../lib/use-submit';
import { WELCOME_STATE } from '../features/account/welcome';
import { useSession } from '../session';

const FIELDS = [
  'username',
  'displayName',
  'email',
  'password',
  'password2',
  'acceptGuidelines',
  'acceptPrivacy',
] as const;
type FieldName = (typeof FIELDS)[number];
const USERNAME = /^[\p{L}\p{N}_-]{3,32}$/u;

export default function RegisterPage() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const say = useAnnounce();
  const guidelines = useLegalText('/api/guidelines');
  const [values, setValues] = useState({ username: '', displayName: '', email: '', password: '', password2: '' });
  const [acceptGuidelines, setAcceptGuidelines] = useState(false);
  const [acceptPrivacy, setAcceptPrivacy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [attempt, setAttempt] = useState(0);

  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function validate(): Partial<Record<FieldName, string>> {
    const next: Partial<Record<FieldName, string>> = {};
    if (!USERNAME.test(values.username.trim())) next.username = t('register.errors.username');
    if (values.displayName.length > 50) next.displayName = t('register.errors.displayName');
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      next.email = t('register.errors.email');
    if (values.password.length < 10) next.password = t('register.errors.password');
    else if (values.password !== values.password2) next.password2 = t('register.errors.password2');
    if (!acceptGuidelines) next.acceptGuidelines = t('register.errors.acceptGuidelines');
    if (!acceptPrivacy) next.acceptPrivacy = t('register.errors.acceptPrivacy');
    return next;
  }

  const register = useSubmit(
    async () => {
      const body: Record<string, unknown> = {
        username: values.username.trim(),
        password: values.password,
        acceptGuidelines: true,
        acceptPrivacy: true,
      };
      if (values.displayName.trim()) body.displayName = values.displayName.trim();
      if (values.email.trim()) body.email = values.email.trim();
      await api.post<User>('/api/auth/register', body);
      // Registration does not log in by itself: do it now, so the new member lands ready to write.
      const user = await api.post<User>('/api/auth/login', {
        username: values.username.trim(),
        password: values.password,
      });
      setUser(user);
      say(t('register.done'));
      navigate('/', { replace: true, state: WELCOME_STATE });
    },
    {
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'name_taken') {
          setErrors({ displayName: t('register.errors.nameTaken') });
          setAttempt((n) => n + 1);
          return true;
        }
        if (err instanceof ApiError && err.code === 'username_taken') {
          setErrors({ username: t('errors.codes.username_taken') });
          setAttempt((n) => n + 1);
          return true;
        }
        const field = fieldOf(err, ['username', 'displayName', 'email', 'password']);
        if (!field) return false;
        setErrors({ [field]: t(`register.errors.${field}`) });
        setAttempt((n) => n + 1);
        return true;
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = validate();
    setErrors(next);
    register.reset();
    if (Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    void register.run();
  }

  const list = FIELDS.filter((f) => errors[f]);
  return (
    <div className="narrow">
      <PageHeader title={t('register.title')} lead={t('register.lead')} />
      {list.length > 0 ? (
        <ErrorSummary key={attempt} className="block" data-testid="error-summary">
          <ErrorSummary.Heading>{t('form.summary')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {list.map((field) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#reg-${field}`}>{errors[field]}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="reg-username"
          label={t('register.username')}
          description={t('register.usernameHelp')}
          autoComplete="username"
          value={values.username}
          onChange={set('username')}
          error={errors.username}
          name="username"
          maxLength={32}
        />
        <Textfield
          id="reg-displayName"
          label={t('register.displayName')}
          description={t('register.displayNameHelp')}
          autoComplete="nickname"
          value={values.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
          name="displayName"
          maxLength={50}
        />
        <Textfield
          id="reg-email"
          label={t('register.email')}
          description={t('register.emailHelp')}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
          name="email"
        />
        <Textfield
          id="reg-password"
          label={t('register.password')}
          description={t('register.passwordHelp')}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
          name="password"
        />
        <Textfield
          id="reg-password2"
          label={t('register.password2')}
          type="password"
          autoComplete="new-password"
          value={values.password2}
          onChange={set('password2')}
          error={errors.password2}
          name="password2"
        />
        <section aria-labelledby="guidelines-heading" className="panel">
          <Heading level={2} id="guidelines-heading" data-size="xs">
            {t('register.guidelinesHeading')}
          </Heading>
          <Paragraph className="mt-2">{t('register.guidelinesSummary')}</Paragraph>
          <details className="legal-details">
            <summary>{t('register.guidelinesRead')}</summary>
            <LegalBody
              html={guidelines.html}
              loading={guidelines.loading}
              error={guidelines.error}
              reload={guidelines.reload}
            />
          </details>
        </section>
        <Checkbox
          id="reg-acceptGuidelines"
          label={t('register.acceptGuidelines')}
          checked={acceptGuidelines}
          onChange={(e) => setAcceptGuidelines(e.target.checked)}
          error={errors.acceptGuidelines}
          name="acceptGuidelines"
        />
        <Checkbox
          id="reg-acceptPrivacy"
          label={t('register.acceptPrivacy')}
          description={
            <>
              {t('register.privacySummary')}{' '}
              <Link to="/personvern" className="ds-link" target="_blank">
                {t('register.privacyLink')}
              </Link>
            </>
          }
          checked={acceptPrivacy}
          onChange={(e) => setAcceptPrivacy(e.target.checked)}
          error={errors.acceptPrivacy}
          name="acceptPrivacy"
        />
        {register.failure ? <ErrorAlert error={register.failure} /> : null}
        <div>
          <Button type="submit" disabled={register.busy} aria-busy={register.busy || undefined}>
            {t('register.submit')}
          </Button>
        </div>
      </form>
      <Paragraph className="mt-4">
        {t('register.haveAccount')}{' '}
        <Link to="/logg-inn" className="ds-link">
          {t('nav.login')}
        </Link>
      </Paragraph>
    </div>
  );
}
