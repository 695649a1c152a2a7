/** A participant as the café's live state knows them (never a user id). */
export interface PresenceRecord {
  id: string;
  nickname: string;
  /** The nickname folded for uniqueness (lower case, single spaces). */
  nicknameKey: string;
  isHost: boolean;
  /** The member's author hash in this session (hex), so they can take back their own held name; null for guests. */
  owner: string | null;
  /**
   * A guest's connection source, hashed with a secret (never an address itself), so a host's kick
   * or mute holds when the guest comes back under a new nickname. Kept only as long as the session.
   */
  source?: string | null;
}

export interface SessionRef {
  id: string;
  endsAt: Date;
}

/** How long an online participant's lease lasts without a heartbeat from its process. */
export const LIVE_LEASE_MS = 60_000;
/** How often each process renews the leases of the participants connected to it. */
export const HEARTBEAT_MS = 20_000;

/**
 * The café's short-lived shared state: who is in each session, which nicknames are taken, the
 * slow-mode gate. In Redis when REDIS_URL is set (so every process sees the same), in memory
 * otherwise (one process). Durable facts (messages, mutes, removals, slow-mode setting) live in
 * PostgreSQL instead.
 *
 * A participant holds a lease. While connected, its process renews it (HEARTBEAT_MS), so if a
 * process dies its participants drop out within LIVE_LEASE_MS. When a connection drops without
 * a goodbye, the participant goes offline but keeps its nickname for the recovery window, so
 * nobody can take a name over while its owner's phone is in a tunnel; a member may take their
 * own held name back at once from a new connection.
 */
export abstract class CafeStateStore {
  /** Takes the nickname and puts the participant online; false when the name is taken. */
  abstract claim(session: SessionRef, record: PresenceRecord): Promise<boolean>;
  /** Removes the participant and frees the nickname (leave, kick). */
  abstract release(sessionId: string, participantId: string): Promise<void>;
  /** Offline, nickname held for `holdMs` (a dropped connection). */
  abstract suspend(sessionId: string, participantId: string, holdMs: number): Promise<void>;
  /** Online again after a recovered connection; false when the hold has lapsed. */
  abstract resume(session: SessionRef, participantId: string): Promise<boolean>;
  /** The participant's record, online or held. */
  abstract get(sessionId: string, participantId: string): Promise<PresenceRecord | null>;
  /** Online participants; `pruned` counts lapsed leases removed on the way. */
  abstract online(sessionId: string): Promise<{ participants: PresenceRecord[]; pruned: number }>;
  /**
   * Renews the leases of participants connected to this process, and puts any that a late
   * disconnect notice marked offline back online (they are connected: this process has them).
   * Returns how many came back online.
   */
  abstract renew(sessionId: string, participantIds: string[]): Promise<number>;
  /** A gate that lets one pass per `seconds` per key: 0 when passed, else seconds to wait. */
  abstract pass(key: string, seconds: number): Promise<number>;
  /** Forgets a session (closed). */
  abstract clear(sessionId: string): Promise<void>;
}
