import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification about a post names its thread, so the list can leave out those about threads the
 * reader may no longer read (moved into a closed category, or the reader's role changed): their
 * text quotes the thread's title. Older rows get it from their link (`/threads/<id>#post-<id>`);
 * links now use the web's own address, `/trad/<id>#post-<id>`.
 */
export class NotificationsAboutThreads1768400000100 implements MigrationInterface {
  name = 'NotificationsAboutThreads1768400000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications ADD COLUMN thread_id uuid REFERENCES threads (id) ON DELETE CASCADE`);
    await db.query(`
      UPDATE notifications n SET thread_id = t.id, link = regexp_replace(n.link, '^/threads/', '/trad/')
      FROM threads t
      WHERE n.link ~ '^/threads/[0-9a-f-]{36}' AND t.id = substring(n.link from '^/threads/([0-9a-f-]{36})')::uuid`);
    await db.query(`CREATE INDEX notifications_thread_idx ON notifications (thread_id) WHERE thread_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE notifications SET link = regexp_replace(link, '^/trad/', '/threads/') WHERE thread_id IS NOT NULL`,
    );
    await db.query(`ALTER TABLE notifications DROP COLUMN thread_id`);
  }
}
