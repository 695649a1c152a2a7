import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AssignmentStatus, OfferRole, OfferStatus } from './dto/assignments.dto.js';
import type { Perspective } from './dto/recruitment.dto.js';

export interface ProfileRow {
  perspectives: Perspective[];
  topics: string[];
  /** In effect now: a pause with a day passed is over. */
  paused: boolean;
  paused_until: string | null;
  max_active_assignments: number;
}

export interface ProfileFields {
  perspectives: Perspective[];
  topics: string[];
  paused: boolean;
  pausedUntil: string | null;
  maxActiveAssignments: number;
}

export interface MemberRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  perspectives: Perspective[];
  topics: string[];
  paused: boolean;
  max_active: number;
  active: number;
  /** Accepted offers on assignments not yet ended (drafts too): what counts against `max_active`. */
  committed: number;
  last_assignment_at: Date | null;
  last_load: number | null;
}

export interface AssignmentRow {
  id: string;
  title: string;
  description: string;
  requester: string;
  confidentiality: string;
  starts_at: Date;
  ends_at: Date;
  estimated_hours: number;
  compensation: string | null;
  status: AssignmentStatus;
  needs_backup: boolean;
  created_at: Date;
  created_key: string;
}

export interface AssignmentFields {
  title: string;
  description: string;
  requester: string;
  confidentiality: string;
  startsAt: Date;
  endsAt: Date;
  estimatedHours: number;
  compensation: string | null;
}

export interface OfferRow {
  id: string;
  assignment_id: string;
  user_id: string;
  role: OfferRole;
  status: OfferStatus;
  created_at: Date;
  answered_at: Date | null;
  username: string;
  display_name: string;
}

export interface CheckinRow {
  id: string;
  assignment_id: string;
  user_id: string;
  load: number;
  note: string | null;
  want_pause: boolean;
  final: boolean;
  created_at: Date;
  username: string;
  display_name: string;
}

export interface MyAssignmentRow extends AssignmentRow {
  role: OfferRole;
  offer_status: OfferStatus;
  final_checkin_due: boolean;
}

export interface MyOfferRow extends AssignmentRow {
  offer_id: string;
  role: OfferRole;
  offer_status: OfferStatus;
  user_id: string;
}

const PAUSED_NOW = `(p.paused AND (p.paused_until IS NULL OR p.paused_until > current_date))`;

/** The panel members (role panel, or anyone with a pool profile) with what the coordinator weighs. */
const MEMBERS = `
  SELECT u.id, u.username, u.display_name, u.role,
         coalesce(p.perspectives, '{}') AS perspectives, coalesce(p.topics, '{}') AS topics,
         coalesce(${PAUSED_NOW}, false) AS paused,
         coalesce(p.max_active_assignments, 2) AS max_active,
         (SELECT count(*)::int FROM assignment_offers o JOIN assignments a ON a.id = o.assignment_id
           WHERE o.user_id = u.id AND o.status = 'accepted' AND a.status = 'active') AS active,
         (SELECT count(*)::int FROM assignment_offers o JOIN assignments a ON a.id = o.assignment_id
           WHERE o.user_id = u.id AND o.status = 'accepted' AND a.status IN ('draft', 'active')) AS committed,
         (SELECT max(a.starts_at) FROM assignment_offers o JOIN assignments a ON a.id = o.assignment_id
           WHERE o.user_id = u.id AND o.status IN ('accepted', 'released') AND a.status <> 'cancelled') AS last_assignment_at,
         (SELECT c.load FROM assignment_checkins c WHERE c.user_id = u.id ORDER BY c.created_at DESC, c.id DESC LIMIT 1) AS last_load
  FROM users u LEFT JOIN panel_profiles p ON p.user_id = u.id`;

const ASSIGNMENT = `SELECT a.*, a.created_at::text AS created_key FROM assignments a`;
const OFFER = `SELECT o.*, u.username, u.display_name FROM assignment_offers o JOIN users u ON u.id = o.user_id`;
const CHECKIN = `SELECT c.*, u.username, u.display_name FROM assignment_checkins c JOIN users u ON u.id = c.user_id`;

/** Pool profiles, assignments, their offers and check-ins. */
@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  // --- profiles ---

  async profile(userId: string, tx?: EntityManager): Promise<ProfileRow | null> {
    const rows: ProfileRow[] = await this.m(tx).query(
      `SELECT p.perspectives, p.topics, ${PAUSED_NOW} AS paused,
              CASE WHEN ${PAUSED_NOW} THEN p.paused_until::text END AS paused_until, p.max_active_assignments
       FROM panel_profiles p WHERE p.user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async saveProfile(tx: EntityManager, userId: string, f: ProfileFields): Promise<void> {
    await tx.query(
      `INSERT INTO panel_profiles (user_id, perspectives, topics, paused, paused_until, max_active_assignments)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET perspectives = $2, topics = $3, paused = $4, paused_until = $5,
         max_active_assignments = $6, updated_at = now()`,
      [userId, f.perspectives, f.topics, f.paused, f.pausedUntil, f.maxActiveAssignments],
    );
  }

  /** A pause asked for in a check-in: until the member ends it. */
  async pause(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO panel_profiles (user_id, paused) VALUES ($1, true)
       ON CONFLICT (user_id) DO UPDATE SET paused = true, paused_until = NULL, updated_at = now()`,
      [userId],
    );
  }

  // --- members ---

  /** One user as a pool member (null: no such user), with their load, row-locked against a second offer. */
  async member(tx: EntityManager, userId: string): Promise<MemberRow | null> {
    await tx.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
    const rows: MemberRow[] = await tx.query(`${MEMBERS} WHERE u.id = $1`, [userId]);
    return rows[0] ?? null;
  }

  /** Every panel member: role panel, or anyone who made a pool profile. */
  members(): Promise<MemberRow[]> {
    return this.db.query(
      `${MEMBERS} WHERE u.role = 'panel' OR p.user_id IS NOT NULL ORDER BY lower(u.display_name), u.id`,
    );
  }

  /** Available for this assignment: not paused, under their limit (counting drafts they said yes to), no live offer on it; longest waiting first. */
  available(assignmentId: string): Promise<MemberRow[]> {
    return this.db.query(
      `SELECT * FROM (${MEMBERS} WHERE u.role = 'panel' OR p.user_id IS NOT NULL) m
       WHERE NOT m.paused AND m.committed < m.max_active
         AND NOT EXISTS (SELECT 1 FROM assignment_offers o WHERE o.assignment_id = $1 AND o.user_id = m.id
                           AND o.status IN ('offered', 'accepted'))
       ORDER BY m.last_assignment_at ASC NULLS FIRST, lower(m.display_name), m.id`,
      [assignmentId],
    );
  }

  // --- assignments ---

  async insert(tx: EntityManager, f: AssignmentFields, by: string | null): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO assignments (title, description, requester, confidentiality, starts_at, ends_at, estimated_hours, compensation, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        f.title,
        f.description,
        f.requester,
        f.confidentiality,
        f.startsAt,
        f.endsAt,
        f.estimatedHours,
        f.compensation,
        by,
      ],
    );
    return rows[0].id;
  }

  async update(tx: EntityManager, id: string, f: AssignmentFields): Promise<void> {
    await tx.query(
      `UPDATE assignments SET title = $2, description = $3, requester = $4, confidentiality = $5, starts_at = $6,
         ends_at = $7, estimated_hours = $8, compensation = $9 WHERE id = $1`,
      [
        id,
        f.title,
        f.description,
        f.requester,
        f.confidentiality,
        f.startsAt,
        f.endsAt,
        f.estimatedHours,
        f.compensation,
      ],
    );
  }

  async find(id: string, tx?: EntityManager, lock = false): Promise<AssignmentRow | null> {
    const rows: AssignmentRow[] = await this.m(tx).query(`${ASSIGNMENT} WHERE a.id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Newest first, optionally by status. */
  page(status: AssignmentStatus | null, after: [string, string] | null, limit: number): Promise<AssignmentRow[]> {
    return this.db.query(
      `${ASSIGNMENT}
       WHERE ($1::text IS NULL OR a.status = $1)
         AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
       ORDER BY a.created_at DESC, a.id DESC LIMIT $4`,
      [status, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async setStatus(tx: EntityManager, id: string, status: AssignmentStatus): Promise<void> {
    await tx.query(
      `UPDATE assignments SET status = $2,
         started_at = CASE WHEN $2 = 'active' THEN clock_timestamp() ELSE started_at END,
         ended_at = CASE WHEN $2 IN ('completed', 'cancelled') THEN clock_timestamp() ELSE ended_at END
       WHERE id = $1`,
      [id, status],
    );
  }

  async setNeedsBackup(tx: EntityManager, id: string, needs: boolean): Promise<void> {
    await tx.query(`UPDATE assignments SET needs_backup = $2 WHERE id = $1`, [id, needs]);
  }

  /** Active assignments whose end has passed, completed now (each once, however many processes ask); their ids. */
  async completeEnded(tx: EntityManager): Promise<{ id: string; title: string }[]> {
    const [rows]: [{ id: string; title: string }[], number] = await tx.query(
      `UPDATE assignments SET status = 'completed', ended_at = clock_timestamp()
       WHERE id IN (SELECT id FROM assignments WHERE status = 'active' AND ends_at <= now() FOR UPDATE SKIP LOCKED)
       RETURNING id, title`,
    );
    return rows;
  }

  // --- offers ---

  async insertOffer(tx: EntityManager, assignmentId: string, userId: string, role: OfferRole): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO assignment_offers (assignment_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (assignment_id, user_id) WHERE status IN ('offered', 'accepted') DO NOTHING RETURNING id`,
      [assignmentId, userId, role],
    );
    return rows[0]?.id ?? null;
  }

  offersOf(assignmentId: string, tx?: EntityManager): Promise<OfferRow[]> {
    return this.m(tx).query(`${OFFER} WHERE o.assignment_id = $1 ORDER BY o.created_at, o.id`, [assignmentId]);
  }

  async offer(tx: EntityManager, id: string): Promise<OfferRow | null> {
    const rows: OfferRow[] = await tx.query(`${OFFER} WHERE o.id = $1 FOR UPDATE OF o`, [id]);
    return rows[0] ?? null;
  }

  async answerOffer(tx: EntityManager, id: string, status: 'accepted' | 'declined'): Promise<void> {
    await tx.query(`UPDATE assignment_offers SET status = $2, answered_at = clock_timestamp() WHERE id = $1`, [
      id,
      status,
    ]);
  }

  async setOffer(tx: EntityManager, id: string, fields: { role?: OfferRole; status?: OfferStatus }): Promise<void> {
    await tx.query(
      `UPDATE assignment_offers SET role = coalesce($2, role), status = coalesce($3, status) WHERE id = $1`,
      [id, fields.role ?? null, fields.status ?? null],
    );
  }

  // --- check-ins ---

  async insertCheckin(
    tx: EntityManager,
    c: { assignmentId: string; userId: string; load: number; note: string | null; wantPause: boolean; final: boolean },
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO assignment_checkins (assignment_id, user_id, load, note, want_pause, final)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.assignmentId, c.userId, c.load, c.note, c.wantPause, c.final],
    );
    return rows[0].id;
  }

  checkinsOf(assignmentId: string): Promise<CheckinRow[]> {
    return this.db.query(`${CHECKIN} WHERE c.assignment_id = $1 ORDER BY c.created_at, c.id`, [assignmentId]);
  }

  // --- the member's own ---

  myOffers(userId: string): Promise<MyOfferRow[]> {
    return this.db.query(
      `SELECT a.*, a.created_at::text AS created_key, o.id AS offer_id, o.role, o.status AS offer_status, o.user_id
       FROM assignment_offers o JOIN assignments a ON a.id = o.assignment_id
       WHERE o.user_id = $1 AND o.status = 'offered' AND a.status IN ('draft', 'active')
       ORDER BY o.created_at DESC, o.id DESC`,
      [userId],
    );
  }

  myAssignments(userId: string, assignmentId?: string, tx?: EntityManager): Promise<MyAssignmentRow[]> {
    return this.m(tx).query(
      `SELECT a.*, a.created_at::text AS created_key, o.role, o.status AS offer_status,
              (a.status = 'completed' AND o.status = 'accepted' AND NOT EXISTS (
                 SELECT 1 FROM assignment_checkins c WHERE c.assignment_id = a.id AND c.user_id = o.user_id AND c.final
              )) AS final_checkin_due
       FROM assignment_offers o JOIN assignments a ON a.id = o.assignment_id
       WHERE o.user_id = $1 AND o.status IN ('accepted', 'released') AND ($2::uuid IS NULL OR a.id = $2)
       ORDER BY a.starts_at DESC, a.id DESC`,
      [userId, assignmentId ?? null],
    );
  }

  myCheckins(userId: string): Promise<CheckinRow[]> {
    return this.db.query(`${CHECKIN} WHERE c.user_id = $1 ORDER BY c.created_at, c.id`, [userId]);
  }

  /** The members on an assignment (accepted offers) and those offered it, for notices. */
  async peopleOn(tx: EntityManager, assignmentId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT DISTINCT user_id FROM assignment_offers WHERE assignment_id = $1 AND status IN ('offered', 'accepted')`,
      [assignmentId],
    );
    return rows.map((r) => r.user_id);
  }

  /** The member's own pool data (their export): profile, offers and check-ins; nobody else's. */
  async exportFor(userId: string): Promise<Record<string, unknown>> {
    const [profile] = await this.db.query(
      `SELECT perspectives, topics, paused, paused_until::text AS "pausedUntil",
              max_active_assignments AS "maxActiveAssignments", updated_at AS "updatedAt"
       FROM panel_profiles WHERE user_id = $1`,
      [userId],
    );
    const offers = await this.db.query(
      `SELECT o.id, a.title AS "assignmentTitle", o.role, o.status, o.created_at AS "createdAt", o.answered_at AS "answeredAt"
       FROM assignment_offers o JOIN assignments a ON a.id = o.assignment_id WHERE o.user_id = $1 ORDER BY o.created_at`,
      [userId],
    );
    const checkins = await this.db.query(
      `SELECT c.id, a.title AS "assignmentTitle", c.load, c.note, c.want_pause AS "wantPause", c.final, c.created_at AS "createdAt"
       FROM assignment_checkins c JOIN assignments a ON a.id = c.assignment_id WHERE c.user_id = $1 ORDER BY c.created_at`,
      [userId],
    );
    const optout = await this.db.query(`SELECT created_at FROM newsletter_optouts WHERE user_id = $1`, [userId]);
    return { profile: profile ?? null, offers, checkins, newsletterUnsubscribed: optout.length > 0 };
  }
}
