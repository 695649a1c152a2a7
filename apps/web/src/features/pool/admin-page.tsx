import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../../components/guards';
import { PageHeader } from '../../components/page-header';
import { Applications } from '../admin/applications';
import { Sections } from '../admin/fields';
import { AboutEditor } from './admin-about';
import { AssignmentBoard } from './admin-board';
import { InterestList } from './admin-interest';
import { LoadOverview } from './admin-load';
import { NewsletterForm } from './admin-newsletter';

function Content() {
  const { t } = useTranslation();
  const sections = [
    { id: 'rekruttering', title: t('pool.admin.interest.heading'), el: <InterestList /> },
    { id: 'soknader', title: t('admin.applications.heading'), el: <Applications /> },
    { id: 'oppdrag', title: t('pool.admin.board.heading'), el: <AssignmentBoard /> },
    { id: 'belastning', title: t('pool.admin.load.heading'), el: <LoadOverview /> },
    { id: 'nyhetsbrev', title: t('pool.admin.newsletter.heading'), el: <NewsletterForm /> },
    { id: 'om', title: t('pool.admin.about.heading'), el: <AboutEditor /> },
  ];
  return (
    <>
      <PageHeader title={t('pool.admin.title')} lead={t('pool.admin.lead')}>
        <Paragraph className="mt-2">
          <Link to="/admin" className="ds-link">
            {t('pool.admin.back')}
          </Link>
        </Paragraph>
      </PageHeader>
      <Sections sections={sections} />
    </>
  );
}

/** /admin/panelet: the coordinator's recruitment list, assignment board, load overview, newsletter and about text. */
export default function PoolAdminPage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="admin" title={t('pool.admin.title')}>
      <Content />
    </RequireRole>
  );
}
