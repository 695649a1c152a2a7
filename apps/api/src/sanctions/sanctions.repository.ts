import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '#libs/contracts';
import type { ScopeKind } from '../authorship/scope.js';

export type SanctionKind = 'warn' | 'mute' | 'ban';

export interface NewSanction {
  kind: SanctionKind;
  userId: string | null;
  subjectHash: Buffer | null;
  scopeKind: ScopeKind | null;
  scopeId: string | null;
  postId: string | null;
  cafeMessageId: string | null;
  reason: string;
  until: Date | null;
  issuedBy: string | null;
}

/** A mute or ban in force that may apply to a user: naming them, or keyed to an author in a scope. */
export interface SanctionInForce {
  kind: 'mute' | 'ban';
  until: Date | null;
  reason: string;
  user_id: string | null;
  subject_hash: Buffer | null;
  scope_kind: ScopeKind | null;
  scope_id: string | null;
  /** Who gave it (null: the account is gone), and the role of the user asked about. */
  issuer_role: Role | null;
  subject_role: Role | null;
}

export interface SanctionListRow {
  id: string;
  kind: SanctionKind;
  reason: string;
  until: Date | null;
  created_at: Date;
  created_key: string;
  lifted_at: Date | null;
  active: boolean;
  user_id: string | null;
  username: string | null;
  display_name: string | null;
  post_id: string | null;
  cafe_message_id: string | null;
  thread_id: string | null;
  issuer_username: string | null;
}

/** A sanction in force, on the alias `s` (the session query reads it too). */
export const IN_FORCE = `s.kind <> 'warn' AND s.lifted_at IS NULL AND (s.until IS NULL OR s.until > now())`;

/** The `sanctions` table. */
@Injectable()
export class SanctionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: EntityManager, s: NewSanction): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO sanctions (kind, user_id, subject_hash, scope_kind, scope_id, post_id, cafe_message_id, reason, until, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        s.kind,
        s.userId,
        s.subjectHash,
        s.scopeKind,
        s.scopeId,
        s.postId,
        s.cafeMessageId,
        s.reason,
        s.until,
        s.issuedBy,
      ],
    );
    return row.id;
  }

  /** Mutes and bans in force naming the user, and every one keyed to an author (to be matched in memory). */
  inForceFor(userId: string, manager: EntityManager = this.db.manager): Promise<SanctionInForce[]> {
    return manager.query(
      `SELECT s.kind, s.until, s.reason, s.user_id, s.subject_hash, s.scope_kind, s.scope_id,
              issuer.role AS issuer_role, (SELECT role FROM users WHERE id = $1) AS subject_role
       FROM sanctions s LEFT JOIN users issuer ON issuer.id = s.issued_by
       WHERE ${IN_FORCE} AND (s.user_id = $1 OR s.subject_hash IS NOT NULL)`,
      [userId],
    );
  }

  /**
   * The moderators' list, newest first. One against a post shows the post, never the person
   * behind it; the filters can't tell either.
   */
  list(
    filter: { userId: string | null; postId: string | null; active: boolean },
    after: [string, string] | null,
    limit: number,
  ): Promise<SanctionListRow[]> {
    return this.db.query(
      `SELECT s.id, s.kind, s.reason, s.until, s.created_at, s.created_at::text AS created_key, s.lifted_at,
              (${IN_FORCE}) AS active,
              CASE WHEN s.post_id IS NULL THEN s.user_id END AS user_id,
              CASE WHEN s.post_id IS NULL THEN u.username END AS username,
              CASE WHEN s.post_id IS NULL THEN u.display_name END AS display_name,
              s.post_id, s.cafe_message_id, p.thread_id, iu.username AS issuer_username
       FROM sanctions s
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN posts p ON p.id = s.post_id
       LEFT JOIN users iu ON iu.id = s.issued_by
       WHERE ($1::uuid IS NULL OR (s.user_id = $1 AND s.post_id IS NULL))
         AND ($2::uuid IS NULL OR s.post_id = $2)
         AND (NOT $3::boolean OR (${IN_FORCE}))
         AND ($4::timestamptz IS NULL OR (s.created_at, s.id) < ($4::timestamptz, $5::uuid))
       ORDER BY s.created_at DESC, s.id DESC
       LIMIT $6`,
      [filter.userId, filter.postId, filter.active, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** For the user's export: those naming them, and every keyed one (matched in memory by the caller). */
  forExport(userId: string): Promise<
    (Record<string, unknown> & {
      user_id: string | null;
      subject_hash: Buffer | null;
      scope_kind: ScopeKind | null;
      scope_id: string | null;
    })[]
  > {
    return this.db.query(
      `SELECT kind, reason, until, created_at AS "createdAt", lifted_at AS "liftedAt", user_id, subject_hash, scope_kind, scope_id
       FROM sanctions WHERE user_id = $1 OR subject_hash IS NOT NULL ORDER BY created_at`,
      [userId],
    );
  }

  /** Lifts one in force (locked while it is decided); who it was for, or null when there is none to lift. */
  async lift(
    tx: EntityManager,
    id: string,
  ): Promise<{
    user_id: string | null;
    subject_hash: Buffer | null;
    scope_kind: ScopeKind | null;
    scope_id: string | null;
    lifted_at: Date;
  } | null> {
    const [rows]: [
      {
        user_id: string | null;
        subject_hash: Buffer | null;
        scope_kind: ScopeKind | null;
        scope_id: string | null;
        lifted_at: Date;
      }[],
      number,
    ] = await tx.query(
      `UPDATE sanctions SET lifted_at = now() WHERE id = $1 AND lifted_at IS NULL
       RETURNING user_id, subject_hash, scope_kind, scope_id, lifted_at`,
      [id],
    );
    return rows[0] ?? null;
  }

  async exists(tx: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM sanctions WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
