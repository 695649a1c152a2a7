import { asAdmin, newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { statementsOf } from '../support/statements.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 19: the statements one request of a logged-in member costs. Who is asking (the session,
 * the user, their role and the sanctions in force) is one statement read with the session, and a
 * ban, a mute or a role change still applies at the very next request.
 */
/** SHOW_STATEMENTS=1 prints what each request sent (to see where a new statement came from). */
function show(label: string, statements: string[]): void {
  if (process.env.SHOW_STATEMENTS)
    process.stdout.write(`${label}\n${statements.map((q) => `  ${q.slice(0, 160)}`).join('\n')}\n`);
}

describe('statements per request of a logged-in member', () => {
  let app: TestApp;
  let admin: TestClient;
  let member: TestClient;
  let slug: string;
  let threadId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true });
    member = await newUser(app);
    const writer = await newUser(app);
    threadId = (await newThread(writer, slug)).id;
    for (let i = 0; i < 5; i++) await reply(writer, threadId, `Svar ${i}`, i % 2 === 0);
    must(await member.get(`/api/threads/${threadId}`), 200);
    // Another member reads first: the pages' shared rows are made (decision 0042).
    const other = await newUser(app);
    for (const path of [
      `/api/threads/${threadId}`,
      `/api/threads/${threadId}/posts`,
      `/api/categories/${slug}/threads`,
    ])
      must(await other.get(path), 200);
  });
  afterAll(() => app?.stop());

  const count = async (client: TestClient, path: string) => {
    let status = 0;
    const statements = await statementsOf(app, async () => {
      status = (await client.get(path)).status;
    });
    expect(status).toBe(200);
    show(path, statements);
    return statements;
  };

  it('should know who is asking from one statement, read with the session', async () => {
    const statements = await count(member, '/api/auth/me');
    const identity = statements.filter((q) => /\bFROM sessions\b/i.test(q));
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatch(/\bJOIN users\b/);
    expect(identity[0]).toMatch(/\bFROM sanctions\b/);
    expect(statements.filter((q) => /\bFROM (sanctions|sessions)\b/.test(q))).toEqual(identity);
    // The other: whether the member is taking a break, which only this answer needs.
    expect(statements.length).toBeLessThanOrEqual(2);
  });

  // Who is asking, and the reader's own part (their lens and reactions, in one); the thread, its
  // posts, their counts and the category's threads are shared rows another reader made. A posts
  // page checks the thread by a read of its own (LockedWrite).
  it('should serve a member a thread page in two statements, its posts in three and a listing in two', async () => {
    // What lies past the bound, shown in a failure: the statements, not only their number.
    expect((await count(member, `/api/threads/${threadId}`)).slice(2)).toEqual([]);
    expect((await count(member, `/api/threads/${threadId}/posts`)).slice(3)).toEqual([]);
    expect((await count(member, `/api/categories/${slug}/threads`)).slice(2)).toEqual([]);
  });

  // Named: who is asking, the thread, and one statement that writes the reply with its count and
  // the notice to the thread's author, with no transaction around it (from 15 before issue 19; decision
  // 0046). Anonymous, under the thread's lock: BEGIN, the thread locked, the sealed index of own threads
  // (2), the alias (2), the post written and read back in one, its counts, the notice, COMMIT (from 18).
  it('should write a named reply in three statements, or an anonymous one in twelve', async () => {
    for (const [anonymous, most] of [
      [false, 3],
      [true, 12],
    ] as const) {
      let status = 0;
      const statements = await statementsOf(app, async () => {
        status = (await member.post(`/api/threads/${threadId}/posts`, { body: 'Et svar til', anonymous })).status;
      });
      expect(status).toBe(201);
      show(`reply anonymous=${anonymous}`, statements);
      expect(statements.length).toBeLessThanOrEqual(most);
      if (!anonymous) expect(statements.filter((q) => /^(START TRANSACTION|BEGIN)/i.test(q))).toEqual([]);
    }
  });

  it('should apply a mute, a role change and a ban at the next request', async () => {
    const person = await newUser(app);
    must(await person.get('/api/auth/me'), 200);
    must(
      await admin.post('/api/mod/sanctions', { target: { userId: person.user!.id }, kind: 'mute', reason: 'Pause' }),
      201,
    );
    expect((await person.post(`/api/threads/${threadId}/posts`, { body: 'Kan jeg skrive?' })).status).toBe(403);
    must(await admin.patch(`/api/admin/users/${person.user!.id}`, { role: 'host' }), 200);
    expect((await person.get('/api/auth/me')).body.role).toBe('host');
    must(
      await admin.post('/api/mod/sanctions', { target: { userId: person.user!.id }, kind: 'ban', reason: 'Nei' }),
      201,
    );
    expect((await person.get('/api/auth/me')).status).toBe(401);
  });

  it('should never carry one member’s identity into another’s request', async () => {
    const others = await Promise.all([newUser(app), newUser(app), newUser(app)]);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([member, ...others].map((c) => c.get('/api/auth/me')));
      expect(answers.map((a) => a.body.id)).toEqual([member, ...others].map((c) => c.user!.id));
    }
  });
});
