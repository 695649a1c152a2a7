import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default watched words. Matching is on whole words with common Norwegian endings
 * ("kutte meg" also catches "kutter meg", "kuttet meg"); a word ending in * also catches
 * compounds ("selvmord*": "selvmordstanker"); a phrase never spans a sentence break.
 *
 * crisis — words someone in danger of taking their own life, or hurting themselves, writes.
 *   A crisis match never refuses anything: the writer is shown the helplines and a moderator
 *   is alerted, so the list leans towards catching too much (a false alarm costs a moderator a
 *   look; a miss can cost more). Phrases are first person where the bare word would mostly
 *   catch third-person talk ("henge meg" is left out: "henge meg på" means "join in").
 * flag — "drep deg selv" / "ta livet av deg" are usually harassment, but "ikke ta livet av deg"
 *   is care: published, and a moderator looks.
 * block — a few slurs with no ordinary use in this forum (racist, homophobic and ableist).
 *   Block is kept short on purpose: a blocked writer is refused outright, and someone quoting
 *   what they were called must be able to say so in other words. Administrators edit the list
 *   at /api/admin/watched-words.
 */
const DEFAULT_WATCHED_WORDS: [string, 'block' | 'review' | 'flag' | 'crisis'][] = [
  ['selvmord*', 'crisis'],
  ['sjølmord*', 'crisis'],
  ['suicid*', 'crisis'],
  ['ta livet mitt', 'crisis'],
  ['ta livet av meg', 'crisis'],
  ['ta mitt eget liv', 'crisis'],
  ['avslutte livet', 'crisis'],
  ['ende livet mitt', 'crisis'],
  ['orke ikke mer', 'crisis'],
  ['orke ikke lenger', 'crisis'],
  ['orke ikke å leve', 'crisis'],
  ['vil ikke leve', 'crisis'],
  ['ikke vil leve', 'crisis'],
  ['ønske å dø', 'crisis'],
  ['lyst til å dø', 'crisis'],
  ['vil dø', 'crisis'],
  ['ikke verdt å leve', 'crisis'],
  ['ingen grunn til å leve', 'crisis'],
  ['bedre uten meg', 'crisis'],
  ['skade meg selv', 'crisis'],
  ['skade meg sjøl', 'crisis'],
  ['selvskad*', 'crisis'],
  ['kutte meg', 'crisis'],
  // Norwegian puts the verb second: "i går kuttet jeg meg", "noen ganger skader jeg meg".
  ['kutte jeg meg', 'crisis'],
  ['skade jeg meg', 'crisis'],
  ['overdose', 'crisis'],
  ['drep deg selv', 'flag'],
  ['ta livet av deg', 'flag'],
  ['neger', 'block'],
  ['nigger', 'block'],
  ['pakkis', 'block'],
  ['svartskalle', 'block'],
  ['soper', 'block'],
  ['mongo', 'block'],
  ['retard', 'block'],
];

/**
 * The café (rooms, opening hours, messages, reports, host restrictions) and the watched words
 * that screen what people write.
 */
export class CafeAndWatchedWords1764000300000 implements MigrationInterface {
  name = 'CafeAndWatchedWords1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE watched_words (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Stored normalised (lower case, single spaces): letters, digits, an optional trailing *.
        pattern     text NOT NULL UNIQUE CHECK (char_length(pattern) BETWEEN 2 AND 64),
        action      text NOT NULL CHECK (action IN ('block', 'review', 'flag', 'crisis')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        -- No foreign key: deleting the admin's account leaves the word in place.
        created_by  uuid
      )`);
    for (const [pattern, action] of DEFAULT_WATCHED_WORDS) {
      await db.query(`INSERT INTO watched_words (pattern, action) VALUES ($1, $2)`, [pattern, action]);
    }

    await db.query(`
      CREATE TABLE cafe_rooms (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,48}$'),
        name              text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        description       text NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
        audience          text NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'members', 'panel')),
        slow_mode_seconds integer NOT NULL DEFAULT 0 CHECK (slow_mode_seconds BETWEEN 0 AND 3600),
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);

    // Opening hours. A session is open from starts_at until ends_at, or until closed_at when a
    // host closes it early. Sessions of one room never overlap (checked under a room lock).
    await db.query(`
      CREATE TABLE cafe_sessions (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id    uuid NOT NULL REFERENCES cafe_rooms (id) ON DELETE CASCADE,
        starts_at  timestamptz NOT NULL,
        ends_at    timestamptz NOT NULL,
        opened_by  uuid,
        closed_at  timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX cafe_sessions_room_idx ON cafe_sessions (room_id, starts_at)`);
    await db.query(`CREATE INDEX cafe_sessions_open_idx ON cafe_sessions (ends_at) WHERE closed_at IS NULL`);

    // A member's messages carry author_hash = HMAC(ANON_SECRET, anon_salt ‖ session id), never a
    // user id: a sanction by message can reach the account, a dump alone links no nickname to
    // anyone (docs/decisions/0004). Guests have no hash. seq orders messages; ids are random.
    await db.query(`
      CREATE TABLE cafe_messages (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        room_id        uuid NOT NULL REFERENCES cafe_rooms (id) ON DELETE CASCADE,
        session_id     uuid NOT NULL REFERENCES cafe_sessions (id) ON DELETE CASCADE,
        participant_id uuid NOT NULL,
        nickname       text NOT NULL,
        is_host        boolean NOT NULL DEFAULT false,
        author_hash    bytea,
        body           text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
        created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        deleted_at     timestamptz,
        deleted_by     uuid
      )`);
    await db.query(`CREATE INDEX cafe_messages_session_idx ON cafe_messages (session_id, seq)`);

    // Host restrictions within one session: a mute until a time, or a removal (kick) for the
    // rest of the session. Matched on the participant, the nickname (lower case) and, for
    // members, the session's author hash, so rejoining under a new participant id or (as a
    // member) a new nickname does not escape them. Kept in the database so they hold across
    // processes and restarts; deleted with the session's messages.
    await db.query(`
      CREATE TABLE cafe_restrictions (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id     uuid NOT NULL REFERENCES cafe_sessions (id) ON DELETE CASCADE,
        kind           text NOT NULL CHECK (kind IN ('mute', 'kick')),
        participant_id uuid NOT NULL,
        nickname_key   text NOT NULL,
        author_hash    bytea,
        until          timestamptz,
        reason         text CHECK (char_length(reason) <= 500),
        created_by     uuid,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX cafe_restrictions_session_idx ON cafe_restrictions (session_id, kind)`);

    // Reports of café messages for the moderators' queue: by a participant (kind report; crisis
    // when the reporter says someone is in danger) or by screening (reporter_participant_id
    // null). status: open until a moderator handles it.
    await db.query(`
      CREATE TABLE cafe_reports (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id              uuid NOT NULL REFERENCES cafe_messages (id) ON DELETE CASCADE,
        kind                    text NOT NULL CHECK (kind IN ('report', 'crisis')),
        reason                  text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
        source                  text NOT NULL DEFAULT 'participant' CHECK (source IN ('participant', 'screening')),
        reporter_participant_id uuid,
        status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
        created_at              timestamptz NOT NULL DEFAULT clock_timestamp(),
        handled_at              timestamptz,
        handled_by              uuid
      )`);
    await db.query(`CREATE INDEX cafe_reports_queue_idx ON cafe_reports (status, created_at)`);
    await db.query(`CREATE INDEX cafe_reports_message_idx ON cafe_reports (message_id)`);
    await db.query(`
      CREATE UNIQUE INDEX cafe_reports_once_per_reporter ON cafe_reports (message_id, reporter_participant_id)
      WHERE reporter_participant_id IS NOT NULL`);

    // Guests may not take a host's name: looked up by lower-case display name among staff.
    await db.query(
      `CREATE INDEX users_staff_display_name_idx ON users (lower(display_name)) WHERE role IN ('host', 'moderator', 'admin')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_staff_display_name_idx`);
    await db.query(`DROP TABLE cafe_reports`);
    await db.query(`DROP TABLE cafe_restrictions`);
    await db.query(`DROP TABLE cafe_messages`);
    await db.query(`DROP TABLE cafe_sessions`);
    await db.query(`DROP TABLE cafe_rooms`);
    await db.query(`DROP TABLE watched_words`);
  }
}
