import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PoolLoad } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { formatDay } from './words';

/** Every panel member: who carries what, the last check-in's load, who is paused. */
export function LoadOverview() {
  const { t, i18n } = useTranslation();
  const load = useApi<PoolLoad[]>('/api/admin/panel/load');
  if (load.loading) return <Loading />;
  if (load.error) return <ErrorAlert error={load.error} retry={load.reload} announce={false} />;
  const rows = load.data ?? [];
  if (rows.length === 0) return <Paragraph>{t('pool.admin.load.none')}</Paragraph>;
  const h = {
    who: t('pool.admin.load.who'),
    active: t('pool.admin.load.active'),
    last: t('pool.admin.load.last'),
    since: t('pool.admin.load.since'),
    paused: t('pool.admin.load.paused'),
  };
  return (
    <>
      <Paragraph>{t('pool.admin.load.lead')}</Paragraph>
      <div className="table-scroll" data-testid="load-overview">
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{h.who}</Table.HeaderCell>
              <Table.HeaderCell>{h.active}</Table.HeaderCell>
              <Table.HeaderCell>{h.last}</Table.HeaderCell>
              <Table.HeaderCell>{h.since}</Table.HeaderCell>
              <Table.HeaderCell>{h.paused}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.user.id}>
                <Table.Cell data-label={h.who}>{r.user.displayName || r.user.username}</Table.Cell>
                <Table.Cell data-label={h.active}>
                  {t('pool.admin.load.ofMax', { count: r.activeAssignments, max: r.maxActiveAssignments })}
                </Table.Cell>
                <Table.Cell data-label={h.last}>
                  {r.lastCheckinLoad ? `${r.lastCheckinLoad} – ${t(`pool.load.${r.lastCheckinLoad}`)}` : '–'}
                </Table.Cell>
                <Table.Cell data-label={h.since}>
                  {r.lastAssignmentAt ? formatDay(r.lastAssignmentAt, i18n.language) : t('pool.admin.load.never')}
                </Table.Cell>
                <Table.Cell data-label={h.paused}>
                  {r.paused ? <Tag data-color="warning">{t('pool.admin.load.isPaused')}</Tag> : t('pool.admin.load.no')}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
