import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { CafeAck } from '#libs/contracts';
import { RealtimeService } from '../realtime/realtime.service.js';
import { CafeError, toCafeError } from './cafe-error.js';
import { CafeService } from './cafe.service.js';
import { CafeBroadcaster, type CafeNamespace, type CafeSocket } from './cafe.broadcaster.js';

const EVENTS = new Set(['join', 'message', 'typing', 'leave', 'report', 'moderate']);

/**
 * Socket.IO namespace /cafe. Thin: each event goes to CafeService and comes back as an
 * acknowledgement, `{ok: true, ...}` or `{ok: false, error: {code, message}}`. Nothing a client
 * sends can throw past here. Server options (recovery, adapter, origin check, frame size) are in
 * realtime/app-io.adapter.ts.
 */
@WebSocketGateway({ namespace: '/cafe' })
export class CafeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('CafeGateway');

  constructor(
    private readonly cafe: CafeService,
    private readonly broadcaster: CafeBroadcaster,
    private readonly realtime: RealtimeService,
  ) {}

  afterInit(ns: CafeNamespace): void {
    this.broadcaster.attach(ns);
    this.realtime.guardRecovery(ns, (data) => this.cafe.mayRecover(data));
  }

  async handleConnection(socket: CafeSocket): Promise<void> {
    // An event nobody handles still gets an answer when the client waits for one.
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (!EVENTS.has(event) && typeof ack === 'function')
        ack(this.refusal(new CafeError('invalid', 'Unknown event.')));
    });
    await this.run(() => this.cafe.connected(socket));
  }

  async handleDisconnect(socket: CafeSocket, reason: string): Promise<void> {
    await this.run(() => this.cafe.disconnected(socket, reason));
  }

  @SubscribeMessage('join')
  join(@ConnectedSocket() socket: CafeSocket, @MessageBody() payload: unknown): Promise<CafeAck> {
    return this.answer(() => this.cafe.join(socket, payload));
  }

  @SubscribeMessage('message')
  message(@ConnectedSocket() socket: CafeSocket, @MessageBody() payload: unknown): Promise<CafeAck> {
    return this.answer(() => this.cafe.message(socket, payload));
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: CafeSocket, @MessageBody() payload: unknown): Promise<CafeAck> {
    return this.answer(() => this.cafe.typing(socket, payload));
  }

  @SubscribeMessage('leave')
  leave(@ConnectedSocket() socket: CafeSocket, @MessageBody() payload: unknown): Promise<CafeAck> {
    return this.answer(() => this.cafe.leave(socket, payload));
  }

  @SubscribeMessage('report')
  report(@ConnectedSocket() socket: CafeSocket, @MessageBody() payload: unknown): Promise<CafeAck> {
    return this.answer(() => this.cafe.report(socket, payload));
  }

  @SubscribeMessage('moderate')
  moderate(@ConnectedSocket() socket: CafeSocket, @MessageBody() payload: unknown): Promise<CafeAck> {
    return this.answer(() => this.cafe.moderate(socket, payload));
  }

  private async answer(work: () => Promise<object>): Promise<CafeAck> {
    try {
      return { ok: true, ...(await work()) };
    } catch (e) {
      return this.refusal(e);
    }
  }

  private refusal(error: unknown): CafeAck {
    const known = toCafeError(error);
    if (known) return { ok: false, error: known.toBody() };
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong on our side. Try again in a moment.' },
    };
  }

  private async run(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn(`connection bookkeeping failed: ${(e as Error).message}`);
    }
  }
}
