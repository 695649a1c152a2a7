import { newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, review, setSettings } from '../support/forum.js';
import { asText, dump } from '../support/sql.js';
import { emitAck, openRoom, silence, SocketPool, uniqueNick, waitFor } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { asAdmin } from '../support/factories.js';

/**
 * Ignoring (issue 18, docs/API.md "Reader safety"; decision 0027). By name: that account's named
 * posts fold everywhere, its café messages under its display name are kept away, and its named
 * replies notify no more. By an anonymous post: that author's anonymous posts fold in that thread
 * only. Nothing wider, because the ignorer would then learn which posts, nicknames or missing
 * notices belong to one person; and a dump links nothing either.
 */

type Post = { id: string; author: { kind: string; alias?: string }; collapsed?: { reason: string } };

const posts = async (c: TestClient, threadId: string): Promise<Post[]> =>
  must(await c.get(`/api/threads/${threadId}/posts?limit=100`), 200).body.items;
const folded = async (c: TestClient, threadId: string) =>
  (await posts(c, threadId)).filter((p) => p.collapsed).map((p) => p.id);

const replyNotices = async (c: TestClient) =>
  (await c.get('/api/me/notifications?limit=100')).body.items.filter((n: { type: string }) => n.type === 'reply')
    .length;

describe('ignoring', () => {
  let app: TestApp;
  let slug: string;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true, allowGuests: true });
  });
  afterAll(() => app.stop());

  describe('by username', () => {
    let u: TestClient;
    let x: TestClient;
    let w: TestClient;
    let t1: string;
    let t2: string;
    let xNamed: string[];
    let xAnonymous: string;
    beforeAll(async () => {
      [u, x, w] = await Promise.all([newUser(app), newUser(app), newUser(app)]);
      t1 = (await newThread(u, slug, { title: 'Us tråd' })).id;
      t2 = (await newThread(w, slug, { title: 'Ws tråd' })).id;
      xNamed = [(await reply(x, t1, 'X med navn i T1')).id, (await reply(x, t2, 'X med navn i T2')).id];
      xAnonymous = (await reply(x, t2, 'X anonymt i T2', true)).id;
    });

    it('should fold their named posts everywhere and only those: never their anonymous ones', async () => {
      const res = await u.post('/api/me/ignored', { username: x.user!.username.toUpperCase() });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), username: x.user!.username, createdAt: expect.any(String) });
      expect(await folded(u, t1)).toEqual([xNamed[0]]);
      expect(await folded(u, t2)).toEqual([xNamed[1]]);
      expect((await posts(u, t2)).find((p) => p.id === xAnonymous)!.collapsed).toBeUndefined();
      expect((await posts(u, t1)).find((p) => p.id === xNamed[0])!.collapsed).toEqual({ reason: 'ignored' });
      // twice is once
      expect((await u.post('/api/me/ignored', { username: x.user!.username })).body.id).toBe(res.body.id);
      expect((await u.get('/api/me/ignored')).body).toEqual([res.body]);
    });

    it('should tell the ignored person nothing, and change nothing they or others see', async () => {
      const before = (await x.get('/api/me/notifications')).text;
      expect(await folded(x, t1)).toEqual([]);
      expect(await folded(w, t1)).toEqual([]);
      expect((await x.get('/api/me/ignored')).body).toEqual([]);
      expect((await x.get('/api/me/notifications')).text).toBe(before);
      expect((await x.get('/api/me/export')).text).not.toContain(u.user!.username);
    });

    it('should stop notices of their named replies, and not of anonymous ones (whose absence would point at them)', async () => {
      const before = await replyNotices(u);
      await reply(x, t1, 'Enda et svar med navn');
      expect(await replyNotices(u)).toBe(before);
      await reply(x, t1, 'Og et anonymt', true);
      expect(await replyNotices(u)).toBe(before + 1);
      await reply(w, t1, 'W svarer');
      expect(await replyNotices(u)).toBe(before + 2);
    });

    it('should be undone from the list', async () => {
      const [entry] = (await u.get('/api/me/ignored')).body;
      expect((await w.delete(`/api/me/ignored/${entry.id}`)).status).toBe(404);
      expect((await u.delete(`/api/me/ignored/${entry.id}`)).status).toBe(204);
      expect(await folded(u, t1)).toEqual([]);
      expect((await u.get('/api/me/ignored')).body).toEqual([]);
      expect((await u.delete(`/api/me/ignored/${entry.id}`)).status).toBe(404);
    });
  });

  describe('by an anonymous post', () => {
    let u: TestClient;
    let a: TestClient;
    let w: TestClient;
    let t1: string;
    let t2: string;
    let aAnon: string[];
    let aNamedInT1: string;
    let aAnonInT2: string;
    let entryId: string;
    beforeAll(async () => {
      [u, a, w] = await Promise.all([newUser(app), newUser(app), newUser(app)]);
      const opener = await newUser(app);
      t1 = (await newThread(opener, slug, { title: 'Tråd én' })).id;
      t2 = (await newThread(opener, slug, { title: 'Tråd to' })).id;
      aAnon = [(await reply(a, t1, 'A anonymt 1', true)).id];
      aNamedInT1 = (await reply(a, t1, 'A med navn')).id;
      await reply(w, t1, 'W anonymt', true);
      aAnon.push((await reply(a, t1, 'A anonymt 2', true)).id);
      aAnonInT2 = (await reply(a, t2, 'A anonymt i T2', true)).id;
    });

    it('should fold that author’s anonymous posts in that thread only, naming no one', async () => {
      const res = await u.post('/api/me/ignored', { postId: aAnon[0] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        threadId: t1,
        threadTitle: 'Tråd én',
        createdAt: expect.any(String),
      });
      entryId = res.body.id;
      expect((await u.get('/api/me/ignored')).body).toEqual([res.body]);
      // later anonymous posts of theirs in that thread fold too
      aAnon.push((await reply(a, t1, 'A anonymt 3', true)).id);
      expect(await folded(u, t1)).toEqual(aAnon);
      expect(await folded(u, t2)).toEqual([]);
      expect((await posts(u, t1)).find((p) => p.id === aNamedInT1)!.collapsed).toBeUndefined();
    });

    it('should let the ignorer learn nothing about the author’s other threads: their view equals anyone’s', async () => {
      expect(JSON.stringify(await posts(u, t2))).toBe(JSON.stringify(await posts(w, t2)));
      const ignorerList = (await u.get(`/api/categories/${slug}/threads?limit=100`)).text;
      expect(ignorerList).toBe((await w.get(`/api/categories/${slug}/threads?limit=100`)).text);
      // ignoring the author's named post in the same thread is ignoring the account, a separate entry
      expect(JSON.stringify(await u.get('/api/me/ignored'))).not.toContain(a.user!.username);
      expect((await posts(u, t2)).find((p) => p.id === aAnonInT2)!.collapsed).toBeUndefined();
    });

    it('should leave nothing in a dump that links the author, or ties the entry to their posts', async () => {
      const db = await dump(app);
      const aIds = [...aAnon, aAnonInT2];
      const hashes = db.posts.filter((p) => aIds.includes(p.id as string)).map((p) => asText(p.anon_hash));
      expect(hashes.length).toBe(aIds.length);
      const [entry] = db.ignored_anonymous.filter((r) => r.id === entryId);
      expect(entry).toMatchObject({ user_id: u.user!.id, thread_id: t1 });
      const tag = asText(entry.tag);
      for (const [table, rows] of Object.entries(db)) {
        for (const row of rows) {
          const text = asText(row);
          const linksA = [a.user!.id, a.user!.username].some((s) => text.includes(s));
          const namesAnon = aIds.some((id) => text.includes(id)) || hashes.some((h) => text.includes(h.slice(1, -1)));
          expect({ table, linked: linksA && namesAnon }).toEqual({ table, linked: false });
          // the tag appears nowhere but in its own row, and matches no post's hash
          if (table !== 'ignored_anonymous')
            expect({ table, tag: text.includes(tag.slice(1, -1)) }).toEqual({ table, tag: false });
        }
      }
      expect(hashes).not.toContain(tag);
      const entryText = asText(entry);
      for (const id of aIds) expect(entryText).not.toContain(id);
    });

    it('should be undone, and refuse what it cannot ignore', async () => {
      expect((await u.delete(`/api/me/ignored/${entryId}`)).status).toBe(204);
      expect(await folded(u, t1)).toEqual([]);

      const own = await u.post('/api/me/ignored', { postId: (await reply(u, t1, 'mitt eget', true)).id });
      expect(own.status).toBe(409);
      expect(own.body.code).toBe('ignore_self');
      const guestPost = must(await app.client().post(`/api/threads/${t1}/posts`, { body: 'fra en gjest' }), 201);
      await review(app, guestPost.body.id, 'approve');
      const guest = await u.post('/api/me/ignored', { postId: guestPost.body.id });
      expect(guest.status).toBe(409);
      expect(guest.body.code).toBe('nobody_to_ignore');
      expect((await u.post('/api/me/ignored', { username: u.user!.username })).status).toBe(409);
      expect((await u.post('/api/me/ignored', { username: 'ingen_slik_bruker' })).status).toBe(404);
      expect((await u.post('/api/me/ignored', {})).status).toBe(400);
      expect((await u.post('/api/me/ignored', { username: a.user!.username, postId: aAnon[0] })).status).toBe(400);
      expect((await u.post('/api/me/ignored', { postId: 'ikke-en-id' })).status).toBe(400);
      expect((await app.client().post('/api/me/ignored', { postId: aAnon[0] })).status).toBe(401);
      const closed = await newCategory(app, { visibility: 'closed' });
      const panel = await newUser(app, 'panel');
      const inside = (await newThread(panel, closed)).posts.items[0].id;
      expect((await u.post('/api/me/ignored', { postId: inside })).status).toBe(404);
      expect((await u.get('/api/me/ignored')).body).toEqual([]);
    });
  });

  describe('in the café', () => {
    const pool = new SocketPool();
    afterEach(() => pool.closeAll());

    it('should keep from the ignorer what the ignored member writes under their display name, never under a nickname', async () => {
      const admin = await asAdmin(app);
      const room = await openRoom(admin);
      const [u, x, w] = await Promise.all([newUser(app), newUser(app), newUser(app)]);
      must(await u.post('/api/me/ignored', { username: x.user!.username }), 201);

      const atU = await pool.join(app, room, { as: u });
      const atW = await pool.join(app, room, { as: w });
      const xNamed = await pool.join(app, room, { as: x });
      const named = emitAck(xNamed.socket, 'message', { room, body: 'Hei fra X med navn' });
      const atWGot = waitFor(atW.socket, 'message', (m) => m.body === 'Hei fra X med navn');
      const uSilent = silence(atU.socket, 'message', 500);
      expect((await named).ok).toBe(true);
      await atWGot;
      expect(await uSilent).toBe(true);

      const nick = uniqueNick('Natt');
      const xNick = await pool.join(app, room, { as: x, nickname: nick });
      const atUGot = waitFor(atU.socket, 'message', (m) => m.body === 'Hei fra X med kallenavn');
      expect((await emitAck(xNick.socket, 'message', { room, body: 'Hei fra X med kallenavn' })).ok).toBe(true);
      expect((await atUGot).author.nickname).toBe(nick);

      // joining later: the history holds the nickname's message, not the named one
      await emitAck(atU.socket, 'leave', { room });
      await emitAck(atW.socket, 'leave', { room });
      const later = await pool.join(app, room, { as: u });
      const bodies = later.ack.history.map((m: { body: string }) => m.body);
      expect(bodies).toContain('Hei fra X med kallenavn');
      expect(bodies).not.toContain('Hei fra X med navn');
      const other = await pool.join(app, room, { as: w });
      expect(other.ack.history.map((m: { body: string }) => m.body)).toContain('Hei fra X med navn');
    });
  });
});
