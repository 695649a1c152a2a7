import { Button, SkipLink } from '@digdir/designsystemet-react';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { setLanguage } from '../i18n';
import { useDuty } from '../lib/duty';
import { useSubmit } from '../lib/use-submit';
import { useSession } from '../session';
import { useAnnounce } from './announcer';
import { Confirmation } from './confirmation';
import { Loading } from './feedback';
import { NotificationBadge } from './notification-badge';
import { UnansweredNavLabel } from '../features/reader-safety/unanswered-badge';
import { FOOTER_LINKS, PUBLIC_NAV } from './public-nav';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const other = i18n.language === 'en' ? 'nb' : 'en';
  const change = useSubmit(async (language: typeof other) => {
    await setLanguage(language);
    say(t('language.changed'));
  });
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      lang={other}
      disabled={change.busy}
      data-testid="language-switch"
      onClick={() => void change.run(other)}
    >
      {t('language.switchTo')}
    </Button>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const items: { to: string; label: ReactNode; end?: boolean }[] = PUBLIC_NAV.map((item) => ({
    to: item.to,
    label: t(`nav.${item.key}`),
    end: item.end,
  }));
  if (can('host')) items.push({ to: '/ubesvarte', label: <UnansweredNavLabel /> });
  if (can('moderator')) items.push({ to: '/moderering', label: t('nav.moderation') });
  if (can('admin')) items.push({ to: '/admin', label: t('nav.admin') });
  if (user) items.push({ to: '/profil', label: t('nav.profile') });
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="nav-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A moderator on duty sees it on every page: writers in crisis are being told someone is there. */
function DutyMark({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const duty = useDuty(userId);
  if (!duty?.onDuty) return null;
  return (
    <Link to="/moderering" className="duty-mark" data-testid="duty-mark">
      {t('safety.onDuty')}
    </Link>
  );
}

function AccountArea() {
  const { t } = useTranslation();
  const { user, loading, logout, can } = useSession();
  const navigate = useNavigate();
  const say = useAnnounce();
  if (loading) return <div className="account-area" />;
  if (!user) {
    return (
      <div className="account-area">
        <Link to="/logg-inn" className="ds-link account-link">
          {t('nav.login')}
        </Link>
        <Link to="/registrer" className="ds-link account-link">
          {t('nav.register')}
        </Link>
      </div>
    );
  }
  return (
    <div className="account-area">
      <span className="account-name">
        <span className="ds-sr-only">{t('nav.loggedInAs')} </span>
        {user.displayName || user.username}
      </span>
      {can('moderator') ? <DutyMark userId={user.id} /> : null}
      <NotificationBadge />
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={async () => {
          await logout();
          say(t('nav.loggedOut'));
          navigate('/');
        }}
      >
        {t('nav.logout')}
      </Button>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <SkipLink href="#main">{t('nav.skip')}</SkipLink>
      <header className="site-header">
        <div className="container header-top">
          <Link to="/" className="wordmark">
            <span className="wordmark-mark" aria-hidden="true" />
            <span className="wordmark-text">{t('app.name')}</span>
          </Link>
          <div className="header-tools">
            <Link to="/hjelp" className="help-now" data-testid="help-now">
              {t('help.now')}
            </Link>
            <LanguageSwitch />
          </div>
        </div>
        <div className="container header-bottom">
          <MainNav />
          <AccountArea />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        <Suspense fallback={<Loading />}>{children}</Suspense>
        <Confirmation />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p className="footer-note">{t('footer.notEmergency')}</p>
          <nav aria-label={t('footer.label')}>
            <ul className="footer-links">
              {FOOTER_LINKS.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="ds-link">
                    {t(`footer.${item.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}
