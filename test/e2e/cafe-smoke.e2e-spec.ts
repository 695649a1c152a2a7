import { asAdmin } from '../support/factories.js';
import { emitAck, joinRoom, openRoom, waitFor } from '../support/sockets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('café smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('should let two guests talk', async () => {
    const admin = await asAdmin(app);
    const room = await openRoom(admin);
    const a = await joinRoom(app, room);
    const b = await joinRoom(app, room);
    const got = waitFor(a.socket, 'message');
    const sent = await emitAck(b.socket, 'message', { room, body: 'hei' });
    expect(sent.ok).toBe(true);
    expect((await got).body).toBe('hei');
    a.socket.close();
    b.socket.close();
  });
});
