import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: one queue for everything a moderator must look at (flags join it), the history of
 * each queue item, and in-app notifications.
 *
 * The queue is race-free by construction (docs/decisions/0007-moderation-queue-race-free.md):
 * at most one open item per post (a partial unique index), and every decision is a conditional
 * UPDATE … WHERE status = 'open' in the transaction that applies it.
 *
 * Anonymity (docs/decisions/0004-anonymity-keyed-hash.md): no row here holds a user id next to an
 * anonymous post's authorship: the queue names posts, not authors, and a notification about
 * anonymous content is addressed to its author's keyed hash in the thread, never to a user id.
 */
export class Moderation1766000000000 implements MigrationInterface {
  name = 'Moderation1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE moderation_queue (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type               text NOT NULL CHECK (type IN ('thread', 'post', 'flag', 'cafe_message')),
        post_id            uuid REFERENCES posts (id) ON DELETE CASCADE,
        thread_id          uuid REFERENCES threads (id) ON DELETE CASCADE,
        -- The café's reported messages (their reports are in cafe_reports); gone with the message
        -- when the café's retention deletes it.
        cafe_message_id    uuid REFERENCES cafe_messages (id) ON DELETE CASCADE,
        priority           text NOT NULL DEFAULT 'normal' CHECK (priority IN ('crisis', 'normal')),
        reasons            text[] NOT NULL DEFAULT '{}',
        status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'hidden', 'withdrawn')),
        claimed_by         uuid REFERENCES users (id) ON DELETE SET NULL,
        claimed_at         timestamptz,
        created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_at        timestamptz,
        resolved_by        uuid REFERENCES users (id) ON DELETE SET NULL,
        -- The post's status before a rejection, so an undo can put it back.
        post_status_before text,
        CHECK ((type = 'cafe_message') = (cafe_message_id IS NOT NULL)),
        CHECK (type = 'cafe_message' OR (post_id IS NOT NULL AND thread_id IS NOT NULL)),
        CHECK ((status = 'open') = (resolved_at IS NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX moderation_queue_one_open_post_idx ON moderation_queue (post_id) WHERE status = 'open' AND post_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX moderation_queue_one_open_cafe_idx ON moderation_queue (cafe_message_id) WHERE status = 'open' AND cafe_message_id IS NOT NULL`,
    );
    // The queue's order: crisis first, then oldest.
    await db.query(
      `CREATE INDEX moderation_queue_open_idx ON moderation_queue ((priority = 'crisis') DESC, created_at, id) WHERE status = 'open'`,
    );
    await db.query(
      `CREATE INDEX moderation_queue_resolved_idx ON moderation_queue (resolved_at) WHERE resolved_by IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX moderation_queue_post_idx ON moderation_queue (post_id, resolved_at DESC) WHERE post_id IS NOT NULL`,
    );

    // What happened to each queue item, oldest first. Ids only (no foreign keys), like the audit
    // log, and append-only through the same trigger.
    await db.query(`
      CREATE TABLE moderation_history (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id    uuid NOT NULL,
        event      text NOT NULL,
        actor_id   uuid,
        meta       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX moderation_history_item_idx ON moderation_history (item_id, created_at)`);
    await db.query(`
      CREATE TRIGGER moderation_history_no_change BEFORE UPDATE OR DELETE ON moderation_history
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);

    // Each flag belongs to its post's queue item (the forum's migration made the table), and
    // remembers whether its reporter was in good standing then, which decides hiding.
    await db.query(`
      ALTER TABLE flags
        ADD COLUMN item_id uuid REFERENCES moderation_queue (id) ON DELETE CASCADE,
        ADD COLUMN counts_toward_hide boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX flags_item_idx ON flags (item_id, created_at) WHERE item_id IS NOT NULL`);

    // To a user (named content) or to the keyed hash of an anonymous author in a thread, never both.
    await db.query(`
      CREATE TABLE notifications (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id        uuid REFERENCES users (id) ON DELETE CASCADE,
        recipient_hash bytea,
        scope_id       uuid,
        type           text NOT NULL,
        text           text NOT NULL,
        link           text,
        -- The queue item it tells about, so undoing a rejection takes its notice back.
        item_id        uuid,
        created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at        timestamptz,
        CHECK ((user_id IS NULL) <> (recipient_hash IS NULL)),
        CHECK ((recipient_hash IS NULL) = (scope_id IS NULL))
      )`);
    await db.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX notifications_hash_idx ON notifications (scope_id, recipient_hash, created_at DESC) WHERE recipient_hash IS NOT NULL`,
    );
    await db.query(`CREATE INDEX notifications_item_idx ON notifications (item_id) WHERE item_id IS NOT NULL`);

    await db.query(`CREATE INDEX users_on_duty_idx ON users (on_duty_until) WHERE on_duty_until IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_on_duty_idx`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP INDEX flags_item_idx`);
    await db.query(`ALTER TABLE flags DROP COLUMN counts_toward_hide, DROP COLUMN item_id`);
    await db.query(`DROP TABLE moderation_history`);
    await db.query(`DROP TABLE moderation_queue`);
  }
}
