import { DirectoryClock } from '../../apps/api/src/directory/directory-clock.service.js';
import { eventBody } from '../support/calendar-fixtures.js';
import { publishOffer } from '../support/directory.js';
import { asAdmin, newUser } from '../support/factories.js';
import { must, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 19, decision 0045: the panel's pages are kept by the page caches too, and some of them turn
 * by the clock alone — a consultation closes, an event starts — with no write to move the versions
 * on. A kept page must end at that moment. Each case reads the page twice (the second from the
 * cache), lets the moment pass, and reads again as a guest and as a member.
 */
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const until = (iso: string) => new Promise((r) => setTimeout(r, Math.max(0, Date.parse(iso) - Date.now() + 50)));

/** Reads twice; the second read must come from the kept copy and say the same. */
async function keptRead(reader: TestClient, path: string) {
  const first = must(await reader.get(path), 200);
  const again = must(await reader.get(path), 200);
  expect(again.headers['x-cache']).toBe('hit');
  expect(again.text).toBe(first.text);
  return again;
}

describe('kept pages and the clock', () => {
  let app: TestApp;
  let admin: TestClient;
  let member: TestClient;
  let host: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    member = await newUser(app);
    host = await newUser(app, 'host');
  });
  afterAll(() => app?.stop());

  it('should show a consultation closed once its closing time has passed, though its open page was kept', async () => {
    const closesAt = at(2_500);
    const created = must(
      await admin.post('/api/consultations', {
        title: 'Et kort rådslag',
        summary: 'Svar fort.',
        body: 'Hva synes du?',
        requester: 'DPS Nord',
        audience: 'everyone',
        anonymity: 'anonymous',
        opensAt: at(-3_600_000),
        closesAt,
        confidentiality: 'Svarene er anonyme.',
        reportDueAt: at(30 * 24 * 3_600_000),
        questions: [{ kind: 'text', prompt: 'Hva synes du?', required: true }],
      }),
      201,
    ).body as { id: string };
    must(await admin.post(`/api/consultations/${created.id}/publish`), 200);
    const path = `/api/consultations/${created.id}`;
    const guest = app.client();
    for (const reader of [guest, member])
      expect((await keptRead(reader, path)).body).toMatchObject({ status: 'open', responseCount: null });

    await until(closesAt);
    for (const reader of [guest, member]) {
      const after = must(await reader.get(path), 200);
      expect(after.headers['x-cache']).toBe('miss');
      expect(after.body).toMatchObject({ status: 'closed', responseCount: 0 });
    }
  });

  it('should stop offering sign-up once an event has started, though the list and the event were kept', async () => {
    const startsAt = at(2_500);
    const event = must(await host.post('/api/events', eventBody({ title: 'Starter straks', startsAt })), 201).body as {
      id: string;
    };
    const listPath = '/api/events?limit=100';
    const inList = (body: { items: { id: string; canRegister: boolean }[] }) =>
      body.items.find((e) => e.id === event.id);
    expect(inList((await keptRead(member, listPath)).body)).toMatchObject({ canRegister: true });
    expect((await keptRead(member, `/api/events/${event.id}`)).body).toMatchObject({ canRegister: true });
    const guestView = (await keptRead(app.client(), `/api/events/${event.id}`)).body;

    await until(startsAt);
    expect(inList(must(await member.get(listPath), 200).body)).toMatchObject({ canRegister: false });
    expect(must(await member.get(`/api/events/${event.id}`), 200).body).toMatchObject({ canRegister: false });
    expect(guestView.canRegister).toBe(false); // a guest never could; the page still ends with the event's start
    expect(must(await app.client().get(`/api/events/${event.id}`), 200).headers['x-cache']).toBe('miss');
  });

  it('should show an offer stale at once when the daily job marks it, and answer If-None-Match from a kept page', async () => {
    const moderator = await newUser(app, 'moderator');
    const id = await publishOffer(app, moderator);
    const path = `/api/hsds/services/${id}`;
    const kept = await keptRead(app.client(), path);
    expect(kept.body.x_stale).toBe(false);
    const etag = kept.headers['etag'];
    expect(etag).toBeTruthy();
    expect(kept.headers['cache-control']).toBe('no-cache');
    const unchanged = await app.client().get(path).set('If-None-Match', etag);
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers['x-cache']).toBe('hit');

    await sql(app, `UPDATE directory_services SET assured_date = assured_date - 181 WHERE id = $1`, [id]);
    expect(await app.server.app.get(DirectoryClock).tick()).toBe(1);
    const stale = must(await app.client().get(path).set('If-None-Match', etag), 200);
    expect(stale.body.x_stale).toBe(true);
  });

  it('should keep the public calendar as a calendar file, and never keep a page that is not marked', async () => {
    const kept = await keptRead(app.client(), '/api/events.ics');
    expect(kept.headers['content-type']).toMatch(/^text\/calendar/);
    expect(kept.headers['content-disposition']).toContain('kalender.ics');
    expect(kept.text).toContain('BEGIN:VCALENDAR');

    for (const path of ['/api/me', '/api/search?q=kafe', '/api/consultations'])
      for (let i = 0; i < 2; i++) expect((await member.get(path)).headers['x-cache']).toBeUndefined();
  });
});
