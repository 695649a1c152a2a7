import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { asAdmin, newUser, uniqueName } from '../support/factories.js';
import { databaseFingerprint } from '../support/fingerprint.js';
import { must, newCategory, newThread, reply, setSettings, sql } from '../support/forum.js';
import { connect as connectNamespace } from '../support/mod-sockets.js';
import { connect as connectCafe, emitAck, openRoom, uniqueNick, uniqueSlug } from '../support/sockets.js';
import { assignmentBody, poolFixtures, poolInterestBody, type PoolFixtures } from '../support/pool-fixtures.js';
import { offer as directoryOffer, publishOffer } from '../support/directory.js';
import { calendarFixtures, eventBody, type CalendarFixtures } from '../support/calendar-fixtures.js';
import { readerSafetyFixtures, type ReaderSafetyFixtures } from '../support/reader-safety-fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * An authorisation sweep (issue 9.3): every operation of the OpenAPI document, the Socket.IO
 * handshakes and the café's joining, writing and hosting, tried by every kind of caller against one
 * table of who may. A caller the table does not name is refused (401, 403 or 404, or the code the
 * socket answers with) and the database does not change.
 *
 * `muted`: a member under a mute (may read, not write). `banned`: a member whose ban ended their
 * session, so their browser is a guest's from then on and logging in again is refused.
 */

type Who = 'guest' | 'member' | 'muted' | 'panel' | 'host' | 'moderator' | 'admin' | 'banned';

const EVERYONE: readonly Who[] = ['guest', 'member', 'muted', 'panel', 'host', 'moderator', 'admin', 'banned'];
const USERS: readonly Who[] = ['member', 'muted', 'panel', 'host', 'moderator', 'admin'];
const WRITERS: readonly Who[] = ['member', 'panel', 'host', 'moderator', 'admin'];
const PANEL: readonly Who[] = ['panel', 'host', 'moderator', 'admin'];
const HOSTS: readonly Who[] = ['host', 'moderator', 'admin'];
const MODERATORS: readonly Who[] = ['moderator', 'admin'];
const ADMINS: readonly Who[] = ['admin'];
/** Where guests may write, so may anyone without a session: a banned member included. */
const WRITERS_AND_GUESTS: readonly Who[] = [...WRITERS, 'guest', 'banned'];

/** `METHOD path` as in the OpenAPI document, with `[the resource]` where the answer depends on it. */
const WHO_MAY = {
  'GET /api/health': EVERYONE,
  'GET /api/guidelines': EVERYONE,
  'GET /api/privacy': EVERYONE,
  'GET /api/operator': EVERYONE,
  'GET /api/status': EVERYONE,
  'GET /api/cafe/rules': EVERYONE,
  'GET /api/cafe/rooms': EVERYONE,
  'GET /api/categories': EVERYONE,
  'GET /api/search': EVERYONE,
  'GET /api/receipts/{token}': EVERYONE,
  'POST /api/auth/register': EVERYONE,
  'POST /api/auth/login': ['guest', 'member', 'muted', 'panel', 'host', 'moderator', 'admin'],
  'POST /api/auth/reset-password': EVERYONE,

  'GET /api/auth/me': USERS,
  'POST /api/auth/logout': USERS,
  'POST /api/me/password': USERS,
  'POST /api/me/break': USERS,
  'DELETE /api/me/break': USERS,
  'DELETE /api/me': USERS,
  'GET /api/me/posts': USERS,
  'GET /api/me/export': USERS,
  'GET /api/me/notifications': USERS,
  'POST /api/me/notifications/read': USERS,
  'GET /api/panel/applications/mine': USERS,
  'POST /api/panel/applications': ['member'],

  'GET /api/categories/{slug}/threads [open category]': EVERYONE,
  'GET /api/categories/{slug}/threads [closed category]': PANEL,
  'POST /api/categories/{slug}/threads [open category]': WRITERS,
  'POST /api/categories/{slug}/threads [pre-moderated category]': WRITERS,
  'POST /api/categories/{slug}/threads [closed category]': PANEL,
  'POST /api/categories/{slug}/threads [category open to guests]': WRITERS_AND_GUESTS,
  'GET /api/threads/{id} [open thread]': EVERYONE,
  'GET /api/threads/{id} [closed-category thread]': PANEL,
  'GET /api/threads/{id} [held thread]': MODERATORS,
  'GET /api/threads/{id}/posts [open thread]': EVERYONE,
  'GET /api/threads/{id}/posts [closed-category thread]': PANEL,
  'POST /api/threads/{id}/posts [open thread]': WRITERS,
  'POST /api/threads/{id}/posts [closed-category thread]': PANEL,
  'POST /api/threads/{id}/posts [locked thread]': MODERATORS,
  'POST /api/threads/{id}/posts [thread open to guests]': WRITERS_AND_GUESTS,
  'PATCH /api/posts/{id} [own post]': WRITERS,
  'PATCH /api/posts/{id} [someone else’s post]': MODERATORS,
  'DELETE /api/posts/{id} [own post]': USERS,
  'DELETE /api/posts/{id} [someone else’s post]': MODERATORS,
  'POST /api/posts/{id}/flags [spam]': WRITERS,
  'POST /api/posts/{id}/flags [crisis]': EVERYONE,
  'POST /api/posts/{id}/flags [crisis, closed-category post]': PANEL,

  'POST /api/cafe/rooms/{slug}/sessions': HOSTS,
  'POST /api/cafe/rooms/{slug}/open': HOSTS,
  'POST /api/cafe/rooms/{slug}/close': HOSTS,
  'GET /api/cafe/rooms/{slug}/sessions': HOSTS,
  'DELETE /api/cafe/rooms/{slug}/sessions/{id}': HOSTS,

  'GET /api/mod/queue': MODERATORS,
  'GET /api/mod/reasons': MODERATORS,
  'POST /api/mod/queue/{id}/claim': MODERATORS,
  'POST /api/mod/queue/{id}/approve': MODERATORS,
  'POST /api/mod/queue/{id}/reject': MODERATORS,
  'POST /api/mod/queue/{id}/undo': MODERATORS,
  'POST /api/mod/posts/{id}/hide': MODERATORS,
  'POST /api/mod/posts/{id}/restore': MODERATORS,
  'PATCH /api/mod/threads/{id}': MODERATORS,
  'GET /api/mod/sanctions': MODERATORS,
  'POST /api/mod/sanctions [a member]': MODERATORS,
  'POST /api/mod/sanctions [a moderator]': ADMINS,
  // Answered alike whoever the author is; beyond the issuer's rank it is referred to the
  // administrators instead of applied (decision 0024; test/e2e/anonymity-attacks).
  'POST /api/mod/sanctions [the moderator behind an anonymous post]': MODERATORS,
  'POST /api/mod/sanctions [the administrator behind an anonymous post]': MODERATORS,
  'POST /api/mod/sanctions/{id}/lift': MODERATORS,
  'GET /api/mod/audit': MODERATORS,
  'GET /api/mod/stats': MODERATORS,
  'GET /api/mod/duty': MODERATORS,
  'POST /api/mod/duty': MODERATORS,

  'POST /api/categories': ADMINS,
  'PATCH /api/categories/{slug}': ADMINS,
  'POST /api/cafe/rooms': ADMINS,
  'GET /api/admin/users': ADMINS,
  'PATCH /api/admin/users/{id}': ADMINS,
  'POST /api/admin/users/{id}/reset-password': ADMINS,
  'GET /api/admin/panel/applications': ADMINS,
  'POST /api/admin/panel/applications/{id}/approve': ADMINS,
  'POST /api/admin/panel/applications/{id}/reject': ADMINS,
  'GET /api/admin/settings': ADMINS,
  'PATCH /api/admin/settings': ADMINS,
  'GET /api/admin/watched-words': ADMINS,
  'POST /api/admin/watched-words': ADMINS,
  'DELETE /api/admin/watched-words/{id}': ADMINS,
  'POST /api/admin/reveal': ADMINS,

  'POST /api/consultations': ADMINS,
  'GET /api/consultations': EVERYONE,
  'GET /api/consultations/{id} [open to everyone]': EVERYONE,
  'GET /api/consultations/{id} [the panel’s]': PANEL,
  'PATCH /api/consultations/{id}': ADMINS,
  'POST /api/consultations/{id}/publish': ADMINS,
  'POST /api/consultations/{id}/close': ADMINS,
  // A mute stops answering as it stops writing; guests answer where everyone is asked anonymously.
  'POST /api/consultations/{id}/responses [anonymous, everyone]': WRITERS_AND_GUESTS,
  'POST /api/consultations/{id}/responses [the panel’s, named]': PANEL,
  'GET /api/consultations/{id}/results': ADMINS,
  'GET /api/consultations/{id}/results.csv': ADMINS,
  'PUT /api/consultations/{id}/report': ADMINS,
  'POST /api/consultations/{id}/report/publish': ADMINS,
  'GET /api/consultations/{id}/report': EVERYONE,
  // Those who answered (every role but the muted and the browsers without a session).
  'POST /api/consultations/{id}/report/acknowledgements': WRITERS,
  'GET /api/consultations/{id}/report/acknowledgements': ADMINS,
  'POST /api/consultations/{id}/report/acknowledgements/{ackId}/handled': ADMINS,
  'POST /api/consultations/{id}/archive': ADMINS,

  // Everyday use (issue 21)
  'GET /api/auth/session': EVERYONE,
  'PATCH /api/me': USERS,

  // Calendar (issue 15)
  'GET /api/events': EVERYONE,
  'POST /api/events': HOSTS,
  'GET /api/events/{id} [open to everyone]': EVERYONE,
  'GET /api/events/{id} [the panel’s]': PANEL,
  'PATCH /api/events/{id} [own event]': HOSTS,
  'PATCH /api/events/{id} [someone else’s event]': MODERATORS,
  'POST /api/events/{id}/cancel': MODERATORS,
  // Sign-ups are by name: every account (a mute stops writing, not coming to a meeting).
  'PUT /api/events/{id}/registration [open to everyone]': USERS,
  'PUT /api/events/{id}/registration [the panel’s]': PANEL,
  'GET /api/events/{id}/registrations': MODERATORS,
  'GET /api/events.ics': EVERYONE,
  'GET /api/events/{id}.ics [open to everyone]': EVERYONE,
  'GET /api/events/{id}.ics [the panel’s]': PANEL,
  'POST /api/me/calendar-feed': USERS,
  'DELETE /api/me/calendar-feed': USERS,
  // The secret is the key: a calendar app asks without a session.
  'GET /api/calendar-feeds/{token}.ics': EVERYONE,

  // The panel's pool (issue 16)
  'GET /api/panel/about': EVERYONE,
  'PUT /api/admin/panel/about': ADMINS,
  // No account needed: a banned person's browser is a guest's, and nobody's mute reaches it.
  'POST /api/panel/interest': EVERYONE,
  'GET /api/admin/panel/interest': ADMINS,
  'PATCH /api/admin/panel/interest/{id}': ADMINS,
  'GET /api/me/panel-profile': PANEL,
  'PATCH /api/me/panel-profile': PANEL,
  'POST /api/admin/assignments': ADMINS,
  'GET /api/admin/assignments': ADMINS,
  'GET /api/admin/assignments/{id}': ADMINS,
  'PATCH /api/admin/assignments/{id}': ADMINS,
  'POST /api/admin/assignments/{id}/cancel': ADMINS,
  'POST /api/admin/assignments/{id}/offers': ADMINS,
  'GET /api/admin/assignments/{id}/suggestions': ADMINS,
  'POST /api/admin/assignments/{id}/start': ADMINS,
  'POST /api/admin/assignments/{id}/complete': ADMINS,
  'GET /api/admin/panel/load': ADMINS,
  'GET /api/me/assignments': PANEL,
  // The member offered: each of these actors answers an offer made to them.
  'POST /api/me/offers/{id}/accept': PANEL,
  'POST /api/me/offers/{id}/decline': PANEL,
  // The primary or backup: each of these actors checks in on an assignment they carry.
  'POST /api/me/assignments/{id}/checkins': PANEL,
  // Answers 202 without SMTP_URL too (nothing is sent, and the answer says so).
  'POST /api/admin/newsletters': ADMINS,

  // Activity directory (issue 17)
  'GET /api/hsds/services': EVERYONE,
  'GET /api/hsds/services/{id}.ics': EVERYONE,
  'GET /api/hsds/services/{id}': EVERYONE,
  'GET /api/hsds/organizations': EVERYONE,
  'GET /api/hsds/organizations/{id}': EVERYONE,
  'GET /api/hsds/taxonomy_terms': EVERYONE,
  'POST /api/directory/suggestions': EVERYONE,
  'GET /api/directory/stale': MODERATORS,
  'PATCH /api/directory/services/{id}': MODERATORS,
  'POST /api/directory/services/{id}/verify': MODERATORS,
  'DELETE /api/directory/services/{id}': MODERATORS,

  // Reader safety (issue 18)
  'POST /api/screening/check': EVERYONE,
  'GET /api/content-warnings': EVERYONE,
  'PUT /api/admin/content-warnings': ADMINS,
  'PATCH /api/mod/posts/{id}': MODERATORS,
  'GET /api/me/preferences': USERS,
  'PATCH /api/me/preferences': USERS,
  'POST /api/me/ignored': USERS,
  'GET /api/me/ignored': USERS,
  'DELETE /api/me/ignored/{id}': USERS,
  // A mute stops reacting as it stops writing; taking a reaction back stays open.
  'PUT /api/posts/{id}/reactions/{kind}': WRITERS,
  'DELETE /api/posts/{id}/reactions/{kind}': USERS,
  'GET /api/host/unanswered': HOSTS,
  'GET /api/host/unanswered/count': HOSTS,
} satisfies Record<string, readonly Who[]>;

type Operation = keyof typeof WHO_MAY;

/** Refusals that say more than "no": the caller may, but not in this state. */
const ALSO_REFUSED_WITH: Partial<Record<Operation, number>> = {
  // Panel members and staff are inside already.
  'POST /api/panel/applications': 409,
  // A lock ends the conversation for all but the moderators.
  'POST /api/threads/{id}/posts [locked thread]': 423,
};

/** Socket.IO: a namespace's handshake, joining a café room of an audience, and writing in a room joined. */
const SOCKET_WHO_MAY = {
  'connect /mod': MODERATORS,
  'connect /me': USERS,
  'join /cafe [room for everyone]': EVERYONE,
  'join /cafe [room for members]': USERS,
  'join /cafe [panel room]': PANEL,
  'message /cafe [room for everyone]': WRITERS_AND_GUESTS,
  'moderate /cafe [slow mode]': HOSTS,
} satisfies Record<string, readonly Who[]>;

type SocketOperation = keyof typeof SOCKET_WHO_MAY;

// A guest is told the panel's room does not exist (not_found), as for an unknown room (issue 12.17).
const SOCKET_REFUSALS = ['unauthenticated', 'forbidden', 'not_found', 'muted', 'not_host'];

interface Fixtures {
  app: TestApp;
  actors: Record<Who, TestClient>;
  slugs: { open: string; closed: string; pre: string; guests: string; scratch: string };
  threads: { open: string; closed: string; held: string; locked: string; guests: string; moderated: string };
  posts: { named: string; anonymous: string; hidden: string; spam: string; crisis: string; closed: string };
  ownPosts: Record<Who, { edit: string; remove: string }>;
  rooms: { scheduled: string; everyone: string; members: string; panel: string };
  receipt: string;
  queueItem: string;
  rejectedItem: string;
  application: string;
  word: string;
  userTarget: string;
  staff: { moderator: string; moderatorsAnonymousPost: string; adminsAnonymousPost: string };
  /** A new account of that kind, for calls that end or change the caller's own account. */
  freshActor(who: Who): Promise<TestClient>;
  freshPost(): Promise<string>;
  freshHiddenPost(): Promise<string>;
  freshHeldItem(): Promise<string>;
  freshRejectedItem(): Promise<string>;
  freshApplication(): Promise<string>;
  freshWord(): Promise<string>;
  freshResetToken(): Promise<string>;
  /** A café session planned in the scheduled room (one that stays, and a new one to cancel). */
  plannedCafeSession: string;
  freshCafeSession(): Promise<string>;
  consultations: {
    everyone: string;
    panel: string;
    draft: string;
    open: string;
    closed: string;
    reported: string;
    ack: string;
  };
  /** A consultation of its own in that stage (answered by `respondents` before it closes). */
  freshConsultation(stage: ConsultationStage, fields?: object): Promise<string>;
  sanction: string;
  freshSanction(): Promise<string>;

  // Calendar (issue 15)
  calendar: CalendarFixtures;

  // The panel's pool (issue 16)
  pool: PoolFixtures;

  // Activity directory (issue 17)
  directory: { service: string; organization: string; freshService(): Promise<string> };

  // Reader safety (issue 18)
  readerSafety: ReaderSafetyFixtures;
}

type ConsultationStage = 'draft' | 'open' | 'closed' | 'written' | 'reported';

const consultationBody = (fields: object = {}) => ({
  title: 'Et rådslag fra feiingen',
  summary: 'Hva mener du?',
  body: 'Vi spør panelet.',
  requester: 'Feiingen',
  audience: 'everyone',
  anonymity: 'anonymous',
  confidentiality: 'Anonymt.',
  opensAt: inHours(-1),
  closesAt: inHours(48),
  reportDueAt: inHours(24 * 30),
  questions: [{ kind: 'text', prompt: 'Hva mangler?', required: true }],
  ...fields,
});
const reportBody = {
  heard: 'Mye.',
  done: 'Noe.',
  planned: 'Mer.',
  notDone: 'Ikke alt.',
  recommendations: [{ text: 'Mer kaffe', outcome: 'adopted' }],
};

interface Request {
  params?: Record<string, string>;
  query?: string;
  body?: object;
  /** Another client than the role's own actor (a fresh account, or a browser without a session). */
  as?: TestClient;
}

/** `allowed`: the call will succeed, so it gets a fresh object of its own instead of the shared one. */
type Build = (f: Fixtures, c: { who: Who; allowed: boolean }) => Request | Promise<Request>;

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
let sessionDay = 0;
const newThreadBody = { title: 'En tråd fra feiingen', body: 'Første innlegg' };
const replyBody = { body: 'Et svar fra feiingen' };
const warning = (target: object) => ({ target, kind: 'warn', reason: 'En vennlig påminnelse om retningslinjene' });
const crisisFlag = { reason: 'crisis', note: 'Jeg er bekymret for skribenten' };
const uniqueWord = () => `feieord${Math.random().toString(36).slice(2, 10).replace(/\d/g, 'x')}`;

const REQUESTS: Record<Operation, Build> = {
  'GET /api/health': () => ({}),
  'GET /api/guidelines': () => ({}),
  'GET /api/privacy': () => ({}),
  'GET /api/operator': () => ({}),
  'GET /api/status': () => ({}),
  'GET /api/cafe/rules': () => ({}),
  'GET /api/cafe/rooms': () => ({}),
  'GET /api/categories': () => ({}),
  'GET /api/search': () => ({ query: 'q=tråd' }),
  'GET /api/receipts/{token}': (f) => ({ params: { token: f.receipt } }),
  'POST /api/auth/register': () => ({
    body: { username: uniqueName('ny'), password: 'et-langt-nok-passord', acceptGuidelines: true, acceptPrivacy: true },
  }),
  'POST /api/auth/login': async (f, { who }) => {
    const account = who === 'guest' ? await f.freshActor('member') : f.actors[who];
    return { as: f.app.client(), body: { username: account.user!.username, password: account.password! } };
  },
  'POST /api/auth/reset-password': async (f) => ({
    body: { token: await f.freshResetToken(), newPassword: 'et-nytt-langt-passord' },
  }),

  'GET /api/auth/me': () => ({}),
  'POST /api/auth/logout': async (f, { who }) => ({ as: await f.freshActor(who) }),
  'POST /api/me/password': async (f, { who }) => {
    const as = await f.freshActor(who);
    return {
      as,
      body: { currentPassword: as.password ?? 'et-passord-fra-en-gjest', newPassword: 'et-nytt-langt-passord' },
    };
  },
  'POST /api/me/break': async (f, { who }) => ({ as: await f.freshActor(who), body: { until: inHours(24) } }),
  'DELETE /api/me/break': async (f, { who }) => ({ as: await f.freshActor(who) }),
  'DELETE /api/me': async (f, { who }) => {
    const as = await f.freshActor(who);
    return { as, body: { password: as.password ?? 'et-passord-fra-en-gjest' } };
  },
  'GET /api/me/posts': () => ({}),
  'GET /api/me/export': () => ({}),
  'GET /api/me/notifications': () => ({}),
  'POST /api/me/notifications/read': () => ({ body: { ids: [randomUUID()] } }),
  'GET /api/panel/applications/mine': () => ({}),
  'POST /api/panel/applications': () => ({
    body: { motivation: 'Jeg vil gjerne bidra med mine erfaringer i panelet.' },
  }),

  'GET /api/categories/{slug}/threads [open category]': (f) => ({ params: { slug: f.slugs.open } }),
  'GET /api/categories/{slug}/threads [closed category]': (f) => ({ params: { slug: f.slugs.closed } }),
  'POST /api/categories/{slug}/threads [open category]': (f) => ({
    params: { slug: f.slugs.open },
    body: newThreadBody,
  }),
  'POST /api/categories/{slug}/threads [pre-moderated category]': (f) => ({
    params: { slug: f.slugs.pre },
    body: newThreadBody,
  }),
  'POST /api/categories/{slug}/threads [closed category]': (f) => ({
    params: { slug: f.slugs.closed },
    body: newThreadBody,
  }),
  'POST /api/categories/{slug}/threads [category open to guests]': (f) => ({
    params: { slug: f.slugs.guests },
    body: newThreadBody,
  }),
  'GET /api/threads/{id} [open thread]': (f) => ({ params: { id: f.threads.open } }),
  'GET /api/threads/{id} [closed-category thread]': (f) => ({ params: { id: f.threads.closed } }),
  'GET /api/threads/{id} [held thread]': (f) => ({ params: { id: f.threads.held } }),
  'GET /api/threads/{id}/posts [open thread]': (f) => ({ params: { id: f.threads.open } }),
  'GET /api/threads/{id}/posts [closed-category thread]': (f) => ({ params: { id: f.threads.closed } }),
  'POST /api/threads/{id}/posts [open thread]': (f) => ({ params: { id: f.threads.open }, body: replyBody }),
  'POST /api/threads/{id}/posts [closed-category thread]': (f) => ({
    params: { id: f.threads.closed },
    body: replyBody,
  }),
  'POST /api/threads/{id}/posts [locked thread]': (f) => ({ params: { id: f.threads.locked }, body: replyBody }),
  'POST /api/threads/{id}/posts [thread open to guests]': (f) => ({
    params: { id: f.threads.guests },
    body: replyBody,
  }),
  'PATCH /api/posts/{id} [own post]': (f, { who }) => ({
    params: { id: f.ownPosts[who].edit },
    body: { body: 'Rettet av forfatteren' },
  }),
  'PATCH /api/posts/{id} [someone else’s post]': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshPost() : f.posts.named },
    body: { body: 'Rettet av en annen' },
  }),
  'DELETE /api/posts/{id} [own post]': (f, { who }) => ({ params: { id: f.ownPosts[who].remove } }),
  'DELETE /api/posts/{id} [someone else’s post]': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshPost() : f.posts.named },
  }),
  'POST /api/posts/{id}/flags [spam]': (f) => ({ params: { id: f.posts.spam }, body: { reason: 'spam' } }),
  'POST /api/posts/{id}/flags [crisis]': (f) => ({ params: { id: f.posts.crisis }, body: crisisFlag }),
  'POST /api/posts/{id}/flags [crisis, closed-category post]': (f) => ({
    params: { id: f.posts.closed },
    body: crisisFlag,
  }),

  'POST /api/cafe/rooms/{slug}/sessions': (f) => {
    const startsAt = new Date(Date.now() + ++sessionDay * 86_400_000);
    return {
      params: { slug: f.rooms.scheduled },
      body: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() },
    };
  },
  'POST /api/cafe/rooms/{slug}/open': (f) => ({ params: { slug: f.rooms.scheduled }, body: { until: inHours(1) } }),
  'POST /api/cafe/rooms/{slug}/close': (f) => ({ params: { slug: f.rooms.scheduled } }),
  'GET /api/cafe/rooms/{slug}/sessions': (f) => ({ params: { slug: f.rooms.scheduled } }),
  'DELETE /api/cafe/rooms/{slug}/sessions/{id}': async (f, { allowed }) => ({
    params: { slug: f.rooms.scheduled, id: allowed ? await f.freshCafeSession() : f.plannedCafeSession },
  }),

  'GET /api/mod/queue': () => ({}),
  'GET /api/mod/reasons': () => ({}),
  'POST /api/mod/queue/{id}/claim': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshHeldItem() : f.queueItem },
  }),
  'POST /api/mod/queue/{id}/approve': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshHeldItem() : f.queueItem },
    body: {},
  }),
  'POST /api/mod/queue/{id}/reject': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshHeldItem() : f.queueItem },
    body: { reason: 'Ikke i tråd med retningslinjene' },
  }),
  'POST /api/mod/queue/{id}/undo': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshRejectedItem() : f.rejectedItem },
  }),
  'POST /api/mod/posts/{id}/hide': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshPost() : f.posts.named },
    body: { reason: 'Skjult til vi har sett på det' },
  }),
  'POST /api/mod/posts/{id}/restore': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshHiddenPost() : f.posts.hidden },
    body: { reason: 'Innlegget er i orden' },
  }),
  'PATCH /api/mod/threads/{id}': (f) => ({ params: { id: f.threads.moderated }, body: { pinned: true } }),
  'GET /api/mod/sanctions': () => ({}),
  'POST /api/mod/sanctions [a member]': (f) => ({ body: warning({ userId: f.userTarget }) }),
  'POST /api/mod/sanctions [a moderator]': (f) => ({ body: warning({ userId: f.staff.moderator }) }),
  'POST /api/mod/sanctions [the moderator behind an anonymous post]': (f) => ({
    body: warning({ postId: f.staff.moderatorsAnonymousPost }),
  }),
  'POST /api/mod/sanctions [the administrator behind an anonymous post]': (f) => ({
    body: warning({ postId: f.staff.adminsAnonymousPost }),
  }),
  'POST /api/mod/sanctions/{id}/lift': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshSanction() : f.sanction },
    body: { reason: 'Opphevet i feiingen' },
  }),
  'GET /api/mod/audit': () => ({}),
  'GET /api/mod/stats': () => ({}),
  'GET /api/mod/duty': () => ({}),
  'POST /api/mod/duty': () => ({ body: { onDuty: true } }),

  'POST /api/categories': () => ({
    body: {
      slug: uniqueSlug('kat'),
      name: 'Ny kategori',
      description: 'Fra feiingen',
      visibility: 'open',
      moderation: 'post',
      allowAnonymous: true,
      allowGuests: false,
    },
  }),
  'PATCH /api/categories/{slug}': (f) => ({
    params: { slug: f.slugs.scratch },
    body: { description: 'En ny beskrivelse' },
  }),
  'POST /api/cafe/rooms': () => ({
    body: { slug: uniqueSlug(), name: 'Nytt rom', description: 'Fra feiingen', audience: 'everyone' },
  }),
  'GET /api/admin/users': () => ({ query: 'q=member' }),
  'PATCH /api/admin/users/{id}': (f) => ({ params: { id: f.userTarget }, body: { role: 'panel' } }),
  'POST /api/admin/users/{id}/reset-password': (f) => ({ params: { id: f.userTarget } }),
  'GET /api/admin/panel/applications': () => ({}),
  'POST /api/admin/panel/applications/{id}/approve': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshApplication() : f.application },
    body: {},
  }),
  'POST /api/admin/panel/applications/{id}/reject': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshApplication() : f.application },
    body: { reason: 'Panelet er fullt nå' },
  }),
  'GET /api/admin/settings': () => ({}),
  'PATCH /api/admin/settings': () => ({ body: { flagHideThreshold: 100 } }),
  'GET /api/admin/watched-words': () => ({}),
  'POST /api/admin/watched-words': () => ({ body: { pattern: uniqueWord(), action: 'flag' } }),
  'DELETE /api/admin/watched-words/{id}': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshWord() : f.word },
  }),
  'POST /api/admin/reveal': (f) => ({
    body: { postId: f.posts.anonymous, reason: 'Alvorlige trusler mot en annen bruker' },
  }),

  'POST /api/consultations': () => ({ body: consultationBody() }),
  'GET /api/consultations': () => ({}),
  'GET /api/consultations/{id} [open to everyone]': (f) => ({ params: { id: f.consultations.everyone } }),
  'GET /api/consultations/{id} [the panel’s]': (f) => ({ params: { id: f.consultations.panel } }),
  'PATCH /api/consultations/{id}': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshConsultation('draft') : f.consultations.draft },
    body: { summary: 'Et nytt sammendrag' },
  }),
  'POST /api/consultations/{id}/publish': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshConsultation('draft') : f.consultations.draft },
  }),
  'POST /api/consultations/{id}/close': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshConsultation('open') : f.consultations.open },
  }),
  'POST /api/consultations/{id}/responses [anonymous, everyone]': async (f, { allowed }) => {
    const id = allowed ? await f.freshConsultation('open') : f.consultations.open;
    const { questions } = must(await f.actors.admin.get(`/api/consultations/${id}`), 200).body;
    return { params: { id }, body: { answers: [{ questionId: questions[0].id, value: 'Et svar' }] } };
  },
  'POST /api/consultations/{id}/responses [the panel’s, named]': async (f, { allowed }) => {
    const id = allowed
      ? await f.freshConsultation('open', { audience: 'panel', anonymity: 'named' })
      : f.consultations.panel;
    const { questions } = must(await f.actors.admin.get(`/api/consultations/${id}`), 200).body;
    return { params: { id }, body: { answers: [{ questionId: questions[0].id, value: 'Et svar' }] } };
  },
  'GET /api/consultations/{id}/results': (f) => ({ params: { id: f.consultations.open } }),
  'GET /api/consultations/{id}/results.csv': (f) => ({ params: { id: f.consultations.open } }),
  'PUT /api/consultations/{id}/report': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshConsultation('closed') : f.consultations.closed },
    body: reportBody,
  }),
  'POST /api/consultations/{id}/report/publish': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshConsultation('written') : f.consultations.closed },
  }),
  'GET /api/consultations/{id}/report': (f) => ({ params: { id: f.consultations.reported } }),
  'POST /api/consultations/{id}/report/acknowledgements': (f) => ({
    params: { id: f.consultations.reported },
    body: { response: 'received' },
  }),
  'GET /api/consultations/{id}/report/acknowledgements': (f) => ({ params: { id: f.consultations.reported } }),
  'POST /api/consultations/{id}/report/acknowledgements/{ackId}/handled': (f) => ({
    params: { id: f.consultations.reported, ackId: f.consultations.ack },
    body: { note: 'Takk, vi ser på det.' },
  }),
  'POST /api/consultations/{id}/archive': async (f, { allowed }) => ({
    params: { id: allowed ? await f.freshConsultation('reported') : f.consultations.reported },
  }),

  // Everyday use (issue 21)
  'GET /api/auth/session': () => ({}),
  'PATCH /api/me': () => ({ body: { email: 'feiing@example.no' } }),

  // Calendar (issue 15)
  'GET /api/events': () => ({}),
  'POST /api/events': () => ({ body: eventBody() }),
  'GET /api/events/{id} [open to everyone]': (f) => ({ params: { id: f.calendar.everyone } }),
  'GET /api/events/{id} [the panel’s]': (f) => ({ params: { id: f.calendar.panel } }),
  'PATCH /api/events/{id} [own event]': async (f, { who, allowed }) => ({
    params: { id: allowed ? await f.calendar.fresh(f.actors[who]) : f.calendar.everyone },
    body: { title: 'Et nytt navn fra feiingen' },
  }),
  'PATCH /api/events/{id} [someone else’s event]': async (f, { allowed }) => ({
    params: { id: allowed ? await f.calendar.fresh() : f.calendar.everyone },
    body: { title: 'Et nytt navn fra feiingen' },
  }),
  'POST /api/events/{id}/cancel': async (f, { allowed }) => ({
    params: { id: allowed ? await f.calendar.fresh() : f.calendar.everyone },
    body: { reason: 'Avlyst i feiingen' },
  }),
  'PUT /api/events/{id}/registration [open to everyone]': (f) => ({
    params: { id: f.calendar.everyone },
    body: { status: 'going' },
  }),
  'PUT /api/events/{id}/registration [the panel’s]': (f) => ({
    params: { id: f.calendar.panel },
    body: { status: 'going' },
  }),
  'GET /api/events/{id}/registrations': (f) => ({ params: { id: f.calendar.everyone } }),
  'GET /api/events.ics': () => ({}),
  'GET /api/events/{id}.ics [open to everyone]': (f) => ({ params: { id: f.calendar.everyone } }),
  'GET /api/events/{id}.ics [the panel’s]': (f) => ({ params: { id: f.calendar.panel } }),
  'POST /api/me/calendar-feed': () => ({}),
  'DELETE /api/me/calendar-feed': () => ({}),
  'GET /api/calendar-feeds/{token}.ics': (f) => ({ params: { token: f.calendar.feedToken } }),

  // The panel's pool (issue 16)
  'GET /api/panel/about': () => ({}),
  'PUT /api/admin/panel/about': () => ({ body: { nb: '## Om panelet', en: '## About the panel' } }),
  'POST /api/panel/interest': () => ({ body: poolInterestBody }),
  'GET /api/admin/panel/interest': () => ({}),
  'PATCH /api/admin/panel/interest/{id}': (f) => ({ params: { id: f.pool.interest }, body: { status: 'contacted' } }),
  'GET /api/me/panel-profile': () => ({}),
  'PATCH /api/me/panel-profile': () => ({ body: { topics: ['feiing'], maxActiveAssignments: 3 } }),
  'POST /api/admin/assignments': () => ({ body: assignmentBody() }),
  'GET /api/admin/assignments': () => ({}),
  'GET /api/admin/assignments/{id}': (f) => ({ params: { id: f.pool.active } }),
  'PATCH /api/admin/assignments/{id}': async (f, { allowed }) => ({
    params: { id: allowed ? await f.pool.freshAssignment('draft') : f.pool.draft },
    body: { estimatedHours: 6 },
  }),
  'POST /api/admin/assignments/{id}/cancel': async (f, { allowed }) => ({
    params: { id: allowed ? await f.pool.freshAssignment('draft') : f.pool.draft },
  }),
  'POST /api/admin/assignments/{id}/offers': async (f, { allowed }) => ({
    params: { id: allowed ? await f.pool.freshAssignment('draft') : f.pool.draft },
    body: { userId: allowed ? await f.pool.freshMember() : f.pool.member, role: 'backup' },
  }),
  'GET /api/admin/assignments/{id}/suggestions': (f) => ({ params: { id: f.pool.draft } }),
  'POST /api/admin/assignments/{id}/start': async (f, { allowed }) => ({
    params: { id: allowed ? await f.pool.freshAssignment('ready') : f.pool.draft },
  }),
  'POST /api/admin/assignments/{id}/complete': async (f, { allowed }) => ({
    params: { id: allowed ? await f.pool.freshAssignment('active') : f.pool.active },
  }),
  'GET /api/admin/panel/load': () => ({}),
  'GET /api/me/assignments': () => ({}),
  'POST /api/me/offers/{id}/accept': async (f, { who, allowed }) => ({
    params: { id: allowed ? await f.pool.freshOffer(f.actors[who]) : f.pool.offer },
  }),
  'POST /api/me/offers/{id}/decline': async (f, { who, allowed }) => ({
    params: { id: allowed ? await f.pool.freshOffer(f.actors[who]) : f.pool.offer },
  }),
  'POST /api/me/assignments/{id}/checkins': async (f, { who, allowed }) => ({
    params: { id: allowed ? await f.pool.freshAssignment('active', f.actors[who]) : f.pool.active },
    body: { load: 3, note: 'Det går fint.' },
  }),
  'POST /api/admin/newsletters': () => ({
    body: { subject: 'Nytt fra feiingen', body: 'Et kort nyhetsbrev.', audience: 'both' },
  }),

  // Activity directory (issue 17)
  'GET /api/hsds/services': () => ({ query: 'municipality=4627&taxonomy_term_id=turgruppe' }),
  'GET /api/hsds/services/{id}.ics': (f) => ({ params: { id: f.directory.service } }),
  'GET /api/hsds/services/{id}': (f) => ({ params: { id: f.directory.service } }),
  'GET /api/hsds/organizations': () => ({}),
  'GET /api/hsds/organizations/{id}': (f) => ({ params: { id: f.directory.organization } }),
  'GET /api/hsds/taxonomy_terms': () => ({}),
  'POST /api/directory/suggestions': () => ({ body: directoryOffer({ name: 'Et tilbud fra feiingen' }) }),
  'GET /api/directory/stale': () => ({}),
  'PATCH /api/directory/services/{id}': (f) => ({
    params: { id: f.directory.service },
    body: { alert: 'Endret av feiingen' },
  }),
  'POST /api/directory/services/{id}/verify': (f) => ({ params: { id: f.directory.service } }),
  'DELETE /api/directory/services/{id}': async (f, { allowed }) => ({
    params: { id: allowed ? await f.directory.freshService() : f.directory.service },
  }),

  // Reader safety (issue 18)
  'POST /api/screening/check': () => ({ body: { text: 'Et utkast fra feiingen' } }),
  'GET /api/content-warnings': () => ({}),
  'PUT /api/admin/content-warnings': async (f) => ({
    body: { warnings: must(await f.app.client().get('/api/content-warnings'), 200).body },
  }),
  'PATCH /api/mod/posts/{id}': (f) => ({ params: { id: f.readerSafety.post }, body: { contentWarning: 'vold' } }),
  'GET /api/me/preferences': () => ({}),
  'PATCH /api/me/preferences': () => ({ body: { muteWords: ['feieord'], collapseAllWarnings: true } }),
  'POST /api/me/ignored': (f) => ({ body: { username: f.readerSafety.username } }),
  'GET /api/me/ignored': () => ({}),
  'DELETE /api/me/ignored/{id}': async (f, { who, allowed }) => ({
    params: { id: allowed ? await f.readerSafety.freshIgnore(f.actors[who]) : randomUUID() },
  }),
  'PUT /api/posts/{id}/reactions/{kind}': (f) => ({ params: { id: f.readerSafety.post, kind: 'support' } }),
  'DELETE /api/posts/{id}/reactions/{kind}': (f) => ({ params: { id: f.readerSafety.post, kind: 'support' } }),
  'GET /api/host/unanswered': () => ({}),
  'GET /api/host/unanswered/count': () => ({}),
};

/** A published offer to read, edit and verify, and fresh ones to retire. */
async function directoryFixtures(app: TestApp, admin: TestClient): Promise<Fixtures['directory']> {
  const service = await publishOffer(app, admin, { name: 'Turgruppe fra feiingen' });
  const organization = must(await app.client().get(`/api/hsds/services/${service}`), 200).body.organization_id;
  return { service, organization, freshService: () => publishOffer(app, admin) };
}

async function setUp(app: TestApp): Promise<Fixtures> {
  const admin = await asAdmin(app);
  await setSettings(app, { newMemberReviewCount: 0, flagHideThreshold: 100 });
  const slugs = {
    open: await newCategory(app),
    closed: await newCategory(app, { visibility: 'closed' }),
    pre: await newCategory(app, { moderation: 'pre' }),
    guests: await newCategory(app, { allowGuests: true }),
    scratch: await newCategory(app),
  };

  const actors = { guest: app.client() } as Record<Who, TestClient>;
  for (const who of ['member', 'panel', 'host', 'moderator', 'admin'] as const) actors[who] = await newUser(app, who);
  actors.muted = await newUser(app);
  actors.banned = await newUser(app);
  const author = await newUser(app, 'panel');
  const newcomer = await newUser(app);
  const moderator = actors.moderator;

  const threads = {
    open: (await newThread(author, slugs.open)).id,
    closed: (await newThread(author, slugs.closed)).id,
    held: (await newThread(newcomer, slugs.pre)).id,
    locked: (await newThread(author, slugs.open)).id,
    guests: (await newThread(author, slugs.guests)).id,
    moderated: (await newThread(author, slugs.open)).id,
  };
  must(await moderator.patch(`/api/mod/threads/${threads.locked}`, { locked: true }), 200);

  const freshPost = async () => (await reply(author, threads.open)).id;
  const freshHiddenPost = async () => {
    const id = await freshPost();
    must(await admin.post(`/api/mod/posts/${id}/hide`, { reason: 'Skjult for feiingen' }), 200);
    return id;
  };
  const freshHeldItem = async () => {
    const postId = (await newThread(newcomer, slugs.pre)).posts.items[0].id;
    const [item] = await sql<{ id: string }>(
      app,
      `SELECT id FROM moderation_queue WHERE post_id = $1 AND status = 'open'`,
      [postId],
    );
    return item.id;
  };
  const freshRejectedItem = async () => {
    const id = await freshHeldItem();
    must(await admin.post(`/api/mod/queue/${id}/reject`, { reason: 'Avvist for feiingen' }), 200);
    return id;
  };
  const freshApplication = async () => {
    const applicant = await newUser(app);
    return must(
      await applicant.post('/api/panel/applications', { motivation: 'Jeg vil gjerne være med i panelet.' }),
      201,
    ).body.id as string;
  };
  const scheduledRoom = await openRoom(admin, { open: false });
  const freshCafeSession = async () => {
    const startsAt = new Date(Date.now() + ++sessionDay * 86_400_000 + 3_600_000);
    const body = { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString() };
    return must(await admin.post(`/api/cafe/rooms/${scheduledRoom}/sessions`, body), 201).body.id as string;
  };
  const freshWord = async () =>
    must(await admin.post('/api/admin/watched-words', { pattern: uniqueWord(), action: 'flag' }), 201).body
      .id as string;
  const userTarget = (await newUser(app)).user!.id;
  const colleague = await newUser(app, 'moderator');
  const boss = await newUser(app, 'admin');
  const freshResetToken = async () => {
    const { resetUrl } = must(await admin.post(`/api/admin/users/${userTarget}/reset-password`), 200).body as {
      resetUrl: string;
    };
    return resetUrl.split('#')[1];
  };

  const ownPosts = {} as Fixtures['ownPosts'];
  for (const who of [...USERS, 'banned'] as const)
    ownPosts[who] = {
      edit: (await reply(actors[who], threads.open)).id,
      remove: (await reply(actors[who], threads.open)).id,
    };
  const guestPost = await reply(actors.guest, threads.guests);
  ownPosts.guest = { edit: guestPost.id, remove: guestPost.id };

  const sanction = (who: Who, kind: 'mute' | 'ban') =>
    moderator.post('/api/mod/sanctions', {
      target: { userId: actors[who].user!.id },
      kind,
      until: inHours(24),
      reason: 'Brudd på retningslinjene',
    });
  must(await sanction('muted', 'mute'), 201);
  must(await sanction('banned', 'ban'), 201);

  const freshActor = async (who: Who) => {
    if (who === 'guest') return app.client();
    if (who === 'banned') return actors.banned;
    if (who !== 'muted') return newUser(app, who);
    const muted = await newUser(app);
    must(
      await moderator.post('/api/mod/sanctions', {
        target: { userId: muted.user!.id },
        kind: 'mute',
        until: inHours(24),
        reason: 'Brudd på retningslinjene',
      }),
      201,
    );
    return muted;
  };

  // Those who answer the shared consultations: every role that may, so each can acknowledge the report.
  const respondents = (['member', 'panel', 'host', 'moderator', 'admin'] as const).map((who) => actors[who]);
  const freshConsultation = async (stage: ConsultationStage, fields: object = {}, answerers: TestClient[] = []) => {
    const { id } = must(await admin.post('/api/consultations', consultationBody(fields)), 201).body as { id: string };
    if (stage === 'draft') return id;
    must(await admin.post(`/api/consultations/${id}/publish`), 200);
    const { questions } = must(await admin.get(`/api/consultations/${id}`), 200).body;
    for (const who of answerers)
      must(
        await who.post(`/api/consultations/${id}/responses`, {
          answers: [{ questionId: questions[0].id, value: 'Et svar' }],
        }),
        201,
      );
    if (stage === 'open') return id;
    must(await admin.post(`/api/consultations/${id}/close`), 200);
    if (stage === 'closed') return id;
    must(await admin.put(`/api/consultations/${id}/report`, reportBody), 200);
    if (stage === 'written') return id;
    must(await admin.post(`/api/consultations/${id}/report/publish`), 200);
    return id;
  };
  const reported = await freshConsultation('reported', {}, respondents);
  const ack = must(
    await actors.member.post(`/api/consultations/${reported}/report/acknowledgements`, { response: 'question' }),
    201,
  ).body.id as string;
  const consultations = {
    everyone: await freshConsultation('open'),
    panel: await freshConsultation('open', { audience: 'panel', anonymity: 'named' }),
    draft: await freshConsultation('draft'),
    open: await freshConsultation('open'),
    closed: await freshConsultation('closed'),
    reported,
    ack,
  };

  const freshSanction = async () =>
    must(
      await moderator.post('/api/mod/sanctions', {
        target: { userId: userTarget },
        kind: 'mute',
        until: inHours(1),
        reason: 'En skrivesperre fra feiingen',
      }),
      201,
    ).body.id as string;

  return {
    sanction: await freshSanction(),
    freshSanction,

    // Calendar (issue 15)
    calendar: await calendarFixtures(app),

    // The panel's pool (issue 16)
    pool: await poolFixtures(app),

    // Activity directory (issue 17)
    directory: await directoryFixtures(app, admin),

    // Reader safety (issue 18)
    readerSafety: await readerSafetyFixtures(app, threads.open),
    consultations,
    freshConsultation: (stage: ConsultationStage, fields?: object) => freshConsultation(stage, fields),
    app,
    actors,
    slugs,
    threads,
    posts: {
      named: await freshPost(),
      anonymous: (await reply(author, threads.open, 'Anonymt innlegg', true)).id,
      hidden: await freshHiddenPost(),
      spam: await freshPost(),
      crisis: await freshPost(),
      closed: (await reply(author, threads.closed)).id,
    },
    ownPosts,
    rooms: {
      scheduled: scheduledRoom,
      everyone: await openRoom(admin, { audience: 'everyone' }),
      members: await openRoom(admin, { audience: 'members' }),
      panel: await openRoom(admin, { audience: 'panel' }),
    },
    receipt: guestPost.receiptToken!,
    queueItem: await freshHeldItem(),
    rejectedItem: await freshRejectedItem(),
    application: await freshApplication(),
    word: await freshWord(),
    userTarget,
    staff: {
      moderator: colleague.user!.id,
      moderatorsAnonymousPost: (await reply(colleague, threads.open, 'Anonymt fra en moderator', true)).id,
      adminsAnonymousPost: (await reply(boss, threads.open, 'Anonymt fra en administrator', true)).id,
    },
    freshActor,
    freshPost,
    freshHiddenPost,
    freshHeldItem,
    freshRejectedItem,
    freshApplication,
    freshWord,
    freshResetToken,
    plannedCafeSession: await freshCafeSession(),
    freshCafeSession,
  };
}

async function send(f: Fixtures, operation: Operation, who: Who, allowed: boolean) {
  const [method, path] = operation.split(' ');
  const request = await REQUESTS[operation](f, { who, allowed });
  const url =
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params![name])) +
    (request.query ? `?${request.query}` : '');
  const client = request.as ?? f.actors[who];
  if (method === 'GET') return client.get(url);
  if (method === 'POST') return client.post(url, request.body);
  if (method === 'PATCH') return client.patch(url, request.body ?? {});
  if (method === 'PUT') return client.put(url, request.body ?? {});
  if (method === 'DELETE') return client.delete(url, request.body);
  throw new Error(`the sweep cannot send ${method}`);
}

/** The refused first: an allowed call may change what a refusal is checked against. */
const refusedFirst = (allowed: readonly Who[]) =>
  [...EVERYONE].sort((a, b) => Number(allowed.includes(a)) - Number(allowed.includes(b)));

const withoutSession = (who: Who) => who === 'guest' || who === 'banned';

async function documentedOperations(app: TestApp): Promise<string[]> {
  const doc = must(await app.client().get('/api/docs-json'), 200).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
}

/** 'ok', or the refusal's code. `ready` runs when the socket is where the operation starts. */
async function trySocket(
  f: Fixtures,
  operation: SocketOperation,
  who: Who,
  ready: () => Promise<void>,
): Promise<string> {
  const client = f.actors[who];
  const [action, namespace] = operation.split(' ');
  if (action === 'connect') {
    await ready();
    try {
      (await connectNamespace(f.app, namespace, client)).close();
      return 'ok';
    } catch (e) {
      return (e as { data?: { code?: string } }).data?.code ?? String(e);
    }
  }
  const room = operation.includes('panel')
    ? f.rooms.panel
    : operation.includes('members')
      ? f.rooms.members
      : f.rooms.everyone;
  const socket = await connectCafe(f.app, { as: client });
  try {
    const join = { room, nickname: uniqueNick(), acceptRules: true };
    if (action !== 'join') {
      const joined = await emitAck(socket, 'join', join);
      if (!joined.ok) throw new Error(`join ${room} as ${who}: ${joined.error?.code}`);
    }
    await ready();
    const ack =
      action === 'join'
        ? await emitAck(socket, 'join', join)
        : action === 'message'
          ? await emitAck(socket, 'message', { room, body: 'Hei fra feiingen' })
          : await emitAck(socket, 'moderate', { room, action: 'slowmode', seconds: 0 });
    return ack.ok ? 'ok' : (ack.error?.code ?? 'no code');
  } finally {
    socket.close();
  }
}

describe('authorisation sweep', () => {
  let app: TestApp;
  let db: DataSource;
  let f: Fixtures;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '0' });
    db = app.server.app.get(DataSource);
    f = await setUp(app);
  }, 120_000);
  afterAll(() => app.stop());

  it('should classify every operation of the OpenAPI document in the table, and nothing else', async () => {
    const documented = await documentedOperations(app);
    const classified = new Set(Object.keys(WHO_MAY).map((key) => key.replace(/ \[.*\]$/, '')));
    expect({
      unclassified: documented.filter((op) => !classified.has(op)),
      undocumented: [...classified].filter((op) => !documented.includes(op)),
    }).toEqual({ unclassified: [], undocumented: [] });
  });

  it.each(Object.keys(WHO_MAY) as Operation[])(
    '%s: should succeed for the roles in the table, and refuse the others without changing anything',
    async (operation) => {
      const allowedRoles: readonly Who[] = WHO_MAY[operation];
      const refusals = [401, 403, 404, ALSO_REFUSED_WITH[operation]];
      const failures: string[] = [];
      for (const who of refusedFirst(allowedRoles)) {
        const allowed = allowedRoles.includes(who);
        const before = allowed ? '' : await databaseFingerprint(db);
        const res = await send(f, operation, who, allowed);
        const label = `${operation} as ${who} → ${res.status} ${res.text.slice(0, 160)}`;
        if (allowed) {
          if (res.status < 200 || res.status >= 300) failures.push(`${label} (should be allowed)`);
          continue;
        }
        if (!refusals.includes(res.status)) failures.push(`${label} (should be refused)`);
        else if (res.status === 401 && !withoutSession(who))
          failures.push(`${label} (a logged-in ${who} told to log in)`);
        if ((await databaseFingerprint(db)) !== before) failures.push(`${label} changed the database`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(Object.keys(SOCKET_WHO_MAY) as SocketOperation[])(
    '%s: should let in the roles in the table, and refuse the others without changing anything',
    async (operation) => {
      const allowedRoles: readonly Who[] = SOCKET_WHO_MAY[operation];
      const failures: string[] = [];
      for (const who of refusedFirst(allowedRoles)) {
        const allowed = allowedRoles.includes(who);
        let before = '';
        const outcome = await trySocket(f, operation, who, async () => void (before = await databaseFingerprint(db)));
        const label = `${operation} as ${who} → ${outcome}`;
        if (allowed && outcome !== 'ok') failures.push(`${label} (should be allowed)`);
        if (!allowed && !SOCKET_REFUSALS.includes(outcome)) failures.push(`${label} (should be refused)`);
        if (!allowed && (await databaseFingerprint(db)) !== before) failures.push(`${label} changed the database`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('should leave every actor as it was: logged in with its role, or without a session', async () => {
    const seen = Object.fromEntries(
      await Promise.all(
        EVERYONE.map(async (who) => [who, (await f.actors[who].get('/api/auth/me')).body.role ?? 'none'] as const),
      ),
    );
    expect(seen).toEqual({
      guest: 'none',
      member: 'member',
      muted: 'member',
      panel: 'panel',
      host: 'host',
      moderator: 'moderator',
      admin: 'admin',
      banned: 'none',
    });
  });
});
