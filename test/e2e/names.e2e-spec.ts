import { asAdmin, newUser, uniqueName } from '../support/factories.js';
import { emitAck, openRoom, SocketPool } from '../support/sockets.js';
import { sql } from '../support/sql.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/** Decision 0039: one name rule for usernames, display names and café nicknames. */
describe('the one name rule', () => {
  let app: TestApp;
  let ingrid: TestClient;
  let erin: TestClient;
  let boss: TestClient;
  let room: string;
  const pool = new SocketPool();

  const register = (displayName: string, username = uniqueName('ny')) =>
    app.client().post('/api/auth/register', {
      username,
      password: 'et-langt-passord',
      displayName,
      acceptGuidelines: true,
      acceptPrivacy: true,
    });
  const users = async () => (await sql<{ n: string }[]>(app, 'SELECT count(*)::text AS n FROM users'))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    [ingrid, erin, boss] = await Promise.all([
      newUser(app, 'member', { displayName: 'Ingrid Hansen' }),
      newUser(app, 'member', { displayName: 'Erin Eng' }),
      newUser(app, 'moderator', { username: `boss${Date.now().toString(36)}`, displayName: 'Boss' }),
    ]);
    room = await openRoom(await asAdmin(app));
  });
  afterEach(() => pool.closeAll());
  afterAll(() => app.stop());

  const reserved = [
    'Anonym 1',
    'anonym',
    'ANONYM１',
    '\u0410nonym 2',
    'Gjest 1',
    'gjest12',
    'Svar i rådslag',
    'Forslag til aktivitetstilbud',
    'Vert',
    'M0derator',
  ];
  const othersNames = () => [
    'Ingrid Hansen',
    'INGRID  HANSEN',
    'Ingríd Hansen',
    '\uFF22oss',
    'B\u043Ess',
    ingrid.user!.username,
  ];

  it.each([
    ['line\nbreak', /one line/],
    ['tab\there', /one line/],
    ['\u200b\u200b', /blank/],
    ['\u202E\u2066', /blank/],
  ])(
    'should refuse the display name %j with 400 on PATCH /api/me and register, changing nothing',
    async (name, message) => {
      const res = await erin.patch('/api/me', { displayName: name });
      expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(message)]);
      const before = await users();
      const reg = await register(name);
      expect([reg.status, reg.body.message]).toEqual([400, expect.stringMatching(message)]);
      expect(await users()).toBe(before);
      expect((await erin.get('/api/auth/me')).body.displayName).toBe('Erin Eng');
    },
  );

  it('should refuse reserved names and names alike another account’s with 409 name_taken, changing nothing', async () => {
    const before = await users();
    for (const name of [...reserved, ...othersNames()]) {
      const res = await erin.patch('/api/me', { displayName: name });
      expect([name, res.status, res.body.code]).toEqual([name, 409, 'name_taken']);
      const reg = await register(name);
      expect([name, reg.status, reg.body.code]).toEqual([name, 409, 'name_taken']);
    }
    expect(await users()).toBe(before);
    expect((await erin.get('/api/auth/me')).body.displayName).toBe('Erin Eng');
    // Reserved words are refused as usernames too.
    const asUsername = await register('Noe Annet', 'Anonym1');
    expect([asUsername.status, asUsername.body.code]).toEqual([409, 'username_taken']);
  });

  it('should keep a name tidy and let a member take their own names back', async () => {
    const tidy = await erin.patch('/api/me', { displayName: '  Erin \u200BEng\u202E  Berg ' });
    expect([tidy.status, tidy.body.displayName]).toEqual([200, 'Erin Eng Berg']);
    expect((await erin.patch('/api/me', { displayName: erin.user!.username.toUpperCase() })).status).toBe(200);
    expect((await erin.patch('/api/me', { displayName: 'Erin Eng' })).status).toBe(200);
    expect((await ingrid.patch('/api/me', { displayName: 'Ingrid Hansen' })).status).toBe(200);
    expect((await boss.patch('/api/me', { displayName: 'BOSS' })).status).toBe(200);
  });

  it('should give one display name to only one of two members asking at once', async () => {
    const [a, b] = await Promise.all([newUser(app), newUser(app)]);
    const answers = await Promise.all([
      a.patch('/api/me', { displayName: 'Samtidig Sara' }),
      b.patch('/api/me', { displayName: 'Samtidig Sara' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('should refuse a guest nickname that is reserved or alike a member’s display name, and let the member use it', async () => {
    const guest = await pool.connect(app);
    // ("Forslag til aktivitetstilbud" is longer than a nickname may be.)
    for (const nickname of [
      ...reserved.filter((n) => n.length <= 24),
      'Ingrid Hansen',
      'ingrid hansen',
      'Ingríd Hansen',
      'Erin Eng',
      'Ｂoss',
    ]) {
      const ack = await emitAck(guest, 'join', { room, nickname, acceptRules: true });
      expect([nickname, ack.error?.code]).toEqual([nickname, 'nickname_taken']);
    }
    const own = await pool.connect(app, { as: ingrid });
    const ack = await emitAck(own, 'join', { room, nickname: 'Ingrid Hansen', acceptRules: true });
    expect(ack.ok).toBe(true);
  });
});
