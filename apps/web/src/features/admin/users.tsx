import { Button, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '#libs/contracts';
import { api } from '../../api/client';
import type { AdminUser, ResetLink } from '../../api/types';
import { useAnnounce, useConfirm } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { LoadMoreButton, usePaged } from '../../components/load-more';
import { useSubmit } from '../../lib/use-submit';

function UserRow({ user, onChanged }: { user: AdminUser; onChanged(u: AdminUser): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const confirm = useConfirm();
  const [role, setRole] = useState<Role>(user.role);
  const [link, setLink] = useState<string | null>(null);
  const saveRole = useSubmit(async () => {
    const updated = await api.patch<AdminUser>(`/api/admin/users/${user.id}`, { role });
    onChanged(updated);
    confirm(t('admin.users.roleChanged', { name: user.username, role: t(`roles.${role}`) }));
  });
  const makeReset = useSubmit(async () => {
    const r = await api.post<ResetLink>(`/api/admin/users/${user.id}/reset-password`);
    setLink(r.resetUrl);
    say(t('admin.users.resetCreated'));
  });
  const failure = saveRole.failure ?? makeReset.failure;
  return (
    <Table.Row>
      <Table.Cell data-label={t('admin.users.user')}>
        {user.displayName} <span className="muted">({user.username})</span>
      </Table.Cell>
      <Table.Cell data-label={t('profile.role')}>
        <div className="inline-controls">
          <Select
            aria-label={t('admin.users.roleFor', { name: user.username })}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            data-size="sm"
          >
            {ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t(`roles.${r}`)}
              </Select.Option>
            ))}
          </Select>
          <Button
            variant="secondary"
            data-size="sm"
            disabled={role === user.role || saveRole.busy}
            onClick={() => void saveRole.run()}
          >
            {t('common.save')} <span className="ds-sr-only">{user.username}</span>
          </Button>
        </div>
        {failure ? <ErrorAlert error={failure} /> : null}
      </Table.Cell>
      <Table.Cell data-label={t('admin.users.password')}>
        {link ? (
          <div className="reset-link">
            <Textfield
              label={t('admin.users.resetLink')}
              description={t('admin.users.resetLinkHelp')}
              value={link}
              readOnly
              onFocus={(e) => e.target.select()}
            />
          </div>
        ) : (
          <Button variant="tertiary" data-size="sm" disabled={makeReset.busy} onClick={() => void makeReset.run()}>
            {t('admin.users.makeReset')} <span className="ds-sr-only">{user.username}</span>
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  );
}

export function Users() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const paged = usePaged<AdminUser>(`/api/admin/users${search ? `?q=${encodeURIComponent(search)}` : ''}`);
  return (
    <>
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <Textfield label={t('admin.users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('search.submit')}
        </Button>
      </form>
      {paged.loading ? (
        <Loading />
      ) : paged.error ? (
        <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />
      ) : (
        <div className="table-scroll">
          <Table data-size="sm" zebra data-testid="user-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.users.user')}</Table.HeaderCell>
                <Table.HeaderCell>{t('profile.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.password')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {paged.items.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  onChanged={(nu) => paged.setItems((list) => list.map((x) => (x.id === nu.id ? nu : x)))}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
    </>
  );
}
