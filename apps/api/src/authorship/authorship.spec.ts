import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { authorKey, sameKey } from './author-key.js';
import type { AuthorshipRepository } from './authorship.repository.js';
import { Authorship } from './authorship.service.js';
import { cafeSessionScope, scopeLabel, threadScope } from './scope.js';
import type { Authored } from './viewer.js';

const SECRET = 'test-anon-secret';
const THREAD = '6f1c2f5e-1d6b-4a43-9a55-3c2b2b8f0a01';
const OTHER_THREAD = '6f1c2f5e-1d6b-4a43-9a55-3c2b2b8f0a02';
const SESSION = '0b7d5c1e-8a7a-4f0e-8c3d-2d1e0f9a7b61';

/** The users table as far as the authorship module reads it: ids, usernames and salts, in id order. */
class Salts implements Pick<AuthorshipRepository, 'saltOf' | 'saltsOf' | 'saltPage'> {
  readonly users: { id: string; username: string; anon_salt: Buffer }[] = [];
  pages = 0;
  saltReads = 0;

  add(n: number): { id: string; username: string; anon_salt: Buffer }[] {
    const added = Array.from({ length: n }, () => ({
      id: crypto.randomUUID(),
      username: `u${this.users.length}-${Math.random()}`,
      anon_salt: randomBytes(32),
    }));
    this.users.push(...added);
    this.users.sort((a, b) => (a.id < b.id ? -1 : 1));
    return added;
  }

  async saltOf(userId: string): Promise<Buffer | null> {
    this.saltReads++;
    return this.users.find((u) => u.id === userId)?.anon_salt ?? null;
  }

  async saltsOf(userIds: string[]): Promise<{ id: string; anon_salt: Buffer }[]> {
    return this.users.filter((u) => userIds.includes(u.id));
  }

  async saltPage(after: string, limit: number): Promise<{ id: string; username: string; anon_salt: Buffer }[]> {
    this.pages++;
    return this.users.filter((u) => u.id > after).slice(0, limit);
  }
}

function setup() {
  const salts = new Salts();
  const authorship = new Authorship({ anonSecret: SECRET } as AppConfig, salts as unknown as AuthorshipRepository);
  return { salts, authorship };
}

const hmac = (salt: Buffer, scope: string) => createHmac('sha256', SECRET).update(salt).update(scope, 'utf8').digest();

const anonymous = (hash: Buffer | null, scopeId = THREAD): Authored => ({
  authorKind: 'anonymous',
  authorId: null,
  anonHash: hash,
  scope: threadScope(scopeId),
});
const named = (id: string | null): Authored => ({
  authorKind: 'user',
  authorId: id,
  anonHash: null,
  scope: threadScope(THREAD),
});

describe('authorship', () => {
  describe('author keys', () => {
    it('should be HMAC-SHA256(ANON_SECRET, anon_salt ‖ scope id) for threads and café sessions, as stored so far', () => {
      const salt = randomBytes(32);
      expect(authorKey(SECRET, salt, threadScope(THREAD))).toEqual(hmac(salt, THREAD));
      expect(authorKey(SECRET, salt, cafeSessionScope(SESSION))).toEqual(hmac(salt, SESSION));
      expect(scopeLabel(threadScope(THREAD))).toBe(THREAD);
    });

    it('should give one user unrelated keys in two scopes, and two users unrelated keys in one', () => {
      const [a, b] = [randomBytes(32), randomBytes(32)];
      expect(authorKey(SECRET, a, threadScope(THREAD))).not.toEqual(authorKey(SECRET, a, threadScope(OTHER_THREAD)));
      expect(authorKey(SECRET, a, threadScope(THREAD))).not.toEqual(authorKey(SECRET, b, threadScope(THREAD)));
      expect(authorKey('another secret', a, threadScope(THREAD))).not.toEqual(
        authorKey(SECRET, a, threadScope(THREAD)),
      );
    });

    it('should compare keys only when both are there', () => {
      const key = randomBytes(32);
      expect(sameKey(key, Buffer.from(key))).toBe(true);
      expect(sameKey(key, randomBytes(32))).toBe(false);
      expect(sameKey(key, key.subarray(0, 16))).toBe(false);
      expect(sameKey(null, null)).toBe(false);
      expect(sameKey(key, undefined)).toBe(false);
    });

    it('should make a new 32-byte salt for every account', () => {
      const { authorship } = setup();
      const [a, b] = [authorship.newSalt(), authorship.newSalt()];
      expect(a).toHaveLength(32);
      expect(a.equals(b)).toBe(false);
    });
  });

  describe('the viewer', () => {
    it('should know the user’s own content, named or by their key, and nobody else’s', async () => {
      const { salts, authorship } = setup();
      const [kari, ola] = salts.add(2);
      const viewer = await authorship.viewer(kari.id);
      const karisKey = hmac(kari.anon_salt, THREAD);
      expect(viewer.keyInThread(THREAD)).toEqual(karisKey);
      expect(viewer.wrote(anonymous(karisKey))).toBe(true);
      expect(viewer.wrote(anonymous(karisKey, OTHER_THREAD))).toBe(false);
      expect(viewer.wrote(anonymous(hmac(ola.anon_salt, THREAD)))).toBe(false);
      expect(viewer.wrote(named(kari.id))).toBe(true);
      expect(viewer.wrote(named(ola.id))).toBe(false);
      expect(viewer.wrote({ authorKind: 'guest', authorId: null, anonHash: null, scope: threadScope(THREAD) })).toBe(
        false,
      );
    });

    it('should give a guest, or an account deleted meanwhile, no keys and no content', async () => {
      const { authorship } = setup();
      for (const viewer of [await authorship.viewer(undefined), await authorship.viewer(crypto.randomUUID())]) {
        expect(viewer.keyInThread(THREAD)).toBeNull();
        expect(viewer.keysIn('thread', [THREAD, OTHER_THREAD])).toEqual({ ids: [], hashes: [] });
        expect(viewer.wrote(anonymous(null))).toBe(false);
        expect(viewer.wrote(named(null))).toBe(false);
      }
    });

    it('should list the user’s keys in the candidate scopes, in their order', async () => {
      const { salts, authorship } = setup();
      const [kari] = salts.add(1);
      const keys = authorship.ownKeys(await authorship.viewer(kari.id), 'thread', [THREAD, OTHER_THREAD]);
      expect(keys.ids).toEqual([THREAD, OTHER_THREAD]);
      expect(keys.hashes).toEqual([hmac(kari.anon_salt, THREAD), hmac(kari.anon_salt, OTHER_THREAD)]);
    });

    it('should give a member’s café keys in a session, one per voice, and none to a deleted account', async () => {
      const { salts, authorship } = setup();
      const [kari] = salts.add(1);
      const byName = await authorship.keysInCafe(kari.id, SESSION, 'named');
      const nick = await authorship.keysInCafe(kari.id, SESSION, 'kaffekopp');
      expect(byName!.session).toEqual(hmac(kari.anon_salt, SESSION));
      expect(nick!.session).toEqual(byName!.session);
      expect(byName!.voice).toEqual(hmac(kari.anon_salt, `cafe_voice:${SESSION}/named`));
      expect(nick!.voice).not.toEqual(byName!.voice);
      expect(nick!.voice).not.toEqual(nick!.session);
      expect(await authorship.keysInCafe(crypto.randomUUID(), SESSION, 'named')).toBeNull();
    });
  });

  describe('recipients and same authors', () => {
    it('should address the named author by id, the anonymous one by key, and no one for a guest or a deleted account', () => {
      const { authorship } = setup();
      const key = randomBytes(32);
      expect(authorship.recipientOf(named('a'))).toEqual({ userId: 'a' });
      expect(authorship.recipientOf(named(null))).toBeNull();
      expect(authorship.recipientOf(anonymous(key))).toEqual({ hash: key, scope: threadScope(THREAD) });
      expect(
        authorship.recipientOf({ authorKind: 'guest', authorId: null, anonHash: null, scope: threadScope(THREAD) }),
      ).toBeNull();
    });
  });

  describe('rows keyed to a user', () => {
    it('should keep the rows naming the user and those keyed to them in their scope', async () => {
      const { salts, authorship } = setup();
      const [kari, ola] = salts.add(2);
      const rows = [
        { n: 1, userId: kari.id, hash: null, scope: null },
        { n: 2, userId: ola.id, hash: null, scope: null },
        { n: 3, userId: null, hash: hmac(kari.anon_salt, THREAD), scope: threadScope(THREAD) },
        { n: 4, userId: null, hash: hmac(kari.anon_salt, SESSION), scope: cafeSessionScope(SESSION) },
        { n: 5, userId: null, hash: hmac(kari.anon_salt, THREAD), scope: threadScope(OTHER_THREAD) },
        { n: 6, userId: null, hash: hmac(ola.anon_salt, THREAD), scope: threadScope(THREAD) },
      ];
      const theirs = await authorship.heldBy(kari.id, rows, (r) => r);
      expect(theirs.map((r) => r.n)).toEqual([1, 3, 4]);
    });

    it('should not read the salt when no row is keyed', async () => {
      const { salts, authorship } = setup();
      const [kari] = salts.add(1);
      const rows = [{ userId: kari.id, hash: null, scope: null }];
      expect(await authorship.heldBy(kari.id, rows, (r) => r, {} as EntityManager)).toEqual(rows);
      expect(salts.saltReads).toBe(0);
    });
  });

  describe('finding the account behind a key', () => {
    it('should find the one account whose key it is, across pages of accounts, and no one for an unknown key', async () => {
      const { salts, authorship } = setup();
      const users = salts.add(2_500);
      const target = users[1_234];
      const key = hmac(target.anon_salt, THREAD);
      expect(await authorship.findAccount(key, threadScope(THREAD))).toEqual({
        id: target.id,
        username: target.username,
      });
      salts.pages = 0;
      expect(await authorship.findAccount(randomBytes(32), threadScope(THREAD))).toBeNull();
      expect(salts.pages).toBe(3);
      // The same key in another scope is nobody's.
      expect(await authorship.findAccount(key, threadScope(OTHER_THREAD))).toBeNull();
    });

    it('should pick out, among connected users, the ones holding a key', async () => {
      const { salts, authorship } = setup();
      const [kari, ola, per] = salts.add(3);
      const key = hmac(ola.anon_salt, SESSION);
      expect(await authorship.holdersAmong([kari.id, ola.id, per.id], cafeSessionScope(SESSION), key)).toEqual([
        ola.id,
      ]);
      expect(await authorship.holdersAmong([kari.id, per.id], cafeSessionScope(SESSION), key)).toEqual([]);
      expect(await authorship.holdersAmong([], cafeSessionScope(SESSION), key)).toEqual([]);
    });
  });
});
