import { PoolClock } from '../../apps/api/src/pool/pool-clock.service.js';
import { asAdmin, newUser } from '../support/factories.js';
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
});
