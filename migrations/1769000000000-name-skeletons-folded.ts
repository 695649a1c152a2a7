import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameSkeleton } from '#libs/content';

const BATCH = 500;

/**
 * The name skeleton now also folds NFKC forms and takes accents off (decision 0039, one name rule):
 * the skeletons of the accounts that exist are computed again with it.
 */
export class NameSkeletonsFolded1769000000000 implements MigrationInterface {
  name = 'NameSkeletonsFolded1769000000000';

  async up(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const users: { id: string; username: string; display_name: string }[] = await db.query(
        `SELECT id, username, display_name FROM users WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (users.length === 0) break;
      await db.query(
        `UPDATE users SET username_skeleton = s.username, display_name_skeleton = s.display_name
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, username, display_name)
         WHERE users.id = s.id`,
        [
          users.map((u) => u.id),
          users.map((u) => nameSkeleton(u.username)),
          users.map((u) => nameSkeleton(u.display_name)),
        ],
      );
      after = users[users.length - 1].id;
    }
  }

  async down(): Promise<void> {
    // The older skeletons are not kept; the new ones only find more names alike.
  }
}
