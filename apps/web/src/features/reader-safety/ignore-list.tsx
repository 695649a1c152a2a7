import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/feedback';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import type { Ignored } from './types';
import { useConfirm } from '../../components/announcer';

function Entry({ entry, onRemoved }: { entry: Ignored; onRemoved(): void }) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirm();
  const undo = useSubmit(async () => {
    await api.delete(`/api/me/ignored/${entry.id}`);
    confirm(t('readerSafety.ignore.undone'));
    onRemoved();
  });
  return (
    <li className="ignored-entry" data-testid="ignored-entry">
      <span>
        {entry.username ? (
          t('readerSafety.ignore.named', { username: entry.username })
        ) : (
          <>
            {t('readerSafety.ignore.anonymousIn')}{' '}
            {entry.threadId ? (
              <Link to={`/trad/${entry.threadId}`} className="ds-link">
                {entry.threadTitle ?? t('readerSafety.ignore.aThread')}
              </Link>
            ) : null}
          </>
        )}{' '}
        <span className="muted">({formatDateTime(entry.createdAt, i18n.language)})</span>
      </span>
      <Button variant="tertiary" data-size="sm" onClick={() => void undo.run()} disabled={undo.busy}>
        {t('readerSafety.ignore.undo')}
      </Button>
      {undo.failure ? <ErrorAlert error={undo.failure} /> : null}
    </li>
  );
}

/** Whom the reader ignores, and undoing it; adding someone by username. The ignored are never told. */
export function IgnoreList() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const { data, error, loading, reload } = useApi<Ignored[]>('/api/me/ignored');
  const [username, setUsername] = useState('');
  const add = useSubmit(async () => {
    await api.post<Ignored>('/api/me/ignored', { username: username.trim() });
    setUsername('');
    confirm(t('readerSafety.ignore.doneNamed'));
    reload();
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (username.trim()) void add.run();
  }
  if (loading) return <Loading />;
  if (error || !data) return <ErrorAlert error={error} retry={reload} />;
  return (
    <>
      <Paragraph>{t('readerSafety.ignore.lead')}</Paragraph>
      {data.length === 0 ? (
        <Paragraph className="muted">{t('readerSafety.ignore.none')}</Paragraph>
      ) : (
        <ul className="ignored-list" data-testid="ignored-list">
          {data.map((entry) => (
            <Entry key={entry.id} entry={entry} onRemoved={reload} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          label={t('readerSafety.ignore.usernameLabel')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          name="ignoreUsername"
          autoComplete="off"
        />
        {add.failure ? <ErrorAlert error={add.failure} /> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={add.busy}>
            {t('readerSafety.ignore.add')}
          </Button>
        </div>
      </form>
    </>
  );
}
