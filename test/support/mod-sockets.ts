import { io, type Socket } from 'socket.io-client';
import type { TestApp, TestClient } from './test-app.js';

/** A Socket.IO client on a namespace, logged in as `client` (or a guest), connected or refused. */
export async function connect(app: TestApp, namespace: string, client?: TestClient): Promise<Socket> {
  const socket = io(`${app.url}${namespace}`, {
    forceNew: true,
    reconnection: false,
    // Polling first, so a refused handshake reaches the client with its message and data.
    transports: ['polling', 'websocket'],
    extraHeaders: client ? { cookie: client.cookieHeader() } : {},
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
  return socket;
}

/** The refusal of a handshake: its message and data, or a failed test when it connects. */
export async function refused(
  app: TestApp,
  namespace: string,
  client?: TestClient,
): Promise<{ message: string; data?: { code?: string } }> {
  try {
    const socket = await connect(app, namespace, client);
    socket.close();
  } catch (e) {
    return e as { message: string; data?: { code?: string } };
  }
  throw new Error(`${namespace} accepted the handshake`);
}

/** The next `event` on the socket (optionally the first that satisfies `match`), or a timeout. */
export function nextEvent<T = unknown>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Resolves when the server ends the socket. */
export function disconnected(socket: Socket, timeoutMs = 5_000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not disconnected within ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
