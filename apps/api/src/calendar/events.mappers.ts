import type { Policy } from '#libs/policy';
import type { AuthorDto } from '../forum/dto/author.dto.js';
import type { AchievementDto, EventDto } from './dto/event.dto.js';
import type { CalendarRow } from './events.repository.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the policy needs to know of a row. */
export const eventFacts = (row: CalendarRow, policy: Policy) => ({
  audience: row.audience,
  mine: row.organiser_id !== null && row.organiser_id === policy.userId,
});

/** Whether the caller may be given the online link: those going and the organiser (while a host), nobody else. */
export function mayHaveOnlineLink(row: CalendarRow, policy: Policy): boolean {
  if (!row.online_url || !policy.userId) return false;
  return row.my_status === 'going' || policy.organises(eventFacts(row, policy));
}

export function organiserOf(row: CalendarRow): AuthorDto {
  if (!row.organiser_username) return { kind: 'deleted' };
  return {
    kind: 'user',
    username: row.organiser_username,
    displayName: row.organiser_display_name ?? row.organiser_username,
    role: row.organiser_role!,
  };
}

/** Open for sign-up: registration on, not cancelled, not started. */
export function registrationOpen(row: CalendarRow, now = Date.now()): boolean {
  return (
    row.source === 'event' && row.registration === 'open' && row.status === 'scheduled' && row.starts_at.getTime() > now
  );
}

/**
 * An event as the caller sees it. `detail` is the single-event page: the only place the online
 * link may appear (never a list, a feed or a notification).
 */
export function toEventDto(
  row: CalendarRow,
  policy: Policy,
  detail: { achievements?: AchievementDto[] } | null = null,
): EventDto {
  const facts = eventFacts(row, policy);
  const cafe = row.source === 'cafe';
  return {
    id: row.id,
    title: row.title,
    descriptionHtml: cafe ? (row.description ? `<p>${escapeHtml(row.description)}</p>` : '') : row.description_html!,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    location: row.location_name ? { name: row.location_name, address: row.location_address } : null,
    online: row.online_url !== null,
    ...(detail && mayHaveOnlineLink(row, policy) ? { onlineUrl: row.online_url! } : {}),
    audience: row.audience,
    capacity: row.capacity,
    registration: row.registration,
    going: row.going_count,
    waitlisted: row.waitlisted_count,
    myStatus: row.my_status,
    ...(row.my_position !== null ? { myPosition: row.my_position } : {}),
    organiser: organiserOf(row),
    status: row.status,
    ...(row.status === 'cancelled' ? { cancelReason: row.cancel_reason } : {}),
    sequence: row.sequence,
    ...(row.summary_html ? { summaryHtml: row.summary_html } : {}),
    ...(detail?.achievements ? { achievements: detail.achievements } : {}),
    ...(cafe ? { cafeRoom: { slug: row.room_slug!, name: row.room_name! } } : {}),
    canManage: !cafe && policy.canManageEvent(facts).allowed,
    canRegister: registrationOpen(row) && policy.canRegisterForEvent(facts).allowed,
  };
}
