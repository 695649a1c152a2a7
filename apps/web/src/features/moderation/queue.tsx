import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page, QueueItem } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import type { ApiState } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { QueueCard } from './queue-card';
import { useConfirm } from '../../components/announcer';

/** The queue, and the undo offered for ten minutes after each rejection. */
export function Queue({ queue, onChanged }: { queue: ApiState<Page<QueueItem>>; onChanged(): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [undoable, setUndoable] = useState<{ id: string; at: number }[]>([]);
  const items = queue.data?.items ?? [];
  const cursor = queue.data?.nextCursor ?? null;
  const undo = useSubmit(async (id: string) => {
    await api.post(`/api/mod/queue/${id}/undo`);
    setUndoable((list) => list.filter((x) => x.id !== id));
    confirm(t('mod.undone'));
    queue.reload();
    onChanged();
  });

  // An undo is offered for ten minutes after a rejection.
  useEffect(() => {
    if (undoable.length === 0) return;
    const timer = window.setInterval(
      () => setUndoable((list) => list.filter((u) => Date.now() - u.at < 600_000)),
      15_000,
    );
    return () => window.clearInterval(timer);
  }, [undoable.length]);

  if (queue.loading) return <Loading />;
  if (queue.error && items.length === 0)
    return <ErrorAlert error={queue.error} retry={queue.reload} announce={false} />;
  return (
    <>
      {undoable.length ? (
        <Alert data-color="info" className="block">
          <Paragraph>{t('mod.undoIntro')}</Paragraph>
          <div className="button-row mt-2">
            {undoable.map((u) => (
              <Button key={u.id} variant="secondary" data-size="sm" onClick={() => void undo.run(u.id)}>
                {t('mod.undo', { time: new Date(u.at).toLocaleTimeString() })}
              </Button>
            ))}
          </div>
          {undo.failure ? <ErrorAlert error={undo.failure} /> : null}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Paragraph data-testid="queue-empty">{t('mod.queueEmpty')}</Paragraph>
      ) : (
        <ul className="queue" data-testid="queue">
          {items.map((item) => (
            <li key={item.id}>
              <QueueCard
                item={item}
                onHandled={(id, rejected) => {
                  queue.setData((page) => page && { ...page, items: page.items.filter((x) => x.id !== id) });
                  if (rejected) setUndoable((list) => [...list, { id, at: Date.now() }]);
                  onChanged();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {cursor ? <Paragraph className="muted">{t('mod.moreInQueue')}</Paragraph> : null}
    </>
  );
}
