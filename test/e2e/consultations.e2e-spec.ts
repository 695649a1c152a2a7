import { ConsultationsClock } from '../../apps/api/src/consultations/consultations-clock.service.js';
import { asAdmin, newUser } from '../support/factories.js';
import { setSettings, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 14: a consultation's whole cycle as the people in it meet it — drafted, published, answered
 * (named, anonymously, as a guest), closed, reported on, acknowledged, followed up and archived.
 */

const hour = 3600_000;
/** Ids and times differ between two worlds by nature; everything else must not. */
const normalise = (text: string) =>
  text
    .replace(/\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(\.\d+)?Z)?/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function draft(fields: Record<string, unknown> = {}) {
  return {
    title: 'Hvordan bør kafeen være?',
    summary: 'Vi vil høre hva som gjør kafeen trygg.',
    body: 'DPS-et planlegger **nye kafékvelder**.',
    requester: 'DPS Nord',
    audience: 'everyone',
    anonymity: 'anonymous',
    opensAt: at(-hour),
    closesAt: at(48 * hour),
    questions: [
      { kind: 'text', prompt: 'Hva gjør en kveld trygg for deg?', required: true },
      { kind: 'single', prompt: 'Hvilken kveld passer?', options: ['Tirsdag', 'Torsdag'] },
      { kind: 'multi', prompt: 'Hva vil du ha?', options: ['Kaffe', 'Musikk', 'Ro'] },
      { kind: 'scale', prompt: 'Hvor viktig er det?', min: 1, max: 5 },
    ],
    ...fields,
  };
}

describe('consultations (rådslag)', () => {
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  const count = async (table: string) =>
    (await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM ${table}`))[0].n;
  /** What the coordinator sees of a consultation, ids and times aside. */
  const coordinatorView = async (id: string) =>
    normalise(
      [
        (await admin.get(`/api/consultations/${id}`)).text,
        (await admin.get(`/api/consultations/${id}/results`)).text,
        (await admin.get(`/api/consultations/${id}/results.csv`)).text,
        (await admin.get(`/api/consultations/${id}/report/acknowledgements`)).text,
      ].join('\n'),
    );

  it('should run the whole cycle: draft, publish, answer, close, report, acknowledge, follow up, archive', async () => {
    const member = await newUser(app);
    const outsider = await newUser(app);
    const guest = app.client();

    const created = await admin.post('/api/consultations', draft());
    expect(created.status).toBe(201);
    const { id, status } = created.body;
    expect(status).toBe('draft');
    expect((await member.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await member.get('/api/consultations')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);

    expect((await admin.post(`/api/consultations/${id}/publish`)).status).toBe(400); // no confidentiality, no due date
    const ready = await admin.patch(`/api/consultations/${id}`, {
      confidentiality: 'Svarene er anonyme; sitater uten kjennetegn kan brukes i rapporten.',
      reportDueAt: at(30 * 24 * hour),
    });
    expect(ready.status).toBe(200);
    const published = await admin.post(`/api/consultations/${id}/publish`);
    expect(published.body.status).toBe('open');

    const seen = (await member.get(`/api/consultations/${id}`)).body;
    expect(seen).toMatchObject({
      status: 'open',
      responseCount: null,
      responded: false,
      bodyHtml: expect.stringContaining('<strong>'),
    });
    const [text, single, multi, scale] = seen.questions.map((q: { id: string }) => q.id);

    // Bad answers: 400 and nothing stored.
    for (const answers of [
      [{ questionId: single, value: 'Tirsdag' }], // the required text is missing
      [
        { questionId: text, value: 'ok' },
        { questionId: single, value: 'Lørdag' },
      ],
      [
        { questionId: text, value: 'ok' },
        { questionId: scale, value: 6 },
      ],
      [
        { questionId: text, value: 'ok' },
        { questionId: multi, value: ['Kaffe', 'Kaffe'] },
      ],
      [{ questionId: text, value: 42 }],
      [{ questionId: '00000000-0000-4000-8000-000000000000', value: 'x' }],
    ]) {
      const res = await member.post(`/api/consultations/${id}/responses`, { answers });
      expect({ answers, status: res.status }).toEqual({ answers, status: 400 });
    }
    expect(await count('consultation_responses')).toBe(0);

    const answers = [
      { questionId: text, value: 'At noen hilser når jeg kommer.' },
      { questionId: single, value: 'Torsdag' },
      { questionId: multi, value: ['Kaffe', 'Ro'] },
      { questionId: scale, value: 4 },
    ];
    const mine = await member.post(`/api/consultations/${id}/responses`, { answers });
    expect(mine.status).toBe(201);
    expect(mine.body.receiptCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(mine.body.notices).toBeUndefined();
    expect((await member.post(`/api/consultations/${id}/responses`, { answers })).body.code).toBe('already_responded');
    expect((await member.get(`/api/consultations/${id}`)).body.responded).toBe(true);
    expect((await admin.patch(`/api/consultations/${id}`, { anonymity: 'named' })).body.code).toBe('questions_locked');

    const crisis = await guest.post(`/api/consultations/${id}/responses`, {
      answers: [{ questionId: text, value: 'Jeg vil ikke leve lenger.' }],
    });
    expect(crisis.status).toBe(201);
    expect(crisis.body.notices).toBeUndefined();
    expect(crisis.body.support.length).toBeGreaterThan(0);
    expect(typeof crisis.body.staffed).toBe('boolean');
    const guestCode = crisis.body.receiptCode;
    // At the head of the moderation queue: the text and the consultation, never who wrote it.
    const queue = (await admin.get('/api/mod/queue')).body.items;
    const item = queue.find((i: { type: string }) => i.type === 'consultation_answer');
    expect(queue[0]).toEqual(item);
    expect(item).toMatchObject({
      priority: 'crisis',
      reasons: ['crisis'],
      content: { consultationId: id, title: 'Hvordan bør kafeen være?', author: { kind: 'anonymous' } },
    });
    expect(item.content.bodyHtml).toContain('Jeg vil ikke leve lenger.');

    expect((await admin.get(`/api/consultations/${id}`)).body.responseCount).toBe(2);
    // A moderator keeps it: it counts in the results.
    expect((await admin.post(`/api/mod/queue/${item.id}/approve`, {})).status).toBe(200);
    expect((await admin.put(`/api/consultations/${id}/report`, report())).body.code).toBe('not_closed');
    expect((await admin.post(`/api/consultations/${id}/close`)).body.status).toBe('closed');
    expect((await member.get(`/api/consultations/${id}`)).body.responseCount).toBe(2);
    expect((await member.get(`/api/consultations/${id}/results`)).status).toBe(404);

    const unexplained = report({ recommendations: [{ text: 'Flere kvelder', outcome: 'not_adopted' }] });
    expect((await admin.put(`/api/consultations/${id}/report`, unexplained)).status).toBe(200);
    expect((await admin.post(`/api/consultations/${id}/report/publish`)).status).toBe(400);
    expect((await admin.put(`/api/consultations/${id}/report`, report())).status).toBe(200);
    expect((await admin.post(`/api/consultations/${id}/report/publish`)).status).toBe(200);
    expect((await member.get(`/api/consultations/${id}`)).body.status).toBe('reported');

    // The anonymous respondent is told, through their key.
    const notes = (await member.get('/api/me/notifications')).body.items;
    expect(notes.map((n: { type: string }) => n.type)).toContain('consultation_report');
    expect(notes.find((n: { type: string }) => n.type === 'consultation_report').link).toBe(`/radslag/${id}`);

    // Results: the audience gets no free texts and no counts under five answers; the coordinator all.
    const forAudience = (await member.get(`/api/consultations/${id}/results`)).body;
    expect(
      forAudience.questions.every((q: { counts: unknown; texts: unknown }) => q.counts === null && q.texts === null),
    ).toBe(true);
    const forAdmin = (await admin.get(`/api/consultations/${id}/results`)).body;
    expect(forAdmin.questions[0].texts.sort()).toEqual(
      ['At noen hilser når jeg kommer.', 'Jeg vil ikke leve lenger.'].sort(),
    );
    expect(forAdmin.questions[3]).toMatchObject({ mean: 4, counts: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } });
    const csv = await admin.get(`/api/consultations/${id}/results.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('Torsdag');

    // Rule 9: the receipt check.
    expect(
      (await outsider.post(`/api/consultations/${id}/report/acknowledgements`, { response: 'received' })).status,
    ).toBe(403);
    const followUp = await member.post(`/api/consultations/${id}/report/acknowledgements`, {
      response: 'follow_up',
      comment: 'Når starter kveldene?',
    });
    expect(followUp.status).toBe(201);
    expect(
      (
        await guest.post(`/api/consultations/${id}/report/acknowledgements`, {
          response: 'received',
          receiptCode: guestCode,
        })
      ).status,
    ).toBe(201);
    const tally = (await admin.get(`/api/consultations/${id}/report/acknowledgements`)).body;
    expect(tally).toMatchObject({ respondents: 2, acknowledged: 2, received: 1, followUp: 1, question: 0 });
    expect((await admin.post(`/api/consultations/${id}/archive`)).body.code).toBe('follow_up_open');
    const handled = await admin.post(`/api/consultations/${id}/report/acknowledgements/${followUp.body.id}/handled`, {
      note: 'Første kveld er torsdag 14. januar.',
    });
    expect(handled.status).toBe(200);
    const all = (await member.get('/api/me/notifications')).body.items;
    const told = all.find((n: { type: string }) => n.type === 'consultation_follow_up');
    expect(told.text).toContain('14. januar');
    expect((await admin.post(`/api/consultations/${id}/archive`)).body.status).toBe('archived');

    // What a dump holds of the anonymous answers: no user id, the date only.
    const rows = await sql<Record<string, unknown>>(
      app,
      'SELECT * FROM consultation_responses WHERE consultation_id = $1',
      [id],
    );
    expect(rows.map((r) => r.user_id)).toEqual([null, null]);
    expect(Object.keys(rows[0]).sort()).toEqual([
      'consultation_id',
      'created_on',
      'excluded',
      'id',
      'receipt_hash',
      'respondent_hash',
      'user_id',
    ]);
    expect(JSON.stringify(rows)).not.toContain(member.user!.id);
  });

  it('should keep a panel consultation to the panel, store named answers by account, and refuse guests', async () => {
    const panel = await newUser(app, 'panel');
    const member = await newUser(app);
    const created = await admin.post(
      '/api/consultations',
      draft({
        audience: 'panel',
        anonymity: 'named',
        confidentiality: 'Internt i panelet.',
        reportDueAt: at(60 * 24 * hour),
      }),
    );
    const id = created.body.id;
    await admin.post(`/api/consultations/${id}/publish`);
    expect((await member.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await app.client().get(`/api/consultations/${id}`)).status).toBe(404);
    const { questions } = (await panel.get(`/api/consultations/${id}`)).body;
    const res = await panel.post(`/api/consultations/${id}/responses`, {
      answers: [{ questionId: questions[0].id, value: 'Med navn' }],
    });
    expect(res.status).toBe(201);
    const [row] = await sql<{ user_id: string }>(
      app,
      'SELECT user_id FROM consultation_responses WHERE consultation_id = $1',
      [id],
    );
    expect(row.user_id).toBe(panel.user!.id);
    expect((await member.post(`/api/consultations/${id}/responses`, { answers: [] })).status).toBe(404);
  });

  it('should show the coordinator nothing that tells U’s anonymous answer from X’s (two worlds), and a dump nothing that links U', async () => {
    const u = await newUser(app, 'panel', { displayName: 'Ulla Ukjent' });
    const x = await newUser(app);
    const worlds: Record<'A' | 'B', string> = { A: '', B: '' };
    for (const [name, who] of [
      ['A', u],
      ['B', x],
    ] as const) {
      const created = await admin.post(
        '/api/consultations',
        draft({ title: 'To verdener', confidentiality: 'Anonymt.', reportDueAt: at(30 * 24 * hour) }),
      );
      worlds[name] = created.body.id;
      await admin.post(`/api/consultations/${worlds[name]}/publish`);
      const { questions } = (await who.get(`/api/consultations/${worlds[name]}`)).body;
      await who.post(`/api/consultations/${worlds[name]}/responses`, {
        answers: [
          { questionId: questions[0].id, value: 'Det samme svaret' },
          { questionId: questions[3].id, value: 3 },
        ],
      });
      await admin.post(`/api/consultations/${worlds[name]}/close`);
      await admin.put(`/api/consultations/${worlds[name]}/report`, report());
      await admin.post(`/api/consultations/${worlds[name]}/report/publish`);
      await who.post(`/api/consultations/${worlds[name]}/report/acknowledgements`, { response: 'received' });
    }
    expect(await coordinatorView(worlds.A)).toEqual(await coordinatorView(worlds.B));
    const tables = await sql<{ table_name: string }>(
      app,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const rows = await sql<Record<string, unknown>>(app, `SELECT * FROM "${table_name}"`);
      for (const row of rows) {
        const text = JSON.stringify(row);
        const namesU = text.includes(u.user!.id) || text.includes(u.user!.username);
        expect({ table_name, linked: namesU && text.includes(worlds.A) }).toEqual({ table_name, linked: false });
      }
    }
  });

  it('should point out personal details in an anonymous answer', async () => {
    const created = await admin.post(
      '/api/consultations',
      draft({ confidentiality: 'Anonymt.', reportDueAt: at(30 * 24 * hour) }),
    );
    const id = created.body.id;
    await admin.post(`/api/consultations/${id}/publish`);
    const member = await newUser(app);
    const { questions } = (await member.get(`/api/consultations/${id}`)).body;
    const res = await member.post(`/api/consultations/${id}/responses`, {
      answers: [{ questionId: questions[0].id, value: 'Ring meg på 912 34 567' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.notices).toEqual([{ code: 'personal_details', message: expect.any(String) }]);
  });

  it('should open and close by itself at its times', async () => {
    const created = await admin.post(
      '/api/consultations',
      draft({
        opensAt: at(hour),
        closesAt: at(2 * hour),
        confidentiality: 'Anonymt.',
        reportDueAt: at(30 * 24 * hour),
      }),
    );
    const id = created.body.id;
    expect((await admin.post(`/api/consultations/${id}/publish`)).body.status).toBe('scheduled');
    const member = await newUser(app);
    expect((await member.post(`/api/consultations/${id}/responses`, { answers: [] })).body.code).toBe('not_open');
    await sql(app, `UPDATE consultations SET opens_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await member.get(`/api/consultations/${id}`)).body.status).toBe('open');
    await sql(
      app,
      `UPDATE consultations SET closes_at = now() - interval '1 second', report_due_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    await app.server.app.get(ConsultationsClock).tick();
    const closed = (await member.get(`/api/consultations/${id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', overdue: true });
  });

  it('should have the panel’s own question open to everyone from the first start', async () => {
    const list = (await app.client().get('/api/consultations')).body.items;
    expect(list.find((c: { title: string }) => c.title === 'Hva mangler?')).toMatchObject({
      status: 'open',
      audience: 'everyone',
      anonymity: 'anonymous',
      responseCount: null,
    });
  });
});

function report(fields: Record<string, unknown> = {}) {
  return {
    heard: 'Trygghet handler om å bli sett.',
    done: 'Vi har avtalt vertskap hver kveld.',
    planned: 'Kveldene starter i januar.',
    notDone: 'Flere kvelder i uka har vi ikke ressurser til nå.',
    recommendations: [
      { text: 'Vert ved døra', outcome: 'adopted' },
      { text: 'Flere kvelder', outcome: 'not_adopted', explanation: 'Ikke midler i år.' },
    ],
    ...fields,
  };
}
