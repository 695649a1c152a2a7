import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../api/types';
import { formatDateTime } from '../lib/format';

/** Why a member cannot write, and until when: the mute's reason and end as the moderator gave them. */
export function MutedNotice({ mute }: { mute: NonNullable<User['mute']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert data-color="warning" className="block" data-testid="muted-notice">
      <Heading level={2} data-size="xs">
        {t('sanctions.mutedHeading')}
      </Heading>
      <Paragraph>
        {mute.until
          ? t('sanctions.mutedUntil', { time: formatDateTime(mute.until, i18n.language) })
          : t('sanctions.mutedUntilLifted')}
      </Paragraph>
      <Paragraph>{t('sanctions.reason', { reason: mute.reason })}</Paragraph>
      <Paragraph>
        <Link to="/retningslinjer" className="ds-link">
          {t('sanctions.guidelines')}
        </Link>
      </Paragraph>
    </Alert>
  );
}
