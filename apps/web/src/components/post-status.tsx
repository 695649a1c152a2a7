import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PostStatus } from '../api/types';

export function StatusTag({ status }: { status: PostStatus }) {
  const { t } = useTranslation();
  if (status === 'published') return null;
  const color = status === 'pending' ? 'warning' : status === 'rejected' ? 'danger' : 'neutral';
  return (
    <Tag data-size="sm" data-color={color} data-testid={`status-${status}`}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** Why a moderator did not publish a post: told to its writer (ground rule 8). */
export function RejectionReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" data-size="sm" className="block" data-testid="rejection-reason">
      <Paragraph data-size="sm">{t('post.rejectedReason', { reason })}</Paragraph>
    </Alert>
  );
}
