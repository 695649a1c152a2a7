import { nicknameKey } from '../../apps/api/src/cafe/nickname.js';
import { createHmac } from 'node:crypto';
import { HELPLINES } from '#libs/screening';
import { asAdmin, newUser } from '../support/factories.js';
import {
  collect,
  emitAck,
  openRoom,
  silence,
  sleep,
  SocketPool,
  uniqueNick,
  waitFor,
  type joinRoom,
} from '../support/sockets.js';
import { sql } from '../support/sql.js';
import { ANON_SECRET, startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

describe('café: messages, screening, reports and host tools', () => {
  let app: TestApp;
  let admin: TestClient;
  let host: TestClient;
  let moderator: TestClient;
  const pool = new SocketPool();
  const join = (room: string, opts: Parameters<typeof joinRoom>[2] = {}) => pool.join(app, room, opts);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    [host, moderator] = await Promise.all([
      newUser(app, 'host', { displayName: 'Vert Vilde' }),
      newUser(app, 'moderator', { displayName: 'Moderator Mats' }),
    ]);
  });
  afterEach(() => pool.closeAll());
  afterAll(() => app.stop());

  describe('messages', () => {
    let room: string;
    beforeAll(async () => {
      room = await openRoom(admin);
    });

    it('should deliver a message to everyone in the room, the writer included, and ack it with the Message', async () => {
      const a = await join(room);
      const b = await join(room);
      const atA = waitFor(a.socket, 'message', (m) => m.body === 'God kveld, alle sammen');
      const atB = waitFor(b.socket, 'message', (m) => m.body === 'God kveld, alle sammen');
      const ack = await emitAck(b.socket, 'message', { room, body: '  God kveld, alle sammen \n' });
      expect(ack).toEqual({
        ok: true,
        message: {
          id: expect.any(String),
          room,
          author: { participantId: b.ack.self.id, nickname: b.ack.self.nickname, isHost: false },
          body: 'God kveld, alle sammen',
          createdAt: expect.any(String),
        },
      });
      expect(await atA).toEqual(ack.message);
      expect(await atB).toEqual(ack.message);
    });

    it('should store a message before acking it, with the session and nickname', async () => {
      const a = await join(room);
      const ack = await emitAck(a.socket, 'message', { room, body: 'lagret?' });
      const rows = await sql(app, 'SELECT body, nickname, is_host, deleted_at FROM cafe_messages WHERE id = $1', [
        ack.message.id,
      ]);
      expect(rows).toEqual([{ body: 'lagret?', nickname: a.ack.self.nickname, is_host: false, deleted_at: null }]);
    });

    it.each([
      ['an empty body', '', 'empty'],
      ['only whitespace', ' \n\t ', 'empty'],
      ['1,001 characters', 'x'.repeat(1001), 'too_long'],
      ['a number', 42, 'invalid'],
      ['null', null, 'invalid'],
    ])('should refuse %s', async (_, body, code) => {
      const a = await join(room);
      const watcher = await join(room);
      const ack = await emitAck(a.socket, 'message', { room, body });
      expect(ack.ok).toBe(false);
      expect(ack.error?.code).toBe(code);
      expect(await silence(watcher.socket, 'message', 150)).toBe(true);
    });

    it('should accept exactly 1,000 characters, counted as characters not bytes', async () => {
      const a = await join(room);
      expect((await emitAck(a.socket, 'message', { room, body: 'x'.repeat(1000) })).ok).toBe(true);
      expect((await emitAck(a.socket, 'message', { room, body: 'ø'.repeat(1000) })).ok).toBe(true);
      expect((await emitAck(a.socket, 'message', { room, body: '🙂'.repeat(1000) })).ok).toBe(true);
    });

    it('should refuse a message to a room not joined (not_joined)', async () => {
      const a = await join(room);
      const other = await openRoom(admin);
      expect((await emitAck(a.socket, 'message', { room: other, body: 'hei' })).error?.code).toBe('not_joined');
    });

    it('should give the last 50 messages of the current session as history on join, oldest first', async () => {
      const fresh = await openRoom(admin);
      const a = await join(fresh);
      const bodies = Array.from({ length: 55 }, (_, i) => `melding ${i}`);
      for (const body of bodies) expect((await emitAck(a.socket, 'message', { room: fresh, body })).ok).toBe(true);
      const b = await join(fresh);
      expect(b.ack.history.map((m: { body: string }) => m.body)).toEqual(bodies.slice(5));
    });
  });

  describe('watched words', () => {
    let room: string;
    beforeAll(async () => {
      room = await openRoom(admin);
    });

    it('should refuse a blocked word with the reason, storing and sending nothing', async () => {
      const a = await join(room);
      const watcher = await join(room);
      const ack = await emitAck(a.socket, 'message', { room, body: 'Du er en MONGO' });
      expect(ack.error).toEqual({ code: 'blocked', message: expect.stringContaining('"mongo" is not allowed') });
      expect(await silence(watcher.socket, 'message', 150)).toBe(true);
      expect(await sql(app, 'SELECT 1 FROM cafe_messages WHERE body LIKE $1', ['%MONGO%'])).toEqual([]);
    });

    it('should publish a crisis message, give the writer the helplines (staffed: false), alert the hosts, and queue it first', async () => {
      const h = await join(room, { as: host });
      const a = await join(room);
      const watcher = await join(room);
      const support = waitFor(a.socket, 'support');
      const alert = waitFor(h.socket, 'alert');
      const otherSupport = collect(watcher.socket, 'support');
      const otherAlerts = collect(watcher.socket, 'alert');
      const seen = waitFor(watcher.socket, 'message', (m) => m.author.participantId === a.ack.self.id);
      const ack = await emitAck(a.socket, 'message', { room, body: 'Jeg orker ikke mer, tenker på selvmord' });
      expect(ack.ok).toBe(true);
      expect(await support).toEqual({ resources: HELPLINES.map((line) => ({ ...line })), staffed: false });
      expect((await support).resources.map((r: { phone: string }) => r.phone)).toEqual([
        '113',
        '116 117',
        '116 123',
        '22 40 00 40',
        '116 111',
      ]);
      expect(await alert).toEqual({
        room,
        kind: 'crisis',
        messageId: ack.message.id,
        nickname: a.ack.self.nickname,
        body: ack.message.body,
        reason: expect.stringContaining('selvmord'),
        createdAt: ack.message.createdAt,
      });
      expect((await seen).id).toBe(ack.message.id);
      await sleep(100);
      expect(otherSupport).toEqual([]);
      expect(otherAlerts).toEqual([]);
      const reports = await sql(
        app,
        'SELECT kind, source, status, reporter_participant_id FROM cafe_reports WHERE message_id = $1',
        [ack.message.id],
      );
      expect(reports).toEqual([{ kind: 'crisis', source: 'screening', status: 'open', reporter_participant_id: null }]);
    });

    it('should say staffed: true when a moderator is on duty', async () => {
      await sql(app, `UPDATE users SET on_duty_until = now() + interval '1 hour' WHERE id = $1`, [moderator.user!.id]);
      try {
        const a = await join(room);
        const support = waitFor(a.socket, 'support');
        await emitAck(a.socket, 'message', { room, body: 'jeg vil ikke leve' });
        expect((await support).staffed).toBe(true);
      } finally {
        await sql(app, 'UPDATE users SET on_duty_until = NULL WHERE id = $1', [moderator.user!.id]);
      }
    });

    it('should still show the helplines to a writer refused for a blocked word who wrote a crisis word too', async () => {
      const a = await join(room);
      const support = waitFor(a.socket, 'support');
      const ack = await emitAck(a.socket, 'message', { room, body: 'mongo, jeg vil ikke leve' });
      expect(ack.error?.code).toBe('blocked');
      expect((await support).resources).toHaveLength(5);
    });

    it('should publish a flag word and queue it for the moderators', async () => {
      const a = await join(room);
      const ack = await emitAck(a.socket, 'message', { room, body: 'Drep deg selv' });
      expect(ack.ok).toBe(true);
      const reports = await sql(app, 'SELECT kind, source, reason FROM cafe_reports WHERE message_id = $1', [
        ack.message.id,
      ]);
      expect(reports).toEqual([
        { kind: 'report', source: 'screening', reason: expect.stringContaining('drep deg selv') },
      ]);
    });

    it("should apply an admin's new watched word at once, and its removal", async () => {
      const added = await admin.post('/api/admin/watched-words', { pattern: 'Kaffekopp*', action: 'block' });
      expect(added.status).toBe(201);
      const a = await join(room);
      expect((await emitAck(a.socket, 'message', { room, body: 'kaffekoppen er tom' })).error?.code).toBe('blocked');
      expect((await admin.delete(`/api/admin/watched-words/${added.body.id}`)).status).toBe(204);
      expect((await emitAck(a.socket, 'message', { room, body: 'kaffekoppen er tom' })).ok).toBe(true);
    });
  });

  describe('reports', () => {
    let room: string;
    beforeAll(async () => {
      room = await openRoom(admin);
    });

    it('should let anyone in the room report a message once, into cafe_reports, alerting the hosts', async () => {
      const h = await join(room, { as: host });
      const writer = await join(room);
      const reporter = await join(room);
      const msg = (await emitAck(writer.socket, 'message', { room, body: 'noe ubehagelig' })).message;
      const alert = waitFor(h.socket, 'alert', (a) => a.messageId === msg.id);
      expect(await emitAck(reporter.socket, 'report', { room, messageId: msg.id, reason: 'harassment' })).toEqual({
        ok: true,
      });
      expect(await alert).toMatchObject({
        room,
        kind: 'report',
        messageId: msg.id,
        reason: 'harassment',
        body: 'noe ubehagelig',
      });
      expect(await emitAck(reporter.socket, 'report', { room, messageId: msg.id, reason: 'harassment' })).toEqual({
        ok: true,
      });
      const rows = await sql(
        app,
        'SELECT kind, reason, source, status, reporter_participant_id FROM cafe_reports WHERE message_id = $1',
        [msg.id],
      );
      expect(rows).toEqual([
        {
          kind: 'report',
          reason: 'harassment',
          source: 'participant',
          status: 'open',
          reporter_participant_id: reporter.ack.self.id,
        },
      ]);
    });

    it('should make a crisis report of kind crisis, and put every report in the moderation queue, crisis first', async () => {
      const writer = await join(room);
      const reporter = await join(room);
      const msg = (await emitAck(writer.socket, 'message', { room, body: 'jeg klarer ikke mer av dette' })).message;
      expect((await emitAck(reporter.socket, 'report', { room, messageId: msg.id, reason: 'crisis' })).ok).toBe(true);
      const rows = await sql(app, 'SELECT id, kind FROM cafe_reports WHERE message_id = $1', [msg.id]);
      expect(rows).toEqual([{ id: expect.any(String), kind: 'crisis' }]);
      expect((await emitAck(writer.socket, 'message', { room, body: 'selvmordstanker igjen' })).ok).toBe(true);
      const queue = (await moderator.get('/api/mod/queue?limit=100')).body.items as {
        type: string;
        priority: string;
        content: { bodyHtml: string };
      }[];
      const ours = ['jeg klarer ikke mer av dette', 'selvmordstanker igjen'].map((text) =>
        queue.findIndex((i) => i.type === 'cafe_message' && i.content.bodyHtml.includes(text)),
      );
      expect(ours.every((i) => i >= 0)).toBe(true);
      expect(ours.map((i) => queue[i].priority)).toEqual(['crisis', 'crisis']);
      const firstNormal = queue.findIndex((i) => i.priority === 'normal');
      if (firstNormal >= 0) expect(Math.max(...ours)).toBeLessThan(firstNormal);
    });

    it('should answer not_found for an unknown message and invalid for a bad id or an empty reason', async () => {
      const reporter = await join(room);
      expect(
        (
          await emitAck(reporter.socket, 'report', {
            room,
            messageId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
            reason: 'spam',
          })
        ).error?.code,
      ).toBe('not_found');
      expect(
        (await emitAck(reporter.socket, 'report', { room, messageId: 'not-an-id', reason: 'spam' })).error?.code,
      ).toBe('invalid');
      const msg = (await emitAck(reporter.socket, 'message', { room, body: 'hei' })).message;
      expect((await emitAck(reporter.socket, 'report', { room, messageId: msg.id, reason: '   ' })).error?.code).toBe(
        'invalid',
      );
    });
  });

  describe('host tools', () => {
    it('should refuse the host tools to a participant who is not a host (not_host)', async () => {
      const room = await openRoom(admin);
      const a = await join(room);
      const b = await join(room);
      const msg = (await emitAck(b.socket, 'message', { room, body: 'hei' })).message;
      for (const payload of [
        { action: 'delete', messageId: msg.id },
        { action: 'kick', participantId: b.ack.self.id },
        { action: 'slowmode', seconds: 5 },
        { action: 'close' },
      ]) {
        expect((await emitAck(a.socket, 'moderate', { room, ...payload })).error?.code).toBe('not_host');
      }
      const member = await newUser(app);
      const m = await join(room, { as: member, nickname: uniqueNick() });
      expect((await emitAck(m.socket, 'moderate', { room, action: 'close' })).error?.code).toBe('not_host');
    });

    it('should remove a message from every screen at once and from the history, audited', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const a = await join(room);
      const b = await join(room);
      const msg = (await emitAck(a.socket, 'message', { room, body: 'dette bør bort' })).message;
      const goneA = waitFor(a.socket, 'message:deleted');
      const goneB = waitFor(b.socket, 'message:deleted');
      expect(
        await emitAck(h.socket, 'moderate', { room, action: 'delete', messageId: msg.id, reason: 'personal_info' }),
      ).toEqual({ ok: true });
      expect(await goneA).toEqual({ room, id: msg.id });
      expect(await goneB).toEqual({ room, id: msg.id });
      const c = await join(room);
      expect(c.ack.history.map((m: { id: string }) => m.id)).not.toContain(msg.id);
      expect(
        await sql(
          app,
          `SELECT action, actor_id, target_type, reason, meta->>'op' AS op FROM audit_log WHERE target_id = $1`,
          [msg.id],
        ),
      ).toEqual([
        {
          action: 'cafe_moderate',
          actor_id: host.user!.id,
          target_type: 'cafe_message',
          reason: 'personal_info',
          op: 'delete',
        },
      ]);
      expect((await emitAck(h.socket, 'moderate', { room, action: 'delete', messageId: msg.id })).ok).toBe(true);
      expect((await emitAck(h.socket, 'moderate', { room, action: 'delete' })).error?.code).toBe('invalid');
      expect(
        (
          await emitAck(h.socket, 'moderate', {
            room,
            action: 'delete',
            messageId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
          })
        ).error?.code,
      ).toBe('not_found');
    });

    it('should mute a participant for N seconds: told, refused with muted and until, muted again on rejoin, free after', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const nickname = uniqueNick();
      const a = await join(room, { nickname });
      const told = waitFor(a.socket, 'muted');
      expect(
        (
          await emitAck(h.socket, 'moderate', {
            room,
            action: 'mute',
            participantId: a.ack.self.id,
            seconds: 10,
            reason: 'Ta en pause',
          })
        ).ok,
      ).toBe(true);
      const muted = await told;
      expect(muted).toEqual({ room, until: expect.any(String), reason: 'Ta en pause' });
      const refused = await emitAck(a.socket, 'message', { room, body: 'hallo?' });
      expect(refused.error).toEqual({ code: 'muted', message: expect.stringContaining('muted'), until: muted.until });
      expect((await emitAck(a.socket, 'typing', { room })).error?.code).toBe('muted');
      // Leaving and coming back under the same nickname does not lift it.
      await emitAck(a.socket, 'leave', { room });
      const again = await join(room, { nickname });
      expect((await emitAck(again.socket, 'message', { room, body: 'nå da?' })).error?.code).toBe('muted');
      await sql(app, `UPDATE cafe_restrictions SET until = now() - interval '1 second' WHERE participant_id = $1`, [
        a.ack.self.id,
      ]);
      expect((await emitAck(again.socket, 'message', { room, body: 'nå da?' })).ok).toBe(true);
      expect(
        (await emitAck(h.socket, 'moderate', { room, action: 'mute', participantId: a.ack.self.id, seconds: 5 })).error
          ?.code,
      ).toBe('invalid');
    });

    it('should remove a participant: told, out of the room and presence, and their nickname barred for the session', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const nickname = uniqueNick();
      const a = await join(room, { nickname });
      const b = await join(room);
      const kicked = waitFor(a.socket, 'kicked');
      const presence = waitFor(
        b.socket,
        'presence',
        (p) => !p.participants.some((x: { id: string }) => x.id === a.ack.self.id),
      );
      expect(
        (
          await emitAck(h.socket, 'moderate', {
            room,
            action: 'kick',
            participantId: a.ack.self.id,
            reason: 'Trakassering',
          })
        ).ok,
      ).toBe(true);
      expect(await kicked).toEqual({ room, reason: 'Trakassering' });
      await presence;
      const messagesAtA = collect(a.socket, 'message');
      await emitAck(b.socket, 'message', { room, body: 'videre' });
      expect((await emitAck(a.socket, 'message', { room, body: 'jeg er her fortsatt' })).error?.code).toBe('removed');
      await sleep(100);
      expect(messagesAtA).toEqual([]);
      const rejoin = await emitAck(a.socket, 'join', { room, nickname, acceptRules: true });
      expect(rejoin.error?.code).toBe('removed');
      const audit = await sql(app, `SELECT meta->>'op' AS op FROM audit_log WHERE target_id = $1`, [a.ack.self.id]);
      expect(audit).toEqual([{ op: 'kick' }]);
    });

    it('should keep a removed guest from coming straight back under a new nickname, and let the others stay', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const a = await join(room);
      const b = await join(room);
      expect((await emitAck(h.socket, 'moderate', { room, action: 'kick', participantId: a.ack.self.id })).ok).toBe(
        true,
      );
      const rejoin = await emitAck(a.socket, 'join', { room, nickname: uniqueNick(), acceptRules: true });
      expect(rejoin.error?.code).toBe('removed');
      await expect(join(room)).rejects.toThrow(/removed/);
      // A guest already in the room from the same network stays and talks.
      expect((await emitAck(b.socket, 'message', { room, body: 'jeg er her ennå' })).ok).toBe(true);
    });

    it('should keep a removed member out under another nickname too (their author hash)', async () => {
      const room = await openRoom(admin);
      const member = await newUser(app);
      const h = await join(room, { as: host });
      const a = await join(room, { as: member, nickname: uniqueNick() });
      expect((await emitAck(h.socket, 'moderate', { room, action: 'kick', participantId: a.ack.self.id })).ok).toBe(
        true,
      );
      await expect(join(room, { as: member, nickname: uniqueNick() })).rejects.toThrow(/removed/);
    });

    it('should refuse to mute or remove a host, or an unknown participant', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const m = await join(room, { as: moderator });
      expect(
        (await emitAck(h.socket, 'moderate', { room, action: 'kick', participantId: m.ack.self.id })).error?.code,
      ).toBe('forbidden');
      expect(
        (
          await emitAck(h.socket, 'moderate', {
            room,
            action: 'mute',
            participantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
          })
        ).error?.code,
      ).toBe('not_found');
    });

    it('should tighten the rate with slow mode for participants but not hosts, and tell the room', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const a = await join(room);
      const told = waitFor(a.socket, 'slowmode');
      expect((await emitAck(h.socket, 'moderate', { room, action: 'slowmode', seconds: 30 })).ok).toBe(true);
      expect(await told).toEqual({ room, seconds: 30 });
      expect((await emitAck(a.socket, 'message', { room, body: 'en' })).ok).toBe(true);
      const second = await emitAck(a.socket, 'message', { room, body: 'to' });
      expect(second.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Slow mode') });
      expect(second.error?.retryAfter).toBeGreaterThan(25);
      expect((await emitAck(h.socket, 'message', { room, body: 'verten kan' })).ok).toBe(true);
      expect((await emitAck(h.socket, 'message', { room, body: 'skrive fritt' })).ok).toBe(true);
      expect((await emitAck(h.socket, 'moderate', { room, action: 'slowmode' })).error?.code).toBe('invalid');
      expect((await emitAck(h.socket, 'moderate', { room, action: 'slowmode', seconds: 0 })).ok).toBe(true);
    });

    it('should close the room from inside: everyone told, nobody can write or join until it opens again', async () => {
      const room = await openRoom(admin);
      const h = await join(room, { as: host });
      const a = await join(room);
      const closedA = waitFor(a.socket, 'room:closed');
      const closedH = waitFor(h.socket, 'room:closed');
      expect((await emitAck(h.socket, 'moderate', { room, action: 'close' })).ok).toBe(true);
      expect(await closedA).toEqual({ room });
      await closedH;
      expect((await emitAck(a.socket, 'message', { room, body: 'hallo?' })).error?.code).toBe('closed');
      expect((await emitAck(a.socket, 'join', { room, nickname: uniqueNick(), acceptRules: true })).error?.code).toBe(
        'closed',
      );
      const rooms = (await app.client().get('/api/cafe/rooms')).body as { slug: string; isOpen: boolean }[];
      expect(rooms.find((r) => r.slug === room)?.isOpen).toBe(false);
    });

    it("should store for a member's message the author hash of its voice, which a sanction by café message can recompute", async () => {
      const room = await openRoom(admin);
      const member = await newUser(app);
      const nickname = uniqueNick();
      const a = await join(room, { as: member, nickname });
      const msg = (await emitAck(a.socket, 'message', { room, body: 'hei' })).message;
      const [row] = await sql(
        app,
        'SELECT m.author_hash, m.session_id, u.anon_salt FROM cafe_messages m, users u WHERE m.id = $1 AND u.id = $2',
        [msg.id, member.user!.id],
      );
      // The key of the member's voice in the session: the nickname's (issue 12.10), not the session's.
      const voice = `cafe_voice:${row.session_id}/${nicknameKey(nickname)}`;
      const expected = createHmac('sha256', ANON_SECRET).update(row.anon_salt).update(voice, 'utf8').digest();
      expect(Buffer.compare(row.author_hash, expected)).toBe(0);
    });
  });
});
