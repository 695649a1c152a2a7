import { CafeStateStore, LIVE_LEASE_MS, type PresenceRecord, type SessionRef } from './cafe-state.js';

interface Entry {
  record: PresenceRecord;
  online: boolean;
  expiresAt: number;
}

interface SessionState {
  parts: Map<string, Entry>;
  nicks: Map<string, string>;
  endsAt: number;
}

/** The café state of a single process (no REDIS_URL): the same rules as the Redis store, in Maps. */
export class MemoryCafeStateStore extends CafeStateStore {
  private readonly sessions = new Map<string, SessionState>();
  private readonly gates = new Map<string, number>();

  private session(ref: SessionRef): SessionState {
    let state = this.sessions.get(ref.id);
    if (!state) {
      state = { parts: new Map(), nicks: new Map(), endsAt: ref.endsAt.getTime() };
      this.sessions.set(ref.id, state);
    }
    state.endsAt = Math.max(state.endsAt, ref.endsAt.getTime());
    return state;
  }

  private drop(state: SessionState, participantId: string): void {
    const entry = state.parts.get(participantId);
    if (!entry) return;
    if (state.nicks.get(entry.record.nicknameKey) === participantId) state.nicks.delete(entry.record.nicknameKey);
    state.parts.delete(participantId);
  }

  async claim(ref: SessionRef, record: PresenceRecord): Promise<boolean> {
    this.sweep();
    const state = this.session(ref);
    const now = Date.now();
    const holderId = state.nicks.get(record.nicknameKey);
    const holder = holderId ? state.parts.get(holderId) : undefined;
    if (holderId && holder && holder.expiresAt > now) {
      const ownTakeBack = record.owner !== null && holder.record.owner === record.owner && !holder.online;
      if (!ownTakeBack) return false;
    }
    if (holderId) this.drop(state, holderId);
    state.parts.set(record.id, { record, online: true, expiresAt: now + LIVE_LEASE_MS });
    state.nicks.set(record.nicknameKey, record.id);
    return true;
  }

  async release(sessionId: string, participantId: string): Promise<void> {
    const state = this.sessions.get(sessionId);
    if (state) this.drop(state, participantId);
  }

  async suspend(sessionId: string, participantId: string, holdMs: number): Promise<void> {
    const entry = this.sessions.get(sessionId)?.parts.get(participantId);
    if (!entry) return;
    entry.online = false;
    entry.expiresAt = Date.now() + holdMs;
  }

  async resume(ref: SessionRef, participantId: string): Promise<boolean> {
    const state = this.sessions.get(ref.id);
    const entry = state?.parts.get(participantId);
    if (
      !state ||
      !entry ||
      entry.expiresAt <= Date.now() ||
      state.nicks.get(entry.record.nicknameKey) !== participantId
    )
      return false;
    entry.online = true;
    entry.expiresAt = Date.now() + LIVE_LEASE_MS;
    return true;
  }

  async get(sessionId: string, participantId: string): Promise<PresenceRecord | null> {
    const entry = this.sessions.get(sessionId)?.parts.get(participantId);
    return entry && entry.expiresAt > Date.now() ? entry.record : null;
  }

  async online(sessionId: string): Promise<{ participants: PresenceRecord[]; pruned: number }> {
    const state = this.sessions.get(sessionId);
    if (!state) return { participants: [], pruned: 0 };
    const now = Date.now();
    let pruned = 0;
    const participants: PresenceRecord[] = [];
    for (const [id, entry] of state.parts) {
      if (entry.expiresAt <= now) {
        this.drop(state, id);
        pruned++;
      } else if (entry.online) {
        participants.push(entry.record);
      }
    }
    return { participants, pruned };
  }

  async renew(sessionId: string, participantIds: string[]): Promise<number> {
    const state = this.sessions.get(sessionId);
    if (!state) return 0;
    const now = Date.now();
    let back = 0;
    for (const id of participantIds) {
      const entry = state.parts.get(id);
      if (!entry || entry.expiresAt <= now || state.nicks.get(entry.record.nicknameKey) !== id) continue;
      if (!entry.online) back++;
      entry.online = true;
      entry.expiresAt = Math.max(entry.expiresAt, now + LIVE_LEASE_MS);
    }
    return back;
  }

  async pass(key: string, seconds: number): Promise<number> {
    const now = Date.now();
    const openAt = this.gates.get(key) ?? 0;
    if (openAt > now) return Math.max(1, Math.ceil((openAt - now) / 1000));
    this.gates.set(key, now + seconds * 1000);
    return 0;
  }

  async clear(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
  }

  /** Sessions past their end and spent gates are forgotten, so nothing grows for ever. */
  private sweep(): void {
    const now = Date.now();
    for (const [id, state] of this.sessions) if (state.endsAt < now) this.sessions.delete(id);
    for (const [key, openAt] of this.gates) if (openAt <= now) this.gates.delete(key);
  }
}
