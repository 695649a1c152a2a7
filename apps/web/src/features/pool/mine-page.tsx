import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyAssignments } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { RequireRole } from '../../components/guards';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../lib/use-api';
import { MyAssignmentList } from './my-assignment';
import { OfferList } from './offers';
import { ProfileForm } from './profile-form';

function MineContent() {
  const { t } = useTranslation();
  const mine = useApi<MyAssignments>('/api/me/assignments');
  // A check-in with a pause changes the profile too: it is read again.
  const [revision, setRevision] = useState(0);
  const changed = () => {
    mine.reload();
    setRevision((r) => r + 1);
  };
  return (
    <>
      <PageHeader title={t('pool.mine.title')} lead={t('pool.mine.lead')} />
      <section id="tilbud" aria-labelledby="tilbud-h" className="section panel">
        <Heading level={2} id="tilbud-h" data-size="sm">
          {t('pool.offers.heading')}
        </Heading>
        {mine.loading ? <Loading /> : null}
        {mine.error ? <ErrorAlert error={mine.error} retry={mine.reload} announce={false} /> : null}
        {mine.data ? <OfferList offers={mine.data.offers} onAnswered={mine.reload} /> : null}
      </section>
      <section id="oppdrag" aria-labelledby="oppdrag-h" className="section panel">
        <Heading level={2} id="oppdrag-h" data-size="sm">
          {t('pool.assignments.heading')}
        </Heading>
        {mine.data ? (
          mine.data.assignments.length ? (
            <MyAssignmentList assignments={mine.data.assignments} onChanged={changed} />
          ) : (
            <Paragraph>{t('pool.assignments.none')}</Paragraph>
          )
        ) : null}
      </section>
      <section id="profil" aria-labelledby="profil-h" className="section panel">
        <Heading level={2} id="profil-h" data-size="sm">
          {t('pool.profile.heading')}
        </Heading>
        <Paragraph>{t('pool.profile.lead')}</Paragraph>
        <ProfileForm key={revision} />
      </section>
    </>
  );
}

/** /panelet/mine: a panel member's offers, assignments with their check-ins, and pool profile. */
export default function MinePage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="panel" title={t('pool.mine.title')}>
      <MineContent />
    </RequireRole>
  );
}
