import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a member accepted the café rules (issue 21, item 8): asked once, not at every visit to a
 * room. Guests still accept them at each join; they have no account to remember it on.
 */
export class CafeRulesAccepted1769100000100 implements MigrationInterface {
  name = 'CafeRulesAccepted1769100000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN cafe_rules_accepted_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN cafe_rules_accepted_at`);
  }
}
