import { randomUUID } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { CafeStateStore, PresenceRecord, SessionRef } from './cafe-state.js';
import { MemoryCafeStateStore } from './memory-cafe-state.js';
import { RedisCafeStateStore } from './redis-cafe-state.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Redis when one answers (as in CI and the scale-out set-up); the memory store always. */
async function tryRedis(): Promise<RedisClientType | null> {
  const client = createClient({
    url: REDIS_URL,
    socket: { connectTimeout: 500, reconnectStrategy: false },
  }) as RedisClientType;
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch {
    return null;
  }
}

const redis = await tryRedis();
if (!redis) console.warn(`cafe-state.spec: no Redis at ${REDIS_URL}; testing the memory store only`);
const prefix = `erf-unit-${process.pid}-${Date.now().toString(36)}`;
const backends: [string, () => CafeStateStore][] = [['memory', () => new MemoryCafeStateStore()]];
if (redis) backends.push(['redis', () => new RedisCafeStateStore(redis, prefix)]);

afterAll(async () => {
  if (!redis) return;
  for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
  await redis.quit();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const session = (): SessionRef => ({ id: randomUUID(), endsAt: new Date(Date.now() + 3600_000) });
const record = (nickname: string, owner: string | null = null, isHost = false): PresenceRecord => ({
  id: randomUUID(),
  nickname,
  nicknameKey: nickname.toLowerCase(),
  isHost,
  owner,
});

describe.each(backends)('café state (%s)', (_, make) => {
  let store: CafeStateStore;
  beforeEach(() => {
    store = make();
  });

  it('should give a nickname to one participant at a time and free it on release', async () => {
    const s = session();
    const kari = record('Kari');
    expect(await store.claim(s, kari)).toBe(true);
    expect(await store.claim(s, record('kari'))).toBe(false);
    expect(await store.claim(session(), record('Kari'))).toBe(true);
    expect((await store.online(s.id)).participants).toEqual([kari]);
    await store.release(s.id, kari.id);
    expect((await store.online(s.id)).participants).toEqual([]);
    expect(await store.claim(s, record('KARI'))).toBe(true);
  });

  it("should hold a dropped participant's nickname while offline, and let it resume", async () => {
    const s = session();
    const ola = record('Ola');
    await store.claim(s, ola);
    await store.suspend(s.id, ola.id, 10_000);
    expect((await store.online(s.id)).participants).toEqual([]);
    expect(await store.claim(s, record('Ola'))).toBe(false);
    expect(await store.get(s.id, ola.id)).toEqual(ola);
    expect(await store.resume(s, ola.id)).toBe(true);
    expect((await store.online(s.id)).participants).toEqual([ola]);
  });

  it('should let the hold lapse, after which the name is free and resuming fails', async () => {
    const s = session();
    const ola = record('Ola');
    await store.claim(s, ola);
    await store.suspend(s.id, ola.id, 50);
    await sleep(120);
    expect(await store.resume(s, ola.id)).toBe(false);
    expect(await store.get(s.id, ola.id)).toBeNull();
    expect(await store.claim(s, record('Ola'))).toBe(true);
  });

  it('should let a member take back their own held name at once, but not someone else, nor while online', async () => {
    const s = session();
    const mine = record('Mona', 'aa11');
    await store.claim(s, mine);
    expect(await store.claim(s, record('Mona', 'aa11'))).toBe(false);
    await store.suspend(s.id, mine.id, 10_000);
    expect(await store.claim(s, record('Mona', 'bb22'))).toBe(false);
    expect(await store.claim(s, record('Mona'))).toBe(false);
    const again = record('Mona', 'aa11');
    expect(await store.claim(s, again)).toBe(true);
    expect(await store.resume(s, mine.id)).toBe(false);
    expect((await store.online(s.id)).participants).toEqual([again]);
  });

  it('should put a connected participant marked offline by a late disconnect back online on renewal', async () => {
    const s = session();
    const per = record('Per', null, true);
    await store.claim(s, per);
    await store.suspend(s.id, per.id, 10_000);
    expect(await store.renew(s.id, [per.id, randomUUID()])).toBe(1);
    expect((await store.online(s.id)).participants).toEqual([per]);
    expect(await store.renew(s.id, [per.id])).toBe(0);
  });

  it('should count lapsed participants pruned from presence', async () => {
    const s = session();
    const a = record('Anne');
    await store.claim(s, a);
    await store.suspend(s.id, a.id, 30);
    await sleep(80);
    expect(await store.online(s.id)).toEqual({ participants: [], pruned: 1 });
  });

  it('should let one pass per period through a slow-mode gate, with the seconds to wait', async () => {
    const key = `gate-${randomUUID()}`;
    expect(await store.pass(key, 30)).toBe(0);
    const wait = await store.pass(key, 30);
    expect(wait).toBeGreaterThanOrEqual(29);
    expect(wait).toBeLessThanOrEqual(30);
    expect(await store.pass(`${key}-other`, 30)).toBe(0);
  });

  it('should forget a cleared session', async () => {
    const s = session();
    const a = record('Anne');
    await store.claim(s, a);
    await store.clear(s.id);
    expect((await store.online(s.id)).participants).toEqual([]);
    expect(await store.claim(s, record('Anne'))).toBe(true);
  });

  it('should keep Norwegian letters and quotes in names intact', async () => {
    const s = session();
    const name = record('Åse Ø\'Brien "Æ" / 日本');
    await store.claim(s, name);
    // Suspending and resuming rewrites the stored record (in Lua, for Redis).
    await store.suspend(s.id, name.id, 10_000);
    expect(await store.resume(s, name.id)).toBe(true);
    expect((await store.online(s.id)).participants).toEqual([name]);
    expect(await store.claim(s, record('åse ø\'brien "æ" / 日本'))).toBe(false);
  });
});
