import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Policy } from '#libs/policy';
import { ActorService } from '../auth/actor.service.js';
import type { SessionUser } from '../auth/session-user.js';

/** What the handshake left on a socket's request: the login session's user, if any. */
export interface HandshakeRequest {
  user?: SessionUser;
  sessionID?: string;
}

/**
 * Who is behind a socket, asked afresh for every event: the handshake read the login session
 * once, but a logout, a ban (which ends sessions) or a role change must apply to an open socket
 * too, as it does to the next HTTP request. The policy is then built exactly as for HTTP.
 */
@Injectable()
export class SocketIdentityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly actors: ActorService,
  ) {}

  async userOf(request: HandshakeRequest | undefined): Promise<SessionUser | undefined> {
    if (!request?.user || !request.sessionID) return undefined;
    const rows: SessionUser[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.sid = $1 AND s.expires_at > now()`,
      [request.sessionID],
    );
    return rows[0];
  }

  async policyFor(user: SessionUser | undefined): Promise<Policy> {
    return new Policy(await this.actors.actorFor(user));
  }
}
