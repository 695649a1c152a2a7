import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { RealtimeService } from '../realtime/realtime.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { refuseUnless } from '../identity/socket-auth.js';
import { QueueFeed } from './queue-feed.service.js';

/**
 * Socket.IO /mod: moderators only, checked at the handshake from the login session; others get a
 * connect_error with the refusal's message and code, also when a dropped socket comes back.
 * Emits `queue:changed` {pending, crisisPending}.
 */
@WebSocketGateway({ namespace: '/mod' })
export class ModGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly identity: IdentityService,
    private readonly realtime: RealtimeService,
    private readonly feed: QueueFeed,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(refuseUnless(this.identity, (policy) => policy.canWatchQueue()));
    // A dropped moderator's socket comes back with the counts it missed only while still one.
    this.realtime.guardRecovery(namespace, async (data) => {
      const { holds, user } = await this.identity.parkedSocketHolds(data);
      return holds && user !== undefined && (await this.identity.policyFor(user)).canWatchQueue().allowed;
    });
    this.realtime.bindModeration(namespace);
  }

  /** The counts as they are now, so a moderator's screen starts right. */
  async handleConnection(socket: Socket): Promise<void> {
    socket.emit('queue:changed', await this.feed.counts());
  }
}
