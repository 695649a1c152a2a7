import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { RequireRole } from '../components/guards';
import { PageHeader } from '../components/page-header';
import { TableOfContents } from '../components/table-of-contents';
import { ChangePassword } from '../features/profile/change-password';
import { EditProfile } from '../features/profile/edit-profile';
import { MyPosts } from '../features/profile/my-posts';
import { Notifications } from '../features/profile/notifications';
import { PanelApplication } from '../features/profile/panel-application';
import { TakeBreak } from '../features/profile/take-break';
import { YourData } from '../features/profile/your-data';
import { ReaderSafetySection } from '../features/reader-safety/reader-safety-section';
import { useSession } from '../session';

function ProfileContent() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [location.hash]);
  if (!user) return null;
  const sections = [
    { id: 'konto', title: t('profile.account') },
    { id: 'innlegg', title: t('profile.posts') },
    { id: 'varsler', title: t('profile.notifications') },
    { id: 'filtre', title: t('readerSafety.section') },
    { id: 'panel', title: t('profile.panel') },
    { id: 'pause', title: t('profile.pause') },
    { id: 'data', title: t('profile.data') },
  ];
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead', { name: user.displayName || user.username })} />
      <TableOfContents sections={sections} />
      <section id="konto" aria-labelledby="konto-h" className="section panel">
        <Heading level={2} id="konto-h" data-size="sm">
          {t('profile.account')}
        </Heading>
        <Card data-color="neutral" className="account-card">
          <dl className="facts">
            <dt>{t('profile.username')}</dt>
            <dd>{user.username}</dd>
            <dt>{t('profile.displayName')}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t('profile.role')}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </dl>
        </Card>
        <Heading level={3} data-size="xs" className="mt-4">
          {t('account.edit')}
        </Heading>
        <EditProfile />
        <Heading level={3} data-size="xs" className="mt-4">
          {t('profile.changePassword')}
        </Heading>
        <ChangePassword />
      </section>
      <section id="innlegg" aria-labelledby="innlegg-h" className="section panel">
        <Heading level={2} id="innlegg-h" data-size="sm">
          {t('profile.posts')}
        </Heading>
        <MyPosts />
      </section>
      <section id="varsler" aria-labelledby="varsler-h" className="section panel">
        <Heading level={2} id="varsler-h" data-size="sm">
          {t('profile.notifications')}
        </Heading>
        <Notifications />
      </section>
      <ReaderSafetySection />
      <section id="panel" aria-labelledby="panel-h" className="section panel">
        <Heading level={2} id="panel-h" data-size="sm">
          {t('profile.panel')}
        </Heading>
        <PanelApplication />
      </section>
      <section id="pause" aria-labelledby="pause-h" className="section panel">
        <Heading level={2} id="pause-h" data-size="sm">
          {t('profile.pause')}
        </Heading>
        <TakeBreak />
      </section>
      <section id="data" aria-labelledby="data-h" className="section panel">
        <Heading level={2} id="data-h" data-size="sm">
          {t('profile.data')}
        </Heading>
        <YourData />
      </section>
      <Alert data-color="info" className="block mt-6">
        <Paragraph>
          {t('profile.privacyNote')}{' '}
          <Link to="/personvern" className="ds-link">
            {t('footer.privacy')}
          </Link>
        </Paragraph>
      </Alert>
    </>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <RequireRole title={t('profile.title')}>
      <ProfileContent />
    </RequireRole>
  );
}
