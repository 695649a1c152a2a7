import { asAdmin, newUser } from '../support/factories.js';
import { emitAck, joinRoom, openRoom, uniqueSlug, waitFor } from '../support/sockets.js';
import { sql } from '../support/sql.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const create = (client: TestClient, body: Record<string, unknown>) => client.post('/api/cafe/rooms', body);
const room = (fields: Record<string, unknown> = {}) => ({
  slug: uniqueSlug(),
  name: 'Pårørendekaféen',
  description: 'For pårørende',
  audience: 'everyone',
  ...fields,
});
const listed = async (client: TestClient, slug: string) =>
  ((await client.get('/api/cafe/rooms')).body as { slug: string }[]).find((r) => r.slug === slug) as
    Record<string, unknown> | undefined;
const slugsFor = async (client: TestClient) =>
  ((await client.get('/api/cafe/rooms')).body as { slug: string }[]).map((r) => r.slug);

describe('café rooms and opening hours (REST)', () => {
  let app: TestApp;
  let admin: TestClient;
  let host: TestClient;
  let member: TestClient;
  let panel: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    [host, member, panel] = await Promise.all([newUser(app, 'host'), newUser(app), newUser(app, 'panel')]);
  });
  afterAll(() => app.stop());

  it('should let an admin create a room (201, the room shape) and audit it', async () => {
    const body = room();
    const res = await create(admin, body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      slug: body.slug,
      name: body.name,
      description: body.description,
      audience: 'everyone',
      isOpen: false,
      opensAt: null,
      closesAt: null,
      participants: 0,
    });
    const audit = await sql(
      app,
      `SELECT a.action, a.meta FROM audit_log a JOIN cafe_rooms r ON r.id = a.target_id WHERE r.slug = $1`,
      [body.slug],
    );
    expect(audit).toEqual([{ action: 'cafe_room', meta: expect.objectContaining({ op: 'create', slug: body.slug }) }]);
  });

  it('should refuse room creation to guests (401), members and hosts (403)', async () => {
    expect((await create(app.client(), room())).status).toBe(401);
    expect((await create(member, room())).status).toBe(403);
    expect((await create(host, room())).status).toBe(403);
  });

  it.each([
    ['a slug with capitals', { slug: 'Kafe' }, /slug/],
    ['a one-letter slug', { slug: 'k' }, /slug/],
    ['a slug with a space', { slug: 'ka fe' }, /slug/],
    ['an unknown audience', { audience: 'all' }, /audience must be one of/],
    ['an empty name', { name: '  ' }, /name/],
    ['an unknown field', { extra: 1 }, /extra should not exist/],
    ['a number for a name', { name: 7 }, /name/],
  ])('should refuse a room with %s (400)', async (_, change, message) => {
    const res = await create(admin, room(change));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('should answer 409 to a slug in use', async () => {
    const body = room();
    expect((await create(admin, body)).status).toBe(201);
    const again = await create(admin, { ...body, name: 'Another' });
    expect(again.status).toBe(409);
  });

  it('should list only the rooms the caller may enter', async () => {
    const open = room({ audience: 'everyone' });
    const members = room({ audience: 'members' });
    const panelRoom = room({ audience: 'panel' });
    for (const r of [open, members, panelRoom]) expect((await create(admin, r)).status).toBe(201);
    const guest = await slugsFor(app.client());
    expect(guest).toContain(open.slug);
    expect(guest).not.toContain(members.slug);
    expect(guest).not.toContain(panelRoom.slug);
    const asMember = await slugsFor(member);
    expect(asMember).toEqual(expect.arrayContaining([open.slug, members.slug]));
    expect(asMember).not.toContain(panelRoom.slug);
    expect(await slugsFor(panel)).toEqual(expect.arrayContaining([open.slug, members.slug, panelRoom.slug]));
  });

  it('should let a host plan a session, show it as the next opening, and refuse an overlap (409)', async () => {
    const slug = (await create(admin, room())).body.slug;
    const startsAt = inMinutes(60);
    const endsAt = inMinutes(120);
    const res = await host.post(`/api/cafe/rooms/${slug}/sessions`, { startsAt, endsAt });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), room: slug, startsAt, endsAt });
    expect(await listed(app.client(), slug)).toMatchObject({
      isOpen: false,
      opensAt: startsAt,
      closesAt: endsAt,
      participants: 0,
    });
    const overlap = await host.post(`/api/cafe/rooms/${slug}/sessions`, {
      startsAt: inMinutes(90),
      endsAt: inMinutes(150),
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toMatch(/already has a session/);
    const after = await host.post(`/api/cafe/rooms/${slug}/sessions`, { startsAt: endsAt, endsAt: inMinutes(180) });
    expect(after.status).toBe(201);
  });

  it.each([
    ['an end before the start', { startsAt: inMinutes(60), endsAt: inMinutes(30) }, /after startsAt/],
    ['a session under five minutes', { startsAt: inMinutes(60), endsAt: inMinutes(62) }, /at least 5 minutes/],
    ['a session over twelve hours', { startsAt: inMinutes(60), endsAt: inMinutes(60 + 13 * 60) }, /at most 12 hours/],
    ['a start in the past', { startsAt: inMinutes(-60), endsAt: inMinutes(30) }, /in the past/],
    [
      'a start more than a year ahead',
      { startsAt: inMinutes(60 * 24 * 400), endsAt: inMinutes(60 * 24 * 400 + 60) },
      /a year ahead/,
    ],
    ['a date that is not a date', { startsAt: 'i morgen', endsAt: inMinutes(30) }, /startsAt must be a date/],
    ['a missing end', { startsAt: inMinutes(60) }, /endsAt/],
  ])('should refuse a session with %s (400)', async (_, body, message) => {
    const slug = (await create(admin, room())).body.slug;
    const res = await host.post(`/api/cafe/rooms/${slug}/sessions`, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('should refuse opening hours to members (403) and answer 404 for an unknown room', async () => {
    const slug = (await create(admin, room())).body.slug;
    expect(
      (await member.post(`/api/cafe/rooms/${slug}/sessions`, { startsAt: inMinutes(60), endsAt: inMinutes(120) }))
        .status,
    ).toBe(403);
    expect((await member.post(`/api/cafe/rooms/${slug}/open`, {})).status).toBe(403);
    expect((await app.client().post(`/api/cafe/rooms/${slug}/close`, {})).status).toBe(401);
    expect((await host.post(`/api/cafe/rooms/no-such-room/open`, {})).status).toBe(404);
    expect(
      (await host.post(`/api/cafe/rooms/no-such-room/sessions`, { startsAt: inMinutes(60), endsAt: inMinutes(120) }))
        .status,
    ).toBe(404);
  });

  it('should open a room now for two hours by default, extend it, and close it (200 each), audited', async () => {
    const slug = (await create(admin, room())).body.slug;
    const opened = await host.post(`/api/cafe/rooms/${slug}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.isOpen).toBe(true);
    const length = Date.parse(opened.body.closesAt) - Date.parse(opened.body.opensAt);
    expect(Math.abs(length - 2 * 3600_000)).toBeLessThan(5_000);
    const until = inMinutes(180);
    const extended = await host.post(`/api/cafe/rooms/${slug}/open`, { until });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ isOpen: true, closesAt: until, opensAt: opened.body.opensAt });
    const closed = await host.post(`/api/cafe/rooms/${slug}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.isOpen).toBe(false);
    expect(await listed(app.client(), slug)).toMatchObject({ isOpen: false, opensAt: null });
    const again = await host.post(`/api/cafe/rooms/${slug}/close`);
    expect(again.status).toBe(200);
    const ops = await sql(
      app,
      `SELECT a.meta->>'op' AS op FROM audit_log a JOIN cafe_rooms r ON r.id = a.target_id WHERE r.slug = $1 ORDER BY a.created_at`,
      [slug],
    );
    expect(ops.map((o: { op: string }) => o.op)).toEqual(['create', 'open', 'extend', 'close']);
  });

  it('should start a planned session early when a host opens the room within half an hour of it', async () => {
    const slug = (await create(admin, room())).body.slug;
    const planned = await host.post(`/api/cafe/rooms/${slug}/sessions`, {
      startsAt: inMinutes(20),
      endsAt: inMinutes(90),
    });
    const opened = await host.post(`/api/cafe/rooms/${slug}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ isOpen: true, closesAt: planned.body.endsAt });
    expect(Date.parse(opened.body.opensAt)).toBeLessThanOrEqual(Date.now());
    const sessions = await sql(
      app,
      `SELECT s.id FROM cafe_sessions s JOIN cafe_rooms r ON r.id = s.room_id WHERE r.slug = $1`,
      [slug],
    );
    expect(sessions).toEqual([{ id: planned.body.id }]);
  });

  // Issue 21.2: a host who opened the room for a while must not take an evening planned later away.
  it('should keep a session planned later that day when a host opens now and closes again', async () => {
    const slug = (await create(admin, room())).body.slug;
    const evening = (
      await admin.post(`/api/cafe/rooms/${slug}/sessions`, { startsAt: inMinutes(90), endsAt: inMinutes(180) })
    ).body as { id: string; startsAt: string; endsAt: string };
    const opened = await host.post(`/api/cafe/rooms/${slug}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ isOpen: true, closesAt: evening.startsAt });
    expect((await host.post(`/api/cafe/rooms/${slug}/open`, { until: inMinutes(120) })).status).toBe(409);
    expect((await host.post(`/api/cafe/rooms/${slug}/close`)).body).toMatchObject({
      isOpen: false,
      opensAt: evening.startsAt,
    });
    expect((await host.get(`/api/cafe/rooms/${slug}/sessions`)).body).toEqual([{ ...evening, room: slug }]);
  });

  it('should let a host see the planned sessions and cancel one before it starts, audited; an open one is closed instead', async () => {
    const slug = (await create(admin, room())).body.slug;
    const first = (
      await host.post(`/api/cafe/rooms/${slug}/sessions`, { startsAt: inMinutes(60), endsAt: inMinutes(120) })
    ).body;
    const second = (
      await host.post(`/api/cafe/rooms/${slug}/sessions`, { startsAt: inMinutes(24 * 60), endsAt: inMinutes(25 * 60) })
    ).body;
    const listedSessions = await host.get(`/api/cafe/rooms/${slug}/sessions`);
    expect(listedSessions.status).toBe(200);
    expect(listedSessions.body.map((x: { id: string }) => x.id)).toEqual([first.id, second.id]);
    expect((await member.get(`/api/cafe/rooms/${slug}/sessions`)).status).toBe(403);
    expect((await member.delete(`/api/cafe/rooms/${slug}/sessions/${first.id}`)).status).toBe(403);

    expect((await host.delete(`/api/cafe/rooms/${slug}/sessions/${first.id}`)).status).toBe(204);
    expect((await host.get(`/api/cafe/rooms/${slug}/sessions`)).body.map((x: { id: string }) => x.id)).toEqual([
      second.id,
    ]);
    expect(await listed(member, slug)).toMatchObject({ isOpen: false, opensAt: second.startsAt });
    expect((await host.delete(`/api/cafe/rooms/${slug}/sessions/${first.id}`)).status).toBe(404);
    expect((await host.delete(`/api/cafe/rooms/${slug}/sessions/not-a-uuid`)).status).toBe(400);
    const audit = await sql(
      app,
      `SELECT meta FROM audit_log WHERE action = 'cafe_room' AND meta->>'op' = 'cancel' AND meta->>'sessionId' = $1`,
      [first.id],
    );
    expect(audit).toHaveLength(1);

    const live = (await host.post(`/api/cafe/rooms/${slug}/open`, { until: inMinutes(30) })).body;
    const [open] = (await host.get(`/api/cafe/rooms/${slug}/sessions`)).body as { id: string }[];
    expect(live.isOpen).toBe(true);
    expect((await host.delete(`/api/cafe/rooms/${slug}/sessions/${open.id}`)).status).toBe(409);
  });

  it('should refuse an "until" in the past or over twelve hours away (400)', async () => {
    const slug = (await create(admin, room())).body.slug;
    expect((await host.post(`/api/cafe/rooms/${slug}/open`, { until: inMinutes(-5) })).status).toBe(400);
    expect((await host.post(`/api/cafe/rooms/${slug}/open`, { until: inMinutes(13 * 60) })).status).toBe(400);
    expect((await host.post(`/api/cafe/rooms/${slug}/open`, { until: 'snart' })).status).toBe(400);
  });

  it('should count the participants of an open room and tell everyone in it when a host closes it over REST', async () => {
    const slug = await openRoom(admin);
    const a = await joinRoom(app, slug);
    const b = await joinRoom(app, slug);
    expect(await listed(app.client(), slug)).toMatchObject({ isOpen: true, participants: 2 });
    const closedA = waitFor(a.socket, 'room:closed');
    const closedB = waitFor(b.socket, 'room:closed');
    expect((await host.post(`/api/cafe/rooms/${slug}/close`)).status).toBe(200);
    expect(await closedA).toEqual({ room: slug });
    expect(await closedB).toEqual({ room: slug });
    const after = await emitAck(a.socket, 'message', { room: slug, body: 'er det noen her?' });
    expect(after.error?.code).toBe('closed');
    a.socket.close();
    b.socket.close();
  });

  it('should serve the café rules a guest accepts, in bokmål and English, with the helplines', async () => {
    const res = await app.client().get('/api/cafe/rules');
    expect(res.status).toBe(200);
    expect(res.body.nb).toMatch(/Kaféregler/);
    expect(res.body.en).toMatch(/Café rules/);
    for (const text of [res.body.nb, res.body.en]) expect(text).toMatch(/113.*116 117.*116 123.*22 40 00 40.*116 111/s);
  });

  it('should publish the café routes in the OpenAPI document', async () => {
    const doc = (await app.client().get('/api/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/cafe/rules',
        '/api/cafe/rooms',
        '/api/cafe/rooms/{slug}/sessions',
        '/api/cafe/rooms/{slug}/open',
        '/api/cafe/rooms/{slug}/close',
        '/api/admin/watched-words',
        '/api/admin/watched-words/{id}',
      ]),
    );
  });
});
