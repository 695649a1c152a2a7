import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';
import ICAL from 'ical.js';
import { asAdmin, newUser } from '../support/factories.js';
import { databaseFingerprint } from '../support/fingerprint.js';
import { must, sql } from '../support/forum.js';
import { offer, publishOffer, suggest, suggestionItem } from '../support/directory.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { DataSource } from 'typeorm';

/**
 * The activity directory (issue 17, API.md "Activity directory"): the HSDS 3.0 feed validated
 * against the specification's own schemas (test/e2e/hsds-schemas), readable from any origin;
 * suggestions from anyone → review in the queue → publish → verify → stale → retire.
 */

type Ajv = import('ajv').default;
const AjvClass = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (o: object) => Ajv;
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (a: Ajv) => Ajv;

const SCHEMAS = join(process.cwd(), 'test/e2e/hsds-schemas');
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/** What the schema says is wrong with a body, one line per problem; [] when it validates. */
const check = (validate: ReturnType<Ajv['compile']>) => (body: unknown) => {
  const ok = validate(body);
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

function hsdsValidator() {
  const ajv = addFormats(new AjvClass({ allErrors: true, strict: false }));
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
  const pageOf = (items: string) =>
    ajv.compile({
      allOf: [{ $ref: `${BASE}page.json` }],
      required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
      properties: { contents: { type: 'array', items: { $ref: items } } },
    });
  return {
    servicePage: check(pageOf(`${BASE}compiled/service_list.json`)),
    organizationPage: check(pageOf(`${BASE}compiled/organization_list.json`)),
    termPage: check(pageOf(`${BASE}taxonomy_term.json`)),
    service: check(ajv.getSchema(`${BASE}service.json`)!),
    organization: check(ajv.getSchema(`${BASE}organization.json`)!),
  };
}

describe('activity directory (aktivitetstilbud)', () => {
  let app: TestApp;
  let mod: TestClient;
  const hsds = hsdsValidator();

  beforeAll(async () => {
    app = await startTestApp({ DIRECTORY_EMBED_ORIGINS: 'https://www.askoy.kommune.no, https://oygarden.kommune.no/' });
    mod = await asAdmin(app);
  });
  afterAll(() => app.stop());

  it('should publish a suggestion as an HSDS service that validates against the specification', async () => {
    const id = await publishOffer(app, mod, { name: 'Turgruppe på Kleppestø' });
    const guest = app.client();

    const one = must(await guest.get(`/api/hsds/services/${id}`), 200);
    expect(hsds.service(one.body)).toEqual([]);
    expect(one.body).toMatchObject({
      id,
      name: 'Turgruppe på Kleppestø',
      status: 'active',
      x_municipality_code: '4627',
      x_stale: false,
      organization: { name: 'Askøy frivilligsentral' },
      schedules: [
        { freq: 'WEEKLY', byday: 'TU', opens_at: '18:00', closes_at: '20:00', description: 'Tirsdager kl. 18–20' },
      ],
      phones: [{ number: '+47 56 15 00 00' }],
      contacts: [{ email: 'post@frivillig.example.no' }],
      cost_options: [{ amount_description: 'Gratis', currency: 'NOK' }],
      attributes: [{ taxonomy_term: { code: 'turgruppe', name: 'Turgruppe' } }],
      service_at_locations: [
        {
          location: {
            location_type: 'physical',
            addresses: [
              {
                address_1: 'Kleppevegen 5',
                postal_code: '5300',
                city: 'Kleppestø',
                state_province: 'Vestland',
                country: 'NO',
              },
            ],
          },
        },
      ],
    });
    expect(one.body.assured_date).toMatch(/^\d{4}-\d\d-\d\d$/);
    // No nulls anywhere: HSDS types optional fields as strings and numbers.
    expect(one.text).not.toContain('null');

    const page = must(await guest.get('/api/hsds/services'), 200);
    expect(hsds.servicePage(page.body)).toEqual([]);
    expect(page.body).toMatchObject({
      total_items: 1,
      total_pages: 1,
      page_number: 1,
      size: 1,
      first_page: true,
      last_page: true,
      empty: false,
    });

    const orgs = must(await guest.get('/api/hsds/organizations'), 200);
    expect(hsds.organizationPage(orgs.body)).toEqual([]);
    const org = must(await guest.get(`/api/hsds/organizations/${one.body.organization_id}`), 200);
    expect(hsds.organization(org.body)).toEqual([]);
    expect(org.body.services.map((s: { id: string }) => s.id)).toEqual([id]);

    const terms = must(await guest.get('/api/hsds/taxonomy_terms'), 200);
    expect(hsds.termPage(terms.body)).toEqual([]);
    const names = terms.body.contents.map((t: { name: string }) => t.name);
    for (const n of [
      'Turgruppe',
      'Kafé og møteplass',
      'Trening',
      'Kunst og kultur',
      'Samtalegruppe',
      'Selvhjelpsgruppe',
      'Ettervern',
      'Pårørendetilbud',
    ])
      expect(names).toContain(n);
    expect(terms.body.contents.find((t: { code: string }) => t.code === 'turgruppe').x_service_count).toBe(1);
  });

  it('should search, filter by municipality and activity type (ignoring case), and page', async () => {
    await publishOffer(app, mod, {
      name: 'Kafé på Straume',
      municipality: '4626',
      taxonomyTerms: ['Kafé og møteplass'],
      address: 'Straume senter, 5353 Straume',
    });
    await publishOffer(app, mod, {
      name: 'Samtalegruppe for pårørende',
      municipality: '4626',
      taxonomyTerms: ['samtalegruppe', 'parorendetilbud'],
    });
    const names = async (query: string) =>
      must(await app.client().get(`/api/hsds/services?${query}`), 200).body.contents.map(
        (s: { name: string }) => s.name,
      );

    expect(await names('municipality=4626')).toEqual(['Kafé på Straume', 'Samtalegruppe for pårørende']);
    expect(await names('municipality=4627')).toEqual(['Turgruppe på Kleppestø']);
    expect(await names('taxonomy_term_id=KAFÉ OG MØTEPLASS')).toEqual(['Kafé på Straume']);
    expect(await names('taxonomy_term_id=samtalegruppe,turgruppe')).toEqual([
      'Samtalegruppe for pårørende',
      'Turgruppe på Kleppestø',
    ]);
    expect(await names('taxonomy_term_id=finnes-ikke')).toEqual([]);
    expect(await names('search=straume')).toEqual(['Kafé på Straume']);
    expect(await names('search=pårørende&municipality=4627')).toEqual([]);
    expect(await names('search=100%25')).toEqual([]);

    const second = must(await app.client().get('/api/hsds/services?per_page=2&page=2'), 200).body;
    expect(hsds.servicePage(second)).toEqual([]);
    expect(second).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
    });
    const beyond = must(await app.client().get('/api/hsds/services?per_page=2&page=9'), 200).body;
    expect(beyond).toMatchObject({ size: 0, empty: true, contents: [] });

    for (const bad of ['per_page=0', 'per_page=101', 'page=0', 'page=x', 'municipality=46', 'organization_id=nope'])
      expect((await app.client().get(`/api/hsds/services?${bad}`)).status).toBe(400);
    expect((await app.client().get('/api/hsds/services/not-an-id')).status).toBe(400);
    expect((await app.client().get('/api/hsds/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('should answer any origin without credentials, with ETags, and nothing else from a foreign origin', async () => {
    const origin = 'https://kommune.example.no';
    const res = must(await app.client().get('/api/hsds/services').set('Origin', origin), 200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['set-cookie']).toBeUndefined();
    const etag = res.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.client().get('/api/hsds/services').set('Origin', origin).set('If-None-Match', etag);
    expect(again.status).toBe(304);

    const preflight = await app
      .client()
      .agent.options('/api/hsds/services')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');

    // The rest of the API keeps the Origin rule, and gets no CORS header.
    const other = await app.client().get('/api/categories').set('Origin', origin);
    expect(other.status).toBe(403);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const write = await app.client().post('/api/directory/suggestions', offer()).set('Origin', origin);
    expect(write.status).toBe(403);

    // A change makes a new ETag.
    await publishOffer(app, mod, { name: 'Trening i Kleppestø', taxonomyTerms: ['trening'] });
    const changed = await app.client().get('/api/hsds/services').set('If-None-Match', etag);
    expect(changed.status).toBe(200);
  });

  it('should give the opening times as iCalendar with the weekly rule in Europe/Oslo', async () => {
    const id = await publishOffer(app, mod, {
      name: 'Kunstkafé',
      schedule: 'Torsdager kl. 11.00–13.30',
      taxonomyTerms: ['kunst og kultur'],
    });
    const res = must(await app.client().get(`/api/hsds/services/${id}.ics`), 200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.text;
    const comp = new ICAL.Component(ICAL.parse(text));
    const tz = comp.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Oslo');
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Kunstkafé');
    const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.parts.BYDAY).toEqual(['TH']);
    expect(event.startDate.toJSDate().getDay()).toBe(4);
    // 11:00 in Oslo whatever the season: 10:00 or 09:00 UTC.
    expect([9, 10]).toContain(event.startDate.toJSDate().getUTCHours());
    expect(event.startDate.minute).toBe(0);
    expect(event.endDate.minute).toBe(30);
  });

  it('should hold a suggestion for a moderator, reject it with the reason on the receipt, and change nothing public', async () => {
    const db = app.server.app.get(DataSource);
    const feedBefore = must(await app.client().get('/api/hsds/services?per_page=100'), 200).body.total_items;
    const code = await suggest(app, { name: 'Reklame for noe', suggesterEmail: 'meg@example.no' });
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(must(await app.client().get(`/api/receipts/${code}`), 200).body).toEqual({
      kind: 'directory_suggestion',
      status: 'pending',
    });
    expect(must(await app.client().get('/api/hsds/services?per_page=100'), 200).body.total_items).toBe(feedBefore);

    const item = (await suggestionItem(mod, 'Reklame for noe'))!;
    expect(item).toMatchObject({
      type: 'directory_suggestion',
      content: { name: 'Reklame for noe', organizationName: 'Askøy frivilligsentral' },
    });
    expect(item.content.bodyHtml).toContain('Kleppevegen 5');
    // The suggester's own address is never shown, not even to moderators in the queue.
    expect(JSON.stringify(item)).not.toContain('meg@example.no');

    // A member may not decide it.
    const member = await newUser(app);
    const before = await databaseFingerprint(db);
    expect((await member.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Nei' })).status).toBe(403);
    expect(await databaseFingerprint(db)).toBe(before);

    must(await mod.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Dette er ikke et aktivitetstilbud.' }), 200);
    expect(must(await app.client().get(`/api/receipts/${code}`), 200).body).toEqual({
      kind: 'directory_suggestion',
      status: 'rejected',
      rejectionReason: 'Dette er ikke et aktivitetstilbud.',
    });
    expect((await mod.post(`/api/mod/queue/${item.id}/approve`, {})).status).toBe(409);
    expect(must(await app.client().get('/api/hsds/services?per_page=100'), 200).body.total_items).toBe(feedBefore);
  });

  it('should refuse bad suggestions with a clear 400 and store nothing', async () => {
    const db = app.server.app.get(DataSource);
    const before = await databaseFingerprint(db);
    const bad = [
      { municipality: '46270' },
      { name: '' },
      { description: '   ' },
      { url: 'javascript:alert(1)' },
      { email: 'ikke-en-adresse' },
      { phone: 'ring meg' },
      { taxonomyTerms: ['finnes ikke'] },
      { serviceId: 'nope' },
    ];
    for (const fields of bad) {
      const res = await app.client().post('/api/directory/suggestions', offer(fields));
      expect([res.status, res.body.code]).toEqual([400, expect.any(String)]);
    }
    const unknown = await app
      .client()
      .post('/api/directory/suggestions', offer({ serviceId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(404);
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('should apply a correction on approval, and let moderators edit, verify, mark stale and retire', async () => {
    const id = await publishOffer(app, mod, { name: 'Selvhjelpsgruppe Askøy', taxonomyTerms: ['selvhjelpsgruppe'] });
    const code = await suggest(app, {
      serviceId: id,
      name: 'Selvhjelpsgruppe Askøy',
      schedule: 'Første onsdag i måneden kl. 19–21',
      cost: '50 kr for kaffe',
      taxonomyTerms: ['selvhjelpsgruppe', 'samtalegruppe'],
    });
    const item = (await suggestionItem(mod, 'Selvhjelpsgruppe Askøy'))!;
    expect(item.content.bodyHtml).toContain('Retting av');
    must(await mod.post(`/api/mod/queue/${item.id}/approve`, {}), 200);
    expect(must(await app.client().get(`/api/receipts/${code}`), 200).body).toEqual({
      kind: 'directory_suggestion',
      status: 'published',
      link: `/aktiviteter/${id}`,
    });
    const corrected = must(await app.client().get(`/api/hsds/services/${id}`), 200).body;
    expect(corrected.schedules).toMatchObject([
      { freq: 'MONTHLY', byday: '1WE', opens_at: '19:00', closes_at: '21:00' },
    ]);
    expect(corrected.cost_options).toMatchObject([{ amount_description: '50 kr for kaffe' }]);
    expect(corrected.attributes.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code).sort()).toEqual([
      'samtalegruppe',
      'selvhjelpsgruppe',
    ]);

    // Edit, in HSDS field names.
    const edited = must(
      await mod.patch(`/api/directory/services/${id}`, {
        description: 'En gruppe der vi deler erfaringer og støtter hverandre.',
        status: 'temporarily closed',
        alert: 'Sommerstengt i juli',
        schedules: [
          { description: 'Onsdager 19–21', freq: 'WEEKLY', byday: 'WE', opens_at: '19:00', closes_at: '21:00' },
        ],
      }),
      200,
    ).body;
    expect(hsds.service(edited)).toEqual([]);
    expect(edited).toMatchObject({ status: 'temporarily closed', alert: 'Sommerstengt i juli', x_can_moderate: true });
    expect((await mod.patch(`/api/directory/services/${id}`, { status: 'closed' })).status).toBe(400);
    expect(
      (await mod.patch(`/api/directory/services/${id}`, { schedules: [{ description: 'x', opens_at: '25:00' }] }))
        .status,
    ).toBe(400);
    expect((await app.client().get(`/api/hsds/services/${id}`)).body.x_can_moderate).toBeUndefined();

    // Not checked for 180 days: stale, and on the moderators' list.
    await sql(app, `UPDATE directory_services SET assured_date = assured_date - 181 WHERE id = $1`, [id]);
    const { DirectoryClock } = await import('../../apps/api/src/directory/directory-clock.service.js');
    expect(await app.server.app.get(DirectoryClock).tick()).toBe(1);
    expect(must(await app.client().get(`/api/hsds/services/${id}`), 200).body.x_stale).toBe(true);
    const staleList = must(await mod.get('/api/directory/stale'), 200).body;
    expect(staleList.contents.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await (await newUser(app)).get('/api/directory/stale')).status).toBe(403);

    const verified = must(await mod.post(`/api/directory/services/${id}/verify`), 200).body;
    expect(verified.x_stale).toBe(false);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    expect(verified.assured_date).toBe(today);
    expect(must(await mod.get('/api/directory/stale'), 200).body.contents).toEqual([]);

    // Retired: out of the feed, 404 on its own address.
    expect((await mod.delete(`/api/directory/services/${id}`)).status).toBe(204);
    expect((await app.client().get(`/api/hsds/services/${id}`)).status).toBe(404);
    const feed = must(await app.client().get('/api/hsds/services?per_page=100'), 200).body;
    expect(feed.contents.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await mod.delete(`/api/directory/services/${id}`)).status).toBe(404);
  });

  it('should serve the embed page without cookies, framable only by the configured origins, and the script cross-origin', async () => {
    await publishOffer(app, mod, {
      name: 'Kafé <b>åpen</b> & "trygg"',
      municipality: '4626',
      taxonomyTerms: ['kafe-og-moteplass'],
    });
    const member = await newUser(app);
    const page = must(
      await member
        .get('/embed/directory?municipality=4626&taxonomy=kafe-og-moteplass')
        .set('Origin', 'https://annen.example.no'),
      200,
    );
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['x-frame-options']).toBeUndefined();
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'self' https://www.askoy.kommune.no https://oygarden.kommune.no");
    expect(csp).toContain("default-src 'none'");
    expect(page.text).toContain('Kafé &#60;b&#62;åpen&#60;/b&#62; &#38; &#34;trygg&#34;');
    expect(page.text).not.toContain('<b>åpen');
    expect(page.text).not.toContain('Turgruppe på Kleppestø'); // another municipality
    expect(page.text).toContain('lang="nb"');
    expect(page.text).toContain('/aktiviteter?kommune=4626');

    const english = must(await app.client().get('/embed/directory?lang=en&municipality=4626'), 200);
    expect(english.text).toContain('lang="en"');
    expect(english.text).toContain('Café and meeting place');
    for (const bad of ['lang=de', 'municipality=abc'])
      expect((await app.client().get(`/embed/directory?${bad}`)).status).toBe(400);

    const script = must(
      await app.client().get('/embed/directory.js').set('Origin', 'https://www.askoy.kommune.no'),
      200,
    );
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.headers['set-cookie']).toBeUndefined();
    expect(script.text).toContain('/embed/directory');
  });
});
