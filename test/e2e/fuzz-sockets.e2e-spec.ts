import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { asAdmin, newUser } from '../support/factories.js';
import { databaseFingerprint } from '../support/fingerprint.js';
import { hostileString, hostileValue, toPayload } from '../support/hostile.js';
import { connect, emitAck, openRoom, type ClientSocket } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Property-based fuzzing of the Socket.IO events (issue 9.2): random and malformed payloads for
 * every client event of /cafe, with and without an acknowledgement, as a guest and as a member.
 * Every ack is {ok: true, …} or {ok: false, error: {code, message}}; a refusal changes nothing in
 * the database; the server stays up, and a bystander in the room is untouched and can still talk.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const EVENTS = ['join', 'message', 'typing', 'leave', 'report', 'moderate'];

/** Payloads that sometimes aim at the real room with plausible fields, to get past the first check. */
const payload = () =>
  fc.oneof(
    hostileValue,
    fc.record({
      room: fc.oneof(fc.constant('__ROOM__'), hostileString),
      nickname: fc.oneof(fc.string({ minLength: 2, maxLength: 24 }), hostileValue),
      acceptRules: fc.oneof(fc.constant(true), hostileValue),
      since: fc.oneof(fc.uuid(), hostileValue),
      body: fc.oneof(fc.string({ maxLength: 50 }), hostileValue),
      messageId: fc.oneof(fc.uuid(), hostileValue),
      reason: hostileValue,
      action: fc.oneof(fc.constantFrom('delete', 'mute', 'kick', 'slowmode', 'close'), hostileValue),
      participantId: fc.oneof(fc.uuid(), hostileValue),
      seconds: fc.oneof(fc.integer(), hostileValue),
    }, { requiredKeys: [] }),
  );

describe('Socket.IO fuzzing of /cafe', () => {
  let app: TestApp;
  let db: DataSource;
  let member: TestClient;
  let room: string;
  let bystander: ClientSocket;
  let cases = 0;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '0' });
    db = app.server.app.get(DataSource);
    member = await newUser(app);
    room = await openRoom(await asAdmin(app));
    bystander = await connect(app);
    const joined = await emitAck(bystander, 'join', { room, nickname: 'Tilskuer', acceptRules: true });
    if (!joined.ok) throw new Error(`the bystander could not join: ${JSON.stringify(joined)}`);
  });
  afterAll(async () => {
    bystander?.close();
    await app.stop();
  });

  for (const role of ['guest', 'member'] as const) {
    it(`should answer every event with a well-formed ack, and change nothing when it refuses, as a ${role}`, async () => {
      const socket = await connect(app, role === 'member' ? { as: member } : {});
      const failures: string[] = [];
      let last = '';
      socket.on('disconnect', (reason) => failures.push(`disconnected (${reason}) after ${last}`));
      try {
        for (const event of [...EVENTS, 'no-such-event']) {
          await fc.assert(
            fc.asyncProperty(payload(), fc.boolean(), async (raw, withAck) => {
              const text = JSON.stringify(toPayload(raw)).replaceAll('"__ROOM__"', JSON.stringify(room));
              // Frames over the server's 32 KB bound end the connection by design (café-robustness tests that).
              if (Buffer.byteLength(text) > 30_000) return;
              const body = JSON.parse(text);
              last = `${event} ${text.slice(0, 300)}`;
              cases++;
              if (!withAck) {
                socket.emit(event, body);
                return;
              }
              const before = await databaseFingerprint(db);
              const ack = await emitAck(socket, event, body, event === 'no-such-event' ? 300 : 5_000).catch((e: Error) => ({ ok: false, timeout: e.message }) as const);
              const label = `${event} ${JSON.stringify(body).slice(0, 120)}`;
              if ('timeout' in ack) {
                // Unknown events may go unanswered (a dropped frame); every real event answers.
                if (event !== 'no-such-event') failures.push(`${label}: no ack`);
                return;
              }
              if (ack.ok === false) {
                if (typeof ack.error?.code !== 'string' || typeof ack.error?.message !== 'string') failures.push(`${label}: malformed error ${JSON.stringify(ack)}`);
                if ((await databaseFingerprint(db)) !== before) failures.push(`${label}: refused but changed the database`);
              } else if (ack.ok !== true) {
                failures.push(`${label}: ack ${JSON.stringify(ack).slice(0, 120)}`);
              }
            }),
            { numRuns: RUNS },
          );
          if (!socket.connected) failures.push(`${event}: the fuzzing socket was disconnected`);
        }
      } finally {
        socket.off('disconnect');
        socket.close();
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }

  it('should still be up, with the bystander connected and able to talk', async () => {
    expect((await app.client().get('/api/health')).status).toBe(200);
    expect(bystander.connected).toBe(true);
    const ack = await emitAck(bystander, 'message', { room, body: 'Er alle her fortsatt?' });
    expect(ack.ok).toBe(true);
    process.stdout.write(`socket fuzz: ${cases} cases\n`);
  });
});
