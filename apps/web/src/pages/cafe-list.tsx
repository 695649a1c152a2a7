import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { BreakGate } from '../components/break-gate';
import { PageHeader } from '../components/page-header';
import { CafeRooms } from './home';

export default function CafeListPage() {
  const { t } = useTranslation();
  return (
    <BreakGate>
      <PageHeader title={t('cafe.title')} lead={t('cafe.lead')} />
      <Paragraph className="section-lead">{t('cafe.noAccountNeeded')}</Paragraph>
      <CafeRooms headingLevel={2} />
    </BreakGate>
  );
}
