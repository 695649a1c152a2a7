import { Injectable } from '@nestjs/common';
import { ApiError, badRequest } from '../common/api-error.js';
import { RateLimited, RateLimitService, type RateLimitName } from '../common/rate-limit.service.js';
import { toUserDto, type MeDto } from '../users/dto/user.dto.js';
import { UsersService } from '../users/users.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { ChangePasswordDto, RegisterDto } from './dto/auth.dto.js';
import { PasswordHasher } from './password-hasher.js';
import type { SessionUser } from './session-user.js';

const WRONG_CREDENTIALS = 'Wrong username or password.';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly limits: RateLimitService,
    private readonly identity: IdentityService,
  ) {}

  /** The logged-in user as they see themselves: their break, and a mute in force with its reason and end. */
  async me(user: SessionUser): Promise<MeDto> {
    const [own, standing] = await Promise.all([this.users.ownAccount(user.id), this.identity.standing(user)]);
    return {
      ...toUserDto(user),
      breakUntil: own.breakUntil?.toISOString() ?? null,
      email: own.email,
      cafeRulesAccepted: own.cafeRulesAccepted,
      mute: standing.mute ? { reason: standing.mute.reason, until: standing.mute.until?.toISOString() ?? null } : null,
    };
  }

  async register(dto: RegisterDto, ip: string): Promise<SessionUser> {
    await this.limits.consume('registrationsPerIp', ip);
    const user = await this.users.create({
      username: dto.username,
      password: dto.password,
      displayName: dto.displayName,
      email: dto.email,
    });
    return toUserDto(user);
  }

  /**
   * Unknown user and wrong password answer alike, in about the same time (a dummy hash is
   * verified for unknown users). Failures count per username and per IP; the counters expire,
   * so an attacker can slow logins to an account but not lock its owner out for good. A browser
   * that logged in to the account before (`device`, from its device cookie) is counted on its own
   * instead, so the owner gets in while strangers are throttled.
   */
  async verifyCredentials(
    username: string,
    password: string,
    ip: string,
    device: string | null = null,
  ): Promise<SessionUser> {
    const userKey = username.toLowerCase();
    const counters: [RateLimitName, string][] = device
      ? [['loginFailuresPerDevice', device]]
      : [
          ['loginFailuresPerUsername', userKey],
          ['loginFailuresPerIp', ip],
        ];
    let wait = 0;
    for (const [name, key] of counters) wait = Math.max(wait, await this.limits.blockedFor(name, key));
    if (wait > 0) {
      throw new RateLimited(wait, `Too many failed logins. Try again in ${Math.ceil(wait / 60)} minute(s).`);
    }
    const user = await this.users.findForLogin(username);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok) {
      for (const [name, key] of counters) await this.limits.penalize(name, key);
      throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
    }
    for (const [name, key] of counters) if (name !== 'loginFailuresPerIp') await this.limits.reset(name, key);
    // Told only after the right password, so a ban says nothing to someone guessing.
    const { ban } = await this.identity.standingOf(user.id);
    if (ban) {
      const until = ban.until ? ban.until.toISOString() : null;
      throw new ApiError(403, 'banned', until ? `This account is banned until ${until}.` : 'This account is banned.', {
        reason: ban.reason,
        until,
      });
    }
    return toUserDto(user);
  }

  /**
   * The password of someone already logged in: limited per user like a login, so a stolen
   * session cannot guess its way past the login limits (API.md: 10 per 15 minutes).
   */
  private async checkPassword(user: SessionUser, password: string): Promise<boolean> {
    await this.limits.consume('passwordChecksPerUser', user.id);
    return this.hasher.verify(await this.users.passwordHashOf(user.id), password);
  }

  /** The session is gone; the sockets it let in go too. */
  loggedOut(user: SessionUser, sid: string): Promise<void> {
    return this.identity.sessionEnded(user.id, sid);
  }

  /** Deletes the account; its anonymous posts can then be linked to no one, even with ANON_SECRET. */
  async deleteAccount(user: SessionUser, password: string): Promise<void> {
    const ok = await this.checkPassword(user, password);
    if (!ok) throw badRequest('password is not your current password.', 'invalid_credentials');
    await this.users.delete(user.id);
    await this.identity.endSessions(user.id);
  }

  async changePassword(user: SessionUser, dto: ChangePasswordDto, currentSid: string): Promise<void> {
    const ok = await this.checkPassword(user, dto.currentPassword);
    if (!ok) throw badRequest('currentPassword is not your current password.', 'invalid_credentials');
    await this.users.setPassword(user.id, dto.newPassword);
    await this.identity.endSessions(user.id, currentSid);
  }

  async resetPassword(token: string, newPassword: string): Promise<void> {
    const userId = await this.users.consumeResetToken(token);
    if (!userId)
      throw badRequest('This reset link is not valid any more. Ask an administrator for a new one.', 'invalid_token');
    await this.users.setPassword(userId, newPassword);
    await this.identity.endSessions(userId);
  }
}
