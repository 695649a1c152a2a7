import { asAdmin, newUser } from '../support/factories.js';
import {
  collect,
  emitAck,
  eventually,
  joinRoom,
  openRoom,
  sleep,
  SocketPool,
  uniqueNick,
  waitFor,
} from '../support/sockets.js';
import { freshDatabase } from '../support/database.js';
import { sql } from '../support/sql.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { CafeMaintenance } from '../../apps/api/src/cafe/cafe-maintenance.service.js';

type Msg = { id: string; body: string };

describe('café: nothing lost', () => {
  let app: TestApp;
  let admin: TestClient;
  let host: TestClient;
  const pool = new SocketPool();
  const join = (room: string, opts: Parameters<typeof joinRoom>[2] = {}) => pool.join(app, room, opts);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    host = await newUser(app, 'host');
  });
  afterEach(() => pool.closeAll());
  afterAll(() => app.stop());

  it('should give a dropped participant every message it missed exactly once, in order, keeping its place and nickname', async () => {
    const room = await openRoom(admin);
    const nickname = uniqueNick();
    const a = await join(room, { nickname, reconnection: true });
    const b = await join(room);
    // A has received a broadcast (its own presence), so its connection has an offset to recover from.
    const first = waitFor(a.socket, 'message');
    await emitAck(b.socket, 'message', { room, body: 'før bruddet' });
    await first;
    a.socket.io.reconnectionDelay(400).reconnectionDelayMax(400).randomizationFactor(0);

    const atA = collect<Msg>(a.socket, 'message');
    const dropped = waitFor(a.socket, 'disconnect');
    a.socket.io.engine.close();
    await dropped;
    // Listening before anything else: on a busy machine A may be back before the messages below are sent.
    const reconnected = waitFor(a.socket, 'connect', () => true, 15_000);
    // The name is held while A is away: nobody takes it over.
    const c = await pool.connect(app);
    expect((await emitAck(c, 'join', { room, nickname, acceptRules: true })).error?.code).toBe('nickname_taken');
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const ack = await emitAck(b.socket, 'message', { room, body: `mens du var borte ${i}` });
      sent.push(ack.message.id);
    }
    await reconnected;
    expect(a.socket.recovered).toBe(true);
    await eventually(() => atA.length >= 5, 5_000, 'missed messages');
    const after = waitFor(a.socket, 'message', (m) => m.body === 'etter bruddet');
    await emitAck(b.socket, 'message', { room, body: 'etter bruddet' });
    await after;
    await sleep(100);
    expect(atA.map((m) => m.id)).toEqual([...sent, atA[5].id]);
    expect(atA.map((m) => m.body)).toEqual([
      'mens du var borte 1',
      'mens du var borte 2',
      'mens du var borte 3',
      'mens du var borte 4',
      'mens du var borte 5',
      'etter bruddet',
    ]);
    // Still the same participant: it can write, and it is in the room's presence.
    const own = await emitAck(a.socket, 'message', { room, body: 'tilbake' });
    expect(own.message.author.nickname).toBe(nickname);
    const d = await join(room);
    expect(d.ack.participants.map((p: { nickname: string }) => p.nickname)).toContain(nickname);
  });

  it('should return the messages after `since` in the history of a new join, and the ids removed meanwhile', async () => {
    const room = await openRoom(admin);
    const h = await join(room, { as: host });
    const a = await join(room);
    const b = await join(room);
    const m1 = (await emitAck(b.socket, 'message', { room, body: 'en' })).message;
    const m2 = (await emitAck(b.socket, 'message', { room, body: 'to' })).message;
    a.socket.close();
    const m3 = (await emitAck(b.socket, 'message', { room, body: 'tre' })).message;
    const m4 = (await emitAck(b.socket, 'message', { room, body: 'fire' })).message;
    await emitAck(h.socket, 'moderate', { room, action: 'delete', messageId: m1.id });
    await emitAck(h.socket, 'moderate', { room, action: 'delete', messageId: m4.id });
    const again = await join(room, { since: m2.id });
    expect(again.ack.history.map((m: Msg) => m.id)).toEqual([m3.id]);
    expect(again.ack.deleted).toEqual(expect.arrayContaining([m1.id, m4.id]));
    const unknown = await join(room, { since: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' });
    expect(unknown.ack.history.map((m: Msg) => m.id)).toEqual([m2.id, m3.id]);
    const plain = await join(room);
    expect(plain.ack.deleted).toBeUndefined();
  });

  it('should tell everyone in a room when its session ends on schedule', async () => {
    const room = await openRoom(admin);
    const a = await join(room);
    const closed = waitFor(a.socket, 'room:closed');
    await sql(
      app,
      `UPDATE cafe_sessions s SET ends_at = now() FROM cafe_rooms r WHERE r.id = s.room_id AND r.slug = $1`,
      [room],
    );
    expect(await app.server.app.get(CafeMaintenance).endFinishedSessions()).toBeGreaterThanOrEqual(1);
    expect(await closed).toEqual({ room });
    expect((await emitAck(a.socket, 'message', { room, body: 'hallo' })).error?.code).toBe('closed');
  });

  it('should delete messages once the retention period after their session has passed, keeping a reported one until handled', async () => {
    const room = await openRoom(admin);
    const live = await openRoom(admin);
    const h = await join(room, { as: host });
    const a = await join(room);
    const l = await join(live);
    const kept = (await emitAck(l.socket, 'message', { room: live, body: 'pågående økt' })).message;
    const plain = (await emitAck(a.socket, 'message', { room, body: 'vanlig' })).message;
    const reported = (await emitAck(a.socket, 'message', { room, body: 'rapportert' })).message;
    await emitAck(h.socket, 'report', { room, messageId: reported.id, reason: 'harassment' });
    await emitAck(h.socket, 'moderate', { room, action: 'mute', participantId: a.ack.self.id, seconds: 60 });
    await emitAck(h.socket, 'moderate', { room, action: 'close' });
    const maintenance = app.server.app.get(CafeMaintenance);
    const sessionOf = `SELECT s.id FROM cafe_sessions s JOIN cafe_rooms r ON r.id = s.room_id WHERE r.slug = $1`;
    const exists = async (id: string) =>
      (await sql(app, 'SELECT 1 FROM cafe_messages WHERE id = $1', [id])).length === 1;

    // Within the retention period nothing goes.
    await maintenance.purgeExpired(1);
    expect(await exists(plain.id)).toBe(true);

    await sql(
      app,
      `UPDATE cafe_sessions SET closed_at = now() - interval '2 hours', ends_at = now() - interval '2 hours', starts_at = now() - interval '3 hours' WHERE id IN (${sessionOf})`,
      [room],
    );
    const purged = await maintenance.purgeExpired(1);
    expect(purged).toEqual({ messages: 1, restrictions: 1 });
    expect(await exists(plain.id)).toBe(false);
    expect(await exists(reported.id)).toBe(true);
    expect(await exists(kept.id)).toBe(true);

    await sql(app, `UPDATE cafe_reports SET status = 'resolved' WHERE message_id = $1`, [reported.id]);
    await maintenance.purgeExpired(1);
    expect(await exists(reported.id)).toBe(false);
    expect(await sql(app, 'SELECT 1 FROM cafe_reports WHERE message_id = $1', [reported.id])).toEqual([]);
    expect(await exists(kept.id)).toBe(true);
  });
});

describe('café: a restart loses nothing acknowledged', () => {
  it('should show the messages acked before a restart in the history after it', async () => {
    const db = await freshDatabase();
    try {
      const first = await startTestApp({}, db);
      const room = await openRoom(await asAdmin(first));
      const a = await joinRoom(first, room);
      const acked: string[] = [];
      for (let i = 0; i < 5; i++)
        acked.push((await emitAck(a.socket, 'message', { room, body: `før omstart ${i}` })).message.id);
      a.socket.close();
      await first.stop();
      const second = await startTestApp({}, db);
      try {
        const b = await joinRoom(second, room);
        expect(b.ack.history.map((m: Msg) => m.id)).toEqual(acked);
        b.socket.close();
      } finally {
        await second.stop();
      }
    } finally {
      await db.drop();
    }
  });
});
