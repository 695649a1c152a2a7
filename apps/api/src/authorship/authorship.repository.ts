import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The authorship module's own data: `users.anon_salt` (written once when an account is made, by the
 * users repository with a salt from `Authorship.newSalt()`) is read here and nowhere else. Only
 * `Authorship` uses this repository; the module does not export it.
 */
@Injectable()
export class AuthorshipRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async saltOf(userId: string, manager: EntityManager = this.db.manager): Promise<Buffer | null> {
    const rows: { anon_salt: Buffer }[] = await manager.query('SELECT anon_salt FROM users WHERE id = $1', [userId]);
    return rows[0]?.anon_salt ?? null;
  }

  saltsOf(userIds: string[], manager: EntityManager = this.db.manager): Promise<{ id: string; anon_salt: Buffer }[]> {
    return manager.query('SELECT id, anon_salt FROM users WHERE id = ANY($1::uuid[])', [userIds]);
  }

  /** Every account, `limit` at a time in id order after `after`. */
  saltPage(
    after: string,
    limit: number,
    manager: EntityManager = this.db.manager,
  ): Promise<{ id: string; username: string; anon_salt: Buffer }[]> {
    return manager.query('SELECT id, username, anon_salt FROM users WHERE id > $1 ORDER BY id LIMIT $2', [
      after,
      limit,
    ]);
  }

  /** The index entries with these tags (own-scopes.ts). */
  ownScopeEntries(
    tags: Buffer[],
    manager: EntityManager = this.db.manager,
  ): Promise<{ tag: Buffer; sealed: Buffer }[]> {
    return manager.query('SELECT tag, sealed FROM own_scopes WHERE tag = ANY($1::bytea[])', [tags]);
  }

  /** False when the tag is taken (another write took that position first). */
  async insertOwnScope(tag: Buffer, sealed: Buffer, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'INSERT INTO own_scopes (tag, sealed) VALUES ($1, $2) ON CONFLICT (tag) DO NOTHING RETURNING tag',
      [tag, sealed],
    );
    return rows.length > 0;
  }

  async deleteOwnScopes(tags: Buffer[], manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('DELETE FROM own_scopes WHERE tag = ANY($1::bytea[])', [tags]);
  }
}
