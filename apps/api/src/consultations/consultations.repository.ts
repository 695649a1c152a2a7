import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type Audience = 'everyone' | 'members' | 'panel';

export interface ConsultationRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  body_html: string;
  requester: string;
  audience: Audience;
  anonymity: 'named' | 'anonymous';
  confidentiality: string | null;
  status: 'draft' | 'scheduled' | 'open' | 'closed' | 'reported' | 'archived';
  opens_at: Date;
  closes_at: Date;
  report_due_at: Date | null;
  report: ReportBody | null;
  report_published_at: Date | null;
  created_at: Date;
  created_key: string;
  response_count: number;
}

export interface ReportBody {
  heard: string;
  done: string;
  planned: string;
  notDone: string;
  recommendations: { text: string; outcome: string; explanation: string | null }[];
}

export interface QuestionRow {
  id: string;
  consultation_id: string;
  position: number;
  kind: 'text' | 'single' | 'multi' | 'scale';
  prompt: string;
  options: string[] | null;
  required: boolean;
  min: number | null;
  max: number | null;
}

export interface NewConsultation {
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  requester: string;
  audience: Audience;
  anonymity: 'named' | 'anonymous';
  confidentiality: string | null;
  opensAt: Date;
  closesAt: Date;
  reportDueAt: Date | null;
  createdBy: string | null;
}

export type NewQuestion = Omit<QuestionRow, 'id' | 'consultation_id' | 'position'>;

/** Who answered: a named member, an anonymous one by their key, or a guest (by nothing). */
export type Respondent = { userId: string } | { hash: Buffer } | { guest: true };

export interface ResponseRow {
  id: string;
  user_id: string | null;
  respondent_hash: Buffer | null;
}

export interface AcknowledgementRow {
  id: string;
  response: 'received' | 'question' | 'follow_up';
  comment: string | null;
  created_on: string;
  handled_at: Date | null;
  handled_note: string | null;
}

/** A consultation's own fields, in the order of the INSERT and UPDATE below. */
const fieldValues = (c: Omit<NewConsultation, 'createdBy'>) => [
  c.title,
  c.summary,
  c.body,
  c.bodyHtml,
  c.requester,
  c.audience,
  c.anonymity,
  c.confidentiality,
  c.opensAt,
  c.closesAt,
  c.reportDueAt,
];

const COLUMNS = `c.id, c.title, c.summary, c.body, c.body_html, c.requester, c.audience, c.anonymity, c.confidentiality,
  c.status, c.opens_at, c.closes_at, c.report_due_at, c.report, c.report_published_at, c.created_at,
  c.created_at::text AS created_key,
  (SELECT count(*)::int FROM consultation_responses r WHERE r.consultation_id = c.id) AS response_count`;

/** The consultations tables: consultations, their questions, responses, answers and acknowledgements. */
@Injectable()
export class ConsultationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: EntityManager, c: NewConsultation, questions: NewQuestion[]): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO consultations (title, summary, body, body_html, requester, audience, anonymity, confidentiality,
                                  opens_at, closes_at, report_due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [...fieldValues(c), c.createdBy],
    );
    await this.replaceQuestions(tx, row.id, questions);
    return row.id;
  }

  async update(tx: EntityManager, id: string, c: Omit<NewConsultation, 'createdBy'>): Promise<void> {
    await tx.query(
      `UPDATE consultations SET title = $2, summary = $3, body = $4, body_html = $5, requester = $6, audience = $7,
              anonymity = $8, confidentiality = $9, opens_at = $10, closes_at = $11, report_due_at = $12
       WHERE id = $1`,
      [id, ...fieldValues(c)],
    );
  }

  async replaceQuestions(tx: EntityManager, id: string, questions: NewQuestion[]): Promise<void> {
    await tx.query('DELETE FROM consultation_questions WHERE consultation_id = $1', [id]);
    for (const [position, q] of questions.entries())
      await tx.query(
        `INSERT INTO consultation_questions (consultation_id, position, kind, prompt, options, required, min, max)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, position, q.kind, q.prompt, q.options, q.required, q.min, q.max],
      );
  }

  async find(id: string, manager: EntityManager = this.db.manager): Promise<ConsultationRow | null> {
    const rows: ConsultationRow[] = await manager.query(`SELECT ${COLUMNS} FROM consultations c WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The row locked until the transaction ends (publishing, answering, reporting wait for each other). */
  async lock(tx: EntityManager, id: string): Promise<ConsultationRow | null> {
    await tx.query('SELECT 1 FROM consultations WHERE id = $1 FOR UPDATE', [id]);
    return this.find(id, tx);
  }

  /** Newest first; drafts only when asked for. */
  list(
    audiences: Audience[],
    withDrafts: boolean,
    after: [string, string] | null,
    limit: number,
  ): Promise<ConsultationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM consultations c
       WHERE c.audience = ANY($1::text[]) AND ($2::boolean OR c.status <> 'draft')
         AND ($3::timestamptz IS NULL OR (c.created_at, c.id) < ($3::timestamptz, $4::uuid))
       ORDER BY c.created_at DESC, c.id DESC
       LIMIT $5`,
      [audiences, withDrafts, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  questionsOf(id: string, manager: EntityManager = this.db.manager): Promise<QuestionRow[]> {
    return manager.query(
      `SELECT id, consultation_id, position, kind, prompt, options, required, min, max
       FROM consultation_questions WHERE consultation_id = $1 ORDER BY position`,
      [id],
    );
  }

  setStatus(tx: EntityManager, id: string, status: ConsultationRow['status']): Promise<unknown> {
    return tx.query('UPDATE consultations SET status = $2 WHERE id = $1', [id, status]);
  }

  /**
   * The clock: opens what is due to open and closes what is due to close. Each row changes in one
   * UPDATE guarded by its status, so several processes (or a restart) do it once. Returns how many
   * consultations changed.
   */
  async tick(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      `WITH closed AS (
         UPDATE consultations SET status = 'closed'
         WHERE status IN ('scheduled', 'open') AND closes_at <= now()
         RETURNING id),
       opened AS (
         UPDATE consultations SET status = 'open'
         WHERE status = 'scheduled' AND opens_at <= now() AND closes_at > now()
         RETURNING id)
       SELECT (SELECT count(*) FROM closed)::int + (SELECT count(*) FROM opened)::int AS n`,
    );
    return n;
  }

  /** Overdue reports not yet reminded of today: marked reminded, once, whichever process gets there. */
  async overdueToRemind(): Promise<{ id: string; title: string }[]> {
    const [rows]: [{ id: string; title: string }[], number] = await this.db.query(
      `UPDATE consultations SET overdue_reminded_on = current_date
       WHERE status IN ('open', 'closed') AND report_due_at < now() AND report_published_at IS NULL
         AND (overdue_reminded_on IS NULL OR overdue_reminded_on < current_date)
       RETURNING id, title`,
    );
    return rows;
  }

  async responseOf(id: string, who: Respondent, manager: EntityManager = this.db.manager): Promise<ResponseRow | null> {
    if ('guest' in who) return null;
    const rows: ResponseRow[] = await manager.query(
      `SELECT id, user_id, respondent_hash FROM consultation_responses
       WHERE consultation_id = $1 AND (user_id = $2 OR respondent_hash = $3)`,
      [id, 'userId' in who ? who.userId : null, 'hash' in who ? who.hash : null],
    );
    return rows[0] ?? null;
  }

  async responseByReceipt(id: string, receiptHash: Buffer): Promise<ResponseRow | null> {
    const rows: ResponseRow[] = await this.db.query(
      'SELECT id, user_id, respondent_hash FROM consultation_responses WHERE consultation_id = $1 AND receipt_hash = $2',
      [id, receiptHash],
    );
    return rows[0] ?? null;
  }

  /** A response and its answers; null when this respondent answered already (the unique indexes). */
  async insertResponse(
    tx: EntityManager,
    id: string,
    who: Respondent,
    receiptHash: Buffer,
    answers: { questionId: string; value: unknown }[],
  ): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO consultation_responses (consultation_id, user_id, respondent_hash, receipt_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [id, 'userId' in who ? who.userId : null, 'hash' in who ? who.hash : null, receiptHash],
    );
    if (rows.length === 0) return null;
    for (const a of answers)
      await tx.query('INSERT INTO consultation_answers (response_id, question_id, value) VALUES ($1, $2, $3)', [
        rows[0].id,
        a.questionId,
        JSON.stringify(a.value),
      ]);
    return rows[0].id;
  }

  /** Every answer of the consultation that counts (not rejected by a moderator), free texts in their random order. */
  answersOf(id: string): Promise<{ question_id: string; value: unknown }[]> {
    return this.db.query(
      `SELECT a.question_id, a.value FROM consultation_answers a
       JOIN consultation_responses r ON r.id = a.response_id
       WHERE r.consultation_id = $1 AND NOT r.excluded
       ORDER BY a.shuffle`,
      [id],
    );
  }

  async countedResponses(id: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      'SELECT count(*)::int AS n FROM consultation_responses WHERE consultation_id = $1 AND NOT excluded',
      [id],
    );
    return row.n;
  }

  /** For the moderation queue: each response's consultation and its free texts (no respondent). */
  forQueue(
    responseIds: string[],
  ): Promise<{ response_id: string; consultation_id: string; title: string; texts: string[] }[]> {
    return this.db.query(
      `SELECT r.id AS response_id, c.id AS consultation_id, c.title,
              coalesce(array_agg(a.value #>> '{}' ORDER BY q.position) FILTER (WHERE q.kind = 'text'), '{}') AS texts
       FROM consultation_responses r
       JOIN consultations c ON c.id = r.consultation_id
       LEFT JOIN consultation_answers a ON a.response_id = r.id
       LEFT JOIN consultation_questions q ON q.id = a.question_id
       WHERE r.id = ANY($1::uuid[])
       GROUP BY r.id, c.id, c.title`,
      [responseIds],
    );
  }

  /** A moderator's decision on a crisis answer: rejected, it is left out of results and the CSV. */
  async setExcluded(tx: EntityManager, responseId: string, excluded: boolean): Promise<boolean> {
    const [, count]: [unknown, number] = await tx.query(
      'UPDATE consultation_responses SET excluded = $2 WHERE id = $1',
      [responseId, excluded],
    );
    return count > 0;
  }

  respondents(tx: EntityManager, id: string): Promise<ResponseRow[]> {
    return tx.query('SELECT id, user_id, respondent_hash FROM consultation_responses WHERE consultation_id = $1', [id]);
  }

  async setReport(tx: EntityManager, id: string, report: ReportBody): Promise<void> {
    await tx.query('UPDATE consultations SET report = $2 WHERE id = $1', [id, JSON.stringify(report)]);
  }

  async publishReport(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE consultations SET status = 'reported', report_published_at = now() WHERE id = $1`, [id]);
  }

  /** One per respondent: a second replaces the first (and is unhandled again). */
  async upsertAcknowledgement(
    tx: EntityManager,
    responseId: string,
    response: string,
    comment: string | null,
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO consultation_acknowledgements (response_id, response, comment) VALUES ($1, $2, $3)
       ON CONFLICT (response_id) DO UPDATE SET response = EXCLUDED.response, comment = EXCLUDED.comment,
              created_on = current_date, handled_at = NULL, handled_note = NULL
       RETURNING id`,
      [responseId, response, comment],
    );
    return row.id;
  }

  acknowledgementsOf(id: string): Promise<AcknowledgementRow[]> {
    return this.db.query(
      `SELECT a.id, a.response, a.comment, a.created_on::text AS created_on, a.handled_at, a.handled_note
       FROM consultation_acknowledgements a JOIN consultation_responses r ON r.id = a.response_id
       WHERE r.consultation_id = $1
       ORDER BY a.handled_at IS NOT NULL, a.id`,
      [id],
    );
  }

  /** Marks it handled; the respondent to tell, or null when there is no such acknowledgement. */
  async handle(tx: EntityManager, id: string, ackId: string, note: string): Promise<ResponseRow | null> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows]: [ResponseRow[], number] = await tx.query(
      `UPDATE consultation_acknowledgements a SET handled_at = now(), handled_note = $3
       FROM consultation_responses r
       WHERE a.id = $2 AND r.id = a.response_id AND r.consultation_id = $1
       RETURNING r.id, r.user_id, r.respondent_hash`,
      [id, ackId, note],
    );
    return rows[0] ?? null;
  }

  async openFollowUps(tx: EntityManager, id: string): Promise<number> {
    const [row]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM consultation_acknowledgements a JOIN consultation_responses r ON r.id = a.response_id
       WHERE r.consultation_id = $1 AND a.response IN ('question', 'follow_up') AND a.handled_at IS NULL`,
      [id],
    );
    return row.n;
  }

  /**
   * Reports published in (after, until] of the audiences given: what the panel achieved between two
   * seminars (the calendar, issue 15). Drafts never have a report, so none is among them.
   */
  reportsPublishedBetween(
    after: Date | null,
    until: Date,
    audiences: Audience[],
  ): Promise<{ id: string; title: string; report_published_at: Date }[]> {
    return this.db.query(
      `SELECT id, title, report_published_at FROM consultations
       WHERE report_published_at IS NOT NULL AND audience = ANY($3::text[])
         AND ($1::timestamptz IS NULL OR report_published_at > $1) AND report_published_at <= $2
       ORDER BY report_published_at, id
       LIMIT 100`,
      [after, until, audiences],
    );
  }

  /** A member's named answers and their acknowledgements (their export); anonymous ones link to no one. */
  namedForExport(userId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT c.title AS consultation, r.created_on::text AS "answeredOn",
              coalesce(json_agg(json_build_object('question', q.prompt, 'answer', a.value) ORDER BY q.position)
                       FILTER (WHERE q.id IS NOT NULL), '[]') AS answers,
              ack.response AS acknowledgement, ack.comment AS "acknowledgementComment", ack.handled_note AS "followUp"
       FROM consultation_responses r
       JOIN consultations c ON c.id = r.consultation_id
       LEFT JOIN consultation_answers a ON a.response_id = r.id
       LEFT JOIN consultation_questions q ON q.id = a.question_id
       LEFT JOIN consultation_acknowledgements ack ON ack.response_id = r.id
       WHERE r.user_id = $1
       GROUP BY r.id, c.title, ack.response, ack.comment, ack.handled_note
       ORDER BY r.created_on, r.id`,
      [userId],
    );
  }
}
