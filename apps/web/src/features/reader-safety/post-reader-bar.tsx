import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Post } from '../../api/types';
import { useAnnounce, useConfirm } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';
import type { Ignored, ReactionCounts, ReactionKind } from './types';
import { WarningPicker } from './warning-picker';

const KINDS: ReactionKind[] = ['support', 'thanks', 'same'];

/**
 * Under a post: the gentle reactions (counts only, never who), ignoring its author, and for
 * moderators its content warning. Each shows only where the post says the caller may.
 */
export function PostReaderBar({ post, onChange }: { post: Post; onChange(post: Post): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const confirm = useConfirm();
  const [mode, setMode] = useState<null | 'ignore' | 'warning'>(null);
  const [warning, setWarning] = useState<string | null>(post.contentWarning);
  const react = useSubmit(async (kind: ReactionKind) => {
    const mine = post.myReactions.includes(kind);
    const path = `/api/posts/${post.id}/reactions/${kind}`;
    const { counts } = mine
      ? await api.delete<{ counts: ReactionCounts }>(path)
      : await api.put<{ counts: ReactionCounts }>(path, {});
    const myReactions = mine ? post.myReactions.filter((k) => k !== kind) : [...post.myReactions, kind];
    onChange({ ...post, reactions: counts, myReactions });
    say(
      mine
        ? t('readerSafety.reactions.taken', { kind: t(`readerSafety.reactions.${kind}`) })
        : t('readerSafety.reactions.sent', { kind: t(`readerSafety.reactions.${kind}`) }),
    );
  });
  const ignore = useSubmit(async () => {
    const entry = await api.post<Ignored>('/api/me/ignored', { postId: post.id });
    onChange({ ...post, collapsed: { reason: 'ignored' }, canIgnore: false });
    confirm(entry.username ? t('readerSafety.ignore.doneNamed') : t('readerSafety.ignore.doneAnonymous'));
    setMode(null);
  });
  const setPostWarning = useSubmit(async () => {
    const updated = await api.patch<Post>(`/api/mod/posts/${post.id}`, { contentWarning: warning });
    onChange({ ...post, contentWarning: updated.contentWarning });
    confirm(t('readerSafety.modWarning.saved'));
    setMode(null);
  });

  const showCounts = post.status === 'published';
  const anyCount = KINDS.some((k) => post.reactions[k] > 0);
  if (!showCounts && !post.canChangeWarning) return null;
  return (
    <div className="reader-bar">
      {showCounts && (post.canReact || anyCount) ? (
        <fieldset className="reactions" data-testid="reactions">
          <legend className="ds-sr-only">{t('readerSafety.reactions.label')}</legend>
          {KINDS.map((kind) =>
            post.canReact ? (
              <Button
                key={kind}
                variant={post.myReactions.includes(kind) ? 'secondary' : 'tertiary'}
                data-size="sm"
                aria-pressed={post.myReactions.includes(kind)}
                disabled={react.busy}
                onClick={() => void react.run(kind)}
                data-testid={`react-${kind}`}
              >
                {t(`readerSafety.reactions.${kind}`)} <span className="count">{post.reactions[kind]}</span>
              </Button>
            ) : post.reactions[kind] > 0 ? (
              <span key={kind} className="reaction-count" data-testid={`count-${kind}`}>
                {t(`readerSafety.reactions.${kind}`)} {post.reactions[kind]}
              </span>
            ) : null,
          )}
        </fieldset>
      ) : null}
      {react.failure ? <ErrorAlert error={react.failure} /> : null}
      <div className="button-row">
        {post.canIgnore && mode === null ? (
          <Button variant="tertiary" data-size="sm" onClick={() => setMode('ignore')} data-testid="ignore-author">
            {t('readerSafety.ignore.button')}
          </Button>
        ) : null}
        {post.canChangeWarning && mode === null ? (
          <Button variant="tertiary" data-size="sm" onClick={() => setMode('warning')} data-testid="change-warning">
            {t('readerSafety.modWarning.button')}
          </Button>
        ) : null}
      </div>
      {mode === 'ignore' ? (
        <div className="inline-form">
          <Paragraph>
            {post.author.kind === 'anonymous'
              ? t('readerSafety.ignore.explainAnonymous')
              : t('readerSafety.ignore.explainNamed')}
          </Paragraph>
          {ignore.failure ? <ErrorAlert error={ignore.failure} /> : null}
          <div className="button-row">
            <Button onClick={() => void ignore.run()} disabled={ignore.busy} data-testid="confirm-ignore">
              {t('readerSafety.ignore.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {mode === 'warning' ? (
        <div className="inline-form">
          <WarningPicker value={warning} onChange={setWarning} />
          {setPostWarning.failure ? <ErrorAlert error={setPostWarning.failure} /> : null}
          <div className="button-row">
            <Button onClick={() => void setPostWarning.run()} disabled={setPostWarning.busy}>
              {t('readerSafety.modWarning.save')}
            </Button>
            <Button variant="secondary" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
