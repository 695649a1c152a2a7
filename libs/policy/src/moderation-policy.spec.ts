import { GUEST, type Actor } from './actor.js';
import type { Decision } from './decision.js';
import type { ContentStatus, PostFacts } from './forum-facts.js';
import type { QueueItemFacts } from './moderation-facts.js';
import { Policy } from './policy.js';

const outcome = (d: Decision) => (d.allowed ? 'ok' : `${d.status} ${d.code}`);
const actors: Record<string, Actor> = {
  guest: GUEST,
  member: { kind: 'user', id: 'u-member', role: 'member' },
  muted: { kind: 'user', id: 'u-muted', role: 'member', muted: true, mutedUntil: new Date('2030-01-01T00:00:00Z') },
  host: { kind: 'user', id: 'u-host', role: 'host' },
  moderator: { kind: 'user', id: 'u-mod', role: 'moderator' },
};
const post = (status: ContentStatus, mine = false): PostFacts => ({
  thread: {
    category: { visibility: 'open', allowAnonymous: true, allowGuests: true },
    status: 'published',
    locked: false,
    mine: false,
  },
  status,
  mine,
  createdAt: new Date('2025-01-01T00:00:00Z'),
});

const item = (f: Partial<QueueItemFacts>): QueueItemFacts => ({
  status: 'open',
  claimedBy: null,
  resolvedAt: null,
  ...f,
});

describe('Policy: the moderation queue', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const undo = { now, undoWindowMinutes: 10 };
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it.each([
    ['an open item', item({}), 'ok'],
    ['an item claimed by me', item({ claimedBy: 'u-mod' }), 'ok'],
    ['an item claimed by another moderator', item({ claimedBy: 'u-other' }), '409 claimed'],
    ['an approved item', item({ status: 'approved' }), '409 already_handled'],
    ['a withdrawn item', item({ status: 'withdrawn' }), '409 already_handled'],
  ] as const)('should answer deciding on %s', (_, facts, expected) => {
    expect(outcome(new Policy(actors.moderator).canDecideQueueItem(facts))).toBe(expected);
  });

  it('should keep everyone below moderator out of the queue', () => {
    expect(outcome(new Policy(actors.host).canDecideQueueItem(item({})))).toBe('403 forbidden');
    expect(outcome(new Policy(GUEST).canDecideQueueItem(item({})))).toBe('401 unauthenticated');
    expect(outcome(new Policy(actors.host).canWatchQueue())).toBe('403 forbidden');
    expect(outcome(new Policy(actors.member).canReadNotifications())).toBe('ok');
    expect(outcome(new Policy(GUEST).canReadNotifications())).toBe('401 unauthenticated');
  });

  it.each([
    ['a rejection a minute old', item({ status: 'rejected', resolvedAt: minutesAgo(1) }), 'ok'],
    ['a rejection ten minutes old', item({ status: 'rejected', resolvedAt: minutesAgo(10) }), 'ok'],
    [
      'a rejection eleven minutes old',
      item({ status: 'rejected', resolvedAt: minutesAgo(11) }),
      '409 undo_window_passed',
    ],
    ['an approval', item({ status: 'approved', resolvedAt: minutesAgo(1) }), '409 not_rejected'],
    ['an open item', item({}), '409 not_rejected'],
  ] as const)('should answer undoing %s', (_, facts, expected) => {
    expect(outcome(new Policy(actors.moderator).canUndoRejection(facts, undo))).toBe(expected);
  });

  it('should hide only what is published and restore only what is hidden', () => {
    const p = new Policy(actors.moderator);
    expect(outcome(p.canHidePost(post('published')))).toBe('ok');
    expect(outcome(p.canHidePost(post('hidden')))).toBe('409 not_published');
    expect(outcome(p.canRestorePost(post('hidden')))).toBe('ok');
    expect(outcome(p.canRestorePost(post('published')))).toBe('409 not_hidden');
    expect(outcome(new Policy(actors.host).canHidePost(post('published')))).toBe('403 forbidden');
  });
});
