import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar (issue 15): events with sign-up, a waitlist and reminders, and the members'
 * secret personal feeds. Café sessions stay in cafe_sessions and are only read into the calendar.
 * Sign-ups are by name (members only), so registrations hold the user id.
 */
export class Calendar1768500000000 implements MigrationInterface {
  name = 'Calendar1768500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title            text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        description      text NOT NULL,
        description_html text NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('seminar', 'meeting', 'course', 'social', 'other')),
        starts_at        timestamptz NOT NULL,
        ends_at          timestamptz NOT NULL CHECK (ends_at > starts_at),
        location_name    text,
        location_address text,
        -- Given only to those going and the organiser; never in a list, a feed or a notification.
        online_url       text,
        audience         text NOT NULL CHECK (audience IN ('everyone', 'members', 'panel')),
        capacity         integer CHECK (capacity IS NULL OR capacity >= 1),
        registration     text NOT NULL CHECK (registration IN ('none', 'open')),
        organiser_id     uuid REFERENCES users (id) ON DELETE SET NULL,
        status           text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        cancel_reason    text,
        -- RFC 5545 SEQUENCE: raised by every change, so calendars replace their copy.
        sequence         integer NOT NULL DEFAULT 0,
        summary          text,
        summary_html     text,
        -- Set once by the clock's guarded UPDATE when the 24-hour reminders go out (decision 0019).
        reminded_at      timestamptz,
        -- Set once when the organiser is asked, after the event, for a short summary.
        summary_asked_at timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX events_starts_idx ON events (starts_at, id)`);
    await db.query(`CREATE INDEX events_remind_idx ON events (starts_at) WHERE reminded_at IS NULL`);

    // One row per member and event. The waitlist is in order of queued_at (when they joined it).
    await db.query(`
      CREATE TABLE event_registrations (
        event_id   uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status     text NOT NULL CHECK (status IN ('going', 'waitlisted', 'not_going')),
        queued_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);
    await db.query(`CREATE INDEX event_registrations_user_idx ON event_registrations (user_id)`);
    await db.query(
      `CREATE INDEX event_registrations_waitlist_idx ON event_registrations (event_id, queued_at) WHERE status = 'waitlisted'`,
    );

    // A member's secret personal feed: only the hash of its token is kept; a new one replaces it.
    await db.query(`
      CREATE TABLE calendar_feeds (
        user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_feeds');
    await db.query('DROP TABLE event_registrations');
    await db.query('DROP TABLE events');
  }
}
