import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { isForeignOrigin } from '../common/request-guards.middleware.js';
import type { AppConfig } from '../config/app-config.js';
import type { RedisConnection } from '../common/redis.provider.js';

/** How long a dropped client's missed events are kept for it (connection state recovery). */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

/**
 * Nest builds one Socket.IO server per port from the first gateway it finds, so every server
 * option lives here, not in gateway decorators: connection state recovery, the Redis streams
 * adapter for several processes, the origin check, a bounded frame size and the login session.
 */
export class AppIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisConnection,
    private readonly handshakeMiddleware: RequestHandler[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const serverOptions: Partial<ServerOptions> = {
      ...options,
      cors: undefined,
      serveClient: false,
      maxHttpBufferSize: 32 * 1024,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true },
      allowRequest: (req, callback) => {
        const foreign = isForeignOrigin(this.config.publicUrl, {
          headers: req.headers,
          secure: Boolean((req.socket as { encrypted?: boolean }).encrypted),
        });
        callback(foreign ? 'Requests from another site are not accepted.' : null, !foreign);
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
    // Every namespace's sockets carry their user's id and login session, so the end of a session,
    // a password change, a role change or a ban can find and end them (RealtimeService.endSockets).
    server.on('new_namespace', (namespace) => {
      namespace.use((socket, next) => {
        const request = socket.request as { user?: { id: string }; sessionID?: string };
        socket.data.userId = request.user?.id ?? null;
        socket.data.sessionId = request.user ? (request.sessionID ?? null) : null;
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
