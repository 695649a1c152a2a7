import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sanction may be given against the member behind a café message: stored, like one against an
 * anonymous post, as the author's keyed hash in the café session (subject_hash, scope_kind
 * 'cafe_session'), never a user id. The message is kept for the moderators' listing until the
 * café's retention deletes it.
 */
export class SanctionsByCafeMessage1767000000000 implements MigrationInterface {
  name = 'SanctionsByCafeMessage1767000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE sanctions ADD COLUMN cafe_message_id uuid REFERENCES cafe_messages (id) ON DELETE SET NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sanctions DROP COLUMN cafe_message_id`);
  }
}
