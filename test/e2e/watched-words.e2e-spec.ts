import { asAdmin, newUser } from '../support/factories.js';
import { sql } from '../support/sql.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

describe('watched words (admin)', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
  });
  afterAll(() => app.stop());

  it('should list the seeded Norwegian defaults, paged alphabetically', async () => {
    const first = await admin.get('/api/admin/watched-words?limit=10');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0]).toEqual({
      id: expect.any(String),
      pattern: expect.any(String),
      action: expect.stringMatching(/^(block|review|flag|crisis)$/),
      createdAt: expect.any(String),
    });
    const all: { pattern: string; action: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { pattern: string; action: string }[]; nextCursor: string | null } } =
        await admin.get(`/api/admin/watched-words?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.map((w) => w.pattern)).toEqual(all.map((w) => w.pattern).toSorted());
    expect(all).toEqual(
      expect.arrayContaining([
        { ...all.find((w) => w.pattern === 'selvmord*'), action: 'crisis' },
        expect.objectContaining({ pattern: 'orke ikke mer', action: 'crisis' }),
      ]),
    );
  });

  it('should add a word in its normalised form (201), audited, and remove it (204), audited', async () => {
    const res = await admin.post('/api/admin/watched-words', { pattern: '  Vil  IKKE  våkne ', action: 'crisis' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      pattern: 'vil ikke våkne',
      action: 'crisis',
      createdAt: expect.any(String),
    });
    expect((await admin.post('/api/admin/watched-words', { pattern: 'vil ikke VÅKNE', action: 'flag' })).status).toBe(
      409,
    );
    expect((await admin.delete(`/api/admin/watched-words/${res.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/admin/watched-words/${res.body.id}`)).status).toBe(404);
    const audit = await sql(
      app,
      `SELECT actor_id, meta->>'op' AS op, meta->>'pattern' AS pattern FROM audit_log WHERE action = 'watched_word' AND target_id = $1 ORDER BY created_at`,
      [res.body.id],
    );
    expect(audit).toEqual([
      { actor_id: admin.user!.id, op: 'add', pattern: 'vil ikke våkne' },
      { actor_id: admin.user!.id, op: 'remove', pattern: 'vil ikke våkne' },
    ]);
  });

  it.each([
    ['a regular expression', { pattern: '(a+)+$', action: 'block' }, /letters and digits/],
    ['a wildcard at the start', { pattern: '*mord', action: 'block' }, /letters and digits/],
    ['a too short stem', { pattern: 'ab*', action: 'block' }, /before the \*/],
    ['seven words', { pattern: 'en to tre fire fem seks sju', action: 'flag' }, /at most 6 words/],
    ['65 characters', { pattern: 'a'.repeat(65), action: 'flag' }, /at most 64/],
    ['an unknown action', { pattern: 'hei', action: 'ban' }, /action must be one of/],
    ['no pattern', { action: 'flag' }, /pattern/],
    ['an unknown field', { pattern: 'hei', action: 'flag', regex: true }, /regex should not exist/],
  ])('should refuse %s (400)', async (_, body, message) => {
    const res = await admin.post('/api/admin/watched-words', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('should answer 400 to a malformed id and keep the list to admins (401 guest, 403 moderator)', async () => {
    expect((await admin.delete('/api/admin/watched-words/not-an-id')).status).toBe(400);
    expect((await app.client().get('/api/admin/watched-words')).status).toBe(401);
    const moderator = await newUser(app, 'moderator');
    expect((await moderator.get('/api/admin/watched-words')).status).toBe(403);
    expect((await moderator.post('/api/admin/watched-words', { pattern: 'hei', action: 'flag' })).status).toBe(403);
  });
});
