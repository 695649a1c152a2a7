// Issue 19: the panel's pages — a consultation with its questions, the events list, the public
// calendar feed and a page of the activity directory (HSDS) — as a guest and as a member, against a
// bare server answering the same from the same tables (baseline-http.mjs).
import { freshDatabase, interleaved, load, pairOfRows, startApp } from './lib.mjs';
import { json, loginCookie, registeredCookie, startBaseline } from './http-scenarios.mjs';

const DAY = 24 * 3600 * 1000;
const at = (ms) => new Date(Date.now() + ms).toISOString();

async function seedPanel(app, admin) {
  const send = async (method, path, body, ok) => {
    const res = await json(`${app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: admin },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const consultation = await send(
    'POST',
    '/api/consultations',
    {
      title: 'Hvordan bør kafeen være?',
      summary: 'Vi vil høre hva som gjør kafeen trygg.',
      body: 'DPS-et planlegger **nye kafékvelder**, og vil vite hva som gjør en kveld god for deg.',
      requester: 'DPS Nord',
      audience: 'everyone',
      anonymity: 'anonymous',
      opensAt: at(-3600 * 1000),
      closesAt: at(14 * DAY),
      questions: [
        { kind: 'text', prompt: 'Hva gjør en kveld trygg for deg?', required: true },
        { kind: 'single', prompt: 'Hvilken kveld passer?', options: ['Tirsdag', 'Torsdag'] },
        { kind: 'multi', prompt: 'Hva vil du ha?', options: ['Kaffe', 'Musikk', 'Ro'] },
        { kind: 'scale', prompt: 'Hvor viktig er det?', min: 1, max: 5 },
      ],
    },
    201,
  );
  await send(
    'PATCH',
    `/api/consultations/${consultation.id}`,
    { confidentiality: 'Svarene er anonyme.', reportDueAt: at(30 * DAY) },
    200,
  );
  await send('POST', `/api/consultations/${consultation.id}/publish`, undefined, 200);
  for (let i = 0; i < 30; i++)
    await send(
      'POST',
      '/api/events',
      {
        title: `Samling nummer ${i + 1}`,
        description: 'Tema: **hva fikk vi til?** Vi møtes og snakker om erfaringene fra høsten.',
        kind: i % 3 === 0 ? 'meeting' : 'seminar',
        startsAt: at((i + 1) * 2 * DAY),
        endsAt: at((i + 1) * 2 * DAY + 2 * 3600 * 1000),
        location: { name: 'Kulturhuset', address: 'Storgata 1' },
        audience: 'everyone',
        registration: 'open',
      },
      201,
    );
  await seedOffers(app, send);
  return { consultationId: consultation.id };
}

/** 20 published offers in the activity directory: suggested by a guest, approved from the queue. */
async function seedOffers(app, send) {
  const places = ['Kleppestø', 'Bergen', 'Tromsø', 'Bodø', 'Lillehammer'];
  for (let i = 0; i < 20; i++) {
    const res = await json(`${app.url}/api/directory/suggestions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationName: `Frivilligsentralen ${places[i % places.length]}`,
        name: `Turgruppe ${i + 1}`,
        description: 'Vi går en rolig tur sammen hver uke, for alle som vil. Ingen påmelding.',
        municipality: '4627',
        address: `Storgata ${i + 1}, 5300 ${places[i % places.length]}`,
        schedule: 'Tirsdager kl. 18–20',
        url: 'https://frivillig.example.no/tur',
        email: 'post@frivillig.example.no',
        phone: '+47 56 15 00 00',
        cost: 'Gratis',
        taxonomyTerms: ['turgruppe'],
      }),
    });
    if (res.status !== 201) throw new Error(`suggestion: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const queue = await send('GET', '/api/mod/queue?limit=100', undefined, 200);
  const suggestions = queue.items.filter((item) => item.type === 'directory_suggestion');
  if (suggestions.length !== 20) throw new Error(`expected 20 suggestions in the queue, saw ${suggestions.length}`);
  for (const item of suggestions) await send('POST', `/api/mod/queue/${item.id}/approve`, {}, 200);
}

export async function panelPages({ rounds, seconds }) {
  const db = await freshDatabase();
  const app = await startApp(db.url);
  let baseline;
  try {
    const admin = await loginCookie(app, 'benchadmin', 'bench-admin-password');
    const { consultationId } = await seedPanel(app, admin);
    const member = await registeredCookie(app, 'panelmedlem');
    baseline = await startBaseline(db.url);
    const pages = [
      ['a consultation with 4 questions', `/consultations/${consultationId}`, `/api/consultations/${consultationId}`],
      ['the events list (30 events)', '/events?limit=50', '/api/events?limit=50'],
      ['events.ics (30 events)', '/events.ics', '/api/events.ics'],
      ['the activity directory (HSDS, 20 offers)', '/hsds/services?per_page=20', '/api/hsds/services?per_page=20'],
    ];
    const rows = [];
    for (const [label, base, ours] of pages) {
      const check = await fetch(`${app.url}${ours}`, { headers: { cookie: member } });
      const bytes = (await check.arrayBuffer()).byteLength;
      const baseBytes = (await (await fetch(`${baseline.url}${base}`)).arrayBuffer()).byteLength;
      if (check.status !== 200) throw new Error(`${ours}: ${check.status}`);
      for (const [who, headers] of [
        ['guest', {}],
        ['member', { cookie: member }],
      ]) {
        const r = await interleaved(
          rounds,
          () => load({ url: `${baseline.url}${base}`, connections: 50, duration: seconds }),
          () => load({ url: `${app.url}${ours}`, connections: 50, duration: seconds, headers }),
        );
        rows.push(
          ...pairOfRows(`8. ${label[0].toUpperCase()}${label.slice(1)}, as a ${who}, 50 connections`, r, {
            target: who === 'member',
            note: `${bytes} bytes (baseline ${baseBytes}); errors ${r.b.errors}`,
          }),
        );
      }
    }
    return rows;
  } finally {
    await baseline?.stop();
    await app.stop();
    await db.drop();
  }
}
