import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { RealtimeService, userRoom } from '../realtime/realtime.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { handshakeUser, refuseUnless } from '../identity/socket-auth.js';

/** Socket.IO /me: a logged-in user's own live events (`notification`). Guests are refused at the handshake. */
@WebSocketGateway({ namespace: '/me' })
export class MeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly identity: IdentityService,
    private readonly realtime: RealtimeService,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(refuseUnless(this.identity, (policy) => policy.canReadNotifications()));
    this.realtime.guardRecovery(namespace, async (data) => {
      const { holds, user } = await this.identity.parkedSocketHolds(data);
      return holds && user !== undefined;
    });
    this.realtime.bindNotifications(namespace);
  }

  handleConnection(socket: Socket): void {
    const user = handshakeUser(socket);
    const own = user ? userRoom(user.id) : null;
    // A recovered socket is in the rooms it had; only the current user's stays.
    for (const room of socket.rooms) if (room.startsWith('user:') && room !== own) void socket.leave(room);
    if (own) void socket.join(own);
  }
}
