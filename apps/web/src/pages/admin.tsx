import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../components/guards';
import { PageHeader } from '../components/page-header';
import { Applications } from '../features/admin/applications';
import { Categories } from '../features/admin/categories';
import { Consultations } from '../features/admin/consultations';
import { Sections } from '../features/admin/fields';
import { Reveal } from '../features/admin/reveal';
import { Rooms } from '../features/admin/rooms';
import { SettingsForm } from '../features/admin/settings-form';
import { Users } from '../features/admin/users';
import { WatchedWords } from '../features/admin/watched-words';

/** The administrators' page: one section per feature (features/admin/). */
function AdminContent() {
  const { t } = useTranslation();
  const sections = [
    { id: 'kategorier', title: t('admin.categories.heading'), el: <Categories /> },
    { id: 'ord', title: t('admin.words.heading'), el: <WatchedWords /> },
    { id: 'kafe', title: t('admin.rooms.heading'), el: <Rooms /> },
    { id: 'radslag', title: t('admin.consultations.heading'), el: <Consultations /> },
    { id: 'innstillinger', title: t('admin.settings.heading'), el: <SettingsForm /> },
    { id: 'brukere', title: t('admin.users.heading'), el: <Users /> },
    { id: 'soknader', title: t('admin.applications.heading'), el: <Applications /> },
    {
      id: 'panelet',
      title: t('pool.admin.title'),
      el: (
        <Paragraph>
          {t('pool.admin.fromAdmin')}{' '}
          <Link to="/admin/panelet" className="ds-link">
            {t('pool.admin.open')}
          </Link>
        </Paragraph>
      ),
    },
    { id: 'avslor', title: t('admin.reveal.heading'), el: <Reveal /> },
  ];
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.lead')} />
      <Sections sections={sections} />
    </>
  );
}

export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="admin" title={t('admin.title')}>
      <AdminContent />
    </RequireRole>
  );
}
