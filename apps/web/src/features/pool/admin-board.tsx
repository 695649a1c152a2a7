import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminAssignment, Page } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { AssignmentForm } from './assignment-form';
import { formatDay } from './words';

/** Who is primary and backup on an assignment, and where each offer stands. */
export function People({ a }: { a: AdminAssignment }) {
  const { t } = useTranslation();
  const current = a.offers.filter((o) => o.status === 'offered' || o.status === 'accepted');
  if (current.length === 0) return <Paragraph data-size="sm">{t('pool.admin.board.nobody')}</Paragraph>;
  return (
    <ul className="plain-list">
      {current.map((o) => (
        <li key={o.id}>
          {t(`pool.admin.roles.${o.role}`)}: {o.user.displayName || o.user.username} –{' '}
          {t(`pool.offerStatus.${o.status}`)}
        </li>
      ))}
    </ul>
  );
}

/** The coordinator's assignments, newest first, and the form for a new one. */
export function AssignmentBoard() {
  const { t, i18n } = useTranslation();
  const list = useApi<Page<AdminAssignment>>('/api/admin/assignments?limit=50');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Paragraph>{t('pool.admin.board.lead')}</Paragraph>
      <Button
        variant="secondary"
        className="mt-2"
        aria-expanded={creating}
        aria-controls="assignment-form"
        onClick={() => setCreating(!creating)}
        data-testid="new-assignment"
      >
        {t('pool.admin.board.new')}
      </Button>
      {creating ? (
        <AssignmentForm
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      ) : null}
      {list.loading ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} retry={list.reload} announce={false} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Paragraph className="mt-4">{t('pool.admin.board.none')}</Paragraph>
      ) : null}
      <ul className="admin-list mt-4">
        {list.data?.items.map((a) => (
          <li key={a.id}>
            <Card data-color="neutral" data-testid="board-assignment">
              <Heading level={3} data-size="2xs">
                <Link to={`/admin/panelet/oppdrag/${a.id}`} className="ds-link">
                  {a.title}
                </Link>
              </Heading>
              <div className="tags">
                <Tag data-color={a.status === 'active' ? 'success' : 'neutral'}>{t(`pool.status.${a.status}`)}</Tag>
              </div>
              <Paragraph data-size="sm" className="mt-2">
                {t('pool.facts.periodValue', {
                  start: formatDay(a.startsAt, i18n.language),
                  end: formatDay(a.endsAt, i18n.language),
                })}
                {' · '}
                {a.requester}
              </Paragraph>
              <People a={a} />
              {a.needsBackup ? (
                <Alert data-color="warning" data-size="sm" className="mt-2">
                  <Paragraph data-size="sm">{t('pool.admin.board.needsBackup')}</Paragraph>
                </Alert>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
