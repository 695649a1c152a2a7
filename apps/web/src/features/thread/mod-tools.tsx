import { Button, Heading, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Category, Thread } from '../../api/types';
import { ErrorAlert } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { useConfirm } from '../../components/announcer';

/** Lock, pin and move a thread: shown where the thread says `canModerate`. */
export function ModTools({ thread, onChange }: { thread: Thread; onChange(updated: Thread): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const { data: categories } = useApi<Category[]>('/api/categories');
  const [target, setTarget] = useState('');
  const patch = useSubmit(async (body: Record<string, unknown>, message: string) => {
    onChange(await api.patch<Thread>(`/api/mod/threads/${thread.id}`, body));
    confirm(message);
  });
  return (
    <section aria-labelledby="modtools-heading" className="panel section mod-tools">
      <Heading level={2} id="modtools-heading" data-size="xs">
        {t('modtools.heading')}
      </Heading>
      <div className="button-row">
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() =>
            void patch.run(
              { locked: !thread.locked },
              thread.locked ? t('modtools.unlocked') : t('modtools.lockedDone'),
            )
          }
        >
          {thread.locked ? t('modtools.unlock') : t('modtools.lock')}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() =>
            void patch.run(
              { pinned: !thread.pinned },
              thread.pinned ? t('modtools.unpinned') : t('modtools.pinnedDone'),
            )
          }
        >
          {thread.pinned ? t('modtools.unpin') : t('modtools.pin')}
        </Button>
      </div>
      <form
        className="move-form"
        onSubmit={(e) => {
          e.preventDefault();
          const c = categories?.find((x) => x.slug === target);
          if (c) void patch.run({ categorySlug: c.slug }, t('modtools.moved', { name: c.name }));
        }}
      >
        <div className="ds-field-like">
          <label htmlFor="move-target" className="ds-label">
            {t('modtools.moveTo')}
          </label>
          <Select id="move-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <Select.Option value="">{t('modtools.chooseCategory')}</Select.Option>
            {categories
              ?.filter((c) => c.slug !== thread.category.slug)
              .map((c) => (
                <Select.Option key={c.slug} value={c.slug}>
                  {c.name}
                </Select.Option>
              ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" data-size="sm" disabled={!target}>
          {t('modtools.move')}
        </Button>
      </form>
      {patch.failure ? <ErrorAlert error={patch.failure} /> : null}
    </section>
  );
}
