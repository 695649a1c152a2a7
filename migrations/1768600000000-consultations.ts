import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultations (rådslag): the panel is asked, answers, and is told what came of it (ground rules
 * 8 and 9). Anonymous answers are stored without a user id, an IP or a time finer than the date:
 * "has this member answered" goes through their keyed hash in the consultation (decision 0031).
 * Free-text answers carry a random sort key, so their order does not follow submission.
 */
export class Consultations1768600000000 implements MigrationInterface {
  name = 'Consultations1768600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consultations (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title               text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 150),
        summary             text NOT NULL,
        body                text NOT NULL,
        body_html           text NOT NULL,
        requester           text NOT NULL,
        audience            text NOT NULL CHECK (audience IN ('everyone', 'members', 'panel')),
        anonymity           text NOT NULL CHECK (anonymity IN ('named', 'anonymous')),
        confidentiality     text,
        status              text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'scheduled', 'open', 'closed', 'reported', 'archived')),
        opens_at            timestamptz NOT NULL,
        closes_at           timestamptz NOT NULL CHECK (closes_at > opens_at),
        report_due_at       timestamptz,
        report              jsonb,
        report_published_at timestamptz,
        -- The day the admins were last reminded of an overdue report (one reminder a day).
        overdue_reminded_on date,
        created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX consultations_clock_idx ON consultations (status, opens_at, closes_at)`);

    await db.query(`
      CREATE TABLE consultation_questions (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        position        integer NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('text', 'single', 'multi', 'scale')),
        prompt          text NOT NULL,
        options         text[],
        required        boolean NOT NULL DEFAULT false,
        min             integer,
        max             integer,
        UNIQUE (consultation_id, position)
      )`);

    // One row per respondent: a named member by id, an anonymous one by their keyed hash in the
    // consultation, a guest by nothing; each by the hash of their receipt code. Date, not time.
    await db.query(`
      CREATE TABLE consultation_responses (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
        respondent_hash bytea,
        receipt_hash    bytea NOT NULL UNIQUE,
        created_on      date NOT NULL DEFAULT current_date,
        CHECK (user_id IS NULL OR respondent_hash IS NULL)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX consultation_responses_member_idx ON consultation_responses (consultation_id, user_id) WHERE user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX consultation_responses_hash_idx ON consultation_responses (consultation_id, respondent_hash) WHERE respondent_hash IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE consultation_answers (
        response_id uuid NOT NULL REFERENCES consultation_responses (id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES consultation_questions (id) ON DELETE CASCADE,
        value       jsonb NOT NULL,
        -- Free texts are listed by this, so their order says nothing about who answered when.
        shuffle     double precision NOT NULL DEFAULT random(),
        PRIMARY KEY (response_id, question_id)
      )`);

    await db.query(`
      CREATE TABLE consultation_acknowledgements (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        response_id  uuid NOT NULL UNIQUE REFERENCES consultation_responses (id) ON DELETE CASCADE,
        response     text NOT NULL CHECK (response IN ('received', 'question', 'follow_up')),
        comment      text,
        created_on   date NOT NULL DEFAULT current_date,
        handled_at   timestamptz,
        handled_note text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consultation_acknowledgements`);
    await db.query(`DROP TABLE consultation_answers`);
    await db.query(`DROP TABLE consultation_responses`);
    await db.query(`DROP TABLE consultation_questions`);
    await db.query(`DROP TABLE consultations`);
  }
}
