import type { MigrationInterface, QueryRunner } from 'typeorm';

const ABOUT_NB = `## Hva er erfaringspanelet?

Erfaringspanelet er en gruppe mennesker med egen erfaring fra psykisk helse – som brukere, pårørende, likepersoner eller ansatte. Tjenester og prosjekter spør panelet om råd, og panelet får vite hva som kom ut av rådene.

## Hva ber vi om?

- **Tid:** et oppdrag varer i høyst seks måneder og har et anslag over timer. Du sier selv hvor mange oppdrag du vil ha samtidig (vanligvis to), og du kan ta pause når som helst.
- **Honorar:** oppdrag honoreres etter satsene som står i hvert oppdrag.
- **Støtte:** hvert oppdrag har en hovedperson og en reserve, og en koordinator du kan snakke med. Du blir spurt jevnlig hvordan belastningen er.

## Hvordan blir jeg med?

Fyll ut skjemaet under. Du trenger ikke konto. Koordinatoren tar kontakt slik du ønsker.`;

const ABOUT_EN = `## What is the experience panel?

The experience panel is a group of people with their own experience of mental health – as service users, relatives, peer workers or staff. Services and projects ask the panel for advice, and the panel is told what came of it.

## What do we ask of you?

- **Time:** an assignment lasts at most six months and has an estimate of hours. You say how many assignments you want at once (usually two), and you can pause at any time.
- **Pay:** assignments are paid at the rates given in each assignment.
- **Support:** every assignment has a main person and a backup, and a coordinator you can talk to. You are asked regularly how heavy the load is.

## How do I join?

Fill in the form below. You don't need an account. The coordinator will contact you the way you prefer.`;

/**
 * The panel's pool (issue 16): what the panel is, expressions of interest from people without an
 * account, pool profiles of panel members, assignments (oppdrag) with a mandate, an end at most
 * six months after the start, a primary and a backup, check-ins on the load, and newsletters.
 *
 * - An expression of interest holds contact details of someone who has no account: admins only
 *   see it, and a job deletes the row 12 months after it was last handled (decision 0032).
 * - The end date is required and at most 183 days after the start, in the table too, so no code
 *   path can make an open-ended assignment (a renewal is a new assignment, with new consent).
 * - Unsubscribe tokens are stored as their SHA-256: a dump does not unsubscribe anyone.
 */
export class PanelPool1768800000000 implements MigrationInterface {
  name = 'PanelPool1768800000000';

  async up(db: QueryRunner): Promise<void> {
    // One row: the panel's "about" page in both languages.
    await db.query(`
      CREATE TABLE panel_about (
        id         boolean PRIMARY KEY DEFAULT true CHECK (id),
        nb         text NOT NULL,
        en         text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`INSERT INTO panel_about (nb, en) VALUES ($1, $2)`, [ABOUT_NB, ABOUT_EN]);

    await db.query(`
      CREATE TABLE panel_interest (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_code      text NOT NULL UNIQUE,
        name              text NOT NULL,
        email             text,
        phone             text,
        preferred_channel text NOT NULL CHECK (preferred_channel IN ('email', 'sms', 'phone')),
        perspectives      text[] NOT NULL CHECK (perspectives <@ ARRAY['user', 'relative', 'peer', 'staff']),
        message           text,
        newsletter        boolean NOT NULL DEFAULT false,
        status            text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'joined', 'declined')),
        note              text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        -- The last time the coordinator changed its status; the row is deleted 12 months after.
        handled_at        timestamptz,
        CHECK (email IS NOT NULL OR phone IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX panel_interest_created ON panel_interest (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX panel_interest_handled ON panel_interest (handled_at) WHERE handled_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE panel_profiles (
        user_id                uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        perspectives           text[] NOT NULL DEFAULT '{}' CHECK (perspectives <@ ARRAY['user', 'relative', 'peer', 'staff']),
        topics                 text[] NOT NULL DEFAULT '{}',
        paused                 boolean NOT NULL DEFAULT false,
        -- With paused: the day the pause ends by itself (none: until the member ends it).
        paused_until           date,
        max_active_assignments integer NOT NULL DEFAULT 2 CHECK (max_active_assignments BETWEEN 1 AND 10),
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE assignments (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title              text NOT NULL,
        description        text NOT NULL,
        requester          text NOT NULL,
        confidentiality    text NOT NULL,
        starts_at          timestamptz NOT NULL,
        ends_at            timestamptz NOT NULL,
        estimated_hours    integer NOT NULL CHECK (estimated_hours BETWEEN 1 AND 2000),
        compensation       text,
        status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'completed', 'cancelled')),
        -- The primary paused and the backup took over: a new backup is wanted.
        needs_backup       boolean NOT NULL DEFAULT false,
        created_by         uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        started_at         timestamptz,
        ended_at           timestamptz,
        CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '183 days')
      )`);
    await db.query(`CREATE INDEX assignments_created ON assignments (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX assignments_active_end ON assignments (ends_at) WHERE status = 'active'`);

    await db.query(`
      CREATE TABLE assignment_offers (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
        user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role          text NOT NULL CHECK (role IN ('primary', 'backup')),
        -- released: the member paused and handed the assignment on.
        status        text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'declined', 'released')),
        created_at    timestamptz NOT NULL DEFAULT now(),
        answered_at   timestamptz
      )`);
    // One live offer per member on an assignment: nobody is their own backup.
    await db.query(
      `CREATE UNIQUE INDEX assignment_offers_one_per_member ON assignment_offers (assignment_id, user_id) WHERE status IN ('offered', 'accepted')`,
    );
    await db.query(`CREATE INDEX assignment_offers_user ON assignment_offers (user_id)`);

    await db.query(`
      CREATE TABLE assignment_checkins (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
        user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        load          integer NOT NULL CHECK (load BETWEEN 1 AND 5),
        -- Seen by its writer and the admins only.
        note          text,
        want_pause    boolean NOT NULL DEFAULT false,
        -- The last check-in at the assignment's end, with what they would change.
        final         boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX assignment_checkins_assignment ON assignment_checkins (assignment_id, created_at)`);
    await db.query(`CREATE INDEX assignment_checkins_user ON assignment_checkins (user_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE newsletters (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject     text NOT NULL,
        body        text NOT NULL,
        audience    text NOT NULL CHECK (audience IN ('panel', 'interested', 'both')),
        recipients  integer NOT NULL DEFAULT 0,
        sent_by     uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // Panel members who unsubscribed (those who expressed interest: panel_interest.newsletter = false).
    await db.query(`
      CREATE TABLE newsletter_optouts (
        user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE newsletter_tokens (
        token_hash  bytea PRIMARY KEY,
        user_id     uuid REFERENCES users (id) ON DELETE CASCADE,
        interest_id uuid REFERENCES panel_interest (id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK ((user_id IS NULL) <> (interest_id IS NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'newsletter_tokens',
      'newsletter_optouts',
      'newsletters',
      'assignment_checkins',
      'assignment_offers',
      'assignments',
      'panel_profiles',
      'panel_interest',
      'panel_about',
    ])
      await db.query(`DROP TABLE ${table}`);
  }
}
