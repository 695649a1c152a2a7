import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { AdminAssignment, PoolSuggestion } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { DeleteConfirmButton } from '../../components/confirm-button';
import { ErrorAlert, Loading } from '../../components/feedback';
import { RequireRole } from '../../components/guards';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { Section } from '../admin/fields';
import { People } from './admin-board';
import { Mandate } from './offers';
import { formatDay } from './words';

type Role = 'primary' | 'backup';

function Suggestions({ a, onOffered }: { a: AdminAssignment; onOffered(): void }) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirm();
  const list = useApi<PoolSuggestion[]>(`/api/admin/assignments/${a.id}/suggestions`);
  const taken = (role: Role) =>
    a.offers.some((o) => o.role === role && (o.status === 'offered' || o.status === 'accepted'));
  const offer = useSubmit(async (s: PoolSuggestion, role: Role) => {
    await api.post(`/api/admin/assignments/${a.id}/offers`, { userId: s.user.id, role });
    const name = s.user.displayName || s.user.username;
    confirm(t('pool.admin.detail.offered', { name, role: t(`pool.admin.roles.${role}`) }));
    list.reload();
    onOffered();
  });
  if (list.loading) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} retry={list.reload} announce={false} />;
  const rows = list.data ?? [];
  return (
    <>
      <Paragraph>{t('pool.admin.detail.suggestionsLead')}</Paragraph>
      {rows.length === 0 ? <Paragraph className="mt-2">{t('pool.admin.detail.noSuggestions')}</Paragraph> : null}
      <ul className="admin-list mt-2">
        {rows.map((s) => {
          const name = s.user.displayName || s.user.username;
          return (
            <li key={s.user.id} data-testid="suggestion">
              <Heading level={3} data-size="2xs">
                {name}
              </Heading>
              <Paragraph data-size="sm" className="muted">
                {[
                  s.perspectives.map((p) => t(`pool.perspectives.${p}`)).join(', '),
                  s.topics.join(', '),
                  t('pool.admin.load.ofMax', { count: s.activeAssignments, max: s.maxActiveAssignments }),
                  s.lastAssignmentAt
                    ? t('pool.admin.detail.lastAssignment', { date: formatDay(s.lastAssignmentAt, i18n.language) })
                    : t('pool.admin.detail.neverAssigned'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Paragraph>
              <div className="button-row mt-2">
                {(['primary', 'backup'] as const).map((role) => (
                  <Button
                    key={role}
                    variant={role === 'primary' ? 'primary' : 'secondary'}
                    data-size="sm"
                    disabled={offer.busy || taken(role)}
                    onClick={() => void offer.run(s, role)}
                  >
                    {t(`pool.admin.detail.offerAs.${role}`)} <span className="ds-sr-only">{name}</span>
                  </Button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      {offer.failure ? <ErrorAlert error={offer.failure} /> : null}
    </>
  );
}

function Checkins({ a }: { a: AdminAssignment }) {
  const { t, i18n } = useTranslation();
  if (a.checkins.length === 0) return <Paragraph>{t('pool.admin.detail.noCheckins')}</Paragraph>;
  const h = { who: t('pool.admin.load.who'), when: t('pool.admin.detail.when'), load: t('pool.admin.detail.load') };
  return (
    <div className="table-scroll">
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{h.who}</Table.HeaderCell>
            <Table.HeaderCell>{h.when}</Table.HeaderCell>
            <Table.HeaderCell>{h.load}</Table.HeaderCell>
            <Table.HeaderCell>{t('pool.admin.detail.note')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {a.checkins.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell data-label={h.who}>{c.user.displayName || c.user.username}</Table.Cell>
              <Table.Cell data-label={h.when}>{formatDateTime(c.createdAt, i18n.language)}</Table.Cell>
              <Table.Cell data-label={h.load}>
                {`${c.load} – ${t(`pool.load.${c.load}`)}`}
                {c.wantPause ? ` · ${t('pool.admin.detail.askedPause')}` : ''}
                {c.final ? ` · ${t('pool.admin.detail.final')}` : ''}
              </Table.Cell>
              <Table.Cell data-label={t('pool.admin.detail.note')} className="pre-line">
                {c.note ?? ''}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function Actions({ a, onChanged }: { a: AdminAssignment; onChanged(a: AdminAssignment): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [cancelling, setCancelling] = useState(false);
  const act = useSubmit(async (action: 'start' | 'complete' | 'cancel') => {
    const next = await api.post<AdminAssignment>(`/api/admin/assignments/${a.id}/${action}`);
    setCancelling(false);
    confirm(t(`pool.admin.detail.done.${action}`, { title: a.title }));
    onChanged(next);
  });
  const open = a.status === 'draft' || a.status === 'active';
  return (
    <>
      <div className="button-row">
        {a.status === 'draft' ? (
          <Button disabled={act.busy} onClick={() => void act.run('start')} data-testid="start-assignment">
            {t('pool.admin.detail.start')}
          </Button>
        ) : null}
        {a.status === 'active' ? (
          <Button disabled={act.busy} onClick={() => void act.run('complete')}>
            {t('pool.admin.detail.complete')}
          </Button>
        ) : null}
        {open && !cancelling ? (
          <Button variant="secondary" disabled={act.busy} onClick={() => setCancelling(true)}>
            {t('pool.admin.detail.cancel')}
          </Button>
        ) : null}
      </div>
      {cancelling ? (
        <Alert data-color="warning" className="block">
          <Paragraph>{t('pool.admin.detail.cancelQuestion')}</Paragraph>
          <div className="button-row mt-2">
            <DeleteConfirmButton disabled={act.busy} onClick={() => void act.run('cancel')}>
              {t('pool.admin.detail.cancelYes')}
            </DeleteConfirmButton>
            <Button variant="secondary" onClick={() => setCancelling(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {a.status === 'draft' ? <Paragraph className="mt-2">{t('pool.admin.detail.startRule')}</Paragraph> : null}
      {act.failure ? <ErrorAlert error={act.failure} /> : null}
    </>
  );
}

function Content({ id }: { id: string }) {
  const { t } = useTranslation();
  const state = useApi<AdminAssignment>(`/api/admin/assignments/${id}`);
  if (state.loading) return <Loading />;
  if (state.error) return <ErrorAlert error={state.error} retry={state.reload} announce={false} />;
  const a = state.data;
  if (!a) return null;
  const open = a.status === 'draft' || a.status === 'active';
  return (
    <>
      <PageHeader title={a.title}>
        <Paragraph className="mt-2">
          <Link to="/admin/panelet#oppdrag" className="ds-link">
            {t('pool.admin.detail.back')}
          </Link>
        </Paragraph>
      </PageHeader>
      <div className="tags">
        <Tag data-color={a.status === 'active' ? 'success' : 'neutral'} data-testid="assignment-status">
          {t(`pool.status.${a.status}`)}
        </Tag>
      </div>
      {a.needsBackup ? (
        <Alert data-color="warning" className="block">
          <Paragraph>{t('pool.admin.board.needsBackup')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph className="pre-line mt-4">{a.description}</Paragraph>
      <Mandate a={a} />
      <Section id="folk" title={t('pool.admin.detail.people')}>
        <People a={a} />
        <div className="mt-4">
          <Actions a={a} onChanged={(next) => state.setData(next)} />
        </div>
      </Section>
      {open ? (
        <Section id="forslag" title={t('pool.admin.detail.suggestions')}>
          <Suggestions a={a} onOffered={state.reload} />
        </Section>
      ) : null}
      <Section id="innsjekk" title={t('pool.admin.detail.checkins')}>
        <Checkins a={a} />
      </Section>
    </>
  );
}

/** /admin/panelet/oppdrag/:id: one assignment — offers, suggestions, start, complete, cancel and its check-ins. */
export default function AssignmentAdminPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RequireRole minRole="admin" title={t('pool.admin.title')}>
      <Content key={id} id={id} />
    </RequireRole>
  );
}
