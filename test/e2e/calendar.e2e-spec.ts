import { asAdmin, newUser } from '../support/factories.js';
import { must, sql } from '../support/forum.js';
import { openRoom } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 15: the calendar as its people meet it — a host plans a seminar, members sign up until it
 * is full and then wait in order, a freed place goes to the first waiting, who is told; the café's
 * sessions are in the same calendar; a panel meeting and an online link stay where they belong.
 */

const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function event(fields: Record<string, unknown> = {}) {
  return {
    title: 'Halvårsseminaret',
    description: 'Tema: **hva fikk vi til?**',
    kind: 'seminar',
    startsAt: at(72 * hour),
    endsAt: at(75 * hour),
    location: { name: 'Kulturhuset', address: 'Storgata 1' },
    audience: 'everyone',
    registration: 'open',
    ...fields,
  };
}

interface Notice {
  type: string;
  text: string;
  link: string | null;
}
const notices = async (c: TestClient): Promise<Notice[]> => must(await c.get('/api/me/notifications'), 200).body.items;

describe('calendar', () => {
  let app: TestApp;
  let admin: TestClient;
  let host: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    host = await newUser(app, 'host');
  });
  afterAll(() => app.stop());

  it('should let hosts and up create events, and refuse members and bad input with nothing stored', async () => {
    const member = await newUser(app);
    const before = (await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM events'))[0].n;
    expect((await member.post('/api/events', event())).status).toBe(403);
    expect((await app.client().post('/api/events', event())).status).toBe(401);
    expect((await host.post('/api/events', event({ endsAt: at(71 * hour) }))).status).toBe(400);
    expect((await host.post('/api/events', event({ capacity: 0 }))).status).toBe(400);
    expect((await host.post('/api/events', event({ kind: 'cafe' }))).status).toBe(400);
    expect((await host.post('/api/events', event({ onlineUrl: 'javascript:alert(1)' }))).status).toBe(400);
    expect((await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM events'))[0].n).toBe(before);

    const created = await host.post('/api/events', event({ capacity: 20 }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Halvårsseminaret',
      kind: 'seminar',
      capacity: 20,
      going: 0,
      waitlisted: 0,
      myStatus: null,
      status: 'scheduled',
      sequence: 0,
      canManage: true,
      location: { name: 'Kulturhuset', address: 'Storgata 1' },
      organiser: { kind: 'user', username: host.user!.username },
    });
    expect(created.body.descriptionHtml).toContain('<strong>hva fikk vi til?</strong>');

    const edited = await host.patch(`/api/events/${created.body.id}`, { title: 'Halvårsseminaret 2027' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Halvårsseminaret 2027', sequence: 1 });
    // Another host is not its organiser; a moderator may.
    expect((await (await newUser(app, 'host')).patch(`/api/events/${created.body.id}`, { title: 'Nei' })).status).toBe(
      403,
    );
    const moderated = await (
      await newUser(app, 'moderator')
    ).patch(`/api/events/${created.body.id}`, {
      capacity: 30,
    });
    expect(moderated.body).toMatchObject({ capacity: 30, sequence: 2 });
    // The summary comes after the event.
    expect((await host.patch(`/api/events/${created.body.id}`, { summary: 'Det var fint.' })).status).toBe(409);
  });

  it('should list events and the café’s planned sessions by start time, filtered by kind', async () => {
    const slug = await openRoom(admin, { open: false, name: 'Kalenderkafeen' });
    const cafeStart = new Date(Date.now() + 30 * hour);
    const session = must(
      await admin.post(`/api/cafe/rooms/${slug}/sessions`, {
        startsAt: cafeStart.toISOString(),
        endsAt: new Date(cafeStart.getTime() + 2 * hour).toISOString(),
      }),
      201,
    ).body;
    const meeting = must(
      await host.post(
        '/api/events',
        event({ kind: 'meeting', title: 'Panelmøte', startsAt: at(29 * hour), endsAt: at(30 * hour) }),
      ),
      201,
    ).body;
    const guest = app.client();
    const from = at(28 * hour);
    const to = at(32 * hour);
    const listed = must(await guest.get(`/api/events?from=${from}&to=${to}`), 200).body.items as {
      id: string;
      kind: string;
      title: string;
      cafeRoom?: { slug: string };
    }[];
    const ids = listed.map((e) => e.id);
    expect(ids.indexOf(meeting.id)).toBeGreaterThanOrEqual(0);
    const cafe = listed.find((e) => e.kind === 'cafe' && e.cafeRoom?.slug === slug);
    expect(cafe).toMatchObject({ title: 'Kalenderkafeen', registration: 'none', canManage: false });
    expect(cafe!.id).toBe(session.id);
    expect(ids.indexOf(meeting.id)).toBeLessThan(ids.indexOf(cafe!.id));
    expect(must(await guest.get(`/api/events/${cafe!.id}`), 200).body.kind).toBe('cafe');

    const onlyCafe = must(await guest.get(`/api/events?from=${from}&to=${to}&kind=cafe`), 200).body.items;
    expect(onlyCafe.every((e: { kind: string }) => e.kind === 'cafe')).toBe(true);
    expect(onlyCafe.length).toBeGreaterThan(0);
    expect((await guest.get('/api/events?kind=party')).status).toBe(400);
    expect((await guest.get(`/api/events?from=${to}&to=${from}`)).status).toBe(400);

    // Paging walks the same list.
    const first = must(await guest.get(`/api/events?from=${from}&to=${to}&limit=1`), 200).body;
    expect(first.items).toHaveLength(1);
    const second = must(
      await guest.get(`/api/events?from=${from}&to=${to}&limit=1&cursor=${first.nextCursor}`),
      200,
    ).body;
    expect(second.items[0].id).toBe(ids[1]);
  });

  it('should keep a panel meeting from those outside the panel, and the online link from all but those going', async () => {
    const member = await newUser(app);
    const panel = await newUser(app, 'panel');
    const secret = 'https://møte.example.no/hemmelig-rom-123';
    const closed = must(
      await host.post(
        '/api/events',
        event({ title: 'Lukket panelmøte', kind: 'meeting', audience: 'panel', onlineUrl: secret }),
      ),
      201,
    ).body;
    expect(closed.onlineUrl).toBe(secret); // the organiser
    for (const c of [member, app.client()]) {
      expect((await c.get(`/api/events/${closed.id}`)).status).toBe(404);
      expect((await c.get('/api/events')).text).not.toContain(closed.id);
    }
    expect((await member.put(`/api/events/${closed.id}/registration`, { status: 'going' })).status).toBe(404);

    const seen = must(await panel.get(`/api/events/${closed.id}`), 200).body;
    expect(seen).toMatchObject({ online: true, myStatus: null });
    expect(seen.onlineUrl).toBeUndefined();
    expect(must(await panel.put(`/api/events/${closed.id}/registration`, { status: 'going' }), 200).body).toEqual({
      status: 'going',
    });
    expect(must(await panel.get(`/api/events/${closed.id}`), 200).body.onlineUrl).toBe(secret);
    // Never in a list, not even for those going.
    expect((await panel.get('/api/events')).text).not.toContain('hemmelig-rom');
    expect((await host.get('/api/events')).text).not.toContain('hemmelig-rom');
  });

  it('should put those beyond the capacity on the waitlist in order, and give a freed place to the first', async () => {
    const [a, b, c, d] = await Promise.all([newUser(app), newUser(app), newUser(app), newUser(app)]);
    const { id } = must(
      await host.post('/api/events', event({ title: 'Kurs i mestring', kind: 'course', capacity: 2 })),
      201,
    ).body;
    const put = (u: TestClient, status: string) => u.put(`/api/events/${id}/registration`, { status });

    expect((await app.client().put(`/api/events/${id}/registration`, { status: 'going' })).status).toBe(401);
    expect((await put(a, 'maybe')).status).toBe(400);
    expect((await put(a, 'going')).body).toEqual({ status: 'going' });
    expect((await put(b, 'going')).body).toEqual({ status: 'going' });
    expect((await put(c, 'going')).body).toEqual({ status: 'waitlisted', position: 1 });
    expect((await put(d, 'going')).body).toEqual({ status: 'waitlisted', position: 2 });
    expect((await put(d, 'going')).body).toEqual({ status: 'waitlisted', position: 2 }); // asking again keeps the place
    expect(must(await d.get(`/api/events/${id}`), 200).body).toMatchObject({
      going: 2,
      waitlisted: 2,
      myStatus: 'waitlisted',
      myPosition: 2,
    });

    expect((await put(a, 'not_going')).body).toEqual({ status: 'not_going' });
    expect(must(await c.get(`/api/events/${id}`), 200).body).toMatchObject({
      myStatus: 'going',
      going: 2,
      waitlisted: 1,
    });
    expect(must(await d.get(`/api/events/${id}`), 200).body.myPosition).toBe(1);
    const told = (await notices(c)).filter((n) => n.type === 'event_promoted');
    expect(told).toHaveLength(1);
    expect(told[0].link).toBe(`/kalender/${id}`);
    expect((await notices(d)).filter((n) => n.type === 'event_promoted')).toHaveLength(0);

    const list = must(await host.get(`/api/events/${id}/registrations`), 200).body;
    expect(
      list.map((r: { user: { username: string }; status: string; position?: number }) => [
        r.user.username,
        r.status,
        r.position,
      ]),
    ).toEqual([
      [b.user!.username, 'going', undefined],
      [c.user!.username, 'going', undefined],
      [d.user!.username, 'waitlisted', 1],
      [a.user!.username, 'not_going', undefined],
    ]);
    expect((await a.get(`/api/events/${id}/registrations`)).status).toBe(403);

    // More places move the waitlist up.
    must(await host.patch(`/api/events/${id}`, { capacity: 3 }), 200);
    expect(must(await d.get(`/api/events/${id}`), 200).body.myStatus).toBe('going');
    expect((await notices(d)).filter((n) => n.type === 'event_promoted')).toHaveLength(1);
  });

  it('should never put more going than the capacity under many sign-ups at once', async () => {
    const capacity = 5;
    const people = await Promise.all(Array.from({ length: 30 }, () => newUser(app)));
    const { id } = must(
      await host.post('/api/events', event({ title: 'Sosialt treff', kind: 'social', capacity })),
      201,
    ).body;
    const answers = await Promise.all(people.map((p) => p.put(`/api/events/${id}/registration`, { status: 'going' })));
    expect(answers.map((r) => r.status).every((s) => s === 200)).toBe(true);
    const statuses = answers.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'going')).toHaveLength(capacity);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(30 - capacity);
    // The waitlist positions are 1..25, each once.
    const positions = answers.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position as number);
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 - capacity }, (_, i) => i + 1));
    const [row] = await sql<{ going: number }>(
      app,
      `SELECT count(*) FILTER (WHERE status = 'going')::int AS going FROM event_registrations WHERE event_id = $1`,
      [id],
    );
    expect(row.going).toBe(capacity);

    // Many leave at once: still never above the capacity, and the freed places go in waitlist order.
    const leaving = people.filter((_, i) => answers[i].body.status === 'going').slice(0, 3);
    const waiting = people
      .map((p, i) => ({ p, position: answers[i].body.position as number | undefined }))
      .filter((x) => x.position !== undefined)
      .sort((x, y) => x.position! - y.position!);
    await Promise.all(leaving.map((p) => p.put(`/api/events/${id}/registration`, { status: 'not_going' })));
    const after = must(await host.get(`/api/events/${id}`), 200).body;
    expect(after).toMatchObject({ going: capacity, waitlisted: 30 - capacity - 3 });
    for (const w of waiting.slice(0, 3))
      expect(must(await w.p.get(`/api/events/${id}`), 200).body.myStatus).toBe('going');
    expect(must(await waiting[3].p.get(`/api/events/${id}`), 200).body).toMatchObject({
      myStatus: 'waitlisted',
      myPosition: 1,
    });
  });

  it('should tell everyone registered when an event is cancelled, and no one else', async () => {
    const [going, waiting, away, outsider] = await Promise.all([
      newUser(app),
      newUser(app),
      newUser(app),
      newUser(app),
    ]);
    const { id } = must(
      await host.post(
        '/api/events',
        event({ title: 'Avlyst treff', capacity: 1, onlineUrl: 'https://example.no/rom-9' }),
      ),
      201,
    ).body;
    must(await going.put(`/api/events/${id}/registration`, { status: 'going' }), 200);
    must(await waiting.put(`/api/events/${id}/registration`, { status: 'going' }), 200);
    must(await away.put(`/api/events/${id}/registration`, { status: 'not_going' }), 200);
    expect((await going.post(`/api/events/${id}/cancel`, { reason: 'Sykdom' })).status).toBe(403);
    expect((await host.post(`/api/events/${id}/cancel`, {})).status).toBe(400);
    const cancelled = must(await host.post(`/api/events/${id}/cancel`, { reason: 'Lederen er syk' }), 200).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Lederen er syk', sequence: 1 });
    for (const c of [going, waiting]) {
      const n = (await notices(c)).filter((x) => x.type === 'event_cancelled');
      expect(n).toHaveLength(1);
      expect(n[0].text).toContain('Lederen er syk');
      expect(n[0].text).not.toContain('rom-9');
    }
    for (const c of [away, outsider])
      expect((await notices(c)).filter((x) => x.type === 'event_cancelled')).toHaveLength(0);
    expect((await going.put(`/api/events/${id}/registration`, { status: 'going' })).status).toBe(409);
    expect((await host.post(`/api/events/${id}/cancel`, { reason: 'Igjen' })).status).toBe(409);
  });
  it('should put a member’s sign-ups in their export, and forget them with the account', async () => {
    const member = await newUser(app);
    const { id } = must(await host.post('/api/events', event({ title: 'Eksporttreff' })), 201).body;
    must(await member.put(`/api/events/${id}/registration`, { status: 'going' }), 200);
    must(await member.post('/api/me/calendar-feed'), 201);
    const { calendar } = must(await member.get('/api/me/export'), 200).body;
    expect(calendar.registrations).toEqual([expect.objectContaining({ event: 'Eksporttreff', status: 'going' })]);
    expect(calendar.personalFeedCreatedAt).toEqual(expect.any(String));
    expect(JSON.stringify(calendar)).not.toMatch(/token|hash/i);
    expect(must(await host.get('/api/me/export'), 200).body.calendar.organised).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'Eksporttreff' })]),
    );

    must(await member.delete('/api/me', { password: member.password }), 204);
    expect(must(await host.get(`/api/events/${id}`), 200).body.going).toBe(0);
    const left = await sql(app, 'SELECT 1 FROM calendar_feeds WHERE user_id = $1', [member.user!.id]);
    expect(left).toEqual([]);
  });
});
