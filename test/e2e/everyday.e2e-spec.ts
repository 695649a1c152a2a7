import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, review, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 21, items 3 and 8: everyday use as a guest and as a member would meet it. */
describe('everyday use', () => {
  let app: TestApp;
  let open: string;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    open = await newCategory(app, { moderation: 'post', allowGuests: true });
  });
  afterAll(() => app.stop());

  describe('a guest’s receipt', () => {
    it('should give a short code to write down that opens the same receipt, typed however the guest types it', async () => {
      const guest = app.client();
      const created = await guest.post(`/api/categories/${open}/threads`, {
        title: 'Første gang her',
        body: 'Jeg har **aldri** skrevet her før.',
      });
      expect(created.status).toBe(201);
      expect(created.body.receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

      const byLink = await guest.get(`/api/receipts/${created.body.receiptToken}`);
      expect(byLink.status).toBe(200);
      expect(byLink.body).toMatchObject({
        status: 'pending',
        isThread: true,
        threadTitle: 'Første gang her',
        body: 'Jeg har **aldri** skrevet her før.',
      });

      // Another browser, the code written down by hand: lower case, spaces, O for 0.
      const code: string = created.body.receiptCode;
      const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      const byCode = await app.client().get(`/api/receipts/${encodeURIComponent(typed)}`);
      expect(byCode.status).toBe(200);
      expect(byCode.body).toEqual(byLink.body);
    });

    it('should show a reply’s thread and text, and give a rejected guest their text back with the reason', async () => {
      const member = await newUser(app);
      const thread = await member.post(`/api/categories/${open}/threads`, {
        title: 'Om søvn',
        body: 'Hvordan sover dere?',
      });
      const guest = app.client();
      const posted = await guest.post(`/api/threads/${thread.body.id}/posts`, {
        body: 'Jeg sover dårlig.\n\n- lite\n- urolig',
      });
      expect(posted.status).toBe(201);
      expect(posted.body.receiptCode).toBeTruthy();
      await review(app, posted.body.id, 'reject', 'Del gjerne uten navn på behandleren.');
      const receipt = await guest.get(`/api/receipts/${posted.body.receiptCode}`);
      expect(receipt.body).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Del gjerne uten navn på behandleren.',
        isThread: false,
        threadTitle: 'Om søvn',
        body: 'Jeg sover dårlig.\n\n- lite\n- urolig',
      });
      expect(receipt.body.link).toBeUndefined();
    });

    it('should refuse what cannot be a code with 400 and an unknown code with 404', async () => {
      const guest = app.client();
      expect((await guest.get('/api/receipts/ABCD-EFGH')).status).toBe(400);
      expect((await guest.get('/api/receipts/ABCD-EFGH-JKMU')).status).toBe(400);
      const unknown = await guest.get('/api/receipts/ABCD-EFGH-JKMN');
      expect(unknown.status).toBe(404);
    });
  });

  describe('Min side: name and email', () => {
    it('should let a member change their display name and email, seen at once on their posts and their account', async () => {
      const kari = await newUser(app, 'member', { displayName: 'Kari' });
      const thread = await kari.post(`/api/categories/${open}/threads`, { title: 'Navnebytte', body: 'Hei' });
      const res = await kari.patch('/api/me', { displayName: '  Kari N.  ', email: 'kari@example.no' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        username: kari.user!.username,
        displayName: 'Kari N.',
        email: 'kari@example.no',
      });
      expect((await kari.get('/api/auth/me')).body).toMatchObject({ displayName: 'Kari N.', email: 'kari@example.no' });
      const seen = await app.client().get(`/api/threads/${thread.body.id}`);
      expect(seen.body.posts.items[0].author.displayName).toBe('Kari N.');
      // Only the email: the name stays; an empty address removes it.
      expect((await kari.patch('/api/me', { email: '' })).body).toMatchObject({ displayName: 'Kari N.', email: null });
      expect((await kari.patch('/api/me', { email: 'ny@example.no' })).body.email).toBe('ny@example.no');
      expect((await kari.patch('/api/me', { email: null })).body.email).toBeNull();
    });

    it('should refuse a blank name, a bad address, nothing to change and a name like a moderator’s, changing nothing', async () => {
      const mod = await newUser(app, 'moderator', { displayName: 'Moderator Mona' });
      const ola = await newUser(app, 'member', { displayName: 'Ola' });
      for (const body of [
        {},
        { displayName: '   ' },
        { displayName: 'x'.repeat(51) },
        { email: 'ikke en adresse' },
        { displayName: 7 },
      ])
        expect((await ola.patch('/api/me', body)).status).toBe(400);
      const taken = await ola.patch('/api/me', { displayName: 'Moderator Mona' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('name_taken');
      const looksLike = await ola.patch('/api/me', { displayName: mod.user!.username });
      expect(looksLike.status).toBe(409);
      expect((await ola.get('/api/auth/me')).body).toMatchObject({ displayName: 'Ola', email: null });
      expect((await app.client().patch('/api/me', { displayName: 'Gjest' })).status).toBe(401);
    });
  });

  describe('the café rules, once', () => {
    it('should remember that a member accepted the café rules, and refuse anything but true', async () => {
      const member = await newUser(app);
      expect((await member.get('/api/auth/me')).body.cafeRulesAccepted).toBe(false);
      expect((await member.patch('/api/me', { acceptCafeRules: false })).status).toBe(400);
      const res = await member.patch('/api/me', { acceptCafeRules: true });
      expect(res.status).toBe(200);
      expect(res.body.cafeRulesAccepted).toBe(true);
      expect((await member.get('/api/auth/session')).body.user.cafeRulesAccepted).toBe(true);
      expect((await member.get('/api/me/export')).body.account.cafeRulesAcceptedAt).toBeTruthy();
    });
  });

  describe('search and Norwegian compounds', () => {
    it('should find "tvangsinnleggelse" for "innleggelse", the stemmed hits still first, and nothing unpublished', async () => {
      const member = await newUser(app);
      const compound = await member.post(`/api/categories/${open}/threads`, {
        title: 'Om tvang',
        body: 'Etter tvangsinnleggelsen trengte jeg lang tid.',
      });
      const plain = await member.post(`/api/categories/${open}/threads`, {
        title: 'Planlagt',
        body: 'Innleggelse på sykehuset var planlagt.',
      });
      const guest = await app.client().post(`/api/categories/${open}/threads`, {
        title: 'Holdt',
        body: 'Min akuttinnleggelse var skummel.',
      });
      expect(guest.body.status).toBe('pending');
      const res = await app.client().get('/api/search?q=innleggelse');
      expect(res.status).toBe(200);
      const ids = res.body.items.map((h: { threadId: string }) => h.threadId);
      expect(ids).toContain(compound.body.id);
      expect(ids).toContain(plain.body.id);
      expect(ids.indexOf(plain.body.id)).toBeLessThan(ids.indexOf(compound.body.id));
      expect(ids).not.toContain(guest.body.id);
      // Short words stay whole-word matches: "tid" is not found inside other words.
      const short = await app.client().get('/api/search?q=tvang');
      expect(short.body.items.map((h: { threadId: string }) => h.threadId)).toContain(compound.body.id);
      const none = await app.client().get('/api/search?q=innleggelse%20-tvangsinnleggelsen');
      expect(none.body.items.map((h: { threadId: string }) => h.threadId)).not.toContain(compound.body.id);
    });
  });

  describe('who is asking', () => {
    it('should answer a guest 200 with no user, and a member with their account', async () => {
      const guest = await app.client().get('/api/auth/session');
      expect(guest.status).toBe(200);
      expect(guest.body).toEqual({ user: null });
      const member = await newUser(app);
      const res = await member.get('/api/auth/session');
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: member.user!.id, username: member.user!.username, breakUntil: null });
    });
  });

  describe('who runs the service', () => {
    it('should let an admin name the operator and its contact, shown to guests in GET /api/operator and the privacy notice', async () => {
      const before = await app.client().get('/api/operator');
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ name: '' });
      const unset = await app.client().get('/api/privacy');
      expect(unset.body.nb).toContain('Administratoren har ikke lagt inn navnet ennå');

      const admin = await asAdmin(app);
      const saved = await admin.patch('/api/admin/settings', {
        operatorName: '  Erfaringspanelet i DPS Vest_Nord ',
        operatorEmail: 'panel@dps-vest.no',
        operatorPhone: '+47 55 00 00 00',
        operatorAddress: 'Postboks 12\n5020 Bergen',
        accessibilityStatementDate: '2026-12-01',
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ operatorName: 'Erfaringspanelet i DPS Vest_Nord', flagHideThreshold: 3 });

      const guest = app.client();
      expect((await guest.get('/api/operator')).body).toEqual({
        name: 'Erfaringspanelet i DPS Vest_Nord',
        email: 'panel@dps-vest.no',
        phone: '+47 55 00 00 00',
        address: 'Postboks 12\n5020 Bergen',
        accessibilityStatementDate: '2026-12-01',
      });
      const privacy = await guest.get('/api/privacy');
      expect(privacy.body.nb).toContain('Erfaringspanelet i DPS Vest\\_Nord er behandlingsansvarlig');
      expect(privacy.body.nb).toContain('<panel@dps-vest.no>');
      expect(privacy.body.nb).toContain('telefon +47 55 00 00 00');
      expect(privacy.body.nb).toContain('Under «Min side» kan du');
      expect(privacy.body.nb).not.toContain('«Profil»');
      expect(privacy.body.en).toContain('is the data controller (behandlingsansvarlig)');
      expect(privacy.body.en).toContain('Under "My page" you can');

      // '' clears a contact field; the others stay.
      expect((await admin.patch('/api/admin/settings', { operatorPhone: '', operatorAddress: '' })).status).toBe(200);
      expect((await guest.get('/api/operator')).body).toEqual({
        name: 'Erfaringspanelet i DPS Vest_Nord',
        email: 'panel@dps-vest.no',
        accessibilityStatementDate: '2026-12-01',
      });
    });

    it('should refuse a bad address, phone, date or name with 400 that names the field, changing nothing', async () => {
      const admin = await asAdmin(app);
      const before = (await admin.get('/api/admin/settings')).body;
      const bad: [Record<string, unknown>, string][] = [
        [{ operatorEmail: 'not an address' }, 'operatorEmail must be an email address'],
        [{ operatorEmail: null }, 'operatorEmail'],
        [{ operatorPhone: '22-40-00-40' }, 'operatorPhone must be a phone number'],
        [{ operatorPhone: '12' }, 'operatorPhone must be a phone number'],
        [{ accessibilityStatementDate: '2026-02-30' }, 'accessibilityStatementDate must be a date that exists'],
        [{ accessibilityStatementDate: '1.12.2026' }, 'accessibilityStatementDate must be a date as YYYY-MM-DD'],
        [{ operatorName: 'x'.repeat(201) }, 'operatorName must be at most 200 characters'],
        [{ operatorName: 'Panel\nlinje to' }, 'operatorName must be one line of text'],
        [{ operatorName: null }, 'operatorName must be text'],
        [{ operatorAddress: 42 }, 'operatorAddress must be text'],
        [{ flagHideThreshold: null }, 'flagHideThreshold must be a whole number'],
        [{ operatorName: 'Godt navn', operatorEmail: 'ikke-epost' }, 'operatorEmail must be an email address'],
        [{ operatorWebsite: 'https://example.org' }, 'operatorWebsite'],
      ];
      for (const [body, message] of bad) {
        const res = await admin.patch('/api/admin/settings', body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.message).toContain(message);
      }
      expect((await admin.get('/api/admin/settings')).body).toEqual(before);
      expect((await app.client().get('/api/operator')).body.name).toBe('Erfaringspanelet i DPS Vest_Nord');
      const member = await newUser(app);
      expect((await member.patch('/api/admin/settings', { operatorName: 'Kapret' })).status).toBe(403);
      expect((await app.client().get('/api/operator')).body.name).toBe('Erfaringspanelet i DPS Vest_Nord');
    });
  });
});

describe('guessing receipt codes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
  });
  afterAll(() => app.stop());

  it('should stop an address after 20 code lookups in 15 minutes, while links keep working', async () => {
    const guest = app.client();
    for (let i = 0; i < 20; i++) expect((await guest.get('/api/receipts/ABCD-EFGH-JKMN')).status).toBe(404);
    const blocked = await guest.get('/api/receipts/ABCD-EFGH-JKMN');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeTruthy();
    expect((await guest.get(`/api/receipts/${'a'.repeat(43)}`)).status).toBe(404);
  });
});
