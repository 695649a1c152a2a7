import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { cleanName, isReservedName, nameFormProblem, nameSkeleton } from '#libs/content';
import type { Role } from '#libs/contracts';
import { PasswordHasher } from '../auth/password-hasher.js';
import type { SessionUser } from '../auth/session-user.js';
import { Authorship } from '../authorship/authorship.service.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { Transactions } from '../database/transactions.js';
import { toUserDto, type UserDto } from './dto/user.dto.js';
import { UsersRepository, type UserRow } from './users.repository.js';

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  email?: string;
  role?: Role;
  /** Made by the system (the first administrator), not named by a person: reserved names allowed. */
  bySystem?: boolean;
}

const RESET_LINK_HOURS = 24;
const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Accounts: creating, finding, roles, passwords and reset links, deletion. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tx: Transactions,
    private readonly hasher: PasswordHasher,
    private readonly authorship: Authorship,
  ) {}

  /**
   * A new account. The names follow the one name rule (`checkName`); the username and display name
   * are held (`lockName`) until the account exists, so two registrations can't take one name.
   */
  async create(input: NewUser, manager?: EntityManager): Promise<UserRow> {
    const displayName = input.displayName === undefined ? input.username : this.formOf(input.displayName);
    const passwordHash = await this.hasher.hash(input.password);
    const work = async (m: EntityManager) => {
      for (const name of [...new Set([input.username, displayName].map(nameSkeleton))].sort())
        await this.users.lockName(m, name);
      await this.checkName('username', input.username, null, input.bySystem === true, m);
      if (nameSkeleton(displayName) !== nameSkeleton(input.username))
        await this.checkName('displayName', displayName, null, input.bySystem === true, m);
      const salt = this.authorship.newSalt();
      const user = await this.users.insert(
        {
          username: input.username,
          displayName,
          email: input.email ?? null,
          passwordHash,
          role: input.role ?? 'member',
        },
        salt,
        m,
      );
      if (!user) throw conflict('username_taken', 'That username is taken. Choose another.');
      await this.authorship.startOwnIndex(salt, m);
      return user;
    };
    return manager ? work(manager) : this.tx.run(work);
  }

  /** A display name as kept, or 400: no control characters (a line break), something visible. */
  private formOf(raw: string): string {
    const problem = nameFormProblem(raw);
    if (problem === 'control')
      throw badRequest('displayName must be one line of text, without control characters such as line breaks');
    if (problem === 'blank') throw badRequest('displayName must not be blank (it has no visible character)');
    return cleanName(raw);
  }

  /**
   * The one name rule, for a username or display name a person gives themselves: not a name the
   * product keeps for itself ("Anonym 1", "Gjest", "Moderator"), and not one that looks like
   * (shares the skeleton of) another account's username or display name. 409 `name_taken` (or
   * `username_taken`) otherwise.
   */
  private async checkName(
    field: 'username' | 'displayName',
    name: string,
    userId: string | null,
    reservedAllowed: boolean,
    manager: EntityManager,
  ): Promise<void> {
    const code = field === 'username' ? 'username_taken' : 'name_taken';
    const what = field === 'username' ? 'username' : 'display name';
    if (!reservedAllowed && isReservedName(name))
      throw conflict(
        code,
        `That ${what} is kept for the forum itself (such as "Anonym", "Gjest" or "Moderator", with or without a number). Choose another.`,
      );
    if (await this.users.nameBelongsToAnother(name, userId, manager))
      throw conflict(
        code,
        field === 'username'
          ? 'That username is taken, or looks too much like one in use. Choose another.'
          : 'That display name looks like the name of someone registered here. Choose another.',
      );
  }

  /** Case-insensitive: "Kari" and "kari" are one user. Includes the password hash. */
  findForLogin(username: string): Promise<(UserRow & { passwordHash: string }) | null> {
    return this.users.findForLogin(username);
  }

  async findSessionUser(id: string): Promise<SessionUser | null> {
    const user = await this.users.find(id);
    return user ? toUserDto(user) : null;
  }

  /** "Ta en pause": until when the user has chosen to hide the forum and café from themselves. */
  breakUntil(id: string): Promise<Date | null> {
    return this.users.breakUntil(id);
  }

  /** What only the user sees of their account (GET /api/auth/me), in one read: a break in force and their email. */
  async ownAccount(id: string): Promise<{ breakUntil: Date | null; email: string | null; cafeRulesAccepted: boolean }> {
    return (await this.users.ownAccount(id)) ?? { breakUntil: null, email: null, cafeRulesAccepted: false };
  }

  /**
   * "Min side": a new display name and/or email address (null or "" removes the address). The
   * display name follows the one name rule (`checkName`); the user's own username is always theirs.
   */
  async updateProfile(
    user: SessionUser,
    change: { displayName?: string; email?: string | null; acceptCafeRules?: boolean },
  ): Promise<UserRow> {
    const displayName = change.displayName === undefined ? undefined : this.formOf(change.displayName);
    const email = change.email === undefined ? undefined : change.email?.trim() || null;
    const updated = await this.tx.run(async (tx) => {
      if (displayName !== undefined && nameSkeleton(displayName) !== nameSkeleton(user.username)) {
        await this.users.lockName(tx, displayName);
        await this.checkName('displayName', displayName, user.id, false, tx);
      }
      return this.users.updateProfile(tx, user.id, { displayName, email, acceptCafeRules: change.acceptCafeRules });
    });
    if (!updated) throw notFound('There is no such user.');
    return updated;
  }

  setBreak(id: string, until: Date | null): Promise<void> {
    return this.users.setBreak(id, until);
  }

  async get(id: string, manager?: EntityManager): Promise<UserRow> {
    const user = await this.users.find(id, manager);
    if (!user) throw notFound('No such user.');
    return user;
  }

  passwordHashOf(id: string): Promise<string | undefined> {
    return this.users.passwordHashOf(id);
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.users.setPassword(id, await this.hasher.hash(password));
  }

  async list(q: string | undefined, limit: number, cursor: string | undefined): Promise<Page<UserDto>> {
    const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | null;
    const rows = await this.users.list(q, limit + 1, after);
    return toPage(rows, limit, (u) => [u.username.toLowerCase(), u.id], toUserDto);
  }

  /**
   * A new role, in the caller's transaction. Taking the role from an administrator is refused when
   * they are the last one (checked here, under the lock, so two demotions at once can't both pass).
   * Returns the user as they were and as they are now.
   */
  async setRole(tx: EntityManager, id: string, role: Role): Promise<{ before: UserRow; after: UserRow }> {
    const before = await this.users.lock(tx, id);
    if (!before) throw notFound('No such user.');
    if (before.role === 'admin' && role !== 'admin')
      await this.ensureAnotherAdmin(tx, 'This is the only administrator; make someone else administrator first.');
    const after = await this.users.setRole(tx, id, role);
    if (!after) throw notFound('No such user.');
    return { before, after };
  }

  /** A member whose panel application was approved becomes `panel` (a higher role stays). */
  promoteToPanel(tx: EntityManager, id: string): Promise<void> {
    return this.users.promoteToPanel(tx, id);
  }

  /** A one-time link, valid for a day; only its hash is stored. */
  async createResetToken(userId: string, tx: EntityManager): Promise<{ token: string; expiresAt: Date }> {
    await this.get(userId, tx);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600_000);
    await this.users.insertResetToken(tx, userId, sha256(token), expiresAt);
    return { token, expiresAt };
  }

  /** Uses a reset token once; returns the user whose password it may set, or null. */
  consumeResetToken(token: string): Promise<string | null> {
    return this.users.consumeResetToken(sha256(token));
  }

  /**
   * Deletes the account and, with it, its sessions, its anon_salt (so its anonymous posts link to
   * no one any more) and everything keyed to its id; named posts stay, with the author shown as deleted.
   */
  async delete(id: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const user = await this.users.lock(tx, id);
      if (!user) throw notFound('No such user.');
      if (user.role === 'admin')
        await this.ensureAnotherAdmin(tx, 'You are the only administrator; make someone else administrator first.');
      // The sealed index can only be found with the salt, which goes with the row.
      await this.authorship.forgetOwnScopes(await this.authorship.viewer(id, tx), tx);
      await this.users.delete(tx, id);
    });
    this.authorship.forgetSalt(id);
  }

  countAdmins(): Promise<number> {
    return this.users.countAdmins();
  }

  findByUsername(username: string): Promise<UserRow | null> {
    return this.users.findByUsername(username);
  }

  /**
   * The "last administrator" rule, in the transaction that takes an administrator away: every
   * administrator's row is locked first, so of two such changes at once the second sees the first.
   */
  private async ensureAnotherAdmin(tx: EntityManager, message: string): Promise<void> {
    if ((await this.users.lockAdmins(tx)) <= 1) throw conflict('last_admin', message);
  }
}
