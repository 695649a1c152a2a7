import type { Role } from '#libs/contracts';
import { GUEST, type Actor } from './actor.js';
import type { Decision } from './decision.js';
import type { CategoryFacts, ContentStatus, PostFacts, ThreadFacts } from './forum-facts.js';
import { Policy } from './policy.js';

/**
 * The policy as a table: every role (and a muted member) × every forum action × open/closed
 * category × thread state. A cell is `ok` or the refusal's code; each code has one HTTP status.
 */
const ROLES = ['guest', 'member', 'muted', 'panel', 'host', 'moderator', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

const STATUS_OF: Record<string, number> = {
  not_found: 404,
  unauthenticated: 401,
  closed_category: 403,
  forbidden: 403,
  muted: 403,
  edit_window_passed: 403,
  anonymous_not_allowed: 400,
  locked: 423,
  not_published: 409,
  deleted: 409,
  already_panel: 409,
  own_post: 409,
};

const MUTED_UNTIL = new Date('2030-01-01T00:00:00Z');

function actorFor(name: RoleName): Actor {
  if (name === 'guest') return GUEST;
  if (name === 'muted') return { kind: 'user', id: 'u-muted', role: 'member', muted: true, mutedUntil: MUTED_UNTIL };
  return { kind: 'user', id: `u-${name}`, role: name as Role };
}

const CATEGORIES: Record<string, CategoryFacts> = {
  // anonymous posts and guests allowed
  open: { visibility: 'open', allowAnonymous: true, allowGuests: true },
  // neither anonymous posts nor guests
  strict: { visibility: 'open', allowAnonymous: false, allowGuests: false },
  // a closed category that (wrongly) claims to take guests: closed must still win
  closed: { visibility: 'closed', allowAnonymous: true, allowGuests: true },
};

/** A thread state as thread facts and the facts of the post acted on. */
const STATES: Record<string, { thread: { status: ContentStatus; locked: boolean }; post: ContentStatus }> = {
  normal: { thread: { status: 'published', locked: false }, post: 'published' },
  locked: { thread: { status: 'published', locked: true }, post: 'published' },
  // the opening post is held for review, so the thread is too
  pending: { thread: { status: 'pending', locked: false }, post: 'pending' },
  // a soft-deleted post in a normal thread
  deleted: { thread: { status: 'published', locked: false }, post: 'deleted' },
  // a thread a moderator removed
  removed: { thread: { status: 'deleted', locked: false }, post: 'published' },
};

const NOW = new Date('2025-06-01T12:00:00Z');
const WINDOW = { now: NOW, editWindowMinutes: 60 };
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function facts(
  category: string,
  state: string,
  mine: boolean,
  ageMinutes = 10,
): { thread: ThreadFacts; post: PostFacts } {
  const s = STATES[state];
  const thread: ThreadFacts = { category: CATEGORIES[category], ...s.thread, mine };
  return { thread, post: { thread, status: s.post, mine, createdAt: minutesAgo(ageMinutes) } };
}

type Ask = (p: Policy, category: string, state: string) => Decision;

const CATEGORY_ACTIONS: Record<string, (p: Policy, c: CategoryFacts) => Decision> = {
  readCategory: (p, c) => p.canReadCategory(c),
  createThread: (p, c) => p.canCreateThread(c, { anonymous: false }),
  createThreadAnon: (p, c) => p.canCreateThread(c, { anonymous: true }),
};

const THREAD_ACTIONS: Record<string, Ask> = {
  seeThread: (p, c, s) => p.canSeeThread(facts(c, s, false).thread),
  seeOwnThread: (p, c, s) => p.canSeeThread(facts(c, s, true).thread),
  reply: (p, c, s) => p.canReply(facts(c, s, false).thread, { anonymous: false }),
  replyAnon: (p, c, s) => p.canReply(facts(c, s, false).thread, { anonymous: true }),
  seePost: (p, c, s) => p.canSeePost(facts(c, s, false).post),
  editOwn: (p, c, s) => p.canEditPost(facts(c, s, true).post, WINDOW),
  editOwnLate: (p, c, s) => p.canEditPost(facts(c, s, true, 61).post, WINDOW),
  editOthers: (p, c, s) => p.canEditPost(facts(c, s, false).post, WINDOW),
  deleteOwn: (p, c, s) => p.canDeletePost(facts(c, s, true).post),
  deleteOthers: (p, c, s) => p.canDeletePost(facts(c, s, false).post),
};

const outcome = (d: Decision) => (d.allowed ? 'ok' : d.code);

function parse(table: string): { key: string[]; cells: string[] }[] {
  return table
    .trim()
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'))
    .map((line) => {
      const [left, right] = line.split('|');
      return { key: left.trim().split(/\s+/), cells: right.trim().split(/\s+/) };
    });
}

// action          category      guest            member           muted            panel            host             moderator        admin
const CATEGORY_TABLE = `
readCategory     open        | ok               ok               ok               ok               ok               ok               ok
readCategory     strict      | ok               ok               ok               ok               ok               ok               ok
readCategory     closed      | closed_category  closed_category  closed_category  ok               ok               ok               ok
createThread     open        | ok               ok               muted            ok               ok               ok               ok
createThread     strict      | unauthenticated  ok               muted            ok               ok               ok               ok
createThread     closed      | closed_category  closed_category  closed_category  ok               ok               ok               ok
createThreadAnon open        | ok               ok               muted            ok               ok               ok               ok
createThreadAnon strict      | unauthenticated  anonymous_not_allowed muted     anonymous_not_allowed anonymous_not_allowed anonymous_not_allowed anonymous_not_allowed
createThreadAnon closed      | closed_category  closed_category  closed_category  ok               ok               ok               ok
`;

// action      category state    guest            member           muted            panel            host             moderator        admin
const THREAD_TABLE = `
seeThread     open    normal   | ok               ok               ok               ok               ok               ok               ok
seeThread     open    locked   | ok               ok               ok               ok               ok               ok               ok
seeThread     open    pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
seeThread     open    deleted  | ok               ok               ok               ok               ok               ok               ok
seeThread     open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
seeThread     closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
seeThread     closed  locked   | not_found        not_found        not_found        ok               ok               ok               ok
seeThread     closed  pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
seeThread     closed  deleted  | not_found        not_found        not_found        ok               ok               ok               ok
seeThread     closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
seeOwnThread  open    normal   | ok               ok               ok               ok               ok               ok               ok
seeOwnThread  open    locked   | ok               ok               ok               ok               ok               ok               ok
seeOwnThread  open    pending  | not_found        ok               ok               ok               ok               ok               ok
seeOwnThread  open    deleted  | ok               ok               ok               ok               ok               ok               ok
seeOwnThread  open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
seeOwnThread  closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
seeOwnThread  closed  locked   | not_found        not_found        not_found        ok               ok               ok               ok
seeOwnThread  closed  pending  | not_found        not_found        not_found        ok               ok               ok               ok
seeOwnThread  closed  deleted  | not_found        not_found        not_found        ok               ok               ok               ok
seeOwnThread  closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
reply         open    normal   | ok               ok               muted            ok               ok               ok               ok
reply         open    locked   | locked           locked           muted            locked           locked           ok               ok
reply         open    pending  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
reply         open    deleted  | ok               ok               muted            ok               ok               ok               ok
reply         open    removed  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
reply         closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
reply         closed  locked   | not_found        not_found        not_found        locked           locked           ok               ok
reply         closed  pending  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
reply         closed  deleted  | not_found        not_found        not_found        ok               ok               ok               ok
reply         closed  removed  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
replyAnon     open    normal   | ok               ok               muted            ok               ok               ok               ok
replyAnon     open    locked   | locked           locked           muted            locked           locked           ok               ok
replyAnon     open    pending  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
replyAnon     open    deleted  | ok               ok               muted            ok               ok               ok               ok
replyAnon     open    removed  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
replyAnon     closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
replyAnon     closed  locked   | not_found        not_found        not_found        locked           locked           ok               ok
replyAnon     closed  pending  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
replyAnon     closed  deleted  | not_found        not_found        not_found        ok               ok               ok               ok
replyAnon     closed  removed  | not_found        not_found        not_found        not_found        not_found        not_published    not_published
seePost       open    normal   | ok               ok               ok               ok               ok               ok               ok
seePost       open    locked   | ok               ok               ok               ok               ok               ok               ok
seePost       open    pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
seePost       open    deleted  | ok               ok               ok               ok               ok               ok               ok
seePost       open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
seePost       closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
seePost       closed  locked   | not_found        not_found        not_found        ok               ok               ok               ok
seePost       closed  pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
seePost       closed  deleted  | not_found        not_found        not_found        ok               ok               ok               ok
seePost       closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOwn       open    normal   | unauthenticated  ok               muted            ok               ok               ok               ok
editOwn       open    locked   | unauthenticated  locked           muted            locked           locked           ok               ok
editOwn       open    pending  | not_found        ok               muted            ok               ok               ok               ok
editOwn       open    deleted  | unauthenticated  deleted          deleted          deleted          deleted          deleted          deleted
editOwn       open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOwn       closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
editOwn       closed  locked   | not_found        not_found        not_found        locked           locked           ok               ok
editOwn       closed  pending  | not_found        not_found        not_found        ok               ok               ok               ok
editOwn       closed  deleted  | not_found        not_found        not_found        deleted          deleted          deleted          deleted
editOwn       closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOwnLate   open    normal   | unauthenticated  edit_window_passed muted            edit_window_passed edit_window_passed ok               ok
editOwnLate   open    locked   | unauthenticated  locked           muted            locked           locked           ok               ok
editOwnLate   open    pending  | not_found        edit_window_passed muted            edit_window_passed edit_window_passed ok               ok
editOwnLate   open    deleted  | unauthenticated  deleted          deleted          deleted          deleted          deleted          deleted
editOwnLate   open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOwnLate   closed  normal   | not_found        not_found        not_found        edit_window_passed edit_window_passed ok               ok
editOwnLate   closed  locked   | not_found        not_found        not_found        locked           locked           ok               ok
editOwnLate   closed  pending  | not_found        not_found        not_found        edit_window_passed edit_window_passed ok               ok
editOwnLate   closed  deleted  | not_found        not_found        not_found        deleted          deleted          deleted          deleted
editOwnLate   closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOthers    open    normal   | unauthenticated  forbidden        forbidden        forbidden        forbidden        ok               ok
editOthers    open    locked   | unauthenticated  forbidden        forbidden        forbidden        forbidden        ok               ok
editOthers    open    pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOthers    open    deleted  | unauthenticated  deleted          deleted          deleted          deleted          deleted          deleted
editOthers    open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOthers    closed  normal   | not_found        not_found        not_found        forbidden        forbidden        ok               ok
editOthers    closed  locked   | not_found        not_found        not_found        forbidden        forbidden        ok               ok
editOthers    closed  pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
editOthers    closed  deleted  | not_found        not_found        not_found        deleted          deleted          deleted          deleted
editOthers    closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
deleteOwn     open    normal   | unauthenticated  ok               ok               ok               ok               ok               ok
deleteOwn     open    locked   | unauthenticated  ok               ok               ok               ok               ok               ok
deleteOwn     open    pending  | not_found        ok               ok               ok               ok               ok               ok
deleteOwn     open    deleted  | unauthenticated  ok               ok               ok               ok               ok               ok
deleteOwn     open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
deleteOwn     closed  normal   | not_found        not_found        not_found        ok               ok               ok               ok
deleteOwn     closed  locked   | not_found        not_found        not_found        ok               ok               ok               ok
deleteOwn     closed  pending  | not_found        not_found        not_found        ok               ok               ok               ok
deleteOwn     closed  deleted  | not_found        not_found        not_found        ok               ok               ok               ok
deleteOwn     closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
deleteOthers  open    normal   | unauthenticated  forbidden        forbidden        forbidden        forbidden        ok               ok
deleteOthers  open    locked   | unauthenticated  forbidden        forbidden        forbidden        forbidden        ok               ok
deleteOthers  open    pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
deleteOthers  open    deleted  | unauthenticated  forbidden        forbidden        forbidden        forbidden        ok               ok
deleteOthers  open    removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
deleteOthers  closed  normal   | not_found        not_found        not_found        forbidden        forbidden        ok               ok
deleteOthers  closed  locked   | not_found        not_found        not_found        forbidden        forbidden        ok               ok
deleteOthers  closed  pending  | not_found        not_found        not_found        not_found        not_found        ok               ok
deleteOthers  closed  deleted  | not_found        not_found        not_found        forbidden        forbidden        ok               ok
deleteOthers  closed  removed  | not_found        not_found        not_found        not_found        not_found        ok               ok
`;

describe('Policy: categories', () => {
  it.each(
    parse(CATEGORY_TABLE).flatMap(({ key: [action, category], cells }) =>
      ROLES.map((role, i) => [action, category, role, cells[i]] as const),
    ),
  )('should answer %s in a %s category for %s: %s', (action, category, role, expected) => {
    const decision = CATEGORY_ACTIONS[action](new Policy(actorFor(role)), CATEGORIES[category]);
    expect(outcome(decision)).toBe(expected);
    if (!decision.allowed) expect(decision.status).toBe(STATUS_OF[decision.code]);
  });
});

describe('Policy: threads and posts', () => {
  it.each(
    parse(THREAD_TABLE).flatMap(({ key: [action, category, state], cells }) =>
      ROLES.map((role, i) => [action, category, state, role, cells[i]] as const),
    ),
  )('should answer %s in a %s category, %s thread, for %s: %s', (action, category, state, role, expected) => {
    const decision = THREAD_ACTIONS[action](new Policy(actorFor(role)), category, state);
    expect(outcome(decision)).toBe(expected);
    if (!decision.allowed) expect(decision.status).toBe(STATUS_OF[decision.code]);
  });

  it('should cover every action, category and state in the table', () => {
    const rows = parse(THREAD_TABLE).map((r) => r.key.join(' '));
    for (const action of Object.keys(THREAD_ACTIONS))
      for (const category of ['open', 'closed'])
        for (const state of Object.keys(STATES)) expect(rows).toContain(`${action} ${category} ${state}`);
    expect(parse(THREAD_TABLE).every((r) => r.cells.length === ROLES.length)).toBe(true);
  });

  it('should tell a muted user until when, in the refusal', () => {
    const decision = new Policy(actorFor('muted')).canReply(facts('open', 'normal', false).thread, {
      anonymous: false,
    });
    expect(decision).toMatchObject({ allowed: false, status: 403, code: 'muted', until: MUTED_UNTIL.toISOString() });
  });

  it('should never count a guest as the author, whatever the facts say', () => {
    const guest = new Policy(GUEST);
    expect(guest.canSeeThread(facts('open', 'pending', true).thread).allowed).toBe(false);
    expect(guest.canReadPostBody({ ...facts('open', 'normal', true).post, status: 'hidden' })).toBe(false);
  });
});

const postIn = (status: ContentStatus, mine: boolean): PostFacts => ({ ...facts('open', 'normal', mine).post, status });

describe('Policy: post text and rejection reasons', () => {
  // state of the post → [text shown to someone else, to its author, to a moderator]
  it.each([
    ['published', true, true, true],
    ['pending', false, true, true],
    ['rejected', false, true, true],
    ['hidden', false, true, true],
    ['deleted', false, false, false],
  ] as const)(
    'should show the text of a %s post: others %s, author %s, moderator %s',
    (status, others, author, moderator) => {
      const post = (mine: boolean) => postIn(status, mine);
      expect(new Policy(actorFor('member')).canReadPostBody(post(false))).toBe(others);
      expect(new Policy(actorFor('member')).canReadPostBody(post(true))).toBe(author);
      expect(new Policy(actorFor('moderator')).canReadPostBody(post(false))).toBe(moderator);
    },
  );

  it('should tell a rejection reason to the author and moderators only', () => {
    expect(new Policy(actorFor('member')).canSeeRejectionReason(postIn('rejected', true))).toBe(true);
    expect(new Policy(actorFor('member')).canSeeRejectionReason(postIn('rejected', false))).toBe(false);
    expect(new Policy(actorFor('host')).canSeeRejectionReason(postIn('rejected', false))).toBe(false);
    expect(new Policy(actorFor('moderator')).canSeeRejectionReason(postIn('rejected', false))).toBe(true);
  });
});

describe('Policy: panel, staff and role actions', () => {
  // role → [readable visibilities, review tier, apply to panel, mod tools, admin tools, sanction a member, sanction a moderator]
  const ROLE_TABLE = `
guest     | open         guest    unauthenticated unauthenticated unauthenticated unauthenticated unauthenticated
member    | open         member   ok              forbidden       forbidden       forbidden       forbidden
muted     | open         member   muted           forbidden       forbidden       forbidden       forbidden
panel     | open,closed  vetted   already_panel   forbidden       forbidden       forbidden       forbidden
host      | open,closed  vetted   already_panel   forbidden       forbidden       forbidden       forbidden
moderator | open,closed  reviewer already_panel   ok              forbidden       ok              forbidden
admin     | open,closed  reviewer already_panel   ok              ok              ok              ok
`;

  it.each(parse(ROLE_TABLE).map(({ key: [role], cells }) => [role as RoleName, cells] as const))(
    'should answer the panel and staff questions for %s',
    (role, cells) => {
      const p = new Policy(actorFor(role));
      expect(p.readableVisibilities().join(',')).toBe(cells[0]);
      expect(p.reviewTier()).toBe(cells[1]);
      const answers = [
        p.canApplyToPanel(),
        p.can('mod.sanction'),
        p.can('admin.settings'),
        p.canSanctionUser('member'),
        p.canSanctionUser('moderator'),
      ];
      expect(answers.map(outcome)).toEqual(cells.slice(2));
      for (const d of answers) if (!d.allowed) expect(d.status).toBe(STATUS_OF[d.code]);
    },
  );

  it('should let no one sanction an administrator', () => {
    expect(new Policy(actorFor('admin')).canSanctionUser('admin').allowed).toBe(false);
  });

  it('should let every staff tool need its role and no less', () => {
    expect(new Policy(actorFor('host')).can('mod.queue').allowed).toBe(false);
    expect(new Policy(actorFor('moderator')).can('mod.threads').allowed).toBe(true);
    expect(new Policy(actorFor('moderator')).can('admin.reveal').allowed).toBe(false);
    expect(new Policy(actorFor('admin')).can('admin.reveal').allowed).toBe(true);
    expect(new Policy(actorFor('host')).can('cafe.host').allowed).toBe(true);
    expect(new Policy(actorFor('panel')).can('cafe.host').allowed).toBe(false);
  });
});

describe('Policy: flags', () => {
  // role → [crisis on someone else's post, harassment on someone else's, harassment on own, on a held post]
  const FLAG_TABLE = `
guest     | ok  unauthenticated  unauthenticated  not_found
member    | ok  ok               own_post         not_found
muted     | ok  muted            own_post         not_found
panel     | ok  ok               own_post         not_found
moderator | ok  ok               own_post         not_published
`;

  it.each(parse(FLAG_TABLE).map(({ key: [role], cells }) => [role as RoleName, cells] as const))(
    'should answer flag questions for %s',
    (role, cells) => {
      const p = new Policy(actorFor(role));
      const answers = [
        p.canFlagPost(postIn('published', false), 'crisis'),
        p.canFlagPost(postIn('published', false), 'harassment'),
        p.canFlagPost(postIn('published', true), 'harassment'),
        p.canFlagPost(postIn('pending', false), 'spam'),
      ];
      expect(answers.map(outcome)).toEqual(cells);
      for (const d of answers) if (!d.allowed) expect(d.status).toBe(STATUS_OF[d.code] ?? 409);
    },
  );
});

/** The allowed actions of a cell: `-` for none; `flag:all` or `flag:crisis` for the flag reasons offered. */
function actionsCell(p: Policy, post: PostFacts): string {
  const a = p.postActions(post, WINDOW);
  const flag =
    a.flagReasons.length === 0
      ? null
      : a.flagReasons.length === 1 && a.flagReasons[0] === 'crisis'
        ? 'flag:crisis'
        : `flag:${a.flagReasons.length === 6 ? 'all' : a.flagReasons.join('+')}`;
  const allowed = [
    a.edit && 'edit',
    a.delete && 'delete',
    flag,
    a.hide && 'hide',
    a.restore && 'restore',
    a.sanction && 'sanction',
  ].filter(Boolean);
  return allowed.length ? allowed.join(',') : '-';
}

describe('Policy: what a post and a thread say the caller may do', () => {
  const SITUATIONS: Record<string, { post: PostFacts }> = {
    others: { post: facts('open', 'normal', false).post },
    own: { post: facts('open', 'normal', true).post },
    ownLate: { post: facts('open', 'normal', true, 61).post },
    ownLocked: { post: facts('open', 'locked', true).post },
    othersHidden: { post: postIn('hidden', false) },
    othersPending: { post: postIn('pending', false) },
    othersDeleted: { post: postIn('deleted', false) },
    othersClosed: { post: facts('closed', 'normal', false).post },
  };

  // situation     guest        member       muted        panel        host         moderator                               admin
  const ACTIONS_TABLE = `
others        | flag:crisis  flag:all     flag:crisis  flag:all     flag:all     edit,delete,flag:all,hide,sanction      edit,delete,flag:all,hide,sanction
own           | flag:crisis  edit,delete  delete       edit,delete  edit,delete  edit,delete,hide                        edit,delete,hide
ownLate       | flag:crisis  delete       delete       delete       delete       edit,delete,hide                        edit,delete,hide
ownLocked     | flag:crisis  delete       delete       delete       delete       edit,delete,hide                        edit,delete,hide
othersHidden  | -            -            -            -            -            edit,delete,restore,sanction            edit,delete,restore,sanction
othersPending | -            -            -            -            -            edit,delete,sanction                    edit,delete,sanction
othersDeleted | -            -            -            -            -            sanction                                sanction
othersClosed  | -            -            -            flag:all     flag:all     edit,delete,flag:all,hide,sanction      edit,delete,flag:all,hide,sanction
`;

  it.each(
    parse(ACTIONS_TABLE).flatMap(({ key: [situation], cells }) =>
      ROLES.map((role, i) => [situation, role, cells[i]] as const),
    ),
  )('should offer on a post (%s) to %s: %s', (situation, role, expected) => {
    expect(actionsCell(new Policy(actorFor(role)), SITUATIONS[situation].post)).toBe(expected);
  });

  it('should offer only what the one-question methods allow', () => {
    // The summary may never be more generous than the questions the endpoints ask.
    for (const role of ROLES)
      for (const { post } of Object.values(SITUATIONS)) {
        const p = new Policy(actorFor(role));
        const a = p.postActions(post, WINDOW);
        if (a.edit) expect(p.canEditPost(post, WINDOW).allowed).toBe(true);
        if (a.delete) expect(p.canDeletePost(post).allowed).toBe(true);
        for (const reason of a.flagReasons) expect(p.canFlagPost(post, reason).allowed).toBe(true);
        if (a.hide) expect(p.canHidePost(post).allowed).toBe(true);
        if (a.restore) expect(p.canRestorePost(post).allowed).toBe(true);
      }
  });

  // role → [reply, reply anonymously, moderate] in an open thread; then reply anonymously where anonymity is off
  const THREAD_ACTIONS_TABLE = `
guest     | ok        ok        unauthenticated unauthenticated
member    | ok        ok        forbidden  anonymous_not_allowed
muted     | muted     muted     forbidden  muted
panel     | ok        ok        forbidden  anonymous_not_allowed
host      | ok        ok        forbidden  anonymous_not_allowed
moderator | ok        ok        ok         anonymous_not_allowed
admin     | ok        ok        ok         anonymous_not_allowed
`;

  it.each(parse(THREAD_ACTIONS_TABLE).map(({ key: [role], cells }) => [role as RoleName, cells] as const))(
    'should say what %s may do in a thread',
    (role, cells) => {
      const p = new Policy(actorFor(role));
      const open = facts('open', 'normal', false).thread;
      const strict = facts('strict', 'normal', false).thread;
      expect(
        [
          p.canReply(open, { anonymous: false }),
          p.canReply(open, { anonymous: true }),
          p.canModerateThread(),
          p.canReply(strict, { anonymous: true }),
        ].map(outcome),
      ).toEqual(cells);
      expect(p.threadActions(open)).toEqual({
        reply: cells[0] === 'ok',
        // A guest may reply where guests may, but never "anonymously": that needs an account.
        replyAnonymously: cells[1] === 'ok' && role !== 'guest',
        moderate: cells[2] === 'ok',
      });
      expect(p.threadActions(strict).replyAnonymously).toBe(false);
    },
  );
});
