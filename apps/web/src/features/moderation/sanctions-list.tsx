import { Button, Card, Paragraph, Switch, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { SanctionListItem } from '../../api/types';
import { ErrorAlert, Loading, StatusAlert } from '../../components/feedback';
import { LoadMoreButton, usePaged } from '../../components/load-more';
import { formatDateTime } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';

/** Whom a sanction is against, in words: a user by name, or a post or café message (never who is behind it). */
function useAgainst() {
  const { t } = useTranslation();
  return (s: SanctionListItem) =>
    s.target.user
      ? `${s.target.user.displayName} (@${s.target.user.username})`
      : s.target.postId
        ? t('sanctions.authorOfPost')
        : s.target.cafeMessageId
          ? t('sanctions.authorOfCafeMessage')
          : t('sanctions.deletedUser');
}

function LiftForm({ sanction, who, onLifted }: { sanction: SanctionListItem; who: string; onLifted(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const lift = useSubmit(async () => {
    await api.post(`/api/mod/sanctions/${sanction.id}/lift`, { reason: reason.trim() });
    onLifted();
  });
  return (
    <form
      className="inline-form"
      noValidate
      aria-label={t('sanctions.liftFor', { who })}
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!reason.trim());
        if (reason.trim()) void lift.run();
      }}
    >
      <Textfield
        id={`lift-${sanction.id}`}
        label={t('sanctions.liftReason')}
        description={t('sanctions.liftReasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing ? t('sanctions.liftReasonMissing') : undefined}
      />
      {lift.failure ? <ErrorAlert error={lift.failure} /> : null}
      <div>
        <Button type="submit" data-size="sm" disabled={lift.busy}>
          {t('sanctions.confirmLift')}
        </Button>
      </div>
    </form>
  );
}

function SanctionCard({ sanction, onLifted }: { sanction: SanctionListItem; onLifted(): void }) {
  const { t, i18n } = useTranslation();
  const who = useAgainst()(sanction);
  const [lifting, setLifting] = useState(false);
  const time = (iso: string) => formatDateTime(iso, i18n.language);
  const liftable = sanction.active && sanction.kind !== 'warn';
  return (
    <li data-testid="sanction">
      <Card data-color="neutral">
        <Paragraph>
          <strong>{t(`sanction.kinds.${sanction.kind}`)}</strong>{' '}
          {sanction.kind !== 'warn'
            ? sanction.until
              ? t('sanctions.until', { time: time(sanction.until) })
              : t('sanctions.untilLifted')
            : null}{' '}
          {sanction.liftedAt ? (
            <Tag data-size="sm" data-color="neutral">
              {t('sanctions.liftedAt', { time: time(sanction.liftedAt) })}
            </Tag>
          ) : sanction.active ? (
            <Tag data-size="sm" data-color="warning">
              {t('sanctions.inForce')}
            </Tag>
          ) : sanction.kind !== 'warn' ? (
            <Tag data-size="sm" data-color="neutral">
              {t('sanctions.ended')}
            </Tag>
          ) : null}
        </Paragraph>
        <Paragraph data-size="sm">
          {t('sanctions.against')}: {who}
          {sanction.target.threadId ? (
            <>
              {' '}
              <Link
                to={`/trad/${sanction.target.threadId}${sanction.target.postId ? `#post-${sanction.target.postId}` : ''}`}
                className="ds-link"
              >
                {t('sanctions.openPost')}
              </Link>
            </>
          ) : null}
        </Paragraph>
        <Paragraph data-size="sm">{t('sanctions.reason', { reason: sanction.reason })}</Paragraph>
        <Paragraph data-size="sm" className="muted">
          {sanction.issuedBy
            ? t('sanctions.given', { time: time(sanction.createdAt), by: sanction.issuedBy })
            : t('sanctions.givenBySomeone', { time: time(sanction.createdAt) })}
        </Paragraph>
        {liftable && !lifting ? (
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => setLifting(true)}
              aria-label={t('sanctions.liftFor', { who })}
            >
              {t('sanctions.lift')}
            </Button>
          </div>
        ) : null}
        {liftable && lifting ? <LiftForm sanction={sanction} who={who} onLifted={onLifted} /> : null}
      </Card>
    </li>
  );
}

/** The moderators' list of sanctions, newest first, with "lift" for a mute or ban in force. */
export function SanctionsList() {
  const { t } = useTranslation();
  const [activeOnly, setActiveOnly] = useState(true);
  const [lifted, setLifted] = useState(0);
  const paged = usePaged<SanctionListItem>(`/api/mod/sanctions${activeOnly ? '?active=true' : ''}`);
  return (
    <>
      <Paragraph>{t('sanctions.lead')}</Paragraph>
      <Switch
        label={t('sanctions.activeOnly')}
        checked={activeOnly}
        onChange={(e) => setActiveOnly(e.target.checked)}
        data-testid="sanctions-active-only"
      />
      {lifted > 0 ? <StatusAlert key={lifted} message={t('sanctions.lifted')} /> : null}
      {paged.loading ? <Loading /> : null}
      {paged.error ? <ErrorAlert error={paged.error} retry={paged.reload} announce={false} /> : null}
      {!paged.loading && paged.items.length === 0 ? <Paragraph>{t('sanctions.none')}</Paragraph> : null}
      <ul className="admin-list" data-testid="sanctions-list">
        {paged.items.map((s) => (
          <SanctionCard
            key={s.id}
            sanction={s}
            onLifted={() => {
              setLifted((n) => n + 1);
              paged.reload();
            }}
          />
        ))}
      </ul>
      {paged.hasMore ? (
        <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} label={t('sanctions.more')} />
      ) : null}
    </>
  );
}
