// A separate process holding N café clients (socket.io-client over WebSocket), as guests in one
// room, plus one sender at a fixed rate. Prints one JSON line: latencies and delivery.
// Usage: node cafe-clients.mjs '<json options>'
import { io } from 'socket.io-client';

const o = JSON.parse(process.argv[2]);
const { urls, room, clients, rate, seconds } = o;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const latencies = new Float64Array(Math.ceil(rate * seconds) * clients + 1000);
let samples = 0;
const received = new Map();

function connect(url, i) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/cafe`, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
    const timer = setTimeout(() => reject(new Error(`client ${i} did not join in time`)), 60_000);
    socket.on('connect_error', (e) => { clearTimeout(timer); reject(e); });
    socket.on('connect', () => {
      socket.emit('join', { room, nickname: `b${i}-${Math.random().toString(36).slice(2, 6)}`, acceptRules: true }, (ack) => {
        clearTimeout(timer);
        if (!ack?.ok) return reject(new Error(`join ${i}: ${JSON.stringify(ack)}`));
        resolve(socket);
      });
    });
    socket.on('message', (m) => {
      const sent = Number(m.body.split(':')[1]);
      if (!Number.isFinite(sent)) return;
      const seq = m.body.split(':')[0];
      latencies[samples++] = performance.timeOrigin + performance.now() - sent;
      received.set(seq, (received.get(seq) ?? 0) + 1);
    });
  });
}

const sockets = [];
for (let start = 0; start < clients; start += 50) {
  const batch = [];
  for (let i = start; i < Math.min(clients, start + 50); i++) batch.push(connect(urls[i % urls.length], i));
  sockets.push(...(await Promise.all(batch)));
}
process.stdout.write(JSON.stringify({ phase: 'joined', clients: sockets.length }) + '\n');
// Wait for the parent to measure memory, then send.
await new Promise((resolve) => process.stdin.once('data', resolve));
await sleep(1000);

const sender = await connect(urls[0], 'sender');
const total = Math.round(rate * seconds);
let acked = 0;
const t0 = performance.now();
for (let seq = 0; seq < total; seq++) {
  const due = t0 + (seq * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  sender.emit('message', { room, body: `m${seq}:${performance.timeOrigin + performance.now()}` }, (ack) => { if (ack?.ok) acked++; });
}
await sleep(3000);
const sorted = latencies.subarray(0, samples).sort();
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// Every client (the sender included) should receive every acknowledged message exactly once.
const expected = acked * (sockets.length + 1);
process.stdout.write(JSON.stringify({ phase: 'done', sent: total, acked, received: samples, expected, p50: pct(50), p99: pct(99), max: sorted[sorted.length - 1] }) + '\n');
for (const s of [...sockets, sender]) s.close();
process.exit(0);
