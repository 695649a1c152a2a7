import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first list of content warnings (issue 18); administrators edit it at PUT /api/admin/content-warnings. */
const WARNINGS: [string, string, string][] = [
  ['selvskading', 'Selvskading', 'Self-harm'],
  ['selvmordstanker', 'Selvmordstanker', 'Suicidal thoughts'],
  ['spiseforstyrrelser', 'Spiseforstyrrelser', 'Eating disorders'],
  ['overgrep', 'Overgrep', 'Abuse'],
  ['rus', 'Rus', 'Substance use'],
  ['vold', 'Vold', 'Violence'],
  ['sorg', 'Sorg', 'Grief'],
];

/**
 * Reader safety (issue 18): content warnings on posts, each member's filters, whom they ignore,
 * and gentle reactions.
 *
 * - An ignored *anonymous* author is stored as a tag the app computes from the ignorer's key and
 *   the post's keyed hash (docs/decisions/0027): a dump cannot tell which posts it stands for, and
 *   it is good in that one thread only.
 * - Reactions hold who reacted (members act by name) but no time: their order would tell nothing
 *   the count does not, and a time per reaction would be one more thing to correlate.
 */
export class ReaderSafety1768900000000 implements MigrationInterface {
  name = 'ReaderSafety1768900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE content_warnings (
        code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        label_nb text NOT NULL,
        label_en text NOT NULL,
        position integer NOT NULL
      )`);
    for (const [position, [code, nb, en]] of WARNINGS.entries())
      await db.query(`INSERT INTO content_warnings (code, label_nb, label_en, position) VALUES ($1, $2, $3, $4)`, [
        code,
        nb,
        en,
        position,
      ]);
    // A warning taken off the list leaves the posts that had it without one.
    await db.query(
      `ALTER TABLE posts ADD COLUMN content_warning text REFERENCES content_warnings (code) ON DELETE SET NULL ON UPDATE CASCADE`,
    );

    await db.query(`
      CREATE TABLE reader_preferences (
        user_id               uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        hide_warnings         text[] NOT NULL DEFAULT '{}',
        mute_words            text[] NOT NULL DEFAULT '{}',
        collapse_all_warnings boolean NOT NULL DEFAULT false
      )`);

    await db.query(`
      CREATE TABLE ignored_users (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        ignored_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, ignored_user_id),
        CHECK (user_id <> ignored_user_id)
      )`);
    await db.query(`
      CREATE TABLE ignored_anonymous (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        thread_id  uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        -- HMAC(the ignorer's key for ignoring in this thread, the post's anon_hash): matches that
        -- author's anonymous posts in this thread for this ignorer only, and no posts_anon_hash in a dump.
        tag        bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, thread_id, tag)
      )`);

    await db.query(`
      CREATE TABLE reactions (
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind    text NOT NULL CHECK (kind IN ('support', 'thanks', 'same')),
        PRIMARY KEY (post_id, user_id, kind)
      )`);
    await db.query(`CREATE INDEX reactions_user_idx ON reactions (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reactions`);
    await db.query(`DROP TABLE ignored_anonymous`);
    await db.query(`DROP TABLE ignored_users`);
    await db.query(`DROP TABLE reader_preferences`);
    await db.query(`ALTER TABLE posts DROP COLUMN content_warning`);
    await db.query(`DROP TABLE content_warnings`);
  }
}
