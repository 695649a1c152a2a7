import type { ChildProcess } from 'node:child_process';
import { build } from '../../scripts/build.mjs';
import { freePort, startAppProcess, stopProcess } from '../support/app-process.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';
import { asAdmin, login, newUser, type AppClients } from '../support/factories.js';
import { connect, emitAck, openRoom, waitFor } from '../support/sockets.js';
import { ADMIN, TestClient } from '../support/test-app.js';

/**
 * Privacy of the logs (issue 9.7): the built app, in a process of its own at the most talkative
 * log level, goes through what people do — registering, logging in (and failing to), posting named
 * and anonymously, editing, searching, flagging, chatting in the café as a guest and as a member,
 * changing and resetting a password, exporting and deleting an account, and sending malformed
 * requests full of secrets. Nothing anyone wrote or any secret they hold may appear in its output.
 */

/** The ways a value could be written into a log line: as it is, URL-encoded, JSON-escaped. */
const spellings = (value: string) =>
  [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)].map((v) => v.toLowerCase());

describe('the logs of a full run', () => {
  let database: TestDatabase;
  let child: ChildProcess | undefined;
  let output = '';
  let app: AppClients & { url: string };
  /** Everything that must never be logged, by what it is. */
  const secrets = new Map<string, string>();
  const secret = (what: string, value: string) => {
    secrets.set(what, value);
    return value;
  };

  beforeAll(async () => {
    await build();
    database = await freshDatabase();
    const port = await freePort();
    child = await startAppProcess(
      {
        DATA_DIR: database.dataDir,
        DATABASE_URL: database.url ?? '',
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_SCALE: '100',
        LOG_LEVEL: 'trace',
      },
      port,
      (chunk) => (output += chunk),
    );
    const url = `http://127.0.0.1:${port}`;
    app = { url, client: () => new TestClient(url) };
  }, 240_000);

  afterAll(async () => {
    if (child) await stopProcess(child, 'SIGTERM');
    await database?.drop();
  });

  it('should hold no password, cookie, token, post, search, café message or email address', async () => {
    const admin = await asAdmin(app);
    secrets.set('admin password', ADMIN.password);
    const category = await admin.post('/api/categories', {
      slug: 'loggtest',
      name: 'Loggtest',
      description: 'Der alt skjer',
      visibility: 'open',
      moderation: 'post',
      allowAnonymous: true,
      allowGuests: true,
    });
    expect(category.status).toBe(201);
    await admin.patch('/api/admin/settings', { newMemberReviewCount: 0 });

    // An account, and a login that fails before one that works.
    const ulla = app.client();
    const password = secret('password', 'Hemmelig-Passord-Ulla-7731');
    const email = secret('email', 'ulla.hemmelig@eksempel.no');
    const registered = await ulla.post('/api/auth/register', {
      username: 'ulla_logg',
      password,
      displayName: secret('display name', 'Ulla Loggesen'),
      email,
      acceptGuidelines: true,
      acceptPrivacy: true,
    });
    expect(registered.status).toBe(201);
    expect(
      (
        await app
          .client()
          .post('/api/auth/login', { username: 'ulla_logg', password: secret('wrong password', 'Feil-Passord-9913') })
      ).status,
    ).toBe(401);
    expect(
      (
        await app
          .client()
          .post('/api/auth/login', { username: secret('unknown username', 'ingen_slik_bruker_2211'), password })
      ).status,
    ).toBe(401);
    await login(ulla, 'ulla_logg', password);
    for (const [i, pair] of ulla.cookieHeader().split('; ').entries()) {
      const value = pair.slice(pair.indexOf('=') + 1);
      secret(`cookie ${i}`, value);
      // a signed session cookie is s:<session id>.<signature>: the bare id must not show either
      const sessionId = /^s:([^.]+)\./.exec(decodeURIComponent(value))?.[1];
      if (sessionId) secret(`session id ${i}`, sessionId);
    }
    expect([...secrets.keys()].some((k) => k.startsWith('session id'))).toBe(true);

    // Writing, named and anonymous; editing; searching; flagging.
    const thread = await ulla.post('/api/categories/loggtest/threads', {
      title: secret('thread title', 'Tittel-Som-Ikke-Skal-Logges'),
      body: secret('opening post', 'Åpningsinnlegg-hemmelig-4471'),
    });
    expect(thread.status).toBe(201);
    const threadId = thread.body.id as string;
    const anon = await ulla.post(`/api/threads/${threadId}/posts`, {
      body: secret('anonymous post', 'Anonymt-svar-hemmelig-5582'),
      anonymous: true,
    });
    expect(anon.status).toBe(201);
    const edited = await ulla.patch(`/api/posts/${anon.body.id}`, {
      body: secret('edited post', 'Redigert-svar-hemmelig-6693'),
    });
    expect(edited.status).toBe(200);
    expect((await ulla.get(`/api/search?q=${secret('search', 'søkeord-hemmelig-7704')}`)).status).toBe(200);
    const other = await newUser(app);
    expect(
      (
        await other.post(`/api/posts/${anon.body.id}/flags`, {
          reason: 'other',
          note: secret('flag note', 'Flaggnotat-hemmelig-8815'),
        })
      ).status,
    ).toBe(201);

    // A guest's held post and its receipt.
    const guestPost = await app.client().post('/api/categories/loggtest/threads', {
      title: secret('guest title', 'Gjestetittel-hemmelig-9915'),
      body: secret('guest post', 'Gjesteinnlegg-hemmelig-9926'),
    });
    expect(guestPost.status).toBe(201);
    const receipt = secret('receipt token', guestPost.body.receiptToken);
    expect((await app.client().get(`/api/receipts/${receipt}`)).status).toBe(200);

    // Malformed and refused requests that carry secrets.
    const malformed = await app
      .client()
      .agent.post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(
        `{"username":"ulla_logg","password":"${secret('password in malformed JSON', 'Ødelagt-JSON-Passord-1037')}"`,
      );
    expect(malformed.status).toBe(400);
    const tooLong = await ulla.post(`/api/threads/${threadId}/posts`, {
      body: secret('refused post', 'For-langt-innlegg-hemmelig-2148') + 'x'.repeat(100_000),
    });
    expect(tooLong.status).toBeGreaterThanOrEqual(400);
    expect(tooLong.status).toBeLessThan(500);

    // The café: a guest and a member, one message with crisis words.
    await openRoom(admin, { slug: 'loggkafe' });
    const guest = await connect(app);
    const member = await connect(app, { as: ulla });
    try {
      expect(
        (
          await emitAck(guest, 'join', {
            room: 'loggkafe',
            nickname: secret('café nickname', 'Kaffekopp3259'),
            acceptRules: true,
          })
        ).ok,
      ).toBe(true);
      expect((await emitAck(member, 'join', { room: 'loggkafe', acceptRules: true })).ok).toBe(true);
      const heard = waitFor(member, 'message', (m: { body: string }) => m.body.includes('Kafeprat'));
      expect(
        (await emitAck(guest, 'message', { room: 'loggkafe', body: secret('café message', 'Kafeprat-hemmelig-4360') }))
          .ok,
      ).toBe(true);
      await heard;
      expect(
        (
          await emitAck(member, 'message', {
            room: 'loggkafe',
            body: secret('café crisis message', 'Jeg har tenkt på selvmord, hemmelig-5471'),
          })
        ).ok,
      ).toBe(true);
      expect(
        (
          await emitAck(guest, 'message', {
            room: 'loggkafe',
            body: { nested: secret('malformed café message', 'Feilformet-kafe-6582') },
          })
        ).ok,
      ).toBe(false);
    } finally {
      guest.close();
      member.close();
    }

    // Passwords changed and reset, the data exported, the account deleted.
    const newPassword = secret('new password', 'Nytt-Passord-Ulla-7693');
    expect((await ulla.post('/api/me/password', { currentPassword: password, newPassword })).status).toBe(204);
    const reset = await admin.post(`/api/admin/users/${other.user!.id}/reset-password`);
    expect(reset.status).toBe(200);
    const token = secret('reset token', new URL(reset.body.resetUrl).hash.slice(1));
    expect(
      (
        await app.client().post('/api/auth/reset-password', {
          token,
          newPassword: secret('reset password', 'Tilbakestilt-Passord-8704'),
        })
      ).status,
    ).toBe(204);
    // A personal calendar feed (issue 15): its secret is in the path a calendar app asks for.
    const created = await ulla.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const feed = created.body.url as string;
    const feedToken = secret(
      'calendar feed token',
      new URL(feed).pathname
        .split('/')
        .pop()!
        .replace(/\.ics$/, ''),
    );
    expect((await app.client().get(`/api/calendar-feeds/${feedToken}.ics`)).status).toBe(200);
    expect((await app.client().get(`/api/calendar-feeds/${feedToken}x.ics`)).status).toBe(404);
    expect((await ulla.get('/api/me/export')).status).toBe(200);
    expect((await ulla.delete('/api/me', { password: newPassword })).status).toBe(204);

    await new Promise((r) => setTimeout(r, 500));
    // The logs are there and talkative, so finding nothing in them means something.
    expect(output).toContain('"path":"/api/auth/login"');
    expect(output).toContain('"path":"/api/receipts/:token"');
    expect(output).toContain('"path":"/api/calendar-feeds/:token"');
    expect(output.split('\n').length).toBeGreaterThan(40);
    const log = output.toLowerCase();
    const leaked = [...secrets]
      .filter(([, value]) => spellings(value).some((v) => log.includes(v)))
      .map(([what]) => what);
    expect(leaked).toEqual([]);
  }, 180_000);
});
