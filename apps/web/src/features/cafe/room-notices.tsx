import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';

/** A closed room: when it opens again, if a session is planned. */
export function ClosedNotice({ nextOpening }: { nextOpening: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert data-color="info" className="block" data-testid="cafe-closed">
      <Heading level={2} data-size="xs">
        {t('chat.closedHeading')}
      </Heading>
      <Paragraph>
        {nextOpening
          ? t('chat.opensAgain', { time: formatDateTime(nextOpening, i18n.language) })
          : t('chat.closedText')}
      </Paragraph>
      <Paragraph className="mt-2">
        <Link to="/kafe" className="ds-link">
          {t('chat.backToRooms')}
        </Link>
      </Paragraph>
    </Alert>
  );
}

/** Removed from the room (kicked, or banned), and why. */
export function RemovedNotice({ notice }: { notice: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" className="block" data-testid="cafe-removed">
      <Heading level={2} data-size="xs">
        {t('chat.removedHeading')}
      </Heading>
      <Paragraph>{notice ?? t('chat.kicked')}</Paragraph>
      <Paragraph className="mt-2">
        <Link to="/retningslinjer" className="ds-link">
          {t('footer.guidelines')}
        </Link>
      </Paragraph>
    </Alert>
  );
}
