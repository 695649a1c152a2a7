import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GUEST, Policy, type Actor } from '#libs/policy';
import type { SessionUser } from '../auth/session-user.js';
import { Authorship } from '../authorship/authorship.service.js';
import { RealtimeService, type SocketData } from '../realtime/realtime.service.js';
import { SanctionsRepository, type SanctionInForce } from '../sanctions/sanctions.repository.js';
import { UsersService } from '../users/users.service.js';
import { SessionIdentities } from './session-identities.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { standingFrom, type Standing } from './standing.js';

const HIDDEN_AUTHOR_SOCKETS_WITHIN_MS = 10 * 60_000;

/** What the handshake left on a socket's request: the login session's user, if any. */
export interface HandshakeRequest {
  user?: SessionUser;
  sessionID?: string;
}

/**
 * Who is asking, for HTTP and sockets alike: the session's user (loaded fresh, so a role change,
 * a ban or a deletion applies at once), their standing (the sanctions in force, including those
 * against "the author behind" one of their anonymous posts, matched in memory by the authorship
 * module) and the Policy built from both. The PolicyGuard, Passport's session loader and every
 * gateway ask this service; nothing else builds a Policy.
 */
@Injectable()
export class IdentityService {
  private readonly perRequest = new WeakMap<SessionUser, Promise<Standing>>();

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly identities: SessionIdentities,
    private readonly sanctions: SanctionsRepository,
    private readonly authorship: Authorship,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * The user of an HTTP request's login session (Passport's deserializeUser): false when gone or
   * banned. The session store read the user and their sanctions with the session (`sid`); without
   * that, or for another user, they are read here.
   */
  async sessionUser(userId: string, sid?: string): Promise<SessionUser | false> {
    const read = this.identities.take(sid);
    let user: SessionUser | null;
    if (read?.user?.id === userId) {
      user = read.user;
      this.perRequest.set(user, this.standingFrom(userId, read.sanctions));
    } else user = await this.users.findSessionUser(userId);
    // A banned user is logged out at once, whichever process serves them.
    return user && !(await this.standing(user)).ban ? user : false;
  }

  /**
   * Who is behind a socket, asked afresh for every event: the handshake read the login session
   * once, but a logout, a ban (which ends sessions) or a role change must apply to an open socket
   * too, as it does to the next HTTP request.
   */
  async userOfSocket(request: HandshakeRequest | undefined): Promise<SessionUser | undefined> {
    if (!request?.user || !request.sessionID) return undefined;
    return this.userOfSession(request.user.id, request.sessionID);
  }

  /**
   * Whether a dropped socket may be restored as it was (its rooms, and the events it missed): a
   * guest's may; a user's only while the login session it was let in by is open, still theirs,
   * with the role it had then, and no ban. A logout, a new password, a deletion or a ban end the
   * session; a role change fails the role. `user` is who the socket was, still.
   */
  async parkedSocketHolds(data: SocketData): Promise<{ holds: boolean; user?: SessionUser }> {
    if (!data.userId) return { holds: !data.sessionId };
    if (!data.sessionId) return { holds: false };
    const user = await this.userOfSession(data.userId, data.sessionId);
    return user && user.role === data.role ? { holds: true, user } : { holds: false };
  }

  /** The user of an open login session, read as for HTTP: not when it is another's, or they are banned. */
  private async userOfSession(userId: string, sid: string): Promise<SessionUser | undefined> {
    const user = await this.sessions.userOf(sid);
    if (!user || user.id !== userId) return undefined;
    return (await this.standing(user)).ban ? undefined : user;
  }

  /** Once per request: the session loader and the policy's actor share the answer. */
  standing(user: SessionUser): Promise<Standing> {
    let standing = this.perRequest.get(user);
    if (!standing) {
      standing = this.standingOf(user.id);
      this.perRequest.set(user, standing);
    }
    return standing;
  }

  /**
   * The mutes and bans in force for the user: those naming them, and those keyed to them in a
   * scope — except one given by someone whose role does not reach the user's (a moderator's
   * sanction by an anonymous post that staff wrote). That is decided here, when it would apply,
   * so the sanction is stored and answered as any other and nothing tells that the author is
   * staff (decision 0024).
   */
  async standingOf(userId: string, manager?: EntityManager): Promise<Standing> {
    return this.standingFrom(userId, await this.sanctions.inForceFor(userId, manager), manager);
  }

  private async standingFrom(userId: string, inForce: SanctionInForce[], manager?: EntityManager): Promise<Standing> {
    const rows = inForce.filter(
      (r) =>
        r.user_id === userId ||
        !r.issuer_role ||
        !r.subject_role ||
        new Policy({ kind: 'user', id: '', role: r.issuer_role }).canSanctionUser(r.subject_role).allowed,
    );
    const applying = await this.authorship.heldBy(
      userId,
      rows,
      (r) => ({
        userId: r.user_id,
        hash: r.subject_hash,
        scope: r.scope_id ? { kind: r.scope_kind ?? 'thread', id: r.scope_id } : null,
      }),
      manager,
    );
    return standingFrom(applying);
  }

  /** The policy's actor: the session user with their standing filled in (a guest without a session). */
  async actorFor(user: SessionUser | undefined): Promise<Actor> {
    if (!user) return GUEST;
    const { mute } = await this.standing(user);
    return mute
      ? { kind: 'user', id: user.id, role: user.role, muted: true, mutedUntil: mute.until }
      : { kind: 'user', id: user.id, role: user.role };
  }

  /** The Policy of a user who is not the one asking (whom a notification is for); a guest's when gone or banned. */
  async policyOfUser(userId: string): Promise<Policy> {
    return this.policyFor((await this.sessionUser(userId)) || undefined);
  }

  async policyFor(user: SessionUser | undefined): Promise<Policy> {
    return new Policy(await this.actorFor(user));
  }

  /** Ends every session of the user except, optionally, the one making the request, and their sockets. */
  async endSessions(userId: string, exceptSid?: string): Promise<void> {
    await this.sessions.endAllOf(userId, exceptSid ?? null);
    await this.realtime.endSockets(userId, exceptSid ? { exceptSessionId: exceptSid } : {});
  }

  /**
   * A ban of the hidden author behind anonymous content: the sessions end at once (HTTP is refused,
   * which no one else sees), the sockets within ten minutes at a random moment, so no café room
   * shows their name leaving in time with the ban (decision 0025).
   */
  async endSessionsOfHiddenAuthor(userId: string): Promise<void> {
    await this.sessions.endAllOf(userId, null);
    this.realtime.endSocketsLater(userId, HIDDEN_AUTHOR_SOCKETS_WITHIN_MS);
  }

  /** The one session has ended (a logout): its sockets go with it. */
  sessionEnded(userId: string, sid: string): Promise<void> {
    return this.realtime.endSockets(userId, { sessionId: sid });
  }

  /** The user's role changed: every socket was let in under the old one. */
  roleChanged(userId: string): Promise<void> {
    return this.realtime.endSockets(userId);
  }
}
