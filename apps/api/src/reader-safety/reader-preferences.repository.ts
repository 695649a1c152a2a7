import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface PreferencesRow {
  hide_warnings: string[];
  mute_words: string[];
  collapse_all_warnings: boolean;
}

/** A reader's filters (null where never saved) and whom they ignore. */
export interface LensRow {
  hide_warnings: string[] | null;
  mute_words: string[] | null;
  collapse_all_warnings: boolean | null;
  ignored_user_ids: string[];
  ignored_tags: { thread_id: string; tag: Buffer }[];
  /** The reader's reactions on the posts asked about, as `post id` + space + kind. */
  my_reactions: string[];
}

export interface IgnoredRow {
  id: string;
  username: string | null;
  thread_id: string | null;
  created_at: Date;
}

/** `reader_preferences`, `ignored_users` and `ignored_anonymous`: what each member chose not to see. */
@Injectable()
export class ReaderPreferencesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(userId: string, manager?: EntityManager): Promise<PreferencesRow | null> {
    const rows: PreferencesRow[] = await (manager ?? this.db.manager).query(
      'SELECT hide_warnings, mute_words, collapse_all_warnings FROM reader_preferences WHERE user_id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }

  async save(tx: EntityManager, userId: string, p: PreferencesRow): Promise<void> {
    await tx.query(
      `INSERT INTO reader_preferences (user_id, hide_warnings, mute_words, collapse_all_warnings)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET hide_warnings = EXCLUDED.hide_warnings, mute_words = EXCLUDED.mute_words,
                                           collapse_all_warnings = EXCLUDED.collapse_all_warnings`,
      [userId, p.hide_warnings, p.mute_words, p.collapse_all_warnings],
    );
  }

  /** The accounts the user ignores by name. */
  async ignoredUserIds(userId: string): Promise<string[]> {
    const rows: { ignored_user_id: string }[] = await this.db.query(
      'SELECT ignored_user_id FROM ignored_users WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.ignored_user_id);
  }

  /** Those who ignore `ignoredId` by name (kept from the café messages written under that name). */
  async ignorersOf(ignoredId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      'SELECT user_id FROM ignored_users WHERE ignored_user_id = $1',
      [ignoredId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Whether `userId` ignores `ignoredId` by name. */
  async ignores(userId: string, ignoredId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.db.manager).query(
      'SELECT 1 FROM ignored_users WHERE user_id = $1 AND ignored_user_id = $2',
      [userId, ignoredId],
    );
    return rows.length > 0;
  }

  /**
   * Everything the reader chose not to see, in one statement: the filters, the accounts ignored by
   * name, and the tags of the anonymous authors ignored in these threads; with it, the reader's own
   * reactions on these posts.
   */
  async lensOf(userId: string, threadIds: string[], postIds: string[] = []): Promise<LensRow> {
    const [row]: (Omit<LensRow, 'ignored_tags'> & { ignored_tags: { thread_id: string; tag: string }[] })[] =
      await this.db.query(
        `SELECT p.hide_warnings, p.mute_words, p.collapse_all_warnings,
                ARRAY(SELECT ignored_user_id FROM ignored_users WHERE user_id = $1) AS ignored_user_ids,
                COALESCE((SELECT json_agg(json_build_object('thread_id', thread_id, 'tag', encode(tag, 'hex')))
                          FROM ignored_anonymous WHERE user_id = $1 AND thread_id = ANY($2::uuid[])), '[]'::json)
                  AS ignored_tags,
                ARRAY(SELECT post_id || ' ' || kind FROM reactions WHERE user_id = $1 AND post_id = ANY($3::uuid[]))
                  AS my_reactions
         FROM (SELECT 1) AS one LEFT JOIN reader_preferences p ON p.user_id = $1`,
        [userId, threadIds, postIds],
      );
    return {
      ...row,
      ignored_tags: row.ignored_tags.map((t) => ({ thread_id: t.thread_id, tag: Buffer.from(t.tag, 'hex') })),
    };
  }

  /** Ignores an account by name; the entry (the one there already, if any). */
  async ignoreUser(tx: EntityManager, userId: string, ignoredId: string): Promise<IgnoredRow> {
    await tx.query(
      `INSERT INTO ignored_users (user_id, ignored_user_id) VALUES ($1, $2) ON CONFLICT (user_id, ignored_user_id) DO NOTHING`,
      [userId, ignoredId],
    );
    const rows: IgnoredRow[] = await tx.query(
      `SELECT i.id, u.username, NULL::uuid AS thread_id, i.created_at FROM ignored_users i
       JOIN users u ON u.id = i.ignored_user_id WHERE i.user_id = $1 AND i.ignored_user_id = $2`,
      [userId, ignoredId],
    );
    return rows[0];
  }

  /** Ignores an anonymous author in one thread, by the ignorer's tag of them; the entry. */
  async ignoreAnonymous(tx: EntityManager, userId: string, threadId: string, tag: Buffer): Promise<IgnoredRow> {
    await tx.query(
      `INSERT INTO ignored_anonymous (user_id, thread_id, tag) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id, tag) DO NOTHING`,
      [userId, threadId, tag],
    );
    const rows: IgnoredRow[] = await tx.query(
      `SELECT id, NULL::text AS username, thread_id, created_at FROM ignored_anonymous
       WHERE user_id = $1 AND thread_id = $2 AND tag = $3`,
      [userId, threadId, tag],
    );
    return rows[0];
  }

  /** Everyone and everything the user ignores, newest first; a thread's title while `visibilities` may read it. */
  list(userId: string, visibilities: string[] = []): Promise<(IgnoredRow & { thread_title: string | null })[]> {
    return this.db.query(
      `SELECT i.id, u.username, NULL::uuid AS thread_id, NULL::text AS thread_title, i.created_at FROM ignored_users i
       JOIN users u ON u.id = i.ignored_user_id WHERE i.user_id = $1
       UNION ALL
       SELECT a.id, NULL::text, a.thread_id, CASE WHEN c.visibility = ANY($2::text[]) THEN t.title END, a.created_at
       FROM ignored_anonymous a JOIN threads t ON t.id = a.thread_id JOIN categories c ON c.id = t.category_id
       WHERE a.user_id = $1
       ORDER BY created_at DESC, id`,
      [userId, visibilities],
    );
  }

  /** Stops ignoring; whether the entry was the user's. */
  async unignore(tx: EntityManager, userId: string, id: string): Promise<boolean> {
    const [, named]: [unknown, number] = await tx.query('DELETE FROM ignored_users WHERE id = $1 AND user_id = $2', [
      id,
      userId,
    ]);
    const [, anonymous]: [unknown, number] = await tx.query(
      'DELETE FROM ignored_anonymous WHERE id = $1 AND user_id = $2',
      [id, userId],
    );
    return named + anonymous > 0;
  }

  /** For the user's export: their filters and whom they ignore (an anonymous author as its thread only). */
  async exportFor(userId: string): Promise<{ preferences: PreferencesRow | null; ignored: IgnoredRow[] }> {
    return { preferences: await this.get(userId), ignored: await this.list(userId) };
  }
}
