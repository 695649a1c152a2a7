import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MyAssignment } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { CheckinForm } from './checkin-form';
import { Mandate } from './offers';

function Assignment({ a, onChanged }: { a: MyAssignment; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const released = a.offerStatus === 'released';
  const canCheckIn = a.offerStatus === 'accepted' && (a.status === 'active' || a.finalCheckinDue);
  const last = a.checkins.at(-1);
  return (
    <Card data-color="neutral" data-testid="pool-assignment">
      <Heading level={3} data-size="xs">
        {a.title}
      </Heading>
      <div className="tags">
        <Tag data-color={a.status === 'active' ? 'success' : 'neutral'} data-testid="pool-assignment-status">
          {t(`pool.status.${a.status}`)}
        </Tag>
        <Tag data-color="info" data-testid="pool-my-role">
          {released ? t('pool.roles.released') : t(`pool.roles.${a.role}`)}
        </Tag>
      </div>
      {a.needsBackup && !released ? (
        <Alert data-color="warning" className="block" data-testid="pool-needs-backup">
          <Paragraph>
            {a.role === 'primary' ? t('pool.assignments.nowPrimary') : t('pool.assignments.needsBackup')}
          </Paragraph>
        </Alert>
      ) : null}
      <Mandate a={a} />
      {last ? (
        <Paragraph data-size="sm" className="muted">
          {t('pool.assignments.lastCheckin', {
            when: formatDateTime(last.createdAt, i18n.language),
            load: t(`pool.load.${last.load}`),
          })}
        </Paragraph>
      ) : null}
      {a.finalCheckinDue ? (
        <Alert data-color="info" className="block">
          <Paragraph>{t('pool.assignments.finalDue')}</Paragraph>
        </Alert>
      ) : null}
      {canCheckIn ? <CheckinForm assignment={a} onSent={onChanged} /> : null}
    </Card>
  );
}

export function MyAssignmentList({ assignments, onChanged }: { assignments: MyAssignment[]; onChanged(): void }) {
  return (
    <ul className="admin-list">
      {assignments.map((a) => (
        <li key={a.id}>
          <Assignment a={a} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}
