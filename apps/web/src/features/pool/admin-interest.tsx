import { Button, Card, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Interest, InterestStatus, Page } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { LabelledSelect } from '../admin/fields';
import { formatDay } from './words';

const STATUSES: readonly InterestStatus[] = ['new', 'contacted', 'joined', 'declined'];

function Person({ item, onSaved }: { item: Interest; onSaved(i: Interest): void }) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirm();
  const [status, setStatus] = useState<InterestStatus>(item.status);
  const [note, setNote] = useState(item.note ?? '');
  const save = useSubmit(async () => {
    const saved = await api.patch<Interest>(`/api/admin/panel/interest/${item.id}`, {
      status,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    onSaved(saved);
    confirm(t('pool.admin.interest.saved', { name: item.name, status: t(`pool.interestStatus.${status}`) }));
  });
  return (
    <Card data-color="neutral" data-testid="interest-item">
      <Heading level={3} data-size="2xs">
        {item.name}
      </Heading>
      <div className="tags">
        <Tag data-color={item.status === 'new' ? 'warning' : 'neutral'} data-testid="interest-status">
          {t(`pool.interestStatus.${item.status}`)}
        </Tag>
        {item.newsletter ? <Tag data-color="info">{t('pool.admin.interest.wantsNewsletter')}</Tag> : null}
      </div>
      <dl className="pool-facts">
        <dt>{t('pool.admin.interest.received')}</dt>
        <dd>{formatDateTime(item.createdAt, i18n.language)}</dd>
        <dt>{t('pool.admin.interest.code')}</dt>
        <dd className="receipt-code">{item.receiptCode}</dd>
        <dt>{t('pool.admin.interest.contact')}</dt>
        <dd>
          {[item.email, item.phone].filter(Boolean).join(' · ')}
          <br />
          {t('pool.admin.interest.prefers', { channel: t(`pool.channels.${item.preferredChannel}`) })}
        </dd>
        <dt>{t('pool.admin.interest.perspectives')}</dt>
        <dd>{item.perspectives.map((p) => t(`pool.perspectives.${p}`)).join(', ')}</dd>
        {item.message ? (
          <>
            <dt>{t('pool.admin.interest.message')}</dt>
            <dd className="pre-line">{item.message}</dd>
          </>
        ) : null}
        {item.deletesAt ? (
          <>
            <dt>{t('pool.admin.interest.deletes')}</dt>
            <dd>{formatDay(item.deletesAt, i18n.language)}</dd>
          </>
        ) : null}
      </dl>
      <div className="inline-form">
        <LabelledSelect
          id={`interest-status-${item.id}`}
          label={t('pool.admin.interest.status')}
          value={status}
          onChange={(v) => setStatus(v as InterestStatus)}
        >
          {STATUSES.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`pool.interestStatus.${s}`)}
            </Select.Option>
          ))}
        </LabelledSelect>
        <Textfield
          label={t('pool.admin.interest.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
        />
        {save.failure ? <ErrorAlert error={save.failure} /> : null}
        <div>
          <Button data-size="sm" disabled={save.busy} onClick={() => void save.run()}>
            {t('common.save')} <span className="ds-sr-only">{item.name}</span>
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** Those who said they are interested, newest first, with a status each (contact details: admins only). */
export function InterestList() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const list = useApi<Page<Interest>>(`/api/admin/panel/interest?limit=50${filter ? `&status=${filter}` : ''}`);
  const replace = (saved: Interest) =>
    list.setData((p) => p && { ...p, items: p.items.map((i) => (i.id === saved.id ? saved : i)) });
  return (
    <>
      <Paragraph>{t('pool.admin.interest.lead')}</Paragraph>
      <LabelledSelect id="interest-filter" label={t('pool.admin.interest.filter')} value={filter} onChange={setFilter}>
        <Select.Option value="">{t('pool.admin.interest.all')}</Select.Option>
        {STATUSES.map((s) => (
          <Select.Option key={s} value={s}>
            {t(`pool.interestStatus.${s}`)}
          </Select.Option>
        ))}
      </LabelledSelect>
      {list.loading ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} retry={list.reload} announce={false} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Paragraph className="mt-2">{t('pool.admin.interest.none')}</Paragraph>
      ) : null}
      <ul className="admin-list mt-4">
        {list.data?.items.map((item) => (
          <li key={item.id}>
            <Person item={item} onSaved={replace} />
          </li>
        ))}
      </ul>
    </>
  );
}
