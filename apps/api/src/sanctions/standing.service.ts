import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AnonymityService, sameKey } from '../anonymity/anonymity.service.js';
import type { SessionUser } from '../auth/session-user.js';

/** A user's sanctions in force: a mute (may read, not write) and a ban (may not log in). `until` null: until lifted. */
export interface Standing {
  mute?: { until: Date | null };
  ban?: { until: Date | null; reason: string };
}

interface ActiveSanction {
  kind: 'mute' | 'ban';
  until: Date | null;
  reason: string;
  user_id: string | null;
  subject_hash: Buffer | null;
  scope_id: string | null;
}

/** The later of two ends; null (until lifted) outlasts any date. */
function later(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return null;
  return a > b ? a : b;
}

/**
 * Which sanctions apply to a user: those naming them, and those against "the author behind a
 * post", found by recomputing the user's key in each sanction's scope (nothing about the match
 * is stored). Asked for every logged-in request, so a mute or ban applies at once.
 */
@Injectable()
export class StandingService {
  private readonly perRequest = new WeakMap<SessionUser, Promise<Standing>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anonymity: AnonymityService,
  ) {}

  /** Once per request: the session loader and the policy's actor share the answer. */
  forUser(user: SessionUser): Promise<Standing> {
    let standing = this.perRequest.get(user);
    if (!standing) {
      standing = this.of(user.id);
      this.perRequest.set(user, standing);
    }
    return standing;
  }

  async of(userId: string, manager: EntityManager = this.db.manager): Promise<Standing> {
    const rows: ActiveSanction[] = await manager.query(
      `SELECT kind, until, reason, user_id, subject_hash, scope_id FROM sanctions
       WHERE kind IN ('mute', 'ban') AND lifted_at IS NULL AND (until IS NULL OR until > now())
         AND (user_id = $1 OR subject_hash IS NOT NULL)`,
      [userId],
    );
    const salt = rows.some((r) => r.subject_hash) ? await this.anonymity.saltOf(userId, manager) : null;
    const standing: Standing = {};
    for (const row of rows) {
      const applies =
        row.user_id === userId ||
        (salt !== null &&
          row.scope_id !== null &&
          sameKey(this.anonymity.keyFor(salt, row.scope_id), row.subject_hash));
      if (!applies) continue;
      if (row.kind === 'mute')
        standing.mute = { until: standing.mute ? later(standing.mute.until, row.until) : row.until };
      else if (!standing.ban || later(standing.ban.until, row.until) !== standing.ban.until)
        standing.ban = { until: row.until, reason: row.reason };
    }
    return standing;
  }
}
