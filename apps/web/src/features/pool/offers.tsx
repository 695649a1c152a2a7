import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MyOffer } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';
import { formatDay } from './words';

/** What an assignment asks, as an offer or an assignment shows it. */
export function Mandate({
  a,
}: {
  a: Pick<MyOffer, 'requester' | 'confidentiality' | 'startsAt' | 'endsAt' | 'estimatedHours' | 'compensation'>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="pool-facts">
      <dt>{t('pool.facts.requester')}</dt>
      <dd>{a.requester}</dd>
      <dt>{t('pool.facts.period')}</dt>
      <dd>
        {t('pool.facts.periodValue', {
          start: formatDay(a.startsAt, i18n.language),
          end: formatDay(a.endsAt, i18n.language),
        })}
      </dd>
      <dt>{t('pool.facts.hours')}</dt>
      <dd>{t('pool.facts.hoursValue', { count: a.estimatedHours })}</dd>
      {a.compensation ? (
        <>
          <dt>{t('pool.facts.compensation')}</dt>
          <dd>{a.compensation}</dd>
        </>
      ) : null}
      <dt>{t('pool.facts.confidentiality')}</dt>
      <dd className="pre-line">{a.confidentiality}</dd>
    </dl>
  );
}

export function OfferList({ offers, onAnswered }: { offers: MyOffer[]; onAnswered(): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const answer = useSubmit(async (offer: MyOffer, to: 'accept' | 'decline') => {
    await api.post(`/api/me/offers/${offer.id}/${to}`);
    confirm(t(to === 'accept' ? 'pool.offers.accepted' : 'pool.offers.declined', { title: offer.title }));
    onAnswered();
  });
  if (offers.length === 0) return <Paragraph>{t('pool.offers.none')}</Paragraph>;
  return (
    <>
      <ul className="admin-list">
        {offers.map((o) => (
          <li key={o.id}>
            <Card data-color="neutral" data-testid="pool-offer">
              <Heading level={3} data-size="xs">
                {o.title}
              </Heading>
              <Paragraph data-size="sm">{t(`pool.roles.${o.role}`)}</Paragraph>
              <Paragraph className="pre-line mt-2">{o.description}</Paragraph>
              <Mandate a={o} />
              <div className="button-row mt-2">
                <Button data-size="sm" disabled={answer.busy} onClick={() => void answer.run(o, 'accept')}>
                  {t('pool.offers.accept')} <span className="ds-sr-only">{o.title}</span>
                </Button>
                <Button
                  variant="secondary"
                  data-size="sm"
                  disabled={answer.busy}
                  onClick={() => void answer.run(o, 'decline')}
                >
                  {t('pool.offers.decline')} <span className="ds-sr-only">{o.title}</span>
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {answer.failure ? <ErrorAlert error={answer.failure} /> : null}
    </>
  );
}
