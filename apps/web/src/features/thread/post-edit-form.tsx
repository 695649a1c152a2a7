import { Button } from '@digdir/designsystemet-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CreatedPost, Post } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { DraftRestored } from '../../components/draft-restored';
import { MarkdownEditor } from '../../components/markdown-editor';
import { NotSentAlert, supportOf } from '../../components/not-sent';
import { errorText, fieldOf, isStatus } from '../../lib/errors';
import { useDraft } from '../../lib/use-draft';
import { useSubmit } from '../../lib/use-submit';
import { WarningPicker } from '../reader-safety/warning-picker';

/** Best effort at the Markdown source of a post when the API sends only HTML. */
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const blocks = Array.from(doc.body.children).map((el) => el.textContent?.trim() ?? '');
  return blocks.length ? blocks.join('\n\n') : (doc.body.textContent ?? '');
}

/** Editing a post in place, from its Markdown source (or the text of its HTML when there is none). */
export function PostEditForm({
  post,
  onSaved,
  onCancel,
}: {
  post: Post;
  onSaved(updated: CreatedPost): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const source = useMemo(() => post.body ?? htmlToText(post.bodyHtml), [post.body, post.bodyHtml]);
  const kept = useDraft(`edit:${post.id}`, source);
  const draft = kept.value;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [warning, setWarning] = useState<string | null>(post.contentWarning);
  const save = useSubmit(
    async () => {
      const updated = await api.patch<CreatedPost>(`/api/posts/${post.id}`, {
        body: draft,
        ...(warning !== post.contentWarning ? { contentWarning: warning } : {}),
      });
      kept.clear();
      onSaved(updated);
      say(t('post.saved'));
    },
    {
      onError: (err) => {
        if (!isStatus(err, 422) && !fieldOf(err, ['body'])) return false;
        setError(errorText(t, err));
        if (!supportOf(err)) bodyRef.current?.focus();
        return false;
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.trim()) return setError(t('write.errors.bodyEmpty'));
    setError(undefined);
    void save.run();
  }

  return (
    <form onSubmit={submit} noValidate className="inline-form">
      {kept.restored ? <DraftRestored /> : null}
      <MarkdownEditor
        label={t('post.editLabel')}
        value={draft}
        onChange={kept.set}
        error={error}
        textareaRef={bodyRef}
        anonymous={post.author.kind === 'anonymous'}
      />
      <WarningPicker value={warning} onChange={setWarning} />
      {save.failure ? <NotSentAlert error={save.failure} reasonShown={!!error} /> : null}
      <div className="button-row">
        <Button type="submit" disabled={save.busy}>
          {t('common.save')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            kept.clear();
            onCancel();
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
