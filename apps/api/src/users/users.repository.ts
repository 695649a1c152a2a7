import { Injectable } from '@nestjs/common';
import { nameSkeleton } from '#libs/content';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '#libs/contracts';

/** A user's public fields, as every list and session shows them. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

const USER_COLUMNS = 'id, username, display_name AS "displayName", role';

/** The `users` and `password_resets` tables. Columns other features may read are behind methods here. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A new account; null when the username is taken (case-insensitively). `salt` comes from
   * `Authorship.newSalt()`: this INSERT is the only place outside the authorship module that names
   * the column, and nothing here reads it back.
   */
  async insert(
    user: { username: string; displayName: string; email: string | null; passwordHash: string; role: Role },
    salt: Buffer,
    manager: EntityManager = this.db.manager,
  ): Promise<UserRow | null> {
    const rows: UserRow[] = await manager.query(
      `INSERT INTO users (username, display_name, email, password_hash, role, anon_salt, username_skeleton, display_name_skeleton)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ((lower(username))) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [
        user.username,
        user.displayName,
        user.email,
        user.passwordHash,
        user.role,
        salt,
        nameSkeleton(user.username),
        nameSkeleton(user.displayName),
      ],
    );
    return rows[0] ?? null;
  }

  /** Case-insensitive: "Kari" and "kari" are one user. */
  async findByUsername(username: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE lower(username) = lower($1)`, [
      username,
    ]);
    return rows[0] ?? null;
  }

  /** With the password hash, for checking a login. */
  async findForLogin(username: string): Promise<(UserRow & { passwordHash: string }) | null> {
    const rows: (UserRow & { passwordHash: string })[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0] ?? null;
  }

  async find(id: string, manager: EntityManager = this.db.manager): Promise<UserRow | null> {
    const rows: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async roleOf(id: string, manager: EntityManager = this.db.manager): Promise<Role | undefined> {
    const rows: { role: Role }[] = await manager.query('SELECT role FROM users WHERE id = $1', [id]);
    return rows[0]?.role;
  }

  async passwordHashOf(id: string): Promise<string | undefined> {
    const rows: { password_hash: string }[] = await this.db.query('SELECT password_hash FROM users WHERE id = $1', [
      id,
    ]);
    return rows[0]?.password_hash;
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
      id,
      passwordHash,
    ]);
  }

  async setRole(tx: EntityManager, id: string, role: Role): Promise<UserRow | null> {
    const [rows]: [UserRow[], number] = await tx.query(
      `UPDATE users SET role = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, role],
    );
    return rows[0] ?? null;
  }

  /** A member whose application was approved joins the panel; a higher role stays as it is. */
  async promoteToPanel(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE users SET role = 'panel' WHERE id = $1 AND role = 'member'`, [id]);
  }

  /** The user's row, locked until the transaction ends. */
  async lock(tx: EntityManager, id: string): Promise<UserRow | null> {
    const rows: UserRow[] = await tx.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Locks every administrator's row and counts them. Two transactions demoting or deleting two
   * administrators at once wait for each other here, and the second counts what the first left.
   */
  async lockAdmins(tx: EntityManager): Promise<number> {
    const rows: unknown[] = await tx.query(`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
    return rows.length;
  }

  async adminIds(tx: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY id`);
    return rows.map((r) => r.id);
  }

  async countAdmins(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
    return n;
  }

  /** Deletes the row; sessions, the salt and everything keyed to the id go with it. */
  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query('DELETE FROM users WHERE id = $1', [id]);
  }

  /** By username (case-insensitively), then id; `q` matches username or display name. */
  list(q: string | undefined, limit: number, after: [string, string] | null): Promise<UserRow[]> {
    const like = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
    return this.db.query(
      `SELECT ${USER_COLUMNS} FROM users
       WHERE ($1::text IS NULL OR lower(username) LIKE $1 OR lower(display_name) LIKE $1)
         AND ($2::text IS NULL OR (lower(username), id) > ($2::text, $3::uuid))
       ORDER BY lower(username), id
       LIMIT $4`,
      [like, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** "Ta en pause": until when the user hides the forum and café from themselves (null: no break now). */
  async breakUntil(id: string): Promise<Date | null> {
    const rows: { break_until: Date | null }[] = await this.db.query(
      'SELECT break_until FROM users WHERE id = $1 AND break_until > now()',
      [id],
    );
    return rows[0]?.break_until ?? null;
  }

  /** What only the user sees of their own account, in one statement: a break in force and the email address. */
  async ownAccount(
    id: string,
  ): Promise<{ breakUntil: Date | null; email: string | null; cafeRulesAccepted: boolean } | null> {
    const rows: { break_until: Date | null; email: string | null; cafe_rules: boolean }[] = await this.db.query(
      `SELECT CASE WHEN break_until > now() THEN break_until END AS break_until, email,
              cafe_rules_accepted_at IS NOT NULL AS cafe_rules
       FROM users WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { breakUntil: row.break_until, email: row.email, cafeRulesAccepted: row.cafe_rules } : null;
  }

  /** A new display name (its confusable skeleton with it) and/or email address; left out: unchanged. */
  async updateProfile(
    tx: EntityManager,
    id: string,
    change: { displayName?: string; email?: string | null; acceptCafeRules?: boolean },
  ): Promise<UserRow | null> {
    const [rows]: [UserRow[], number] = await tx.query(
      `UPDATE users SET
         display_name = CASE WHEN $2::boolean THEN $3 ELSE display_name END,
         display_name_skeleton = CASE WHEN $2::boolean THEN $4 ELSE display_name_skeleton END,
         email = CASE WHEN $5::boolean THEN $6 ELSE email END,
         cafe_rules_accepted_at = CASE WHEN $7::boolean THEN COALESCE(cafe_rules_accepted_at, now()) ELSE cafe_rules_accepted_at END
       WHERE id = $1
       RETURNING ${USER_COLUMNS}`,
      [
        id,
        change.displayName !== undefined,
        change.displayName ?? null,
        change.displayName !== undefined ? nameSkeleton(change.displayName) : null,
        change.email !== undefined,
        change.email ?? null,
        change.acceptCafeRules === true,
      ],
    );
    return rows[0] ?? null;
  }

  async setBreak(id: string, until: Date | null): Promise<void> {
    await this.db.query('UPDATE users SET break_until = $2 WHERE id = $1', [id, until]);
  }

  async accountAgeHours(id: string): Promise<number> {
    const rows: { age_hours: number }[] = await this.db.query(
      'SELECT extract(epoch FROM now() - created_at) / 3600 AS age_hours FROM users WHERE id = $1',
      [id],
    );
    return Number(rows[0]?.age_hours ?? 0);
  }

  async emailOf(id: string): Promise<string | null> {
    const rows: { email: string | null }[] = await this.db.query('SELECT email FROM users WHERE id = $1', [id]);
    return rows[0]?.email ?? null;
  }

  /**
   * Whether a name looks like (has the confusable skeleton of) another user's username or display
   * name. Pass the transaction that will write the name and call `lockName` in it first, so two
   * people taking one name at once can't both pass.
   */
  async nameBelongsToAnother(
    name: string,
    userId: string | null,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users
       WHERE id IS DISTINCT FROM $2 AND (username_skeleton = $1 OR display_name_skeleton = $1)
       LIMIT 1`,
      [nameSkeleton(name), userId],
    );
    return rows.length > 0;
  }

  /** Holds the name's skeleton until the transaction ends (a transaction-scoped advisory lock). */
  async lockName(tx: EntityManager, name: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('user-name:' || $1))`, [nameSkeleton(name)]);
  }

  // --- duty ---

  async setDutyUntil(id: string, onDuty: boolean, hours: number): Promise<Date | null> {
    const [[row]]: [{ on_duty_until: Date | null }[], number] = await this.db.query(
      `UPDATE users SET on_duty_until = CASE WHEN $2 THEN now() + make_interval(hours => $3) END WHERE id = $1 RETURNING on_duty_until`,
      [id, onDuty, hours],
    );
    return row.on_duty_until;
  }

  /** The user's shift end while it is still ahead, else null. */
  async dutyUntil(id: string): Promise<Date | null> {
    const rows: { on_duty_until: Date | null }[] = await this.db.query(
      `SELECT CASE WHEN on_duty_until > now() THEN on_duty_until END AS on_duty_until FROM users WHERE id = $1`,
      [id],
    );
    return rows[0]?.on_duty_until ?? null;
  }

  onDuty(roles: readonly Role[]): Promise<{ username: string; display_name: string; on_duty_until: Date }[]> {
    return this.db.query(
      `SELECT username, display_name, on_duty_until FROM users WHERE role = ANY($1::text[]) AND on_duty_until > now() ORDER BY on_duty_until`,
      [roles],
    );
  }

  async anyoneOnDuty(roles: readonly Role[]): Promise<boolean> {
    const rows: { staffed: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM users WHERE role = ANY($1::text[]) AND on_duty_until > now()) AS staffed`,
      [roles],
    );
    return rows[0]?.staffed === true;
  }

  // --- the user's own data (GET /api/me/export) ---

  async exportAccount(id: string): Promise<Record<string, unknown>> {
    const [row] = await this.db.query(
      `SELECT id, username, display_name AS "displayName", email, role, created_at AS "createdAt",
              password_changed_at AS "passwordChangedAt", break_until AS "breakUntil", on_duty_until AS "onDutyUntil",
              cafe_rules_accepted_at AS "cafeRulesAcceptedAt"
       FROM users WHERE id = $1`,
      [id],
    );
    return row;
  }

  // --- password reset links (only their hashes) ---

  async insertResetToken(tx: EntityManager, userId: string, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await tx.query('INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)', [
      userId,
      tokenHash,
      expiresAt,
    ]);
  }

  /** Uses a reset token once; the user whose password it may set, or null. */
  async consumeResetToken(tokenHash: Buffer): Promise<string | null> {
    const rows: [{ user_id: string }[], number] = await this.db.query(
      `UPDATE password_resets SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.[0]?.user_id ?? null;
  }

  async purgeResetTokens(): Promise<void> {
    await this.db.query(`DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'`);
  }
}
