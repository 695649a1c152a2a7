import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rolesAtLeast, type Role } from '#libs/contracts';

export type Audience = 'everyone' | 'members' | 'panel';
export type EventKind = 'seminar' | 'meeting' | 'course' | 'social' | 'other';
export type RegistrationStatus = 'going' | 'waitlisted' | 'not_going';

/** An event, or a café session read as one (`source: 'cafe'`), with the caller's registration. */
export interface CalendarRow {
  source: 'event' | 'cafe';
  id: string;
  title: string;
  description: string;
  description_html: string | null;
  kind: EventKind | 'cafe';
  starts_at: Date;
  ends_at: Date;
  start_key: string;
  location_name: string | null;
  location_address: string | null;
  online_url: string | null;
  audience: Audience;
  capacity: number | null;
  registration: 'none' | 'open';
  organiser_id: string | null;
  organiser_username: string | null;
  organiser_display_name: string | null;
  organiser_role: Role | null;
  status: 'scheduled' | 'cancelled';
  cancel_reason: string | null;
  sequence: number;
  summary: string | null;
  summary_html: string | null;
  created_at: Date;
  updated_at: Date;
  room_slug: string | null;
  room_name: string | null;
  going_count: number;
  waitlisted_count: number;
  my_status: RegistrationStatus | null;
  my_position: number | null;
}

export interface EventFields {
  title: string;
  description: string;
  descriptionHtml: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  locationName: string | null;
  locationAddress: string | null;
  onlineUrl: string | null;
  audience: Audience;
  capacity: number | null;
  registration: 'none' | 'open';
}

export interface RegistrationRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  status: RegistrationStatus;
  position: number | null;
  created_at: Date;
}

export interface ListFilter {
  audiences: Audience[];
  userId: string | null;
  from: Date;
  to: Date;
  kind: EventKind | 'cafe' | null;
  after: [string, string] | null;
  limit: number;
  /** Events only, no café sessions (the feeds: a café session is not the café's event to publish). */
  eventsOnly?: boolean;
}

/**
 * A registration `r` counts only while its member is in the audience of its event `ev`: nobody
 * outside it is counted, promoted, reminded or told (decision 0040). Registrations are also dropped
 * when an audience narrows or a member loses the role; this keeps any other path honest.
 */
const PANEL_ROLES = rolesAtLeast('panel')
  .map((role) => `'${role}'`)
  .join(', ');
const inAudience = (r: string, ev: string) =>
  `(${ev}.audience <> 'panel' OR EXISTS (SELECT 1 FROM users ru WHERE ru.id = ${r}.user_id
     AND ru.role IN (${PANEL_ROLES})))`;

/** The same for a registration `r` of the event in `$1`. */
const inAudienceOf$1 = (r: string) => `EXISTS (SELECT 1 FROM events ev WHERE ev.id = $1 AND ${inAudience(r, 'ev')})`;

/** The caller's registration and the counts, for an event row `e` and the user in `$2`. */
const EVENT_COLUMNS = `'event' AS source, e.id, e.title, e.description, e.description_html, e.kind,
  e.starts_at, e.ends_at, e.starts_at::text AS start_key, e.location_name, e.location_address, e.online_url,
  e.audience, e.capacity, e.registration, e.organiser_id,
  u.username AS organiser_username, u.display_name AS organiser_display_name, u.role AS organiser_role,
  e.status, e.cancel_reason, e.sequence, e.summary, e.summary_html, e.created_at, e.updated_at,
  NULL::text AS room_slug, NULL::text AS room_name,
  (SELECT count(*)::int FROM event_registrations g WHERE g.event_id = e.id AND g.status = 'going'
     AND ${inAudience('g', 'e')}) AS going_count,
  (SELECT count(*)::int FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted'
     AND ${inAudience('w', 'e')}) AS waitlisted_count,
  m.status AS my_status,
  CASE WHEN m.status = 'waitlisted' THEN
    (SELECT count(*)::int FROM event_registrations w
     WHERE w.event_id = e.id AND w.status = 'waitlisted' AND (w.queued_at, w.user_id) <= (m.queued_at, m.user_id)
       AND ${inAudience('w', 'e')})
  END AS my_position`;

const EVENT_FROM = `events e
  LEFT JOIN users u ON u.id = e.organiser_id
  LEFT JOIN event_registrations m ON m.event_id = e.id AND m.user_id = $2::uuid AND ${inAudience('m', 'e')}`;

/** A café session as a read-only calendar entry; it ends when a host closed it early. */
const CAFE_COLUMNS = `'cafe' AS source, s.id, r.name AS title, r.description, NULL::text AS description_html,
  'cafe' AS kind, s.starts_at, LEAST(s.ends_at, COALESCE(s.closed_at, s.ends_at)) AS ends_at,
  s.starts_at::text AS start_key, NULL::text AS location_name, NULL::text AS location_address, NULL::text AS online_url,
  r.audience, NULL::int AS capacity, 'none' AS registration, NULL::uuid AS organiser_id,
  NULL::text AS organiser_username, NULL::text AS organiser_display_name, NULL::text AS organiser_role,
  'scheduled' AS status, NULL::text AS cancel_reason, 0 AS sequence, NULL::text AS summary, NULL::text AS summary_html,
  s.created_at, s.created_at AS updated_at, r.slug AS room_slug, r.name AS room_name,
  0 AS going_count, 0 AS waitlisted_count, NULL::text AS my_status, NULL::int AS my_position`;

/** Sessions closed before they began were called off: not in the calendar. */
const CAFE_FROM = `cafe_sessions s JOIN cafe_rooms r ON r.id = s.room_id`;
const CAFE_HELD = `(s.closed_at IS NULL OR s.closed_at > s.starts_at)`;

/** The calendar's tables: events, registrations and personal feeds; café sessions are only read. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: EntityManager, f: EventFields, organiserId: string): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO events (title, description, description_html, kind, starts_at, ends_at, location_name,
                           location_address, online_url, audience, capacity, registration, organiser_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [...fieldValues(f), organiserId],
    );
    return row.id;
  }

  /** Every change raises the sequence; a new start time earns a new reminder. */
  async update(tx: EntityManager, id: string, f: EventFields, summary: { text: string; html: string } | null) {
    await tx.query(
      `UPDATE events SET title = $2, description = $3, description_html = $4, kind = $5,
              reminded_at = CASE WHEN starts_at = $6 THEN reminded_at END,
              starts_at = $6, ends_at = $7, location_name = $8, location_address = $9, online_url = $10,
              audience = $11, capacity = $12, registration = $13,
              summary = COALESCE($14, summary), summary_html = COALESCE($15, summary_html),
              sequence = sequence + 1, updated_at = now()
       WHERE id = $1`,
      [id, ...fieldValues(f), summary?.text ?? null, summary?.html ?? null],
    );
  }

  async cancel(tx: EntityManager, id: string, reason: string): Promise<void> {
    await tx.query(
      `UPDATE events SET status = 'cancelled', cancel_reason = $2, sequence = sequence + 1, updated_at = now()
       WHERE id = $1`,
      [id, reason],
    );
  }

  async find(id: string, userId: string | null, manager: EntityManager = this.db.manager): Promise<CalendarRow | null> {
    const rows: CalendarRow[] = await manager.query(`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = $1`, [
      id,
      userId,
    ]);
    return rows[0] ?? null;
  }

  /** The row locked until the transaction ends: sign-ups, edits and cancelling wait for each other. */
  async lock(tx: EntityManager, id: string, userId: string | null): Promise<CalendarRow | null> {
    await tx.query('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [id]);
    return this.find(id, userId, tx);
  }

  async findCafeSession(id: string): Promise<CalendarRow | null> {
    const rows: CalendarRow[] = await this.db.query(
      `SELECT ${CAFE_COLUMNS} FROM ${CAFE_FROM} WHERE s.id = $1 AND ${CAFE_HELD}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Events and café sessions by start time in [from, to), those of the audiences given (an
   * organiser's own included only through them), keyset-paged on (start, id).
   */
  list(f: ListFilter): Promise<CalendarRow[]> {
    const params = [f.audiences, f.userId, f.from, f.to, f.kind, f.after?.[0] ?? null, f.after?.[1] ?? null, f.limit];
    const events = `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM}
      WHERE e.audience = ANY($1::text[])
        AND e.ends_at > $3 AND e.starts_at < $4 AND ($5::text IS NULL OR e.kind = $5::text)`;
    const cafe = `SELECT ${CAFE_COLUMNS} FROM ${CAFE_FROM}
      WHERE r.audience = ANY($1::text[]) AND ${CAFE_HELD}
        AND s.ends_at > $3 AND s.starts_at < $4 AND ($5::text IS NULL OR $5::text = 'cafe')`;
    return this.db.query(
      `SELECT * FROM (${events}${f.eventsOnly ? '' : ` UNION ALL ${cafe}`}) c
       WHERE ($6::timestamptz IS NULL OR (c.starts_at, c.id) > ($6::timestamptz, $7::uuid))
       ORDER BY c.starts_at, c.id
       LIMIT $8`,
      params,
    );
  }

  /** When the seminar before this one began (cancelled ones aside); null for the first. */
  async previousSeminarStart(id: string, startsAt: Date): Promise<Date | null> {
    const rows: { starts_at: Date }[] = await this.db.query(
      `SELECT starts_at FROM events
       WHERE kind = 'seminar' AND status = 'scheduled' AND id <> $1 AND starts_at < $2
       ORDER BY starts_at DESC LIMIT 1`,
      [id, startsAt],
    );
    return rows[0]?.starts_at ?? null;
  }

  /** A member's own calendar data (their export): sign-ups, events they organise, whether they have a feed. */
  async exportFor(userId: string): Promise<Record<string, unknown>> {
    const registrations = await this.db.query(
      `SELECT e.title AS event, e.starts_at AS "startsAt", r.status, r.created_at AS "signedUpAt"
       FROM event_registrations r JOIN events e ON e.id = r.event_id
       WHERE r.user_id = $1 AND ${inAudience('r', 'e')} ORDER BY e.starts_at, e.id`,
      [userId],
    );
    const organised = await this.db.query(
      `SELECT title, kind, starts_at AS "startsAt", status, summary FROM events
       WHERE organiser_id = $1 ORDER BY starts_at, id`,
      [userId],
    );
    const feeds: { created_at: Date }[] = await this.db.query(
      'SELECT created_at FROM calendar_feeds WHERE user_id = $1',
      [userId],
    );
    // The feed's secret is not kept, so only when it was made.
    return { registrations, organised, personalFeedCreatedAt: feeds[0]?.created_at ?? null };
  }

  // --- the clock (decision 0019) ---

  /**
   * Events starting within 24 hours whose reminders have not gone out, marked as sent in the
   * caller's transaction: the notices are written in the same one, so they go out exactly once —
   * a second process skips the rows locked here and finds them marked when it next looks, and a
   * crash before the commit leaves them unmarked for the next tick.
   */
  async claimReminders(tx: EntityManager, batch: number): Promise<{ id: string; title: string; starts_at: Date }[]> {
    const [rows]: [{ id: string; title: string; starts_at: Date }[], number] = await tx.query(
      `UPDATE events SET reminded_at = now()
       WHERE id IN (SELECT id FROM events
                    WHERE reminded_at IS NULL AND status = 'scheduled'
                      AND starts_at > now() AND starts_at <= now() + interval '24 hours'
                    ORDER BY starts_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         AND reminded_at IS NULL
       RETURNING id, title, starts_at`,
      [batch],
    );
    return rows;
  }

  /** Events over (within the last week) whose organiser has not been asked for a summary: marked asked, once. */
  async claimSummaryRequests(
    tx: EntityManager,
    batch: number,
  ): Promise<{ id: string; title: string; organiser_id: string }[]> {
    const [rows]: [{ id: string; title: string; organiser_id: string }[], number] = await tx.query(
      `UPDATE events SET summary_asked_at = now()
       WHERE id IN (SELECT id FROM events
                    WHERE summary_asked_at IS NULL AND status = 'scheduled' AND summary IS NULL
                      AND organiser_id IS NOT NULL
                      AND ends_at <= now() AND ends_at > now() - interval '7 days'
                    ORDER BY ends_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         AND summary_asked_at IS NULL
       RETURNING id, title, organiser_id`,
      [batch],
    );
    return rows;
  }

  async going(tx: EntityManager, eventId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT r.user_id FROM event_registrations r WHERE r.event_id = $1 AND r.status = 'going' AND ${inAudienceOf$1('r')}`,
      [eventId],
    );
    return rows.map((r) => r.user_id);
  }

  // --- personal feeds ---

  /** A new secret for the member's feed; the one before it stops working at once. */
  async replaceFeed(tx: EntityManager, userId: string, tokenHash: Buffer): Promise<void> {
    await tx.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, tokenHash],
    );
  }

  async revokeFeed(tx: EntityManager, userId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await tx.query('DELETE FROM calendar_feeds WHERE user_id = $1', [userId]);
    return count > 0;
  }

  async feedOwner(tokenHash: Buffer): Promise<string | null> {
    const rows: { user_id: string }[] = await this.db.query(
      'SELECT user_id FROM calendar_feeds WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  // --- registrations ---

  async registrationOf(tx: EntityManager, eventId: string, userId: string): Promise<RegistrationStatus | null> {
    const rows: { status: RegistrationStatus }[] = await tx.query(
      'SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2',
      [eventId, userId],
    );
    return rows[0]?.status ?? null;
  }

  async goingCount(tx: EntityManager, eventId: string): Promise<number> {
    const [row]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM event_registrations r
       WHERE r.event_id = $1 AND r.status = 'going' AND ${inAudienceOf$1('r')}`,
      [eventId],
    );
    return row.n;
  }

  /** Sets the member's status; joining the waitlist (again) puts them at its end. */
  async setRegistration(tx: EntityManager, eventId: string, userId: string, status: RegistrationStatus) {
    await tx.query(
      `INSERT INTO event_registrations (event_id, user_id, status) VALUES ($1, $2, $3)
       ON CONFLICT (event_id, user_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now(),
         queued_at = CASE WHEN EXCLUDED.status = 'waitlisted' THEN clock_timestamp() ELSE event_registrations.queued_at END`,
      [eventId, userId, status],
    );
  }

  async waitlistPosition(tx: EntityManager, eventId: string, userId: string): Promise<number | null> {
    const rows: { position: number }[] = await tx.query(
      `SELECT count(*)::int AS position FROM event_registrations w, event_registrations m
       WHERE m.event_id = $1 AND m.user_id = $2 AND m.status = 'waitlisted'
         AND w.event_id = $1 AND w.status = 'waitlisted' AND (w.queued_at, w.user_id) <= (m.queued_at, m.user_id)
         AND ${inAudienceOf$1('w')} AND ${inAudienceOf$1('m')}
       GROUP BY m.user_id`,
      [eventId, userId],
    );
    return rows[0]?.position ?? null;
  }

  /** The first `n` on the waitlist become going (under the event's lock); who they are. */
  async promote(tx: EntityManager, eventId: string, n: number): Promise<string[]> {
    if (n <= 0) return [];
    const [rows]: [{ user_id: string }[], number] = await tx.query(
      `UPDATE event_registrations SET status = 'going', updated_at = now()
       WHERE event_id = $1 AND user_id IN (
         SELECT r.user_id FROM event_registrations r
         WHERE r.event_id = $1 AND r.status = 'waitlisted' AND ${inAudienceOf$1('r')}
         ORDER BY r.queued_at, r.user_id LIMIT $2)
       RETURNING user_id`,
      [eventId, n],
    );
    return rows.map((r) => r.user_id);
  }

  /** Those going or waitlisted: who is told when the event is cancelled. */
  async registered(tx: EntityManager, eventId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT r.user_id FROM event_registrations r
       WHERE r.event_id = $1 AND r.status IN ('going', 'waitlisted') AND ${inAudienceOf$1('r')}`,
      [eventId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Drops the sign-ups of those outside the event's audience now (under its lock); how many were going. */
  async dropOutsideAudience(tx: EntityManager, eventId: string, userId: string | null = null): Promise<number> {
    const [rows]: [{ status: RegistrationStatus }[], number] = await tx.query(
      `DELETE FROM event_registrations r
       WHERE r.event_id = $1 AND ($2::uuid IS NULL OR r.user_id = $2::uuid) AND NOT ${inAudienceOf$1('r')}
       RETURNING r.status`,
      [eventId, userId],
    );
    return rows.filter((r) => r.status === 'going').length;
  }

  /** The events the user holds a place or a waitlist spot in that are no longer theirs to see. */
  async eventsOutsideAudienceOf(tx: EntityManager, userId: string): Promise<string[]> {
    const rows: { event_id: string }[] = await tx.query(
      `SELECT r.event_id FROM event_registrations r JOIN events e ON e.id = r.event_id
       WHERE r.user_id = $1 AND NOT ${inAudience('r', 'e')} ORDER BY r.event_id`,
      [userId],
    );
    return rows.map((r) => r.event_id);
  }

  registrations(eventId: string): Promise<RegistrationRow[]> {
    return this.db.query(
      `SELECT r.user_id, u.username, u.display_name, u.role, r.status, r.created_at,
              CASE WHEN r.status = 'waitlisted' THEN
                row_number() OVER (PARTITION BY r.status ORDER BY r.queued_at, r.user_id)::int END AS position
       FROM event_registrations r JOIN users u ON u.id = r.user_id
       WHERE r.event_id = $1 AND ${inAudienceOf$1('r')}
       ORDER BY CASE r.status WHEN 'going' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.queued_at, r.user_id`,
      [eventId],
    );
  }
}

function fieldValues(f: EventFields): unknown[] {
  return [
    f.title,
    f.description,
    f.descriptionHtml,
    f.kind,
    f.startsAt,
    f.endsAt,
    f.locationName,
    f.locationAddress,
    f.onlineUrl,
    f.audience,
    f.capacity,
    f.registration,
  ];
}
