import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameSkeleton } from '#libs/content';

const BATCH = 500;

/**
 * Each user's username and display name by their confusable skeleton (Unicode TR39), so a new
 * name that only looks like one in use ("аdmin" with a Cyrillic а, "Kаri Vert" beside the host
 * Kari Vert) is refused. Computed by the app (libs/content names.ts) and filled in here for the
 * accounts that exist.
 */
export class NameSkeletons1768400000200 implements MigrationInterface {
  name = 'NameSkeletons1768400000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN username_skeleton text, ADD COLUMN display_name_skeleton text`);
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
    await db.query(
      `ALTER TABLE users ALTER COLUMN username_skeleton SET NOT NULL, ALTER COLUMN display_name_skeleton SET NOT NULL`,
    );
    await db.query(`CREATE INDEX users_username_skeleton_idx ON users (username_skeleton)`);
    await db.query(`CREATE INDEX users_display_name_skeleton_idx ON users (display_name_skeleton)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN username_skeleton, DROP COLUMN display_name_skeleton`);
  }
}
