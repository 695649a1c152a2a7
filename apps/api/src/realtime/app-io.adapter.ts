import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Observable } from 'rxjs';
import type { Namespace, Server, ServerOptions, Socket } from 'socket.io';
import { clientIp } from '../common/client-ip.js';
import { isForeignOrigin } from '../common/request-guards.middleware.js';
import type { AppConfig } from '../config/app-config.js';
import type { RedisConnection } from '../common/redis.provider.js';
import type { RealtimeService } from './realtime.service.js';

/**
 * Open connections one address may hold in one process, at RATE_LIMIT_SCALE=1: enough for a ward's
 * or a library's shared network, not for one client opening a thousand.
 */
export const CONNECTIONS_PER_ADDRESS = 50;

/** How long a dropped client's missed events are kept for it (connection state recovery). */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

type AdapterConstructor = new (namespace: Namespace) => Namespace['adapter'];

/**
 * The namespace adapter (in memory or the Redis streams one) with its session restore asking
 * `mayRestore` first: Socket.IO replays a parked socket's missed events and puts it back in its
 * rooms as it restores it, before any middleware or connection handler runs, so whether the
 * socket may still have them is decided here, from what it was let in with (decision 0038).
 */
function restoreGuarded(
  base: AdapterConstructor,
  mayRestore: (namespace: string, data: unknown) => Promise<boolean>,
): AdapterConstructor {
  return function (namespace: Namespace) {
    const adapter = new base(namespace);
    const restore = adapter.restoreSession.bind(adapter);
    // Typed as always finding one; the adapters answer null (or reject) when they find none.
    const none = null as unknown as Awaited<ReturnType<typeof restore>>;
    adapter.restoreSession = async (pid, offset) => {
      const session = await restore(pid, offset);
      if (!session) return none;
      return (await mayRestore(namespace.name, session.data)) ? session : none;
    };
    return adapter;
  } as unknown as AdapterConstructor;
}

/**
 * Nest builds one Socket.IO server per port from the first gateway it finds, so every server
 * option lives here, not in gateway decorators: connection state recovery, the Redis streams
 * adapter for several processes, the origin check, a bounded frame size and the login session.
 */
export class AppIoAdapter extends IoAdapter {
  private readonly openByAddress = new Map<string, number>();

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisConnection,
    private readonly handshakeMiddleware: RequestHandler[],
    private readonly realtime: RealtimeService,
  ) {
    super(app);
  }

  private addressOf(req: IncomingMessage): string {
    return clientIp(req, this.config.production);
  }

  private connectionCap(): number {
    const scale = this.config.rateLimitScale;
    return scale > 0 ? Math.round(CONNECTIONS_PER_ADDRESS * scale) : Number.POSITIVE_INFINITY;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const serverOptions: Partial<ServerOptions> = {
      ...options,
      cors: undefined,
      serveClient: false,
      maxHttpBufferSize: 32 * 1024,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      // A recovered socket goes through the middlewares again: its session and role are read afresh.
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
      allowRequest: (req, callback) => {
        const foreign = isForeignOrigin(this.config.publicUrl, {
          headers: req.headers,
          secure: Boolean((req.socket as { encrypted?: boolean }).encrypted),
        });
        if (foreign) return callback('Requests from another site are not accepted.', false);
        // A new connection (no engine session id yet) from an address that holds too many is refused.
        const opening = !/[?&]sid=/.test(req.url ?? '');
        if (opening && (this.openByAddress.get(this.addressOf(req)) ?? 0) >= this.connectionCap())
          return callback('Too many connections from your address. Close some and try again.', false);
        callback(null, true);
      },
    };
    if (this.redis.client) {
      const prefix = this.config.redisPrefix;
      const adapterOptions = {
        maxLen: 10_000,
        streamName: `${prefix}:socket.io`,
        channelPrefix: `${prefix}:socket.io`,
        sessionKeyPrefix: `${prefix}:sio:session:`,
      };
      serverOptions.adapter = createAdapter(this.redis.client, adapterOptions) as unknown as ServerOptions['adapter'];
    }
    const server: Server = super.createIOServer(port, serverOptions as ServerOptions);
    // Set before the gateways create their namespaces, so each gets the guarded adapter.
    server.adapter(
      restoreGuarded(server.adapter() as unknown as AdapterConstructor, (namespace, data) =>
        this.realtime.mayRecover(namespace, data),
      ) as unknown as ServerOptions['adapter'],
    );
    server.engine.on(
      'connection',
      (connection: { request: IncomingMessage; once(e: 'close', f: () => void): void }) => {
        const address = this.addressOf(connection.request);
        this.openByAddress.set(address, (this.openByAddress.get(address) ?? 0) + 1);
        connection.once('close', () => {
          const left = (this.openByAddress.get(address) ?? 1) - 1;
          if (left > 0) this.openByAddress.set(address, left);
          else this.openByAddress.delete(address);
        });
      },
    );
    // Every namespace's sockets carry their user's id and login session, so the end of a session,
    // a password change, a role change or a ban can find and end them (RealtimeService.endSockets).
    server.on('new_namespace', (namespace) => {
      namespace.use((socket, next) => {
        const request = socket.request as { user?: { id: string; role: string }; sessionID?: string };
        socket.data.userId = request.user?.id ?? null;
        socket.data.sessionId = request.user ? (request.sessionID ?? null) : null;
        socket.data.role = request.user?.role ?? null;
        next();
      });
    });
    // The login session is read for the handshake request only (the Socket.IO docs' pattern).
    for (const middleware of this.handshakeMiddleware) {
      server.engine.use(
        (req: IncomingMessage & { _query?: { sid?: string } }, res: ServerResponse, next: (err?: unknown) => void) => {
          if (req._query?.sid === undefined)
            (middleware as unknown as (a: unknown, b: unknown, c: unknown) => void)(req, res, next);
          else next();
        },
      );
    }
    return server;
  }

  /**
   * Nest's own version subscribes an RxJS pipeline per event per socket: about 20 KiB of closures
   * for every café client, kept while it is connected (docs/decisions/0010). A plain listener per
   * event does the same: the handler's result is the acknowledgement, a failure is logged.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        let result$: Observable<unknown>;
        try {
          result$ = transform(callback(data, ack));
        } catch (err) {
          this.logger.error(err);
          return;
        }
        result$.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const { event, data: eventData } = response as { event?: string; data?: unknown };
            if (event) socket.emit(event, eventData);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (err: unknown) => this.logger.error(err),
        });
      });
    }
  }
}
