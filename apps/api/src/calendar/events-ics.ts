import { webRoutes } from '#libs/contracts';
import { writeICalendar } from '../common/icalendar.js';
import type { CalendarRow } from './events.repository.js';

/** Kinds as a calendar category, in the community's language. */
const KIND_NAMES: Record<CalendarRow['kind'], string> = {
  seminar: 'Seminar',
  meeting: 'Møte',
  course: 'Kurs',
  social: 'Sosialt',
  other: 'Annet',
  cafe: 'Erfaringskafé',
};

/** A stable UID per event (and per café session), so calendars update their copy instead of adding one. */
export const uidOf = (row: CalendarRow) => `${row.source === 'cafe' ? 'cafe-' : 'event-'}${row.id}@erfaringsforum`;

function plain(row: CalendarRow): string {
  // The Markdown source reads well as text; a café session has its room's description.
  return row.description.trim();
}

/**
 * Events as iCalendar (RFC 5545) through the one writer (common/icalendar.ts: every text escaped,
 * the calendar's name too); times in UTC, so no VTIMEZONE is needed; no ORGANIZER and no ATTENDEE (the organiser's
 * address and who signed up stay here). The online link is never written: a file or a feed is
 * easily shared, so it stays on the event's page for those going.
 *
 * `note` adds a line for the feed's owner (their registration) at the top of the description.
 */
export function toICalendar(
  rows: CalendarRow[],
  options: { name: string; linkBase: string | null; note?: (row: CalendarRow) => string | null },
): string {
  const events = rows.map((row) => {
    const link = row.source === 'cafe' ? webRoutes.cafeRoom(row.room_slug!) : webRoutes.event(row.id);
    const note = options.note?.(row);
    const description = [
      note,
      row.status === 'cancelled' ? `Avlyst: ${row.cancel_reason ?? ''}` : null,
      plain(row),
      row.online_url ? 'Lenken til nettmøtet finner du på arrangementets side når du er påmeldt.' : null,
    ]
      .filter((x): x is string => !!x)
      .join('\n\n');
    return {
      uid: uidOf(row),
      sequence: row.sequence,
      stamp: row.updated_at,
      start: row.starts_at,
      end: row.ends_at,
      summary: row.title,
      description,
      location: row.location_name
        ? [row.location_name, row.location_address].filter(Boolean).join(', ')
        : row.online_url
          ? 'Nettmøte'
          : null,
      url: options.linkBase ? `${options.linkBase}${link}` : null,
      categories: [KIND_NAMES[row.kind]],
      status: row.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
      created: row.created_at,
      lastModified: row.updated_at,
    };
  });
  return writeICalendar({ name: options.name, prodId: '//Erfaringsforum//Kalender//NB', ttlSeconds: 60 * 60 }, events);
}
