// socket.io-client is loaded only by the pages that go live (café, moderation, notifications), so
// the first page stays light and shows its content before any socket connects.
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

export type { Socket };

export async function connect(
  namespace: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<Socket> {
  const { io } = await import('socket.io-client');
  return io(namespace, { withCredentials: true, reconnectionDelayMax: 10_000, ...options });
}

/** Emits with an acknowledgement and a timeout, as a promise. */
export function emitAck<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: T) => {
      if (err) reject(err);
      else resolve(ack);
    });
  });
}
