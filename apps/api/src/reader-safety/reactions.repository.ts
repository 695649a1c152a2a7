import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReactionKind } from '#libs/contracts';

/** The `reactions` table: who reacted how to which post, and nothing else (no time, no order). */
@Injectable()
export class ReactionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** How many of each kind these posts have. */
  counts(postIds: string[], manager?: EntityManager): Promise<{ post_id: string; kind: ReactionKind; n: number }[]> {
    if (postIds.length === 0) return Promise.resolve([]);
    return (manager ?? this.db.manager).query(
      'SELECT post_id, kind, count(*)::int AS n FROM reactions WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, kind',
      [postIds],
    );
  }

  /** The counts of each kind on these posts, and whether `userId` (if any) gave it: one statement. */
  countsAndMine(
    userId: string | undefined,
    postIds: string[],
  ): Promise<{ post_id: string; kind: ReactionKind; n: number; mine: boolean }[]> {
    if (postIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT post_id, kind, count(*)::int AS n, COALESCE(bool_or(user_id = $2::uuid), false) AS mine
       FROM reactions WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, kind`,
      [postIds, userId ?? null],
    );
  }

  /** Whether it was new. */
  async add(tx: EntityManager, postId: string, userId: string, kind: ReactionKind): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO reactions (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [postId, userId, kind],
    );
    return rows.length > 0;
  }

  async remove(tx: EntityManager, postId: string, userId: string, kind: ReactionKind): Promise<void> {
    await tx.query('DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3', [postId, userId, kind]);
  }

  /** For the user's export: the posts they reacted to and how. */
  exportFor(userId: string): Promise<{ postId: string; kind: ReactionKind }[]> {
    return this.db.query('SELECT post_id AS "postId", kind FROM reactions WHERE user_id = $1 ORDER BY post_id, kind', [
      userId,
    ]);
  }
}
