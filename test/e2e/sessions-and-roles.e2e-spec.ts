import { asAdmin, login, newUser } from '../support/factories.js';
import { connected, connectSocket, joinRoom, openRoom, silence, sleep, type ClientSocket } from '../support/sockets.js';
import { disconnected } from '../support/mod-sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 12.11: what a socket receives was decided by the session and the role it was let in with.
 * When the session ends, the password changes or the role changes, the socket ends too (the web
 * connects again as whoever it is now); sockets of the user's other sessions are left alone.
 */
describe('sockets end with the session and the role that let them in', () => {
  let app: TestApp;
  let admin: TestClient;
  const open: ClientSocket[] = [];
  const endedBy = new WeakMap<ClientSocket, string>();

  /** Why the socket ended (the server's 'io server disconnect'), waiting up to five seconds. */
  async function ended(socket: ClientSocket): Promise<string | undefined> {
    await disconnected(socket);
    return endedBy.get(socket);
  }

  function track(socket: ClientSocket): ClientSocket {
    open.push(socket);
    socket.once('disconnect', (reason) => endedBy.set(socket, reason));
    return socket;
  }

  async function socketOf(client: TestClient, namespace: string): Promise<ClientSocket> {
    const socket = track(connectSocket(app, namespace, { as: client }));
    await connected(socket);
    return socket;
  }

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => app.stop());

  it("should end a logged-out session's sockets, and only that session's", async () => {
    const phone = await newUser(app);
    const laptop = await login(app.client(), phone.user!.username, phone.password!);
    const onPhone = await socketOf(phone, '/me');
    const onLaptop = await socketOf(laptop, '/me');
    expect((await phone.post('/api/auth/logout')).status).toBe(204);
    expect(await ended(onPhone)).toBe('io server disconnect');
    expect(await silence(onLaptop, 'disconnect', 300)).toBe(true);
    expect(onLaptop.connected).toBe(true);
  });

  it("should end the other sessions' sockets when the password changes", async () => {
    const phone = await newUser(app);
    const laptop = await login(app.client(), phone.user!.username, phone.password!);
    const onPhone = await socketOf(phone, '/me');
    const onLaptop = await socketOf(laptop, '/me');
    const res = await phone.post('/api/me/password', {
      currentPassword: phone.password!,
      newPassword: 'helt-nytt-passord-9',
    });
    expect(res.status).toBe(204);
    expect(await ended(onLaptop)).toBe('io server disconnect');
    expect(onPhone.connected).toBe(true);
  });

  it("should end a demoted moderator's /mod socket, and refuse it when it comes back", async () => {
    const moderator = await newUser(app, 'moderator');
    const live = await socketOf(moderator, '/mod');
    expect((await admin.patch(`/api/admin/users/${moderator.user!.id}`, { role: 'member' })).status).toBe(200);
    expect(await ended(live)).toBe('io server disconnect');
    const again = connectSocket(app, '/mod', { as: moderator });
    open.push(again);
    await expect(connected(again)).rejects.toBeDefined();
  });

  it("should take a demoted panel member out of the panel's café room", async () => {
    const panel = await newUser(app, 'panel');
    const room = await openRoom(admin, { audience: 'panel' });
    const { socket } = await joinRoom(app, room, { as: panel });
    track(socket);
    expect((await admin.patch(`/api/admin/users/${panel.user!.id}`, { role: 'member' })).status).toBe(200);
    expect(await ended(socket)).toBe('io server disconnect');
    await sleep(50);
    const back = connectSocket(app, '/cafe', { as: panel });
    open.push(back);
    await connected(back);
    const ack = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      back.emit('join', { room, acceptRules: true }, resolve),
    );
    expect(ack.ok).toBe(false);
  });

  it('should leave sockets alone when the role is set to what it already is', async () => {
    const panel = await newUser(app, 'panel');
    const live = await socketOf(panel, '/me');
    expect((await admin.patch(`/api/admin/users/${panel.user!.id}`, { role: 'panel' })).status).toBe(200);
    expect(await silence(live, 'disconnect', 300)).toBe(true);
  });
});
