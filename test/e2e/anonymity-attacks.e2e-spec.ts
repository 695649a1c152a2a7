import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings, sql } from '../support/forum.js';
import { itemFor } from '../support/moderation.js';
import { emitAck, joinRoom, openRoom, uniqueNick } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const shape = (body: Record<string, unknown>) => ({ ...body, id: typeof body.id });
/** A stored row without what must differ (ids, targets, keys, times): null or the type of each value. */
const shapeOf = (r: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(r)
      .filter(([k]) => !['id', 'post_id', 'scope_id', 'subject_hash', 'created_at'].includes(k))
      .map(([k, v]) => [k, v === null ? null : typeof v]),
  );

/**
 * Issue 12, anonymity: requests that combine things to learn who is behind an anonymous post.
 * Each test plays one attack and asserts that the two cases it tries to tell apart look alike.
 */
describe('attacks on anonymity', () => {
  let app: TestApp;
  let slug: string;
  let moderator: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true });
    moderator = await newUser(app, 'moderator');
  });
  afterAll(() => app.stop());
  const count = async () => (await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM own_scopes'))[0].n;

  describe("a sanction by post cannot test the author's rank (12.6)", () => {
    it('should answer a sanction alike whether the hidden author is a member or staff, and apply it only where it may', async () => {
      const member = await newUser(app);
      const staff = await newUser(app, 'moderator');
      const thread = await newThread(await newUser(app), slug);
      const byMember = await reply(member, thread.id, 'anonymt fra et medlem', true);
      const byStaff = await reply(staff, thread.id, 'anonymt fra en moderator', true);
      const admin = await asAdmin(app);
      const before = (await admin.get('/api/me/notifications')).body.items.length;

      const answers = [];
      for (const postId of [byMember.id, byStaff.id]) {
        // A NUL byte used to fail on storing, after the rank check: now it is refused before any lookup.
        const nul = await moderator.post('/api/mod/sanctions', {
          target: { postId },
          kind: 'mute',
          reason: 'grunn\u0000',
        });
        const real = await moderator.post('/api/mod/sanctions', {
          target: { postId },
          kind: 'mute',
          reason: 'Sjikane',
        });
        answers.push({ nul: [nul.status, nul.body.message], real: [real.status, shape(real.body)] });
      }
      expect(answers[0].nul).toEqual([400, expect.any(String)]);
      expect(answers[1]).toEqual({
        nul: answers[0].nul,
        real: [201, { ...(answers[0].real[1] as object), target: { postId: byStaff.id } }],
      });

      // The member is muted; the moderator is not (beyond the issuer's rank), and nothing says so:
      // no notice to anyone, and the sanction rows differ in nothing but their ids and targets.
      expect((await member.post(`/api/threads/${thread.id}/posts`, { body: 'igjen' })).body.code).toBe('muted');
      expect((await staff.post(`/api/threads/${thread.id}/posts`, { body: 'igjen' })).status).toBe(201);
      expect((await admin.get('/api/me/notifications')).body.items.length).toBe(before);
      const rows = await sql<Record<string, unknown>>(
        app,
        'SELECT * FROM sanctions WHERE post_id = ANY($1::uuid[]) ORDER BY created_at',
        [[byMember.id, byStaff.id]],
      );
      expect(shapeOf(rows[1])).toEqual(shapeOf(rows[0]));

      // The moderators' list and the audit log show both alike.
      const listed = (await moderator.get('/api/mod/sanctions')).body.items.slice(0, 2);
      expect(listed.map((s: { active: boolean; kind: string }) => [s.kind, s.active])).toEqual([
        ['mute', true],
        ['mute', true],
      ]);
      const audit = (await moderator.get('/api/mod/audit?action=sanction')).body.items.slice(0, 2);
      expect(Object.keys(audit[0]).sort()).toEqual(Object.keys(audit[1]).sort());
      expect(audit[0].meta).toEqual(audit[1].meta);
    });
  });

  describe("holding does not depend on an anonymous writer's rank (12.9)", () => {
    it("should hold a moderator's and a member's anonymous thread in a pre category alike, for the category alone", async () => {
      const pre = await newCategory(app, { allowAnonymous: true, moderation: 'pre' });
      const member = await newUser(app);
      const ofMember = await newThread(member, pre, { title: 'Fra et medlem', anonymous: true });
      const ofStaff = await newThread(moderator, pre, { title: 'Fra en moderator', anonymous: true });
      expect([ofMember.status, ofStaff.status]).toEqual(['pending', 'pending']);
      const rows = await sql<{ held_reasons: string[] }>(
        app,
        'SELECT held_reasons FROM posts WHERE id = ANY($1::uuid[]) ORDER BY created_at',
        [[ofMember.posts.items[0].id, ofStaff.posts.items[0].id]],
      );
      expect(rows.map((r) => r.held_reasons)).toEqual([['category_pre'], ['category_pre']]);
    });

    it("should never tell the queue that an anonymous post's writer is a new member", async () => {
      await setSettings(app, { newMemberReviewCount: 3 });
      try {
        await new Promise((r) => setTimeout(r, 2100)); // the settings cache
        const pre = await newCategory(app, { allowAnonymous: true, moderation: 'pre' });
        const newcomer = await newUser(app);
        const thread = await newThread(newcomer, pre, { title: 'Første gang', anonymous: true });
        const admin = await asAdmin(app);
        const item = await itemFor(admin, thread.posts.items[0].id);
        expect(item?.reasons).toEqual(['category_pre']);
      } finally {
        await setSettings(app, { newMemberReviewCount: 0 });
      }
    });
  });

  describe('what a dump shows about notifications (12.7)', () => {
    it("should leave a notification for the thread's author's own reply, as for anyone's", async () => {
      const author = await newUser(app);
      const other = await newUser(app);
      const thread = await newThread(author, slug, { title: 'Anonym tråd', anonymous: true });
      await reply(author, thread.id, 'mitt eget svar, med navn');
      await reply(other, thread.id, 'et svar fra en annen');
      const rows = await sql<{ n: number }>(
        app,
        `SELECT count(*)::int AS n FROM notifications WHERE scope_id = $1 AND type = 'reply'`,
        [thread.id],
      );
      expect(rows[0].n).toBe(2);
    });

    it('should give no read time that ties named and anonymous notifications read together', async () => {
      const author = await newUser(app);
      const other = await newUser(app);
      const named = await newThread(author, slug, { title: 'Med navn' });
      const hidden = await newThread(author, slug, { title: 'Uten navn', anonymous: true });
      await reply(other, named.id, 'svar en');
      await reply(other, hidden.id, 'svar to');
      const ids = (await author.get('/api/me/notifications')).body.items.map((n: { id: string }) => n.id);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect((await author.post('/api/me/notifications/read', { ids })).status).toBeLessThan(300);
      const rows = await sql<{ same: boolean; keyed: boolean }>(
        app,
        `SELECT read_at = created_at AS same, recipient_hash IS NOT NULL AS keyed FROM notifications WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows.map((r) => r.same)).toEqual(rows.map(() => true));
      expect(new Set(rows.map((r) => r.keyed))).toEqual(new Set([true, false]));
    });
  });

  describe("one's own anonymous posts through the sealed index (12.4)", () => {
    it('should find them at the cost of their own posts, with one unlinkable row per thread written in', async () => {
      const before = await count();
      const member = await newUser(app);
      expect(await count()).toBe(before + 1); // the new account's index, complete and empty
      const a = await newThread(member, slug, { title: 'Anonym en', anonymous: true });
      const b = await newThread(await newUser(app), slug, { title: 'Andres tråd' });
      await reply(member, b.id, 'anonymt svar', true);
      await reply(member, b.id, 'anonymt igjen, samme tråd', true);
      await reply(member, b.id, 'med navn');
      expect(await count()).toBe(before + 2 + 2); // two accounts, two threads written in anonymously
      const mine = (await member.get('/api/me/posts')).body.items;
      expect(mine.map((p: { anonymous: boolean }) => p.anonymous).sort()).toEqual([false, true, true, true]);
      expect(mine.some((p: { threadId: string }) => p.threadId === a.id)).toBe(true);

      const rows = await sql<{ tag: Buffer; sealed: Buffer }>(app, 'SELECT tag, sealed FROM own_scopes');
      const dumped = rows.map((r) => r.tag.toString('hex') + r.sealed.toString('hex')).join(' ');
      for (const secret of [member.user!.id, a.id, b.id].map((id) => id.replaceAll('-', '')))
        expect(dumped).not.toContain(secret);
      expect(new Set(rows.map((r) => r.tag.toString('hex'))).size).toBe(rows.length);
    });

    it('should find an older account’s posts the slow way once, then keep its index', async () => {
      const member = await newUser(app);
      const thread = await newThread(member, slug, { title: 'Fra før indeksen', anonymous: true });
      await sql(app, 'DELETE FROM own_scopes'); // as for accounts made before the index existed
      const mine = (await member.get('/api/me/posts')).body.items;
      expect(mine.map((p: { threadId: string }) => p.threadId)).toContain(thread.id);
      expect(await count()).toBeGreaterThanOrEqual(2); // the thread and the "complete" mark
      const again = (await member.get('/api/me/posts')).body.items;
      expect(again).toEqual(mine);
    });

    it('should take the index away with the account', async () => {
      const member = await newUser(app);
      await newThread(member, slug, { anonymous: true });
      const before = await count();
      expect((await member.delete('/api/me', { password: member.password! })).status).toBe(204);
      expect(await count()).toBe(before - 2);
    });
  });

  describe('the café: one member, two names (12.10)', () => {
    it('should leave no hash that ties a nickname to the display name used before it, and still sanction by either', async () => {
      const admin = await asAdmin(app);
      const room = await openRoom(admin);
      const member = await newUser(app);
      const named = await joinRoom(app, room, { as: member });
      const first = await emitAck(named.socket, 'message', { room, body: 'med navnet mitt' });
      await emitAck(named.socket, 'leave', { room });
      named.socket.close();
      const nicked = await joinRoom(app, room, { as: member, nickname: uniqueNick('Sky') });
      const second = await emitAck(nicked.socket, 'message', { room, body: 'med kallenavn' });
      nicked.socket.close();
      const rows = await sql<{ author_hash: Buffer }>(
        app,
        'SELECT author_hash FROM cafe_messages WHERE id = ANY($1::uuid[])',
        [[first.message.id, second.message.id]],
      );
      expect(rows).toHaveLength(2);
      expect(rows[0].author_hash.equals(rows[1].author_hash)).toBe(false);
      const sanction = await moderator.post('/api/mod/sanctions', {
        target: { cafeMessageId: second.message.id },
        kind: 'mute',
        reason: 'Tonen i kafeen',
      });
      expect(sanction.status).toBe(201);
      // The mute holds for the account, whichever name it speaks under next.
      const thread = await newThread(await newUser(app), slug);
      const refused = await member.post(`/api/threads/${thread.id}/posts`, { body: 'kan jeg skrive?' });
      expect(refused.body.code).toBe('muted');
    });
  });
});
