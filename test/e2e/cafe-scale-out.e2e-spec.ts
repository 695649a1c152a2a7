import { io } from 'socket.io-client';
import { asAdmin, login, newUser } from '../support/factories.js';
import { freshDatabase, serverUrl, type TestDatabase } from '../support/database.js';
import {
  collect,
  emitAck,
  eventually,
  openRoom,
  SocketPool,
  uniqueNick,
  waitFor,
  type joinRoom,
} from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
type Msg = { id: string; body: string };

// Two app processes on one PostgreSQL and one Redis (the embedded database serves one process only).
const describeScaleOut = serverUrl() ? describe : describe.skip;

describeScaleOut('café across two app processes (Redis)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let adminA: TestClient;
  let hostB: TestClient;
  const pool = new SocketPool();
  const join = (app: TestApp, room: string, opts: Parameters<typeof joinRoom>[2] = {}) => pool.join(app, room, opts);

  beforeAll(async () => {
    db = await freshDatabase();
    // A key prefix of this run's own, so parallel runs on the same Redis never meet.
    const env = { REDIS_URL, REDIS_KEY_PREFIX: `erf-test-${process.pid}-${Date.now().toString(36)}` };
    a = await startTestApp(env, db);
    b = await startTestApp(env, db);
    adminA = await asAdmin(a);
    const host = await newUser(a, 'host', { displayName: 'Vert på B' });
    hostB = await login(b.client(), host.user!.username, host.password!);
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it("should let participants on A and on B see each other's messages and presence", async () => {
    const room = await openRoom(adminA);
    const onA = await join(a, room);
    const seenOnA = waitFor(onA.socket, 'presence', (p) => p.participants.length === 2);
    const onB = await join(b, room);
    expect(onB.ack.participants.map((p: { id: string }) => p.id).sort()).toEqual(
      [onA.ack.self.id, onB.ack.self.id].sort(),
    );
    await seenOnA;
    const atA = waitFor(onA.socket, 'message', (m) => m.body === 'fra B');
    const atB = waitFor(onB.socket, 'message', (m) => m.body === 'fra A');
    await emitAck(onB.socket, 'message', { room, body: 'fra B' });
    await emitAck(onA.socket, 'message', { room, body: 'fra A' });
    await atA;
    await atB;
    const listed = async (app: TestApp) =>
      ((await app.client().get('/api/cafe/rooms')).body as { slug: string; participants: number }[]).find(
        (r) => r.slug === room,
      )?.participants;
    expect(await listed(a)).toBe(2);
    expect(await listed(b)).toBe(2);
    const left = waitFor(onA.socket, 'presence', (p) => p.participants.length === 1);
    onB.socket.close();
    await left;
  });

  it('should keep nicknames unique across processes', async () => {
    const room = await openRoom(adminA);
    const nickname = uniqueNick();
    await join(a, room, { nickname });
    const s = await pool.connect(b);
    expect((await emitAck(s, 'join', { room, nickname: nickname.toLowerCase(), acceptRules: true })).error?.code).toBe(
      'nickname_taken',
    );
  });

  it("should carry a host's deletion and removal from B to a participant on A", async () => {
    const room = await openRoom(adminA);
    const onA = await join(a, room);
    const host = await join(b, room, { as: hostB });
    const msg = (await emitAck(onA.socket, 'message', { room, body: 'slett meg' })).message;
    const deleted = waitFor(onA.socket, 'message:deleted');
    expect((await emitAck(host.socket, 'moderate', { room, action: 'delete', messageId: msg.id })).ok).toBe(true);
    expect(await deleted).toEqual({ room, id: msg.id });
    const kicked = waitFor(onA.socket, 'kicked');
    expect((await emitAck(host.socket, 'moderate', { room, action: 'kick', participantId: onA.ack.self.id })).ok).toBe(
      true,
    );
    await kicked;
    expect((await emitAck(onA.socket, 'message', { room, body: 'fortsatt her' })).error?.code).toBe('removed');
  });

  it('should recover a client that dropped from A and came back to B: missed messages once, in order', async () => {
    const room = await openRoom(adminA);
    const onA = await join(a, room);
    const writer = await join(b, room);
    const first = waitFor(onA.socket, 'message');
    await emitAck(writer.socket, 'message', { room, body: 'før' });
    await first;
    const { _pid: pid, _lastOffset: offset } = onA.socket as unknown as { _pid: string; _lastOffset: string };
    expect(pid).toBeTruthy();
    const dropped = waitFor(onA.socket, 'disconnect');
    onA.socket.io.engine.close();
    await dropped;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++)
      sent.push((await emitAck(writer.socket, 'message', { room, body: `borte ${i}` })).message.id);

    // The same client session, reconnecting through the other process (as behind a load balancer).
    const moved = io(`${b.url}/cafe`, {
      transports: ['websocket'],
      extraHeaders: { origin: b.url },
      forceNew: true,
      reconnection: false,
      autoConnect: false,
    });
    pool.track(moved);
    Object.assign(moved, { _pid: pid, _lastOffset: offset });
    const got = collect<Msg>(moved, 'message');
    moved.connect();
    await waitFor(moved, 'connect');
    expect(moved.recovered).toBe(true);
    await eventually(() => got.length >= 5, 3_000, 'missed messages');
    expect(got.map((m) => m.id)).toEqual(sent);
    // It is the same participant, in its rooms, on the other process.
    const own = await emitAck(moved, 'message', { room, body: 'tilbake via B' });
    expect(own.message.author.participantId).toBe(onA.ack.self.id);
  });
});
