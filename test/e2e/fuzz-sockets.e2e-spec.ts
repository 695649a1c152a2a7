import fc from 'fast-check';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '../../apps/api/src/auth/session-cookie.js';
import { asAdmin, newUser } from '../support/factories.js';
import { databaseFingerprint } from '../support/fingerprint.js';
import { hostileString, hostileValue, toPayload } from '../support/hostile.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { connect as connectNamespace, nextEvent } from '../support/mod-sockets.js';
import { connect, emitAck, openRoom, sleep, type ClientSocket } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Property-based fuzzing of the Socket.IO events (issue 9.2): random and malformed payloads for
 * every client event of /cafe, with and without an acknowledgement, as a guest and as a member.
 * Every ack is {ok: true, …} or {ok: false, error: {code, message}}; a refusal changes nothing in
 * the database; the server stays up, and a bystander in the room is untouched and can still talk.
 * /mod and /me take no events from clients: whatever is sent there changes nothing, hostile
 * handshakes are refused with a reason, and their own live events still arrive afterwards.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const EVENTS = ['join', 'message', 'typing', 'leave', 'report', 'moderate'];

/** Payloads that sometimes aim at the real room with plausible fields, to get past the first check. */
const payload = () =>
  fc.oneof(
    hostileValue,
    fc.record(
      {
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
      },
      { requiredKeys: [] },
    ),
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
              const ack = await emitAck(socket, event, body, event === 'no-such-event' ? 300 : 5_000).catch(
                (e: Error) => ({ ok: false, timeout: e.message }) as const,
              );
              const label = `${event} ${JSON.stringify(body).slice(0, 120)}`;
              if ('timeout' in ack) {
                // Unknown events may go unanswered (a dropped frame); every real event answers.
                if (event !== 'no-such-event') failures.push(`${label}: no ack`);
                return;
              }
              if (ack.ok === false) {
                if (typeof ack.error?.code !== 'string' || typeof ack.error?.message !== 'string')
                  failures.push(`${label}: malformed error ${JSON.stringify(ack)}`);
                if ((await databaseFingerprint(db)) !== before)
                  failures.push(`${label}: refused but changed the database`);
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

describe('Socket.IO fuzzing of /mod and /me', () => {
  let app: TestApp;
  let db: DataSource;
  let moderator: TestClient;
  let member: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '0' });
    db = app.server.app.get(DataSource);
    moderator = await newUser(app, 'moderator');
    member = await newUser(app);
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  const RESERVED = new Set([
    'connect',
    'connect_error',
    'disconnect',
    'disconnecting',
    'newListener',
    'removeListener',
  ]);
  const anyEvent = fc.oneof(
    fc.constantFrom('queue:changed', 'notification', 'join', 'message', 'moderate', 'claim', 'approve', '__proto__'),
    hostileString.filter((e) => e.length > 0 && e.length < 200 && !RESERVED.has(e)),
  );

  for (const [namespace, who] of [
    ['/mod', 'moderator'],
    ['/me', 'member'],
  ] as const) {
    it(`should change nothing and stay connected whatever a ${who} sends on ${namespace}`, async () => {
      const socket = await connectNamespace(app, namespace, who === 'moderator' ? moderator : member);
      const failures: string[] = [];
      socket.on('disconnect', (reason) => failures.push(`disconnected: ${reason}`));
      try {
        const before = await databaseFingerprint(db);
        await fc.assert(
          fc.asyncProperty(anyEvent, hostileValue, fc.boolean(), async (event, raw, withAck) => {
            const body = toPayload(raw);
            if (Buffer.byteLength(JSON.stringify(body) ?? '') > 30_000) return;
            if (withAck) socket.timeout(200).emit(event, body, () => undefined);
            else socket.emit(event, body);
          }),
          { numRuns: RUNS * 3 },
        );
        await sleep(300);
        if ((await databaseFingerprint(db)) !== before) failures.push('the database changed');
        if (!socket.connected) failures.push('the socket was disconnected');
      } finally {
        socket.off('disconnect');
        socket.close();
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }

  it('should refuse hostile handshakes with a reason, never crash, and let nobody in without a session', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/mod', '/me'),
        hostileValue,
        hostileString,
        hostileString,
        async (namespace, raw, cookie, query) => {
          const auth = toPayload(raw);
          if (Buffer.byteLength(JSON.stringify(auth) ?? '') > 30_000) return; // over the frame bound: refused by the transport
          const socket = io(`${app.url}${namespace}`, {
            forceNew: true,
            reconnection: false,
            transports: ['polling', 'websocket'],
            // the protocol allows only an object here; the client library sends anything else as it is
            auth: (auth && typeof auth === 'object' && !Array.isArray(auth) ? auth : { token: auth }) as Record<
              string,
              unknown
            >,
            // the client library can't URL-encode a lone surrogate (it throws before sending)
            query: { q: query.replaceAll(/[\uD800-\uDFFF]/g, '').slice(0, 500) },
            // a header can only carry visible ASCII
            extraHeaders: { cookie: `${SESSION_COOKIE}=${cookie.replaceAll(/[^\x21-\x7e]/g, '').slice(0, 500)}` },
          });
          const outcome = await new Promise<string>((resolve) => {
            const timer = setTimeout(() => resolve('no answer'), 5_000);
            socket.once('connect', () => {
              clearTimeout(timer);
              resolve('connected');
            });
            socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
              clearTimeout(timer);
              resolve(err.data?.code ? 'refused' : `error without a code: ${err.message}`);
            });
          });
          socket.close();
          if (outcome !== 'refused') failures.push(`${namespace} ${JSON.stringify(auth).slice(0, 80)}: ${outcome}`);
        },
      ),
      { numRuns: RUNS },
    );
    expect(failures).toEqual([]);
  }, 180_000);

  it('should still bring a moderator the queue and a member their notifications afterwards', async () => {
    expect((await app.client().get('/api/health')).status).toBe(200);
    const slug = await newCategory(app, { moderation: 'pre' });
    const mod = await connectNamespace(app, '/mod', moderator);
    const me = await connectNamespace(app, '/me', member);
    try {
      const queued = nextEvent<{ pending: number }>(mod, 'queue:changed', (c) => c.pending > 0);
      await newThread(member, slug, { title: 'Holdt tilbake' });
      await queued;
      const own = await newThread(member, await newCategory(app), { title: 'Min tråd' });
      const note = nextEvent<{ type: string }>(me, 'notification');
      await reply(moderator, own.id, 'Et svar til deg');
      expect((await note).type).toBe('reply');
    } finally {
      mod.close();
      me.close();
    }
  });
});
