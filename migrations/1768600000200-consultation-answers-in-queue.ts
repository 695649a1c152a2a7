import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consultation answer that matched a crisis watched word goes to the head of the moderation
 * queue (type `consultation_answer`): moderators see its text and the consultation, never who
 * wrote it. Rejected, the answer is left out of results and the CSV (`excluded`).
 */
export class ConsultationAnswersInQueue1768600000200 implements MigrationInterface {
  name = 'ConsultationAnswersInQueue1768600000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE consultation_responses ADD COLUMN excluded boolean NOT NULL DEFAULT false`);
    await db.query(
      `ALTER TABLE moderation_queue ADD COLUMN consultation_response_id uuid REFERENCES consultation_responses (id) ON DELETE CASCADE`,
    );
    // The checks that list the kinds of item were named by PostgreSQL; they are found by what they say.
    const checks: { conname: string }[] = await db.query(
      `SELECT conname FROM pg_constraint
       WHERE conrelid = 'moderation_queue'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%cafe_message%'`,
    );
    for (const { conname } of checks) await db.query(`ALTER TABLE moderation_queue DROP CONSTRAINT "${conname}"`);
    await db.query(`
      ALTER TABLE moderation_queue
        ADD CONSTRAINT moderation_queue_type_check
          CHECK (type IN ('thread', 'post', 'flag', 'cafe_message', 'consultation_answer')),
        ADD CONSTRAINT moderation_queue_cafe_check CHECK ((type = 'cafe_message') = (cafe_message_id IS NOT NULL)),
        ADD CONSTRAINT moderation_queue_consultation_check
          CHECK ((type = 'consultation_answer') = (consultation_response_id IS NOT NULL)),
        ADD CONSTRAINT moderation_queue_forum_check
          CHECK (type IN ('cafe_message', 'consultation_answer') OR (post_id IS NOT NULL AND thread_id IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM moderation_queue WHERE type = 'consultation_answer'`);
    await db.query(`
      ALTER TABLE moderation_queue
        DROP CONSTRAINT moderation_queue_type_check,
        DROP CONSTRAINT moderation_queue_cafe_check,
        DROP CONSTRAINT moderation_queue_consultation_check,
        DROP CONSTRAINT moderation_queue_forum_check,
        ADD CHECK (type IN ('thread', 'post', 'flag', 'cafe_message')),
        ADD CHECK ((type = 'cafe_message') = (cafe_message_id IS NOT NULL)),
        ADD CHECK (type = 'cafe_message' OR (post_id IS NOT NULL AND thread_id IS NOT NULL)),
        DROP COLUMN consultation_response_id`);
    await db.query(`ALTER TABLE consultation_responses DROP COLUMN excluded`);
  }
}
