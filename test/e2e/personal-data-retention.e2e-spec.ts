import { DirectoryClock } from '../../apps/api/src/directory/directory-clock.service.js';
import { PoolClock } from '../../apps/api/src/pool/pool-clock.service.js';
import { suggest, suggestionItem } from '../support/directory.js';
import { asAdmin, newUser } from '../support/factories.js';
import { must } from '../support/forum.js';
import { poolInterestBody } from '../support/pool-fixtures.js';
import { asText, dump, rows } from '../support/sql.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What is kept about people who have no account, as someone holding a database dump sees it:
 * an expression of interest in the panel leaves no trace in any table once it was handled 12
 * months ago, and a directory suggester's email is gone 30 days after the suggestion was decided
 * (the privacy notice promises both).
 */
describe('what a dump keeps about people without an account', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('should leave nothing of an expression of interest in any table 12 months after it was handled', async () => {
    const person = {
      name: 'Sølvi Gjenkjennelig',
      email: 'solvi.gjenkjennelig@example.no',
      phone: '+47 912 34 567',
      message: 'Jeg var innlagt på Lyngheia i fjor og vil gjerne bidra.',
    };
    const note = 'Ringte Sølvi på mobilen tirsdag';
    const guest = app.client();
    const { receiptCode } = must(
      await guest.post('/api/panel/interest', { ...poolInterestBody, ...person, newsletter: true }),
      201,
    ).body;
    const admin = await asAdmin(app);
    const item = must(await admin.get('/api/admin/panel/interest?limit=100'), 200).body.items.find(
      (i: { receiptCode: string }) => i.receiptCode === receiptCode,
    );
    must(await admin.patch(`/api/admin/panel/interest/${item.id}`, { status: 'declined', note }), 200);
    const marks = [person.name, person.email, person.message, note];
    const before = asText(await dump(app));
    expect(marks.filter((m) => !before.includes(m))).toEqual([]);

    await rows(app, `UPDATE panel_interest SET handled_at = now() - interval '13 months' WHERE id = $1`, [item.id]);
    await app.server.app.get(PoolClock).tick();

    const after = asText(await dump(app));
    expect(marks.filter((m) => after.includes(m))).toEqual([]);
    expect([person.phone, '91234567', '912 34 567'].filter((m) => after.includes(m))).toEqual([]);
    expect(must(await admin.get('/api/admin/panel/interest?limit=100'), 200).body.items).not.toContainEqual(
      expect.objectContaining({ id: item.id }),
    );
  });

  it('should forget a suggester’s email 30 days after the decision, and still answer their receipt', async () => {
    const moderator = await newUser(app, 'moderator');
    const decided = async (name: string, suggesterEmail: string, daysAgo: number) => {
      const code = await suggest(app, { name, suggesterEmail });
      const item = (await suggestionItem(moderator, name))!;
      must(await moderator.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Finnes allerede i oversikten.' }), 200);
      expect(asText(await dump(app))).toContain(suggesterEmail);
      await rows(
        app,
        `UPDATE directory_suggestions SET decided_at = now() - make_interval(days => $2) WHERE fields->>'name' = $1`,
        [name, daysAgo],
      );
      return code;
    };
    const old = await decided('Strikkekafé på biblioteket', 'gammel.forslagsstiller@example.no', 31);
    await decided('Sangkor for alle', 'ny.forslagsstiller@example.no', 29);
    const pending = await suggest(app, { name: 'Bokklubb', suggesterEmail: 'venter.fortsatt@example.no' });

    await app.server.app.get(DirectoryClock).tick();

    const after = asText(await dump(app));
    expect(after).not.toContain('gammel.forslagsstiller@example.no');
    expect(after).toContain('ny.forslagsstiller@example.no');
    expect(after).toContain('venter.fortsatt@example.no');
    expect(must(await app.client().get(`/api/receipts/${old}`), 200).body).toEqual({
      kind: 'directory_suggestion',
      status: 'rejected',
      rejectionReason: 'Finnes allerede i oversikten.',
    });
    expect(must(await app.client().get(`/api/receipts/${pending}`), 200).body.status).toBe('pending');
  });
});
