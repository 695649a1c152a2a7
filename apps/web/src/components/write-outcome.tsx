import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WriteOutcome } from '../api/types';
import { useAnnounce } from './announcer';
import { CrisisSupport } from './helplines';

/**
 * What happened to something the user just wrote: held for review, personal details spotted,
 * a guest's receipt, and the helplines when the crisis list matched.
 */
export function WriteOutcomeView({ outcome }: { outcome: WriteOutcome }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const held = outcome.status === 'pending';
  const personal = outcome.notices?.some((n) => n.code === 'personal_details');
  const otherNotices =
    outcome.notices?.filter((n) => n.code !== 'personal_details' && n.code !== 'held_for_review') ?? [];

  useEffect(() => {
    say(held ? t('write.held') : t('write.published'), 'polite');
  }, [held, say, t]);

  return (
    <div className="write-outcome" data-testid="write-outcome">
      {outcome.support ? (
        <CrisisSupport resources={outcome.support} staffed={outcome.staffed} headingLevel={3} />
      ) : null}
      {personal ? (
        <Alert data-color="warning" className="block" data-testid="personal-details">
          <Heading level={3} data-size="xs">
            {t('write.personalHeading')}
          </Heading>
          <Paragraph>{t('write.personal')}</Paragraph>
        </Alert>
      ) : null}
      {held ? (
        <Alert data-color="info" className="block" data-testid="held">
          <Heading level={3} data-size="xs">
            {t('write.heldHeading')}
          </Heading>
          <Paragraph>{outcome.receiptToken ? t('write.heldGuest') : t('write.held')}</Paragraph>
          {outcome.receiptToken ? (
            <Paragraph className="mt-2">
              <Link
                to={`/kvittering/${encodeURIComponent(outcome.receiptToken)}`}
                className="ds-link"
                data-testid="receipt-link"
              >
                {t('write.receiptLink')}
              </Link>{' '}
              {t('write.receiptKeep')}
            </Paragraph>
          ) : null}
          {outcome.receiptCode ? (
            <Paragraph className="mt-2">
              {t('receipts.writeDown')}{' '}
              <strong className="receipt-code" data-testid="receipt-code">
                {outcome.receiptCode}
              </strong>
              <br />
              {t('receipts.writeDownHelp')}
            </Paragraph>
          ) : null}
        </Alert>
      ) : (
        <Alert data-color="success" className="block">
          <Paragraph>{t('write.published')}</Paragraph>
        </Alert>
      )}
      {otherNotices.map((n) => (
        <Alert key={n.code} data-color="info" className="block">
          <Paragraph>{t(`write.notices.${n.code}`, { defaultValue: n.message })}</Paragraph>
        </Alert>
      ))}
    </div>
  );
}
