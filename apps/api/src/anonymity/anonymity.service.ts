import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { authorKey } from '../common/author-key.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** What authorship of a piece of content looks like in a row. */
export interface Authored {
  authorKind: 'user' | 'anonymous' | 'guest';
  authorId: string | null;
  anonHash: Buffer | null;
  /** The scope of the keyed hash: the thread id for forum content. */
  scope: string;
}

/**
 * The one place that links anonymous content to accounts (docs/decisions/0004-anonymity-keyed-hash.md):
 * a user's key in a scope is HMAC-SHA256(ANON_SECRET, anon_salt ‖ scope). ANON_SECRET never enters
 * the database and anon_salt never leaves the users row, so neither a dump alone nor the secret after
 * an account is deleted can link anything.
 */
@Injectable()
export class AnonymityService {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.secret = config.anonSecret;
  }

  keyFor(salt: Buffer, scope: string): Buffer {
    return authorKey(this.secret, salt, scope);
  }

  async saltOf(userId: string, manager: EntityManager = this.db.manager): Promise<Buffer | null> {
    const rows: { anon_salt: Buffer }[] = await manager.query('SELECT anon_salt FROM users WHERE id = $1', [userId]);
    return rows[0]?.anon_salt ?? null;
  }

  /** The asking user's authorship checker for this request (no one, for a guest). */
  async viewer(userId: string | undefined, manager: EntityManager = this.db.manager): Promise<Viewer> {
    const salt = userId ? await this.saltOf(userId, manager) : null;
    return new Viewer(this, userId, salt);
  }

  /**
   * The user's keys in every thread that holds anonymous content: the only way to find their
   * anonymous posts. Computed in memory, a few microseconds a thread.
   */
  async keysInAnonymousThreads(
    viewer: Viewer,
    manager: EntityManager = this.db.manager,
  ): Promise<{ threadIds: string[]; hashes: Buffer[] }> {
    if (!viewer.userId) return { threadIds: [], hashes: [] };
    const rows: { id: string }[] = await manager.query('SELECT id FROM threads WHERE anonymous_aliases > 0');
    const threadIds = rows.map((r) => r.id);
    return { threadIds, hashes: threadIds.map((id) => viewer.keyIn(id)!) };
  }

  /**
   * Finds the account whose key in `scope` is `hash` by recomputing every user's key in memory
   * (for an audited reveal, or to end a banned author's sessions). Stores nothing.
   */
  async findAccount(
    hash: Buffer,
    scope: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ id: string; username: string } | null> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; username: string; anon_salt: Buffer }[] = await manager.query(
        'SELECT id, username, anon_salt FROM users WHERE id > $1 ORDER BY id LIMIT 1000',
        [after],
      );
      for (const row of rows)
        if (sameKey(this.keyFor(row.anon_salt, scope), hash)) return { id: row.id, username: row.username };
      if (rows.length < 1000) return null;
      after = rows[rows.length - 1].id;
    }
  }
}

export function sameKey(a: Buffer | null | undefined, b: Buffer | null | undefined): boolean {
  return !!a && !!b && a.length === b.length && timingSafeEqual(a, b);
}

/** Answers "did the asking user write this?" for one request, computing keys per thread once. */
export class Viewer {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly anonymity: AnonymityService,
    readonly userId: string | undefined,
    private readonly salt: Buffer | null,
  ) {}

  /** The user's key in a scope, or null for a guest. */
  keyIn(scope: string): Buffer | null {
    if (!this.salt) return null;
    let key = this.keys.get(scope);
    if (!key) {
      key = this.anonymity.keyFor(this.salt, scope);
      this.keys.set(scope, key);
    }
    return key;
  }

  wrote(content: Authored): boolean {
    if (!this.userId) return false;
    if (content.authorKind === 'user') return content.authorId === this.userId;
    if (content.authorKind === 'anonymous') return sameKey(this.keyIn(content.scope), content.anonHash);
    return false;
  }
}
