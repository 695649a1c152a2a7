import { PoolClock } from '../../apps/api/src/pool/pool-clock.service.js';
import { asAdmin, newUser } from '../support/factories.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { must, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 16: the panel's pool as the people in it meet it — someone without an account reads what
 * the panel is and says they are interested, the coordinator works through the recruitment list,
 * and what is kept about them goes 12 months after it was handled.
 */

const interest = (fields: Record<string, unknown> = {}) => ({
  name: 'Kari Nordmann',
  email: 'kari@example.no',
  preferredChannel: 'email',
  perspectives: ['user', 'relative'],
  message: 'Jeg har vært pårørende i mange år og vil gjerne bidra.',
  newsletter: true,
  ...fields,
});

const day = 86_400_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const assignment = (fields: Record<string, unknown> = {}) => ({
  title: 'Brukerrådet ved DPS Nord',
  description: 'Delta på fire møter i brukerrådet og gi råd om ventetider.',
  requester: 'DPS Nord',
  confidentiality: 'Sakspapirer er interne; erfaringer du deler selv, er dine.',
  startsAt: at(day),
  endsAt: at(90 * day),
  estimatedHours: 12,
  compensation: '500 kr per møte',
  ...fields,
});
const accept = async (who: TestClient, offerId: string) =>
  must(await who.post(`/api/me/offers/${offerId}/accept`), 200);
/** Quoted-printable soft line breaks joined again. */
const unfold = (data: string) => data.replace(/=\r\n/g, '');
const noticesOf = async (who: TestClient) => must(await who.get('/api/me/notifications'), 200).body.items;

describe('the panel’s pool', () => {
  let app: TestApp;
  let admin: TestClient;
  let guest: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    guest = app.client();
  });
  afterAll(() => app.stop());

  /** An active assignment with `primary` and `backup` on it. */
  const running = async (primary: TestClient, backup: TestClient) => {
    const id = await newAssignment();
    await accept(primary, must(await offerTo(id, primary, 'primary'), 201).body.id);
    await accept(backup, must(await offerTo(id, backup, 'backup'), 201).body.id);
    must(await admin.post(`/api/admin/assignments/${id}/start`), 200);
    return id;
  };

  const newAssignment = async (fields: Record<string, unknown> = {}) =>
    must(await admin.post('/api/admin/assignments', assignment(fields)), 201).body.id as string;
  const offerTo = async (id: string, who: TestClient, role: 'primary' | 'backup') =>
    admin.post(`/api/admin/assignments/${id}/offers`, { userId: who.user!.id, role });

  describe('recruitment', () => {
    it('should show a default text about the panel in both languages, which the coordinator edits', async () => {
      const about = must(await guest.get('/api/panel/about'), 200).body;
      expect(about.nb).toContain('Hva er erfaringspanelet?');
      expect(about.en).toContain('What is the experience panel?');
      const edited = { nb: '## Om panelet\n\nVi møtes hver måned.', en: '## About the panel\n\nWe meet monthly.' };
      expect((await (await newUser(app, 'moderator')).put('/api/admin/panel/about', edited)).status).toBe(403);
      must(await admin.put('/api/admin/panel/about', edited), 200);
      expect(must(await guest.get('/api/panel/about'), 200).body).toEqual(edited);
      expect((await admin.put('/api/admin/panel/about', { nb: '', en: 'x' })).status).toBe(400);
      must(await admin.put('/api/admin/panel/about', about), 200);
    });

    it('should take an expression of interest without an account and give a receipt', async () => {
      const res = must(await guest.post('/api/panel/interest', interest()), 201);
      expect(res.body).toEqual({ receiptCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
      const list = must(await admin.get('/api/admin/panel/interest'), 200).body.items;
      expect(list[0]).toMatchObject({
        receiptCode: res.body.receiptCode,
        name: 'Kari Nordmann',
        email: 'kari@example.no',
        phone: null,
        preferredChannel: 'email',
        perspectives: ['user', 'relative'],
        newsletter: true,
        status: 'new',
        handledAt: null,
        deletesAt: null,
      });
    });

    it('should refuse an expression of interest without a way to reach the person, and store nothing', async () => {
      const before = (await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM panel_interest`))[0].n;
      for (const body of [
        interest({ email: undefined }),
        interest({ preferredChannel: 'sms' }),
        interest({ perspectives: [] }),
        interest({ perspectives: ['doctor'] }),
        interest({ name: '   ' }),
        interest({ email: 'not an address' }),
        interest({ phone: 'call me' }),
      ]) {
        const res = await guest.post('/api/panel/interest', body);
        expect(res.status).toBe(400);
        expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
      }
      expect((await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM panel_interest`))[0].n).toBe(before);
      must(
        await guest.post(
          '/api/panel/interest',
          interest({ email: undefined, phone: '+47 900 00 000', preferredChannel: 'sms' }),
        ),
        201,
      );
    });

    it('should show the writer of a crisis message the helplines and tell the admins, never the moderation queue', async () => {
      const queueBefore = (await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM moderation_queue`))[0].n;
      const res = must(
        await guest.post('/api/panel/interest', interest({ message: 'Jeg vil ikke leve lenger.' })),
        201,
      );
      expect(res.body.support.length).toBeGreaterThan(0);
      expect(typeof res.body.staffed).toBe('boolean');
      expect((await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM moderation_queue`))[0].n).toBe(queueBefore);
      const notices = must(await admin.get('/api/me/notifications'), 200).body.items;
      expect(notices[0]).toMatchObject({ type: 'pool_interest_crisis', link: '/admin/panelet' });
      expect(notices[0].text).toContain(res.body.receiptCode);
      expect(notices[0].text).not.toContain('leve');
    });

    it('should keep the contact details from everyone but the admins', async () => {
      for (const role of ['member', 'panel', 'moderator'] as const)
        expect((await (await newUser(app, role)).get('/api/admin/panel/interest')).status).toBe(403);
      expect((await guest.get('/api/admin/panel/interest')).status).toBe(401);
    });

    it('should let the coordinator set a status, filter by it, and delete what was handled 12 months ago', async () => {
      const { receiptCode } = must(await guest.post('/api/panel/interest', interest({ name: 'Ola' })), 201).body;
      const item = must(await admin.get('/api/admin/panel/interest?status=new&limit=100'), 200).body.items.find(
        (i: { receiptCode: string }) => i.receiptCode === receiptCode,
      );
      const contacted = must(
        await admin.patch(`/api/admin/panel/interest/${item.id}`, { status: 'contacted', note: 'Ringt 4. desember' }),
        200,
      ).body;
      expect(contacted).toMatchObject({ status: 'contacted', note: 'Ringt 4. desember' });
      expect(Date.parse(contacted.deletesAt) - Date.parse(contacted.handledAt)).toBeGreaterThan(364 * 86400_000);
      const onlyContacted = must(await admin.get('/api/admin/panel/interest?status=contacted'), 200).body.items;
      expect(onlyContacted.map((i: { id: string }) => i.id)).toEqual([item.id]);
      expect((await admin.patch(`/api/admin/panel/interest/${item.id}`, { status: 'gone' })).status).toBe(400);
      expect(
        (await admin.patch(`/api/admin/panel/interest/00000000-0000-4000-8000-000000000000`, { status: 'joined' }))
          .status,
      ).toBe(404);

      // Handled 13 months ago (another one) and 11 months ago (this one): the job takes only the first.
      const { receiptCode: old } = must(
        await guest.post('/api/panel/interest', interest({ name: 'Gammel' })),
        201,
      ).body;
      await sql(
        app,
        `UPDATE panel_interest SET status = 'declined', handled_at = now() - interval '13 months' WHERE receipt_code = $1`,
        [old],
      );
      await sql(app, `UPDATE panel_interest SET handled_at = now() - interval '11 months' WHERE id = $1`, [item.id]);
      const unhandled = (
        await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM panel_interest WHERE handled_at IS NULL`)
      )[0].n;
      await app.server.app.get(PoolClock).tick();
      expect(await sql(app, `SELECT id FROM panel_interest WHERE receipt_code = $1`, [old])).toEqual([]);
      expect(await sql(app, `SELECT id FROM panel_interest WHERE id = $1`, [item.id])).toHaveLength(1);
      expect(
        (await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM panel_interest WHERE handled_at IS NULL`))[0].n,
      ).toBe(unhandled);
    });
  });

  describe('assignments', () => {
    it('should require an end at most 183 days after the start, in the API and in the table', async () => {
      const draft = must(await admin.post('/api/admin/assignments', assignment()), 201).body;
      expect(draft).toMatchObject({
        status: 'draft',
        needsBackup: false,
        offers: [],
        checkins: [],
        estimatedHours: 12,
      });
      const start = Date.now() + day;
      for (const endsAt of [undefined, at(-day), new Date(start + 184 * day).toISOString()]) {
        const res = await admin.post(
          '/api/admin/assignments',
          assignment({ startsAt: new Date(start).toISOString(), endsAt }),
        );
        expect(res.status).toBe(400);
      }
      must(
        await admin.post(
          '/api/admin/assignments',
          assignment({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 183 * day).toISOString() }),
        ),
        201,
      );
      expect((await admin.patch(`/api/admin/assignments/${draft.id}`, { endsAt: at(365 * day) })).status).toBe(400);
      await expect(
        sql(app, `UPDATE assignments SET ends_at = starts_at + interval '200 days' WHERE id = $1`, [draft.id]),
      ).rejects.toThrow();
      expect(
        must(await admin.patch(`/api/admin/assignments/${draft.id}`, { title: 'Brukerrådet, våren' }), 200).body.title,
      ).toBe('Brukerrådet, våren');
    });

    it('should start only when a primary and a backup have both accepted', async () => {
      const primary = await newUser(app, 'panel');
      const backup = await newUser(app, 'panel');
      const id = await newAssignment();
      const offer = must(await offerTo(id, primary, 'primary'), 201).body;
      expect(offer).toEqual({
        id: expect.any(String),
        assignmentId: id,
        userId: primary.user!.id,
        role: 'primary',
        status: 'offered',
      });
      expect((await noticesOf(primary))[0]).toMatchObject({ type: 'assignment_offer', link: '/panelet/mine' });
      expect((await admin.post(`/api/admin/assignments/${id}/start`)).body.code).toBe('needs_backup');
      // Nobody else answers the offer: to them it does not exist.
      expect((await backup.post(`/api/me/offers/${offer.id}/accept`)).status).toBe(404);
      await accept(primary, offer.id);
      expect((await admin.post(`/api/admin/assignments/${id}/start`)).body.code).toBe('needs_backup');
      expect((await offerTo(id, primary, 'backup')).body.code).toBe('already_offered');
      expect((await offerTo(id, backup, 'primary')).body.code).toBe('role_taken');
      const backupOffer = must(await offerTo(id, backup, 'backup'), 201).body;
      expect((await admin.post(`/api/admin/assignments/${id}/start`)).body.code).toBe('needs_backup');
      must(await backup.post(`/api/me/offers/${backupOffer.id}/decline`), 200);
      expect((await backup.post(`/api/me/offers/${backupOffer.id}/accept`)).body.code).toBe('already_answered');
      const second = await newUser(app, 'panel');
      await accept(second, must(await offerTo(id, second, 'backup'), 201).body.id);
      expect(must(await admin.post(`/api/admin/assignments/${id}/start`), 200).body.status).toBe('active');
      expect((await admin.patch(`/api/admin/assignments/${id}`, { title: 'Endret' })).body.code).toBe('not_draft');
      const mine = must(await primary.get('/api/me/assignments'), 200).body;
      expect(mine.offers).toEqual([]);
      expect(mine.assignments).toEqual([
        expect.objectContaining({ id, role: 'primary', status: 'active', offerStatus: 'accepted', checkins: [] }),
      ]);
    });

    it('should refuse offers to a paused member or one at their limit, and suggest those who waited longest', async () => {
      const busy = await newUser(app, 'panel');
      must(await busy.patch('/api/me/panel-profile', { maxActiveAssignments: 1, topics: ['ventetid'] }), 200);
      const other = await newUser(app, 'panel');
      const running1 = await running(busy, other);
      const id = await newAssignment();
      const refused = await offerTo(id, busy, 'primary');
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('member_unavailable');

      const resting = await newUser(app, 'panel');
      const until = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
      expect(must(await resting.patch('/api/me/panel-profile', { pausedUntil: until }), 200).body).toEqual({
        perspectives: [],
        topics: [],
        paused: true,
        pausedUntil: until,
        maxActiveAssignments: 2,
      });
      expect((await offerTo(id, resting, 'backup')).body.code).toBe('member_unavailable');
      expect((await offerTo(id, await newUser(app), 'backup')).body.code).toBe('not_panel_member');

      const fresh = await newUser(app, 'panel');
      const suggestions = must(await admin.get(`/api/admin/assignments/${id}/suggestions`), 200).body as {
        user: { id: string };
        lastAssignmentAt: string | null;
      }[];
      const ids = suggestions.map((s) => s.user.id);
      expect(ids).toContain(fresh.user!.id);
      expect(ids).toContain(other.user!.id);
      expect(ids).not.toContain(busy.user!.id);
      expect(ids).not.toContain(resting.user!.id);
      // Never had one before someone who has.
      expect(ids.indexOf(fresh.user!.id)).toBeLessThan(ids.indexOf(other.user!.id));
      const waited = suggestions.map((s) => s.lastAssignmentAt ?? '');
      expect(waited).toEqual([...waited].sort());

      // The pause ends by itself on its day; completing frees the busy one.
      await sql(app, `UPDATE panel_profiles SET paused_until = current_date WHERE user_id = $1`, [resting.user!.id]);
      expect(must(await resting.get('/api/me/panel-profile'), 200).body.paused).toBe(false);
      must(await offerTo(id, resting, 'backup'), 201);
      must(await admin.post(`/api/admin/assignments/${running1}/complete`), 200);
      must(await offerTo(id, busy, 'primary'), 201);
    });

    it('should never put a member on more assignments than their limit, however the offers are answered and started', async () => {
      const one = await newUser(app, 'panel');
      must(await one.patch('/api/me/panel-profile', { maxActiveAssignments: 1 }), 200);
      const drafts = [await newAssignment(), await newAssignment(), await newAssignment()];
      // Offered all three while nothing has started: each offer alone is within the limit.
      const offers = [];
      for (const id of drafts) offers.push(must(await offerTo(id, one, 'primary'), 201).body.id as string);
      const answers = await Promise.all(offers.map((o) => one.post(`/api/me/offers/${o}/accept`)));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual([
        'member_unavailable',
        'member_unavailable',
      ]);
      // A draft they said yes to counts: no further offer is made to them.
      expect((await offerTo(await newAssignment(), one, 'primary')).body.code).toBe('member_unavailable');
      const accepted = drafts[answers.findIndex((r) => r.status === 200)];
      const backup = await newUser(app, 'panel');
      await accept(backup, must(await offerTo(accepted, backup, 'backup'), 201).body.id);
      // Pausing after saying yes: the assignment does not start with them on it.
      must(await one.patch('/api/me/panel-profile', { paused: true }), 200);
      expect((await admin.post(`/api/admin/assignments/${accepted}/start`)).body.code).toBe('member_unavailable');
      must(await one.patch('/api/me/panel-profile', { paused: false }), 200);
      must(await admin.post(`/api/admin/assignments/${accepted}/start`), 200);
      const load = must(await admin.get('/api/admin/panel/load'), 200).body as {
        user: { id: string };
        activeAssignments: number;
      }[];
      expect(load.find((l) => l.user.id === one.user!.id)?.activeAssignments).toBe(1);
    });

    it('should hand the assignment to the backup at once when the primary asks for a pause', async () => {
      const primary = await newUser(app, 'panel');
      const backup = await newUser(app, 'panel');
      const id = await running(primary, backup);
      const res = must(
        await primary.post(`/api/me/assignments/${id}/checkins`, {
          load: 5,
          note: 'Det ble for mye nå.',
          wantPause: true,
        }),
        201,
      );
      expect(res.body).toEqual({ id: expect.any(String), handedOver: true });
      const view = must(await admin.get(`/api/admin/assignments/${id}`), 200).body;
      expect(view.needsBackup).toBe(true);
      expect(view.offers.find((o: { userId: string }) => o.userId === backup.user!.id)).toMatchObject({
        role: 'primary',
        status: 'accepted',
      });
      expect(view.offers.find((o: { userId: string }) => o.userId === primary.user!.id)).toMatchObject({
        status: 'released',
      });
      expect(view.checkins[0]).toMatchObject({
        load: 5,
        note: 'Det ble for mye nå.',
        wantPause: true,
        user: { id: primary.user!.id },
      });
      expect((await noticesOf(backup))[0]).toMatchObject({ type: 'assignment_handover' });
      expect((await noticesOf(admin))[0]).toMatchObject({
        type: 'assignment_handover',
        link: `/admin/panelet/oppdrag/${id}`,
      });
      expect(must(await primary.get('/api/me/panel-profile'), 200).body.paused).toBe(true);
      expect((await primary.post(`/api/me/assignments/${id}/checkins`, { load: 2 })).status).toBe(404);
      // The new primary sees their assignment needs a backup, and not the other's note.
      const theirs = must(await backup.get('/api/me/assignments'), 200).body.assignments[0];
      expect(theirs).toMatchObject({ id, role: 'primary', needsBackup: true, checkins: [] });
      expect(JSON.stringify(must(await backup.get('/api/me/assignments'), 200).body)).not.toContain('for mye');
      // A new backup who accepts ends the need.
      const next = await newUser(app, 'panel');
      await accept(next, must(await offerTo(id, next, 'backup'), 201).body.id);
      expect(must(await admin.get(`/api/admin/assignments/${id}`), 200).body.needsBackup).toBe(false);
    });

    it('should keep a check-in note between its writer and the admins, and meet crisis text with the helplines', async () => {
      const primary = await newUser(app, 'panel');
      const backup = await newUser(app, 'panel');
      const id = await running(primary, backup);
      const queueBefore = (await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM moderation_queue`))[0].n;
      const res = must(
        await primary.post(`/api/me/assignments/${id}/checkins`, { load: 4, note: 'Jeg vil ikke leve lenger.' }),
        201,
      );
      expect(res.body.support.length).toBeGreaterThan(0);
      expect(res.body.handedOver).toBe(false);
      expect((await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM moderation_queue`))[0].n).toBe(queueBefore);
      const notice = (await noticesOf(admin))[0];
      expect(notice).toMatchObject({ type: 'assignment_checkin_crisis', link: `/admin/panelet/oppdrag/${id}` });
      expect(notice.text).not.toContain('leve');
      expect(must(await primary.get('/api/me/assignments'), 200).body.assignments[0].checkins[0].note).toBe(
        'Jeg vil ikke leve lenger.',
      );
      expect(JSON.stringify(must(await backup.get('/api/me/assignments'), 200).body)).not.toContain('leve');
      const outsider = await newUser(app, 'panel');
      expect((await outsider.post(`/api/me/assignments/${id}/checkins`, { load: 1 })).status).toBe(404);
      for (const load of [0, 6, 2.5, '3'])
        expect((await primary.post(`/api/me/assignments/${id}/checkins`, { load })).status).toBe(400);
      const load = must(await admin.get('/api/admin/panel/load'), 200).body as {
        user: { id: string };
        lastCheckinLoad: number;
        activeAssignments: number;
        paused: boolean;
      }[];
      expect(load.find((l) => l.user.id === primary.user!.id)).toMatchObject({
        activeAssignments: 1,
        lastCheckinLoad: 4,
        paused: false,
      });
      expect(load.find((l) => l.user.id === outsider.user!.id)).toMatchObject({
        activeAssignments: 0,
        lastCheckinLoad: null,
      });
    });

    it('should complete an assignment whose end passed and ask its members for one last check-in', async () => {
      const primary = await newUser(app, 'panel');
      const backup = await newUser(app, 'panel');
      const id = await running(primary, backup);
      await sql(
        app,
        `UPDATE assignments SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 minute' WHERE id = $1`,
        [id],
      );
      await app.server.app.get(PoolClock).tick();
      expect(must(await admin.get(`/api/admin/assignments/${id}`), 200).body.status).toBe('completed');
      expect((await noticesOf(primary))[0]).toMatchObject({ type: 'assignment_final_checkin' });
      const mine = must(await primary.get('/api/me/assignments'), 200).body.assignments[0];
      expect(mine).toMatchObject({ status: 'completed', finalCheckinDue: true });
      must(
        await primary.post(`/api/me/assignments/${id}/checkins`, { load: 2, note: 'Færre møter, mer tid mellom.' }),
        201,
      );
      expect(must(await primary.get('/api/me/assignments'), 200).body.assignments[0]).toMatchObject({
        finalCheckinDue: false,
        checkins: [expect.objectContaining({ final: true })],
      });
      expect((await primary.post(`/api/me/assignments/${id}/checkins`, { load: 2 })).body.code).toBe(
        'already_checked_in',
      );
    });

    it('should tell everyone on a cancelled assignment', async () => {
      const primary = await newUser(app, 'panel');
      const offered = await newUser(app, 'panel');
      const id = await newAssignment();
      await accept(primary, must(await offerTo(id, primary, 'primary'), 201).body.id);
      must(await offerTo(id, offered, 'backup'), 201);
      expect(must(await admin.post(`/api/admin/assignments/${id}/cancel`), 200).body.status).toBe('cancelled');
      for (const who of [primary, offered])
        expect((await noticesOf(who))[0]).toMatchObject({ type: 'assignment_cancelled' });
      expect((await admin.post(`/api/admin/assignments/${id}/cancel`)).body.code).toBe('already_ended');
      expect(must(await offered.get('/api/me/assignments'), 200).body.offers).toEqual([]);
    });
  });

  describe('newsletter and the member’s own data', () => {
    it('should accept a newsletter without email configured, and say nothing is sent', async () => {
      const res = must(
        await admin.post('/api/admin/newsletters', { subject: 'Nytt fra panelet', body: 'Hei!', audience: 'both' }),
        202,
      );
      expect(res.body).toMatchObject({ sending: false, recipients: expect.any(Number) });
      expect((await admin.post('/api/admin/newsletters', { subject: '', body: 'Hei', audience: 'all' })).status).toBe(
        400,
      );
      expect(
        (
          await (
            await newUser(app, 'panel')
          ).post('/api/admin/newsletters', { subject: 'x', body: 'y', audience: 'panel' })
        ).status,
      ).toBe(403);
    });

    it('should put the pool profile, offers and check-ins in the export, and remove them with the account', async () => {
      const primary = await newUser(app, 'panel');
      const backup = await newUser(app, 'panel');
      must(await primary.patch('/api/me/panel-profile', { topics: ['ventetid'], perspectives: ['peer'] }), 200);
      const id = await running(primary, backup);
      must(await primary.post(`/api/me/assignments/${id}/checkins`, { load: 3, note: 'Passe mye.' }), 201);
      const data = must(await primary.get('/api/me/export'), 200).body;
      expect(data.pool.profile).toMatchObject({ topics: ['ventetid'], perspectives: ['peer'] });
      expect(data.pool.offers).toEqual([expect.objectContaining({ role: 'primary', status: 'accepted' })]);
      expect(data.pool.checkins).toEqual([expect.objectContaining({ load: 3, note: 'Passe mye.' })]);
      expect(JSON.stringify(data)).not.toContain(backup.user!.username);
      must(await primary.delete('/api/me', { password: primary.password }), 204);
      for (const table of ['panel_profiles', 'assignment_offers', 'assignment_checkins'])
        expect(await sql(app, `SELECT 1 FROM ${table} WHERE user_id = $1`, [primary.user!.id])).toEqual([]);
    });
  });
});

describe('the panel’s newsletter by email', () => {
  const sink = new SmtpSink();
  let app: TestApp;

  beforeAll(async () => {
    const port = await sink.start();
    app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://forum.example.test' });
  });
  afterAll(async () => {
    await app.stop();
    await sink.stop();
  });

  it('should reach panel members with an email and those interested who asked, each with an unsubscribe link that works without login', async () => {
    const admin = await asAdmin(app);
    await newUser(app, 'panel', { email: 'medlem@example.test' });
    await newUser(app, 'panel');
    await newUser(app, 'member', { email: 'vanlig@example.test' });
    const guest = app.client();
    must(
      await guest.post('/api/panel/interest', interest({ email: 'interessert@example.test', newsletter: true })),
      201,
    );
    must(
      await guest.post('/api/panel/interest', interest({ email: 'ikke-brev@example.test', newsletter: false })),
      201,
    );
    const res = must(
      await admin.post('/api/admin/newsletters', {
        subject: 'Nytt fra panelet',
        body: 'Vi møtes 12. januar.',
        audience: 'both',
      }),
      202,
    );
    expect(res.body).toMatchObject({ recipients: 2, sending: true });
    const mails = await sink.received(2);
    const to = mails.map((m) => m.to.join(' ')).join(' ');
    expect(to).toContain('medlem@example.test');
    expect(to).toContain('interessert@example.test');
    expect(to).not.toContain('vanlig@example.test');
    expect(to).not.toContain('ikke-brev@example.test');
    const links = mails.map(
      (m) => unfold(m.data).match(/http:\/\/forum\.example\.test\/unsubscribe\/([A-Za-z0-9_-]+)/)![1],
    );
    expect(new Set(links).size).toBe(2);
    for (const token of links) {
      const page = await app.client().get(`/unsubscribe/${token}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Meldt av');
    }
    expect((await app.client().get('/unsubscribe/not-a-real-token-at-all-0000')).status).toBe(404);
    sink.messages.length = 0;
    const again = must(
      await admin.post('/api/admin/newsletters', { subject: 'Igjen', body: 'Hei igjen.', audience: 'both' }),
      202,
    );
    expect(again.body.recipients).toBe(0);
  });
});
