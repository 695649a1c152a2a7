import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forum: categories, threads, posts (with Norwegian full-text search), flags, guests'
 * receipts, panel applications and sanctions, plus the starter categories.
 *
 * Anonymity (docs/decisions/0004-anonymity-keyed-hash.md): an anonymous post stores `anon_hash`,
 * its author's keyed hash for that thread, and never `author_id`; sanctions against the author
 * behind an anonymous post store `subject_hash` + scope, never `user_id`. No row holds both a
 * user id and an anonymous post id.
 */
export class Forum1765000000000 implements MigrationInterface {
  name = 'Forum1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE categories (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,48}$'),
        name            text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        description     text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
        visibility      text NOT NULL DEFAULT 'open' CHECK (visibility IN ('open', 'closed')),
        moderation      text NOT NULL DEFAULT 'post' CHECK (moderation IN ('post', 'pre')),
        allow_anonymous boolean NOT NULL DEFAULT false,
        allow_guests    boolean NOT NULL DEFAULT false,
        position        integer NOT NULL DEFAULT 0,
        created_at      timestamptz NOT NULL DEFAULT now(),
        -- Guests never write in the panel's closed room.
        CHECK (visibility = 'open' OR NOT allow_guests)
      )`);

    // The author fields repeat the opening post's, so a listing needs no join to the first post.
    // reply_count and last_post_at change only in the transaction that changes a post, with the
    // thread row locked (SELECT … FOR UPDATE), so concurrent replies can't lose a count.
    await db.query(`
      CREATE TABLE threads (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category_id       uuid NOT NULL REFERENCES categories (id),
        title             text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
        author_kind       text NOT NULL CHECK (author_kind IN ('user', 'anonymous', 'guest')),
        author_id         uuid REFERENCES users (id) ON DELETE SET NULL,
        author_alias      text,
        -- The opening post's anon_hash (the same per-thread key), so "is this my thread" needs no join.
        author_hash       bytea,
        status            text NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'hidden', 'deleted')),
        pinned            boolean NOT NULL DEFAULT false,
        locked            boolean NOT NULL DEFAULT false,
        reply_count       integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
        last_post_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- Aliases handed out in this thread so far ("Anonym 1", "Gjest 1", …).
        anonymous_aliases integer NOT NULL DEFAULT 0,
        guest_aliases     integer NOT NULL DEFAULT 0,
        created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (author_kind = 'user' OR author_id IS NULL),
        CHECK ((author_kind = 'anonymous') = (author_hash IS NOT NULL)),
        CHECK ((author_kind = 'user') = (author_alias IS NULL))
      )`);
    await db.query(
      `CREATE INDEX threads_category_listing_idx ON threads (category_id, pinned DESC, last_post_at DESC, id DESC) WHERE status = 'published'`,
    );
    await db.query(`CREATE INDEX threads_author_idx ON threads (author_id) WHERE author_id IS NOT NULL`);
    // The threads where someone's anonymous posts can be: the only ones to compute keys for.
    await db.query(`CREATE INDEX threads_with_anonymous_idx ON threads (id) WHERE anonymous_aliases > 0`);

    await db.query(`
      CREATE TABLE posts (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id        uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        author_kind      text NOT NULL CHECK (author_kind IN ('user', 'anonymous', 'guest')),
        author_id        uuid REFERENCES users (id) ON DELETE SET NULL,
        -- HMAC-SHA256(ANON_SECRET, anon_salt of the author ‖ thread id): the author's key in this thread.
        anon_hash        bytea,
        alias            text,
        is_opening       boolean NOT NULL DEFAULT false,
        body             text NOT NULL,
        body_html        text NOT NULL,
        body_text        text NOT NULL,
        -- Written with the post: the thread title (weight A, opening posts only) and the text (B).
        search           tsvector NOT NULL,
        status           text NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'hidden', 'deleted')),
        -- Why a post is held (e.g. 'category_pre', 'guest', 'new_member', 'personal_details').
        held_reasons     text[] NOT NULL DEFAULT '{}',
        rejection_reason text,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        edited_at        timestamptz,
        decided_at       timestamptz,
        CHECK (author_kind = 'user' OR author_id IS NULL),
        CHECK ((author_kind = 'anonymous') = (anon_hash IS NOT NULL)),
        CHECK ((author_kind = 'user') = (alias IS NULL))
      )`);
    await db.query(`CREATE INDEX posts_thread_order_idx ON posts (thread_id, created_at, id)`);
    await db.query(`CREATE UNIQUE INDEX posts_one_opening_idx ON posts (thread_id) WHERE is_opening`);
    await db.query(
      `CREATE INDEX posts_author_idx ON posts (author_id, created_at DESC, id DESC) WHERE author_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX posts_anonymous_idx ON posts (thread_id, anon_hash) WHERE anon_hash IS NOT NULL`);
    await db.query(`CREATE INDEX posts_pending_idx ON posts (created_at, id) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX posts_search_idx ON posts USING GIN (search)`);

    // A flag names its reporter (null for a guest's crisis flag), never shown to moderators; one
    // open flag per reporter and post. Reporters can't flag their own posts, so no flag row ties
    // an anonymous post to its author.
    await db.query(`
      CREATE TABLE flags (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id     uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        reporter_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reason      text NOT NULL CHECK (reason IN ('crisis', 'harassment', 'personal_info', 'spam', 'off_topic', 'other')),
        note        text CHECK (char_length(note) <= 1000),
        status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX flags_one_open_per_reporter_idx ON flags (post_id, reporter_id) WHERE status = 'open'`,
    );
    await db.query(`CREATE INDEX flags_open_idx ON flags (created_at, id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX flags_post_idx ON flags (post_id)`);

    // A guest's receipt for a held post; only a hash of the token is kept.
    await db.query(`
      CREATE TABLE guest_receipts (
        token_hash bytea PRIMARY KEY,
        post_id    uuid NOT NULL UNIQUE REFERENCES posts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE panel_applications (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        motivation      text NOT NULL CHECK (char_length(motivation) BETWEEN 1 AND 2000),
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decision_reason text,
        decided_by      uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        decided_at      timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX panel_applications_one_pending_idx ON panel_applications (user_id) WHERE status = 'pending'`,
    );
    await db.query(`CREATE INDEX panel_applications_listing_idx ON panel_applications (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX panel_applications_user_idx ON panel_applications (user_id, created_at DESC)`);

    // A sanction names a user (user_id) or, for the author behind an anonymous post, their keyed
    // hash in a scope (subject_hash + scope_kind + scope_id), never both.
    await db.query(`
      CREATE TABLE sanctions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind         text NOT NULL CHECK (kind IN ('warn', 'mute', 'ban')),
        user_id      uuid REFERENCES users (id) ON DELETE CASCADE,
        subject_hash bytea,
        scope_kind   text CHECK (scope_kind IN ('thread', 'cafe_session')),
        scope_id     uuid,
        post_id      uuid REFERENCES posts (id) ON DELETE SET NULL,
        reason       text NOT NULL,
        until        timestamptz,
        issued_by    uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        lifted_at    timestamptz,
        CHECK ((user_id IS NULL) <> (subject_hash IS NULL)),
        CHECK ((subject_hash IS NULL) = (scope_id IS NULL) AND (scope_id IS NULL) = (scope_kind IS NULL))
      )`);
    await db.query(
      `CREATE INDEX sanctions_user_idx ON sanctions (user_id) WHERE user_id IS NOT NULL AND lifted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX sanctions_by_hash_idx ON sanctions (kind) WHERE subject_hash IS NOT NULL AND lifted_at IS NULL`,
    );

    await db.query(`
      INSERT INTO categories (slug, name, description, visibility, moderation, allow_anonymous, allow_guests, position) VALUES
        ('velkommen', 'Velkommen', 'Si hei, les retningslinjene og spør om hvordan forumet virker.', 'open', 'post', false, false, 1),
        ('erfaringer', 'Erfaringer', 'Del erfaringer med psykisk helsevern og rus, med navn eller anonymt. Gjester kan også skrive her; innlegg fra gjester leses av en moderator før de vises.', 'open', 'post', true, true, 2),
        ('panelet', 'Panelet', 'Erfaringspanelets eget rom. Vil du være med i panelet, kan du søke om det.', 'closed', 'post', false, false, 3)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sanctions`);
    await db.query(`DROP TABLE panel_applications`);
    await db.query(`DROP TABLE guest_receipts`);
    await db.query(`DROP TABLE flags`);
    await db.query(`DROP TABLE posts`);
    await db.query(`DROP TABLE threads`);
    await db.query(`DROP TABLE categories`);
  }
}
