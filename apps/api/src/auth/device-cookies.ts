import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'cookie';
import { sign, unsign } from 'cookie-signature';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export const DEVICE_COOKIE = 'erf.device';
const DEVICE_DAYS = 365;

/**
 * OWASP's device cookies: a browser that has logged in to an account before carries a signed
 * cookie naming that account. Its logins are limited per device, not with everyone else's, so ten
 * wrong guesses by a stranger lock out strangers but not the owner on their own phone.
 */
@Injectable()
export class DeviceCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The device's id when the request carries a valid device cookie for this username; otherwise null. */
  deviceFor(req: Request, username: string): string | null {
    const raw = parse(req.headers.cookie ?? '')[DEVICE_COOKIE];
    const payload = raw ? unsign(raw, this.secret) : false;
    if (!payload) return null;
    try {
      const { u, d } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; d?: unknown };
      return u === this.accountTag(username) && typeof d === 'string' ? d : null;
    } catch {
      return null;
    }
  }

  /** After a successful login: this browser is a known device for the account (renewed, same id). */
  issue(res: Response, username: string, device: string | null): void {
    const payload = Buffer.from(
      JSON.stringify({ u: this.accountTag(username), d: device ?? randomBytes(16).toString('base64url') }),
    ).toString('base64url');
    res.cookie(DEVICE_COOKIE, sign(payload, this.secret), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.production,
      path: '/api/auth',
      maxAge: DEVICE_DAYS * 24 * 3600 * 1000,
    });
  }

  /** The account a cookie is for, without naming it to whoever reads the cookie on the device. */
  private accountTag(username: string): string {
    return createHash('sha256').update(this.secret).update(username.toLowerCase()).digest('base64url').slice(0, 22);
  }

  /** Not the session cookie's own secret as is: a device cookie can never pass for a session cookie. */
  private get secret(): string {
    return `device:${this.config.sessionSecret}`;
  }
}
