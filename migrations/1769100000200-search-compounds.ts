import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Norwegian compounds in search (issue 21, item 8; docs/decisions/0017): "innleggelse" finds
 * "tvangsinnleggelse". Beside the stemmed full-text match, a search also matches its words inside
 * longer words (LIKE '%word%'), and pg_trgm's GIN index keeps that from reading every post.
 * pg_trgm is a trusted extension (PostgreSQL 13 and later) and is loaded into the embedded PGlite.
 */
export class SearchCompounds1769100000200 implements MigrationInterface {
  name = 'SearchCompounds1769100000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(
      `CREATE INDEX posts_body_text_trgm_idx ON posts USING gin (lower(body_text) gin_trgm_ops) WHERE status = 'published'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX posts_body_text_trgm_idx`);
  }
}
