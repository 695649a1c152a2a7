// The baseline for the café figures: a bare Socket.IO server relaying messages in one room, with
// the same events as the app's /cafe namespace (join with an ack, message → broadcast), no
// database, no checks. With REDIS_URL it uses the same Redis streams adapter as the app.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200);
    res.end('ok');
    return;
  }
  res.writeHead(404);
  res.end();
});
const options = {
  maxHttpBufferSize: 32 * 1024,
  connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: true },
};
if (process.env.REDIS_URL) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-streams-adapter');
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  options.adapter = createAdapter(client, { streamName: process.env.STREAM ?? 'bench-baseline' });
}
const io = new Server(http, options);
const ns = io.of('/cafe');
ns.on('connection', (socket) => {
  socket.on('join', (p, ack) => {
    socket.join(p.room);
    socket.data.nickname = p.nickname;
    ack?.({ ok: true, self: { id: socket.id, nickname: p.nickname, isHost: false }, history: [], participants: [] });
  });
  socket.on('message', (p, ack) => {
    const message = {
      id: randomUUID(),
      room: p.room,
      author: { participantId: socket.id, nickname: socket.data.nickname, isHost: false },
      body: p.body,
      createdAt: new Date().toISOString(),
    };
    ns.to(p.room).emit('message', message);
    ack?.({ ok: true, message });
  });
});
http.listen(Number(process.env.PORT), '127.0.0.1');
