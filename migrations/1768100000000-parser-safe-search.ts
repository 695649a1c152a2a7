import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchableText } from '#libs/content';

const BATCH = 500;

/**
 * Every post's search vector made again from parser-safe text (searchableText): PostgreSQL's
 * parser is quadratic on runs such as `_a_a_a…`, and one such post cost seconds to index and to
 * headline. New and edited posts are indexed this way by the app; this does the ones written
 * before. In batches by id, so no statement runs long.
 */
export class ParserSafeSearch1768100000000 implements MigrationInterface {
  name = 'ParserSafeSearch1768100000000';

  async up(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const posts: { id: string; title: string; body_text: string }[] = await db.query(
        `SELECT p.id, CASE WHEN p.is_opening THEN t.title ELSE '' END AS title, p.body_text
         FROM posts p JOIN threads t ON t.id = p.thread_id
         WHERE p.id > $1 AND p.status <> 'deleted'
         ORDER BY p.id LIMIT ${BATCH}`,
        [after],
      );
      if (posts.length === 0) return;
      await db.query(
        `UPDATE posts SET search = setweight(to_tsvector('norwegian', safe.title), 'A')
                                || setweight(to_tsvector('norwegian', safe.body), 'B')
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS safe(id, title, body)
         WHERE posts.id = safe.id`,
        [
          posts.map((p) => p.id),
          posts.map((p) => searchableText(p.title)),
          posts.map((p) => searchableText(p.body_text)),
        ],
      );
      after = posts[posts.length - 1].id;
    }
  }

  async down(): Promise<void> {
    // The old vectors were made from the same words; there is nothing to restore.
  }
}
