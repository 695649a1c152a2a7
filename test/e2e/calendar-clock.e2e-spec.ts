import { CalendarClock } from '../../apps/api/src/calendar/calendar-clock.service.js';
import { asAdmin, newUser } from '../support/factories.js';
import { must, setSettings, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 15: what the calendar does by itself — the reminder the day before, sent once even with
 * two processes ticking at the same moment; the organiser asked for a summary afterwards; and a
 * seminar showing what the panel achieved since the previous one.
 */

const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function event(fields: Record<string, unknown> = {}) {
  return {
    title: 'Panelmøte',
    description: 'Vi møtes.',
    kind: 'meeting',
    startsAt: at(23 * hour),
    endsAt: at(25 * hour),
    audience: 'everyone',
    registration: 'open',
    ...fields,
  };
}

const noticesOf = async (c: TestClient, type: string) =>
  (must(await c.get('/api/me/notifications'), 200).body.items as { type: string; text: string; link: string }[]).filter(
    (n) => n.type === type,
  );

/** The consultations a seminar lists as achieved, as that client sees it. */
const ids = async (c: TestClient, id: string) =>
  (must(await c.get(`/api/events/${id}`), 200).body.achievements as { consultationId: string }[]).map(
    (a) => a.consultationId,
  );

describe('the calendar’s clock', () => {
  let app: TestApp;
  let other: TestApp;
  let host: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    // A second process on the same database, as in production behind a proxy.
    other = await startTestApp({}, app.database);
    host = await newUser(app, 'host');
  });
  afterAll(async () => {
    await other.stop();
    await app.stop();
  });

  const tickBoth = () =>
    Promise.all([
      app.server.app.get(CalendarClock).tick(),
      other.server.app.get(CalendarClock).tick(),
      app.server.app.get(CalendarClock).tick(),
      other.server.app.get(CalendarClock).tick(),
    ]);

  it('should remind those going 24 hours before, once, however many processes tick', async () => {
    const [going, waiting, away] = await Promise.all([newUser(app), newUser(app), newUser(app)]);
    const soon = must(
      await host.post('/api/events', event({ capacity: 1, onlineUrl: 'https://example.no/rom-1' })),
      201,
    ).body;
    const later = must(
      await host.post('/api/events', event({ title: 'Senere', startsAt: at(30 * hour), endsAt: at(31 * hour) })),
      201,
    ).body;
    must(await going.put(`/api/events/${soon.id}/registration`, { status: 'going' }), 200);
    must(await waiting.put(`/api/events/${soon.id}/registration`, { status: 'going' }), 200);
    must(await away.put(`/api/events/${soon.id}/registration`, { status: 'not_going' }), 200);
    must(await going.put(`/api/events/${later.id}/registration`, { status: 'going' }), 200);

    await tickBoth();
    await tickBoth();
    const reminders = await noticesOf(going, 'event_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ link: `/kalender/${soon.id}` });
    expect(reminders[0].text).toContain('Panelmøte');
    expect(reminders[0].text).not.toContain('rom-1');
    expect(await noticesOf(waiting, 'event_reminder')).toHaveLength(0);
    expect(await noticesOf(away, 'event_reminder')).toHaveLength(0);

    // Moved to a new time, it is reminded of again; moved into the 24 hours, the later one too.
    must(await host.patch(`/api/events/${soon.id}`, { startsAt: at(22 * hour) }), 200);
    must(await host.patch(`/api/events/${later.id}`, { startsAt: at(20 * hour), endsAt: at(21 * hour) }), 200);
    await tickBoth();
    expect(await noticesOf(going, 'event_reminder')).toHaveLength(3);
    // A cancelled event reminds no one.
    const cancelled = must(await host.post('/api/events', event({ title: 'Avlyst' })), 201).body;
    must(await away.put(`/api/events/${cancelled.id}/registration`, { status: 'going' }), 200);
    must(await host.post(`/api/events/${cancelled.id}/cancel`, { reason: 'Syk' }), 200);
    await tickBoth();
    expect(await noticesOf(away, 'event_reminder')).toHaveLength(0);
  });

  it('should ask the organiser for a summary after the event, once, and show it', async () => {
    const past = must(
      await host.post(
        '/api/events',
        event({ title: 'Kurs som var', kind: 'course', startsAt: at(-3 * hour), endsAt: at(-hour) }),
      ),
      201,
    ).body;
    await tickBoth();
    await tickBoth();
    const asked = (await noticesOf(host, 'event_summary_due')).filter((n) => n.link === `/kalender/${past.id}`);
    expect(asked).toHaveLength(1);
    const summarised = must(await host.patch(`/api/events/${past.id}`, { summary: 'Vi lærte **mye**.' }), 200).body;
    expect(summarised.summaryHtml).toContain('<strong>mye</strong>');
    expect(must(await app.client().get(`/api/events/${past.id}`), 200).body.summaryHtml).toContain('mye');
  });

  it('should list on a seminar the reports published since the previous seminar, only those the viewer may see', async () => {
    const admin = await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
    const consultation = async (title: string, audience: string) => {
      const { id } = must(
        await admin.post('/api/consultations', {
          title,
          summary: 'Hva mener du?',
          body: 'Vi spør.',
          requester: 'DPS',
          audience,
          anonymity: 'anonymous',
          confidentiality: 'Anonymt.',
          opensAt: at(-hour),
          closesAt: at(48 * hour),
          reportDueAt: at(30 * 24 * hour),
          questions: [{ kind: 'text', prompt: 'Hva mangler?' }],
        }),
        201,
      ).body;
      must(await admin.post(`/api/consultations/${id}/publish`), 200);
      must(await admin.post(`/api/consultations/${id}/close`), 200);
      must(
        await admin.put(`/api/consultations/${id}/report`, {
          heard: 'Mye.',
          done: 'Noe.',
          planned: 'Mer.',
          notDone: 'Ikke alt.',
          recommendations: [{ text: 'Mer kaffe', outcome: 'adopted' }],
        }),
        200,
      );
      must(await admin.post(`/api/consultations/${id}/report/publish`), 200);
      return id as string;
    };
    const before = await consultation('Rådslag før forrige seminar', 'everyone');
    await sql(app, `UPDATE consultations SET report_published_at = now() - interval '60 days' WHERE id = $1`, [before]);
    const previous = must(
      await host.post(
        '/api/events',
        event({
          title: 'Forrige seminar',
          kind: 'seminar',
          startsAt: at(-30 * 24 * hour),
          endsAt: at(-30 * 24 * hour + hour),
        }),
      ),
      201,
    ).body;
    const open = await consultation('Rådslag om kafeen', 'everyone');
    const closed = await consultation('Panelets rådslag', 'panel');
    const seminar = must(
      await host.post(
        '/api/events',
        event({ title: 'Halvårsseminaret', kind: 'seminar', startsAt: at(72 * hour), endsAt: at(75 * hour) }),
      ),
      201,
    ).body;

    const guestSees = await ids(app.client(), seminar.id);
    expect(guestSees).toContain(open);
    expect(guestSees).not.toContain(closed);
    expect(guestSees).not.toContain(before);
    const panelSees = await ids(await newUser(app, 'panel'), seminar.id);
    expect(panelSees).toEqual(expect.arrayContaining([open, closed]));
    expect(panelSees).not.toContain(before);
    expect(await ids(app.client(), previous.id)).toContain(before);
    expect(await ids(app.client(), previous.id)).not.toContain(open);
    // Other kinds carry none.
    const meeting = must(await host.post('/api/events', event()), 201).body;
    expect(must(await app.client().get(`/api/events/${meeting.id}`), 200).body.achievements).toBeUndefined();
  });
});
