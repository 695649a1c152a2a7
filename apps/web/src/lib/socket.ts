// socket.io-client is loaded only by the pages that go live (café, moderation, notifications), so
// the first page stays light and shows its content before any socket connects.
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

export type { Socket };

export async function connect(
  namespace: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<Socket> {
  const { io } = await import('socket.io-client');
  const socket = io(namespace, { withCredentials: true, reconnectionDelayMax: 10_000, ...options });
  // The server ends a socket when the session or the role that let it in ends or changes (a
  // logout elsewhere, a new password, a new role): connect again, as whoever this browser is now.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), 1_000);
  });
  return socket;
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
