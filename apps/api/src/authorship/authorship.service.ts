import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { authorKey, sameKey } from './author-key.js';
import { cafeSessionScope, cafeVoiceScope, NAMED_VOICE, type Scope, type ScopeKind } from './scope.js';
import { AuthorshipRepository } from './authorship.repository.js';
import { indexKey, seal, tagAt, unseal, type IndexEntry } from './own-scopes.js';
import { Viewer, type Authored, type ScopedKeys } from './viewer.js';

/** Whom a notification about content goes to: an account by id (named content), or the author behind anonymous content by their key. */
export type Recipient = { userId: string } | { hash: Buffer; scope: Scope };

/** A row that names a user by id, or by their key in a scope (a sanction, say). */
export interface Keyed {
  userId: string | null;
  hash: Buffer | null;
  scope: Scope | null;
}

const PAGE = 1000;
const SALT_FRESH_MS = 60_000;
const SALTS_HELD = 10_000;

/**
 * The one place that links content to the person who wrote it (docs/decisions/0004): a user's key
 * in a scope is HMAC-SHA256(ANON_SECRET, anon_salt ‖ scope). ANON_SECRET never enters the
 * database and anon_salt never leaves this module, so neither a dump alone nor the secret after an
 * account is deleted can link anything. Every author key in the app is computed or compared here
 * (by this service or the `Viewer` it builds): posts, café, notifications, standing, export, reveal.
 */
@Injectable()
export class Authorship {
  private readonly secret: string;
  /** Salts are written once with the account, so a read outside a transaction may reuse one for a minute. */
  private readonly salts = new Map<string, { at: number; salt: Buffer | null }>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: AuthorshipRepository,
  ) {
    this.secret = config.anonSecret;
  }

  /** A new account's salt: stored in its users row, never shown, gone with the account. */
  newSalt(): Buffer {
    return randomBytes(32);
  }

  /** The asking user's authorship checker for this request (no one, for a guest). */
  async viewer(userId: string | undefined, manager?: EntityManager): Promise<Viewer> {
    if (!userId) return new Viewer(this.secret, undefined, null);
    if (manager) return new Viewer(this.secret, userId, await this.repo.saltOf(userId, manager));
    const held = this.salts.get(userId);
    if (held && Date.now() - held.at < SALT_FRESH_MS) return new Viewer(this.secret, userId, held.salt);
    const salt = await this.repo.saltOf(userId);
    if (this.salts.size >= SALTS_HELD) this.salts.clear();
    if (salt) this.salts.set(userId, { at: Date.now(), salt });
    return new Viewer(this.secret, userId, salt);
  }

  /** The account is gone: its salt must not outlive it here either. */
  forgetSalt(userId: string): void {
    this.salts.delete(userId);
  }

  /**
   * A member's keys in one café session: the session's (host restrictions, sanctions) and the
   * voice's (their messages under that name). Null for no account.
   */
  async keysInCafe(
    userId: string,
    sessionId: string,
    voice: string,
  ): Promise<{ session: Buffer; voice: Buffer } | null> {
    const viewer = await this.viewer(userId);
    const session = viewer.keyIn(cafeSessionScope(sessionId));
    const ofVoice = viewer.keyIn(cafeVoiceScope(sessionId, voice));
    return session && ofVoice ? { session, voice: ofVoice } : null;
  }

  /**
   * The viewer's keys in the scopes where they may have written anonymously: the only way to find
   * their own anonymous content. The caller names the candidates (from the sealed index, or every
   * thread that holds anonymous content while the index is not complete) and the keys are computed
   * in memory.
   */
  ownKeys(viewer: Viewer, kind: ScopeKind, candidates: string[]): ScopedKeys {
    return viewer.keysIn(kind, candidates);
  }

  /** The viewer's keys in each of these café voices, paired with their session ids (their messages' keys). */
  ownCafeKeys(viewer: Viewer, sessions: { sessionId: string; voices: string[] }[]): ScopedKeys {
    const keys: ScopedKeys = { ids: [], hashes: [] };
    for (const { sessionId, voices } of sessions)
      for (const voice of voices) {
        const key = viewer.keyIn(cafeVoiceScope(sessionId, voice));
        if (!key) continue;
        keys.ids.push(sessionId);
        keys.hashes.push(key);
      }
    return keys;
  }

  /**
   * Where the viewer wrote anonymously, from their sealed index (decision 0026): the scope ids of
   * `kind`, and whether the index is known to hold all of them (written for every new account;
   * for an older one once `completeOwnScopes` has run).
   */
  async ownScopes(
    viewer: Viewer,
    kind: ScopeKind,
    manager?: EntityManager,
  ): Promise<{ ids: string[]; complete: boolean; next: number }> {
    const key = viewer.ownIndexKey();
    if (!key) return { ids: [], complete: true, next: 0 };
    const ids = new Set<string>();
    let complete = false;
    for (let position = 0, batch = 16; ; position += batch, batch *= 2) {
      const tags = Array.from({ length: batch }, (_, i) => tagAt(key, position + i));
      const found = new Map(
        (await this.repo.ownScopeEntries(tags, manager)).map((r) => [r.tag.toString('hex'), r.sealed]),
      );
      for (const [i, tag] of tags.entries()) {
        const sealed = found.get(tag.toString('hex'));
        if (!sealed) return { ids: [...ids], complete, next: position + i };
        const entry = unseal(key, sealed);
        if (entry && 'scope' in entry && entry.scope.kind === kind) ids.add(entry.scope.id);
        if (entry && 'complete' in entry && entry.complete === kind) complete = true;
      }
    }
  }

  /** The viewer wrote anonymously in `scope`: into their index, unless it is there already. */
  async remember(viewer: Viewer, scope: Scope, manager?: EntityManager): Promise<void> {
    const key = viewer.ownIndexKey();
    if (!key) return;
    const { ids, next } = await this.ownScopes(viewer, scope.kind, manager);
    if (!ids.includes(scope.id)) await this.append(key, next, { scope }, manager);
  }

  /** Adds what an older account's index lacks (found the slow way, once) and marks it complete for `kind`. */
  async completeOwnScopes(viewer: Viewer, kind: ScopeKind, ids: string[], manager?: EntityManager): Promise<void> {
    const key = viewer.ownIndexKey();
    if (!key) return;
    const known = await this.ownScopes(viewer, kind, manager);
    let next = known.next;
    for (const id of ids.filter((i) => !known.ids.includes(i)))
      next = (await this.append(key, next, { scope: { kind, id } }, manager)) + 1;
    if (!known.complete) await this.append(key, next, { complete: kind }, manager);
  }

  /** A new account's index: complete (and empty) for forum threads from the start. */
  async startOwnIndex(salt: Buffer, manager?: EntityManager): Promise<void> {
    await this.append(indexKey(this.secret, salt), 0, { complete: 'thread' }, manager);
  }

  /** Before an account is deleted: its index goes first (afterwards nothing could find it). */
  async forgetOwnScopes(viewer: Viewer, manager?: EntityManager): Promise<void> {
    const key = viewer.ownIndexKey();
    if (!key) return;
    const { next } = await this.ownScopes(viewer, 'thread', manager);
    const tags = Array.from({ length: next }, (_, i) => tagAt(key, i));
    if (tags.length > 0) await this.repo.deleteOwnScopes(tags, manager);
  }

  /** Writes the entry at the first free position from `from`; returns the position. */
  private async append(key: Buffer, from: number, entry: IndexEntry, manager?: EntityManager): Promise<number> {
    for (let position = from; ; position++)
      if (await this.repo.insertOwnScope(tagAt(key, position), seal(key, entry), manager)) return position;
  }

  /** Whom to tell about a piece of content: its named author, the author behind its key, or no one (a guest, a deleted account). */
  recipientOf(content: Authored): Recipient | null {
    if (content.authorKind === 'user') return content.authorId ? { userId: content.authorId } : null;
    if (content.authorKind === 'anonymous' && content.anonHash) return { hash: content.anonHash, scope: content.scope };
    return null;
  }

  /** The rows that are the user's: named by their id, or keyed to them (the salt is read only when a row is keyed). */
  async heldBy<T>(userId: string, rows: T[], keyed: (row: T) => Keyed, manager?: EntityManager): Promise<T[]> {
    const viewer = rows.some((r) => keyed(r).hash) ? await this.viewer(userId, manager) : null;
    return rows.filter((row) => {
      const k = keyed(row);
      return k.userId === userId || (viewer !== null && k.scope !== null && viewer.holds(k.scope, k.hash));
    });
  }

  /**
   * The keys these members' café messages carry under their display name in one session (the named
   * voice): what a reader who ignores them by name does not see in its history (issue 18).
   */
  async namedCafeKeys(userIds: string[], sessionId: string): Promise<Buffer[]> {
    if (userIds.length === 0) return [];
    const scope = cafeVoiceScope(sessionId, NAMED_VOICE);
    return (await this.repo.saltsOf(userIds)).map((r) => authorKey(this.secret, r.anon_salt, scope));
  }

  /** Among these users, the ones whose key in `scope` is `hash` (a live notification to an anonymous author). */
  async holdersAmong(userIds: string[], scope: Scope, hash: Buffer): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.repo.saltsOf(userIds);
    return rows.filter((r) => sameKey(authorKey(this.secret, r.anon_salt, scope), hash)).map((r) => r.id);
  }

  /**
   * Finds the account whose key in `scope` (or in one of `scopes`) is `hash` by recomputing every
   * user's key in memory (for an audited reveal, or to act on a sanctioned author). Stores nothing.
   */
  async findAccount(
    hash: Buffer,
    scope: Scope | Scope[],
    manager?: EntityManager,
  ): Promise<{ id: string; username: string } | null> {
    const scopes = Array.isArray(scope) ? scope : [scope];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.repo.saltPage(after, PAGE, manager);
      for (const row of rows)
        if (scopes.some((s) => sameKey(authorKey(this.secret, row.anon_salt, s), hash)))
          return { id: row.id, username: row.username };
      if (rows.length < PAGE) return null;
      after = rows[rows.length - 1].id;
    }
  }
}
