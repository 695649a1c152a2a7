import { Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { QueueItem } from '../../api/types';
import { useAnnounce, useConfirm } from '../../components/announcer';
import { AuthorName } from '../../components/author';
import { ErrorAlert } from '../../components/feedback';
import { ReasonForm, SanctionForm } from '../../components/mod-forms';
import { formatDateTime } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { RejectForm } from './reject-form';

const SENSITIVE = new Set<string>(['crisis', 'harassment']);

type Mode = null | 'edit' | 'reject' | 'hide' | 'sanction';

/** One item of the queue: what it is, why it is here, and the moderator's decisions on it. */
export function QueueCard({ item, onHandled }: { item: QueueItem; onHandled(id: string, rejected?: boolean): void }) {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const confirm = useConfirm();
  // Hard reading waits behind a button (crisis, harassment).
  const sensitive =
    item.priority === 'crisis' ||
    item.flags.some((f) => SENSITIVE.has(f.reason)) ||
    item.reasons.some((r) => SENSITIVE.has(r));
  const [revealed, setRevealed] = useState(!sensitive);
  const [mode, setMode] = useState<Mode>(null);
  const [claimedByMe, setClaimedByMe] = useState(false);
  const [draft, setDraft] = useState('');
  const act = useSubmit(async (path: string, body: object, message: string, rejected: boolean = false) => {
    await api.post(`/api/mod/queue/${item.id}/${path}`, body);
    confirm(message);
    onHandled(item.id, rejected);
  });
  const claim = useSubmit(async () => {
    await api.post(`/api/mod/queue/${item.id}/claim`);
    setClaimedByMe(true);
    confirm(t('mod.claimed'));
  });
  const busy = act.busy || claim.busy;
  const failure = act.failure ?? claim.failure;

  const c = item.content;
  const isFlag = item.type === 'flag';
  // A café message is sanctioned through its id: the member behind it stays unknown.
  const sanctionTarget = c.messageId ? { cafeMessageId: c.messageId } : c.postId ? { postId: c.postId } : null;
  return (
    <Card
      data-color={item.priority === 'crisis' ? 'danger' : 'neutral'}
      className={`queue-item${item.priority === 'crisis' ? ' crisis' : ''}`}
      data-testid="queue-item"
      data-type={item.type}
      aria-labelledby={`qi-${item.id}`}
    >
      <div className="tags">
        {item.priority === 'crisis' ? (
          <Tag data-color="danger" data-size="sm">
            {t('mod.crisis')}
          </Tag>
        ) : null}
        <Tag data-color="neutral" data-size="sm">
          {t(`mod.types.${item.type}`)}
        </Tag>
        {c.removed ? (
          <Tag data-color="neutral" data-size="sm">
            {t('mod.removedByHost')}
          </Tag>
        ) : null}
        <span className="muted">{t('mod.waitingSince', { time: formatDateTime(item.createdAt, i18n.language) })}</span>
        {item.claimedBy || claimedByMe ? (
          <span className="muted">{t('mod.claimedBy', { name: item.claimedBy?.displayName || t('mod.you') })}</span>
        ) : null}
      </div>
      <Heading level={3} data-size="xs" id={`qi-${item.id}`} className="mt-2">
        {c.title ? c.title : t(`mod.types.${item.type}`)}
      </Heading>
      <div className="meta">
        <AuthorName author={c.author} />
        {c.threadId ? (
          <Link to={`/trad/${c.threadId}`} className="ds-link">
            {t('mod.openThread')}
          </Link>
        ) : null}
        {c.room ? <span data-testid="queue-room">{t('mod.cafeRoom', { room: c.room.name })}</span> : null}
        {c.serviceId ? (
          <Link to={`/aktiviteter/${c.serviceId}`} className="ds-link">
            {t('directory.openOffer')}
          </Link>
        ) : null}
      </div>
      {item.reasons.length ? (
        <Paragraph data-size="sm">
          {t('mod.reasons', { reasons: item.reasons.map((r) => t(`mod.reasonNames.${r}`)).join(', ') })}
        </Paragraph>
      ) : null}
      {item.flags.length ? (
        <ul className="flags">
          {item.flags.map((f, i) => (
            <li key={i}>
              {t(`flag.reasons.${f.reason}`)}
              {f.note ? `: ${f.note}` : ''}{' '}
              <span className="muted">({formatDateTime(f.createdAt, i18n.language)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {!revealed ? (
        <div className="content-shield">
          <Paragraph data-size="sm">{t('mod.hiddenContent')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => setRevealed(true)}>
            {t('mod.showContent')}
          </Button>
        </div>
      ) : mode === 'edit' ? null : (
        <div className="post-body queue-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      )}
      {mode === null ? (
        <div className="button-row mt-2">
          {!claimedByMe && !item.claimedBy ? (
            <Button variant="tertiary" data-size="sm" disabled={busy} onClick={() => void claim.run()}>
              {t('mod.claim')}
            </Button>
          ) : null}
          <Button
            data-size="sm"
            disabled={busy}
            onClick={() => void act.run('approve', {}, isFlag ? t('mod.flagsDismissed') : t('mod.approved'))}
            data-testid="approve"
          >
            {isFlag ? t('mod.dismissFlags') : t('mod.approve')}
          </Button>
          {!isFlag &&
          item.type !== 'cafe_message' &&
          item.type !== 'consultation_answer' &&
          item.type !== 'directory_suggestion' ? (
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setDraft(new DOMParser().parseFromString(c.bodyHtml, 'text/html').body.textContent ?? '');
                setRevealed(true);
                setMode('edit');
              }}
            >
              {t('mod.editApprove')}
            </Button>
          ) : null}
          <Button variant="secondary" data-size="sm" onClick={() => setMode('reject')}>
            {isFlag ? t('mod.removeContent') : t('mod.reject')}
          </Button>
          {isFlag && c.postId ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('hide')}>
              {t('post.hide')}
            </Button>
          ) : null}
          {sanctionTarget ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('sanction')} data-testid="queue-sanction">
              {t('post.sanction')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === 'edit' ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run('approve', { body: draft }, t('mod.approved'));
          }}
        >
          <Textfield
            multiline
            rows={6}
            label={t('mod.editLabel')}
            description={t('mod.editHelp')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" data-size="sm" disabled={busy}>
              {t('mod.approveEdited')}
            </Button>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {mode === 'reject' ? (
        <RejectForm
          itemId={item.id}
          submitLabel={isFlag ? t('mod.removeContent') : t('mod.reject')}
          busy={busy}
          onSubmit={(reason) => void act.run('reject', { reason }, t('mod.rejected'), true)}
          onCancel={() => setMode(null)}
        />
      ) : null}
      {mode === 'hide' && c.postId ? (
        <ReasonForm
          label={t('post.hideReason')}
          submitLabel={t('post.hide')}
          onCancel={() => setMode(null)}
          onSubmit={async (reason) => {
            await api.post(`/api/mod/posts/${c.postId}/hide`, { reason });
            say(t('post.hidden'));
            setMode(null);
          }}
        />
      ) : null}
      {mode === 'sanction' && sanctionTarget ? (
        <SanctionForm target={sanctionTarget} onDone={() => setMode(null)} onCancel={() => setMode(null)} />
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
    </Card>
  );
}
