import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CafeRoom } from '../api/types';
import { BreakGate } from '../components/break-gate';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { Chat } from '../features/cafe/chat';
import { JoinForm, type JoinEntry } from '../features/cafe/join-form';
import { ClosedNotice, RemovedNotice } from '../features/cafe/room-notices';
import { RoomControls } from '../features/cafe/room-controls';
import { useCafeRoom } from '../features/cafe/use-cafe-room';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';
import { RoomState } from './home';
import NotFoundPage from './not-found';

/**
 * The room once the page has it; `onPresence` hears how many are in it while one is inside, and
 * `onClosed` that it was closed while the page was open (so the heading stops saying "open").
 */
function Room({
  room,
  onPresence,
  onClosed,
}: {
  room: CafeRoom;
  onPresence(count: number | null): void;
  onClosed(): void;
}) {
  const { user } = useSession();
  const controls = useCafeRoom(room, onPresence);
  const [entry, setEntry] = useState<JoinEntry>({ nickname: user?.displayName ?? '', accepted: false });
  const { view } = controls;
  useEffect(() => {
    if (view.phase === 'closed' && room.isOpen) onClosed();
  }, [view.phase, room.isOpen, onClosed]);
  if (view.phase === 'closed') return <ClosedNotice nextOpening={view.nextOpening} />;
  if (view.phase === 'removed') return <RemovedNotice notice={view.removedNotice} />;
  if (view.phase === 'intro' || view.phase === 'connecting')
    return (
      <JoinForm
        connecting={view.phase === 'connecting'}
        problem={view.joinProblem}
        entry={entry}
        onEntry={setEntry}
        onJoin={(nickname) => void controls.join(nickname)}
      />
    );
  return <Chat room={controls} />;
}

export default function CafeRoomPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<CafeRoom[]>('/api/cafe/rooms');
  const room = data?.find((r) => r.slug === slug);
  // While one is in the room, the count in the heading follows who is there.
  const [presence, setPresence] = useState<number | null>(null);
  return (
    <BreakGate>
      {loading ? (
        <Loading />
      ) : error ? (
        <>
          <PageHeader title={t('cafe.title')} />
          <ErrorAlert error={error} retry={reload} />
        </>
      ) : !room ? (
        <NotFoundPage />
      ) : (
        <>
          <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
            <Link to="/kafe" className="ds-link">
              {t('nav.cafe')}
            </Link>
          </nav>
          <PageHeader title={room.name} lead={room.description}>
            <RoomState room={presence === null ? room : { ...room, participants: presence }} />
          </PageHeader>
          {/* Opened or closed meanwhile: the room starts again from what it is now. */}
          <Room key={String(room.isOpen)} room={room} onPresence={setPresence} onClosed={reload} />
          {can('host') ? <RoomControls room={room} onChanged={reload} /> : null}
        </>
      )}
    </BreakGate>
  );
}
