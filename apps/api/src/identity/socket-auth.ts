import type { Decision, Policy } from '#libs/policy';
import type { Socket } from 'socket.io';
import type { SessionUser } from '../auth/session-user.js';
import type { HandshakeRequest, IdentityService } from './identity.service.js';

/** The login session's user, as the handshake read it (see realtime/app-io.adapter.ts). */
export function handshakeUser(socket: Socket): SessionUser | undefined {
  return (socket.request as HandshakeRequest).user;
}

/** Who is behind the socket now, and their policy: asked for every event, as for every HTTP request. */
export async function socketIdentity(
  identity: IdentityService,
  socket: Socket,
): Promise<{ user: SessionUser | undefined; policy: Policy }> {
  const user = await identity.userOfSocket(socket.request as HandshakeRequest);
  return { user, policy: await identity.policyFor(user) };
}

/**
 * A namespace's handshake check: the policy is built from the session exactly as for HTTP and
 * asked `question`; a refusal ends the handshake with its message and `{code}` in `data`.
 */
export function refuseUnless(identity: IdentityService, question: (policy: Policy) => Decision) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    socketIdentity(identity, socket)
      .then(({ policy }) => {
        const decision = question(policy);
        if (decision.allowed) return next();
        next(Object.assign(new Error(decision.message), { data: { code: decision.code, status: decision.status } }));
      })
      .catch(() =>
        next(Object.assign(new Error('Could not check who you are. Try again.'), { data: { code: 'unavailable' } })),
      );
  };
}
