import { io } from 'socket.io-client';
import { asAdmin, newUser } from '../support/factories.js';
import {
  collect,
  connect,
  connectSocket,
  connected,
  emitAck,
  openRoom,
  sleep,
  SocketPool,
  uniqueNick,
  waitFor,
  type joinRoom,
} from '../support/sockets.js';
import { sql } from '../support/sql.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

describe('café: joining', () => {
  let app: TestApp;
  let admin: TestClient;
  let host: TestClient;
  let member: TestClient;
  let panel: TestClient;
  let room: string;
  const pool = new SocketPool();
  const join = (target: string, opts: Parameters<typeof joinRoom>[2] = {}) => pool.join(app, target, opts);
  const guest = () => pool.connect(app);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    [host, member, panel] = await Promise.all([
      newUser(app, 'host', { displayName: 'Vertinne Hanne' }),
      newUser(app, 'member', { displayName: 'Medlem Mona' }),
      newUser(app, 'panel'),
    ]);
    room = await openRoom(admin);
  });
  afterEach(() => pool.closeAll());
  afterAll(() => app.stop());

  it('should let a guest join with a nickname after accepting the rules, with self, history and participants', async () => {
    const socket = await guest();
    const nickname = uniqueNick();
    const ack = await emitAck(socket, 'join', { room, nickname, acceptRules: true });
    expect(ack).toEqual({
      ok: true,
      self: { id: expect.any(String), nickname, isHost: false },
      history: expect.any(Array),
      count: 1,
      participants: expect.arrayContaining([{ id: ack.self.id, nickname, isHost: false }]),
    });
  });

  it('should refuse a guest who has not accepted the rules (rules_not_accepted)', async () => {
    const socket = await guest();
    expect((await emitAck(socket, 'join', { room, nickname: uniqueNick() })).error?.code).toBe('rules_not_accepted');
    expect((await emitAck(socket, 'join', { room, nickname: uniqueNick(), acceptRules: false })).error?.code).toBe(
      'rules_not_accepted',
    );
  });

  it.each([
    ['no nickname', undefined, /Choose a nickname/],
    ['one letter', 'K', /2–24/],
    ['25 letters', 'K'.repeat(25), /2–24/],
    ['only spaces', '     ', /2–24/],
    ['an emoji', 'Kari 🙂', /2–24/],
    ['a leading dash', '-Kari', /2–24/],
    ['a control character', 'Ka\u0007ri', /2–24/],
  ])('should refuse a guest nickname with %s (invalid)', async (_, nickname, message) => {
    const socket = await guest();
    const ack = await emitAck(socket, 'join', { room, nickname, acceptRules: true });
    expect(ack.error?.code).toBe('invalid');
    expect(ack.error?.message).toMatch(message);
  });

  it('should accept Norwegian letters, spaces and punctuation inside a nickname, with spaces tidied', async () => {
    const socket = await guest();
    const ack = await emitAck(socket, 'join', {
      room,
      nickname: `  Åse  Ø'Brien-${Math.random().toString(36).slice(2, 5)} `,
      acceptRules: true,
    });
    expect(ack.ok).toBe(true);
    expect(ack.self.nickname).toMatch(/^Åse Ø'Brien-\w+$/);
  });

  it('should keep a nickname unique in the room at the moment, in any letter case, and free it on leave', async () => {
    const nickname = uniqueNick();
    const first = await join(room, { nickname });
    const second = await guest();
    const taken = await emitAck(second, 'join', { room, nickname: nickname.toUpperCase(), acceptRules: true });
    expect(taken.error?.code).toBe('nickname_taken');
    expect((await emitAck(first.socket, 'leave', { room })).ok).toBe(true);
    expect((await emitAck(second, 'join', { room, nickname, acceptRules: true })).ok).toBe(true);
  });

  it('should refuse a registered username or display name as a guest nickname, and reserved names', async () => {
    const socket = await guest();
    for (const nickname of [
      member.user!.username,
      member.user!.username.toUpperCase(),
      'Vertinne Hanne',
      'vertinne hanne',
      'Vert',
      'Moderator',
      'Gjest 3',
      'Anonym2',
    ]) {
      const ack = await emitAck(socket, 'join', { room, nickname, acceptRules: true });
      expect([nickname, ack.error?.code]).toEqual([nickname, 'nickname_taken']);
    }
    // Nor a member's display name (decision 0039): a guest can't speak as a member either.
    const mona = await emitAck(socket, 'join', { room, nickname: 'Medlem Mona', acceptRules: true });
    expect(mona.error?.code).toBe('nickname_taken');
  });

  it('should refuse a nickname with a blocked watched word (blocked)', async () => {
    const socket = await guest();
    const ack = await emitAck(socket, 'join', { room, nickname: 'Mongo 99', acceptRules: true });
    expect(ack.error?.code).toBe('blocked');
  });

  it('should let a member join under their display name without accepting rules again, or under a nickname', async () => {
    const other = await newUser(app, 'member', { displayName: `Per ${Math.random().toString(36).slice(2, 6)}` });
    const byName = await join(room, { as: other });
    expect(byName.ack.self).toMatchObject({ nickname: other.user!.displayName, isHost: false });
    const s2 = await pool.connect(app, { as: other });
    const nick = uniqueNick('Kveld');
    const byNick = await emitAck(s2, 'join', { room, nickname: nick });
    expect(byNick.self).toMatchObject({ nickname: nick, isHost: false });
    // Their own username is theirs to use.
    const s3 = await pool.connect(app, { as: other });
    expect((await emitAck(s3, 'join', { room, nickname: other.user!.username })).ok).toBe(true);
  });

  it("should mark hosts, in the ack and in everyone's participant list, hosts first", async () => {
    const g = await join(room);
    const presence = waitFor(g.socket, 'presence', (p) => p.participants.some((x: { isHost: boolean }) => x.isHost));
    const h = await join(room, { as: host });
    expect(h.ack.self).toEqual({ id: expect.any(String), nickname: 'Vertinne Hanne', isHost: true });
    const seen = await presence;
    expect(seen.room).toBe(room);
    expect(seen.participants[0]).toEqual({ id: h.ack.self.id, nickname: 'Vertinne Hanne', isHost: true });
    expect(seen.participants.filter((p: { isHost: boolean }) => !p.isHost).length).toBeGreaterThan(0);
  });

  it('should show presence live: others see a join and a leave', async () => {
    const a = await join(room);
    const nickname = uniqueNick();
    const joinedSeen = waitFor(a.socket, 'presence', (p) =>
      p.participants.some((x: { nickname: string }) => x.nickname === nickname),
    );
    const b = await join(room, { nickname });
    await joinedSeen;
    const leftSeen = waitFor(
      a.socket,
      'presence',
      (p) => !p.participants.some((x: { nickname: string }) => x.nickname === nickname),
    );
    await emitAck(b.socket, 'leave', { room });
    await leftSeen;
    const nickname2 = uniqueNick();
    const c = await join(room, { nickname: nickname2 });
    const goneSeen = waitFor(
      a.socket,
      'presence',
      (p) => !p.participants.some((x: { nickname: string }) => x.nickname === nickname2),
    );
    c.socket.close();
    await goneSeen;
  });

  it('should pass typing notices to the others, not back to the writer', async () => {
    const a = await join(room);
    const b = await join(room);
    const own = collect(b.socket, 'typing');
    const seen = waitFor(a.socket, 'typing', (t) => t.nickname === b.ack.self.nickname);
    expect((await emitAck(b.socket, 'typing', { room })).ok).toBe(true);
    expect(await seen).toEqual({ room, nickname: b.ack.self.nickname });
    await sleep(200);
    expect(own).toEqual([]);
  });

  it('should enforce the audience: guests out of member rooms, members out of panel rooms (forbidden)', async () => {
    const membersRoom = await openRoom(admin, { audience: 'members' });
    const panelRoom = await openRoom(admin, { audience: 'panel' });
    const g = await guest();
    const refused = await emitAck(g, 'join', { room: membersRoom, nickname: uniqueNick(), acceptRules: true });
    expect(refused.error).toEqual({ code: 'forbidden', message: expect.stringMatching(/Log in/) });
    // The panel's room answers a guest as an unknown room would (issue 12.17).
    const panelForGuest = await emitAck(g, 'join', { room: panelRoom, nickname: uniqueNick(), acceptRules: true });
    const unknown = await emitAck(g, 'join', { room: 'finnes-ikke-rom', nickname: uniqueNick(), acceptRules: true });
    expect(panelForGuest.error).toEqual(unknown.error);
    expect(unknown.error?.code).toBe('not_found');
    const m = await pool.connect(app, { as: member });
    expect((await emitAck(m, 'join', { room: membersRoom, nickname: uniqueNick() })).ok).toBe(true);
    expect((await emitAck(m, 'join', { room: panelRoom, nickname: uniqueNick() })).error?.code).toBe('forbidden');
    const p = await pool.connect(app, { as: panel });
    expect((await emitAck(p, 'join', { room: panelRoom })).ok).toBe(true);
  });

  it('should answer closed outside opening hours, with the next opening', async () => {
    const closedRoom = await openRoom(admin, { open: false });
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    await host.post(`/api/cafe/rooms/${closedRoom}/sessions`, {
      startsAt,
      endsAt: new Date(Date.now() + 7200_000).toISOString(),
    });
    const g = await guest();
    const ack = await emitAck(g, 'join', { room: closedRoom, nickname: uniqueNick(), acceptRules: true });
    expect(ack.error).toEqual({ code: 'closed', message: expect.stringContaining(startsAt), opensAt: startsAt });
  });

  it('should answer not_found for a room that does not exist', async () => {
    const g = await guest();
    expect(
      (await emitAck(g, 'join', { room: 'finnes-ikke', nickname: uniqueNick(), acceptRules: true })).error?.code,
    ).toBe('not_found');
  });

  it('should treat a second join of the same room on one connection as the same participant', async () => {
    const a = await join(room);
    const again = await emitAck(a.socket, 'join', { room, nickname: 'Ignored', acceptRules: true });
    expect(again.self).toEqual(a.ack.self);
  });

  it("should never put a user id or username in anything a member's message produces, and store only an author hash", async () => {
    const m = await newUser(app, 'member', { displayName: `Anne ${Math.random().toString(36).slice(2, 6)}` });
    const watcher = await join(room);
    const writer = await join(room, { as: m, nickname: uniqueNick('Ugla') });
    const got = waitFor(watcher.socket, 'message', (msg) => msg.author.participantId === writer.ack.self.id);
    const sent = await emitAck(writer.socket, 'message', { room, body: 'Hei fra et medlem' });
    const broadcast = await got;
    for (const payload of [sent, broadcast, writer.ack]) {
      const text = JSON.stringify(payload);
      expect(text).not.toContain(m.user!.id);
      expect(text).not.toContain(m.user!.username);
    }
    expect(Object.keys(broadcast).sort()).toEqual(['author', 'body', 'createdAt', 'id', 'room']);
    expect(Object.keys(broadcast.author).sort()).toEqual(['isHost', 'nickname', 'participantId']);
    const [row] = await sql(app, 'SELECT * FROM cafe_messages WHERE id = $1', [broadcast.id]);
    expect(Object.keys(row)).not.toContain('user_id');
    expect(row.author_hash).toBeInstanceOf(Buffer);
    expect(row.author_hash.length).toBe(32);
    const guestMessage = await emitAck(watcher.socket, 'message', { room, body: 'Hei fra en gjest' });
    const [guestRow] = await sql(app, 'SELECT author_hash FROM cafe_messages WHERE id = $1', [guestMessage.message.id]);
    expect(guestRow.author_hash).toBeNull();
  });

  it("should refuse a handshake from a foreign origin and accept the app's own", async () => {
    const foreign = connectSocket(app, '/cafe', { origin: 'https://evil.example' });
    await expect(connected(foreign)).rejects.toThrow();
    foreign.close();
    const polling = io(`${app.url}/cafe`, {
      transports: ['polling'],
      extraHeaders: { origin: 'https://evil.example' },
      forceNew: true,
      reconnection: false,
    });
    await expect(connected(polling)).rejects.toThrow();
    polling.close();
    const own = await connect(app);
    expect(own.connected).toBe(true);
    own.close();
    const noOrigin = await connect(app, { origin: null });
    expect(noOrigin.connected).toBe(true);
    noOrigin.close();
  });

  it('should work over HTTP long-polling too (networks that block websockets), for guests and members', async () => {
    const m = await newUser(app, 'member', { displayName: `Polly ${Math.random().toString(36).slice(2, 6)}` });
    const membersRoom = await openRoom(admin, { audience: 'members' });
    const g = await pool.connect(app, { transports: ['polling'] });
    const p = await pool.connect(app, { as: m, transports: ['polling'] });
    expect((await emitAck(p, 'join', { room: membersRoom })).self.nickname).toBe(m.user!.displayName);
    expect((await emitAck(g, 'join', { room, nickname: uniqueNick(), acceptRules: true })).ok).toBe(true);
    expect((await emitAck(g, 'message', { room, body: 'via polling' })).ok).toBe(true);
    expect((await emitAck(p, 'message', { room: membersRoom, body: 'via polling som medlem' })).ok).toBe(true);
  });

  it('should read the login from the session cookie at the handshake, and end the socket at logout', async () => {
    const m = await newUser(app, 'member');
    const membersRoom = await openRoom(admin, { audience: 'members' });
    const s = await pool.connect(app, { as: m });
    expect((await emitAck(s, 'join', { room: membersRoom, nickname: uniqueNick() })).ok).toBe(true);
    const ended = new Promise((resolve) => s.once('disconnect', resolve));
    expect((await m.post('/api/auth/logout')).status).toBe(204);
    // The session has ended, and the connection it let in with it (issue 12.11).
    expect(await ended).toBe('io server disconnect');
  });
});
