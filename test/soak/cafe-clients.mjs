// The café side of the soak test, in a process of its own: N socket.io-client clients (guests, and
// members with their session cookie) in a few open rooms. Some of them talk at a fixed total rate,
// some type, and a share of the guests come and go (a goodbye, or a dropped connection). Everyone
// receives; the clients that stay for the whole run account for delivery.
//
// Usage: node cafe-clients.mjs '<json options>'. Talks to the parent over stdin/stdout, one JSON
// line each way: the parent writes "go", "sample" (→ {type: "window"}) and "stop" (→ {type: "final"}).
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';

const o = JSON.parse(process.argv[2]);
const { url, rooms, guests, members, messageRate, typingRate, churnShare, stayS, ackTimeoutMs = 10_000 } = o;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const send = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

const WORDS = 'hei takk for sist det var fint å høre fra deg i dag jeg har hatt en god uke med turer og samtaler'.split(
  ' ',
);
const TAG = 'soak';
// Enough room for every message of the run (with margin), so the per-client "seen" bitmaps never grow.
const capacity = Math.ceil(messageRate * o.seconds * 1.5) + 2000;

// --- counters ---
const win = { e2e: [], ack: [], sent: 0, acked: 0, failed: 0, received: 0, joins: 0, leaves: 0, errors: 0 };
const total = {
  sent: 0,
  acked: 0,
  failed: 0,
  received: 0,
  duplicates: 0,
  joins: 0,
  leaves: 0,
  errors: 0,
  typing: 0,
  strays: 0,
};
const errorSamples = new Map();
function error(what) {
  win.errors++;
  total.errors++;
  errorSamples.set(what, (errorSamples.get(what) ?? 0) + 1);
}
/** Per message: its room, whether it was acknowledged, and how many staying clients have it. */
const messageRoom = new Int8Array(capacity).fill(-1);
const ackedSeq = new Uint8Array(capacity);
const deliveredToStayers = new Uint16Array(capacity);
let seq = 0;
/** Set by "stop": the traffic loops end. */
const run = { stopping: false };

// --- one client ---
/** Connects and joins `room`; resolves with the client, rejects with a reason. */
function connect({ name, roomIndex, cookie, stays }) {
  return new Promise((resolve, reject) => {
    const room = rooms[roomIndex].slug;
    const socket = io(`${url}/cafe`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
      extraHeaders: cookie ? { cookie } : undefined,
    });
    const client = { socket, name, roomIndex, room, stays, closing: false, seen: new Uint8Array(capacity) };
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no join within 30 s'));
    }, 30_000);
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(new Error(`connect_error: ${e.message}`));
    });
    socket.once('connect', () => {
      const payload = cookie ? { room, acceptRules: true } : { room, nickname: name, acceptRules: true };
      socket.timeout(30_000).emit('join', payload, (err, ack) => {
        clearTimeout(timer);
        if (err || !ack?.ok) {
          socket.close();
          return reject(new Error(`join: ${err ? 'no ack' : (ack?.error?.code ?? 'bad ack')}`));
        }
        win.joins++;
        total.joins++;
        resolve(client);
      });
    });
    socket.on('disconnect', (reason) => {
      if (!client.closing) error(`unexpected disconnect: ${reason}`);
    });
    socket.on('message', (m) => {
      const now = performance.timeOrigin + performance.now();
      const [tag, n, at] = String(m?.body ?? '').split(' ');
      const s = Number(n);
      if (tag !== TAG || !Number.isInteger(s) || s < 0 || s >= capacity) {
        total.strays++;
        return;
      }
      if (client.seen[s]) {
        total.duplicates++;
        error('duplicate message');
        return;
      }
      client.seen[s] = 1;
      win.received++;
      total.received++;
      win.e2e.push(Math.round((now - Number(at)) * 100) / 100);
      if (client.stays) deliveredToStayers[s]++;
    });
  });
}

function close(client, goodbye) {
  client.closing = true;
  if (goodbye) {
    client.socket.timeout(5000).emit('leave', { room: client.room }, () => client.socket.disconnect());
  } else {
    client.socket.io.engine?.close(); // a dropped connection: the server keeps the place for the recovery window
  }
  win.leaves++;
  total.leaves++;
}

// --- set-up: who goes where ---
// Members: half to the members' room (if any), the rest spread over the open rooms; guests over
// the rooms open to everyone, weighted by `share`.
const everyoneRooms = rooms.map((r, i) => ({ ...r, i })).filter((r) => r.audience === 'everyone');
const membersRoom = rooms.findIndex((r) => r.audience === 'members');
const weightedRoom = () => {
  const t = everyoneRooms.reduce((s, r) => s + r.share, 0);
  let x = Math.random() * t;
  for (const r of everyoneRooms) {
    x -= r.share;
    if (x < 0) return r.i;
  }
  return everyoneRooms[0].i;
};
const plan = [];
members.forEach((cookie, i) =>
  plan.push({
    name: `member ${i}`,
    cookie,
    roomIndex: membersRoom >= 0 && i % 2 === 0 ? membersRoom : weightedRoom(),
    stays: true,
  }),
);
const churners = Math.round(guests * churnShare);
for (let i = 0; i < guests; i++) plan.push({ name: `Deltaker ${i}`, roomIndex: weightedRoom(), stays: i >= churners });

const stayers = [];
const comers = [];
for (let start = 0; start < plan.length; start += 25) {
  const batch = plan.slice(start, start + 25).map((p) =>
    connect(p).then(
      (c) => (p.stays ? stayers : comers).push(c),
      (e) => error(`initial ${e.message}`),
    ),
  );
  await Promise.all(batch);
}
const stayersIn = rooms.map((_, i) => stayers.filter((c) => c.roomIndex === i).length);
// Talkers: about one in ten of those who stay, at least two per room.
const talkers = rooms.flatMap((_, i) => {
  const here = stayers.filter((c) => c.roomIndex === i);
  return here.slice(0, Math.max(2, Math.round(here.length / 10)));
});
send({ type: 'ready', connected: stayers.length + comers.length, stayersIn, talkers: talkers.length, churners });

// --- traffic ---
const input = createInterface({ input: process.stdin });
const commands = [];
let wake;
input.on('line', (line) => {
  commands.push(line.trim());
  wake?.();
});
// The parent gone (its stdin closed): nothing left to report to.
input.on('close', () => {
  if (!run.stopping) process.exit(3);
});
const nextCommand = async () => {
  while (!commands.length)
    await new Promise((r) => {
      wake = r;
    });
  return commands.shift();
};

if ((await nextCommand()) !== 'go') process.exit(2);

async function talk() {
  const t0 = performance.now();
  for (let i = 0; !run.stopping; i++) {
    const wait = t0 + (i * 1000) / messageRate - performance.now();
    if (wait > 0) await sleep(wait);
    if (run.stopping || seq >= capacity) break;
    const talker = pick(talkers);
    const s = seq++;
    messageRoom[s] = talker.roomIndex;
    const words = Array.from({ length: 3 + (s % 12) }, (_, k) => WORDS[(s + k * 7) % WORDS.length]).join(' ');
    const sentAt = performance.now();
    win.sent++;
    total.sent++;
    talker.socket
      .timeout(ackTimeoutMs)
      .emit(
        'message',
        { room: talker.room, body: `${TAG} ${s} ${performance.timeOrigin + sentAt} ${words}` },
        (err, ack) => {
          if (err) return (win.failed++, total.failed++, error('message: no ack in time'));
          if (!ack?.ok) return (win.failed++, total.failed++, error(`message refused: ${ack?.error?.code}`));
          ackedSeq[s] = 1;
          win.acked++;
          total.acked++;
          win.ack.push(Math.round((performance.now() - sentAt) * 100) / 100);
        },
      );
  }
}

async function type() {
  if (!(typingRate > 0)) return;
  while (!run.stopping) {
    await sleep(1000 / typingRate);
    if (run.stopping) break;
    const c = pick(stayers);
    c.socket.timeout(ackTimeoutMs).emit('typing', { room: c.room }, (err, ack) => {
      total.typing++;
      if (err) error('typing: no ack in time');
      else if (!ack?.ok && ack?.error?.code !== 'rate_limited') error(`typing refused: ${ack?.error?.code}`);
    });
  }
}

/** One place among the comers: stay `stayS` seconds (random within), go, come back as someone new. */
async function churn(slot) {
  let client = comers[slot];
  let generation = 0;
  // Spread the first departures over the first stay.
  await sleep(Math.random() * stayS[1] * 1000);
  while (!run.stopping) {
    if (client) close(client, Math.random() < 0.5);
    client = null;
    comers[slot] = null;
    await sleep(500 + Math.random() * 2000);
    if (run.stopping) break;
    generation++;
    try {
      client = await connect({ name: `Innom ${slot} ${generation}`, roomIndex: weightedRoom(), stays: false });
      comers[slot] = client;
    } catch (e) {
      error(`rejoin ${e.message}`);
    }
    const stay = stayS[0] + Math.random() * (stayS[1] - stayS[0]);
    for (let waited = 0; waited < stay * 1000 && !run.stopping; waited += 250) await sleep(250);
  }
  if (client) close(client, true);
}

const loops = [talk(), type(), ...comers.map((_, i) => churn(i))];

for (;;) {
  const cmd = await nextCommand();
  if (cmd === 'sample') {
    send({ type: 'window', ...win, connected: stayers.length + comers.filter((c) => c && !c.closing).length });
    Object.assign(win, { e2e: [], ack: [], sent: 0, acked: 0, failed: 0, received: 0, joins: 0, leaves: 0, errors: 0 });
  } else if (cmd === 'stop') {
    run.stopping = true;
    await Promise.all(loops);
    // Let the last messages arrive: until every acknowledged one reached everyone who stayed, or 15 s.
    const outstanding = () => {
      let missing = 0;
      for (let s = 0; s < seq; s++) if (ackedSeq[s]) missing += stayersIn[messageRoom[s]] - deliveredToStayers[s];
      return missing;
    };
    for (let waited = 0; outstanding() > 0 && waited < 15_000; waited += 250) await sleep(250);
    await sleep(500); // late acks
    let expected = 0;
    let delivered = 0;
    let unackedDelivered = 0;
    for (let s = 0; s < seq; s++) {
      if (ackedSeq[s]) {
        expected += stayersIn[messageRoom[s]];
        delivered += Math.min(deliveredToStayers[s], stayersIn[messageRoom[s]]);
      } else unackedDelivered += deliveredToStayers[s];
    }
    send({
      type: 'final',
      ...total,
      expected,
      delivered,
      unackedDelivered,
      stayers: stayers.length,
      stayersIn,
      errorSamples: [...errorSamples],
    });
    for (const c of stayers) {
      c.closing = true;
      c.socket.close();
    }
    await sleep(200);
    process.exit(0);
  }
}
