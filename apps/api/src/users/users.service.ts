import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '#libs/contracts';
import { conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import type { SessionUser } from '../auth/session-user.js';
import { toUserDto, type UserDto } from './dto/user.dto.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  email?: string;
  role?: Role;
}

const RESET_LINK_HOURS = 24;
const sha256 = (s: string) => createHash('sha256').update(s).digest();

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  private get users() {
    return this.db.getRepository(UserEntity);
  }

  async create(input: NewUser, manager: EntityManager = this.db.manager): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(input.password);
    const rows: UserEntity[] = await manager.query(
      `INSERT INTO users (username, display_name, email, password_hash, role, anon_salt)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(username))) DO NOTHING
       RETURNING id, username, display_name AS "displayName", role`,
      [
        input.username,
        input.displayName?.trim() || input.username,
        input.email ?? null,
        passwordHash,
        input.role ?? 'member',
        randomBytes(32),
      ],
    );
    if (rows.length === 0) throw conflict('username_taken', 'That username is taken. Choose another.');
    return rows[0];
  }

  /** Case-insensitive: "Kari" and "kari" are one user. Includes the password hash. */
  async findForLogin(username: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    return (await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne()) as (UserEntity & { passwordHash: string }) | null;
  }

  async findSessionUser(id: string): Promise<SessionUser | null> {
    const user = await this.users.findOne({
      where: { id },
      select: { id: true, username: true, displayName: true, role: true, passwordChangedAt: true },
    });
    return user ? toUserDto(user) : null;
  }

  /** "Ta en pause": until when the user has chosen to hide the forum and café from themselves. */
  async breakUntil(id: string): Promise<Date | null> {
    const rows: { break_until: Date | null }[] = await this.db.query(
      'SELECT break_until FROM users WHERE id = $1 AND break_until > now()',
      [id],
    );
    return rows[0]?.break_until ?? null;
  }

  async setBreak(id: string, until: Date | null): Promise<void> {
    await this.db.query('UPDATE users SET break_until = $2 WHERE id = $1', [id, until]);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('No such user.');
    return user;
  }

  async passwordHashOf(id: string): Promise<string | undefined> {
    const row = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
    return row?.passwordHash;
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.users.update({ id }, { passwordHash: await this.hasher.hash(password), passwordChangedAt: new Date() });
  }

  /** Ends every session of the user except, optionally, the one making the request. */
  async endSessions(userId: string, exceptSid?: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE user_id = $1 AND sid IS DISTINCT FROM $2', [
      userId,
      exceptSid ?? null,
    ]);
  }

  async list(q: string | undefined, limit: number, cursor: string | undefined): Promise<Page<UserDto>> {
    const after = decodeCursor(cursor, ['string', 'uuid']);
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('lower(u.username)', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit + 1);
    if (q)
      qb.andWhere(`(lower(u.username) LIKE :q OR lower(u.displayName) LIKE :q)`, {
        q: `%${q.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`,
      });
    if (after) qb.andWhere('(lower(u.username), u.id) > (:name, :id)', { name: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, (u) => [u.username.toLowerCase(), u.id], toUserDto);
  }

  async setRole(id: string, role: Role, manager: EntityManager = this.db.manager): Promise<UserEntity> {
    const result = await manager.getRepository(UserEntity).update({ id }, { role });
    if (!result.affected) throw notFound('No such user.');
    return manager.getRepository(UserEntity).findOneByOrFail({ id });
  }

  /** A one-time link, valid for a day; only its hash is stored. */
  async createResetToken(userId: string): Promise<{ token: string; expiresAt: Date }> {
    await this.get(userId);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600_000);
    await this.db.query('INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)', [
      userId,
      sha256(token),
      expiresAt,
    ]);
    return { token, expiresAt };
  }

  /** Uses a reset token once; returns the user whose password it may set, or null. */
  async consumeResetToken(token: string): Promise<string | null> {
    const rows: [{ user_id: string }[], number] = await this.db.query(
      `UPDATE password_resets SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id`,
      [sha256(token)],
    );
    return rows[0]?.[0]?.user_id ?? null;
  }

  /**
   * Deletes the account and, with it, its sessions, its anon_salt (so its anonymous posts link to
   * no one any more) and everything keyed to its id; named posts stay, with the author shown as deleted.
   */
  async delete(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [user]: { role: Role }[] = await tx.query('SELECT role FROM users WHERE id = $1 FOR UPDATE', [id]);
      if (!user) throw notFound('No such user.');
      if (user.role === 'admin') {
        const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
        if (n <= 1)
          throw conflict('last_admin', 'You are the only administrator; make someone else administrator first.');
      }
      await tx.query('DELETE FROM users WHERE id = $1', [id]);
    });
  }

  async countAdmins(): Promise<number> {
    return this.users.countBy({ role: 'admin' });
  }

  async findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }
}
