import ICAL from 'ical.js';
import { asAdmin, login, newUser } from '../support/factories.js';
import { must, sql } from '../support/forum.js';
import { publishOffer } from '../support/directory.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * The hostile review's calendar findings (decision 0040): organising and signing up are rights of
 * the audience and the role now, not standing grants (F12, F15); the capacity holds on every
 * change (F7); every text in an iCalendar file is escaped and single-line fields refuse line
 * breaks (F1); the directory's opening times are Oslo wall time (F8); the public feeds answer any
 * Origin (F2).
 */

const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const SECRET = 'https://meet.example.no/SECRET-H2';

function event(fields: Record<string, unknown> = {}) {
  return {
    title: 'Panelmøte',
    description: 'Agenda:\n- én\n- to',
    kind: 'meeting',
    startsAt: at(72 * hour),
    endsAt: at(74 * hour),
    audience: 'panel',
    registration: 'open',
    ...fields,
  };
}

interface Notice {
  type: string;
  text: string;
}
const notices = async (c: TestClient): Promise<Notice[]> => must(await c.get('/api/me/notifications'), 200).body.items;
const statuses = async (eventId: string) =>
  sql<{ user_id: string; status: string }>(
    app,
    'SELECT user_id, status FROM event_registrations WHERE event_id = $1 ORDER BY user_id',
    [eventId],
  );

/** Monday 10–12 from `dtstart`, as a moderator writes it. */
const schedule = (dtstart: string) => ({
  description: 'Mandager 10-12',
  freq: 'WEEKLY',
  byday: 'MO',
  opens_at: '10:00',
  closes_at: '12:00',
  dtstart,
});

let app: TestApp;
let admin: TestClient;

const setRole = async (c: TestClient, role: string) =>
  must(await admin.patch(`/api/admin/users/${c.user!.id}`, { role }), 200);
const again = (c: TestClient) => login(app.client(), c.user!.username, c.password!);
/** ical.js leaves NAME and X-WR-CALNAME as it read them (it does not know them as TEXT): RFC 5545 3.3.11. */
const unescapeText = (v: unknown) =>
  String(v).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
/** The calendar's one name, as one property value each. */
function calendarNames(comp: ICAL.Component) {
  return ['name', 'x-wr-calname'].map((p) => comp.getAllProperties(p).map((x) => unescapeText(x.getFirstValue())));
}
const vevents = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('calendar: standing rights, capacity and iCalendar (hostile review)', () => {
  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
  });
  afterAll(() => app.stop());

  it('F12: should take a panel event from its organiser when they are no longer a host', async () => {
    const host = await newUser(app, 'host');
    const panel = await newUser(app, 'panel');
    const id = must(await host.post('/api/events', event({ onlineUrl: SECRET })), 201).body.id;
    must(await panel.put(`/api/events/${id}/registration`, { status: 'going' }), 200);
    must(await host.post('/api/me/calendar-feed', {}), 201);
    const feedUrl = new URL(must(await host.post('/api/me/calendar-feed', {}), 201).body.url);

    await setRole(host, 'member');
    const member = await again(host);
    expect((await member.get(`/api/events/${id}`)).status).toBe(404);
    expect((await member.get(`/api/events/${id}/registrations`)).status).toBe(404);
    expect((await member.get(`/api/events/${id}.ics`)).status).toBe(404);
    expect((await member.patch(`/api/events/${id}`, { title: 'Kapret' })).status).toBe(404);
    expect((await member.post(`/api/events/${id}/cancel`, { reason: 'Avlyst av meg' })).status).toBe(404);
    const list = must(await member.get('/api/events'), 200).body.items as { id: string }[];
    expect(list.map((e) => e.id)).not.toContain(id);
    const feed = must(await app.client().get(feedUrl.pathname), 200).text;
    expect(feed).not.toContain(id);
    expect(feed).not.toContain('Panelmøte');

    // Back in the panel (but not a host): they see it as the panel does — no link, no tools.
    await setRole(host, 'panel');
    const panelist = await again(host);
    const seen = must(await panelist.get(`/api/events/${id}`), 200).body;
    expect(seen).toMatchObject({ canManage: false });
    expect(seen.onlineUrl).toBeUndefined();
    expect((await panelist.get(`/api/events/${id}/registrations`)).status).toBe(403);
    expect((await panelist.patch(`/api/events/${id}`, { title: 'Kapret' })).status).toBe(403);

    // Nothing changed; a moderator still looks after it, and the organiser as host again has it back.
    expect(must(await panel.get(`/api/events/${id}`), 200).body).toMatchObject({
      title: 'Panelmøte',
      status: 'scheduled',
    });
    await setRole(host, 'host');
    const hostAgain = await again(host);
    expect(must(await hostAgain.get(`/api/events/${id}`), 200).body).toMatchObject({
      canManage: true,
      onlineUrl: SECRET,
    });
  });

  it('F15: should drop the sign-ups of a demoted member and give the place to the next in the audience', async () => {
    const host = await newUser(app, 'host');
    const [first, second, third] = [
      await newUser(app, 'panel'),
      await newUser(app, 'panel'),
      await newUser(app, 'panel'),
    ];
    const id = must(await host.post('/api/events', event({ capacity: 1, title: 'Panelmøte B' })), 201).body.id;
    for (const c of [first, second, third])
      must(await c.put(`/api/events/${id}/registration`, { status: 'going' }), 200);

    // The waiting second is demoted: their place in the queue goes; they hear nothing more.
    await setRole(second, 'member');
    // The going first is demoted: the place goes to the next eligible (third), who is told.
    await setRole(first, 'member');
    expect(await statuses(id)).toEqual([{ user_id: third.user!.id, status: 'going' }]);
    must(await host.patch(`/api/events/${id}`, { title: 'Panelmøte B: hemmelig agenda' }), 200);
    const shown = must(await host.get(`/api/events/${id}`), 200).body;
    expect(shown).toMatchObject({ going: 1, waitlisted: 0 });
    expect((await notices(third)).map((n) => n.type)).toContain('event_promoted');
    must(await host.post(`/api/events/${id}/cancel`, { reason: 'Flyttet' }), 200);
    for (const gone of [first, second]) {
      const texts = (await notices(await again(gone))).map((n) => n.text).join('\n');
      expect(texts).not.toContain('Panelmøte B');
      expect(JSON.stringify(must(await (await again(gone)).get('/api/me/export'), 200).body)).not.toContain(
        'Panelmøte B',
      );
    }
  });

  it('F15: should drop sign-ups outside a narrowed audience, promote no one from outside, and tell them nothing', async () => {
    const host = await newUser(app, 'host');
    const panel = await newUser(app, 'panel');
    const [member, other] = [await newUser(app), await newUser(app)];
    const id = must(
      await host.post('/api/events', event({ audience: 'members', capacity: 1, title: 'Medlemsmøte' })),
      201,
    ).body.id;
    must(await panel.put(`/api/events/${id}/registration`, { status: 'going' }), 200);
    must(await member.put(`/api/events/${id}/registration`, { status: 'going' }), 200);
    must(await other.put(`/api/events/${id}/registration`, { status: 'going' }), 200);

    must(await host.patch(`/api/events/${id}`, { audience: 'panel', title: 'PANEL-ONLY strategimøte' }), 200);
    expect(await statuses(id)).toEqual([{ user_id: panel.user!.id, status: 'going' }]);
    must(await panel.put(`/api/events/${id}/registration`, { status: 'not_going' }), 200);
    expect(must(await host.get(`/api/events/${id}`), 200).body).toMatchObject({ going: 0, waitlisted: 0 });
    must(await host.post(`/api/events/${id}/cancel`, { reason: 'Utsatt' }), 200);
    for (const outside of [member, other]) {
      const texts = (await notices(outside)).map((n) => n.text).join('\n');
      expect(texts).not.toContain('PANEL-ONLY');
      expect((await outside.get(`/api/events/${id}`)).status).toBe(404);
    }
  });

  it('F7: should refuse a capacity below those going, and promote only into free places', async () => {
    const host = await newUser(app, 'host');
    const members = await Promise.all([1, 2, 3, 4, 5].map(() => newUser(app)));
    const id = must(await host.post('/api/events', event({ audience: 'members', capacity: 3 })), 201).body.id;
    for (const m of members) must(await m.put(`/api/events/${id}/registration`, { status: 'going' }), 200);

    const lower = await host.patch(`/api/events/${id}`, { capacity: 2 });
    expect(lower.status).toBe(409);
    expect(lower.body).toMatchObject({ code: 'capacity_below_going' });
    expect(lower.body.message).toMatch(/3 are going/);
    expect(must(await host.get(`/api/events/${id}`), 200).body).toMatchObject({ capacity: 3, going: 3, waitlisted: 2 });

    must(await host.patch(`/api/events/${id}`, { capacity: 4 }), 200);
    expect(must(await host.get(`/api/events/${id}`), 200).body).toMatchObject({ capacity: 4, going: 4, waitlisted: 1 });

    // Over the capacity already (as data from before this rule could be): leaving frees no place.
    await sql(app, 'UPDATE events SET capacity = 2 WHERE id = $1', [id]);
    must(await members[0].put(`/api/events/${id}/registration`, { status: 'not_going' }), 200);
    expect(must(await host.get(`/api/events/${id}`), 200).body).toMatchObject({ going: 3, waitlisted: 1 });
    expect((await notices(members[4])).map((n) => n.type)).not.toContain('event_promoted');
  });

  it('F1: should refuse line breaks in single-line fields and keep multi-line ones', async () => {
    const host = await newUser(app, 'host');
    const before = (await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM events'))[0].n;
    for (const bad of [
      { title: 'Inj\r\nBEGIN:VEVENT\r\nSUMMARY:evil' },
      { title: 'Tab\u0007bell' },
      { location: { name: 'Sal\n2' } },
      { location: { name: 'Sal 2', address: 'Gate 1\r\nX' } },
    ]) {
      const res = await host.post('/api/events', event({ audience: 'everyone', ...bad }));
      expect(res.status).toBe(400);
      expect(String(res.body.message)).toMatch(/one line/);
    }
    expect((await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM events'))[0].n).toBe(before);
    const bad = await app.client().post('/api/directory/suggestions', {
      organizationName: 'Org2',
      name: 'Svc\r\nBEGIN:VEVENT\r\nSUMMARY:evil',
      description: 'a long enough description',
      municipality: '4627',
      email: 'a@b.no',
    });
    expect(bad.status).toBe(400);
    // Descriptions keep their lines.
    must(await host.post('/api/events', event({ audience: 'everyone', description: 'En\nto\r\ntre' })), 201);
  });

  it('F1: should write an injected title or service name as one property value, with no extra event', async () => {
    const host = await newUser(app, 'host');
    const injected = 'Inj\r\nBEGIN:VEVENT\r\nSUMMARY:evil\r\nEND:VEVENT';
    const id = must(await host.post('/api/events', event({ audience: 'everyone', title: 'Ren tittel' })), 201).body.id;
    // A title from before the single-line rule: straight into the table.
    await sql(app, 'UPDATE events SET title = $2 WHERE id = $1', [id, injected]);
    const normalised = injected.replace(/\r\n/g, '\n');

    const file = must(await app.client().get(`/api/events/${id}.ics`), 200).text;
    const comp = new ICAL.Component(ICAL.parse(file));
    expect(calendarNames(comp)).toEqual([[normalised], [normalised]]);
    expect(vevents(file).map((e) => e.summary)).toEqual([normalised]);

    const feed = must(await app.client().get('/api/events.ics'), 200).text;
    const mine = vevents(feed).filter((e) => e.summary.includes('evil'));
    expect(mine.map((e) => e.summary)).toEqual([normalised]);
    expect(feed).not.toMatch(/^SUMMARY:evil/m);

    const feedUrl = new URL(must(await host.post('/api/me/calendar-feed', {}), 201).body.url);
    const personal = must(await app.client().get(feedUrl.pathname), 200).text;
    expect(
      vevents(personal)
        .filter((e) => e.summary.includes('evil'))
        .map((e) => e.summary),
    ).toEqual([normalised]);

    const service = await publishOffer(app, admin, { name: 'Ren tjeneste', schedule: 'Mandager 10-12' });
    await sql(app, 'UPDATE directory_services SET name = $2 WHERE id = $1', [service, injected]);
    const ics = must(await app.client().get(`/api/hsds/services/${service}.ics`), 200).text;
    const sc = new ICAL.Component(ICAL.parse(ics));
    expect(calendarNames(sc)).toEqual([[normalised], [normalised]]);
    expect(vevents(ics).map((e) => e.summary)).toEqual([normalised]);
    expect(ics).not.toMatch(/^(BEGIN:VEVENT\r\nSUMMARY:evil|SUMMARY:evil)/m);
  });

  it('F8: should write the directory’s opening times as Oslo wall time, winter and summer, and DTSTAMP in UTC', async () => {
    const service = await publishOffer(app, admin, { name: 'Mandagstreff', schedule: 'Mandager 10-12' });
    for (const [dtstart, utcHour] of [
      ['2027-01-04', 9],
      ['2027-06-07', 8],
    ] as const) {
      must(await admin.patch(`/api/directory/services/${service}`, { schedules: [schedule(dtstart)] }), 200);
      const text = must(await app.client().get(`/api/hsds/services/${service}.ics`), 200).text;
      const day = dtstart.replace(/-/g, '');
      expect(text).toContain(`DTSTART;TZID=Europe/Oslo:${day}T100000`);
      expect(text).toContain(`DTEND;TZID=Europe/Oslo:${day}T120000`);
      expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
      const comp = new ICAL.Component(ICAL.parse(text));
      ICAL.TimezoneService.register(comp.getFirstSubcomponent('vtimezone')!);
      const start = new ICAL.Event(comp.getFirstSubcomponent('vevent')!).startDate.toJSDate();
      expect(start.toISOString()).toBe(`${dtstart}T${String(utcHour).padStart(2, '0')}:00:00.000Z`);
      ICAL.TimezoneService.reset();
    }
  });

  it('F2: should answer the public feeds to any Origin with Access-Control-Allow-Origin: *, and nothing else', async () => {
    const origin = 'https://kalender.example.com';
    const feed = await app.client().get('/api/events.ics').set('Origin', origin);
    expect(feed.status).toBe(200);
    expect(feed.headers['access-control-allow-origin']).toBe('*');
    expect(feed.headers['access-control-allow-credentials']).toBeUndefined();
    const embed = await app.client().get('/embed/directory').set('Origin', origin);
    expect(embed.status).toBe(200);
    expect(embed.headers['access-control-allow-origin']).toBe('*');
    const script = await app.client().get('/embed/directory.js').set('Origin', origin);
    expect(script.headers['access-control-allow-origin']).toBe('*');
    for (const closed of ['/api/events', '/api/me/notifications']) {
      const res = await app.client().get(closed).set('Origin', origin);
      expect(res.status).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
