import { Button, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIT_ACTIONS } from '#libs/contracts';
import type { AuditEntry } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { LoadMoreButton, usePaged } from '../../components/load-more';
import { formatDateTime } from '../../lib/format';

/** What an audit entry is about, in words: its kind and what it is called; a thread or post is a link. */
function AuditTarget({ target }: { target: AuditEntry['target'] }) {
  const { t } = useTranslation();
  if (!target) return null;
  const kind = t(`mod.audit.targets.${target.type}`, { defaultValue: t('mod.audit.targets.other') });
  const text = target.label ? `${kind}: ${target.label}` : kind;
  if (target.threadId) {
    const hash = target.type === 'post' && target.id ? `#post-${target.id}` : '';
    return (
      <Link to={`/trad/${target.threadId}${hash}`} className="ds-link">
        {text}
      </Link>
    );
  }
  return <>{text}</>;
}

/** The audit log, newest first, filtered by action and by who acted. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [filters, setFilters] = useState({ action: '', actor: '' });
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  const paged = usePaged<AuditEntry>(`/api/mod/audit${params.toString() ? `?${params}` : ''}`);
  return (
    <>
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ action, actor: actor.trim() });
        }}
      >
        <div className="ds-field-like">
          <label htmlFor="audit-action" className="ds-label">
            {t('mod.audit.action')}
          </label>
          <Select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <Select.Option value="">{t('mod.audit.all')}</Select.Option>
            {AUDIT_ACTIONS.map((a) => (
              <Select.Option key={a} value={a}>
                {t(`mod.audit.actions.${a}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield label={t('mod.audit.actor')} value={actor} onChange={(e) => setActor(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('mod.audit.filter')}
        </Button>
      </form>
      {paged.loading ? (
        <Loading />
      ) : paged.error && paged.items.length === 0 ? (
        <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />
      ) : paged.items.length === 0 ? (
        <Paragraph>{t('mod.audit.none')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra data-size="sm">
            <caption className="ds-sr-only">{t('mod.audit.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mod.audit.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.actor')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.reason')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {paged.items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell data-label={t('mod.audit.time')}>{formatDateTime(a.createdAt, i18n.language)}</Table.Cell>
                  <Table.Cell data-label={t('mod.audit.actor')}>
                    {a.actor ? a.actor.username : t('author.deleted')}
                  </Table.Cell>
                  <Table.Cell data-label={t('mod.audit.action')}>{t(`mod.audit.actions.${a.action}`)}</Table.Cell>
                  <Table.Cell data-label={t('mod.audit.target')}>
                    <AuditTarget target={a.target} />
                  </Table.Cell>
                  <Table.Cell data-label={t('mod.audit.reason')}>{a.reason ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
    </>
  );
}
