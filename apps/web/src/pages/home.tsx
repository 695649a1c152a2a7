import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CafeRoom, Category } from '../api/types';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { Welcome } from '../features/account/welcome';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';

export function CategoryTags({ category }: { category: Category }) {
  const { t } = useTranslation();
  return (
    <div className="tags">
      {category.visibility === 'closed' ? (
        <Tag data-size="sm" data-color="brand2">
          {t('category.closed')}
        </Tag>
      ) : (
        <Tag data-size="sm" data-color="success">
          {t('category.open')}
        </Tag>
      )}
      {category.moderation === 'pre' ? (
        <Tag data-size="sm" data-color="neutral">
          {t('category.premoderated')}
        </Tag>
      ) : null}
      {category.allowAnonymous ? (
        <Tag data-size="sm" data-color="neutral">
          {t('category.anonymousAllowed')}
        </Tag>
      ) : null}
      {category.allowGuests ? (
        <Tag data-size="sm" data-color="neutral">
          {t('category.guestsAllowed')}
        </Tag>
      ) : null}
    </div>
  );
}

function Categories() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data, error, loading, reload } = useApi<Category[]>('/api/categories');
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  if (!data || data.length === 0) return <Paragraph>{t('home.noCategories')}</Paragraph>;
  return (
    <ul className="card-grid" data-testid="category-list">
      {data.map((c) => (
        <li key={c.id}>
          <Card data-color="neutral" className="category-card">
            <Heading level={3} data-size="xs">
              {c.canRead ? (
                <Link to={`/kategori/${c.slug}`} className="ds-link card-link">
                  {c.name}
                </Link>
              ) : (
                c.name
              )}
            </Heading>
            <Paragraph data-size="sm">{c.description}</Paragraph>
            <CategoryTags category={c} />
            {!c.canRead ? (
              <Paragraph data-size="sm" className="mt-2">
                {t('home.closedFor')}{' '}
                <Link to={user ? '/profil#panel' : '/registrer'} className="ds-link">
                  {t('home.applyToJoin')}
                </Link>
              </Paragraph>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function RoomState({ room }: { room: CafeRoom }) {
  const { t, i18n } = useTranslation();
  if (room.isOpen) {
    return (
      <div className="tags">
        <Tag data-size="sm" data-color="success">
          {t('cafe.openNow')}
        </Tag>
        {room.closesAt ? (
          <span className="muted">{t('cafe.closesAt', { time: formatDateTime(room.closesAt, i18n.language) })}</span>
        ) : null}
        <span className="muted">{t('cafe.participants', { count: room.participants })}</span>
      </div>
    );
  }
  return (
    <div className="tags">
      <Tag data-size="sm" data-color="neutral">
        {t('cafe.closedNow')}
      </Tag>
      <span className="muted">
        {room.opensAt ? t('cafe.opensAt', { time: formatDateTime(room.opensAt, i18n.language) }) : t('cafe.noOpening')}
      </span>
    </div>
  );
}

const openingRank = (r: CafeRoom) => (r.isOpen ? 0 : r.opensAt ? 1 : 2);

/** Open rooms first, then the ones opening soonest, then those without a planned opening. */
function byOpening(rooms: CafeRoom[]): CafeRoom[] {
  return [...rooms].sort(
    (a, b) =>
      openingRank(a) - openingRank(b) ||
      (a.opensAt ?? '').localeCompare(b.opensAt ?? '') ||
      a.name.localeCompare(b.name, 'nb'),
  );
}

export function CafeRooms({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<CafeRoom[]>('/api/cafe/rooms');
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  if (!data || data.length === 0) return <Paragraph>{t('cafe.noRooms')}</Paragraph>;
  return (
    <ul className="card-grid" data-testid="room-list">
      {byOpening(data).map((room) => (
        <li key={room.slug}>
          <Card data-color="neutral" className="room-card">
            <Heading level={headingLevel} data-size="xs">
              <Link to={`/kafe/${room.slug}`} className="ds-link card-link">
                {room.name}
              </Link>
            </Heading>
            <Paragraph data-size="sm">{room.description}</Paragraph>
            <RoomState room={room} />
          </Card>
        </li>
      ))}
    </ul>
  );
}

function DutyStatus() {
  const { t } = useTranslation();
  const { data, error } = useApi<{ staffed: boolean }>('/api/status');
  if (error || !data) return null;
  return (
    <Alert data-color={data.staffed ? 'success' : 'info'} className="block duty-status" data-testid="duty-status">
      <Paragraph>{data.staffed ? t('home.staffed') : t('home.notStaffed')}</Paragraph>
      {!data.staffed ? (
        <Paragraph className="mt-2">
          <Link to="/hjelp" className="ds-link">
            {t('help.seeHelplines')}
          </Link>
        </Paragraph>
      ) : null}
    </Alert>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')}>
        {!user ? (
          <Paragraph className="hero-actions">
            <Button asChild variant="primary">
              <Link to="/registrer">{t('home.join')}</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link to="/kafe">{t('home.visitCafe')}</Link>
            </Button>
          </Paragraph>
        ) : null}
      </PageHeader>
      <Welcome />
      <DutyStatus />
      <section aria-labelledby="forum-heading" className="section">
        <Heading level={2} id="forum-heading" data-size="md">
          {t('home.forumHeading')}
        </Heading>
        <Paragraph className="section-lead">{t('home.forumLead')}</Paragraph>
        <Categories />
      </section>
      <section aria-labelledby="cafe-heading" className="section">
        <Heading level={2} id="cafe-heading" data-size="md">
          {t('home.cafeHeading')}
        </Heading>
        <Paragraph className="section-lead">{t('home.cafeLead')}</Paragraph>
        <CafeRooms />
      </section>
      <section aria-labelledby="consultations-heading" className="section">
        <Heading level={2} id="consultations-heading" data-size="md">
          {t('home.consultationsHeading')}
        </Heading>
        <Paragraph className="section-lead">
          {t('home.consultationsLead')}{' '}
          <Link to="/radslag" className="ds-link">
            {t('home.consultationsLink')}
          </Link>
        </Paragraph>
      </section>
    </>
  );
}
