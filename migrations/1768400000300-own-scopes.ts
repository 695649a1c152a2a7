import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed index of where each member wrote anonymously (decision 0026): one row per (member,
 * thread), a tag and a ciphertext that only the app, holding ANON_SECRET, can find and read. It
 * lets a member's own anonymous posts be found at the cost of their own posts, not of every
 * anonymous thread in the forum. No time stamp and no user id, on purpose.
 */
export class OwnScopes1768400000300 implements MigrationInterface {
  name = 'OwnScopes1768400000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE own_scopes (
        tag    bytea PRIMARY KEY,
        sealed bytea NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE own_scopes`);
  }
}
