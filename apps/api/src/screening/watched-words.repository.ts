import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { WatchedAction } from '#libs/screening';
import type { WatchedWordRow } from './dto/watched-word.dto.js';

/** The `watched_words` table. */
@Injectable()
export class WatchedWordsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The whole list, in the order it was made (screening compiles it). */
  all(): Promise<{ id: string; pattern: string; action: WatchedAction }[]> {
    return this.db.query('SELECT id, pattern, action FROM watched_words ORDER BY created_at, id');
  }

  /** Alphabetically by code point (COLLATE "C"), so paging is the same whatever the database's locale. */
  page(after: [string, string] | null, limit: number): Promise<WatchedWordRow[]> {
    return this.db.query(
      `SELECT id, pattern, action, created_at FROM watched_words
       WHERE $1::text IS NULL OR (pattern COLLATE "C", id) > ($1::text COLLATE "C", $2::uuid)
       ORDER BY pattern COLLATE "C", id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async count(tx: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await tx.query('SELECT count(*)::int AS count FROM watched_words');
    return count;
  }

  /** Null when the pattern is on the list already. */
  async insert(
    tx: EntityManager,
    w: { pattern: string; action: WatchedAction; createdBy: string },
  ): Promise<WatchedWordRow | null> {
    const rows: WatchedWordRow[] = await tx.query(
      `INSERT INTO watched_words (pattern, action, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (pattern) DO NOTHING
       RETURNING id, pattern, action, created_at`,
      [w.pattern, w.action, w.createdBy],
    );
    return rows[0] ?? null;
  }

  /** The removed word, or null when there was none. */
  async delete(tx: EntityManager, id: string): Promise<WatchedWordRow | null> {
    const [rows]: [WatchedWordRow[], number] = await tx.query(
      'DELETE FROM watched_words WHERE id = $1 RETURNING id, pattern, action, created_at',
      [id],
    );
    return rows[0] ?? null;
  }
}
