import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Category, CreatedPost, Post, Thread, WriteOutcome } from '../../api/types';
import { MarkdownEditor } from '../../components/markdown-editor';
import { DraftRestored } from '../../components/draft-restored';
import { NotSentAlert, supportOf } from '../../components/not-sent';
import { WriteOutcomeView } from '../../components/write-outcome';
import { rememberReceipt } from '../receipts/stored-receipts';
import { errorText, fieldOf, isStatus } from '../../lib/errors';
import { useDraft } from '../../lib/use-draft';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';
import { AnonymousExplanation } from '../forum/anonymous-explanation';
import { WarningPicker } from '../reader-safety/warning-picker';

/** A reply, shown where the thread says `canReply`; "anonymously" where it says `canReplyAnonymously`. */
export function ReplyForm({
  thread,
  category,
  onPosted,
}: {
  thread: Thread;
  category: Category | undefined;
  onPosted(post: Post): void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const draft = useDraft(`reply:${thread.id}`);
  const body = draft.value;
  const [anonymous, setAnonymous] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const send = useSubmit(
    async () => {
      const post = await api.post<CreatedPost>(`/api/threads/${thread.id}/posts`, {
        body,
        ...(anonymous && thread.canReplyAnonymously ? { anonymous: true } : {}),
        ...(warning ? { contentWarning: warning } : {}),
      });
      if (post.receiptToken) rememberReceipt(post.receiptToken, thread.title, post.receiptCode);
      setOutcome(post);
      draft.clear();
      // A guest's post waits for a moderator and is not theirs to see in the thread.
      if (user) onPosted(post);
    },
    {
      onError: (err) => {
        if (!isStatus(err, 422) && !fieldOf(err, ['body'])) return false;
        setError(errorText(t, err));
        // With the crisis help shown, focus goes to the help instead.
        if (!supportOf(err)) bodyRef.current?.focus();
        // The refusal is shown below the editor too: the text is kept, and why.
        return false;
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    if (!body.trim()) {
      send.reset();
      setError(t('write.errors.bodyEmpty'));
      bodyRef.current?.focus();
      return;
    }
    setError(undefined);
    void send.run();
  }

  return (
    <section aria-labelledby="reply-heading" className="section panel">
      <Heading level={2} id="reply-heading" data-size="sm">
        {t('thread.reply')}
      </Heading>
      {!user ? (
        <Paragraph className="muted">{t('write.guestNote')}</Paragraph>
      ) : category?.moderation === 'pre' ? (
        <Paragraph className="muted">{t('write.preNote')}</Paragraph>
      ) : null}
      {outcome ? <WriteOutcomeView outcome={outcome} /> : null}
      <form onSubmit={submit} noValidate className="form">
        {draft.restored ? <DraftRestored /> : null}
        <MarkdownEditor
          label={t('thread.replyLabel')}
          value={body}
          onChange={draft.set}
          error={error}
          textareaRef={bodyRef}
          rows={5}
          name="reply"
          anonymous={anonymous || !user}
        />
        <WarningPicker value={warning} onChange={setWarning} />
        {thread.canReplyAnonymously ? (
          <Checkbox
            label={t('write.anonymous')}
            description={<AnonymousExplanation />}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            name="anonymous"
          />
        ) : null}
        {send.failure ? <NotSentAlert error={send.failure} reasonShown={!!error} /> : null}
        <div>
          <Button type="submit" disabled={send.busy} aria-busy={send.busy || undefined}>
            {t('thread.sendReply')}
          </Button>
        </div>
      </form>
    </section>
  );
}
