import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { notFound } from '../common/api-error.js';
import { Transactions } from '../database/transactions.js';
import { sha256 } from '../forum/forum-writer.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { toICalendar } from './events-ics.js';
import { eventFacts } from './events.mappers.js';
import { EventsRepository, type CalendarRow } from './events.repository.js';

const DAY_MS = 86_400_000;
/** What a feed holds: from a month back to a year ahead. */
const window = () => ({ from: new Date(Date.now() - 30 * DAY_MS), to: new Date(Date.now() + 366 * DAY_MS) });
const FEED_LIMIT = 2000;

/** Only the hash of a feed's secret is kept, so a database dump opens no one's feed. */
const feedHash = (token: string) => sha256(`calendar-feed:${token}`);

/** The path of a personal feed; the secret is in it, so the logs write it without (logging.ts). */
export const personalFeedPath = (token: string) => `/api/calendar-feeds/${token}.ics`;

/** Tokens as we hand them out: 32 random bytes, base64url. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The calendar as iCalendar: the public feed (what a guest may see), one file per event, and each
 * member's secret personal feed (what they may see, their registrations marked).
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly repo: EventsRepository,
    private readonly tx: Transactions,
    private readonly identity: IdentityService,
  ) {}

  async publicFeed(linkBase: string | null): Promise<string> {
    // Whoever asks, the public feed is what a guest may see: it is meant to be passed around.
    const guest = await this.identity.policyFor(undefined);
    const rows = await this.rowsFor(guest);
    return toICalendar(rows, { name: 'Erfaringsforum – kalender', linkBase });
  }

  async eventFile(policy: Policy, id: string, linkBase: string | null): Promise<string> {
    const row = (await this.repo.find(id, policy.userId ?? null)) ?? (await this.repo.findCafeSession(id));
    if (!row) throw notFound('No such event.');
    ensure(policy.canSeeEvent(eventFacts(row, policy)));
    return toICalendar([row], { name: row.title, linkBase });
  }

  /** A new secret feed for the member; a second replaces the first (the old address then 404s). */
  async createFeed(policy: Policy, origin: string): Promise<{ url: string }> {
    ensure(policy.can('account.use'));
    const token = randomBytes(32).toString('base64url');
    await this.tx.run((tx) => this.repo.replaceFeed(tx, policy.userId!, feedHash(token)));
    return { url: `${origin}${personalFeedPath(token)}` };
  }

  async revokeFeed(policy: Policy): Promise<void> {
    ensure(policy.can('account.use'));
    await this.tx.run((tx) => this.repo.revokeFeed(tx, policy.userId!));
  }

  /** The owner's feed, as their policy is now (a ban or a new role counts at once). */
  async personalFeed(token: string, linkBase: string | null): Promise<string> {
    const owner = TOKEN.test(token) ? await this.repo.feedOwner(feedHash(token)) : null;
    if (!owner) throw notFound('No such feed.');
    const policy = await this.identity.policyOfUser(owner);
    const rows = await this.rowsFor(policy);
    return toICalendar(rows, {
      name: 'Erfaringsforum – min kalender',
      linkBase,
      note: (r) =>
        r.my_status === 'going'
          ? 'Du er påmeldt.'
          : r.my_status === 'waitlisted'
            ? `Du står på ventelisten (nummer ${r.my_position}).`
            : null,
    });
  }

  private rowsFor(policy: Policy): Promise<CalendarRow[]> {
    return this.repo.list({
      audiences: policy.eventAudiences(),
      userId: policy.userId ?? null,
      ...window(),
      kind: null,
      after: null,
      limit: FEED_LIMIT,
    });
  }
}
