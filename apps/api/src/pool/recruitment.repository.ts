import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Channel, InterestStatus, Perspective } from './dto/recruitment.dto.js';

export interface InterestRow {
  id: string;
  receipt_code: string;
  name: string;
  email: string | null;
  phone: string | null;
  preferred_channel: Channel;
  perspectives: Perspective[];
  message: string | null;
  newsletter: boolean;
  status: InterestStatus;
  note: string | null;
  created_at: Date;
  created_key: string;
  handled_at: Date | null;
}

export interface NewInterest {
  receiptCode: string;
  name: string;
  email: string | null;
  phone: string | null;
  preferredChannel: Channel;
  perspectives: Perspective[];
  message: string | null;
  newsletter: boolean;
}

const SELECT = `SELECT i.*, i.created_at::text AS created_key FROM panel_interest i`;

/** How long an expression of interest is kept after the coordinator last handled it (decision 0032). */
export const INTEREST_RETENTION = '12 months';

/** The panel's "about" text and the expressions of interest (contact details: admins only). */
@Injectable()
export class RecruitmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async about(): Promise<{ nb: string; en: string }> {
    const rows: { nb: string; en: string }[] = await this.db.query(`SELECT nb, en FROM panel_about`);
    return rows[0] ?? { nb: '', en: '' };
  }

  async setAbout(tx: EntityManager, nb: string, en: string, by: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO panel_about (id, nb, en, updated_by) VALUES (true, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET nb = $1, en = $2, updated_by = $3, updated_at = now()`,
      [nb, en, by],
    );
  }

  async insertInterest(tx: EntityManager, i: NewInterest): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO panel_interest (receipt_code, name, email, phone, preferred_channel, perspectives, message, newsletter)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [i.receiptCode, i.name, i.email, i.phone, i.preferredChannel, i.perspectives, i.message, i.newsletter],
    );
    return rows[0].id;
  }

  async findInterest(manager: EntityManager | undefined, id: string): Promise<InterestRow | null> {
    const rows: InterestRow[] = await (manager ?? this.db.manager).query(`${SELECT} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first, optionally by status. */
  pageInterest(status: InterestStatus | null, after: [string, string] | null, limit: number): Promise<InterestRow[]> {
    return this.db.query(
      `${SELECT}
       WHERE ($1::text IS NULL OR i.status = $1)
         AND ($2::timestamptz IS NULL OR (i.created_at, i.id) < ($2::timestamptz, $3::uuid))
       ORDER BY i.created_at DESC, i.id DESC
       LIMIT $4`,
      [status, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** A status change is handling: the retention clock starts again from it. Null when there is no such row. */
  async updateInterest(tx: EntityManager, id: string, status: InterestStatus, note: string | null | undefined) {
    // An UPDATE answers [rows, count] through TypeORM.
    const [, count]: [unknown, number] = await tx.query(
      `UPDATE panel_interest
       SET status = $2, note = CASE WHEN $4 THEN $3 ELSE note END,
           handled_at = CASE WHEN $2 = 'new' THEN NULL ELSE clock_timestamp() END
       WHERE id = $1`,
      [id, status, note ?? null, note !== undefined],
    );
    return count > 0;
  }

  /** Deletes what was handled longer ago than the retention period; the number deleted. */
  async deleteExpired(tx: EntityManager): Promise<number> {
    const [, count]: [unknown, number] = await tx.query(
      `DELETE FROM panel_interest WHERE handled_at < now() - interval '${INTEREST_RETENTION}'`,
    );
    return count;
  }
}

export interface NewsletterRecipient {
  email: string;
  user_id: string | null;
  interest_id: string | null;
}

/** Newsletters: who gets them, and their unsubscribe tokens (stored as SHA-256). */
@Injectable()
export class NewsletterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Panel members (role panel, or with a pool profile) with an email who did not unsubscribe, and
   * those who expressed interest and asked for it; one each per address.
   */
  recipients(tx: EntityManager, panel: boolean, interested: boolean): Promise<NewsletterRecipient[]> {
    return tx.query(
      `SELECT DISTINCT ON (lower(email)) email, user_id, interest_id FROM (
         SELECT u.email, u.id AS user_id, NULL::uuid AS interest_id, 0 AS rank
         FROM users u LEFT JOIN panel_profiles p ON p.user_id = u.id
         WHERE $1 AND u.email IS NOT NULL AND (u.role = 'panel' OR p.user_id IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM newsletter_optouts o WHERE o.user_id = u.id)
         UNION ALL
         SELECT i.email, NULL, i.id, 1 FROM panel_interest i WHERE $2 AND i.newsletter AND i.email IS NOT NULL
       ) r ORDER BY lower(email), rank`,
      [panel, interested],
    );
  }

  async insert(
    tx: EntityManager,
    n: { subject: string; body: string; audience: string; recipients: number; by: string | null },
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO newsletters (subject, body, audience, recipients, sent_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [n.subject, n.body, n.audience, n.recipients, n.by],
    );
    return rows[0].id;
  }

  async insertToken(tx: EntityManager, hash: Buffer, r: NewsletterRecipient): Promise<void> {
    await tx.query(`INSERT INTO newsletter_tokens (token_hash, user_id, interest_id) VALUES ($1, $2, $3)`, [
      hash,
      r.user_id,
      r.interest_id,
    ]);
  }

  /** Unsubscribes whoever the token belongs to; false for an unknown token. */
  async unsubscribe(tx: EntityManager, hash: Buffer): Promise<boolean> {
    const rows: { user_id: string | null; interest_id: string | null }[] = await tx.query(
      `SELECT user_id, interest_id FROM newsletter_tokens WHERE token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    if (!row) return false;
    if (row.user_id)
      await tx.query(`INSERT INTO newsletter_optouts (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [row.user_id]);
    if (row.interest_id)
      await tx.query(`UPDATE panel_interest SET newsletter = false WHERE id = $1`, [row.interest_id]);
    return true;
  }
}
