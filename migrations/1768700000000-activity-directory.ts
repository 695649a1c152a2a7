import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity directory (aktivitetstilbud, issue 17) in the terms of the Open Referral Human
 * Services Data Specification 3.0: organisations offer services (offers), delivered at locations
 * (service_at_location), open at times given as HSDS's RRULE fields with a plain-text description
 * beside them, with organisational contacts, phones, cost options and activity types (taxonomy
 * terms, linked to services as HSDS attributes). What each column maps to is in decision 0035.
 *
 * A service is `active` (published), `inactive`, `temporarily closed` or `defunct` (retired: out
 * of the feed). Suggestions from anyone wait in `directory_suggestions` until a moderator decides
 * them in the moderation queue (type `directory_suggestion`); the suggester's receipt is kept
 * only as a hash.
 */
export class ActivityDirectory1768700000000 implements MigrationInterface {
  name = 'ActivityDirectory1768700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_organizations (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        email       text,
        website     text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX directory_organizations_name_idx ON directory_organizations (lower(name))`);

    await db.query(`
      CREATE TABLE directory_services (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id         uuid NOT NULL REFERENCES directory_organizations (id) ON DELETE RESTRICT,
        name                    text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        alternate_name          text,
        description             text NOT NULL DEFAULT '',
        url                     text,
        email                   text,
        status                  text NOT NULL DEFAULT 'active'
                                CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
        fees_description        text,
        eligibility_description text,
        application_process     text,
        minimum_age             integer CHECK (minimum_age BETWEEN 0 AND 120),
        maximum_age             integer CHECK (maximum_age BETWEEN 0 AND 120),
        alert                   text,
        -- The municipality by its number (kommunenummer, four digits), e.g. 4627 Askøy.
        municipality_code       text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
        -- The day a moderator last checked it (HSDS assured_date), in Europe/Oslo.
        assured_date            date,
        -- Set by the daily job when not checked for 180 days; cleared by a check (x_stale).
        stale                   boolean NOT NULL DEFAULT false,
        created_at              timestamptz NOT NULL DEFAULT now(),
        last_modified           timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX directory_services_feed_idx ON directory_services (status, municipality_code, name)`);

    await db.query(`
      CREATE TABLE directory_locations (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id     uuid REFERENCES directory_organizations (id) ON DELETE CASCADE,
        location_type       text NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
        name                text,
        description         text,
        transportation      text,
        latitude            double precision,
        longitude           double precision,
        url                 text,
        -- One address per location (HSDS address); it has an id of its own in the feed.
        address_id          uuid NOT NULL DEFAULT gen_random_uuid(),
        address_1           text,
        city                text,
        postal_code         text,
        state_province      text,
        country             text NOT NULL DEFAULT 'NO',
        municipality_code   text CHECK (municipality_code ~ '^[0-9]{4}$'),
        -- Accessibility in words (HSDS accessibility.description), with an id of its own.
        accessibility_id    uuid NOT NULL DEFAULT gen_random_uuid(),
        accessibility       text
      )`);

    await db.query(`
      CREATE TABLE directory_service_at_locations (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id  uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
        location_id uuid NOT NULL REFERENCES directory_locations (id) ON DELETE CASCADE,
        description text,
        UNIQUE (service_id, location_id)
      )`);

    await db.query(`
      CREATE TABLE directory_schedules (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id  uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
        -- RFC 5545 recurrence as HSDS spells it; NULL freq: a description only ("ring for avtale").
        freq        text CHECK (freq IN ('WEEKLY', 'MONTHLY')),
        "interval"  integer CHECK ("interval" BETWEEN 1 AND 52),
        byday       text CHECK (byday ~ '^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$'),
        bymonthday  text CHECK (bymonthday ~ '^-?[0-9]{1,2}(,-?[0-9]{1,2})*$'),
        wkst        text CHECK (wkst IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
        dtstart     date,
        until       date,
        valid_from  date,
        valid_to    date,
        -- Local time in Europe/Oslo.
        opens_at    time,
        closes_at   time,
        description text NOT NULL,
        notes       text,
        position    integer NOT NULL DEFAULT 0
      )`);
    await db.query(`CREATE INDEX directory_schedules_service_idx ON directory_schedules (service_id, position)`);

    await db.query(`
      CREATE TABLE directory_contacts (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id      uuid REFERENCES directory_services (id) ON DELETE CASCADE,
        organization_id uuid REFERENCES directory_organizations (id) ON DELETE CASCADE,
        -- Organisational contacts only ("Frivilligsentralen", "Kontoret"), never a private person.
        name            text,
        title           text,
        department      text,
        email           text,
        CHECK (service_id IS NOT NULL OR organization_id IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE directory_phones (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id      uuid REFERENCES directory_services (id) ON DELETE CASCADE,
        organization_id uuid REFERENCES directory_organizations (id) ON DELETE CASCADE,
        number          text NOT NULL CHECK (char_length(number) BETWEEN 3 AND 30),
        type            text,
        description     text,
        CHECK (service_id IS NOT NULL OR organization_id IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE directory_cost_options (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id         uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
        option             text,
        currency           text NOT NULL DEFAULT 'NOK',
        amount             numeric(10, 2) CHECK (amount >= 0),
        amount_description text
      )`);

    await db.query(`
      CREATE TABLE directory_taxonomy_terms (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,48}$'),
        name        text NOT NULL,
        name_en     text NOT NULL,
        description text NOT NULL,
        position    integer NOT NULL DEFAULT 0
      )`);
    await db.query(`CREATE UNIQUE INDEX directory_taxonomy_terms_name_idx ON directory_taxonomy_terms (lower(name))`);

    // A service's activity types: HSDS attributes linking the service to a taxonomy term.
    await db.query(`
      CREATE TABLE directory_service_terms (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
        term_id    uuid NOT NULL REFERENCES directory_taxonomy_terms (id) ON DELETE CASCADE,
        UNIQUE (service_id, term_id)
      )`);
    await db.query(`CREATE INDEX directory_service_terms_term_idx ON directory_service_terms (term_id)`);

    await db.query(`
      CREATE TABLE directory_suggestions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Set: a correction of that offer; NULL: a new offer.
        service_id       uuid REFERENCES directory_services (id) ON DELETE CASCADE,
        fields           jsonb NOT NULL,
        status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
        rejection_reason text,
        -- Kept private: never in the feed, only for the moderator to write back.
        suggester_email  text,
        receipt_hash     bytea NOT NULL UNIQUE,
        result_service_id uuid REFERENCES directory_services (id) ON DELETE SET NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        decided_at       timestamptz
      )`);

    await db.query(
      `ALTER TABLE moderation_queue ADD COLUMN directory_suggestion_id uuid REFERENCES directory_suggestions (id) ON DELETE CASCADE`,
    );
    await db.query(`
      ALTER TABLE moderation_queue
        DROP CONSTRAINT moderation_queue_type_check,
        DROP CONSTRAINT moderation_queue_forum_check,
        ADD CONSTRAINT moderation_queue_type_check
          CHECK (type IN ('thread', 'post', 'flag', 'cafe_message', 'consultation_answer', 'directory_suggestion')),
        ADD CONSTRAINT moderation_queue_directory_check
          CHECK ((type = 'directory_suggestion') = (directory_suggestion_id IS NOT NULL)),
        ADD CONSTRAINT moderation_queue_forum_check
          CHECK (type IN ('cafe_message', 'consultation_answer', 'directory_suggestion')
                 OR (post_id IS NOT NULL AND thread_id IS NOT NULL))`);

    const terms: [string, string, string, string][] = [
      ['turgruppe', 'Turgruppe', 'Walking group', 'Turer i nærmiljøet sammen med andre, i eget tempo.'],
      [
        'kafe-og-moteplass',
        'Kafé og møteplass',
        'Café and meeting place',
        'Et sted å komme innom, ta en kaffe og treffe folk.',
      ],
      ['trening', 'Trening', 'Exercise', 'Trening og fysisk aktivitet i gruppe eller alene med veiledning.'],
      [
        'kunst-og-kultur',
        'Kunst og kultur',
        'Arts and culture',
        'Musikk, maling, skriving, teater og andre kreative aktiviteter.',
      ],
      ['samtalegruppe', 'Samtalegruppe', 'Conversation group', 'Faste samtaler i en liten gruppe med en leder.'],
      [
        'selvhjelpsgruppe',
        'Selvhjelpsgruppe',
        'Self-help group',
        'Grupper der deltakerne hjelper hverandre, uten fagperson.',
      ],
      ['ettervern', 'Ettervern', 'Aftercare', 'Oppfølging og støtte etter utskrivning eller behandling.'],
      ['parorendetilbud', 'Pårørendetilbud', 'For relatives', 'Støtte, kurs og møteplasser for pårørende.'],
      ['likeperson', 'Likepersonstilbud', 'Peer support', 'Samtale med noen som har erfaring fra det samme.'],
      ['kurs-og-opplaering', 'Kurs og opplæring', 'Courses', 'Kurs om mestring, helse og hverdagsliv.'],
      [
        'arbeid-og-aktivitet',
        'Arbeid og aktivitet',
        'Work and activity',
        'Arbeidstrening, dagaktivitet og meningsfylt arbeid.',
      ],
      ['digitalt-tilbud', 'Digitalt tilbud', 'Online', 'Tilbud på nett eller telefon.'],
    ];
    for (const [i, [code, name, nameEn, description]] of terms.entries())
      await db.query(
        `INSERT INTO directory_taxonomy_terms (code, name, name_en, description, position) VALUES ($1, $2, $3, $4, $5)`,
        [code, name, nameEn, description, i],
      );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM moderation_queue WHERE type = 'directory_suggestion'`);
    await db.query(`
      ALTER TABLE moderation_queue
        DROP CONSTRAINT moderation_queue_type_check,
        DROP CONSTRAINT moderation_queue_directory_check,
        DROP CONSTRAINT moderation_queue_forum_check,
        ADD CONSTRAINT moderation_queue_type_check
          CHECK (type IN ('thread', 'post', 'flag', 'cafe_message', 'consultation_answer')),
        ADD CONSTRAINT moderation_queue_forum_check
          CHECK (type IN ('cafe_message', 'consultation_answer') OR (post_id IS NOT NULL AND thread_id IS NOT NULL)),
        DROP COLUMN directory_suggestion_id`);
    for (const table of [
      'directory_suggestions',
      'directory_service_terms',
      'directory_taxonomy_terms',
      'directory_cost_options',
      'directory_phones',
      'directory_contacts',
      'directory_schedules',
      'directory_service_at_locations',
      'directory_locations',
      'directory_services',
      'directory_organizations',
    ])
      await db.query(`DROP TABLE ${table}`);
  }
}
