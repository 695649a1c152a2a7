import type { Decision, Policy } from '#libs/policy';
import type { Socket } from 'socket.io';
import type { SessionUser } from '../auth/session-user.js';
import type { HandshakeRequest, SocketIdentityService } from './socket-identity.service.js';

/** The login session's user, as the handshake read it (see app-io.adapter.ts). */
export function handshakeUser(socket: Socket): SessionUser | undefined {
  return (socket.request as HandshakeRequest).user;
}

/**
 * A namespace's handshake check: the policy is built from the session exactly as for HTTP and
 * asked `question`; a refusal ends the handshake with its message and `{code}` in `data`.
 */
export function refuseUnless(identity: SocketIdentityService, question: (policy: Policy) => Decision) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    identity
      .userOf(socket.request as HandshakeRequest)
      .then((user) => identity.policyFor(user))
      .then((policy) => {
        const decision = question(policy);
        if (decision.allowed) return next();
        next(Object.assign(new Error(decision.message), { data: { code: decision.code, status: decision.status } }));
      })
      .catch(() =>
        next(Object.assign(new Error('Could not check who you are. Try again.'), { data: { code: 'unavailable' } })),
      );
  };
}
