import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sanction beyond its issuer's rank is no longer marked when it is given: a mark set only for
 * staff authors told a dump that the author of an anonymous post was staff. Whether it applies is
 * decided when it would apply, from the issuer's and the user's roles (decision 0024).
 */
export class SanctionsDecidedWhenApplied1768400000400 implements MigrationInterface {
  name = 'SanctionsDecidedWhenApplied1768400000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sanctions DROP COLUMN referred_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sanctions ADD COLUMN referred_at timestamptz`);
  }
}
