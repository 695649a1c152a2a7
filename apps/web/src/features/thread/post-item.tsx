import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Post, WriteOutcome } from '../../api/types';
import { AuthorName } from '../../components/author';
import { DeleteConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/feedback';
import { FlagForm, ReasonForm, SanctionForm } from '../../components/mod-forms';
import { RejectionReason, StatusTag } from '../../components/post-status';
import { WriteOutcomeView } from '../../components/write-outcome';
import { formatDateTime } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { PostEditForm } from './post-edit-form';
import { Folded, WarningTag } from '../reader-safety/folded';
import { PostReaderBar } from '../reader-safety/post-reader-bar';
import { useConfirm } from '../../components/announcer';

type Mode = null | 'edit' | 'delete' | 'flag' | 'hide' | 'restore' | 'sanction';

/**
 * One post in a thread. Which actions it offers is what the post itself says (`canEdit`,
 * `canDelete`, `canFlag`, …: the server's policy); this decides nothing.
 */
export function PostItem({ post, onChange }: { post: Post; onChange(post: Post): void }) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirm();
  const [mode, setMode] = useState<Mode>(null);
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const remove = useSubmit(async () => {
    await api.delete(`/api/posts/${post.id}`);
    // As the server now answers for it (Policy.postActions): a deleted post has nothing left to edit, delete, flag, hide or restore.
    onChange({
      ...post,
      status: 'deleted',
      bodyHtml: '',
      canEdit: false,
      canDelete: false,
      canFlag: false,
      flagReasons: [],
      canHide: false,
      canRestore: false,
    });
    confirm(t('post.deleted'));
    setMode(null);
  });

  const close = () => {
    setMode(null);
    remove.reset();
    // Back to the button that opened the form.
    window.setTimeout(() => actionsRef.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0);
  };

  const deleted = post.status === 'deleted';
  const offers = post.canEdit || post.canDelete || post.canFlag || post.canHide || post.canRestore || post.canSanction;
  return (
    <article
      id={`post-${post.id}`}
      className={`post${post.status !== 'published' ? ` post-${post.status}` : ''}`}
      aria-labelledby={`post-${post.id}-author`}
      data-testid="post"
      data-post-id={post.id}
      data-list-item
      tabIndex={-1}
    >
      <header className="post-header">
        <span id={`post-${post.id}-author`}>
          <AuthorName author={post.author} />
        </span>
        <span className="muted">
          <time dateTime={post.createdAt}>{formatDateTime(post.createdAt, i18n.language)}</time>
          {post.editedAt ? <> · {t('post.edited', { time: formatDateTime(post.editedAt, i18n.language) })}</> : null}
        </span>
        <StatusTag status={post.status} />
        <WarningTag code={post.contentWarning} />
      </header>
      {post.mine && post.author.kind === 'anonymous' ? (
        <Paragraph data-size="sm" className="only-you post-note">
          {t('post.anonymousMine')}
        </Paragraph>
      ) : null}
      {post.status === 'pending' ? (
        <Paragraph data-size="sm" className="muted post-note">
          {t('post.pendingInfo')}
        </Paragraph>
      ) : null}
      {post.status === 'rejected' && post.rejectionReason ? <RejectionReason reason={post.rejectionReason} /> : null}
      {deleted ? (
        <Paragraph className="muted">{t('post.deletedBody')}</Paragraph>
      ) : mode === 'edit' ? (
        <PostEditForm
          post={post}
          onCancel={close}
          onSaved={(updated) => {
            onChange(updated);
            setOutcome(updated);
            setMode(null);
          }}
        />
      ) : (
        <Folded collapsed={post.collapsed}>
          <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        </Folded>
      )}
      {!deleted && mode !== 'edit' ? <PostReaderBar post={post} onChange={onChange} /> : null}
      {outcome && (outcome.status === 'pending' || outcome.support || outcome.notices?.length) ? (
        <WriteOutcomeView outcome={outcome} />
      ) : null}
      {offers && mode === null ? (
        <div className="post-actions" ref={actionsRef}>
          {post.canEdit ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('edit')} data-testid="edit-post">
              {t('post.edit')}
            </Button>
          ) : null}
          {post.canDelete ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('delete')} data-testid="delete-post">
              {t('post.delete')}
            </Button>
          ) : null}
          {post.canFlag ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('flag')}>
              {t('post.flag')}
            </Button>
          ) : null}
          {post.canHide ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('hide')}>
              {t('post.hide')}
            </Button>
          ) : null}
          {post.canRestore ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('restore')}>
              {t('post.restore')}
            </Button>
          ) : null}
          {post.canSanction ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('sanction')}>
              {t('post.sanction')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === 'delete' ? (
        <div className="inline-form">
          <Paragraph>{t('post.confirmDelete')}</Paragraph>
          {remove.failure ? <ErrorAlert error={remove.failure} /> : null}
          <div className="button-row">
            <DeleteConfirmButton onClick={() => void remove.run()} disabled={remove.busy}>
              {t('post.delete')}
            </DeleteConfirmButton>
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {mode === 'flag' ? (
        <FlagForm postId={post.id} reasons={post.flagReasons} onDone={close} onCancel={close} />
      ) : null}
      {mode === 'hide' || mode === 'restore' ? (
        <ReasonForm
          label={mode === 'restore' ? t('post.restoreReason') : t('post.hideReason')}
          submitLabel={mode === 'restore' ? t('post.restore') : t('post.hide')}
          onCancel={close}
          onSubmit={async (reason) => {
            const updated = await api.post<Post>(`/api/mod/posts/${post.id}/${mode}`, { reason });
            onChange(updated);
            confirm(mode === 'restore' ? t('post.restored') : t('post.hidden'));
            close();
          }}
        />
      ) : null}
      {mode === 'sanction' ? <SanctionForm target={{ postId: post.id }} onDone={close} onCancel={close} /> : null}
    </article>
  );
}
