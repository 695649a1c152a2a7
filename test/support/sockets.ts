import { io, type Socket } from 'socket.io-client';
import type { TestApp, TestClient } from './test-app.js';

export type ClientSocket = Socket;

export interface ConnectOptions {
  /** A logged-in client whose session cookie the handshake sends; none: a guest. */
  as?: TestClient;
  origin?: string | null;
  reconnection?: boolean;
  transports?: ('websocket' | 'polling')[];
}

/** Connects to a namespace as a browser on the app's own origin would (websocket only). */
export function connectSocket(
  app: TestApp | { url: string },
  namespace = '/cafe',
  opts: ConnectOptions = {},
): ClientSocket {
  const headers: Record<string, string> = {};
  const origin = opts.origin === undefined ? app.url : opts.origin;
  if (origin) headers.origin = origin;
  const cookie = opts.as?.cookieHeader();
  if (cookie) headers.cookie = cookie;
  return io(app.url + namespace, {
    transports: opts.transports ?? ['websocket'],
    extraHeaders: headers,
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    timeout: 5_000,
  });
}

/** Resolves once connected; rejects with the handshake's error. */
export function connected(socket: ClientSocket, ms = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    const timer = setTimeout(() => reject(new Error('connect timed out')), ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function connect(
  app: TestApp | { url: string },
  opts: ConnectOptions = {},
  namespace = '/cafe',
): Promise<ClientSocket> {
  const socket = connectSocket(app, namespace, opts);
  await connected(socket);
  return socket;
}

// Acknowledgements are loosely typed on purpose: tests look at whatever the server answered.
// oxlint-disable-next-line typescript/no-explicit-any
export type Ack = { ok: boolean; error?: { code: string; message: string; [k: string]: unknown }; [k: string]: any };

/** Emits with an acknowledgement; rejects when none comes within `ms`. */
export function emitAck(socket: ClientSocket, event: string, payload?: unknown, ms = 5_000): Promise<Ack> {
  return new Promise((resolve, reject) => {
    socket
      .timeout(ms)
      .emit(event, payload, (err: Error | null, res: Ack) =>
        err ? reject(new Error(`no ack for ${event} within ${ms} ms`)) : resolve(res),
      );
  });
}

/** The next `event` that satisfies `where`; rejects after `ms`. */
// oxlint-disable-next-line typescript/no-explicit-any
export function waitFor<T = any>(
  socket: ClientSocket,
  event: string,
  where: (payload: T) => boolean = () => true,
  ms = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const handler = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Everything `event` delivers from now on, in order. */
// oxlint-disable-next-line typescript/no-explicit-any
export function collect<T = any>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves true when no `event` arrives within `ms`. */
export function silence(socket: ClientSocket, event: string, ms = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const handler = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      socket.off(event, handler);
      resolve(true);
    }, ms);
    socket.once(event, handler);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds (or fails after `ms`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${ms} ms`);
    await sleep(25);
  }
}

let roomCounter = 0;
export const uniqueSlug = (prefix = 'kafe') =>
  `${prefix}-${process.pid.toString(36)}-${(roomCounter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates a room as the admin and, unless `open: false`, opens it for an hour. */
export async function openRoom(
  admin: TestClient,
  fields: { audience?: 'everyone' | 'members' | 'panel'; slug?: string; name?: string; open?: boolean } = {},
): Promise<string> {
  const slug = fields.slug ?? uniqueSlug();
  const created = await admin.post('/api/cafe/rooms', {
    slug,
    name: fields.name ?? `Kafé ${slug}`,
    description: 'Testrom',
    audience: fields.audience ?? 'everyone',
  });
  if (created.status !== 201) throw new Error(`create room: ${created.status} ${JSON.stringify(created.body)}`);
  if (fields.open !== false) {
    const opened = await admin.post(`/api/cafe/rooms/${slug}/open`, {
      until: new Date(Date.now() + 3600_000).toISOString(),
    });
    if (opened.status !== 200) throw new Error(`open room: ${opened.status} ${JSON.stringify(opened.body)}`);
  }
  return slug;
}

let nickCounter = 0;
export const uniqueNick = (prefix = 'Kaffe') =>
  `${prefix}${(nickCounter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Connects and joins `room`; a guest gets a fresh nickname and accepts the rules. */
export async function joinRoom(
  app: TestApp | { url: string },
  room: string,
  opts: ConnectOptions & { nickname?: string; since?: string } = {},
): Promise<{ socket: ClientSocket; ack: Ack }> {
  const socket = await connect(app, opts);
  const payload: Record<string, unknown> = { room, acceptRules: true };
  if (opts.nickname !== undefined) payload.nickname = opts.nickname;
  else if (!opts.as) payload.nickname = uniqueNick();
  if (opts.since) payload.since = opts.since;
  const ack = await emitAck(socket, 'join', payload);
  if (!ack.ok) {
    socket.close();
    throw new Error(`join ${room}: ${JSON.stringify(ack.error)}`);
  }
  return { socket, ack };
}

/** The sockets a test opens, closed together after it (`afterEach(() => pool.closeAll())`). */
export class SocketPool {
  private readonly open: ClientSocket[] = [];

  track(socket: ClientSocket): ClientSocket {
    this.open.push(socket);
    return socket;
  }

  async connect(app: TestApp | { url: string }, opts: ConnectOptions = {}): Promise<ClientSocket> {
    return this.track(await connect(app, opts));
  }

  async join(
    app: TestApp | { url: string },
    room: string,
    opts: Parameters<typeof joinRoom>[2] = {},
  ): Promise<{ socket: ClientSocket; ack: Ack }> {
    const joined = await joinRoom(app, room, opts);
    this.track(joined.socket);
    return joined;
  }

  closeAll(): void {
    for (const socket of this.open.splice(0)) socket.close();
  }
}
