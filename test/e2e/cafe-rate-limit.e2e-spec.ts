import { asAdmin } from '../support/factories.js';
import { connected, connectSocket, emitAck, openRoom, sleep, SocketPool, uniqueNick } from '../support/sockets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('café: rate limits at their real size (RATE_LIMIT_SCALE=1)', () => {
  let app: TestApp;
  let room: string;
  const pool = new SocketPool();
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
    room = await openRoom(await asAdmin(app));
  });
  afterAll(async () => {
    pool.closeAll();
    await app.stop();
  });

  it('should let a participant send 5 messages in 10 seconds and refuse the 6th with the seconds to wait, without touching others', async () => {
    const a = await pool.join(app, room);
    const b = await pool.join(app, room);
    for (let i = 0; i < 5; i++)
      expect((await emitAck(a.socket, 'message', { room, body: `melding ${i}` })).ok).toBe(true);
    const sixth = await emitAck(a.socket, 'message', { room, body: 'en for mye' });
    expect(sixth.error).toEqual({ code: 'rate_limited', message: expect.any(String), retryAfter: expect.any(Number) });
    expect(sixth.error?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(sixth.error?.retryAfter).toBeLessThanOrEqual(10);
    expect((await emitAck(b.socket, 'message', { room, body: 'jeg kan fortsatt' })).ok).toBe(true);
  });

  it('should limit joins per address to 30 a minute', async () => {
    const s = await pool.connect(app);
    let refused: { code: string } | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const ack = await emitAck(s, 'join', { room: 'finnes-ikke', nickname: uniqueNick(), acceptRules: true });
      if (ack.error?.code === 'rate_limited') refused = ack.error;
    }
    expect(refused).toBeDefined();
  });
});

// Issue 12.5: one client behind one address may open many participants and connections.
describe('café: limits per address as well as per participant (RATE_LIMIT_SCALE=1)', () => {
  let app: TestApp;
  let room: string;
  const pool = new SocketPool();
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
    room = await openRoom(await asAdmin(app));
  });
  afterEach(() => pool.closeAll());
  afterAll(() => app.stop());

  it('should refuse messages from one address past 20 in 10 seconds, however many participants send them', async () => {
    const participants = [];
    for (let i = 0; i < 5; i++) participants.push(await pool.join(app, room));
    const answers: string[] = [];
    for (const { socket } of participants)
      for (let i = 0; i < 5; i++) {
        const ack = await emitAck(socket, 'message', { room, body: `hei ${i}` });
        answers.push(ack.ok ? 'ok' : ack.error!.code);
      }
    expect(answers.filter((a) => a === 'ok')).toHaveLength(20);
    expect(answers.slice(20)).toEqual(Array(5).fill('rate_limited'));
  });

  it('should refuse a 51st open connection from one address, and take a new one when one closes', async () => {
    const sockets = [];
    for (let i = 0; i < 50; i++) sockets.push(await pool.connect(app));
    const extra = connectSocket(app);
    pool.track(extra);
    await expect(connected(extra)).rejects.toBeDefined();
    sockets[0].close();
    await sleep(100);
    expect((await pool.connect(app)).connected).toBe(true);
  });
});
