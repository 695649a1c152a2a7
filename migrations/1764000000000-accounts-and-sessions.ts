import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, login sessions, one-time password resets, site settings and the append-only audit log. */
export class AccountsAndSessions1764000000000 implements MigrationInterface {
  name = 'AccountsAndSessions1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text NOT NULL,
        display_name  text NOT NULL,
        email         text,
        password_hash text NOT NULL,
        role          text NOT NULL DEFAULT 'member'
                      CHECK (role IN ('member', 'panel', 'host', 'moderator', 'admin')),
        -- Random per-user salt behind every anonymous link (HMAC with ANON_SECRET). It lives only
        -- here, so deleting the row breaks those links for good.
        anon_salt     bytea NOT NULL,
        on_duty_until timestamptz,
        break_until   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);

    await db.query(`
      CREATE TABLE sessions (
        sid        text PRIMARY KEY,
        user_id    uuid REFERENCES users (id) ON DELETE CASCADE,
        data       jsonb NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`);
    await db.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    await db.query(`
      CREATE TABLE password_resets (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash  bytea NOT NULL UNIQUE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE settings (
        id     smallint PRIMARY KEY CHECK (id = 1),
        values jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`INSERT INTO settings (id, values) VALUES (1, '{}'::jsonb)`);

    // Ids, not copies of personal data: actor_id has no foreign key, so deleting an account leaves
    // an id that points at nobody.
    await db.query(`
      CREATE TABLE audit_log (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id    uuid,
        action      text NOT NULL,
        target_type text,
        target_id   uuid,
        reason      text,
        meta        jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC)`);
    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION audit_log_append_only`);
    await db.query(`DROP TABLE settings`);
    await db.query(`DROP TABLE password_resets`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE users`);
  }
}
