import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search looks first in the newest posts (issue 19; docs/decisions/0043): this index finds where
 * they begin by an index-only walk, and gives the planner the time range to AND with the full-text
 * and trigram indexes, so a common word's newest matches cost a bitmap and not every match's row.
 * Not partial: with a partial one the planner ANDs the thread index's whole range instead.
 */
export class SearchNewestWindow1769200000000 implements MigrationInterface {
  name = 'SearchNewestWindow1769200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX posts_newest_idx ON posts (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX posts_newest_idx`);
  }
}
