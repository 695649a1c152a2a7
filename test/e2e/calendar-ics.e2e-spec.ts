import ICAL from 'ical.js';
import { newUser } from '../support/factories.js';
import { must, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 15: the calendar as iCalendar, read back with an independent parser (ical.js) — the public
 * feed, one file per event and a member's secret personal feed; RFC 5545's lines, UIDs, SEQUENCE
 * and STATUS; and what must never be in a file: a closed event, an online link, an organiser's
 * address or who signed up.
 */

const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
/** iCalendar times are to the second. */
const toSecond = (iso: string) => iso.replace(/\.\d+Z$/, '.000Z');
const SECRET_LINK = 'https://video.example.no/rom/hemmelig-456';

function event(fields: Record<string, unknown> = {}) {
  return {
    title: 'Seminar: «Hva fikk vi til?», del 1; med kaffe',
    description: 'Program, kort:\n- velkommen; kaffe\n- erfaringer, og spørsmål\n\n' + 'Lang linje æøå '.repeat(12),
    kind: 'seminar',
    startsAt: at(96 * hour),
    endsAt: at(99 * hour),
    location: { name: 'Kulturhuset, sal 2', address: 'Storgata 1; 9000 Tromsø' },
    audience: 'everyone',
    registration: 'open',
    ...fields,
  };
}

/** RFC 5545 3.1: CRLF line ends, no line longer than 75 octets. */
function expectWellFormed(text: string) {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  expect(text).not.toMatch(/^(ORGANIZER|ATTENDEE)/m);
}

function vevents(text: string): ICAL.Event[] {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const byUid = (text: string, id: string) => vevents(text).find((e) => e.uid === `event-${id}@erfaringsforum`);

describe('calendar as iCalendar', () => {
  let app: TestApp;
  let host: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    host = await newUser(app, 'host');
  });
  afterAll(() => app.stop());

  it('should serve a public feed and per-event files that parse and round-trip the fields', async () => {
    const created = must(await host.post('/api/events', event({ onlineUrl: SECRET_LINK })), 201).body;
    const feed = await app.client().get('/api/events.ics');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expectWellFormed(feed.text);
    expect(feed.text).not.toContain('hemmelig-456');

    const parsed = byUid(feed.text, created.id)!;
    expect(parsed).toBeDefined();
    expect(parsed.summary).toBe(created.title);
    expect(parsed.description).toContain('- velkommen; kaffe\n- erfaringer, og spørsmål');
    expect(parsed.location).toBe('Kulturhuset, sal 2, Storgata 1; 9000 Tromsø');
    expect(parsed.sequence).toBe(0);
    expect(parsed.startDate.toJSDate().toISOString()).toBe(toSecond(created.startsAt));
    expect(parsed.endDate.toJSDate().toISOString()).toBe(toSecond(created.endsAt));
    expect(parsed.startDate.zone?.tzid).toBe('UTC');
    expect(parsed.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(parsed.component.getFirstProperty('dtstamp')).not.toBeNull();
    // Escaped on the wire (RFC 5545 3.3.11).
    expect(feed.text.replace(/\r\n /g, '')).toContain('SUMMARY:Seminar: «Hva fikk vi til?»\\, del 1\\; med kaffe');

    const file = await app.client().get(`/api/events/${created.id}.ics`);
    expect(file.status).toBe(200);
    expectWellFormed(file.text);
    expect(vevents(file.text)).toHaveLength(1);
    expect(vevents(file.text)[0].uid).toBe(parsed.uid);
    expect(file.text).not.toContain('hemmelig-456');

    // An edit raises the sequence under the same UID; a cancellation says so.
    must(await host.patch(`/api/events/${created.id}`, { title: 'Halvårsseminaret' }), 200);
    const edited = byUid((await app.client().get('/api/events.ics')).text, created.id)!;
    expect([edited.uid, edited.summary, edited.sequence]).toEqual([parsed.uid, 'Halvårsseminaret', 1]);
    must(await host.post(`/api/events/${created.id}/cancel`, { reason: 'For få påmeldte' }), 200);
    const cancelled = byUid((await app.client().get(`/api/events/${created.id}.ics`)).text, created.id)!;
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('should keep members’ and the panel’s events out of the public feed, and out of files for those outside', async () => {
    const member = await newUser(app);
    const panel = must(
      await host.post('/api/events', event({ title: 'Panelets møte', audience: 'panel', kind: 'meeting' })),
      201,
    ).body;
    const members = must(
      await host.post('/api/events', event({ title: 'Medlemsmøte', audience: 'members', kind: 'meeting' })),
      201,
    ).body;
    for (const c of [app.client(), member, host]) {
      const text = (await c.get('/api/events.ics')).text;
      expect(text).not.toContain(panel.id);
      expect(text).not.toContain(members.id);
    }
    expect((await app.client().get(`/api/events/${members.id}.ics`)).status).toBe(404);
    expect((await member.get(`/api/events/${panel.id}.ics`)).status).toBe(404);
    expect((await member.get(`/api/events/${members.id}.ics`)).status).toBe(200);
    const missing = await app.client().get(`/api/events/${panel.id}.ics`);
    expect(missing.headers['content-type']).toMatch(/json/);
  });

  it('should give a member a secret personal feed with their registrations, replaceable and revocable', async () => {
    const member = await newUser(app, 'panel');
    const going = must(
      await host.post('/api/events', event({ title: 'Kurs', kind: 'course', capacity: 1, onlineUrl: SECRET_LINK })),
      201,
    ).body;
    const full = must(
      await host.post('/api/events', event({ title: 'Fullt kurs', kind: 'course', capacity: 1 })),
      201,
    ).body;
    const panelOnly = must(
      await host.post('/api/events', event({ title: 'Panelmøte', kind: 'meeting', audience: 'panel' })),
      201,
    ).body;
    must(await (await newUser(app)).put(`/api/events/${full.id}/registration`, { status: 'going' }), 200);
    must(await member.put(`/api/events/${going.id}/registration`, { status: 'going' }), 200);
    expect(must(await member.put(`/api/events/${full.id}/registration`, { status: 'going' }), 200).body.position).toBe(
      1,
    );

    expect((await app.client().post('/api/me/calendar-feed')).status).toBe(401);
    const first = must(await member.post('/api/me/calendar-feed'), 201).body.url as string;
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar-feeds\/[\w-]{43}\.ics$/);
    const path = new URL(first).pathname;
    const token = path.split('/').pop()!.replace('.ics', '');
    // Only its hash is stored.
    expect(JSON.stringify(await sql(app, 'SELECT * FROM calendar_feeds'))).not.toContain(token);

    const feed = await app.client().get(path); // a calendar app has no session
    expect(feed.status).toBe(200);
    expectWellFormed(feed.text);
    expect(feed.text).not.toContain('hemmelig-456');
    expect(byUid(feed.text, going.id)!.description).toMatch(/^Du er påmeldt\./);
    expect(byUid(feed.text, full.id)!.description).toMatch(/^Du står på ventelisten \(nummer 1\)\./);
    expect(byUid(feed.text, panelOnly.id)).toBeDefined(); // the owner may see it

    const second = must(await member.post('/api/me/calendar-feed'), 201).body.url as string;
    expect(second).not.toBe(first);
    expect((await app.client().get(path)).status).toBe(404);
    expect((await app.client().get(new URL(second).pathname)).status).toBe(200);
    expect((await member.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await app.client().get(new URL(second).pathname)).status).toBe(404);
    expect((await app.client().get('/api/calendar-feeds/not-a-token.ics')).status).toBe(404);
  });
});
