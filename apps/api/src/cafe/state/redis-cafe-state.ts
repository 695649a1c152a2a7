import type { RedisClientType } from 'redis';
import { CafeStateStore, LIVE_LEASE_MS, type PresenceRecord, type SessionRef } from './cafe-state.js';

// Each operation is one Lua script, so it is atomic across processes, and uses Redis's clock
// (TIME), so processes with skewed clocks agree on who has lapsed. Keys per café session:
// …:nick (hash nickname key → participant), …:part (hash participant → record JSON with
// `online`), …:lease (sorted set participant → lease end, ms).
const NOW = `local function now() local t = redis.call('TIME'); return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) end
local function forget(pid)
  local raw = redis.call('HGET', KEYS[2], pid)
  if raw then
    local rec = cjson.decode(raw)
    if redis.call('HGET', KEYS[1], rec.nicknameKey) == pid then redis.call('HDEL', KEYS[1], rec.nicknameKey) end
  end
  redis.call('HDEL', KEYS[2], pid)
  redis.call('ZREM', KEYS[3], pid)
end
`;

const CLAIM = `${NOW}
local t = now()
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if holder then
  local expires = tonumber(redis.call('ZSCORE', KEYS[3], holder) or '0')
  if expires > t then
    local raw = redis.call('HGET', KEYS[2], holder)
    local takeBack = false
    if raw and ARGV[4] ~= '' then
      local held = cjson.decode(raw)
      takeBack = (held.owner == ARGV[4]) and (held.online == false)
    end
    if not takeBack then return 0 end
  end
  forget(holder)
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[3], t + tonumber(ARGV[5]), ARGV[2])
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
return 1`;

const RELEASE = `${NOW}
forget(ARGV[1])
return 1`;

const SUSPEND = `${NOW}
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return 0 end
local rec = cjson.decode(raw)
rec.online = false
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(rec))
redis.call('ZADD', KEYS[3], now() + tonumber(ARGV[2]), ARGV[1])
return 1`;

const RESUME = `${NOW}
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return 0 end
local t = now()
local expires = tonumber(redis.call('ZSCORE', KEYS[3], ARGV[1]) or '0')
if expires <= t then return 0 end
local rec = cjson.decode(raw)
if redis.call('HGET', KEYS[1], rec.nicknameKey) ~= ARGV[1] then return 0 end
rec.online = true
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(rec))
redis.call('ZADD', KEYS[3], t + tonumber(ARGV[2]), ARGV[1])
return 1`;

const GET = `${NOW}
local expires = tonumber(redis.call('ZSCORE', KEYS[3], ARGV[1]) or '0')
if expires <= now() then return false end
return redis.call('HGET', KEYS[2], ARGV[1])`;

const ONLINE = `${NOW}
local t = now()
local lapsed = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', t)
for _, pid in ipairs(lapsed) do forget(pid) end
local out = { #lapsed }
for _, pid in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. t, '+inf')) do
  local raw = redis.call('HGET', KEYS[2], pid)
  if raw and cjson.decode(raw).online then table.insert(out, raw) end
end
return out`;

const RENEW = `${NOW}
local t = now()
local back = 0
for i = 2, #ARGV do
  local pid = ARGV[i]
  local raw = redis.call('HGET', KEYS[2], pid)
  local expires = tonumber(redis.call('ZSCORE', KEYS[3], pid) or '0')
  if raw and expires > t then
    local rec = cjson.decode(raw)
    if redis.call('HGET', KEYS[1], rec.nicknameKey) == pid then
      if not rec.online then
        rec.online = true
        redis.call('HSET', KEYS[2], pid, cjson.encode(rec))
        back = back + 1
      end
      redis.call('ZADD', KEYS[3], 'GT', t + tonumber(ARGV[1]), pid)
    end
  end
end
return back`;

const PASS = `if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
return redis.call('PTTL', KEYS[1])`;

/** State kept after a session's end, in case it is extended; then Redis forgets it by itself. */
const AFTER_END_MS = 60 * 60 * 1000;

/** The café state shared by every process through Redis (REDIS_URL). */
export class RedisCafeStateStore extends CafeStateStore {
  constructor(
    private readonly redis: RedisClientType,
    private readonly prefix: string,
  ) {
    super();
  }

  private keys(sessionId: string): string[] {
    const base = `${this.prefix}:cafe:${sessionId}`;
    return [`${base}:nick`, `${base}:part`, `${base}:lease`];
  }

  private run(script: string, keys: string[], args: (string | number)[]): Promise<unknown> {
    return this.redis.eval(script, { keys, arguments: args.map(String) });
  }

  private stored(record: PresenceRecord, online: boolean): string {
    return JSON.stringify({
      id: record.id,
      nickname: record.nickname,
      nicknameKey: record.nicknameKey,
      isHost: record.isHost,
      owner: record.owner,
      ...(record.source ? { source: record.source } : {}),
      online,
    });
  }

  private parse(raw: string): PresenceRecord {
    const { id, nickname, nicknameKey, isHost, owner, source } = JSON.parse(raw) as PresenceRecord;
    return {
      id,
      nickname,
      nicknameKey,
      isHost,
      owner: typeof owner === 'string' ? owner : null,
      ...(typeof source === 'string' ? { source } : {}),
    };
  }

  async claim(session: SessionRef, record: PresenceRecord): Promise<boolean> {
    const ttl = Math.max(session.endsAt.getTime() - Date.now(), 0) + AFTER_END_MS;
    const result = await this.run(CLAIM, this.keys(session.id), [
      record.nicknameKey,
      record.id,
      this.stored(record, true),
      record.owner ?? '',
      LIVE_LEASE_MS,
      ttl,
    ]);
    return Number(result) === 1;
  }

  async release(sessionId: string, participantId: string): Promise<void> {
    await this.run(RELEASE, this.keys(sessionId), [participantId]);
  }

  async suspend(sessionId: string, participantId: string, holdMs: number): Promise<void> {
    await this.run(SUSPEND, this.keys(sessionId), [participantId, holdMs]);
  }

  async resume(session: SessionRef, participantId: string): Promise<boolean> {
    return Number(await this.run(RESUME, this.keys(session.id), [participantId, LIVE_LEASE_MS])) === 1;
  }

  async get(sessionId: string, participantId: string): Promise<PresenceRecord | null> {
    const raw = await this.run(GET, this.keys(sessionId), [participantId]);
    return typeof raw === 'string' ? this.parse(raw) : null;
  }

  async online(sessionId: string): Promise<{ participants: PresenceRecord[]; pruned: number }> {
    const [pruned, ...raws] = (await this.run(ONLINE, this.keys(sessionId), [])) as [number, ...string[]];
    return { participants: raws.map((raw) => this.parse(raw)), pruned: Number(pruned) };
  }

  async renew(sessionId: string, participantIds: string[]): Promise<number> {
    if (participantIds.length === 0) return 0;
    return Number(await this.run(RENEW, this.keys(sessionId), [LIVE_LEASE_MS, ...participantIds]));
  }

  async pass(key: string, seconds: number): Promise<number> {
    const wait = Number(await this.run(PASS, [`${this.prefix}:cafe:gate:${key}`], [Math.round(seconds * 1000)]));
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }

  async clear(sessionId: string): Promise<void> {
    await this.redis.del(this.keys(sessionId));
  }
}
