import { Injectable } from '@nestjs/common';
import type { SessionIdentity } from './sessions.repository.js';

const FRESH_MS = 2_000;
const MOST = 10_000;

/**
 * Hands the identity the session store read with the session (one statement) to Passport's
 * user loader in the same request. An entry is taken once and never older than two seconds, so it
 * is never an answer from the past: a ban or a role change applies at the next request as before.
 */
@Injectable()
export class SessionIdentities {
  private readonly bySid = new Map<string, { at: number; identity: SessionIdentity<unknown> }>();

  put(sid: string, identity: SessionIdentity<unknown>): void {
    if (this.bySid.size >= MOST) this.bySid.clear();
    this.bySid.set(sid, { at: Date.now(), identity });
  }

  take(sid: string | undefined): SessionIdentity<unknown> | undefined {
    if (!sid) return undefined;
    const entry = this.bySid.get(sid);
    if (!entry) return undefined;
    this.bySid.delete(sid);
    return Date.now() - entry.at <= FRESH_MS ? entry.identity : undefined;
  }
}
