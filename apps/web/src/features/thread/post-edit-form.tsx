import { Button } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CreatedPost, Post } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { MarkdownEditor } from '../../components/markdown-editor';
import { errorText, fieldOf, isStatus } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';

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
  const [draft, setDraft] = useState(() => post.body ?? htmlToText(post.bodyHtml));
  const [error, setError] = useState<string | undefined>();
  const save = useSubmit(
    async () => {
      const updated = await api.patch<CreatedPost>(`/api/posts/${post.id}`, { body: draft });
      onSaved(updated);
      say(t('post.saved'));
    },
    {
      onError: (err) => {
        if (!isStatus(err, 422) && !fieldOf(err, ['body'])) return false;
        setError(errorText(t, err));
        return true;
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
      <MarkdownEditor label={t('post.editLabel')} value={draft} onChange={setDraft} error={error} />
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      <div className="button-row">
        <Button type="submit" disabled={save.busy}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
