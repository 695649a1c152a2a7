// A separate process holding N café clients (socket.io-client over WebSocket), as guests in one
// room, plus one sender at a fixed rate. Prints one JSON line: latencies and delivery.
// Usage: node cafe-clients.mjs '<json options>'
import { io } from 'socket.io-client';

const o = JSON.parse(process.argv[2]);
const { urls, room, clients, rate, seconds } = o;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const total = Math.round(rate * seconds);
const latencies = new Float64Array(total * (clients + 1) + 1000);
let samples = 0;
let duplicates = 0;

function connect(url, i) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/cafe`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
    });
    const timer = setTimeout(() => reject(new Error(`client ${i} did not join in time`)), 60_000);
    socket.on('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('connect', () => {
      socket.emit(
        'join',
        { room, nickname: `b${i}-${Math.random().toString(36).slice(2, 6)}`, acceptRules: true },
        (ack) => {
          clearTimeout(timer);
          if (!ack?.ok) return reject(new Error(`join ${i}: ${JSON.stringify(ack)}`));
          resolve(socket);
        },
      );
    });
    // Which messages this client has seen, so a duplicate is counted as one, not as delivery.
    const seen = new Uint8Array(total);
    socket.on('message', (m) => {
      const [tag, at] = String(m.body).split(':');
      const seq = Number(tag.slice(1));
      const sent = Number(at);
      if (!Number.isInteger(seq) || seq < 0 || seq >= total || !Number.isFinite(sent)) return;
      if (seen[seq]) {
        duplicates++;
        return;
      }
      seen[seq] = 1;
      latencies[samples++] = performance.timeOrigin + performance.now() - sent;
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
let acked = 0;
const t0 = performance.now();
for (let seq = 0; seq < total; seq++) {
  const due = t0 + (seq * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  sender.emit('message', { room, body: `m${seq}:${performance.timeOrigin + performance.now()}` }, (ack) => {
    if (ack?.ok) acked++;
  });
}
// Let the last messages arrive: until everything expected is in, or 30 s.
const expectedAll = total * (sockets.length + 1);
const allArrived = () => samples >= expectedAll;
for (let waited = 0; !allArrived() && waited < 30_000; waited += 250) await sleep(250);
const sorted = latencies.subarray(0, samples).sort();
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// Every client (the sender included) should receive every message exactly once.
process.stdout.write(
  JSON.stringify({
    phase: 'done',
    sent: total,
    acked,
    received: samples,
    duplicates,
    expected: expectedAll,
    p50: pct(50),
    p99: pct(99),
    max: sorted[sorted.length - 1],
  }) + '\n',
);
for (const s of [...sockets, sender]) s.close();
process.exit(0);
