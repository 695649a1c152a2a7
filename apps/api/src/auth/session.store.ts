import { Store, type SessionData } from 'express-session';
import type { SessionIdentities } from '../identity/session-identities.service.js';
import type { SessionsRepository } from '../identity/sessions.repository.js';

type Callback<T = void> = (err?: unknown, value?: T) => void;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function userIdOf(session: SessionData): string | null {
  const passport = (session as SessionData & { passport?: { user?: { id?: string } } }).passport;
  return passport?.user?.id ?? null;
}

/**
 * express-session's store in the `sessions` table, through the app's own TypeORM pool: PGlite
 * serves one connection, so a store with a pool of its own would deadlock there
 * (docs/decisions/0003-sessions-in-postgres.md).
 */
export class TypeormSessionStore extends Store {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly identities: SessionIdentities,
  ) {
    super();
  }

  private expiry(session: SessionData): Date {
    const expires = session.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + DAY_MS);
  }

  /** Reads who the session belongs to with it, for Passport's user loader in the same request. */
  override get(sid: string, cb: Callback<SessionData | null>): void {
    this.sessions.withIdentity<SessionData>(sid).then((found) => {
      if (found?.user) this.identities.put(sid, found);
      cb(undefined, found?.data ?? null);
    }, cb);
  }

  override set(sid: string, session: SessionData, cb: Callback = () => undefined): void {
    this.sessions.save(sid, userIdOf(session), JSON.stringify(session), this.expiry(session)).then(() => cb(), cb);
  }

  /** When this process last moved each session's expiry on (bounded: cleared when it grows large). */
  private readonly touchedAt = new Map<string, number>();

  /**
   * express-session touches on every request to slide the expiry. Writing the row each time would
   * make every read by a logged-in user a committed write; moving the expiry on only once an hour
   * keeps reads reads, at the cost of a session lasting up to an hour less.
   */
  override touch(sid: string, session: SessionData, cb: Callback = () => undefined): void {
    const now = Date.now();
    if (now - (this.touchedAt.get(sid) ?? 0) < HOUR_MS) return cb();
    if (this.touchedAt.size >= 10_000) this.touchedAt.clear();
    this.touchedAt.set(sid, now);
    this.sessions.touch(sid, this.expiry(session)).then(() => cb(), cb);
  }

  override destroy(sid: string, cb: Callback = () => undefined): void {
    this.touchedAt.delete(sid);
    this.sessions.destroy(sid).then(() => cb(), cb);
  }
}
