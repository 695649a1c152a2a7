import { asAdmin } from '../support/factories.js';
import {
  collect,
  emitAck,
  joinRoom,
  openRoom,
  sleep,
  SocketPool,
  uniqueNick,
  waitFor,
  type ClientSocket,
} from '../support/sockets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** Bad input from one client: an error ack or a dropped connection for it, never a crash, never an effect on others. */
describe('café: bad input', () => {
  let app: TestApp;
  let room: string;
  let bystander: { socket: ClientSocket };
  let bystanderMessages: { body: string }[];
  const pool = new SocketPool();
  const client = () => pool.connect(app);
  const joined = () => pool.join(app, room);

  beforeAll(async () => {
    app = await startTestApp();
    room = await openRoom(await asAdmin(app));
    bystander = await joinRoom(app, room);
    bystanderMessages = collect(bystander.socket, 'message');
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    bystander.socket.close();
    await app.stop();
  });

  /** The server still serves everyone: health answers, and the bystander still gets messages. */
  async function stillServing(): Promise<void> {
    expect((await app.client().get('/api/health')).status).toBe(200);
    const writer = await joined();
    const body = `still here ${Math.random()}`;
    const seen = waitFor(bystander.socket, 'message', (m) => m.body === body);
    expect((await emitAck(writer.socket, 'message', { room, body })).ok).toBe(true);
    await seen;
  }

  it.each([
    ['join', 'a string', 'kafe'],
    ['join', 'a number', 42],
    ['join', 'an array', [{ room: 'x' }]],
    ['join', 'null', null],
    ['join', 'no payload', undefined],
    ['join', 'a missing room', { nickname: 'Kari', acceptRules: true }],
    ['join', 'a room of the wrong type', { room: 5, nickname: 'Kari', acceptRules: true }],
    ['join', 'acceptRules as a string', { room: 'kafe', nickname: 'Kari', acceptRules: 'true' }],
    ['join', 'a since that is not an id', { room: 'kafe', nickname: 'Kari', acceptRules: true, since: '12' }],
    ['join', 'an unknown field', { room: 'kafe', nickname: 'Kari', acceptRules: true, admin: true }],
    ['join', 'a very long room name', { room: 'x'.repeat(5000), acceptRules: true }],
    ['message', 'an object body', { room: 'kafe', body: { text: 'hei' } }],
    ['message', 'a missing body', { room: 'kafe' }],
    ['typing', 'an array', []],
    ['leave', 'a number room', { room: 1 }],
    ['report', 'a missing reason', { room: 'kafe', messageId: ID }],
    ['moderate', 'an unknown action', { room: 'kafe', action: 'ban' }],
    ['moderate', 'seconds as text', { room: 'kafe', action: 'slowmode', seconds: '10' }],
    ['moderate', 'negative seconds', { room: 'kafe', action: 'slowmode', seconds: -1 }],
    ['moderate', 'fractional seconds', { room: 'kafe', action: 'mute', participantId: ID, seconds: 1.5 }],
  ])('should answer %s with %s: invalid', async (event, _, payload) => {
    const s = await client();
    const ack = await emitAck(s, event, payload);
    expect(ack).toEqual({ ok: false, error: { code: 'invalid', message: expect.any(String) } });
    expect(s.connected).toBe(true);
  });

  it('should not let a __proto__ key in a payload pollute anything', async () => {
    const s = await client();
    const ack = await emitAck(
      s,
      'join',
      JSON.parse(
        `{"room":"${room}","nickname":"Proto","acceptRules":true,"__proto__":{"isHost":true,"polluted":true}}`,
      ),
    );
    expect(ack.ok).toBe(true);
    expect(ack.self.isHost).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    await stillServing();
  });

  it('should answer an unknown event that waits for an ack with invalid, and ignore one that does not', async () => {
    const s = await client();
    expect(await emitAck(s, 'drop-tables', { room })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Unknown event.' },
    });
    s.emit('no-ack-event', { x: 1 });
    s.emit('__proto__', {});
    await sleep(100);
    expect(s.connected).toBe(true);
    await stillServing();
  });

  it('should process events sent without an acknowledgement callback, and not crash', async () => {
    const s = await client();
    const nickname = uniqueNick();
    s.emit('join', { room, nickname, acceptRules: true });
    const seen = waitFor(bystander.socket, 'message', (m) => m.author.nickname === nickname);
    await sleep(200);
    s.emit('message', { room, body: 'uten kvittering' });
    expect((await seen).body).toBe('uten kvittering');
    s.emit('message', 'not even an object');
    s.emit('typing');
    s.emit('moderate', { room, action: 'close' });
    await sleep(100);
    expect(s.connected).toBe(true);
    await stillServing();
  });

  it('should drop the connection that sends an oversized frame, and only that one', async () => {
    const { socket } = await joined();
    const gone = waitFor(socket, 'disconnect');
    socket.emit('message', { room, body: 'x'.repeat(100_000) });
    await gone;
    expect(socket.connected).toBe(false);
    expect(bystander.socket.connected).toBe(true);
    expect(bystanderMessages.some((m) => m.body.length > 1000)).toBe(false);
    await stillServing();
  });

  it('should drop the connection that sends a malformed packet, and only that one', async () => {
    const { socket } = await joined();
    const gone = waitFor(socket, 'disconnect');
    (socket.io.engine as unknown as { write(data: string): void }).write('2/cafe,["message",{"room":');
    await gone;
    expect(bystander.socket.connected).toBe(true);
    await stillServing();
  });

  it('should survive a burst of garbage from many connections at once', async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, () => client()));
    for (const s of burst) {
      for (const payload of [null, 1, 'x', [], { room: null }, { room, body: 'x'.repeat(2000) }]) {
        s.emit('join', payload);
        s.emit('message', payload, () => undefined);
        s.emit('moderate', payload, () => undefined);
      }
    }
    await sleep(300);
    expect(burst.every((s) => s.connected)).toBe(true);
    await stillServing();
  });

  it('should answer not_joined to events for a room the connection has not joined', async () => {
    const s = await client();
    expect((await emitAck(s, 'message', { room, body: 'hei' })).error?.code).toBe('not_joined');
    expect((await emitAck(s, 'typing', { room })).error?.code).toBe('not_joined');
    expect((await emitAck(s, 'report', { room, messageId: ID, reason: 'spam' })).error?.code).toBe('not_joined');
    expect((await emitAck(s, 'moderate', { room, action: 'close' })).error?.code).toBe('not_joined');
    expect((await emitAck(s, 'leave', { room })).ok).toBe(true);
  });
});
