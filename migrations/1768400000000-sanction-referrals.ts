import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sanction against the hidden author of an anonymous post or a café message, whose role the
 * moderator may not sanction (staff), is kept but not applied: it waits, `referred_at` set, for
 * an administrator. The moderator gets the same answer as for any sanction, so no request can
 * test an anonymous author's rank (decision 0024).
 */
export class SanctionReferrals1768400000000 implements MigrationInterface {
  name = 'SanctionReferrals1768400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sanctions ADD COLUMN referred_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sanctions DROP COLUMN referred_at`);
  }
}
