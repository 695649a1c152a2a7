// Realistic Norwegian content for the browser tests, written through the real API: named,
// anonymous and guest authors, a pinned and a locked thread, a long thread that pages, one's own
// held posts, a guest's receipt, and café rooms that are open, planned and closed.
//
// The seed runs once per server: the first test file that asks writes it and leaves what it made
// in a small file beside the artifacts; later files on the same server read that back.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { io } from 'socket.io-client';
import { connected, emitAck, type ClientSocket } from '../support/sockets.js';
import { ARTIFACTS, BASE, apiLogin, asAdmin, backendFeatures, makeUser, type TestUser } from './support.js';

export interface Seeded {
  /** The category list's id for "erfaringer", to tell this server's seed from an older one. */
  marker: string;
  users: { sigrid: TestUser; jonas: TestUser; ingrid: TestUser; mette: TestUser; aud: TestUser };
  categories: { erfaringer: string; parorende: string; panelet: string; velkommen: string };
  threads: {
    pinned: string;
    locked: string;
    anonymous: string;
    long: string;
    heldReply: string;
    ownHeld: string;
    panel: string;
  };
  /** How many posts the long thread has (opening post included). */
  longCount: number;
  /** Sigrid's held reply in the anonymous thread (her own, visible to her only). */
  heldReplyPostId: string;
  /** A guest's held thread in Pårørende: its receipt token. */
  guestReceipt: string;
  rooms: { open: string; planned: string; closed: string; panel: string };
  moderation: boolean;
}

type Json = Record<string, unknown>;

/** Why a moderator did not publish one of Sigrid's posts (ground rule 8: the writer is told). */
export const REJECTION_REASON = 'Innlegget nevner en behandler ved navn. Skriv det gjerne på nytt uten navnet.';

async function ok<T = Json>(
  what: string,
  res: Promise<{ status(): number; text(): Promise<string>; json(): Promise<unknown> }>,
  expected: number[] = [200, 201],
): Promise<T> {
  const r = await res;
  if (!expected.includes(r.status())) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  return (r.status() === 204 ? undefined : await r.json()) as T;
}

async function thread(
  client: APIRequestContext,
  slug: string,
  title: string,
  body: string,
  anonymous = false,
): Promise<{ id: string; status: string; receiptToken?: string; posts: { items: { id: string }[] } }> {
  return ok(`thread "${title}"`, client.post(`/api/categories/${slug}/threads`, { data: { title, body, anonymous } }));
}

async function reply(
  client: APIRequestContext,
  threadId: string,
  body: string,
  anonymous = false,
): Promise<{ id: string; status: string }> {
  return ok(`reply in ${threadId}`, client.post(`/api/threads/${threadId}/posts`, { data: { body, anonymous } }));
}

const LONG_REPLIES = [
  'Jeg har begynt å legge bort telefonen en time før jeg skal sove. Det hjelper mer enn jeg trodde.',
  'Faste tider, også i helgene. Kjedelig, men det virker for meg.',
  'En kort tur ute på kvelden, selv om det bare er rundt kvartalet.',
  'Lydbøker med rolig stemme. Jeg setter en timer på tjue minutter.',
  'Det som hjalp meg mest var å snakke med fastlegen om det, i stedet for å vente.',
  'Jeg skriver ned det som surrer i hodet på en lapp ved senga. Da kan jeg legge det fra meg.',
  'Pusteøvelser: fire sekunder inn, hold, seks sekunder ut. Det roer kroppen.',
  'Mindre kaffe etter lunsj. Det var tungt å kutte, men verdt det.',
  'Jeg har fått hjelp av en søvnskole på DPS-et. Anbefales hvis dere har tilbudet.',
  'Noen netter går det ikke uansett. Da prøver jeg å ikke stresse med det.',
];

function longBody(i: number): string {
  const base = LONG_REPLIES[i % LONG_REPLIES.length];
  return i % 7 === 3 ? `${base}\n\n- Hva med dere andre?\n- Har noen prøvd noe lignende?` : base;
}

async function roomWith(
  admin: APIRequestContext,
  slug: string,
  name: string,
  description: string,
  audience: 'everyone' | 'members' | 'panel',
): Promise<string> {
  const res = await admin.post('/api/cafe/rooms', { data: { slug, name, description, audience } });
  if (![201, 409].includes(res.status())) throw new Error(`room ${slug}: ${res.status()} ${await res.text()}`);
  return slug;
}

/** The next weekday at 18:00 Oslo time (roughly: 17:00 UTC), at least a day ahead. */
function nextEvening(daysAhead: number): { startsAt: string; endsAt: string } {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  d.setUTCHours(17, 0, 0, 0);
  return { startsAt: d.toISOString(), endsAt: new Date(d.getTime() + 2 * 3600_000).toISOString() };
}

async function write(admin: APIRequestContext): Promise<Seeded> {
  const features = await backendFeatures();
  const suffix = Date.now().toString(36).slice(-4);
  const categories = (await ok<{ id: string; slug: string }[]>('categories', admin.get('/api/categories'))) as {
    id: string;
    slug: string;
  }[];
  const marker = categories.find((c) => c.slug === 'erfaringer')?.id ?? '';

  // New members' first posts would wait for a moderator; the seed writes as established members.
  await ok('settings', admin.patch('/api/admin/settings', { data: { newMemberReviewCount: 0 } }));

  const [sigrid, jonas, ingrid, mette, aud] = await Promise.all([
    makeUser('member', 'sigrid', 'Sigrid Haugen'),
    makeUser('member', 'jonas', 'Jonas Lie'),
    makeUser('host', 'ingrid', 'Ingrid Solberg'),
    makeUser('moderator', 'mette', 'Mette Aasen'),
    makeUser('panel', 'aud', 'Aud Karlsen'),
  ]);
  const [as, aj, am, aa] = await Promise.all([sigrid, jonas, mette, aud].map((u) => apiLogin(u.username, u.password)));
  const guest = await apiLoginless();

  // Pårørende: read before publishing, anonymous posts and guests welcome.
  const parorende = `parorende-${suffix}`;
  await ok(
    'category parorende',
    admin.post('/api/categories', {
      data: {
        slug: parorende,
        name: 'Pårørende',
        description:
          'For deg som står nær noen med psykiske helseplager eller rusproblemer. Innleggene leses av en moderator før de vises.',
        visibility: 'open',
        moderation: 'pre',
        allowAnonymous: true,
        allowGuests: true,
      },
    }),
  );

  // Erfaringer: a pinned welcome from the moderator, a locked round of input, an anonymous story.
  const pinned = await thread(
    am,
    'erfaringer',
    'Les dette først: slik deler vi erfaringer her',
    'Velkommen! Her deler vi erfaringer med psykisk helsevern og rus – med navn eller anonymt.\n\n- Skriv om **dine egne** erfaringer, ikke om andres.\n- Ikke del navn på behandlere, avdelinger eller andre pasienter.\n- Trenger du hjelp nå, ring 116 123 eller 113.\n\nModeratorene leser med og svarer på spørsmål.',
  );
  await ok('pin', am.patch(`/api/mod/threads/${pinned.id}`, { data: { pinned: true } }));

  const locked = await thread(
    am,
    'erfaringer',
    'Innspill til brukerundersøkelsen ved DPS-et (avsluttet)',
    'Takk til alle som ga innspill til spørsmålene i brukerundersøkelsen. Innspillene er sendt videre til kvalitetsutvalget, og tråden er nå låst.',
  );
  await reply(aj, locked.id, 'Fint at spørsmålet om ventetid kom med. Det var det mange av oss var opptatt av.');
  await ok('lock', am.patch(`/api/mod/threads/${locked.id}`, { data: { locked: true } }));

  const anonymous = await thread(
    as,
    'erfaringer',
    'Å bli møtt med respekt på akutten',
    'Da jeg kom inn på akutten i vinter, var det en sykepleier som satte seg ned og **spurte hva jeg trengte**. Det har jeg tenkt mye på etterpå.\n\nHar andre opplevd noe som gjorde en forskjell?',
    true,
  );
  await reply(
    aj,
    anonymous.id,
    'Takk for at du deler. For meg var det viktigste at noen forklarte hva som skulle skje videre, i stedet for at jeg måtte spørre.',
  );
  await reply(
    aa,
    anonymous.id,
    'Jeg kjenner meg igjen. Det er de små tingene man husker – et glass vann, et rolig rom.',
    true,
  );
  await reply(
    as,
    anonymous.id,
    'Det er godt å høre at flere har opplevd det samme. Jeg tar det med meg til neste panelmøte.',
    true,
  );

  const long = await thread(
    aj,
    'erfaringer',
    'Hva hjelper deg når søvnen svikter?',
    'Søvnen er det første som ryker for meg når ting blir tungt. Hva har hjulpet dere? Alt fra små triks til hjelp dere har fått.',
  );
  const writers = [as, aa, am, aj];
  const LONG_REPLY_COUNT = 44;
  for (let i = 0; i < LONG_REPLY_COUNT; i++)
    await reply(writers[i % writers.length], long.id, longBody(i), i % 5 === 1);

  // A thread in Velkommen, so the starter room is not empty.
  await thread(
    am,
    'velkommen',
    'Hvordan fungerer forumet?',
    'Her er et kort svar på det vi oftest får spørsmål om: hvem som ser hva, hvordan du skriver anonymt, og hva som skjer når et innlegg venter på godkjenning.',
  );

  // Sigrid's own held posts: a reply that waits (pre-moderated room), and a thread that waits.
  const preThread = await thread(
    am,
    parorende,
    'Hvordan snakker dere med familien om innleggelse?',
    'Mange pårørende forteller at det er vanskelig å vite hva man skal si. Del gjerne det som har fungert for dere.',
  );
  const heldReply = await reply(
    as,
    preThread.id,
    'Vi har prøvd å avtale på forhånd hva vi skal gjøre hvis det blir en ny innleggelse. Det gjorde det litt lettere sist.',
  );
  const ownHeld = await thread(
    as,
    parorende,
    'Søsken som pårørende – hvor får vi støtte?',
    'Jeg er storesøster til en som har vært mye innlagt. Det finnes mye for foreldre, men lite for søsken. Hvor har dere funnet støtte?',
    true,
  );

  // A guest writes in Pårørende: held, with a receipt.
  const guestThread = await thread(
    guest,
    parorende,
    'Pårørende til en som ikke vil ha hjelp',
    'Min far vil ikke snakke med noen om hvordan han har det. Jeg vet ikke hva jeg kan gjøre. Er det andre som har vært i samme situasjon?',
  );

  // The panel's closed room has a conversation outsiders never see.
  const panel = await thread(
    aa,
    'panelet',
    'Forberedelse til panelmøtet i mars',
    'Saker så langt: brukerundersøkelsen, ventetid på poliklinikken og ny brosjyre om pårørendearbeid. Har dere flere?',
  );

  // Café rooms: one open now, one with a planned opening, one without any, one for the panel.
  const open = await roomWith(
    admin,
    `erfaringskafeen-${suffix}`,
    'Erfaringskaféen',
    'Et lavterskel møtested, ledet av erfaringskonsulenter. Kom som du er.',
    'everyone',
  );
  await ok('open room', admin.post(`/api/cafe/rooms/${open}/open`, { data: {} }));
  const planned = await roomWith(
    admin,
    `parorendekafeen-${suffix}`,
    'Pårørendekaféen',
    'For deg som er pårørende. En erfaringskonsulent med pårørendeerfaring er vert.',
    'everyone',
  );
  await ok('plan session', admin.post(`/api/cafe/rooms/${planned}/sessions`, { data: nextEvening(2) }));
  const closed = await roomWith(
    admin,
    `morgenkaffe-${suffix}`,
    'Morgenkaffe',
    'En rolig start på dagen. Nye tider kommer snart.',
    'everyone',
  );
  const panelRoom = await roomWith(
    admin,
    `panelkafeen-${suffix}`,
    'Panelkaféen',
    'Uformell prat for erfaringspanelet før møtene.',
    'panel',
  );
  await ok('plan panel session', admin.post(`/api/cafe/rooms/${panelRoom}/sessions`, { data: nextEvening(5) }));

  if (features.moderation) {
    // With the moderation backend: the guest's thread is approved (guests then appear as authors
    // too), and Sigrid's held thread is rejected with a reason she is told.
    const queue = await ok<{ items: { id: string; content: { threadId?: string } }[] }>(
      'queue',
      admin.get('/api/mod/queue?limit=100'),
    );
    const itemFor = (threadId: string) => queue.items.find((i) => i.content.threadId === threadId);
    const guestItem = itemFor(guestThread.id);
    if (guestItem) await ok('approve guest thread', admin.post(`/api/mod/queue/${guestItem.id}/approve`, { data: {} }));
    const ownItem = itemFor(ownHeld.id);
    if (ownItem)
      await ok(
        'reject own thread',
        admin.post(`/api/mod/queue/${ownItem.id}/reject`, { data: { reason: REJECTION_REASON } }),
      );
  }

  for (const c of [as, aj, am, aa, guest]) await c.dispose();
  return {
    marker,
    users: { sigrid, jonas, ingrid, mette, aud },
    categories: { erfaringer: 'erfaringer', parorende, panelet: 'panelet', velkommen: 'velkommen' },
    threads: {
      pinned: pinned.id,
      locked: locked.id,
      anonymous: anonymous.id,
      long: long.id,
      heldReply: preThread.id,
      ownHeld: ownHeld.id,
      panel: panel.id,
    },
    longCount: LONG_REPLY_COUNT + 1,
    heldReplyPostId: heldReply.id,
    guestReceipt: guestThread.receiptToken ?? '',
    rooms: { open, planned, closed, panel: panelRoom },
    moderation: features.moderation,
  };
}

async function apiLoginless(): Promise<APIRequestContext> {
  const { request } = await import('playwright-core');
  return request.newContext({ baseURL: BASE });
}

const seedFile = () => join(ARTIFACTS, `.seed-${new URL(BASE).port}.json`);

/** The seeded content on this server, written on first use. */
export async function seed(): Promise<Seeded> {
  const admin = await asAdmin();
  const categories = (await (await admin.get('/api/categories')).json()) as { id: string; slug: string }[];
  const marker = categories.find((c) => c.slug === 'erfaringer')?.id;
  if (existsSync(seedFile())) {
    const saved = JSON.parse(readFileSync(seedFile(), 'utf8')) as Seeded;
    if (saved.marker === marker) return saved;
  }
  const seeded = await write(admin);
  writeFileSync(seedFile(), JSON.stringify(seeded, null, 2));
  return seeded;
}

/**
 * People in a café room, live over Socket.IO, so the room has company and talk: everyone joins,
 * then the conversation is said line by line. `close` sends them home.
 */
export async function populateRoom(
  room: string,
  people: { nickname: string; as?: TestUser }[],
  conversation: [nickname: string, body: string][] = [],
): Promise<{ close(): void }> {
  const sockets = new Map<string, ClientSocket>();
  try {
    for (const person of people) {
      let cookie: string | undefined;
      if (person.as) {
        const client = await apiLogin(person.as.username, person.as.password);
        cookie = (await client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        await client.dispose();
      }
      // As a browser on the app's own origin would connect, with the session cookie when logged in.
      const socket = io(`${BASE}/cafe`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: BASE, ...(cookie ? { cookie } : {}) },
      });
      sockets.set(person.nickname, socket);
      await connected(socket);
      const joined = await emitAck(socket, 'join', { room, nickname: person.nickname, acceptRules: true });
      if (!joined.ok) throw new Error(`join ${room} as ${person.nickname}: ${JSON.stringify(joined.error)}`);
    }
    for (const [nickname, body] of conversation) {
      const sent = await emitAck(sockets.get(nickname)!, 'message', { room, body });
      if (!sent.ok) throw new Error(`${nickname} in ${room}: ${JSON.stringify(sent.error)}`);
    }
  } catch (e) {
    sockets.forEach((s) => s.close());
    throw e;
  }
  return { close: () => sockets.forEach((s) => s.close()) };
}
